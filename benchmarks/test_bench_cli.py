"""4. The command line as a cold subprocess (target: median < 1.0 s, >= 5x the baseline).

Each round starts a new process: ``policytext compare SEED --positions POSITIONS``. "Cold"
means a new interpreter that imports everything and loads the model; the files on disk are
as after a first run (the ONNX export exists and, for the first variant, the embedding
cache holds the seed's texts). ``--no-cache`` shows the cost of encoding every text. The
baseline is ``python benchmarks/baseline.py SEED POSITIONS``, a user's script.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_ba120e16f5a1800d.txt"
POSITIONS = "seeds/000_ba120e16f5a1800d.positions.jsonl"
TARGET_S = 1.0
TARGET_SPEEDUP = 5.0


def policytext_command() -> list[str]:
    """The installed ``policytext`` script next to this interpreter, else ``-m policytext``."""
    script = Path(sys.executable).parent / "policytext"
    if script.is_file():
        return [str(script)]
    found = shutil.which("policytext")
    return [found] if found else [sys.executable, "-m", "policytext"]


@pytest.mark.parametrize(
    ("flags", "label", "rounds"),
    [
        ((), "policytext CLI (cache on disk)", 9),
        (("--no-cache",), "policytext CLI --no-cache", 7),
    ],
    ids=["cached", "no-cache"],
)
def test_cli(benchmark: Any, runner: Any, flags: tuple[str, ...], label: str, rounds: int) -> None:
    cmd = [*policytext_command(), "compare", SEED, "--positions", POSITIONS, *flags]
    if not runner.quick:  # first run: exports the ONNX model, fills the cache (if not yet)
        runner.child(cmd)
    peaks: list[int] = []

    def run() -> float:
        wall, peak = runner.child(cmd)
        peaks.append(peak)
        return float(wall)

    _, median = runner.run(
        benchmark, run, case="CLI compare (cold)", impl=label, rounds=rounds, warmup=1
    )
    benchmark.extra_info.update(
        command=" ".join(cmd[-5:]),
        maxrss_mib=round(max(peaks) / 2**20, 1),
        target_s=TARGET_S,
        target_met=median < TARGET_S,
    )


def test_cli_baseline(benchmark: Any, runner: Any) -> None:
    cmd = [sys.executable, "benchmarks/baseline.py", SEED, POSITIONS]
    peaks: list[int] = []

    def run() -> float:
        wall, peak = runner.child(cmd)
        peaks.append(peak)
        return float(wall)

    runner.run(
        benchmark,
        run,
        case="CLI compare (cold)",
        impl="baseline script (python baseline.py)",
        rounds=5,
        warmup=1,
        baseline=True,
    )
    benchmark.extra_info.update(maxrss_mib=round(max(peaks) / 2**20, 1))
