"""Quality of policytext on the annotated documents (seed + development set).

Reports, per document and overall:
  * segmentation: precision, recall, F1 (span rule in policytext.evaluate) and trap rate;
  * matching on gold spans ("oracle" segmentation, isolates the matcher): P@1, MRR, verdict
    accuracy, novel precision/recall/F1, for policytext and for a plain-cosine baseline;
  * matching end to end (policytext's own segmentation; a missed ask counts as wrong).

Run: ``python -m benchmarks.quality`` (add ``--json`` for machine-readable output,
``--set heldout|all`` for other documents, ``--set segmentation`` for the
segmentation-only documents, which add the share of asks found with the exact gold span).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
import numpy as np

import policytext as pt
from policytext.evaluate import (
    Gold,
    MatchingScore,
    SegmentationScore,
    align,
    load_gold,
    score_matching,
    score_segmentation,
)
from policytext.pipeline import rank
from policytext.result import ComparisonItem, Match, Verdict

ROOT = Path(__file__).resolve().parent.parent
GOLD_FILES = sorted(
    [*ROOT.glob("seeds/*.gold.json"), *ROOT.glob("benchmarks/data/dev/*.gold.json")]
)
"""The development set: the seed and the development op-eds (rules and weights were tuned here)."""
HELDOUT_FILES = sorted(ROOT.glob("benchmarks/data/heldout/*.gold.json"))
SEGMENTATION_FILES = sorted(ROOT.glob("benchmarks/data/segmentation/*.gold.json"))
"""Segmentation-only documents: asks and traps, no positions (benchmarks/data/segmentation)."""
"""Held-out op-eds written by an annotator who did not see the code; never tuned on."""

# Plain-cosine baseline: rank by cosine alone; novel below NOVEL, aligned at or above
# ALIGNED, related between; no direction. Thresholds chosen the same way as policytext's.
BASELINE_NOVEL = 0.35
BASELINE_ALIGNED = 0.55


def gold_recommendations(gold: Gold) -> list[pt.Recommendation]:
    """Recommendations made from the gold spans (the 'oracle' segmentation)."""
    return [pt.Recommendation(a.text, a.start, a.end, actor=a.actor) for a in gold.asks]


def baseline_items(
    recommendations: Sequence[pt.Recommendation], index: pt.PositionIndex, top_k: int
) -> list[ComparisonItem]:
    """Plain cosine ranking and threshold verdicts, as a user would write it by hand."""
    vectors = index.encoder.encode([r.text for r in recommendations])
    sims = np.clip(vectors @ index.embeddings.T, 0, 1)
    items = []
    for i, rec in enumerate(recommendations):
        order = np.argsort(-sims[i])[:top_k]
        matches = tuple(
            Match(index.positions[j], float(sims[i, j]), float(sims[i, j]), 0.0, 0.0, 0.0)
            for j in order
        )
        best = matches[0].score
        verdict = (
            Verdict.NOVEL
            if best < BASELINE_NOVEL
            else Verdict.ALIGNED
            if best >= BASELINE_ALIGNED
            else Verdict.RELATED
        )
        items.append(ComparisonItem(rec, matches, verdict, "baseline"))
    return items


@attrs.frozen
class DocumentReport:
    """Every figure for one document."""

    name: str
    segmentation: SegmentationScore
    oracle: MatchingScore
    baseline: MatchingScore
    end_to_end: MatchingScore


def evaluate_document(gold: Gold, encoder: pt.Encoder, *, top_k: int = 10) -> DocumentReport:
    """Score segmentation and matching on one annotated document."""
    predicted = pt.segment(gold.text)
    segmentation = score_segmentation(gold, predicted)
    if gold.positions_path is None:
        raise SystemExit(f"{gold.name}: gold names no positions file")
    index = pt.PositionIndex.build(pt.load_positions(gold.positions_path), encoder).as_of(
        gold.as_of
    )
    oracle_recs = gold_recommendations(gold)
    oracle = score_matching(gold, rank(oracle_recs, index, text=gold.text, top_k=top_k))
    baseline = score_matching(gold, baseline_items(oracle_recs, index, top_k))
    items = rank(predicted, index, text=gold.text, top_k=top_k)
    pairs = align([(r.start, r.end) for r in predicted], [(a.start, a.end) for a in gold.asks])
    by_gold: list[ComparisonItem | None] = [None] * len(gold.asks)
    for i, j in pairs.items():
        by_gold[j] = items[i]
    end_to_end = score_matching(gold, by_gold)
    return DocumentReport(gold.name, segmentation, oracle, baseline, end_to_end)


def evaluate_all(
    encoder: pt.Encoder | None = None, files: Sequence[Path] = GOLD_FILES
) -> list[DocumentReport]:
    """Reports for the given gold files (default: the development set), in name order."""
    enc = encoder or pt.resolve_encoder()
    return [evaluate_document(load_gold(path), enc) for path in files]


def _total_seg(reports: Sequence[DocumentReport]) -> SegmentationScore:
    total = reports[0].segmentation
    for r in reports[1:]:
        total = total + r.segmentation
    return total


def _total_match(reports: Sequence[DocumentReport], field: str) -> MatchingScore:
    scores = [getattr(r, field) for r in reports]
    total = scores[0]
    for s in scores[1:]:
        total = total + s
    return total


def summary(reports: Sequence[DocumentReport]) -> dict[str, dict[str, float]]:
    """Overall figures, keyed by section."""
    seg = _total_seg(reports)
    out: dict[str, dict[str, float]] = {
        "segmentation": {
            "precision": seg.precision,
            "recall": seg.recall,
            "f1": seg.f1,
            "trap_rate": seg.trap_rate,
            "asks": seg.true_positives + seg.false_negatives,
            "traps": seg.traps,
        },
    }
    for field in ("oracle", "baseline", "end_to_end"):
        m = _total_match(reports, field)
        out[field] = {
            "p_at_1": m.p_at_1,
            "mrr": m.mrr,
            "verdict_accuracy": m.verdict_accuracy,
            "novel_precision": m.novel_precision,
            "novel_recall": m.novel_recall,
            "novel_f1": m.novel_f1,
            "linked": m.linked,
        }
    return out


def format_table(reports: Sequence[DocumentReport]) -> str:
    """A plain-text table: one row per document, then the overall row."""
    head = (
        f"{'document':<28} {'P':>5} {'R':>5} {'F1':>5} {'trap':>5} | "
        f"{'P@1':>5} {'MRR':>5} {'verd':>5} {'novF1':>5} | {'cosP@1':>6} {'cosMRR':>6} {'cosV':>5} "
        f"{'cosNF1':>6} | {'e2eV':>5}"
    )
    lines = [head, "-" * len(head)]

    def row(
        name: str, seg: SegmentationScore, o: MatchingScore, b: MatchingScore, e: MatchingScore
    ) -> str:
        return (
            f"{name:<28} {seg.precision:5.2f} {seg.recall:5.2f} {seg.f1:5.2f} "
            f"{seg.trap_rate:5.2f} | "
            f"{o.p_at_1:5.2f} {o.mrr:5.2f} {o.verdict_accuracy:5.2f} {o.novel_f1:5.2f} | "
            f"{b.p_at_1:6.2f} {b.mrr:6.2f} {b.verdict_accuracy:5.2f} {b.novel_f1:6.2f} | "
            f"{e.verdict_accuracy:5.2f}"
        )

    lines.extend(row(r.name, r.segmentation, r.oracle, r.baseline, r.end_to_end) for r in reports)
    lines.append("-" * len(head))
    lines.append(
        row(
            "overall",
            _total_seg(reports),
            _total_match(reports, "oracle"),
            _total_match(reports, "baseline"),
            _total_match(reports, "end_to_end"),
        )
    )
    return "\n".join(lines)


def segmentation_table(files: Sequence[Path] = SEGMENTATION_FILES) -> tuple[str, SegmentationScore]:
    """Segmentation figures (no matching) for gold files, one row each, and their total."""
    head = f"{'document':<40} {'P':>5} {'R':>5} {'F1':>5} {'trap':>5} {'exact':>5}"
    lines = [head, "-" * len(head)]
    scores = []
    exact_asks = 0
    for path in files:
        gold = load_gold(path)
        predicted = pt.segment(gold.text)
        score = score_segmentation(gold, predicted)
        scores.append(score)
        exact = _exact_share(gold, predicted)
        exact_asks += round(exact * len(gold.asks))
        lines.append(
            f"{gold.name:<40} {score.precision:5.2f} {score.recall:5.2f} {score.f1:5.2f} "
            f"{score.trap_rate:5.2f} {exact:5.2f}"
        )
    total = scores[0]
    for score in scores[1:]:
        total = total + score
    lines.append("-" * len(head))
    asks = max(1, total.true_positives + total.false_negatives)
    lines.append(
        f"{'overall':<40} {total.precision:5.2f} {total.recall:5.2f} {total.f1:5.2f} "
        f"{total.trap_rate:5.2f} {exact_asks / asks:5.2f}"
    )
    return "\n".join(lines), total


def _exact_share(gold: Gold, predicted: Sequence[pt.Recommendation]) -> float:
    """Share of the gold asks found with exactly the gold span."""
    spans = {(r.start, r.end) for r in predicted}
    return sum((a.start, a.end) in spans for a in gold.asks) / len(gold.asks) if gold.asks else 1.0


def main(argv: Sequence[str] | None = None) -> int:
    """Print the quality tables."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--set",
        choices=("dev", "heldout", "all", "segmentation"),
        default="dev",
        help=(
            "which documents: the development set, the held-out set, both, or the "
            "segmentation-only documents (default: dev)"
        ),
    )
    parser.add_argument(
        "--details", action="store_true", help="list missed and spurious recommendations"
    )
    args = parser.parse_args(argv)
    if args.set == "segmentation":
        table, total = segmentation_table()
        if args.json:
            json.dump(
                {
                    "precision": total.precision,
                    "recall": total.recall,
                    "f1": total.f1,
                    "trap_rate": total.trap_rate,
                    "asks": total.true_positives + total.false_negatives,
                    "traps": total.traps,
                },
                sys.stdout,
                indent=2,
            )
            sys.stdout.write("\n")
            return 0
        print(table)
        if args.details:
            print("\nmissed:", *total.missed, sep="\n  ")
            print("\nspurious:", *total.spurious, sep="\n  ")
        return 0
    files = {"dev": GOLD_FILES, "heldout": HELDOUT_FILES, "all": [*GOLD_FILES, *HELDOUT_FILES]}
    reports = evaluate_all(files=files[args.set])
    if args.json:
        json.dump(summary(reports), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(format_table(reports))
    if args.details:
        seg = _total_seg(reports)
        print("\nmissed:", *seg.missed, sep="\n  ")
        print("\nspurious:", *seg.spurious, sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
