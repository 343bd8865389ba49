"""Sentence spans with exact offsets into the caller's original string.

:func:`sentence_spans` splits a document into paragraphs (blank-line blocks, one paragraph per
line for web text, or hard-wrapped Markdown paragraphs whose lines are joined), headings
(``## Heading`` or short title lines without final punctuation), list items (``1.``, ``-``,
``*``, ``•`` ...) and sentences. Every :class:`Sentence` satisfies
``text[s.start:s.end] == s.text``; offsets are never computed on a normalised copy, so CRLF,
tabs, non-breaking spaces and smart quotes are all preserved.

Inside a paragraph, sentences are split by our own rules (:func:`split_sentences`), chosen by
measurement against pysbd, sentencex, nupunkt, syntok and blingfire (see
``docs/segmentation.md`` and ``benchmarks/compare_sentence_splitters.py``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from typing import Literal

import attrs

__all__ = [
    "ASK_MODALS",
    "BASE_VERBS",
    "LET_IT_SLIP",
    "NECESSITY_ADJECTIVES",
    "Sentence",
    "SentenceKind",
    "invisible_as_spaces",
    "sentence_spans",
    "split_sentences",
]


ASK_MODALS = r"should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to"
"""Regex alternatives for the modal after which an ask's own verb phrase starts."""

NECESSITY_ADJECTIVES = "imperative|essential|vital|crucial|critical|urgent|important|necessary"
LET_IT_SLIP = r"\b(?:not|never)\s+let\s+(?:[\w-]+\s+){1,6}?(?:slip|slide|drift|lapse|stall)\b"
"""Regex for declining to let something slip ("must not let the start date slip"): an ask
to keep to what was set, not a refusal."""
"""Regex alternatives for "it is ___ that/to": a cue of an ask, never a pointer back."""


def _wordset(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words in ``words``."""
    return frozenset(words.split())


BASE_VERBS = _wordset(
    """abolish accelerate accept act add address adopt align allocate allow amend appoint apply
approve ask assess back ban boost bring build buy calculate call cap change change charge
check clamp clarify close commission commit compensate complete confirm consider consult
continue control convene cooperate coordinate copy create crack cut decide declare define
deliver demand deploy design designate develop devolve do double drop empower enable
encourage end enforce engage enhance ensure establish evaluate examine expand expedite
extend facilitate finance fix focus follow force forge form freeze fund get give grant
guarantee halt halve help hire hold identify implement improve include increase incentivise
incentivize insist insulate integrate introduce invest involve issue join keep launch lead
learn legislate let levy lift limit link listen lower maintain make mandate match measure
modernise modernize monitor move negotiate offer open overhaul partner pass pay phase pilot
plan prepare prevent prioritise prioritize prohibit promote protect provide publish pursue
push put raise reach rebuild recognise recognize recruit reduce reform regulate reinstate
reject release remove renew repair repeal replace require reset resist resolve respond
restart restore restrict restructure resume retain retrain return reverse review revise
revive ring-fence safeguard sanction scale scrap secure seek separate set share shift shut
sign simplify slash speed spend stand start stop streamline strengthen subsidise subsidize
suspend support tackle take target tax tell tighten track train transfer treat triple trust
turn unblock unlock update upgrade use value vote widen withdraw work write
abandon adjust adapt apologise appeal approve arm audit avoid axe balance bar bin block borrow
broaden cancel cease channel clean clear close collect combine compel complete connect
convert correct count cover curb cut defend delay delete demolish deter ditch draw drive
ease educate eliminate embrace enact encourage enforce enlarge enrol enshrine equip erect
exempt expose finalise finalize fine free give hand harmonise hold honour host ignore impose
index inspect instruct insure keep label legalise license limit lock look make merge mobilise
nationalise open oppose order outlaw overturn own pause penalise pick plug pledge prepare
press price privatise probe prosecute protect prove punish quit raise ratify rebalance
recall reconsider redirect redistribute reinvest relax reopen replace report rescue reserve
reshape restore rethink revoke reward rewrite rule run save scrutinise see sell send settle
shield show shrink slow solve spread staff stamp step stick strike strip switch teach test
think tie trade transform trial unfreeze uphold vaccinate verify veto waive warn weigh win
wind withhold leave lend"""
)
"""Base forms of verbs that open an imperative ask ("Give the institute teeth."), shared by
the segmenter and anaphora (a demonstrative "that" follows a verb: "keep that promise")."""


SentenceKind = Literal["sentence", "heading", "list_item"]


@attrs.frozen
class Sentence:
    """One sentence, heading or list item sentence of a document.

    Attributes:
        start: offset of the first character in the original string.
        end: offset one past the last character; ``source[start:end] == text``.
        text: the sentence, with surrounding whitespace (and list markers) excluded.
        paragraph: 0-based index of the paragraph (block) holding the sentence. Every heading
            and every list item is its own paragraph.
        kind: ``"sentence"``, ``"heading"`` or ``"list_item"``.
        marker: the list marker (``"1."``, ``"-"``, ``"•"``, ...) or Markdown heading marker
            (``"##"``) on the first sentence of a list item or heading, else None.
    """

    start: int
    end: int
    text: str
    paragraph: int = 0
    kind: SentenceKind = "sentence"
    marker: str | None = None


# ---------------------------------------------------------------------------------------------
# character classes and patterns (compiled once)

_WS = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"  # noqa: E501
_CLOSERS = "\"'”’»)]*_"
_TERMINALS = ".!?…"

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t\u00a0]+(.*?)(?:[ \t]+#+)?[ \t\u00a0]*$")
_LIST_RE = re.compile(
    r"^[ \t\u00a0]*(\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|\([a-z]\)|[-*+•·▪‣◦●○■□–—➢➤✓✔])"
    r"[ \t\u00a0]+(?=\S)"
)
_RULE_RE = re.compile(r"^[ \t]*(?:[-*_=][ \t]*){3,}$")
# a run of terminal punctuation, optional closing quotes/brackets, then whitespace or the end
_BOUNDARY_RE = re.compile(r"(?:[.!?…]+)[\"'”’»)\]*_]*(?=[\s\u00a0]|$)")
_TOKEN_BEFORE_RE = re.compile(r"([\w.'’&-]+)\.$")
# Nouns that name a lettered item ("Part D", "Plan B", "Schedule 2A"): the letter is no initial.
_LABEL_BEFORE_RE = re.compile(
    r"\b(?:part|plan|schedule|annex|appendix|category|class|section|type|phase|stage|tier"
    r"|level|grade|option|group|vitamin|wave|zone|pillar|title|division|chapter|series|band)\s+$",
    re.IGNORECASE,
)
_MULTIDOT_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD_RE = re.compile(r"[\w’'-]+")

# Abbreviations after which a full stop never ends a sentence.
_ABBREV_NEVER = _wordset(
    """mr mrs ms mx dr prof rev revd hon rt st sr jr messrs mme mlle gen col lt sgt capt cmdr cdr
adm maj brig sen rep gov pres supt insp det cllr fr vs v cf eg ie e.g i.e viz approx est
dept fig figs vol vols ed eds pp p op para paras art arts sec ch no nos nr tel ext al jan
feb apr jun jul aug sep sept oct nov dec mt ft"""
)
# Abbreviations that end a sentence when a typical sentence starter follows.
_ABBREV_MAYBE = _wordset("etc inc ltd plc co corp bros llc llp ave rd pm am")
_STARTERS = _wordset(
    """the a an this that these those it its we our i he she they their his her you your there here
but and so yet or nor if as in on at for from by with without after before when while since
although though however meanwhile indeed instead still now then thus hence moreover
furthermore finally first second third next last also what why how who where which one many
most some all both each every no not nothing none such my me us them mr mrs ms dr"""
)


def _is_space(ch: str) -> bool:
    return ch in _WS or ch.isspace()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _is_space(text[start]):
        start += 1
    while end > start and _is_space(text[end - 1]):
        end -= 1
    return start, end


def _next_word(text: str, pos: int, end: int) -> str:
    m = _WORD_RE.match(text, pos, end)
    return m.group(0) if m else ""


def _is_boundary(text: str, term_start: int, term_end: int, next_pos: int, end: int) -> bool:
    """Decide whether the terminal run text[term_start:term_end] ends a sentence."""
    if next_pos >= end:
        return True
    nxt = text[next_pos]
    punct = text[term_start:term_end].rstrip(_CLOSERS)
    if nxt.islower():
        return False
    starts_ok = nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«([£$€#*•-–—¿¡" or not nxt.isalpha()
    if not starts_ok:
        return False
    if "?" in punct or "!" in punct:
        return True
    if "…" in punct or punct.endswith(".."):
        return nxt.isupper() or nxt in '"“‘('
    # a single full stop: look at the token before it
    if term_end - term_start != len(punct):
        # closing quote or bracket after the stop: "... the end." Then -> boundary
        return True
    m = _TOKEN_BEFORE_RE.search(text, max(0, term_start - 40), term_start + 1)
    if m is None:
        return True
    token = m.group(1).lstrip("'’(-")
    low = token.lower()
    nword = _next_word(text, next_pos, end).lower()
    if low in _ABBREV_NEVER:
        if low in ("no", "nos", "art", "sec", "ch", "p", "pp", "para", "fig", "vol", "op"):
            return not nxt.isdigit() and nword in _STARTERS
        return False
    if low in _ABBREV_MAYBE:
        return nword in _STARTERS
    if len(token) == 1 and token.isalpha() and token.isupper():
        # a label ("Medicare Part D. Negotiating ..."), or an initial (J. K. Rowling) unless
        # a typical sentence starter follows (Plan B. The)
        label = _LABEL_BEFORE_RE.search(text, max(0, term_start - 40), term_start - 1)
        return label is not None or (nword in _STARTERS and nword not in ("i", "a"))
    if _MULTIDOT_RE.match(token):
        # U.S. / U.K. / e.g.: a boundary only when a typical sentence starter follows
        return low not in ("e.g", "i.e") and nword in _STARTERS
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans ``(s, e)`` with whitespace stripped.

    A boundary is a run of ``.!?…`` (plus closing quotes/brackets) followed by whitespace and a
    character that can start a sentence, unless the token before a full stop is a known
    abbreviation (Mr, Dr, e.g., No. 10, ...), an initial, or a dotted acronym (U.S.) that is not
    followed by a typical sentence opener.
    """
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        ts, te = m.start(), m.end()
        nxt = te
        while nxt < end and _is_space(text[nxt]):
            nxt += 1
        if nxt >= end or _is_boundary(text, ts, te, nxt, end):
            s, e = _strip(text, cur, te)
            if e > s:
                spans.append((s, e))
            cur = te
    s, e = _strip(text, cur, end)
    if e > s:
        spans.append((s, e))
    return spans


# ---------------------------------------------------------------------------------------------
# lines, blocks and paragraph units


@attrs.frozen
class _Line:
    start: int  # first character (no newline)
    end: int  # one past the last non-newline character
    kind: str  # "blank" | "heading" | "list" | "plain"
    content_start: int  # after a list/heading marker
    content_end: int
    marker: str | None
    indent: int


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    n = len(text)
    while pos < n:
        m = _LINE_RE.match(text, pos)
        assert m is not None
        raw_end = m.end()
        if raw_end == pos:  # pragma: no cover - the pattern always consumes a line
            break
        end = raw_end
        while end > pos and text[end - 1] in "\r\n":
            end -= 1
        line = text[pos:end]
        cs, ce = _strip(text, pos, end)
        indent = cs - pos
        if cs == ce or _RULE_RE.match(line):
            yield _Line(pos, end, "blank", cs, cs, None, indent)
        elif (hm := _MD_HEADING_RE.match(line)) is not None and hm.group(2).strip(_WS):
            hs, he = _strip(text, pos + hm.start(2), pos + hm.end(2))
            yield _Line(pos, end, "heading", hs, he, hm.group(1), indent)
        elif (lm := _LIST_RE.match(line)) is not None:
            yield _Line(pos, end, "list", pos + lm.end(), ce, lm.group(1), indent)
        else:
            yield _Line(pos, end, "plain", cs, ce, None, indent)
        pos = raw_end


def _ends_sentence(text: str, line: _Line) -> bool:
    tail = text[line.content_start : line.content_end].rstrip(_CLOSERS + _WS)
    return bool(tail) and tail[-1] in _TERMINALS + ":;"


def _word_count(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


_JOINING_END_RE = re.compile(
    r"(?:[,(\[–—-]|\b(?:and|or|but|of|the|a|an|to|in|for|with|on|by|that|which|is|are|was|were))$",
    re.I,
)


def _title_like(text: str, line: _Line) -> bool:
    """A short line without final punctuation that reads like a title."""
    if _ends_sentence(text, line):
        return False
    seg = text[line.content_start : line.content_end]
    if _JOINING_END_RE.search(seg):
        return False
    return _word_count(text, line.content_start, line.content_end) <= 14 and len(seg) <= 120


@attrs.define
class _Unit:
    kind: SentenceKind
    marker: str | None
    start: int
    end: int


def _hard_wrapped(text: str, plain: list[_Line]) -> bool:
    """Whether a block of plain lines is one hard-wrapped paragraph rather than one per line."""
    if len(plain) < 2:
        return False
    joins = 0
    for a, b in itertools.pairwise(plain):
        if _ends_sentence(text, a):
            continue
        first = text[b.content_start]
        seg = text[a.content_start : a.content_end]
        if (
            first.islower()
            or first.isdigit()
            or _JOINING_END_RE.search(seg)
            or not _title_like(text, a)
        ):
            joins += 1
    return joins > 0 and max(p.content_end - p.content_start for p in plain) <= 160


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    block: list[_Line] = []

    def flush() -> None:
        if not block:
            return
        first_idx = len(units)
        plain = [ln for ln in block if ln.kind == "plain"]
        wrapped = _hard_wrapped(text, plain)
        width = max((p.content_end - p.content_start for p in plain), default=0)
        prev: _Line | None = None
        for ln in block:
            last = units[-1] if units and prev is not None else None
            if ln.kind == "heading":
                units.append(_Unit("heading", ln.marker, ln.content_start, ln.content_end))
            elif ln.kind == "list":
                units.append(_Unit("list_item", ln.marker, ln.content_start, ln.content_end))
            elif last is not None and prev is not None and last.kind == "list_item":
                # an indented or unfinished list item continues on this line
                if ln.indent > 0 or not _ends_sentence(text, prev):
                    last.end = ln.content_end
                else:
                    units.append(_Unit("sentence", None, ln.content_start, ln.content_end))
            elif last is not None and prev is not None and last.kind == "sentence" and wrapped:
                title = (
                    prev.content_start == last.start
                    and _title_like(text, prev)
                    and text[ln.content_start].isupper()
                    and (prev.content_end - prev.content_start) < 0.6 * width
                )
                if title:
                    last.kind = "heading"
                    units.append(_Unit("sentence", None, ln.content_start, ln.content_end))
                else:
                    last.end = ln.content_end
            else:
                units.append(_Unit("sentence", None, ln.content_start, ln.content_end))
            prev = ln
        if not wrapped:
            # one paragraph per line: short unpunctuated lines are titles
            for u in units[first_idx:]:
                if u.kind == "sentence":
                    fake = _Line(u.start, u.end, "plain", u.start, u.end, None, 0)
                    if _title_like(text, fake):
                        u.kind = "heading"
        block.clear()

    for ln in _lines(text):
        if ln.kind == "blank":
            flush()
        else:
            block.append(ln)
    flush()
    return units


_INVISIBLE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", " "))
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def invisible_as_spaces(text: str) -> str:
    """``text`` with zero-width characters and byte-order marks turned into spaces.

    Pasted web text hides them between sentences ("talks.\u200bThe"); as spaces they
    separate words and sentences the way the reader sees. The length is unchanged, so every
    offset into the result is an offset into ``text``.

    Examples:
        >>> invisible_as_spaces("talks.\u200bThe")
        'talks. The'
    """
    # str.translate walks every character; most texts have nothing to replace
    return text.translate(_INVISIBLE) if _INVISIBLE_RE.search(text) else text


def sentence_spans(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, headings and list items with exact offsets.

    Offsets index ``text`` itself: ``text[s.start:s.end] == s.text`` for every result.
    Surrounding whitespace and list/heading markers are excluded from the spans; final
    punctuation is kept. Results are sorted and never overlap.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    visible = invisible_as_spaces(text)
    spans = _spans_with(visible, split_sentences)
    if visible == text:
        return spans
    return [attrs.evolve(s, text=text[s.start : s.end]) for s in spans]


Splitter = Callable[[str, int, int], list[tuple[int, int]]]
"""``splitter(text, start, end)`` -> sentence spans inside ``text[start:end]``."""


def _spans_with(text: str, splitter: Splitter) -> list[Sentence]:
    """:func:`sentence_spans` with another in-paragraph splitter (used by the benchmark)."""
    out: list[Sentence] = []
    for para, unit in enumerate(_units(text)):
        if unit.kind == "heading":
            s, e = _strip(text, unit.start, unit.end)
            if e > s:
                out.append(Sentence(s, e, text[s:e], para, "heading", unit.marker))
            continue
        for i, (s, e) in enumerate(_bounded(text, splitter(text, unit.start, unit.end))):
            marker = unit.marker if i == 0 else None
            out.append(Sentence(s, e, text[s:e], para, unit.kind, marker))
    return out


MAX_SENTENCE_CHARS = 1500
"""Longer runs without a sentence boundary (pasted tables, run-on text) are cut at
whitespace into pieces of at most this length, so analysis time stays linear."""


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, e in spans:
        s = start
        while e - s > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", s + 1, s + MAX_SENTENCE_CHARS)
            if cut <= s:
                cut = s + MAX_SENTENCE_CHARS
            piece = _strip(text, s, cut)
            if piece[1] > piece[0]:
                out.append(piece)
            s = _strip(text, cut, e)[0]
        if e > s:
            out.append((s, e))
    return out
