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
) -> FloatMatrix:
    """Score only the candidate pairs: ``out[i, c] = score(queries[i], choices[candidates[i, c]])``.

    ``candidates`` is an integer array of shape (len(queries), k); negative entries (padding)
    score 0. This is what keeps fuzzy matching cheap on large corpora.
    """
    func = _scorer(scorer)
    process_text = utils.default_process
    processed_queries = [process_text(q) for q in queries]
    cache: dict[int, str] = {}
    out = np.zeros(candidates.shape, dtype=np.float32)
    for i, row in enumerate(candidates.tolist()):
        query = processed_queries[i]
        for c, j in enumerate(row):
            if j < 0:
                continue
            choice = cache.get(j)
            if choice is None:
                choice = cache[j] = process_text(choices[j])
            out[i, c] = func(query, choice) / 100.0
    return out
