"""Result value objects of :func:`policytext.compare`.

Frozen attrs classes only; turning them into dicts, JSON or Markdown is ``report.py``'s job
(the ``to_*`` methods here delegate to it).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Mapping

import attrs

from policytext.positions import Position
from policytext.segment import Recommendation

__all__ = [
    "Comparison",
    "ComparisonItem",
    "Highlight",
    "Match",
    "Summary",
    "Verdict",
    "VerdictCounts",
]


class Verdict(enum.StrEnum):
    """How a recommendation relates to the official positions."""

    ALIGNED = "aligned"
    """The government already does, or has committed to, what the ask wants."""
    DIVERGENT = "divergent"
    """The ask reverses or opposes a stated position."""
    RELATED = "related"
    """A position is on the same specific subject, but neither agrees nor opposes."""
    NOVEL = "novel"
    """No position addresses the ask."""


def _unit(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be in [0, 1], got {value}")


@attrs.frozen
class Highlight:
    """A word shared by a recommendation and a position, with offsets into both texts.

    ``recommendation_start/end`` index :attr:`Recommendation.text`; ``position_start/end``
    index :attr:`Position.text`.
    """

    recommendation_start: int
    recommendation_end: int
    position_start: int
    position_end: int


@attrs.frozen
class Match:
    """One position ranked against one recommendation; every score is in [0, 1].

    Attributes:
        position: the official position.
        score: the fused score used for ranking (see docs/scoring.md).
        semantic: cosine similarity of the embeddings, clipped to [0, 1].
        context: the same with the sentence before the recommendation prepended.
        fuzzy: rapidfuzz similarity / 100.
        lexical: IDF-weighted share of the recommendation's content words in the position
            (for an ask that refers back, of the ask read with the sentence before it).
        highlights: shared words with offsets into both texts.
    """

    position: Position
    score: float = attrs.field(validator=_unit)
    semantic: float = attrs.field(validator=_unit)
    context: float = attrs.field(validator=_unit)
    fuzzy: float = attrs.field(validator=_unit)
    lexical: float = attrs.field(validator=_unit)
    highlights: tuple[Highlight, ...] = ()


@attrs.frozen
class ComparisonItem:
    """A recommendation, its best positions (best first), the verdict and why.

    ``background`` is the median score of the ask's nearest positions
    (:func:`policytext.score.background`): a best score barely above it means no position
    addresses the ask in particular. None when too few positions were scored.
    """

    recommendation: Recommendation
    matches: tuple[Match, ...]
    verdict: Verdict
    rationale: str
    background: float | None = None

    @property
    def best(self) -> Match | None:
        """The best match the verdict is about, or None when the ask is novel."""
        return self.matches[0] if self.matches and self.verdict is not Verdict.NOVEL else None


class VerdictCounts(Mapping[Verdict, int]):
    """A read-only, hashable count per verdict (every verdict present, maybe 0).

    Examples:
        >>> counts = VerdictCounts({Verdict.ALIGNED: 2})
        >>> counts[Verdict.ALIGNED], counts[Verdict.NOVEL], len(counts)
        (2, 0, 4)
    """

    __slots__ = ("_counts",)

    def __init__(self, counts: Mapping[Verdict, int]) -> None:
        self._counts = tuple(int(counts.get(v, 0)) for v in Verdict)

    def __getitem__(self, verdict: Verdict) -> int:
        try:
            return self._counts[list(Verdict).index(Verdict(verdict))]
        except ValueError:
            raise KeyError(verdict) from None

    def __iter__(self) -> Iterator[Verdict]:
        return iter(Verdict)

    def __len__(self) -> int:
        return len(self._counts)

    def __hash__(self) -> int:
        return hash(self._counts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self) == dict(other)

    def __repr__(self) -> str:
        return repr({v.value: n for v, n in self.items()})


@attrs.frozen
class Summary:
    """Document-level figures.

    Attributes:
        counts: number of recommendations per verdict (every verdict present, maybe 0).
        alignment: (aligned - divergent) / (aligned + divergent), in [-1, 1]; 0.0 when no
            recommendation is aligned or divergent. +1 means every ask the government has a
            stance on agrees with it, -1 that every such ask opposes it.
        coverage: share of recommendations that are not novel, in [0, 1].
    """

    counts: Mapping[Verdict, int] = attrs.field(converter=VerdictCounts)
    alignment: float
    coverage: float

    @classmethod
    def of(cls, items: tuple[ComparisonItem, ...]) -> Summary:
        """Summarise items."""
        counts = dict.fromkeys(Verdict, 0)
        for item in items:
            counts[item.verdict] += 1
        stance = counts[Verdict.ALIGNED] + counts[Verdict.DIVERGENT]
        alignment = (
            (counts[Verdict.ALIGNED] - counts[Verdict.DIVERGENT]) / stance if stance else 0.0
        )
        coverage = (len(items) - counts[Verdict.NOVEL]) / len(items) if items else 0.0
        return cls(counts=counts, alignment=alignment, coverage=coverage)


@attrs.frozen
class Comparison:
    """The result of :func:`policytext.compare`: one item per recommendation, in order."""

    recommendations: tuple[ComparisonItem, ...]
    summary: Summary
    model: str
    positions_count: int
    as_of: dt.date | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (see docs/api.md for the schema)."""
        from policytext.report import to_dict  # noqa: PLC0415  # report imports this module

        return to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The result as JSON text."""
        from policytext.report import to_json  # noqa: PLC0415  # report imports this module

        return to_json(self, indent=indent)

    def to_markdown(self) -> str:
        """The result as a Markdown report."""
        from policytext.report import to_markdown  # noqa: PLC0415  # report imports this module

        return to_markdown(self)

    def to_text(self) -> str:
        """The result as a plain-text report for a terminal."""
        from policytext.report import to_text  # noqa: PLC0415  # report imports this module

        return to_text(self)
