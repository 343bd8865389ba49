"""``compare()``: the pipeline that turns a document and positions into a Comparison.

text -> segment -> recommendations -> encode -> cosine top-k candidates -> fuzzy and lexical
on the candidates only -> fused score -> direction -> verdict -> :class:`Comparison`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
from collections.abc import Iterable, Sequence

import numpy as np

from policytext._types import StrPath
from policytext.anaphora import anaphoric
from policytext.embed import Encoder, resolve_encoder
from policytext.errors import InputError, PositionsError
from policytext.fuzzy import SCORERS, fuzzy_pairs
from policytext.index import PositionIndex
from policytext.lexical import content_tokens, overlap
from policytext.positions import Position, load_positions
from policytext.result import Comparison, ComparisonItem, Highlight, Match, Summary, Verdict
from policytext.score import (
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    Thresholds,
    Weights,
    ask_weights,
    background,
    cosine_top_k,
    decide,
    fuse,
    reference,
)
from policytext.segment import Recommendation, segment
from policytext.text import sentence_spans

__all__ = ["DEFAULT_CANDIDATES", "DEFAULT_FUZZY_SCORER", "compare", "contexts", "rank"]

DEFAULT_FUZZY_SCORER = "partial_ratio"
"""The rapidfuzz scorer of the fuzzy component, chosen on the development gold."""

DEFAULT_CANDIDATES = 50
"""Positions per recommendation retrieved by cosine before fuzzy and lexical scoring."""


def _positions_index(
    positions: PositionIndex | Iterable[Position] | StrPath,
    encoder_spec: str | Encoder | None,
    backend: str,
    cache: bool | StrPath,
) -> PositionIndex:
    if isinstance(positions, PositionIndex):
        if encoder_spec is not None:
            raise InputError(
                "pass model= or a PositionIndex, not both: the index fixes the encoder"
            )
        return positions
    if isinstance(positions, str | os.PathLike):
        positions = load_positions(positions)
    items = tuple(positions)
    if not items:
        raise PositionsError("no positions to compare with")
    # resolve_encoder loads nothing; build validates the positions before encoding them.
    return PositionIndex.build(items, resolve_encoder(encoder_spec, backend=backend, cache=cache))


def compare(
    text: str,
    positions: PositionIndex | Iterable[Position] | StrPath,
    top_k: int = 3,
    *,
    model: str | Encoder | None = None,
    backend: str = "auto",
    cache: bool | StrPath = True,
    as_of: dt.date | str | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    fuzzy_scorer: str = DEFAULT_FUZZY_SCORER,
    candidates: int | None = DEFAULT_CANDIDATES,
) -> Comparison:
    """Segment ``text`` and compare each recommendation with the official ``positions``.

    Args:
        text: the op-ed (plain text or Markdown).
        positions: Position objects, a path to a positions file, or a prebuilt PositionIndex.
        top_k: matches to keep per recommendation, best first.
        model: a sentence-transformers model name or local path, or an Encoder; None uses
            ``POLICYTEXT_MODEL`` or the bundled all-MiniLM-L6-v2.
        backend: "auto", "onnx", "onnx-int8" or "torch" (see docs/encoders.md).
        cache: True for the user cache directory, a directory path, or False for no cache.
        as_of: ignore positions dated after this date (``YYYY-MM-DD`` or a date).
        weights: weights of the semantic, fuzzy and lexical components of the score.
        thresholds: score cut-offs for novel / related / aligned.
        fuzzy_scorer: the rapidfuzz scorer for the fuzzy component.
        candidates: positions retrieved per recommendation by cosine before the fuzzy and
            lexical scorers run on them; None deactivates the limit.

    Raises:
        InputError: ``text`` is not a str, or is empty; bad options.
        PositionsError: the positions are invalid or there are none.
        ModelError: the embedding model cannot be loaded.
    """
    if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
        raise InputError(f"top_k must be a positive integer, got {top_k!r}")
    if candidates is not None and (
        isinstance(candidates, bool) or not isinstance(candidates, int) or candidates < 1
    ):
        raise InputError(f"candidates must be a positive integer or None, got {candidates!r}")
    if fuzzy_scorer not in SCORERS:
        raise InputError(
            f"unknown fuzzy_scorer {fuzzy_scorer!r}; choose one of {', '.join(SCORERS)}"
        )
    if not isinstance(weights, Weights) or not isinstance(thresholds, Thresholds):
        raise InputError("weights and thresholds must be pt.Weights and pt.Thresholds objects")
    date = _as_date(as_of)
    recommendations = segment(text)
    full = _positions_index(positions, model, backend, cache)
    index = full.as_of(date)
    if len(full) == 0:
        raise PositionsError("no positions to compare with")
    if len(index) == 0:
        raise PositionsError(
            f"no position is dated on or before as_of={date}: all {len(full)} are later"
        )
    items = rank(
        recommendations,
        index,
        text=text,
        top_k=top_k,
        weights=weights,
        thresholds=thresholds,
        fuzzy_scorer=fuzzy_scorer,
        candidates=candidates,
    )
    return Comparison(
        recommendations=items,
        summary=Summary.of(items),
        model=index.encoder.identity,
        positions_count=len(index),
        as_of=date,
    )


def contexts(text: str, recommendations: Sequence[Recommendation]) -> list[str]:
    """For each recommendation, the sentence before it (same paragraph, or a heading or
    list lead-in just above) followed by the recommendation itself.

    Op-ed asks lean on what came before ("we should offer Israel the benefit of that
    experience"); the context query lets the matcher see what "that experience" was.

    Examples:
        >>> t = "Britain knows decommissioning. We should offer that experience."
        >>> contexts(t, segment(t))
        ['Britain knows decommissioning. We should offer that experience']
    """
    sentences = sentence_spans(text)
    starts = [s.start for s in sentences]
    out: list[str] = []
    for rec in recommendations:  # in any order: a caller's own list need not be sorted
        k = max(bisect.bisect_right(starts, rec.start) - 1, 0)
        previous = sentences[k - 1] if k > 0 and sentences[k].start <= rec.start else None
        if previous is not None and sentences[k].paragraph - previous.paragraph <= 1:
            out.append(f"{previous.text} {rec.text}")
        else:
            out.append(rec.text)
    return out


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    try:
        if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(f"as_of must be a date or YYYY-MM-DD, got {value!r}") from None


def rank(
    recommendations: Sequence[Recommendation],
    index: PositionIndex,
    *,
    text: str | None = None,
    top_k: int = 3,
    weights: Weights = DEFAULT_WEIGHTS,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    fuzzy_scorer: str = DEFAULT_FUZZY_SCORER,
    candidates: int | None = DEFAULT_CANDIDATES,
) -> tuple[ComparisonItem, ...]:
    """Score ``recommendations`` against ``index`` and decide a verdict for each.

    ``text`` is the document the recommendations come from; when given, each is also
    embedded with the sentence before it (see :func:`contexts`).
    """
    if not recommendations:
        return ()
    if len(index) == 0:
        return tuple(
            ComparisonItem(r, (), Verdict.NOVEL, "no positions to compare with")
            for r in recommendations
        )
    queries = [r.text for r in recommendations]
    in_context = contexts(text, recommendations) if text is not None else queries
    # An ask with no sentence before it is its own context: encode each distinct text once.
    distinct = list(dict.fromkeys(queries + in_context))
    row = {t: k for k, t in enumerate(distinct)}
    vectors = index.encoder.encode(distinct)
    plain = vectors[[row[q] for q in queries]]
    with_context = vectors[[row[c] for c in in_context]]
    # Per-ask weights: an ask that refers back is read in its context (score.ask_weights).
    refers_back = [anaphoric(q) for q in queries]
    per_ask = [ask_weights(weights, back) for back in refers_back]
    # Retrieval on the weighted sum of both cosines: (a*q + b*c) . p == a*q.p + b*c.p
    semantic_w = np.array([[w.semantic] for w in per_ask], dtype=np.float32)
    context_w = np.array([[w.context] for w in per_ask], dtype=np.float32)
    combined = semantic_w * plain + context_w * with_context
    limit = len(index) if candidates is None else max(candidates, top_k)
    _, ids = cosine_top_k(combined, index.embeddings, limit)
    semantic = np.empty(ids.shape, dtype=np.float32)
    context = np.empty(ids.shape, dtype=np.float32)
    for q0 in range(0, len(queries), 256):  # bounded memory: 256 * k * dim at a time
        rows = slice(q0, q0 + 256)
        candidate_vectors = index.embeddings[ids[rows]]  # (block, k, dim)
        semantic[rows] = np.einsum("qd,qkd->qk", plain[rows], candidate_vectors)
        context[rows] = np.einsum("qd,qkd->qk", with_context[rows], candidate_vectors)
    np.clip(semantic, 0.0, 1.0, out=semantic)
    np.clip(context, 0.0, 1.0, out=context)
    fuzzy = fuzzy_pairs(queries, [p.text for p in index.positions], ids, scorer=fuzzy_scorer)
    lexical = np.zeros_like(semantic)
    pairs: dict[tuple[int, int], tuple[Highlight, ...]] = {}
    for i, query in enumerate(queries):
        # An ask that refers back ("keep that promise") takes its content words from the
        # sentence before it too; highlights stay on the ask's own words.
        shift = len(in_context[i]) - len(query) if refers_back[i] else 0
        query_tokens = content_tokens(in_context[i] if refers_back[i] else query)
        for c, j in enumerate(ids[i].tolist()):
            share, hits = overlap(query_tokens, index.tokens(j), index.vocabulary)
            lexical[i, c] = share
            pairs[i, j] = tuple(
                Highlight(q.start - shift, q.end - shift, p.start, p.end)
                for q, p in hits
                if q.start >= shift
            )
    fused = np.empty_like(semantic)
    for w in set(per_ask):
        same = np.array([own == w for own in per_ask], dtype=bool)
        fused[same] = fuse(semantic[same], context[same], fuzzy[same], lexical[same], w)
    items: list[ComparisonItem] = []
    for i, recommendation in enumerate(recommendations):
        order = np.argsort(-fused[i], kind="stable").tolist()
        ref = reference(
            [float(fused[i, c]) for c in order],
            [index.positions[int(ids[i, c])].date for c in order],
            thresholds.recency_margin,
        )
        order = [order[ref], *order[:ref], *order[ref + 1 :]][:top_k]
        matches = tuple(
            Match(
                position=index.positions[int(ids[i, c])],
                score=float(fused[i, c]),
                semantic=float(semantic[i, c]),
                context=float(context[i, c]),
                fuzzy=float(fuzzy[i, c]),
                lexical=float(lexical[i, c]),
                highlights=pairs[i, int(ids[i, c])],
            )
            for c in order
        )
        best = matches[0]
        crowd = background(fused[i].tolist())
        verdict, rationale = decide(
            best.score, recommendation.text, best.position.text, thresholds, crowd
        )
        items.append(ComparisonItem(recommendation, matches, verdict, rationale, crowd))
    return tuple(items)
