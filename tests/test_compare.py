"""Tests for policytext.compare with a fake encoder: pipeline mechanics and options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import policytext as pt
from policytext.anaphora import anaphoric
from policytext.lexical import content_tokens
from policytext.pipeline import contexts, rank
from policytext.score import ask_weights
from tests._fakes import HashingEncoder, policy_sentences

TEXT = (
    "Ministers should restart the free trade talks with Israel. "
    "We need to enhance Britain's air defences at home."
)
POSITIONS = (
    pt.Position("FTA", "The UK suspended free trade talks with Israel.", date="2025-05-20"),
    pt.Position("AIR", "The government will invest in air defences at home.", date="2025-06-02"),
    pt.Position("LATE", "A position announced after the op-ed.", date="2026-01-01"),
    pt.Position("UNDATED", "Sanctions on Iran were reimposed."),
)


def run(encoder: HashingEncoder, **options: object) -> pt.Comparison:
    return pt.compare(TEXT, POSITIONS, top_k=4, model=encoder, cache=False, **options)  # type: ignore[arg-type]


def test_one_item_per_recommendation_in_order(fake_encoder: HashingEncoder) -> None:
    result = run(fake_encoder)
    recs = pt.segment(TEXT)
    assert [item.recommendation for item in result.recommendations] == recs
    for item in result.recommendations:
        scores = [m.score for m in item.matches]
        assert scores == sorted(scores, reverse=True)
        for m in item.matches:
            assert 0 <= m.score <= 1
            assert 0 <= m.semantic <= 1
            assert 0 <= m.fuzzy <= 1
            assert 0 <= m.lexical <= 1
        assert item.rationale


def test_highlights_point_at_shared_words(fake_encoder: HashingEncoder) -> None:
    result = run(fake_encoder)
    first = result.recommendations[0]
    fta = next(m for m in first.matches if m.position.id == "FTA")
    rec_text, pos_text = first.recommendation.text, fta.position.text
    words = {
        rec_text[h.recommendation_start : h.recommendation_end].lower() for h in fta.highlights
    }
    assert {"free", "trade", "talks", "israel"} <= words
    for h in fta.highlights:
        assert (
            pos_text[h.position_start : h.position_end]
            .lower()
            .startswith(rec_text[h.recommendation_start : h.recommendation_end].lower()[:4])
        )


def test_as_of_drops_later_positions_but_keeps_undated(fake_encoder: HashingEncoder) -> None:
    result = run(fake_encoder, as_of="2025-10-20")
    assert result.positions_count == 3
    ids = {m.position.id for item in result.recommendations for m in item.matches}
    assert "LATE" not in ids
    assert result.as_of == dt.date(2025, 10, 20)
    assert run(fake_encoder, as_of=dt.date(2025, 5, 31)).positions_count == 2


def test_summary_counts_add_up(fake_encoder: HashingEncoder) -> None:
    result = run(fake_encoder)
    assert sum(result.summary.counts.values()) == len(result.recommendations)
    assert -1 <= result.summary.alignment <= 1


def test_positions_may_be_a_path(tmp_path: Path, fake_encoder: HashingEncoder) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "A", "text": "Restart free trade talks."}\n', encoding="utf-8")
    result = pt.compare(TEXT, path, model=fake_encoder, cache=False)
    assert result.positions_count == 1


def test_index_is_reusable_and_encodes_positions_once(fake_encoder: HashingEncoder) -> None:
    index = pt.PositionIndex.build(POSITIONS, fake_encoder)
    before = len(fake_encoder.encoded_texts)
    pt.compare(TEXT, index)
    pt.compare(TEXT, index)
    encoded = fake_encoder.encoded_texts[before:]
    assert not set(encoded) & {p.text for p in POSITIONS}


def test_each_distinct_query_text_is_encoded_once(fake_encoder: HashingEncoder) -> None:
    index = pt.PositionIndex.build(POSITIONS, fake_encoder)
    before = len(fake_encoder.encoded_texts)
    # One sentence: the ask has no sentence before it, so it is its own context.
    pt.compare("Ministers should restart the free trade talks with Israel.", index)
    assert fake_encoder.encoded_texts[before:] == [
        "Ministers should restart the free trade talks with Israel"
    ]


def test_candidates_limit_keeps_results_consistent(fake_encoder: HashingEncoder) -> None:
    narrow = pt.compare(TEXT, POSITIONS, top_k=1, model=fake_encoder, cache=False, candidates=1)
    recs = [item.recommendation for item in narrow.recommendations]
    for item, rec, ctx in zip(narrow.recommendations, recs, contexts(TEXT, recs), strict=True):
        assert len(item.matches) == 1
        # The one candidate is the best by retrieval: the weighted sum of raw cosines.
        w = ask_weights(pt.Weights(), anaphoric(rec.text))
        plain, in_context = fake_encoder.vector(rec.text), fake_encoder.vector(ctx)
        retrieval = {
            p.id: w.semantic * float(plain @ fake_encoder.vector(p.text))
            + w.context * float(in_context @ fake_encoder.vector(p.text))
            for p in POSITIONS
        }
        assert item.matches[0].position.id == max(retrieval, key=retrieval.__getitem__)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"top_k": 0}, "top_k"), ({"as_of": "20 May"}, "as_of"), ({"candidates": 0}, "candidates")],
)
def test_bad_options(fake_encoder: HashingEncoder, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(pt.InputError, match=message):
        pt.compare(TEXT, POSITIONS, model=fake_encoder, cache=False, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\t ", b"bytes"])
def test_bad_text(fake_encoder: HashingEncoder, text: object) -> None:
    with pytest.raises(pt.InputError):
        pt.compare(text, POSITIONS, model=fake_encoder, cache=False)  # type: ignore[arg-type]


def test_empty_or_duplicate_positions(fake_encoder: HashingEncoder) -> None:
    with pytest.raises(pt.PositionsError, match="duplicate"):
        pt.compare(TEXT, [POSITIONS[0], POSITIONS[0]], model=fake_encoder, cache=False)
    with pytest.raises(pt.PositionsError, match="no positions"):
        pt.compare(TEXT, [], model=fake_encoder, cache=False)


def test_as_of_before_every_position_is_an_error(fake_encoder: HashingEncoder) -> None:
    dated = [p for p in POSITIONS if p.date is not None]
    with pytest.raises(pt.PositionsError, match="as_of=2020-01-01: all 3 are later"):
        pt.compare(TEXT, dated, model=fake_encoder, cache=False, as_of="2020-01-01")


def test_index_from_precomputed_embeddings(fake_encoder: HashingEncoder) -> None:
    embeddings = fake_encoder.encode([p.text for p in POSITIONS])
    index = pt.PositionIndex.from_embeddings(POSITIONS, embeddings, fake_encoder)
    built = pt.PositionIndex.build(POSITIONS, fake_encoder)
    assert index.vocabulary == built.vocabulary
    assert [index.tokens(j) for j in range(len(index))] == [
        built.tokens(j) for j in range(len(built))
    ]
    with pytest.raises(pt.PositionsError, match="duplicate"):
        pt.PositionIndex.from_embeddings([POSITIONS[0]] * 2, embeddings[:2], fake_encoder)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (lambda e: e[:2], r"one embedding row per position \(4\)"),
        (lambda e: e.tolist(), "2-D numpy array, got list"),
        (lambda e: e[:, :8], "8 columns; the encoder makes 16"),
        (lambda e: np.where(np.arange(e.shape[1]) == 0, np.nan, e), "NaN"),
        (lambda e: e * 10, "unit length"),
    ],
)
def test_index_from_bad_embeddings(
    fake_encoder: HashingEncoder, bad: Callable[[np.ndarray], object], message: str
) -> None:
    embeddings = fake_encoder.encode([p.text for p in POSITIONS])
    with pytest.raises(pt.InputError, match=message):
        pt.PositionIndex.from_embeddings(POSITIONS, bad(embeddings), fake_encoder)  # type: ignore[arg-type]


def test_as_of_index_keeps_word_offsets_right(fake_encoder: HashingEncoder) -> None:
    index = pt.PositionIndex.build(POSITIONS, fake_encoder)
    index.tokens(3)  # made on demand and kept; the filtered index must re-map it
    early = index.as_of(dt.date(2025, 12, 31))
    assert [p.id for p in early.positions] == ["FTA", "AIR", "UNDATED"]
    for j, position in enumerate(early.positions):
        assert [position.text[t.start : t.end] for t in early.tokens(j)] == [
            position.text[t.start : t.end] for t in content_tokens(position.text)
        ]


def test_rank_with_no_recommendations(fake_encoder: HashingEncoder) -> None:
    index = pt.PositionIndex.build(POSITIONS, fake_encoder)
    assert rank([], index) == ()


def test_exports(fake_encoder: HashingEncoder) -> None:
    result = run(fake_encoder)
    data = result.to_dict()
    assert data["positions"] == 4
    assert len(data["recommendations"]) == len(result.recommendations)  # type: ignore[arg-type]
    assert '"verdict"' in result.to_json()
    markdown = result.to_markdown()
    assert markdown.startswith("# policytext comparison")
    assert "| verdict | count |" in markdown
    assert "**" in markdown
    assert "semantic" in result.to_text()


def test_candidates_none_and_datetime_dates(fake_encoder: HashingEncoder) -> None:
    result = pt.compare(
        TEXT,
        POSITIONS,
        model=fake_encoder,
        cache=False,
        candidates=None,
        as_of=dt.datetime(2025, 10, 20, 12, 0),
    )
    assert result.as_of == dt.date(2025, 10, 20)
    assert pt.Position("A", "x", date=dt.datetime(2025, 1, 1, 9)).date == dt.date(2025, 1, 1)
    with pytest.raises(pt.PositionsError):
        pt.Position("A", "x", date="2025-W01-1")
    with pytest.raises(pt.InputError):
        pt.compare(TEXT, POSITIONS, model=fake_encoder, cache=False, fuzzy_scorer="nope")


def test_an_ask_that_refers_back_is_scored_in_context(fake_encoder: HashingEncoder) -> None:
    text = "Britain suspended the free trade talks with Israel. Ministers should restart them."
    item = pt.compare(text, POSITIONS, top_k=4, model=fake_encoder, cache=False).recommendations[0]
    w = pt.Weights()
    for m in item.matches:
        # semantic weight moved to context, fuzzy dropped: score = (7 context + 4 lexical) / 11
        expected = ((w.semantic + w.context) * m.context + w.lexical * m.lexical) / (
            w.semantic + w.context + w.lexical
        )
        assert m.score == pytest.approx(expected, abs=1e-6)


def test_an_ask_that_refers_back_shares_words_through_its_context(
    fake_encoder: HashingEncoder,
) -> None:
    text = "Britain suspended the free trade talks with Israel. Ministers should restart them."
    item = pt.compare(text, POSITIONS, top_k=4, model=fake_encoder, cache=False).recommendations[0]
    rec = item.recommendation
    talks = next(m for m in item.matches if "trade talks" in m.position.text)
    # "them" names nothing; "trade talks" in the sentence before gives the overlap
    assert talks.lexical > 0.3
    # highlights mark only the ask's own words, with offsets into the ask
    for h in talks.highlights:
        word = rec.text[h.recommendation_start : h.recommendation_end]
        assert word
        assert word.lower() == talks.position.text[h.position_start : h.position_end].lower()
    assert {rec.text[h.recommendation_start : h.recommendation_end] for h in talks.highlights} <= {
        "restart"
    }


def test_background_needs_ten_scored_positions(fake_encoder: HashingEncoder) -> None:
    few = pt.compare(TEXT, POSITIONS, model=fake_encoder, cache=False)
    assert all(item.background is None for item in few.recommendations)
    many = [pt.Position(f"P{k}", s) for k, s in enumerate(policy_sentences(30))]
    result = pt.compare(TEXT, many, top_k=30, model=fake_encoder, cache=False)
    for item in result.recommendations:
        assert item.background is not None
        scores = sorted((m.score for m in item.matches), reverse=True)
        assert item.background == pytest.approx(float(np.median(scores[:20])), abs=1e-6)
    exported = result.to_dict()["recommendations"]
    assert exported[0]["background"] == round(result.recommendations[0].background, 4)  # type: ignore[index]


def test_contexts_do_not_depend_on_the_order_of_the_recommendations() -> None:
    text = (
        "The law repealed the exemptions for veterans. It is time for Congress to put them "
        "back. Ministers talk about work. The age limit should go back to 54."
    )
    recs = pt.segment(text)
    assert len(recs) == 2
    in_order = contexts(text, recs)
    assert contexts(text, list(reversed(recs))) == list(reversed(in_order))
    assert in_order[0].startswith("The law repealed the exemptions for veterans.")
