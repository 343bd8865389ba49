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

# (text, expected sentences): our own sentences, written for this benchmark.
CASES: list[tuple[str, list[str]]] = [
    ("Mr Smith met Dr Jones. They agreed.", ["Mr Smith met Dr Jones.", "They agreed."]),
    (
        "Mr. Smith met Dr. Jones at 10 a.m. on Monday. They agreed.",
        ["Mr. Smith met Dr. Jones at 10 a.m. on Monday.", "They agreed."],
    ),
    (
        "The U.S. Congress must act. The U.K. should follow.",
        ["The U.S. Congress must act.", "The U.K. should follow."],
    ),
    ("He moved to the U.S. Then he left.", ["He moved to the U.S.", "Then he left."]),
    (
        "Trade is worth £6bn. Exports rose 3.5% in 2024.",
        ["Trade is worth £6bn.", "Exports rose 3.5% in 2024."],
    ),
    (
        "On 7 October the talks collapsed. Nobody was surprised.",
        ["On 7 October the talks collapsed.", "Nobody was surprised."],
    ),
    (
        "Use proven tools, e.g. heat pumps. They work.",
        ["Use proven tools, e.g. heat pumps.", "They work."],
    ),
    (
        "Use proven tools (e.g. heat pumps, i.e. the cheapest option). They work.",
        ["Use proven tools (e.g. heat pumps, i.e. the cheapest option).", "They work."],
    ),
    (
        "“We must act now,” she said. “The time is right.”",
        ["“We must act now,” she said.", "“The time is right.”"],
    ),
    ("He said: “Stop the war.” Then he left.", ["He said: “Stop the war.”", "Then he left."]),
    ("“Why now?” he asked. Nobody answered.", ["“Why now?” he asked.", "Nobody answered."]),
    (
        "She called it “a disgrace.” The minister resigned.",
        ["She called it “a disgrace.”", "The minister resigned."],
    ),
    ("Ministers hesitated... Then they acted.", ["Ministers hesitated...", "Then they acted."]),
    ("The pause was long… but nobody moved.", ["The pause was long… but nobody moved."]),
    (
        "Prices rose – sharply – after the war. Wages did not.",
        ["Prices rose – sharply – after the war.", "Wages did not."],
    ),
    (
        "The bill passed (narrowly). It now goes to the Lords.",
        ["The bill passed (narrowly).", "It now goes to the Lords."],
    ),
    (
        "(This is a parenthetical sentence.) The next one follows.",
        ["(This is a parenthetical sentence.)", "The next one follows."],
    ),
    (
        "Is this right? I doubt it! We should act.",
        ["Is this right?", "I doubt it!", "We should act."],
    ),
    (
        "J. K. Rowling wrote to No. 10 yesterday. The reply came fast.",
        ["J. K. Rowling wrote to No. 10 yesterday.", "The reply came fast."],
    ),
    (
        "The firm, Acme Ltd., was fined. Its boss resigned.",
        ["The firm, Acme Ltd., was fined.", "Its boss resigned."],
    ),
    (
        "They sold oil, gas, etc. The profits were huge.",
        ["They sold oil, gas, etc.", "The profits were huge."],
    ),
    ("The report (p. 12) says so. We agree.", ["The report (p. 12) says so.", "We agree."]),
    (
        "St. Paul’s Cathedral was full. The service began.",
        ["St. Paul’s Cathedral was full.", "The service began."],
    ),
    (
        "Gen. Smith and Sen. Warren disagreed. The vote failed.",
        ["Gen. Smith and Sen. Warren disagreed.", "The vote failed."],
    ),
    (
        "The rate is 2.5 per cent. It was 3.1 per cent in Jan. 2024.",
        ["The rate is 2.5 per cent.", "It was 3.1 per cent in Jan. 2024."],
    ),
    ("Revenue hit $52.7bn. Costs fell.", ["Revenue hit $52.7bn.", "Costs fell."]),
    (
        "The government should act\nnow on housing. Councils\nmust follow.",
        ["The government should act\nnow on housing.", "Councils\nmust follow."],
    ),
    (
        "First paragraph ends here.\nSecond paragraph starts here.",
        ["First paragraph ends here.", "Second paragraph starts here."],
    ),
    (
        "Five things:\n1. Give the institute teeth.\n2. Scrap the cap.",
        ["Five things:", "Give the institute teeth.", "Scrap the cap."],
    ),
    (
        "- Cut taxes.\n- Build homes.\n• Fund the NHS.",
        ["Cut taxes.", "Build homes.", "Fund the NHS."],
    ),
    ("## The way forward\nWe need to act.", ["The way forward", "We need to act."]),
    (
        "Why Britain needs a plan\nThe country is stuck. It needs a plan.",
        ["Why Britain needs a plan", "The country is stuck.", "It needs a plan."],
    ),
    (
        "One sentence.\r\nAnother one.\r\n\r\nA new paragraph.",
        ["One sentence.", "Another one.", "A new paragraph."],
    ),
    (
        "It cost £6\u00a0bn. Then\u00a0prices rose.",
        ["It cost £6\u00a0bn.", "Then\u00a0prices rose."],
    ),
    ("The vote was 99 to 1. The Senate agreed.", ["The vote was 99 to 1.", "The Senate agreed."]),
    ("I met him at 5 p.m. Then we talked.", ["I met him at 5 p.m.", "Then we talked."]),
    (
        "Section 21 – the clause – is gone. Tenants cheered.",
        ["Section 21 – the clause – is gone.", "Tenants cheered."],
    ),
    ('He asked "why?" and left.', ['He asked "why?" and left.']),
    ('The motto was "Never again." It still is.', ['The motto was "Never again."', "It still is."]),
    ("Fig. 3 shows the trend. It is rising.", ["Fig. 3 shows the trend.", "It is rising."]),
    (
        "The approx. cost is high. We should cut it.",
        ["The approx. cost is high.", "We should cut it."],
    ),
    (
        "Visit www.gov.uk for details. Apply today.",
        ["Visit www.gov.uk for details.", "Apply today."],
    ),
    (
        "Inflation fell to 3.8%. The Bank held rates at 4.0%.",
        ["Inflation fell to 3.8%.", "The Bank held rates at 4.0%."],
    ),
    (
        "Ms Reeves, the Chancellor, spoke. Mr. Bailey replied.",
        ["Ms Reeves, the Chancellor, spoke.", "Mr. Bailey replied."],
    ),
    (
        "“Anti-Zionism is wrong,” Keir Starmer said in 2021. Leadership matters.",
        ["“Anti-Zionism is wrong,” Keir Starmer said in 2021.", "Leadership matters."],
    ),
    # written after the rules, as a check on over-fitting the cases above
    (
        "She works at Google Inc. and at Meta. Both agreed.",
        ["She works at Google Inc. and at Meta.", "Both agreed."],
    ),
    (
        "He cited art. 50 of the treaty. Then Britain left.",
        ["He cited art. 50 of the treaty.", "Then Britain left."],
    ),
    (
        "The meeting is at 3 p.m. tomorrow. Be there.",
        ["The meeting is at 3 p.m. tomorrow.", "Be there."],
    ),
    (
        "They said 'enough.' Then they walked out.",
        ["They said 'enough.'", "Then they walked out."],
    ),
    ("Rates rose 0.25pc. Markets shrugged.", ["Rates rose 0.25pc.", "Markets shrugged."]),
    ("What next? The answer: more homes.", ["What next?", "The answer: more homes."]),
    ("The B.B.C. reported it. So did ITV.", ["The B.B.C. reported it.", "So did ITV."]),
    (
        "It rose 5% y.o.y. Analysts were surprised.",
        ["It rose 5% y.o.y.", "Analysts were surprised."],
    ),
    ("The vote is on Jan. 15. Expect fireworks.", ["The vote is on Jan. 15.", "Expect fireworks."]),
    ("Prof. Smith disagrees. So do I.", ["Prof. Smith disagrees.", "So do I."]),
    ("Jones et al. found no effect. Others did.", ["Jones et al. found no effect.", "Others did."]),
    (
        "The Act (s. 21) is repealed. Landlords protest.",
        ["The Act (s. 21) is repealed.", "Landlords protest."],
    ),
    (
        "Mrs May resigned in 2019. Mr Johnson followed. Ms Truss lasted 49 days.",
        ["Mrs May resigned in 2019.", "Mr Johnson followed.", "Ms Truss lasted 49 days."],
    ),
    (
        "The Chancellor said the U.K. would borrow more. Gilts fell.",
        ["The Chancellor said the U.K. would borrow more.", "Gilts fell."],
    ),
    ("Vol. 2 is out. It sold well.", ["Vol. 2 is out.", "It sold well."]),
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
