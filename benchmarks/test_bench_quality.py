"""7. Quality: ``benchmarks.quality.evaluate_all()`` on the seed and the development set.

Records segmentation precision / recall / F1 / trap rate, P@1, MRR, verdict accuracy and
novel F1 (oracle segmentation, end to end) and the plain-cosine baseline's figures in
``benchmark.extra_info["quality"]``, and prints the per-document table.
"""

from __future__ import annotations

from typing import Any

import policytext as pt
from benchmarks.quality import evaluate_all, format_table, summary


def test_quality(benchmark: Any, runner: Any, registry: Any) -> None:
    encoder = pt.resolve_encoder()
    reports, _ = runner.run(
        benchmark,
        lambda: evaluate_all(encoder),
        case="quality",
        impl="policytext evaluate_all()",
        rounds=1,
        warmup=0,
    )
    figures = summary(reports)
    table = format_table(reports)
    benchmark.extra_info.update(quality=figures, table=table, documents=len(reports))
    registry.quality_table = table
    print(table)
    assert 0.0 <= figures["segmentation"]["f1"] <= 1.0
