"""Tests of policytext.text: sentence boundaries, exact offsets, paragraphs, headings, lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.text import Sentence, sentence_spans, split_sentences


def texts(source: str) -> list[str]:
    return [s.text for s in sentence_spans(source)]


# --- boundaries ------------------------------------------------------------------------------


_BOUNDARY_CASES = json.loads(
    (Path(__file__).parent / "data" / "sentence_boundaries.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            case["text"],
            case["sentences"],
            marks=[pytest.mark.xfail(strict=True, reason="known miss")]
            if case.get("known_miss")
            else [],
        )
        for case in _BOUNDARY_CASES
    ]
    + [
        (
            "Trade is worth nearly £6bn. Exports rose 3.5% in 2024.",
            ["Trade is worth nearly £6bn.", "Exports rose 3.5% in 2024."],
        ),
        (
            "Since the 7 October massacres, nothing is the same. We know it.",
            ["Since the 7 October massacres, nothing is the same.", "We know it."],
        ),
        ("Jones et al. found no effect.", ["Jones et al. found no effect."]),
    ],
)
def test_sentence_boundaries(source: str, expected: list[str]) -> None:
    assert texts(source) == expected


def test_split_sentences_works_on_a_slice_with_offsets() -> None:
    source = "IGNORED. One here. Two here. IGNORED."
    start, end = source.index("One"), source.index(" IGNORED.", 10)
    spans = split_sentences(source, start, end)
    assert [source[a:b] for a, b in spans] == ["One here.", "Two here."]


# --- offsets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "First line here.\r\nSecond line here.\r\n\r\nA new paragraph.\r\n",
        "It cost £6\u00a0bn.\u00a0Then\u00a0prices rose.",
        "\tIndented start.\tTabbed sentence follows.  ",
        "“Smart quotes,” he said. ‘Single ones’ too… And dashes – like this.",
        "\ufeffA byte-order mark starts this. Then a second sentence.",
    ],
)
def test_offsets_index_the_original_string(source: str) -> None:
    sents = sentence_spans(source)
    assert sents
    for s in sents:
        assert source[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert not s.text.startswith("\ufeff")


def test_crlf_paragraphs_and_offsets() -> None:
    source = "One sentence.\r\nAnother one.\r\n\r\nA new paragraph."
    sents = sentence_spans(source)
    assert [s.text for s in sents] == ["One sentence.", "Another one.", "A new paragraph."]
    assert [s.paragraph for s in sents] == [0, 1, 2]
    assert sents[2].start == source.index("A new")


def test_nbsp_is_whitespace_inside_and_around_sentences() -> None:
    source = "\u00a0Trade is worth £6\u00a0bn. Then\u00a0prices rose.\u00a0"
    assert texts(source) == ["Trade is worth £6\u00a0bn.", "Then\u00a0prices rose."]


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u200b\u200b"])
def test_zero_width_characters_separate_sentences(invisible: str) -> None:
    source = f"The UK suspended talks.{invisible}Ministers should restart them."
    sents = sentence_spans(source)
    assert [s.text for s in sents] == ["The UK suspended talks.", "Ministers should restart them."]
    assert all(source[s.start : s.end] == s.text for s in sents)


# --- paragraphs, headings and lists ----------------------------------------------------------


def test_one_paragraph_per_line_web_text() -> None:
    source = "First paragraph ends here. It has two sentences.\nSecond paragraph starts here."
    sents = sentence_spans(source)
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_hard_wrapped_markdown_paragraph_is_joined() -> None:
    source = (
        "The government should act on housing\n"
        "before the next Budget, and councils\n"
        "must follow. A second sentence ends\n"
        "the paragraph.\n"
        "\n"
        "A new paragraph."
    )
    sents = sentence_spans(source)
    assert [s.text for s in sents] == [
        "The government should act on housing\nbefore the next Budget, and councils\nmust follow.",
        "A second sentence ends\nthe paragraph.",
        "A new paragraph.",
    ]
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_markdown_heading() -> None:
    sents = sentence_spans("## The way forward\nWe need to act. Now.")
    assert sents[0] == Sentence(3, 18, "The way forward", 0, "heading", "##")
    assert [s.kind for s in sents[1:]] == ["sentence", "sentence"]
    assert sents[1].paragraph == 1


def test_short_title_line_without_final_punctuation_is_a_heading() -> None:
    sents = sentence_spans("Why Britain needs a plan\nThe country is stuck. It needs a plan.")
    assert [(s.kind, s.text) for s in sents] == [
        ("heading", "Why Britain needs a plan"),
        ("sentence", "The country is stuck."),
        ("sentence", "It needs a plan."),
    ]


def test_numbered_list_items() -> None:
    source = "Five things ministers must do:\n1. Give the institute teeth.\n2) Scrap the cap. Now."
    sents = sentence_spans(source)
    assert [(s.kind, s.marker, s.text) for s in sents] == [
        ("sentence", None, "Five things ministers must do:"),
        ("list_item", "1.", "Give the institute teeth."),
        ("list_item", "2)", "Scrap the cap."),
        ("list_item", None, "Now."),
    ]
    assert [s.paragraph for s in sents] == [0, 1, 2, 2]


@pytest.mark.parametrize("marker", ["-", "*", "•"])
def test_bullets(marker: str) -> None:
    source = f"{marker} Cut taxes.\n{marker} Build homes."
    sents = sentence_spans(source)
    assert [(s.kind, s.marker, s.text) for s in sents] == [
        ("list_item", marker, "Cut taxes."),
        ("list_item", marker, "Build homes."),
    ]
    assert source[sents[1].start : sents[1].end] == "Build homes."


def test_indented_continuation_of_a_list_item() -> None:
    source = "- Publish real-time spill data\n  for every overflow.\n- Cap pay."
    assert texts(source) == ["Publish real-time spill data\n  for every overflow.", "Cap pay."]


def test_negative_number_is_not_a_bullet() -> None:
    sents = sentence_spans("-5% growth is a recession.")
    assert [(s.kind, s.text) for s in sents] == [("sentence", "-5% growth is a recession.")]


def test_horizontal_rule_separates_paragraphs() -> None:
    sents = sentence_spans("Before the rule.\n---\nAfter the rule.")
    assert [(s.text, s.paragraph) for s in sents] == [
        ("Before the rule.", 0),
        ("After the rule.", 1),
    ]


def test_empty_and_whitespace_text_give_no_sentences() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t\u00a0\r\n") == []


def test_non_str_is_rejected() -> None:
    with pytest.raises(TypeError, match="expected str, got bytes"):
        sentence_spans(b"bytes are not text")  # type: ignore[arg-type]


def test_seed_sentences(seed_text: str) -> None:
    sents = sentence_spans(seed_text)
    joined = [s.text for s in sents]
    assert (
        "In the face of Putin’s aggression and sabre-rattling, it’s also clear we need to enhance "
        "Britain’s air defences, both at home and for our deployed forces in Eastern Europe."
    ) in joined
    assert "So how can we best get relations back on track?" in joined
    assert "Israel – the region’s only democracy – should be no different." in joined
    assert len({s.paragraph for s in sents}) == 18


# --- properties ------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"abcXYZ .!?…,;:-–—“”‘’\"'()[]\n\r\t\u00a0#*•123£$",
        *["Mr.", "U.S.", "e.g.", "1. ", "- ", "## ", "\r\n", "\n\n", "No. 10", "..."],
    ]
)


def _check_invariants(source: str) -> None:
    sents = sentence_spans(source)
    prev_end = 0
    for s in sents:
        assert source[s.start : s.end] == s.text
        assert s.text
        assert s.text == s.text.strip()
        assert s.start >= prev_end
        prev_end = s.end
        assert s.kind in ("sentence", "heading", "list_item")
    assert [s.paragraph for s in sents] == sorted(s.paragraph for s in sents)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_spans_are_exact_sorted_and_disjoint_on_tricky_alphabet(source: str) -> None:
    _check_invariants(source)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_on_arbitrary_text(source: str) -> None:
    _check_invariants(source)
