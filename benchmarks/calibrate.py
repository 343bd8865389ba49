"""Choose the score fusion weights, fuzzy scorer and verdict thresholds on the dev gold.

Features are computed once for every (gold ask, position) pair of every annotated document;
then a grid search picks the weights that maximise MRR (ties: P@1) and the thresholds that
maximise macro F1 over the four verdicts. Leave-one-document-out figures say how well the
choice carries to a document it was not chosen on.

Run: ``python benchmarks/calibrate.py``. The chosen values are written by hand into
``policytext/score.py`` (``DEFAULT_WEIGHTS``, ``DEFAULT_THRESHOLDS``) and docs/scoring.md.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Sequence

import attrs
import numpy as np

import policytext as pt
from benchmarks.quality import GOLD_FILES, gold_recommendations
from policytext.anaphora import anaphoric
from policytext.evaluate import Gold, load_gold
from policytext.fuzzy import fuzzy_matrix
from policytext.lexical import content_tokens, overlap
from policytext.pipeline import contexts
from policytext.result import Verdict
from policytext.score import Thresholds, Weights, ask_weights, background, decide, fuse

SCORERS = ("token_set_ratio", "token_sort_ratio", "token_ratio", "WRatio", "partial_ratio", "ratio")


@attrs.frozen
class DocFeatures:
    """Every feature of every (ask, position) pair of one document."""

    gold: Gold
    ids: list[str]
    sem: np.ndarray
    sem_ctx: np.ndarray
    fuzzy: dict[str, np.ndarray]
    lexical: np.ndarray
    positions: list[str]


def features(gold: Gold, encoder: pt.Encoder) -> DocFeatures:
    """Compute the feature matrices for one annotated document."""
    assert gold.positions_path is not None
    index = pt.PositionIndex.build(pt.load_positions(gold.positions_path), encoder).as_of(
        gold.as_of
    )
    recs = gold_recommendations(gold)
    queries = [r.text for r in recs]
    ctx = contexts(gold.text, recs)
    pos_texts = [p.text for p in index.positions]
    sem = np.clip(encoder.encode(queries) @ index.embeddings.T, 0, 1)
    sem_ctx = np.clip(encoder.encode(ctx) @ index.embeddings.T, 0, 1)
    fuzzy = {name: fuzzy_matrix(queries, pos_texts, scorer=name) for name in SCORERS}
    lexical = np.zeros_like(sem)
    for i, q in enumerate(queries):
        toks = content_tokens(q)
        for j in range(len(pos_texts)):
            lexical[i, j] = overlap(toks, index.tokens(j), index.vocabulary)[0]
    ids = [p.id for p in index.positions]
    return DocFeatures(gold, ids, sem, sem_ctx, fuzzy, lexical, pos_texts)


def fused(doc: DocFeatures, w: Sequence[float], scorer: str, *, per_ask: bool = True) -> np.ndarray:
    """The fused scores with weights (semantic, context, fuzzy, lexical); with ``per_ask``,
    each ask's weights are adjusted as the pipeline does (:func:`policytext.score.ask_weights`)."""
    parts = (doc.sem, doc.sem_ctx, doc.fuzzy[scorer], doc.lexical)
    base = Weights(*w)
    out = fuse(*parts, base)
    if per_ask:
        rows = np.array([anaphoric(ask.text) for ask in doc.gold.asks], dtype=bool)
        if rows.any():
            out[rows] = fuse(*(p[rows] for p in parts), ask_weights(base, True))
    return out


def ranking(
    docs: Sequence[DocFeatures], w: Sequence[float], scorer: str, *, per_ask: bool = True
) -> tuple[float, float]:
    """P@1 and MRR over the linked asks of ``docs``."""
    hits = rr = n = 0.0
    for doc in docs:
        scores = fused(doc, w, scorer, per_ask=per_ask)
        for i, ask in enumerate(doc.gold.asks):
            if not ask.matches:
                continue
            n += 1
            order = np.argsort(-scores[i], kind="stable")
            ranked = [doc.ids[j] for j in order]
            rank = next(k for k, pid in enumerate(ranked, 1) if pid in ask.position_ids)
            hits += rank == 1
            rr += 1 / rank
    return hits / n, rr / n


def verdicts(
    docs: Sequence[DocFeatures],
    w: Sequence[float],
    scorer: str,
    novel: float,
    aligned: float,
    *,
    prominence: float = Thresholds().prominence,
) -> tuple[float, float, float]:
    """Verdict accuracy, novel F1 and macro F1 over the four verdicts with these thresholds
    (``prominence`` as in :class:`policytext.Thresholds`; default the library's)."""
    thresholds = Thresholds(novel=novel, aligned=aligned, prominence=prominence)
    pairs: list[tuple[Verdict, Verdict]] = []
    for doc in docs:
        scores = fused(doc, w, scorer)
        for i, ask in enumerate(doc.gold.asks):
            j = int(np.argmax(scores[i]))
            crowd = background(scores[i].tolist())
            verdict, _ = decide(float(scores[i, j]), ask.text, doc.positions[j], thresholds, crowd)
            pairs.append((ask.verdict, verdict))
    f1 = {}
    for v in Verdict:
        tp = sum(g is v and p is v for g, p in pairs)
        wrong = sum((g is v) != (p is v) for g, p in pairs)
        f1[v] = 2 * tp / (2 * tp + wrong) if tp else 0.0
    accuracy = sum(g is p for g, p in pairs) / len(pairs)
    return accuracy, f1[Verdict.NOVEL], sum(f1.values()) / len(f1)


WEIGHT_GRID = [w for w in itertools.product((0, 1, 2, 3, 4), repeat=4) if sum(w) and (w[0] or w[1])]
THRESHOLD_GRID = [(a / 100, b / 100) for a in range(20, 61, 2) for b in range(30, 81, 2) if b >= a]


def best_weights(docs: Sequence[DocFeatures]) -> tuple[tuple[int, ...], str, tuple[float, float]]:
    """The (weights, scorer) with the highest (MRR, P@1) on ``docs``."""
    best: tuple[tuple[float, float], tuple[int, ...], str] | None = None
    for scorer in SCORERS:
        for w in WEIGHT_GRID:
            p1, mrr = ranking(docs, w, scorer)
            if best is None or (mrr, p1) > best[0]:
                best = ((mrr, p1), w, scorer)
    assert best is not None
    return best[1], best[2], (best[0][1], best[0][0])


def best_thresholds(
    docs: Sequence[DocFeatures], w: Sequence[float], scorer: str
) -> tuple[float, float]:
    """The (novel, aligned) thresholds with the highest macro F1 over the four verdicts.

    Macro F1 weighs each verdict equally; accuracy alone would trade the rare novel class
    away (calling nothing novel costs only the few novel asks).
    """
    return max(THRESHOLD_GRID, key=lambda t: verdicts(docs, w, scorer, *t)[2])


def main() -> int:
    """Print the grid-search choice, its in-sample figures and leave-one-document-out figures."""
    encoder = pt.resolve_encoder()
    docs = [features(load_gold(p), encoder) for p in GOLD_FILES]
    print("single components (P@1, MRR):")
    for label, w in (("semantic", (1, 0, 0, 0)), ("semantic+context", (0, 1, 0, 0))):
        print(f"  {label:<18} {ranking(docs, w, 'ratio', per_ask=False)}")
    for scorer in SCORERS:
        alone = [attrs.evolve(d, sem=d.fuzzy[scorer]) for d in docs]
        print(f"  fuzzy {scorer:<12} {ranking(alone, (1, 0, 0, 0), 'ratio', per_ask=False)}")
    alone = [attrs.evolve(d, sem=d.lexical) for d in docs]
    print(f"  lexical            {ranking(alone, (1, 0, 0, 0), 'ratio', per_ask=False)}")
    w, scorer, (p1, mrr) = best_weights(docs)
    t = best_thresholds(docs, w, scorer)
    acc, nf1, macro = verdicts(docs, w, scorer, *t)
    print(f"\nchosen: weights (semantic, context, fuzzy, lexical) = {w}, scorer = {scorer}")
    print(f"        thresholds (novel, aligned) = {t}")
    print(
        f"in-sample: P@1 {p1:.3f}  MRR {mrr:.3f}  verdict accuracy {acc:.3f}  "
        f"novel F1 {nf1:.3f}  verdict macro F1 {macro:.3f}"
    )
    # Leave one document out: choose on the others, score the one left out.
    hits = rr = n = 0.0
    correct = total = 0.0
    for k, held in enumerate(docs):
        rest = docs[:k] + docs[k + 1 :]
        wk, sk, _ = best_weights(rest)
        tk = best_thresholds(rest, wk, sk)
        linked = sum(1 for a in held.gold.asks if a.matches)
        p1k, mrrk = ranking([held], wk, sk)
        acck, _, _ = verdicts([held], wk, sk, *tk)
        hits += p1k * linked
        rr += mrrk * linked
        n += linked
        correct += acck * len(held.gold.asks)
        total += len(held.gold.asks)
        print(
            f"  LODO {held.gold.name:<24} P@1 {p1k:.2f} MRR {mrrk:.2f} "
            f"verdict {acck:.2f}  ({wk}, {sk}, {tk})"
        )
    print(
        f"leave-one-document-out: P@1 {hits / n:.3f}  MRR {rr / n:.3f}  "
        f"verdict accuracy {correct / total:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
