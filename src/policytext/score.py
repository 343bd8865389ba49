"""Scoring arithmetic (numpy only): cosine top-k in chunks, score fusion, verdict rules.

Every score is on [0, 1]; every matrix is 2-D float32 with ``m[i, j]`` = recommendation i
against position j.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np

from policytext.direction import conflict
from policytext.disclosure import (
    information_ask,
    scrutiny_ask,
    speaks_of_reporting,
    speaks_of_scrutiny,
)
from policytext.intent import IntentKind, ask_intent, undecided
from policytext.result import Verdict

if TYPE_CHECKING:
    from policytext._types import FloatMatrix, IntMatrix

__all__ = [
    "DEFAULT_THRESHOLDS",
    "DEFAULT_WEIGHTS",
    "Thresholds",
    "Weights",
    "ask_weights",
    "background",
    "cosine_top_k",
    "decide",
    "fuse",
    "reference",
]


def _non_negative(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{attribute.name} must be a finite number >= 0, got {value!r}")


@attrs.frozen
class Weights:
    """Weights of the score components; they are normalised to sum to 1 when fused.

    Attributes:
        semantic: cosine of the recommendation's embedding and the position's.
        context: cosine of the embedding of the recommendation with the sentence before it.
        fuzzy: rapidfuzz similarity of the two texts.
        lexical: IDF-weighted share of the recommendation's content words in the position.
    """

    semantic: float = attrs.field(default=4.0, validator=_non_negative)
    context: float = attrs.field(default=3.0, validator=_non_negative)
    fuzzy: float = attrs.field(default=4.0, validator=_non_negative)
    lexical: float = attrs.field(default=4.0, validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.semantic + self.context <= 0:
            raise ValueError("semantic or context must be positive: retrieval needs embeddings")

    @property
    def total(self) -> float:
        """The sum of the weights."""
        return self.semantic + self.context + self.fuzzy + self.lexical


@attrs.frozen
class Thresholds:
    """Fused-score cut-offs for verdicts (calibrated on the development gold).

    Attributes:
        novel: below this best score an ask is ``novel``.
        novel_carry_out: the same for an ask to carry out existing policy ("keep that
            promise", "hold the line on", :func:`policytext.intent.ask_intent`): its wording
            says a commitment exists, so its best position is taken as that commitment down
            to this lower score.
        prominence: below this margin of the best score over the ask's background (the
            median score of its nearest positions, :func:`background`) the best position
            does not stand out from the other positions on the topic, and the ask is
            ``novel``; 0 deactivates this.
        aligned: at or above this (and not opposed in direction) it is ``aligned``;
            between ``novel`` and ``aligned`` it is ``related``.
        recency_margin: positions scoring within this of the best count as the same
            subject, and the most recent of them is the one the verdict is about (a newer
            statement supersedes an older one); 0 deactivates this.
    """

    novel: float = 0.36
    novel_carry_out: float = 0.25
    prominence: float = 0.10
    aligned: float = 0.52
    recency_margin: float = 0.02


DEFAULT_WEIGHTS = Weights()


def ask_weights(weights: Weights, anaphoric: bool) -> Weights:
    """The weights for one ask: an ask that refers back ("keep that promise",
    :func:`policytext.anaphora.anaphoric`) says little by itself, so its semantic weight
    moves to its reading in context and its fuzzy weight (string likeness of the bare ask)
    is dropped; other asks keep ``weights``.

    Examples:
        >>> ask_weights(Weights(4, 3, 4, 4), True)
        Weights(semantic=0.0, context=7, fuzzy=0.0, lexical=4)
    """
    if not anaphoric:
        return weights
    return Weights(0.0, weights.semantic + weights.context, 0.0, weights.lexical)


DEFAULT_THRESHOLDS = Thresholds()


def cosine_top_k(
    queries: FloatMatrix,
    index: FloatMatrix,
    k: int,
    *,
    chunk_size: int = 8192,
    query_block: int = 256,
) -> tuple[FloatMatrix, IntMatrix]:
    """Top-``k`` rows of ``index`` by dot product for each query, best first.

    Rows are expected L2-normalised, so the dot product is the cosine. Queries are taken
    ``query_block`` at a time and the index ``chunk_size`` rows at a time, keeping only the
    running ``k`` best per query, so memory stays O(query_block * chunk_size + queries * k)
    whatever the sizes.

    Examples:
        >>> q = np.eye(2, dtype=np.float32)
        >>> idx = np.array([[1, 0], [0.6, 0.8], [0, 1]], dtype=np.float32)
        >>> scores, ids = cosine_top_k(q, idx, 2, chunk_size=2)
        >>> ids.tolist()
        [[0, 1], [2, 1]]
    """
    n = queries.shape[0]
    k = min(k, index.shape[0])
    best_scores = np.full((n, k), -np.inf, dtype=np.float32)
    best_ids = np.full((n, k), -1, dtype=np.int64)
    if n == 0 or k == 0:
        return best_scores, best_ids
    for q0 in range(0, n, query_block):
        block_q = queries[q0 : q0 + query_block]
        run_scores, run_ids = best_scores[q0 : q0 + query_block], best_ids[q0 : q0 + query_block]
        for start in range(0, index.shape[0], chunk_size):
            block = block_q @ index[start : start + chunk_size].T
            if block.shape[1] > k:
                part = np.argpartition(block, block.shape[1] - k, axis=1)[:, -k:]
            else:
                part = np.broadcast_to(np.arange(block.shape[1]), (block.shape[0], block.shape[1]))
            merged_scores = np.concatenate(
                [run_scores, np.take_along_axis(block, part, axis=1)], axis=1
            )
            merged_ids = np.concatenate([run_ids, part + start], axis=1)
            del block
            keep = np.argpartition(merged_scores, merged_scores.shape[1] - k, axis=1)[:, -k:]
            run_scores = np.take_along_axis(merged_scores, keep, axis=1)
            run_ids = np.take_along_axis(merged_ids, keep, axis=1)
        best_scores[q0 : q0 + query_block] = run_scores
        best_ids[q0 : q0 + query_block] = run_ids
    order = np.argsort(-best_scores, axis=1, kind="stable")
    return (
        np.take_along_axis(best_scores, order, axis=1).astype(np.float32),
        np.take_along_axis(best_ids, order, axis=1),
    )


def fuse(
    semantic: FloatMatrix,
    context: FloatMatrix,
    fuzzy: FloatMatrix,
    lexical: FloatMatrix,
    weights: Weights = DEFAULT_WEIGHTS,
) -> FloatMatrix:
    """Weighted mean of the four components, each already in [0, 1].

    Examples:
        >>> one = np.ones((1, 1), dtype=np.float32)
        >>> w = Weights(semantic=1, context=0, fuzzy=1, lexical=2)
        >>> float(fuse(one, one, one * 0, one, w)[0, 0])
        0.75
    """
    fused = (
        weights.semantic * semantic
        + weights.context * context
        + weights.fuzzy * fuzzy
        + weights.lexical * lexical
    ) / weights.total
    result: FloatMatrix = np.clip(fused, 0.0, 1.0).astype(np.float32)
    return result


BACKGROUND_SIZE = 20
"""How many of an ask's nearest positions its background is the median of."""
BACKGROUND_MIN = 10
"""Fewer scored positions than this and an ask has no background (too few to measure)."""


def background(scores: Sequence[float]) -> float | None:
    """The median of the best :data:`BACKGROUND_SIZE` fused scores of one ask, or None when
    fewer than :data:`BACKGROUND_MIN` positions were scored.

    It is the score an ask gets from positions on its topic that do not address it: an ask
    no position addresses scores its best position barely above it.

    Examples:
        >>> background([0.6, 0.5] + [0.3] * 10 + [0.1] * 20)
        0.3
        >>> background([0.6, 0.5, 0.4]) is None
        True
    """
    if len(scores) < BACKGROUND_MIN:
        return None
    return float(np.median(np.sort(np.asarray(scores, dtype=np.float64))[::-1][:BACKGROUND_SIZE]))


def reference(scores: Sequence[float], dates: Sequence[dt.date | None], margin: float) -> int:
    """Index of the match a verdict is about: the most recent of those within ``margin`` of
    the best score (``scores`` sorted best first); undated ones lose to dated ones.

    Examples:
        >>> d = dt.date
        >>> reference([0.60, 0.58, 0.40], [d(2024, 7, 1), d(2025, 5, 20), d(2025, 9, 1)], 0.05)
        1
        >>> reference([0.60, 0.58], [d(2024, 7, 1), d(2025, 5, 20)], 0.0)
        0
    """
    best = 0
    for k in range(1, len(scores)):
        if scores[0] - scores[k] > margin:
            break
        date, current = dates[k], dates[best]
        if date is not None and (current is None or date > current):
            best = k
    return best


def decide(
    score: float,
    ask: str,
    position: str,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    background: float | None = None,
) -> tuple[Verdict, str]:
    """The verdict for an ask given its best position and fused score, and a rationale.

    Below ``thresholds.novel`` the ask is novel. Otherwise, in order: wording that builds on
    existing policy ("go further", "not just") makes it related; a conflict in direction,
    in what to keep, or in a date or amount (:func:`policytext.direction.conflict`) makes
    it divergent; other wording that goes beyond it ("rather than", "into law") makes it
    related; wording that asks for
    existing policy to be carried out ("finalise the plan it consulted on") makes it
    aligned (:func:`policytext.intent.ask_intent`); a position that has not decided
    ("weighing", "ready to") makes it related; failing all of these it is aligned at or
    above ``thresholds.aligned`` and related below.

    Examples:
        >>> decide(0.7, "restart the talks", "The UK suspended the talks.")[0]
        <Verdict.DIVERGENT: 'divergent'>
        >>> decide(0.2, "restart the talks", "The UK suspended the talks.")[0]
        <Verdict.NOVEL: 'novel'>
        >>> decide(0.45, "finalise the rules it consulted on", "Ofcom consulted on rules.")[0]
        <Verdict.ALIGNED: 'aligned'>
    """
    information = information_ask(ask)
    intent = ask_intent(ask, position)
    carry_out = intent.kind is IntentKind.CARRY_OUT and information is None
    floor = min(thresholds.novel, thresholds.novel_carry_out) if carry_out else thresholds.novel
    if score < floor:
        return Verdict.NOVEL, (
            f"best score {score:.2f} is below the novel threshold {floor:.2f}: "
            "no position addresses this ask"
        )
    if (
        background is not None
        and not carry_out
        and thresholds.prominence > 0
        and score - background < thresholds.prominence
    ):
        return Verdict.NOVEL, (
            f"the best position (score {score:.2f}) does not stand out from the positions "
            f"nearest the ask (median {background:.2f}; margin {score - background:.2f} < "
            f"{thresholds.prominence:.2f}): none addresses this ask in particular"
        )
    if information is not None and not speaks_of_reporting(position):
        return Verdict.NOVEL, (
            f'the ask is for information to be made public ("{information}") and the best '
            f"position (score {score:.2f}) says nothing about publishing or reporting it"
        )
    scrutiny = scrutiny_ask(ask)
    if scrutiny is not None and not speaks_of_scrutiny(position):
        return Verdict.NOVEL, (
            f'the ask is for an inquiry ("{scrutiny}") and the best position (score '
            f"{score:.2f}) says nothing about an inquiry, hearing, review or audit"
        )
    # "go further", "not just": the author builds on the policy, not against it.
    reason = None if intent.further else conflict(ask, position)
    if reason is not None:
        return Verdict.DIVERGENT, f"same subject (score {score:.2f}) but {reason}"
    if intent.kind is IntentKind.GO_BEYOND:
        return Verdict.RELATED, (
            f'same subject (score {score:.2f}) but the ask goes beyond it ("{intent.cue}")'
        )
    if intent.kind is IntentKind.CARRY_OUT:
        subject = (
            f"same subject (score {score:.2f})"
            if score >= thresholds.novel
            else f"the best position (score {score:.2f}, below {thresholds.novel:.2f} but not "
            f"{floor:.2f}) is taken as the commitment the ask refers to"
        )
        return Verdict.ALIGNED, (
            f"{subject} and the ask is to carry out existing policy "
            f'("{intent.cue}"), with no conflict in direction, dates or amounts'
        )
    pending = undecided(position)
    if pending is not None:
        return Verdict.RELATED, (
            f'same subject (score {score:.2f}) but the position has not decided ("{pending}")'
        )
    if score >= thresholds.aligned:
        return Verdict.ALIGNED, (
            f"close match (score {score:.2f} >= {thresholds.aligned:.2f}) with no conflict "
            "in direction, dates or amounts"
        )
    return Verdict.RELATED, (
        f"same subject (score {score:.2f} between {thresholds.novel:.2f} and "
        f"{thresholds.aligned:.2f}) without a shared commitment"
    )
