"""Shared fixtures of the benchmark suite, its quick mode and its summary table.

Full run (medians over several rounds, ratios to the hand-written baseline)::

    python -m pytest benchmarks --benchmark-only

Quick mode (CI: every benchmark once, the scale case shrunk to 1,000 x 5,000)::

    python -m pytest benchmarks --benchmark-disable -q

``POLICYTEXT_BENCH_QUICK=1`` forces quick mode, ``=0`` forces full mode. Quick mode runs
one memory probe only (``POLICYTEXT_BENCH_MEMORY=1`` runs them all). Nothing here
touches the network: the model is the bundled copy and Hugging Face runs offline.

Every benchmark records, in ``benchmark.extra_info``, its ``case`` (what is measured), its
``impl`` (``policytext...`` or ``baseline``) and its median in seconds; the end of the run
prints one table of medians and speed-ups (baseline median / policytext median) for the
cases, all measured in this run, and ``benchmarks/make_report.py`` turns the same figures
into docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "000_ba120e16f5a1800d.txt"
SEED_POSITIONS = ROOT / "seeds" / "000_ba120e16f5a1800d.positions.jsonl"
QUICK_ENV = "POLICYTEXT_BENCH_QUICK"
MEMORY_ENV = "POLICYTEXT_BENCH_MEMORY"

T = TypeVar("T")


def is_quick(config: pytest.Config) -> bool:
    """Quick mode: ``--benchmark-disable`` (unless overridden by ``POLICYTEXT_BENCH_QUICK``)."""
    env = os.environ.get(QUICK_ENV, "").strip()
    if env:
        return env not in ("0", "false", "no")
    disabled = bool(config.getoption("benchmark_disable", default=False))
    enabled = bool(config.getoption("benchmark_enable", default=False))
    return disabled and not enabled


# ----------------------------------------------------------------------------- memory probes

_PROBE = r"""
import gc, importlib, json, sys, tracemalloc


def status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return 0


module, name, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
op = getattr(importlib.import_module(module), name)(*args)
gc.collect()
setup_peak = status("VmHWM")
before = status("VmRSS")
try:  # reset the peak-RSS mark so that VmHWM afterwards is the operation's own peak
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    reset = True
except OSError:
    reset = False
tracemalloc.start()
op()
traced = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
peak = status("VmHWM")
sys.stdout.write("\n@@probe " + json.dumps({
    "traced_peak": traced,
    "rss_before_op": before,
    "op_rss_peak": peak if reset else max(setup_peak, peak),
    "maxrss": max(setup_peak, peak),
}) + "\n")
"""

_SPAWNER = r"""
import json, os, subprocess, sys, tempfile, time

for line in sys.stdin:
    job = json.loads(line)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            job["cmd"], cwd=job["cwd"], env=job["env"], stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read()[-3000:].decode("utf-8", "replace") if proc.returncode else ""
    reply = {"wall": wall, "maxrss": usage.ru_maxrss * 1024, "status": proc.returncode,
             "stderr": tail}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
"""


class Spawner:
    """A small helper process that starts commands, times them and reports their peak RSS.

    On Linux a child's ``ru_maxrss`` starts from the peak RSS of the process that spawned
    it (the mark survives ``exec``), so commands started straight from this (large) pytest
    process would report this process's peak. Started from this small helper, they report
    their own. The wall time is measured in the helper, around spawn and wait.
    """

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None

    def run(self, cmd: list[str]) -> tuple[float, int]:
        """Run ``cmd`` (output discarded); return (wall seconds, peak RSS bytes)."""
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                [sys.executable, "-c", _SPAWNER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        assert self._proc.stdin is not None
        assert self._proc.stdout is not None
        job = {"cmd": cmd, "cwd": str(ROOT), "env": child_env()}
        self._proc.stdin.write(json.dumps(job) + "\n")
        self._proc.stdin.flush()
        reply = json.loads(self._proc.stdout.readline())
        if reply["status"] != 0:
            raise RuntimeError(f"{cmd} exited {reply['status']}: {reply['stderr']}")
        return float(reply["wall"]), int(reply["maxrss"])

    def close(self) -> None:
        """Stop the helper."""
        if self._proc is not None:
            if self._proc.stdin is not None:
                self._proc.stdin.close()
            self._proc.wait(timeout=30)
            self._proc = None


def child_env() -> dict[str, str]:
    """Environment of child processes: this one's, offline, with the repo importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def probe_memory(module: str, setup: str, *args: Any) -> dict[str, int]:
    """Run ``module.setup(*args)()`` in a fresh process; return its memory figures (bytes).

    ``setup`` loads whatever the operation needs (and warms it); only the returned
    zero-argument operation runs under tracemalloc. Returns ``traced_peak`` (peak of
    Python/numpy allocations during the operation), ``rss_before_op``, ``op_rss_peak``
    (peak RSS during the operation: the peak mark is reset through
    ``/proc/self/clear_refs`` just before it) and ``maxrss`` (peak RSS of the whole
    process, setup included). Peaks are read from ``VmHWM``, not ``ru_maxrss``, which on
    Linux starts from the parent's peak.
    """
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, module, setup, json.dumps(list(args))],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    for line in out.stdout.splitlines():
        if line.startswith("@@probe "):
            figures: dict[str, int] = json.loads(line[len("@@probe ") :])
            return figures
    raise RuntimeError(f"memory probe {module}.{setup} failed:\n{out.stderr[-3000:]}")


def mib(n: float) -> float:
    """Bytes to MiB, rounded for tables."""
    return round(n / 2**20, 1)


# ----------------------------------------------------------------------------- results


@dataclass
class Result:
    """One measured implementation of one case."""

    case: str
    impl: str
    median: float
    rounds: int
    baseline: bool
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Registry:
    """Everything measured in this session, for the summary table."""

    results: list[Result] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quality_table: str = ""

    def baseline_of(self, case: str) -> Result | None:
        return next((r for r in self.results if r.case == case and r.baseline), None)


_REGISTRY = Registry()


@dataclass
class Runner:
    """Runs a benchmark (or, in quick mode, the function once) and records its median."""

    quick: bool
    registry: Registry
    spawner: Spawner = field(default_factory=Spawner)

    def run(
        self,
        benchmark: Any,
        target: Callable[[], T],
        *,
        case: str,
        impl: str,
        rounds: int,
        warmup: int = 1,
        baseline: bool = False,
        **extra: Any,
    ) -> tuple[T, float]:
        """Time ``target``; return its (last) result and the median in seconds.

        In quick mode ``target`` runs once (pytest-benchmark is disabled) and that single
        time stands for the median.
        """
        benchmark.group = case
        if self.quick or not benchmark.enabled:
            # pytest-benchmark runs the target once when disabled; time that run ourselves.
            start = time.perf_counter()
            value = benchmark.pedantic(target, rounds=1, warmup_rounds=0, iterations=1)
            median, n = time.perf_counter() - start, 1
        else:
            value = benchmark.pedantic(target, rounds=rounds, warmup_rounds=warmup, iterations=1)
            median, n = float(benchmark.stats.stats.median), rounds
        self.record(benchmark, case=case, impl=impl, median=median, rounds=n, baseline=baseline)
        benchmark.extra_info.update(extra)
        return value, median

    def record(
        self,
        benchmark: Any,
        *,
        case: str,
        impl: str,
        median: float,
        rounds: int = 1,
        baseline: bool = False,
    ) -> Result:
        result = Result(case, impl, median, rounds, baseline, benchmark.extra_info)
        self.registry.results.append(result)
        benchmark.extra_info.update(
            case=case, impl=impl, baseline=baseline, median_s=median, quick=self.quick
        )
        return result

    def memory(
        self, benchmark: Any, module: str, setup: str, *args: Any, always: bool = False
    ) -> dict[str, int] | None:
        """Probe ``module.setup(*args)()`` in a child process; record it in ``extra_info``.

        In quick mode only probes marked ``always`` run (each probe is a new process that
        loads its model and data again), unless ``POLICYTEXT_BENCH_MEMORY=1``; returns None
        for a skipped probe.

        Adds ``traced_peak_mib`` (tracemalloc peak during the operation: Python and numpy
        allocations, not what torch, ONNX Runtime or rapidfuzz allocate themselves),
        ``op_rss_peak_mib`` (the process's peak RSS during the operation),
        ``op_rss_growth_mib`` (that peak minus the RSS just before), ``maxrss_mib`` (the
        process's peak RSS, imports, model and data loading included) and
        ``rss_before_op_mib``.
        """
        if self.quick and not always and os.environ.get(MEMORY_ENV, "").strip() != "1":
            return None
        figures = probe_memory(module, setup, *args)
        benchmark.extra_info.update(
            traced_peak_mib=mib(figures["traced_peak"]),
            op_rss_peak_mib=mib(figures["op_rss_peak"]),
            op_rss_growth_mib=mib(max(0, figures["op_rss_peak"] - figures["rss_before_op"])),
            maxrss_mib=mib(figures["maxrss"]),
            rss_before_op_mib=mib(figures["rss_before_op"]),
        )
        return figures

    def child(self, cmd: list[str]) -> tuple[float, int]:
        """Run ``cmd`` in a child process: (wall seconds, peak RSS bytes)."""
        return self.spawner.run(cmd)


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def quick(pytestconfig: pytest.Config) -> bool:
    """True in quick (CI) mode."""
    return is_quick(pytestconfig)


@pytest.fixture(scope="session")
def runner(quick: bool) -> Iterator[Runner]:
    """Times benchmarks and records them for the summary."""
    r = Runner(quick, _REGISTRY)
    yield r
    r.spawner.close()


@pytest.fixture(scope="session")
def registry() -> Registry:
    """The session's results so far."""
    return _REGISTRY


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed op-ed."""
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_positions() -> list[Any]:
    """The seed's positions corpus."""
    import policytext as pt

    return list(pt.load_positions(SEED_POSITIONS))


@pytest.fixture(scope="session")
def onnx_encoder() -> Any:
    """The default encoder (backend "auto"), no cache, loaded."""
    import policytext as pt

    encoder = pt.resolve_encoder(cache=False)
    encoder.encode(["Ministers should act."])
    return encoder


@pytest.fixture(scope="session")
def st_model() -> Any:
    """The baseline's ``SentenceTransformer(path)``, loaded and warm."""
    from benchmarks import baseline

    model = baseline.load_model()
    baseline.encode(model, ["Ministers should act."])
    return model


# ----------------------------------------------------------------------------- summary


def speedup(result: Result, results: list[Result]) -> str:
    """``"2.40x"`` (baseline median / this median), ``"baseline"`` or ``"-"``."""
    if result.baseline:
        return "baseline"
    base = next((r for r in results if r.case == result.case and r.baseline), None)
    if base is None or result.median <= 0:
        return "-"
    return f"{base.median / result.median:.2f}x"


def _note(extra: dict[str, Any]) -> str:
    parts = []
    if "sentences_per_s" in extra:
        parts.append(f"{extra['sentences_per_s']:.0f} sent/s")
    if "maxrss_mib" in extra:
        parts.append(f"RSS {extra['maxrss_mib']:.0f} MiB")
    if "op_rss_growth_mib" in extra:
        parts.append(f"op +{extra['op_rss_growth_mib']:.0f} MiB")
    if "traced_peak_mib" in extra:
        parts.append(f"traced {extra['traced_peak_mib']:.1f} MiB")
    return ", ".join(parts)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the medians and speed-ups measured in this run."""
    results = _REGISTRY.results
    if not results:
        return
    mode = "quick mode: one run each" if results[0].extra.get("quick") else "medians"
    tr = terminalreporter
    tr.section(f"policytext benchmarks ({mode})")
    tr.write_line(
        f"{'case':<27} {'implementation':<38} {'median':>11} {'n':>3} {'speed-up':>9}  memory"
    )
    for r in results:
        shown = f"{r.median * 1e3:9.2f} ms" if r.median < 10 else f"{r.median:10.2f} s"
        tr.write_line(
            f"{r.case:<27} {r.impl:<38} {shown:>11} {r.rounds:>3} "
            f"{speedup(r, results):>9}  {_note(r.extra)}"
        )
    for note in _REGISTRY.notes:
        tr.write_line(note)
    if _REGISTRY.quality_table:
        tr.write_line("")
        tr.write_line("quality (benchmarks/quality.py):")
        for line in _REGISTRY.quality_table.splitlines():
            tr.write_line(line)
        tr.write_line("")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tr.write_line(
        f"(speed-up = baseline median / this median; pytest process peak RSS {peak:.0f} MiB)"
    )
