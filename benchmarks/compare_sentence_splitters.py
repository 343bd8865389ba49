"""Compare sentence splitters on tricky boundary cases and on speed.

Every splitter is used the way policytext uses its own: inside the paragraph / heading /
list-item structure that :mod:`policytext.text` finds, so line structure is the same for all
and only the in-paragraph boundaries differ. Library output is mapped back to offsets in the
original string (libraries that give no offsets are located with ``str.find``).

Run::

    PYTHONPATH=src python benchmarks/compare_sentence_splitters.py

Reports, per splitter: cases fully right, boundary precision/recall/F1 over all cases, and
the median time of a full ``sentence_spans`` pass over the seed op-ed.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from policytext import text as pt_text

Span = tuple[int, int]
Splitter = Callable[[str, int, int], list[Span]]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ba120e16f5a1800d.txt"

# (text, expected sentences): our own sentences, written for this benchmark and shared with
# tests/test_text.py ("known_miss" marks the cases policytext's own splitter gets wrong).
CASES: list[tuple[str, list[str]]] = [
    (case["text"], case["sentences"])
    for case in json.loads(
        (ROOT / "tests" / "data" / "sentence_boundaries.json").read_text(encoding="utf-8")
    )
]


# ---------------------------------------------------------------------------------------------
# splitters as in-paragraph functions: (text, start, end) -> spans


def _locate(text: str, start: int, end: int, pieces: list[str]) -> list[Span]:
    """Map sentence strings back to offsets in ``text[start:end]`` by sequential search."""
    spans: list[Span] = []
    cur = start
    for piece in pieces:
        p = piece.strip()
        if not p:
            continue
        i = text.find(p, cur, end)
        if i < 0:  # a normalising splitter: anchor on the first word instead
            head = p.split()[0]
            i = text.find(head, cur, end)
            if i < 0:
                continue
            spans.append((i, i + len(head)))
            cur = i + len(head)
            continue
        spans.append((i, i + len(p)))
        cur = i + len(p)
    return spans


def make_splitters() -> dict[str, Splitter]:
    splitters: dict[str, Splitter] = {"policytext (own rules)": pt_text.split_sentences}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        splitters["pysbd 0.3"] = lambda t, s, e: _locate(t, s, e, seg.segment(t[s:e]))
    except ImportError:  # pragma: no cover
        pass
    try:
        import sentencex

        splitters["sentencex"] = lambda t, s, e: _locate(
            t, s, e, list(sentencex.segment("en", t[s:e]))
        )
    except ImportError:  # pragma: no cover
        pass
    try:
        import nupunkt

        nupunkt.sent_tokenize("Warm up. The model.")
        splitters["nupunkt 0.8"] = lambda t, s, e: _locate(t, s, e, nupunkt.sent_tokenize(t[s:e]))
    except ImportError:  # pragma: no cover
        pass
    try:
        from syntok import segmenter as syntok_segmenter

        def syntok_split(t: str, s: int, e: int) -> list[Span]:
            out: list[Span] = []
            for para in syntok_segmenter.analyze(t[s:e]):
                for sent in para:
                    first, last = sent[0], sent[-1]
                    out.append((s + first.offset, s + last.offset + len(last.value)))
            return out

        splitters["syntok"] = syntok_split
    except ImportError:  # pragma: no cover
        pass
    try:
        import blingfire

        def blingfire_split(t: str, s: int, e: int) -> list[Span]:
            chunk = t[s:e]
            _, offsets = blingfire.text_to_sentences_and_offsets(chunk)
            return [(s + a, s + b) for a, b in offsets]

        splitters["blingfire"] = blingfire_split
    except ImportError:  # pragma: no cover
        pass
    return splitters


# ---------------------------------------------------------------------------------------------
# scoring


def _expected_starts(text: str, expected: list[str]) -> set[int]:
    starts: list[int] = []
    cur = 0
    for sent in expected:
        i = text.find(sent, cur)
        if i < 0:
            raise AssertionError(f"case sentence not in text: {sent!r}")
        starts.append(i)
        cur = i + len(sent)
    return set(starts[1:])


def score(splitter: Splitter) -> tuple[int, int, float, float, float]:
    """(cases right, cases, boundary precision, recall, F1) over :data:`CASES`."""
    right = tp = fp = fn = 0
    for text, expected in CASES:
        gold = _expected_starts(text, expected)
        sents = pt_text._spans_with(text, splitter)
        pred = {s.start for s in sents[1:]}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        right += pred == gold
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return right, len(CASES), p, r, f


def _gold_sentences() -> list[tuple[str, int, int]]:
    """Whole sentences from the gold files: each trap is a sentence minus its final punctuation."""
    out: list[tuple[str, int, int]] = []
    files = sorted(ROOT.glob("seeds/*.gold.json")) + sorted(
        ROOT.glob("benchmarks/data/*/*.gold.json")
    )
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        doc = (file.parent / data["document"]).read_text(encoding="utf-8")
        for trap in data.get("traps", []):
            start = doc.find(trap["text"])
            if start >= 0:
                out.append((doc, start, start + len(trap["text"])))
    return out


def score_natural(splitter: Splitter, gold: list[tuple[str, int, int]]) -> tuple[int, int]:
    """(sentences recovered exactly, sentences) over the gold-file trap sentences."""
    cache: dict[int, list[pt_text.Sentence]] = {}
    right = 0
    for doc, start, end in gold:
        key = id(doc)
        if key not in cache:
            cache[key] = pt_text._spans_with(doc, splitter)
        right += any(
            s.start == start and end <= s.end <= end + 3 and not doc[end : s.end].strip(".!?:;…")
            for s in cache[key]
        )
    return right, len(gold)


def median_ms(splitter: Splitter, text: str, repeat: int = 50) -> float:
    pt_text._spans_with(text, splitter)  # warm up (model loading, caches)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        pt_text._spans_with(text, splitter)
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def main() -> int:
    seed = SEED.read_text(encoding="utf-8")
    gold = _gold_sentences()
    rows = []
    for name, splitter in make_splitters().items():
        right, n, p, r, f = score(splitter)
        nat, nat_n = score_natural(splitter, gold)
        rows.append((name, right, n, p, r, f, nat, nat_n, median_ms(splitter, seed)))
    print(
        "| splitter | cases right | boundary P | boundary R | boundary F1 "
        "| gold-file sentences exact | median ms (seed) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, right, n, p, r, f, nat, nat_n, ms in sorted(
        rows, key=lambda row: (-(row[1] + row[6]), row[8])
    ):
        print(f"| {name} | {right}/{n} | {p:.3f} | {r:.3f} | {f:.3f} | {nat}/{nat_n} | {ms:.2f} |")
    if "-v" in sys.argv:
        for name, splitter in make_splitters().items():
            for text, expected in CASES:
                got = [s.text for s in pt_text._spans_with(text, splitter)]
                if got != expected:
                    print(f"{name}: {text!r}\n    got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
