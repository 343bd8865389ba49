"""Regenerate docs/benchmarks.md from a full run of the benchmark suite.

Usage::

    python benchmarks/make_report.py                  # run the suite (full mode), write the doc
    python benchmarks/make_report.py --json run.json  # only rewrite the doc from a saved run

The suite is run as ``python -m pytest benchmarks --benchmark-only
--benchmark-json=FILE`` with ``POLICYTEXT_BENCH_QUICK=0``; every figure in the document comes
from that one run (speed-ups are ratios of medians measured in it). The first full run on a
machine also encodes the 100,000 synthetic positions once (several minutes); later runs
read them from the cache directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
PACKAGES = (
    "policytext",
    "torch",
    "onnxruntime",
    "sentence-transformers",
    "transformers",
    "tokenizers",
    "numpy",
    "rapidfuzz",
    "pytest-benchmark",
)


# ----------------------------------------------------------------------------- running


def run_suite(json_path: Path, extra_args: Sequence[str] = ()) -> int:
    """Run the suite in full mode, writing pytest-benchmark's JSON to ``json_path``."""
    env = dict(os.environ)
    env["POLICYTEXT_BENCH_QUICK"] = "0"
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "benchmarks",
        "--benchmark-only",
        f"--benchmark-json={json_path}",
        "-p",
        "no:randomly",
        *extra_args,
    ]
    print("running:", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode


# ----------------------------------------------------------------------------- machine


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except (OSError, ValueError):
        pass
    return None


def machine() -> dict[str, Any]:
    """CPU, cores, RAM, OS, Python and the versions of the packages that matter."""
    versions: dict[str, str] = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
    }


# ----------------------------------------------------------------------------- rendering


def _time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def _num(value: Any, fmt: str = "{:.1f}") -> str:
    return "—" if value is None else fmt.format(value)


def _rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One dict per benchmark: case, impl, baseline, median, rounds, extra, speedup."""
    rows: list[dict[str, Any]] = []
    for bench in data.get("benchmarks", []):
        extra = dict(bench.get("extra_info", {}))
        stats = bench.get("stats", {})
        rows.append(
            {
                "case": extra.get("case", bench.get("group") or bench["name"]),
                "impl": extra.get("impl", bench["name"]),
                "baseline": bool(extra.get("baseline")),
                "median": float(stats.get("median", extra.get("median_s", 0.0))),
                "rounds": int(stats.get("rounds", 1)),
                "extra": extra,
            }
        )
    baselines = {r["case"]: r for r in rows if r["baseline"]}
    for r in rows:
        base = baselines.get(r["case"])
        r["speedup"] = (
            base["median"] / r["median"]
            if base is not None and not r["baseline"] and r["median"] > 0
            else None
        )
    return rows


def _find(rows: list[dict[str, Any]], case_prefix: str, impl_prefix: str) -> dict[str, Any] | None:
    return next(
        (
            r
            for r in rows
            if r["case"].startswith(case_prefix) and r["impl"].startswith(impl_prefix)
        ),
        None,
    )


def _targets(rows: list[dict[str, Any]]) -> list[str]:
    def verdict(ok: bool | None) -> str:
        return "—" if ok is None else ("met" if ok else "**not met**")

    out = ["| target | measured | |", "| --- | --- | --- |"]
    seg = _find(rows, "segment", "policytext")
    if seg:
        out.append(
            f"| `segment()` on the seed < 5 ms | {_time(seg['median'])} | "
            f"{verdict(seg['median'] < 0.005)} |"
        )
    enc = _find(rows, "encode", "policytext default")
    if enc:
        rate = enc["extra"].get("sentences_per_s")
        share = enc["extra"].get("share_of_matmul_limit")
        ok = None if share is None else share >= 0.9
        out.append(
            f"| default encoder ≥ 90 % of the ~240 sentences/s matmul limit (216/s) | "
            f"{_num(rate)} sentences/s ({_num(share, '{:.0%}')}) | {verdict(ok)} |"
        )
    cli = _find(rows, "CLI", "policytext CLI (cache")
    if cli:
        out.append(
            f"| CLI cold < 1.0 s | {_time(cli['median'])} | {verdict(cli['median'] < 1.0)} |"
        )
        sp = cli["speedup"]
        out.append(
            f"| CLI cold ≥ 5× faster than the baseline script | {_num(sp, '{:.1f}×')} | "
            f"{verdict(None if sp is None else sp >= 5)} |"
        )
    scale = _find(rows, "scale rank", "policytext")
    if scale:
        sp = scale["speedup"]
        out.append(
            f"| scale ranking ({scale['case'].split('(')[-1].rstrip(')')}) ≥ 3× faster "
            f"than the baseline | {_num(sp, '{:.1f}×')} | "
            f"{verdict(None if sp is None else sp >= 3)} |"
        )
        extra = scale["extra"]
        bounded = extra.get("bounded")
        out.append(
            "| scale ranking never holds the dense 1,000 × N score matrix | "
            f"tracemalloc peak {_num(extra.get('traced_peak_mib'))} MiB vs dense "
            f"{_num(extra.get('dense_matrix_mib'))} MiB | "
            f"{verdict(None if bounded is None else bool(bounded))} |"
        )
    return out


def _asks_line(rows: list[dict[str, Any]]) -> list[str]:
    seg = _find(rows, "segment", "policytext")
    base = _find(rows, "segment", "baseline")
    if not (seg and base):
        return []
    return [
        f"On the seed, `segment()` finds {seg['extra'].get('recommendations')} recommendations "
        f"and the baseline's split {base['extra'].get('recommendations')} asks, so per call "
        "policytext encodes and scores more texts than the baseline (rank() also embeds each",
        "recommendation with its preceding sentence).",
        "",
    ]


def _main_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| case | implementation | median | rounds | speed-up vs baseline | "
        "process peak RSS (MiB) | RSS growth in op (MiB) | tracemalloc peak (MiB) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        if r["case"] == "quality":
            continue
        speed = "baseline" if r["baseline"] else _num(r["speedup"], "{:.2f}×")
        extra = r["extra"]
        out.append(
            f"| {r['case']} | {r['impl']} | {_time(r['median'])} | {r['rounds']} | {speed} | "
            f"{_num(extra.get('maxrss_mib'), '{:.0f}')} | "
            f"{_num(extra.get('op_rss_growth_mib'), '{:.0f}')} | "
            f"{_num(extra.get('traced_peak_mib'), '{:.1f}')} |"
        )
    return out


def _encode_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| encoder | identity | sentences/s | share of 240/s | vs baseline |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        if r["case"] != "encode":
            continue
        e = r["extra"]
        speed = "baseline" if r["baseline"] else _num(r["speedup"], "{:.2f}×")
        out.append(
            f"| {r['impl']} | `{e.get('encoder', '')}` | {_num(e.get('sentences_per_s'))} | "
            f"{_num(e.get('share_of_matmul_limit'), '{:.0%}')} | {speed} |"
        )
    return out


def _scale_lines(rows: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    build = _find(rows, "scale build", "policytext")
    if build:
        e = build["extra"]
        out.append(
            f"- Building the index over {e.get('positions', 0):,} positions from the cached "
            f"embeddings (load the `.npy`, tokenise, count the vocabulary): "
            f"**{_time(build['median'])}** (median of {build['rounds']}), tracemalloc peak "
            f"{_num(e.get('traced_peak_mib'))} MiB."
        )
        if e.get("one_time_encode_s") is not None:
            out.append(
                f"- Encoding them, once per encoder identity (then cached as `.npy`): "
                f"{_num(e.get('one_time_encode_s'))} s for {e.get('one_time_encode_rows'):,} "
                f"texts ({_num(e.get('one_time_encode_texts_per_s'))} texts/s"
                + (f"; {e['one_time_encode_note']}" if e.get("one_time_encode_note") else "")
                + ")."
            )
    pt_rank = _find(rows, "scale rank", "policytext")
    base = _find(rows, "scale rank", "baseline")
    if pt_rank and base:
        out.append(
            f"- Ranking 1,000 recommendations: policytext {_time(pt_rank['median'])}, baseline "
            f"{_time(base['median'])} → **{_num(pt_rank['speedup'], '{:.1f}×')}**."
        )
        pe, be = pt_rank["extra"], base["extra"]
        out.append(
            f"- Memory during one ranking: policytext RSS +{_num(pe.get('op_rss_growth_mib'))}"
            f" MiB (tracemalloc peak {_num(pe.get('traced_peak_mib'))} MiB), baseline RSS "
            f"+{_num(be.get('op_rss_growth_mib'))} MiB (tracemalloc "
            f"{_num(be.get('traced_peak_mib'))} MiB: rapidfuzz's `cdist` matrix is not traced)"
            f"; the dense 1,000 × N float32 score matrix is "
            f"{_num(pe.get('dense_matrix_mib'))} MiB."
        )
    return out


def _quality(rows: list[dict[str, Any]]) -> list[str]:
    q = next((r for r in rows if r["case"] == "quality"), None)
    if q is None:
        return ["(the quality benchmark did not run)"]
    e = q["extra"]
    out = ["```text", str(e.get("table", "")).rstrip(), "```", ""]
    figures = e.get("quality") or {}
    seg = figures.get("segmentation", {})
    if seg:
        out.append(
            f"Segmentation over {seg.get('asks', 0):.0f} gold asks: precision "
            f"{seg.get('precision', 0):.2f}, recall {seg.get('recall', 0):.2f}, F1 "
            f"{seg.get('f1', 0):.2f}, trap rate {seg.get('trap_rate', 0):.2f}."
        )
        out.append("")
    head = "| matching | P@1 | MRR | verdict accuracy | novel F1 |"
    out.extend([head, "| --- | ---: | ---: | ---: | ---: |"])
    names = {
        "oracle": "policytext, gold spans",
        "baseline": "plain cosine, gold spans",
        "end_to_end": "policytext, own segmentation",
    }
    for key, label in names.items():
        m = figures.get(key)
        if not m:
            continue
        out.append(
            f"| {label} | {m.get('p_at_1', 0):.2f} | {m.get('mrr', 0):.2f} | "
            f"{m.get('verdict_accuracy', 0):.2f} | {m.get('novel_f1', 0):.2f} |"
        )
    out.append("")
    out.append(f"(evaluate_all() took {_time(q['median'])}.)")
    return out


def render(data: dict[str, Any], info: dict[str, Any]) -> str:
    """The Markdown document."""
    rows = _rows(data)
    when = data.get("datetime") or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    versions = ", ".join(f"{k} {v}" for k, v in info["versions"].items())
    cores = info["cores"]
    usable = info.get("usable_cores")
    core_text = f"{cores} cores" + (f" ({usable} usable)" if usable and usable != cores else "")
    lines = [
        "# Benchmarks",
        "",
        "Speed, memory and quality of policytext, each speed figure next to a hand-written",
        "baseline measured **in the same run** (speed-up = baseline median / policytext",
        "median). Generated by `benchmarks/make_report.py`; do not edit by hand.",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu']}, {core_text}; RAM {_num(info['ram_gib'])} GiB",
        f"- {info['os']}, Python {info['python']}",
        f"- {versions}",
        f"- run: {when}",
        "",
        "The machine is shared and timings are noisy: read medians and the ratios between",
        "figures of the same run, not single numbers to the millisecond.",
        "",
        "## Targets",
        "",
        *_targets(rows),
        "",
        "## Medians and speed-ups",
        "",
        *_main_table(rows),
        "",
        "Memory is measured in a separate child process per benchmark that loads what the",
        "operation needs and runs it once: *process peak RSS* includes imports, model and data",
        "(for the CLI rows it is the CLI process itself); *RSS growth in op* is the peak RSS",
        "during the operation (peak mark reset just before it) minus the RSS before it; the",
        "*tracemalloc peak* covers Python and numpy allocations during the operation, not what",
        "torch, ONNX Runtime or rapidfuzz allocate themselves.",
        "",
        "What each case measures:",
        "",
        "- **segment**: `pt.segment()` on the seed op-ed (5.8 kB) vs the baseline's split on",
        '  full stops keeping sentences with "should", "must" or "need to".',
        "- **encode**: the seed's sentences (`policytext.text.sentence_spans`), encoder loaded,",
        "  no cache; the baseline is `SentenceTransformer(path).encode` with its defaults.",
        "- **compare (seed, warm)**: `pt.compare()` on the seed against its 32 positions,",
        "  encoder loaded: with the embedding cache warm, and with a prebuilt `PositionIndex`",
        "  and no cache (the recommendations are encoded each time). The baseline has its",
        "  model loaded and the positions embedded once, then splits, encodes the asks, runs",
        "  `semantic_search` and rapidfuzz `cdist` (token_set_ratio) over all pairs.",
        "- **CLI compare (cold)**: a new process per run, `policytext compare SEED",
        "  --positions POSITIONS` (files on disk as after a first run: ONNX model exported,",
        "  embedding cache filled; and with `--no-cache`) vs `python benchmarks/baseline.py`.",
        "- **scale**: 1,000 synthetic asks against 100,000 synthetic positions",
        "  (`benchmarks/synthetic.py`), with the same precomputed query vectors for both:",
        "  `policytext.pipeline.rank` over a `PositionIndex` vs `semantic_search` (top 50) plus",
        "  `cdist` over all pairs on all cores.",
        "",
        *_asks_line(rows),
        "## Encoding throughput",
        "",
        *_encode_table(rows),
        "",
        "## Scale case",
        "",
        *_scale_lines(rows),
        "",
        "## Quality",
        "",
        "From `benchmarks/quality.py` on the seed and the development set (columns: segmentation",
        "P / R / F1 / trap rate; matching on gold spans: P@1, MRR, verdict accuracy, novel F1;",
        "the same for the plain-cosine baseline; end-to-end verdict accuracy).",
        "",
        *_quality(rows),
        "",
        "## Regenerating",
        "",
        "```bash",
        "python benchmarks/make_report.py                    # full run, rewrites this file",
        "python -m pytest benchmarks --benchmark-only        # full run, table in the terminal",
        "python -m pytest benchmarks --benchmark-disable -q  # quick mode (CI)",
        "```",
        "",
        "The first full run on a machine also encodes the 100,000 synthetic positions once",
        "(several minutes). Quick mode runs each benchmark once and shrinks the scale case to",
        "1,000 × 5,000 (`POLICYTEXT_BENCH_QUICK=1` / `=0` forces either mode).",
        "Set `POLICYTEXT_CACHE_DIR` to keep the ONNX export, the embedding cache and the",
        "synthetic embeddings (`<cache dir>/benchmarks/*.npy`) somewhere else than the user",
        "cache directory. Nothing touches the network.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite (or read ``--json``) and write docs/benchmarks.md."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", type=Path, help="use this pytest-benchmark JSON, do not run")
    parser.add_argument("--out", type=Path, default=DOC, help="where to write (docs/benchmarks.md)")
    parser.add_argument("--keep-json", type=Path, help="also keep the run's JSON here")
    args, pytest_args = parser.parse_known_args(argv)
    if args.json is not None:
        data = json.loads(args.json.read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "run.json"
            status = run_suite(path, pytest_args)
            if not path.is_file():
                print(f"the suite wrote no results (exit status {status})", file=sys.stderr)
                return status or 1
            data = json.loads(path.read_text(encoding="utf-8"))
            if args.keep_json is not None:
                args.keep_json.write_text(json.dumps(data, indent=2), encoding="utf-8")
            if status != 0:
                print(f"warning: the suite exited with status {status}", file=sys.stderr)
    args.out.write_text(render(data, machine()), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
