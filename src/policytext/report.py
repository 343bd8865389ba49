"""Presentation: a :class:`~policytext.result.Comparison` as a dict, JSON, Markdown or text.

Nothing here computes a score; it only lays results out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from policytext.positions import Position
from policytext.result import Comparison, ComparisonItem, Match, Verdict
from policytext.segment import Recommendation

__all__ = [
    "mark",
    "recommendations_to_dicts",
    "to_dict",
    "to_json",
    "to_markdown",
    "to_text",
]


def _position_dict(position: Position) -> dict[str, object]:
    return {
        "id": position.id,
        "text": position.text,
        "source": position.source,
        "date": position.date.isoformat() if position.date else None,
        "topic": position.topic,
        "url": position.url,
    }


def _recommendation_dict(r: Recommendation) -> dict[str, object]:
    return {
        "text": r.text,
        "start": r.start,
        "end": r.end,
        "paragraph": r.paragraph,
        "actor": r.actor,
        "action": r.action,
        "cue": r.cue,
        "force": r.force.value,
        "polarity": r.polarity.value,
        "confidence": round(r.confidence, 4),
        "restates": r.restates,
    }


def recommendations_to_dicts(recommendations: Iterable[Recommendation]) -> list[dict[str, object]]:
    """JSON-ready dicts of recommendations (what ``policytext segment --format json`` prints)."""
    return [_recommendation_dict(r) for r in recommendations]


def _match_dict(match: Match) -> dict[str, object]:
    return {
        "position": _position_dict(match.position),
        "score": round(match.score, 4),
        "semantic": round(match.semantic, 4),
        "context": round(match.context, 4),
        "fuzzy": round(match.fuzzy, 4),
        "lexical": round(match.lexical, 4),
        "highlights": [
            {
                "recommendation": [h.recommendation_start, h.recommendation_end],
                "position": [h.position_start, h.position_end],
            }
            for h in match.highlights
        ],
    }


def to_dict(comparison: Comparison) -> dict[str, object]:
    """The comparison as plain JSON-ready data."""
    summary = comparison.summary
    return {
        "model": comparison.model,
        "positions": comparison.positions_count,
        "as_of": comparison.as_of.isoformat() if comparison.as_of else None,
        "summary": {
            "counts": {verdict.value: summary.counts[verdict] for verdict in Verdict},
            "alignment": round(summary.alignment, 4),
            "coverage": round(summary.coverage, 4),
        },
        "recommendations": [
            {
                "recommendation": _recommendation_dict(item.recommendation),
                "verdict": item.verdict.value,
                "rationale": item.rationale,
                "background": None if item.background is None else round(item.background, 4),
                "matches": [_match_dict(m) for m in item.matches],
            }
            for item in comparison.recommendations
        ],
    }


def to_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    """The comparison as JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(to_dict(comparison), indent=indent, ensure_ascii=False)


def mark(text: str, spans: Sequence[tuple[int, int]], left: str, right: str) -> str:
    """Wrap each ``(start, end)`` span of ``text`` in ``left``/``right`` markers.

    Examples:
        >>> mark("restart the talks", [(0, 7), (12, 17)], "[", "]")
        '[restart] the [talks]'
    """
    out: list[str] = []
    last = 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue
        out.extend((text[last:start], left, text[start:end], right))
        last = end
    out.append(text[last:])
    return "".join(out)


def _source_line(position: Position) -> str:
    parts = [
        part
        for part in (position.source, position.date.isoformat() if position.date else None)
        if part
    ]
    return ", ".join(parts) if parts else "no source given"


def _summary_line(comparison: Comparison) -> str:
    counts = comparison.summary.counts
    tally = ", ".join(f"{counts[v]} {v.value}" for v in Verdict)
    return (
        f"{len(comparison.recommendations)} recommendations ({tally}); "
        f"alignment {comparison.summary.alignment:+.2f}, coverage {comparison.summary.coverage:.0%}"
    )


def _components(match: Match) -> str:
    return (
        f"score {match.score:.2f} = semantic {match.semantic:.2f}, "
        f"context {match.context:.2f}, fuzzy {match.fuzzy:.2f}, lexical {match.lexical:.2f}"
    )


def _item_text(number: int, item: ComparisonItem) -> list[str]:
    r = item.recommendation
    spans = (
        [(h.recommendation_start, h.recommendation_end) for h in item.best.highlights]
        if item.best
        else []
    )
    lines = [
        f"{number}. [{item.verdict.value.upper()}] {mark(r.text, spans, '*', '*')}",
        f"   actor: {r.actor or '?'} | {r.force.value} | {r.polarity.value}"
        f" | paragraph {r.paragraph} | chars {r.start}-{r.end}",
        f"   why: {item.rationale}",
    ]
    for rank, match in enumerate(item.matches, start=1):
        hl = [(h.position_start, h.position_end) for h in match.highlights]
        lines.append(f"   {rank}) {match.position.id} ({_components(match)})")
        lines.append(f"      {mark(match.position.text, hl, '*', '*')}")
        lines.append(f"      {_source_line(match.position)}")
    return lines


def to_text(comparison: Comparison) -> str:
    """A plain-text report for a terminal; matched words are wrapped in ``*``."""
    lines = [
        _summary_line(comparison),
        f"model: {comparison.model}; positions: {comparison.positions_count}",
        "",
    ]
    for number, item in enumerate(comparison.recommendations, start=1):
        lines.extend(_item_text(number, item))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md_escape(text: str) -> str:
    """Escape Markdown table/emphasis characters and fold line breaks into spaces."""
    for char in ("\\", "|", "*", "`", "_"):
        text = text.replace(char, "\\" + char)
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def to_markdown(comparison: Comparison) -> str:
    """A Markdown report; matched words are in bold."""
    lines = ["# policytext comparison", "", _summary_line(comparison), ""]
    lines += ["| verdict | count |", "| --- | ---: |"]
    lines += [f"| {v.value} | {comparison.summary.counts[v]} |" for v in Verdict]
    lines.append("")
    for number, item in enumerate(comparison.recommendations, start=1):
        r = item.recommendation
        spans = (
            [(h.recommendation_start, h.recommendation_end) for h in item.best.highlights]
            if item.best
            else []
        )
        lines += [
            f"## {number}. {item.verdict.value}",
            "",
            f"> {_bold(r.text, spans)}",
            "",
            f"*Actor:* {r.actor or '?'} · *force:* {r.force.value} · "
            f"*polarity:* {r.polarity.value} · *paragraph* {r.paragraph} · "
            f"*chars* {r.start}–{r.end}",
            "",
            f"*Why:* {item.rationale}",
            "",
        ]
        if item.matches:
            lines += [
                "| # | position | score | semantic | context | fuzzy | lexical | source |",
                "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
            ]
            for rank, m in enumerate(item.matches, start=1):
                hl = [(h.position_start, h.position_end) for h in m.highlights]
                cell = f"**{_md_escape(m.position.id)}** {_bold(m.position.text, hl)}"
                lines.append(
                    f"| {rank} | {cell} | {m.score:.2f} | {m.semantic:.2f} | {m.context:.2f} | "
                    f"{m.fuzzy:.2f} | "
                    f"{m.lexical:.2f} | {_md_escape(_source_line(m.position))} |"
                )
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _bold(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Escape ``text`` for Markdown and bold the spans (offsets into the unescaped text)."""
    out: list[str] = []
    last = 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue
        out.extend((_md_escape(text[last:start]), "**", _md_escape(text[start:end]), "**"))
        last = end
    out.append(_md_escape(text[last:]))
    return "".join(out)
