"""Tests for policytext.fuzzy: matrices and candidate pairs agree, scores in [0, 1]."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.fuzzy import SCORERS, fuzzy_matrix, fuzzy_pairs

QUERIES = ["restart free trade talks with Israel", "enhance air defences", ""]
CHOICES = [
    "The UK suspended free trade talks with Israel.",
    "Invest in air and missile defence.",
    "Sanction Iran.",
]


@pytest.mark.parametrize("scorer", sorted(SCORERS))
def test_pairs_equal_matrix_entries(scorer: str) -> None:
    matrix = fuzzy_matrix(QUERIES, CHOICES, scorer=scorer)
    candidates = np.array([[2, 0], [1, -1], [0, 1]])
    pairs = fuzzy_pairs(QUERIES, CHOICES, candidates, scorer=scorer)
    for i, row in enumerate(candidates):
        for c, j in enumerate(row):
            expected = 0.0 if j < 0 else matrix[i, j]
            assert pairs[i, c] == pytest.approx(expected)


def test_matrix_shape_and_best_choice() -> None:
    matrix = fuzzy_matrix(QUERIES, CHOICES)
    assert matrix.shape == (3, 3)
    assert matrix.dtype == np.float32
    assert int(np.argmax(matrix[0])) == 0
    assert int(np.argmax(matrix[1])) == 1


def test_unknown_scorer() -> None:
    with pytest.raises(ValueError, match="unknown fuzzy scorer"):
        fuzzy_matrix(["a"], ["b"], scorer="nope")


def test_empty_inputs() -> None:
    assert fuzzy_matrix([], CHOICES).shape == (0, 3)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(max_size=40), min_size=1, max_size=4),
    st.lists(st.text(max_size=40), min_size=1, max_size=4),
)
def test_scores_stay_in_unit_interval(queries: list[str], choices: list[str]) -> None:
    matrix = fuzzy_matrix(queries, choices)
    assert ((matrix >= 0) & (matrix <= 1)).all()
