"""1. ``segment()`` on the seed op-ed (target: median < 5 ms), against a naive split."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import policytext as pt
from benchmarks import baseline

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ba120e16f5a1800d.txt"
TARGET_S = 0.005


def setup_segment() -> Callable[[], object]:
    """Memory probe: policytext's segmenter, warm."""
    text = SEED.read_text(encoding="utf-8")
    pt.segment(text)
    return lambda: pt.segment(text)


def setup_naive() -> Callable[[], object]:
    """Memory probe: the baseline's split on full stops."""
    text = SEED.read_text(encoding="utf-8")
    return lambda: baseline.naive_asks(text)


def test_segment(benchmark: Any, runner: Any, seed_text: str) -> None:
    pt.segment(seed_text)
    recs, median = runner.run(
        benchmark,
        lambda: pt.segment(seed_text),
        case="segment",
        impl="policytext segment()",
        rounds=200,
        warmup=10,
        target_s=TARGET_S,
    )
    benchmark.extra_info.update(
        recommendations=len(recs), chars=len(seed_text), target_met=median < TARGET_S
    )
    runner.memory(benchmark, "benchmarks.test_bench_segment", "setup_segment", always=True)
    assert recs


def test_segment_baseline(benchmark: Any, runner: Any, seed_text: str) -> None:
    asks, _ = runner.run(
        benchmark,
        lambda: baseline.naive_asks(seed_text),
        case="segment",
        impl="baseline: split on '.' + modal filter",
        rounds=200,
        warmup=10,
        baseline=True,
    )
    benchmark.extra_info.update(recommendations=len(asks))
    runner.memory(benchmark, "benchmarks.test_bench_segment", "setup_naive")
    assert asks
