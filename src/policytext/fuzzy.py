"""Fuzzy string similarity: the only module that imports rapidfuzz. Scores are in [0, 1].

rapidfuzz reports 0-100; every function here divides by 100 at this boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
from rapidfuzz import fuzz, process, utils

if TYPE_CHECKING:
    from policytext._types import FloatMatrix

__all__ = ["SCORERS", "ScorerName", "fuzzy_matrix", "fuzzy_pairs"]

ScorerName = Literal[
    "token_set_ratio", "token_sort_ratio", "token_ratio", "ratio", "WRatio", "partial_ratio"
]

SCORERS: dict[str, Callable[..., float]] = {
    "token_set_ratio": fuzz.token_set_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_ratio": fuzz.token_ratio,
    "ratio": fuzz.ratio,
    "WRatio": fuzz.WRatio,
    "partial_ratio": fuzz.partial_ratio,
}


def _scorer(name: str) -> Callable[..., float]:
    try:
        return SCORERS[name]
    except KeyError:
        raise ValueError(
            f"unknown fuzzy scorer {name!r}; choose one of {', '.join(SCORERS)}"
        ) from None


def fuzzy_matrix(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    scorer: str = "token_set_ratio",
    workers: int = 1,
) -> FloatMatrix:
    """Score every query against every choice; ``m[i, j]`` is queries[i] vs choices[j].

    Strings are normalised with rapidfuzz's ``default_process`` (lower case, no punctuation).

    Examples:
        >>> m = fuzzy_matrix(["restart trade talks"], ["trade talks restart", "ban imports"])
        >>> m.shape, float(m[0, 0])
        ((1, 2), 1.0)
    """
    if not queries or not choices:
        return np.zeros((len(queries), len(choices)), dtype=np.float32)
    matrix = process.cdist(
        queries,
        choices,
        scorer=_scorer(scorer),
        processor=utils.default_process,
        dtype=np.float32,
        workers=workers,
    )
    result: FloatMatrix = np.asarray(matrix, dtype=np.float32) / np.float32(100.0)
    return result


def fuzzy_pairs(
    queries: Sequence[str],
    choices: Sequence[str],
    candidates: np.ndarray,
    *,
    scorer: str = "token_set_ratio",
    workers: int = -1,
) -> FloatMatrix:
    """Score only the candidate pairs: ``out[i, c] = score(queries[i], choices[candidates[i, c]])``.

    ``candidates`` is an integer array of shape (len(queries), k); negative entries (padding)
    score 0. This is what keeps fuzzy matching cheap on large corpora. ``workers`` is
    rapidfuzz's: -1 uses every core.

    Examples:
        >>> ids = np.array([[1, -1]])
        >>> fuzzy_pairs(["restart talks"], ["ban imports", "restart talks"], ids).tolist()
        [[1.0, 0.0]]
    """
    func = _scorer(scorer)
    process_text = utils.default_process
    processed_queries = [process_text(q) for q in queries]
    processed: dict[int, str] = {}
    left: list[str] = []
    right: list[str] = []
    where: list[tuple[int, int]] = []
    for i, row in enumerate(candidates.tolist()):
        for c, j in enumerate(row):
            if j < 0:
                continue
            choice = processed.get(j)
            if choice is None:
                choice = processed[j] = process_text(choices[j])
            left.append(processed_queries[i])
            right.append(choice)
            where.append((i, c))
    out = np.zeros(candidates.shape, dtype=np.float32)
    if where:
        # One call over all pairs, spread over every core (rapidfuzz releases the GIL).
        scores = process.cpdist(left, right, scorer=func, dtype=np.float32, workers=workers)
        rows, cols = zip(*where, strict=True)
        out[list(rows), list(cols)] = np.asarray(scores, dtype=np.float32) / np.float32(100.0)
    return out
