"""Scoring policytext against gold annotations (the format in docs/data-format.md).

Span rule: a predicted recommendation matches a gold one when their character overlap is at
least half of the gold span *and* at least half of the predicted span; pairs are made one to
one, largest overlap first. A trap counts as wrongly returned when a predicted recommendation
that matches no gold ask overlaps the trap by at least half of the predicted span.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import attrs

from policytext._types import StrPath
from policytext.errors import InputError
from policytext.result import ComparisonItem, Verdict
from policytext.segment import Recommendation

__all__ = [
    "Gold",
    "GoldAsk",
    "GoldTrap",
    "MatchingScore",
    "SegmentationScore",
    "align",
    "load_gold",
    "score_matching",
    "score_segmentation",
]

TRAP_KINDS = frozenset(
    {"reported", "rhetorical", "prediction", "conditional", "exhortation", "description", "header"}
)


@attrs.frozen
class GoldAsk:
    """A gold recommendation: its span, actor and the positions it should match."""

    id: str
    text: str
    start: int
    end: int
    actor: str
    restates: str | None
    matches: tuple[tuple[str, Verdict], ...]

    @property
    def verdict(self) -> Verdict:
        """The relation to the first acceptable position, or ``novel``."""
        return self.matches[0][1] if self.matches else Verdict.NOVEL

    @property
    def position_ids(self) -> frozenset[str]:
        """Ids of every position acceptable as the best match."""
        return frozenset(pid for pid, _ in self.matches)


@attrs.frozen
class GoldTrap:
    """A sentence that looks like an ask but is not."""

    text: str
    start: int
    end: int
    kind: str


@attrs.frozen
class Gold:
    """A document with its gold recommendations and traps."""

    name: str
    text: str
    asks: tuple[GoldAsk, ...]
    traps: tuple[GoldTrap, ...]
    positions_path: Path | None
    as_of: dt.date | None


def _locate(document: str, text: str, where: str) -> tuple[int, int]:
    start = document.find(text)
    if start < 0 or not text:
        raise InputError(f"{where}: text not found in the document: {text[:60]!r}")
    return start, start + len(text)


def load_gold(path: StrPath) -> Gold:
    """Load a ``*.gold.json`` file and the document it annotates (resolved beside it)."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{file}: cannot read gold file: {exc}") from None
    document_path = file.parent / data["document"]
    document = document_path.read_text(encoding="utf-8")
    asks: list[GoldAsk] = []
    for n, item in enumerate(data.get("recommendations", []), start=1):
        start, end = _locate(document, item["text"], f"{file}: recommendation {n}")
        matches = tuple((m["position"], Verdict(m["relation"])) for m in item.get("matches") or [])
        asks.append(
            GoldAsk(
                item.get("id", f"R{n}"),
                item["text"],
                start,
                end,
                item.get("actor", ""),
                item.get("restates"),
                matches,
            )
        )
    traps: list[GoldTrap] = []
    for n, item in enumerate(data.get("traps", []), start=1):
        start, end = _locate(document, item["text"], f"{file}: trap {n}")
        kind = item.get("kind", "")
        if kind not in TRAP_KINDS:
            raise InputError(f"{file}: trap {n}: unknown kind {kind!r}")
        traps.append(GoldTrap(item["text"], start, end, kind))
    positions = data.get("positions")
    as_of = data.get("as_of")
    return Gold(
        name=file.name.removesuffix(".gold.json"),
        text=document,
        asks=tuple(asks),
        traps=tuple(traps),
        positions_path=file.parent / positions if positions else None,
        as_of=dt.date.fromisoformat(as_of) if as_of else None,
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def align(predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> dict[int, int]:
    """One-to-one pairs ``{predicted index: gold index}`` under the span rule above.

    Examples:
        >>> align([(0, 10), (12, 30)], [(0, 9), (40, 50)])
        {0: 0}
    """
    pairs: list[tuple[int, int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            shared = _overlap(p, g)
            if shared and 2 * shared >= g[1] - g[0] and 2 * shared >= p[1] - p[0]:
                pairs.append((shared, i, j))
    result: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if i not in result and j not in used:
            result[i] = j
            used.add(j)
    return result


@attrs.frozen
class SegmentationScore:
    """Recommendation-level precision/recall/F1 and the trap rate for one or more documents."""

    true_positives: int
    false_positives: int
    false_negatives: int
    traps: int
    traps_returned: int
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        """Share of predicted recommendations that match a gold ask."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """Share of gold asks that were found."""
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def trap_rate(self) -> float:
        """Share of trap sentences wrongly returned as recommendations."""
        return self.traps_returned / self.traps if self.traps else 0.0

    def __add__(self, other: SegmentationScore) -> SegmentationScore:
        return SegmentationScore(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
            self.traps + other.traps,
            self.traps_returned + other.traps_returned,
            self.missed + other.missed,
            self.spurious + other.spurious,
        )


def score_segmentation(gold: Gold, predicted: Sequence[Recommendation]) -> SegmentationScore:
    """Score predicted recommendations against ``gold``."""
    spans = [(r.start, r.end) for r in predicted]
    pairs = align(spans, [(a.start, a.end) for a in gold.asks])
    unmatched = [i for i in range(len(spans)) if i not in pairs]
    returned = 0
    for trap in gold.traps:
        if any(
            2 * _overlap(spans[i], (trap.start, trap.end)) >= spans[i][1] - spans[i][0]
            for i in unmatched
        ):
            returned += 1
    found = set(pairs.values())
    return SegmentationScore(
        true_positives=len(pairs),
        false_positives=len(unmatched),
        false_negatives=len(gold.asks) - len(pairs),
        traps=len(gold.traps),
        traps_returned=returned,
        missed=tuple(f"{gold.name}: {a.text}" for j, a in enumerate(gold.asks) if j not in found),
        spurious=tuple(f"{gold.name}: {predicted[i].text}" for i in unmatched),
    )


@attrs.frozen
class MatchingScore:
    """Ranking and verdict quality on gold asks.

    ``linked`` counts gold asks with at least one acceptable position (they feed P@1 and
    MRR); ``evaluated`` counts every gold ask with a prediction (they feed verdict accuracy
    and novel precision/recall).
    """

    linked: int
    hits_at_1: int
    reciprocal_ranks: float
    evaluated: int
    verdicts_correct: int
    novel_tp: int
    novel_fp: int
    novel_fn: int

    @property
    def p_at_1(self) -> float:
        """Share of linked asks whose top-ranked position is acceptable."""
        return self.hits_at_1 / self.linked if self.linked else 0.0

    @property
    def mrr(self) -> float:
        """Mean reciprocal rank of the first acceptable position (0 when not ranked)."""
        return self.reciprocal_ranks / self.linked if self.linked else 0.0

    @property
    def verdict_accuracy(self) -> float:
        """Share of asks whose verdict equals the gold verdict."""
        return self.verdicts_correct / self.evaluated if self.evaluated else 0.0

    @property
    def novel_precision(self) -> float:
        """Of asks called novel, the share that are novel in gold."""
        called = self.novel_tp + self.novel_fp
        return self.novel_tp / called if called else 1.0

    @property
    def novel_recall(self) -> float:
        """Of gold-novel asks, the share called novel."""
        wanted = self.novel_tp + self.novel_fn
        return self.novel_tp / wanted if wanted else 1.0

    @property
    def novel_f1(self) -> float:
        """Harmonic mean of novel precision and recall."""
        p, r = self.novel_precision, self.novel_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: MatchingScore) -> MatchingScore:
        return MatchingScore(
            *(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True))
        )


def score_matching(gold: Gold, items: Sequence[ComparisonItem | None]) -> MatchingScore:
    """Score one prediction per gold ask (``items[k]`` for ``gold.asks[k]``; None = not found).

    The full ranked list of each item counts for MRR, so pass items built with a generous
    ``top_k``.
    """
    if len(items) != len(gold.asks):
        raise InputError(f"expected {len(gold.asks)} items, got {len(items)}")
    linked = hits = evaluated = correct = ntp = nfp = nfn = 0
    rr = 0.0
    for ask, item in zip(gold.asks, items, strict=True):
        ranked = [m.position.id for m in item.matches] if item else []
        if ask.matches:
            linked += 1
            hits += bool(ranked) and ranked[0] in ask.position_ids
            rank = next(
                (k for k, pid in enumerate(ranked, start=1) if pid in ask.position_ids), None
            )
            rr += 1.0 / rank if rank else 0.0
        if item is None:
            nfn += ask.verdict is Verdict.NOVEL
            continue
        evaluated += 1
        correct += item.verdict is ask.verdict
        called_novel = item.verdict is Verdict.NOVEL
        is_novel = ask.verdict is Verdict.NOVEL
        ntp += called_novel and is_novel
        nfp += called_novel and not is_novel
        nfn += is_novel and not called_novel
    return MatchingScore(linked, hits, rr, evaluated, correct, ntp, nfp, nfn)
