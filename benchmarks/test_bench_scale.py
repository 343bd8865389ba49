"""5. Scale: 1,000 recommendations against 100,000 synthetic positions (quick: 5,000).

The positions and asks come from :mod:`benchmarks.synthetic`; the positions' embeddings are
encoded once per encoder identity and kept as ``.npy`` in the cache directory, so only the
first run pays for encoding them (that time is reported, from the file's sidecar record).

* build: load the cached embeddings, tokenise the positions, count the vocabulary and make
  the ``PositionIndex`` (what ``PositionIndex.build`` does, minus encoding);
* policytext: ``policytext.pipeline.rank(recommendations, index, top_k=3)`` (chunked cosine
  top-50, fuzzy and lexical on the candidates, fusion, direction, verdicts);
* baseline: ``semantic_search`` (top 50) plus rapidfuzz ``cdist`` over all 1,000 x N pairs
  (all cores), fused 0.7 / 0.3, top 3.

Both get the same precomputed query vectors, so the ranking itself is compared (encoding
speed is benchmark 2). Memory is probed in child processes: the tracemalloc peak of one
ranking (Python and numpy allocations) and the process's peak RSS.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

import policytext as pt
from benchmarks import baseline, synthetic
from policytext.pipeline import rank

FloatMatrix = npt.NDArray[np.float32]
N_RECOMMENDATIONS = 1_000
FULL_POSITIONS = 100_000
QUICK_POSITIONS = 5_000
TOP_K = 3
TARGET_SPEEDUP = 3.0


class PrecomputedEncoder:
    """Answers ``encode`` from vectors computed beforehand; same identity as ``inner``.

    Texts it has not seen are encoded by ``inner``.
    """

    def __init__(self, inner: pt.Encoder, texts: Sequence[str], vectors: FloatMatrix) -> None:
        self._inner = inner
        self._rows = {t: i for i, t in enumerate(texts)}
        self._vectors = vectors

    @property
    def identity(self) -> str:
        return self._inner.identity

    @property
    def dim(self) -> int:
        return int(self._vectors.shape[1])

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        rows = [self._rows.get(t) for t in texts]
        if all(r is not None for r in rows):
            found: FloatMatrix = self._vectors[[r for r in rows if r is not None]]
            return found
        out: FloatMatrix = self._inner.encode(list(texts))
        return out


@dataclass
class ScaleData:
    """Everything the scale benchmarks share."""

    positions: list[pt.Position]
    texts: list[str]
    embeddings: FloatMatrix
    recommendations: list[pt.Recommendation]
    query_texts: list[str]
    query_vectors: FloatMatrix
    encoder: PrecomputedEncoder
    index: pt.PositionIndex


def build_index(
    positions: Sequence[pt.Position], embeddings: FloatMatrix, encoder: pt.Encoder
) -> pt.PositionIndex:
    """A PositionIndex from precomputed embeddings (``PositionIndex.build`` minus encoding)."""
    return pt.PositionIndex.from_embeddings(positions, embeddings, encoder)


def load_scale(n_positions: int, n_recommendations: int = N_RECOMMENDATIONS) -> ScaleData:
    """Generate the data, load (or encode once and cache) the embeddings, build the index."""
    encoder = pt.resolve_encoder(cache=False)
    positions = synthetic.positions(n_positions)
    texts = [p.text for p in positions]
    embeddings = synthetic.cached_embeddings(texts, encoder)
    recommendations = synthetic.recommendations(n_recommendations)
    query_texts = [r.text for r in recommendations]
    # Query vectors through policytext's own embedding cache: encoded once, then read back.
    cached = pt.resolve_encoder()
    if cached.identity != encoder.identity:  # pragma: no cover - both are the default encoder
        raise RuntimeError(f"{cached.identity} != {encoder.identity}")
    query_vectors = np.ascontiguousarray(cached.encode(query_texts), dtype=np.float32)
    pre = PrecomputedEncoder(encoder, query_texts, query_vectors)
    return ScaleData(
        positions,
        texts,
        embeddings,
        recommendations,
        query_texts,
        query_vectors,
        pre,
        build_index(positions, embeddings, pre),
    )


def setup_build(n_positions: int) -> Callable[[], object]:
    """Memory probe: load the cached embeddings and build the index."""
    data = load_scale(n_positions)
    path_identity = data.encoder.identity

    def build() -> pt.PositionIndex:
        embeddings = synthetic.cached_embeddings(data.texts, _Identity(path_identity))
        return build_index(data.positions, embeddings, data.encoder)

    return build


def setup_rank(n_positions: int) -> Callable[[], object]:
    """Memory probe: policytext's ranking."""
    data = load_scale(n_positions)
    return lambda: rank(data.recommendations, data.index, top_k=TOP_K)


def setup_baseline(n_positions: int) -> Callable[[], object]:
    """Memory probe: the baseline's ranking."""
    data = load_scale(n_positions)
    baseline.rank(
        data.query_vectors[:2], data.embeddings[:100], data.query_texts[:2], data.texts[:100]
    )
    return lambda: baseline.rank(
        data.query_vectors, data.embeddings, data.query_texts, data.texts, TOP_K
    )


class _Identity:
    """An encoder stand-in that only names an identity (for reading the .npy cache)."""

    def __init__(self, identity: str) -> None:
        self.identity = identity

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        raise RuntimeError("the scale embeddings should already be cached")


@pytest.fixture(scope="module")
def n_positions(quick: bool) -> int:
    return QUICK_POSITIONS if quick else FULL_POSITIONS


@pytest.fixture(scope="module")
def scale(n_positions: int) -> ScaleData:
    return load_scale(n_positions)


def _sizes(benchmark: Any, n_positions: int) -> None:
    benchmark.extra_info.update(
        recommendations=N_RECOMMENDATIONS,
        positions=n_positions,
        dense_matrix_mib=round(N_RECOMMENDATIONS * n_positions * 4 / 2**20, 1),
    )


def test_scale_build(benchmark: Any, runner: Any, scale: ScaleData, n_positions: int) -> None:
    reader = _Identity(scale.encoder.identity)

    def build() -> pt.PositionIndex:
        embeddings = synthetic.cached_embeddings(scale.texts, reader)
        return build_index(scale.positions, embeddings, scale.encoder)

    index, _ = runner.run(
        benchmark,
        build,
        case=f"scale build ({n_positions:,})",
        impl="policytext index from cached .npy",
        rounds=3,
        warmup=0,
    )
    _sizes(benchmark, n_positions)
    info = synthetic.encode_info(scale.encoder.identity, n_positions)
    benchmark.extra_info.update(
        one_time_encode_s=info.get("seconds"),
        one_time_encode_rows=info.get("rows"),
        one_time_encode_texts_per_s=info.get("texts_per_s"),
        one_time_encode_note=info.get("note"),
    )
    runner.memory(benchmark, "benchmarks.test_bench_scale", "setup_build", n_positions)
    assert len(index) == n_positions


def test_scale_rank(benchmark: Any, runner: Any, scale: ScaleData, n_positions: int) -> None:
    rank(scale.recommendations[:10], scale.index, top_k=TOP_K)
    items, _ = runner.run(
        benchmark,
        lambda: rank(scale.recommendations, scale.index, top_k=TOP_K),
        case=f"scale rank (1,000 x {n_positions:,})",
        impl="policytext rank()",
        rounds=5,
        warmup=1,
    )
    _sizes(benchmark, n_positions)
    figures = runner.memory(benchmark, "benchmarks.test_bench_scale", "setup_rank", n_positions)
    if figures is not None:
        dense = N_RECOMMENDATIONS * n_positions * 4
        benchmark.extra_info.update(
            traced_peak_share_of_dense=round(figures["traced_peak"] / dense, 3),
            bounded=figures["traced_peak"] < dense,
        )
    assert len(items) == N_RECOMMENDATIONS


def test_scale_baseline(benchmark: Any, runner: Any, scale: ScaleData, n_positions: int) -> None:
    start = time.perf_counter()
    hits, _ = runner.run(
        benchmark,
        lambda: baseline.rank(
            scale.query_vectors, scale.embeddings, scale.query_texts, scale.texts, TOP_K
        ),
        case=f"scale rank (1,000 x {n_positions:,})",
        impl="baseline: semantic_search + cdist",
        rounds=3,
        warmup=0,
        baseline=True,
    )
    _sizes(benchmark, n_positions)
    benchmark.extra_info["total_s"] = round(time.perf_counter() - start, 1)
    runner.memory(benchmark, "benchmarks.test_bench_scale", "setup_baseline", n_positions)
    assert len(hits) == N_RECOMMENDATIONS
