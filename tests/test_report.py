"""Tests for policytext.report: layouts only."""

from __future__ import annotations

import json
import re

import pytest

import policytext as pt
from policytext.report import mark, to_dict, to_markdown, to_text
from policytext.result import Comparison, ComparisonItem, Highlight, Match, Summary, Verdict


def comparison() -> Comparison:
    rec = pt.Recommendation("restart the talks | now", 10, 33, actor="UK government")
    pos = pt.Position("P1", "The UK suspended the talks.", source="FCDO", date="2025-05-20")
    match = Match(pos, 0.8, 0.9, 0.85, 0.7, 0.6, (Highlight(12, 17, 21, 26),))
    item = ComparisonItem(rec, (match,), Verdict.DIVERGENT, "opposite direction")
    novel = ComparisonItem(
        pt.Recommendation("build a moon base", 40, 57), (), Verdict.NOVEL, "no match"
    )
    items = (item, novel)
    return Comparison(items, Summary.of(items), "fake", 1)


def test_dict_round_trips_through_json() -> None:
    data = to_dict(comparison())
    assert json.loads(json.dumps(data)) == data
    assert data["summary"] == {
        "counts": {"aligned": 0, "divergent": 1, "related": 0, "novel": 1},
        "alignment": -1.0,
        "coverage": 0.5,
    }
    first = data["recommendations"][0]  # type: ignore[index]
    assert first["matches"][0]["position"]["date"] == "2025-05-20"
    assert first["matches"][0]["highlights"] == [{"recommendation": [12, 17], "position": [21, 26]}]


def test_text_report_shows_components_source_and_highlights() -> None:
    text = to_text(comparison())
    assert "[DIVERGENT] restart the *talks* | now" in text
    assert "semantic 0.90, context 0.85, fuzzy 0.70, lexical 0.60" in text
    assert "FCDO, 2025-05-20" in text
    assert "The UK suspended the *talks*." in text


def test_markdown_escapes_pipes_and_bolds_highlights() -> None:
    md = to_markdown(comparison())
    assert r"restart the **talks** \| now" in md
    assert "The UK suspended the **talks**." in md


def test_mark_ignores_overlaps() -> None:
    assert mark("abcdef", [(0, 3), (2, 4)], "<", ">") == "<abc>def"


def test_markdown_cells_survive_newlines_and_backticks() -> None:
    rec = pt.Recommendation("cap rents\nnow", 0, 13)
    pos = pt.Position("ID`|1", "Rents are\ncapped | today.", source="FCDO\nstatement")
    match = Match(pos, 0.5, 0.5, 0.5, 0.5, 0.5)
    items = (ComparisonItem(rec, (match,), Verdict.RELATED, "why"),)
    md = to_markdown(Comparison(items, Summary.of(items), "fake", 1))
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 9  # 8 columns: no stray cell from the data
    assert r"ID\`\|1" in row
    assert "> cap rents now" in md


def test_summary_is_immutable_and_hashable() -> None:
    items = comparison().recommendations
    summary = Summary.of(items)
    assert hash(summary) == hash(Summary.of(items))
    assert dict(summary.counts) == {"aligned": 0, "divergent": 1, "related": 0, "novel": 1}
    with pytest.raises(TypeError):
        summary.counts[Verdict.NOVEL] = 99  # type: ignore[index]
    assert "bogus" not in summary.counts
    assert summary.counts["aligned"] == summary.counts[Verdict.ALIGNED]
