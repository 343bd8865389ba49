"""2. Encoding the seed's sentences, warm, no cache: sentences per second.

The ~40 sentences of the seed (``policytext.text.sentence_spans``) are encoded by the default
encoder (backend "auto": ONNX Runtime fp32), by policytext's torch backend, by the int8 ONNX
backend (for information), and by the baseline's ``SentenceTransformer(path).encode`` with
sentence-transformers' defaults. The fp32 matmul limit of all-MiniLM-L6-v2 on the 2-core
machine is about 240 sentences/s; the target is 90 % of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import policytext as pt
from benchmarks import baseline
from policytext.text import sentence_spans

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ba120e16f5a1800d.txt"
MATMUL_LIMIT = 240.0
TARGET_SHARE = 0.9


def sentences() -> list[str]:
    """The seed's sentences (headings and list items included), in order."""
    return [s.text for s in sentence_spans(SEED.read_text(encoding="utf-8"))]


def setup_encode(backend: str) -> Callable[[], object]:
    """Memory probe: a policytext encoder, loaded and warm, no cache."""
    encoder = pt.resolve_encoder(backend=backend, cache=False)
    texts = sentences()
    encoder.encode(texts)
    return lambda: encoder.encode(texts)


def setup_baseline() -> Callable[[], object]:
    """Memory probe: the baseline's SentenceTransformer, loaded and warm."""
    model = baseline.load_model()
    texts = sentences()
    baseline.encode(model, texts)
    return lambda: baseline.encode(model, texts)


def _rates(benchmark: Any, n: int, median: float, identity: str) -> None:
    rate = n / median
    benchmark.extra_info.update(
        sentences=n,
        sentences_per_s=round(rate, 1),
        share_of_matmul_limit=round(rate / MATMUL_LIMIT, 3),
        encoder=identity,
    )


VARIANTS = {
    "auto": ("policytext default (auto: onnx fp32)", 15),
    "torch": ("policytext backend=torch", 9),
    "onnx-int8": ("policytext backend=onnx-int8", 15),
}


@pytest.mark.parametrize("backend", list(VARIANTS))
def test_encode(benchmark: Any, runner: Any, onnx_encoder: Any, backend: str) -> None:
    label, rounds = VARIANTS[backend]
    texts = sentences()
    encoder = (
        onnx_encoder if backend == "auto" else pt.resolve_encoder(backend=backend, cache=False)
    )
    encoder.encode(texts)
    out, median = runner.run(
        benchmark, lambda: encoder.encode(texts), case="encode", impl=label, rounds=rounds
    )
    _rates(benchmark, len(texts), median, encoder.identity)
    if backend == "auto":
        benchmark.extra_info["target_met"] = len(texts) / median >= TARGET_SHARE * MATMUL_LIMIT
    runner.memory(benchmark, "benchmarks.test_bench_encode", "setup_encode", backend)
    assert out.shape[0] == len(texts)


def test_encode_baseline(benchmark: Any, runner: Any, st_model: Any) -> None:
    texts = sentences()
    baseline.encode(st_model, texts)
    out, median = runner.run(
        benchmark,
        lambda: baseline.encode(st_model, texts),
        case="encode",
        impl="baseline: SentenceTransformer.encode",
        rounds=9,
        baseline=True,
    )
    _rates(benchmark, len(texts), median, "sentence-transformers defaults (batch 32)")
    runner.memory(benchmark, "benchmarks.test_bench_encode", "setup_baseline")
    assert out.shape[0] == len(texts)
