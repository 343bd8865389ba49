"""Tests for policytext.lexical."""

from __future__ import annotations

import pytest

from policytext.lexical import Vocabulary, content_stems, content_tokens, overlap, stem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("negotiations", "negotiate"),
        ("suspended", "suspend"),
        ("talks", "talk"),
        ("defences", "defence"),
        ("sanctions", "sanctioned"),
    ],
)
def test_stem_conflates_inflections(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_content_tokens_drop_stopwords_and_keep_offsets() -> None:
    text = "We should restart the free trade talks."
    tokens = content_tokens(text)
    assert [text[t.start : t.end] for t in tokens] == ["restart", "free", "trade", "talks"]


def test_overlap_weights_rare_words_more() -> None:
    docs = [
        content_tokens(t) for t in ("trade talks", "trade deal", "trade policy", "Iran sanctions")
    ]
    vocab = Vocabulary.build(docs)
    query = content_tokens("trade sanctions")
    share_common, _ = overlap(query, content_tokens("trade policy"), vocab)
    share_rare, pairs = overlap(query, content_tokens("new sanctions"), vocab)
    assert share_rare > share_common
    assert [p[1].stem for p in pairs] == [stem("sanctions")]


def test_overlap_is_bounded() -> None:
    vocab = Vocabulary.build([content_tokens("a b c")])
    tokens = content_tokens("restart talks talks")
    assert overlap(tokens, tokens, vocab)[0] == pytest.approx(1.0)
    assert overlap((), tokens, vocab)[0] == 0.0


def test_stems_and_tokens_agree_and_give_the_same_vocabulary() -> None:
    texts = ["The UK suspended free trade talks.", "Trade talks resume; talks continue.", ""]
    for text in texts:
        assert content_stems(text) == {t.stem for t in content_tokens(text)}
    from_tokens = Vocabulary.build(content_tokens(t) for t in texts)
    from_stems = Vocabulary.from_stems(content_stems(t) for t in texts)
    assert from_tokens == from_stems
    # Repeated stems in one document count once, even when given as a list.
    assert Vocabulary.from_stems([["talk", "talk"], ["trad"]]) == Vocabulary.from_stems(
        [{"talk"}, {"trad"}]
    )
