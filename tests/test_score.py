"""Tests for policytext.score: chunked top-k equals brute force, fusion, verdict rules."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.result import Verdict
from policytext.score import Thresholds, Weights, background, cosine_top_k, decide, fuse


def unit_rows(rng: np.random.Generator, n: int, dim: int = 16) -> np.ndarray:
    m = rng.standard_normal((n, dim)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 12),
    st.integers(1, 300),
    st.integers(1, 20),
    st.integers(1, 64),
    st.integers(0, 99),
)
def test_chunked_top_k_matches_brute_force(n: int, m: int, k: int, chunk: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    q, idx = unit_rows(rng, n), unit_rows(rng, m)
    scores, ids = cosine_top_k(q, idx, k, chunk_size=chunk)
    full = q @ idx.T
    kk = min(k, m)
    assert ids.shape == (n, kk)
    expected = -np.sort(-full, axis=1)[:, :kk]
    np.testing.assert_allclose(scores, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.take_along_axis(full, ids, axis=1), scores, rtol=1e-5, atol=1e-6)


def test_top_k_with_no_queries() -> None:
    scores, ids = cosine_top_k(np.zeros((0, 4), np.float32), np.eye(4, dtype=np.float32), 3)
    assert scores.shape == (0, 3)
    assert ids.shape == (0, 3)


def test_fuse_is_a_normalised_weighted_mean() -> None:
    s = np.array([[1.0, 0.0]], np.float32)
    f = np.array([[0.0, 1.0]], np.float32)
    lex = np.array([[0.5, 0.5]], np.float32)
    out = fuse(s, s * 0, f, lex, Weights(semantic=2, context=0, fuzzy=1, lexical=1))
    np.testing.assert_allclose(out, [[0.625, 0.375]])


def test_weights_validate() -> None:
    with pytest.raises(ValueError, match="finite number >= 0"):
        Weights(semantic=-1)
    with pytest.raises(ValueError, match="positive"):
        Weights(semantic=0, context=0, fuzzy=1, lexical=1)


@pytest.mark.parametrize(
    ("score", "ask", "position", "verdict"),
    [
        (0.8, "restart the talks", "The UK suspended the talks.", Verdict.DIVERGENT),
        (0.8, "enhance air defences", "The UK will invest in air defence.", Verdict.ALIGNED),
        (0.45, "enhance air defences", "The UK will invest in air defence.", Verdict.RELATED),
        (0.1, "enhance air defences", "The UK will invest in air defence.", Verdict.NOVEL),
    ],
)
def test_decide(score: float, ask: str, position: str, verdict: Verdict) -> None:
    got, rationale = decide(score, ask, position, Thresholds(novel=0.3, aligned=0.6))
    assert got is verdict
    assert f"{score:.2f}" in rationale


_PLEDGE = "Ministers pledged to end the use of hotels for asylum seekers by 2029."


@pytest.mark.parametrize(
    ("score", "ask", "verdict"),
    [
        # the ask says a commitment exists: its best position stands in for it down to 0.25
        (0.30, "Ministers should keep that promise", Verdict.ALIGNED),
        (0.30, "The Home Office must hold the line on the 2029 date", Verdict.ALIGNED),
        (0.20, "Ministers should keep that promise", Verdict.NOVEL),
        # unmarked asks keep the ordinary threshold
        (0.30, "Ministers should house asylum seekers in flats", Verdict.NOVEL),
        # an ask for information is not carried out by a position that does not report
        (0.30, "use that power to make every hotel owner disclose its fees", Verdict.NOVEL),
    ],
)
def test_carry_out_asks_have_a_lower_novel_threshold(
    score: float, ask: str, verdict: Verdict
) -> None:
    got, rationale = decide(score, ask, _PLEDGE, Thresholds(novel=0.38, novel_carry_out=0.25))
    assert got is verdict, rationale
    if verdict is Verdict.ALIGNED:
        assert "taken as the commitment the ask refers to" in rationale
        assert "0.38" in rationale


_HOTELS = "Ministers pledged to end the use of hotels for asylum seekers by 2029."
_FLATS = "Ministers should house asylum seekers in flats"


@pytest.mark.parametrize(
    ("score", "background_", "ask", "verdict"),
    [
        # the best position stands out from the ask's nearest positions: the usual rules
        (0.45, 0.30, _FLATS, Verdict.RELATED),
        # barely above the positions on the topic: none addresses the ask in particular
        (0.45, 0.38, _FLATS, Verdict.NOVEL),
        # no background (too few positions scored): the margin is not tested
        (0.45, None, _FLATS, Verdict.RELATED),
        # an ask to carry out existing policy says little by itself: not tested either
        (0.45, 0.40, "Ministers must keep that promise", Verdict.ALIGNED),
    ],
)
def test_an_ask_whose_best_position_does_not_stand_out_is_novel(
    score: float, background_: float | None, ask: str, verdict: Verdict
) -> None:
    thresholds = Thresholds(novel=0.30, prominence=0.10, aligned=0.60)
    got, rationale = decide(score, ask, _HOTELS, thresholds, background_)
    assert got is verdict, rationale
    if verdict is Verdict.NOVEL:
        assert "does not stand out" in rationale
        assert f"median {background_:.2f}" in rationale


def test_prominence_zero_turns_the_margin_test_off() -> None:
    got, _ = decide(0.45, _FLATS, _HOTELS, Thresholds(prominence=0.0, aligned=0.6), 0.44)
    assert got is Verdict.RELATED


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([0.5] * 9, None),  # fewer than BACKGROUND_MIN scored positions
        ([0.9] + [0.2] * 9, 0.2),
        # only the best twenty count, in whatever order they come
        ([0.0] * 30 + [0.4] * 20, 0.4),
        ([0.6] * 11 + [0.2] * 9, 0.6),
    ],
)
def test_background_is_the_median_of_the_nearest_twenty(
    scores: list[float], expected: float | None
) -> None:
    got = background(scores)
    assert got == pytest.approx(expected) if expected is not None else got is None
