"""Tests for policytext.evaluate: the span rule and the metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policytext.evaluate import align, load_gold, score_matching, score_segmentation
from policytext.positions import Position
from policytext.result import ComparisonItem, Match, Verdict
from policytext.segment import Recommendation

DOC = "Ministers should cap rents. Councils must publish data. So what? Germany bought tanks."


def make_gold(tmp_path: Path) -> Path:
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    gold = {
        "document": "doc.txt",
        "recommendations": [
            {
                "id": "R1",
                "text": "Ministers should cap rents",
                "actor": "UK government",
                "matches": [
                    {"position": "P1", "relation": "divergent"},
                    {"position": "P2", "relation": "related"},
                ],
            },
            {"id": "R2", "text": "Councils must publish data", "actor": "councils", "matches": []},
        ],
        "traps": [
            {"text": "So what?", "kind": "rhetorical"},
            {"text": "Germany bought tanks", "kind": "description"},
        ],
    }
    path = tmp_path / "doc.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def rec(start: int, end: int) -> Recommendation:
    return Recommendation(DOC[start:end], start, end)


def test_align_requires_half_of_both_spans() -> None:
    assert align([(0, 100)], [(0, 40)]) == {}
    assert align([(0, 60)], [(0, 40)]) == {0: 0}
    assert align([(0, 10), (0, 10)], [(0, 10)]) == {0: 0}


def test_segmentation_scores(tmp_path: Path) -> None:
    gold = load_gold(make_gold(tmp_path))
    assert gold.asks[1].verdict is Verdict.NOVEL
    perfect = score_segmentation(gold, [rec(0, 26), rec(28, 54)])
    assert (perfect.precision, perfect.recall, perfect.trap_rate) == (1.0, 1.0, 0.0)
    trap_start = DOC.index("Germany")
    noisy = score_segmentation(gold, [rec(0, 26), rec(trap_start, len(DOC) - 1)])
    assert noisy.precision == 0.5
    assert noisy.recall == 0.5
    assert noisy.trap_rate == 0.5
    assert noisy.f1 == pytest.approx(0.5)
    total = perfect + noisy
    assert total.true_positives == 3


def item(ids: list[str], verdict: Verdict) -> ComparisonItem:
    matches = tuple(Match(Position(i, "t"), 0.5, 0.5, 0.5, 0.5, 0.5) for i in ids)
    return ComparisonItem(rec(0, 26), matches, verdict, "")


def test_matching_scores(tmp_path: Path) -> None:
    gold = load_gold(make_gold(tmp_path))
    result = score_matching(
        gold, [item(["P3", "P2"], Verdict.DIVERGENT), item(["P9"], Verdict.NOVEL)]
    )
    assert result.p_at_1 == 0.0
    assert result.mrr == 0.5
    assert result.verdict_accuracy == 1.0
    assert result.novel_f1 == 1.0
    missed = score_matching(gold, [item(["P1"], Verdict.ALIGNED), None])
    assert missed.p_at_1 == 1.0
    assert missed.verdict_accuracy == 0.0
    assert missed.novel_recall == 0.0


def test_gold_text_must_exist(tmp_path: Path) -> None:
    path = make_gold(tmp_path)
    data = json.loads(path.read_text())
    data["traps"][0]["text"] = "not in the document"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="not found"):
        load_gold(path)
