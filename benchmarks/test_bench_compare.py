"""3. ``compare()`` on the seed against its 32 positions, warm.

* policytext, cache warm: ``pt.compare(text, positions, model=encoder)`` with a loaded
  encoder whose embedding cache already holds every text (a repeated run);
* policytext, reused index: ``pt.compare(text, index)`` with a ``PositionIndex`` built once
  and an uncached encoder, so the recommendations are encoded on every call;
* baseline: model loaded and the positions' embeddings computed once (kept in memory), then
  per call the naive split, encoding of the asks, ``semantic_search`` and rapidfuzz
  ``cdist`` over all pairs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import policytext as pt
from benchmarks import baseline

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ba120e16f5a1800d.txt"
POSITIONS = ROOT / "seeds" / "000_ba120e16f5a1800d.positions.jsonl"


def setup_cached() -> Callable[[], object]:
    """Memory probe: compare() with a warm, cached encoder."""
    text = SEED.read_text(encoding="utf-8")
    positions = pt.load_positions(POSITIONS)
    encoder = pt.resolve_encoder()
    pt.compare(text, positions, model=encoder)
    return lambda: pt.compare(text, positions, model=encoder)


def setup_index() -> Callable[[], object]:
    """Memory probe: compare() against a prebuilt index, recommendations encoded."""
    text = SEED.read_text(encoding="utf-8")
    index = pt.PositionIndex.build(pt.load_positions(POSITIONS), pt.resolve_encoder(cache=False))
    pt.compare(text, index)
    return lambda: pt.compare(text, index)


def setup_baseline() -> Callable[[], object]:
    """Memory probe: the baseline with its model loaded and corpus embedded."""
    text = SEED.read_text(encoding="utf-8")
    corpus = [r["text"] for r in baseline.read_positions(POSITIONS)]
    model = baseline.load_model()
    vectors = baseline.encode(model, corpus)
    baseline.compare_texts(model, baseline.naive_asks(text), corpus, corpus_vectors=vectors)
    return lambda: baseline.compare_texts(
        model, baseline.naive_asks(text), corpus, corpus_vectors=vectors
    )


def test_compare_cached(
    benchmark: Any, runner: Any, seed_text: str, seed_positions: list[Any]
) -> None:
    encoder = pt.resolve_encoder()
    pt.compare(seed_text, seed_positions, model=encoder)
    result, _ = runner.run(
        benchmark,
        lambda: pt.compare(seed_text, seed_positions, model=encoder),
        case="compare (seed, warm)",
        impl="policytext compare(), cache warm",
        rounds=25,
        warmup=2,
    )
    benchmark.extra_info.update(recommendations=len(result.recommendations), model=result.model)
    runner.memory(benchmark, "benchmarks.test_bench_compare", "setup_cached")
    assert result.recommendations


def test_compare_index(
    benchmark: Any,
    runner: Any,
    seed_text: str,
    seed_positions: list[Any],
    onnx_encoder: Any,
) -> None:
    index = pt.PositionIndex.build(seed_positions, onnx_encoder)
    pt.compare(seed_text, index)
    result, _ = runner.run(
        benchmark,
        lambda: pt.compare(seed_text, index),
        case="compare (seed, warm)",
        impl="policytext compare(index), no cache",
        rounds=15,
        warmup=2,
    )
    benchmark.extra_info.update(recommendations=len(result.recommendations))
    runner.memory(benchmark, "benchmarks.test_bench_compare", "setup_index")
    assert result.recommendations


def test_compare_baseline(benchmark: Any, runner: Any, seed_text: str, st_model: Any) -> None:
    corpus = [r["text"] for r in baseline.read_positions(POSITIONS)]
    vectors = baseline.encode(st_model, corpus)

    def run() -> list[list[baseline.Hit]]:
        asks = baseline.naive_asks(seed_text)
        return baseline.compare_texts(st_model, asks, corpus, corpus_vectors=vectors)

    run()
    hits, _ = runner.run(
        benchmark,
        run,
        case="compare (seed, warm)",
        impl="baseline: ST + semantic_search + cdist",
        rounds=15,
        warmup=2,
        baseline=True,
    )
    benchmark.extra_info.update(recommendations=len(hits))
    runner.memory(benchmark, "benchmarks.test_bench_compare", "setup_baseline")
    assert hits
