"""Direction of a statement: does it push its subject up/on (+1) or down/off (-1)?

Similarity cannot tell "restart free trade talks" from "the UK has suspended free trade
talks": both are about the same talks. What differs is direction. This module finds the
first verb with a known direction in a clause ("restart" +1, "suspend" -1), flips it under
negation ("will not resume", "ruled out rejoining", "refused to lift"), and reports the
evidence so a verdict can say why. Pure Python, rule based.
"""

from __future__ import annotations

import re

import attrs

from policytext.lexical import STOPWORDS, content_stems, content_tokens, stem
from policytext.text import ASK_MODALS, LET_IT_SLIP

__all__ = ["Direction", "ask_direction", "conflict", "detect_direction", "opposed"]

# Verbs that create, continue or increase what they act on.
_UP = """
    start restart resume relaunch launch reopen continue maintain keep retain preserve expand
    extend increase raise boost strengthen deepen enhance grow invest fund support back adopt
    introduce establish create build approve grant restore reinstate rejoin join accelerate
    double triple impose sanction enforce tighten upgrade renew reaffirm pursue allow permit
    legislate recognise recognize ratify implement widen broaden unfreeze uprate protect
    prioritise prioritize mandate require oblige subsidise subsidize begin lengthen
    designate revive resurrect reintroduce reimpose quadruple
    """.split()  # noqa: SIM905  # a word list reads better as text
_UP_PHRASES = (
    "press ahead",
    "go ahead",
    "roll out",
    "scale up",
    "step up",
    "bring forward",
    "switch on",
)
# Verbs that stop, remove or decrease what they act on.
_DOWN = """
    suspend halt stop end pause freeze cut reduce lower scrap abolish repeal withdraw cancel
    close ban prohibit restrict limit lift ease relax loosen drop abandon postpone delay shelve
    revoke terminate slash cap block curb axe ditch exit leave remove reverse rescind veto
    exempt weaken shrink narrow shorten strike overturn bar expire lapse halve eliminate
    discontinue dismantle
    """.split()  # noqa: SIM905  # a word list reads better as text
_DOWN_PHRASES = (
    "phase out",
    "wind down",
    "scale back",
    "row back",
    "roll back",
    "pull back",
    "water down",
    "opt out",
    "do away with",
    "get rid of",
    "switch off",
    "turn off",
)

# Irregular past forms.
_IRREGULAR = {
    "keep": ("kept",),
    "cut": ("cut",),
    "build": ("built",),
    "grow": ("grew", "grown"),
    "freeze": ("froze", "frozen"),
    "withdraw": ("withdrew", "withdrawn"),
    "begin": ("began", "begun"),
    "leave": ("left",),
    "unfreeze": ("unfroze", "unfrozen"),
}
_PAST_IRREGULAR = frozenset(form for forms in _IRREGULAR.values() for form in forms)
_DOUBLING = frozenset({"stop", "ban", "cap", "scrap", "drop", "curb", "axe", "begin", "bar"})
# Verbs whose -s and -ing forms are far more often nouns ("grants", "funding", "cuts").
_NOUNISH = frozenset(
    {
        "grant",
        "cut",
        "fund",
        "sanction",
        "upgrade",
        "ban",
        "limit",
        "cap",
        "back",
        "increase",
        "support",
        "end",
        "start",
        "delay",
        "drop",
        "freeze",
        "halt",
        "pause",
        "block",
        "curb",
        "boost",
        "permit",
        "mandate",
        "exit",
        "build",
        "lift",
        "leave",
        "raise",
        "veto",
        "double",
        "relaunch",
        "launch",
        "restart",
        "reverse",
        "exempt",
        "bar",
    }
)
# Down verbs that remove or undo something outright, as opposed to decreasing it ("cut",
# "cap") or imposing a stopper ("ban"): asking for one of them against a position that
# puts the thing in place is asking for a reversal.
_REMOVE = frozenset(
    """
    suspend halt stop end scrap abolish repeal withdraw cancel drop abandon revoke terminate
    axe ditch remove reverse rescind overturn strike shelve expire lapse eliminate discontinue
    dismantle
    """.split()  # noqa: SIM905  # a word list reads better as text
)


def _inflections(lemma: str) -> tuple[set[str], set[str]]:
    """(forms always read as verbs, -ing/-s forms that are read as verbs only before a
    determiner): "ends" is usually a noun, "ending the practice" is a verb."""
    out = {lemma, *_IRREGULAR.get(lemma, ())}
    stem = lemma + lemma[-1] if lemma in _DOUBLING and lemma[-1] not in "e" else lemma
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    if lemma not in _IRREGULAR:
        out.add(past)
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma in _NOUNISH:
        return out, {ing, third}
    return out | {ing, third}, set()


def _forms(lemma: str) -> set[str]:
    return _inflections(lemma)[0]


_DETERMINER = r"(?:the|a|an|its|their|his|her|our|this|that|these|those|all|any|every)"


def _pattern(
    lemmas: list[str],
    phrases: tuple[str, ...],
    literals: tuple[str, ...] = (),
    patterns: tuple[str, ...] = (),
) -> re.Pattern[str]:
    words = {form for lemma in lemmas for form in _forms(lemma)} | set(literals)
    guarded = {form for lemma in lemmas for form in _inflections(lemma)[1]}
    for phrase in phrases:
        head, _, tail = phrase.partition(" ")
        words.update(f"{form} {tail}" for form in _forms(head))
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
    parts += [rf"{re.escape(w)}(?=\s+{_DETERMINER}\b)" for w in guarded]
    parts.sort(key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join((*patterns, *parts)) + r")\b", re.IGNORECASE)


def _lemma_table() -> dict[str, str]:
    """Every single-word form of the lexicon, lower case, mapped to its lemma."""
    table: dict[str, str] = {}
    for lemma in (*_UP, *_DOWN):
        forms, guarded = _inflections(lemma)
        for form in forms | guarded:
            table.setdefault(form, lemma)
    return table


_LEMMA = _lemma_table()


# "put the directive back on the table", "bring back the grant": restore it
_RESTORE_PATTERNS = (
    r"(?:bring|brings|bringing|brought|put|puts|putting)\s+(?:[\w’'-]+\s+){0,5}?back"
    r"(?!\s+(?:down|up|off|to\s+earth)\b)",
    # "switch farm plans back on"
    r"(?:switch|switches|switching|switched|turn|turns|turning|turned)\s+(?:[\w’'-]+\s+){0,5}?"
    r"back\s+on\b",
)
# A quantity that moves by itself: "aid falls from 0.5% to 0.3%", "the levy rises by £2".
# Only before a figure: "the cost falls to councils" says who pays, not which way.
# "caps rise in most places, including from $900,000 to $1.5 million": a move between two
# figures a few words on
_TO_FIGURE = (
    r"(?=\s+(?:from\s+\S+\s+)?(?:to|by|below|above)\s+(?:about\s+|around\s+)?[£$€\d]"
    r"|(?:\s+[\w’'-]+,?){1,5}?\s+from\s+[£$€]?\d\S*\s+to\s+[£$€]?\d)"
)
_RISE_PATTERNS = (rf"(?:rise|rises|rising|rose|risen|climbs?|climbed|climbing){_TO_FIGURE}",)
_FALL_PATTERNS = (rf"(?:fall|falls|falling|fell|fallen|drops?|dropped|dropping){_TO_FIGURE}",)
# A level that moves by itself: "the cap should come back down to $1 million", "fees go
# up"; not "come down hard on", "come up with", "go up against".
_GO_FORMS = r"(?:come|comes|coming|came|go|goes|going|went|gone)\s+(?:back\s+)?"
_GO_UP_PATTERNS = (rf"{_GO_FORMS}up(?!\s+(?:with|against|for|to\s+(?!about\b|around\b)[a-z]))",)
_GO_DOWN_PATTERNS = (rf"{_GO_FORMS}down(?!\s+(?:on|hard|with|to\s+(?!about\b|around\b)[a-z]))",)
# Staying as it is: "the limit stays in place", "VAT remains at 5%", "rates are unchanged".
_STAY_PATTERNS = (
    r"(?:stay|stays|stayed|staying|remain|remains|remained|remaining)\s+"
    r"(?:in\s+(?:place|force)\b|unchanged\b|at(?=\s+(?:about\s+|around\s+)?[£$€\d]))",
)
_STAY_RE = re.compile(_STAY_PATTERNS[0], re.IGNORECASE)
# Holding a level: "hold aid at 0.5 per cent" (not "hold talks", "hold a vote").
_HOLD_PATTERNS = (
    r"(?:hold|holds|holding|held)(?=\s+(?:[\w’'-]+\s+){0,4}?at\s+(?:about\s+|around\s+)?[£$€\d])",
)
# "ends" is mostly a noun, but not before a time: "funding ends in March".
_END_PATTERNS = (r"ends(?=\s+(?:in|on|at|from|after|when|once)\b)",)
_UP_RE = _pattern(
    _UP,
    _UP_PHRASES,
    patterns=(
        *_RESTORE_PATTERNS,
        *_RISE_PATTERNS,
        *_GO_UP_PATTERNS,
        *_STAY_PATTERNS,
        *_HOLD_PATTERNS,
    ),
)
# "bring the threshold down from 50 tonnes to 10", "get waiting times down to 18 weeks"
_BRING_DOWN_PATTERNS = (
    r"(?:bring|brings|bringing|brought|push|pushes|pushing|pushed|get|gets|getting|got)\s+"
    r"(?:[\w’'-]+\s+){0,4}?down(?=\s+(?:from|to|by|below|under)\b)",
)
_DOWN_RE = _pattern(
    _DOWN,
    _DOWN_PHRASES,
    ("on hold", "on ice"),
    patterns=(*_FALL_PATTERNS, *_GO_DOWN_PATTERNS, *_END_PATTERNS, *_BRING_DOWN_PATTERNS),
)
_NEG_RE = re.compile(
    r"(?:\bnot\b|n[’']t\b|\bnever\b|\bno longer\b|\brefus\w*|\brule[sd]? out\b"
    r"|\breject\w*|\boppos\w*|\bdeclin\w*|\bresist\w*|\bno plans? to\b)",
    re.IGNORECASE,
)
# An ask that declines, in its main clause: "needs to rule out using that power", "must
# not let the cost be clawed back", "Never again ...". Negations inside a complement ("make
# the bill, not the target, the measure") do not count.
_ASK_REFUSAL = re.compile(
    r"\b(?:must|should|shall|needs? to|ought to|has to|have to|is to|are to)\s+(?:not|never)\b"
    r"|\b(?:mustn|shouldn)[’']t\b|\brule out\b|\brefuse to\b|^\W*(?:do not|don[’']t|never)\b"
    # turning something down as the ask's own verb: "Ministers should reject the award"
    r"|\b(?:reject|turn down|vote down|throw out)\b",
    re.IGNORECASE,
)
# What "rule out" / "must not" refuses when the ask is to keep things as they are.
_REFUSED_CHANGE = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:any|further|more)\s+(?:\w+\s+)?(?:changes?|cuts?|alterations?)\b",
    re.IGNORECASE,
)
# An ask to keep a level or the status quo ("at 18 months", "as they are"): any change
# reverses it; an ask to keep a thing ("protect the £1bn") is not reversed by more of it.
_STATUS_QUO = re.compile(
    r"\b(?:as (?:it|they) (?:is|are|stands?)|where (?:it|they) (?:is|are)|unchanged|intact"
    r"|untouched|in place|the same|at (?:its|their|the) (?:current|present|existing)\b"
    r"|at\s+(?:(?:no\s+(?:more|less)\s+than|least|most)\s+)?(?:[£$€]|\d)"
    # a level: "maintain the state pension age"
    r"|\b(?:age|rate|level|threshold|floor|ceiling)\b)",
    re.IGNORECASE,
)
# A position that drops a plan itself: "has withdrawn the proposal", "the plan was shelved".
_DROPPED_PLAN = re.compile(
    r"\b(?:withdr[ae]w\w*|dropp?\w*|abandon\w*|shelv\w*|scrapp?\w*|ditch\w*)\s+(?:\w+\s+){0,3}"
    r"(?:proposals?|plans?|pledges?|threats?|ideas?|consultations?)\b"
    r"|\b(?:proposals?|plans?|pledges?|threats?|ideas?)\s+(?:\w+\s+){0,4}(?:was|were|has been"
    r"|have been|is being)\s+(?:withdrawn|dropped|abandoned|shelved|scrapped|ditched)\b",
    re.IGNORECASE,
)
# A position that is itself a proposal, which an ask to drop the proposal reverses.
_PROPOSAL = re.compile(
    r"\b(?:propos\w*|consult(?:s|ed|ing|ation)?\b|plans?\s+to|planned|intends?\s+to"
    r"|intention|draft|white\s+paper|green\s+paper)",
    re.IGNORECASE,
)
# A verb that a position negates: "is not weighed in the decision", "will not reopen the
# award", "no longer requires". Auxiliaries and adverbs between are skipped.
_NEGATED_VERB = re.compile(
    r"\b(?:not|never|no\s+longer|(?:is|are|was|were|do|does|did|will|would|has|have|can"
    r"|could|wo|ca)n[’']t)\s+(?:(?:be|been|being|have|has|had|to|currently|generally|normally"
    r"|automatically|itself|themselves)\s+){0,2}(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)
# Words after "not" that do not make it negate a verb ("not only", "not yet decided": the
# latter is a position still pending), and verbs too general to carry a stance.
_NOT_NEGATED_ACT = frozenset(
    """
    only just merely least yet even always all every necessarily enough more less fewer
    clear sure until unless because
    be have make take get go do give use apply include cover need want
    """.split()  # noqa: SIM905  # a word list reads better as text
)
# Nouns that announce an intended act ("its pledge to repeal", "the plan to cut").
_INTENT_NOUNS = (
    r"(?:plans?|pledges?|promises?|threats?|proposals?|bids?|intention|decision|commitments?"
    r"|moves?|attempts?|efforts?|calls?|push)"
)
# An ask word that is a noun ("relocation", "agreement"), or a verb the ask itself negates.
_NOUN_SUFFIX = re.compile(r"(?:tion|sion|ment|ance|ence|ness|ity)s?$", re.IGNORECASE)
_NEGATION_BEFORE = re.compile(r"\b(?:not|never|no|n[’']t)\s+(?:\w+\s+)?$", re.IGNORECASE)
_INTENT_BEFORE = re.compile(rf"\b{_INTENT_NOUNS}\s+to\s+$", re.IGNORECASE)
# "no more than one in ten", "not less than £3bn": quantities, not negations.
_QUANTIFIER = re.compile(
    r"\b(?:no|not)\s+(?:more|less|fewer|later|earlier|sooner|higher|lower)\s+than\b",
    re.IGNORECASE,
)
# A position that opens by ruling out more of something: "No further agreements will be
# signed", "No new licences will be issued".
_NO_MORE = re.compile(
    r"\W*(?:there\s+will\s+be\s+)?no\s+(?:new|further|more)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>[\w-]+)(?=\s+(?:will|shall|may|can|are|is|to)\b)",
    re.IGNORECASE,
)
# A purpose clause: a direction verb in it says what the act is for, not what it does.
_PURPOSE = re.compile(r"\b(?:so\s+that|in\s+order\s+(?:to|that)|so\s+as\s+to)\b", re.IGNORECASE)
_ANY_NEGATION = re.compile(_NEG_RE.pattern + r"|\b(?:no|none|nothing|neither|nor)\b", re.I)
_CLAUSE_END = re.compile(r"[;:.!?]|\bwhile\b|\bwhereas\b|\bbut\b", re.IGNORECASE)


_KEEP_LEMMAS = frozenset({"keep", "maintain", "retain", "preserve", "continue", "protect"})
_KEEP_RE = re.compile(
    r"\b(?:" + "|".join(sorted({f for lemma in _KEEP_LEMMAS for f in _forms(lemma)})) + r")\b",
    re.IGNORECASE,
)
# Keeping something in a stopped or low state: "keep the loophole closed", "keep bills down".
_KEEP_STATE = re.compile(
    r"\s+(?:[\w’'£$€%.,-]+\s+){0,5}?(?:shut|closed|out|off|down|frozen|suspended|banned|low"
    r"|in\s+check|at\s+bay|under\s+control)\b",
    re.IGNORECASE,
)
# "lift" a quantity or to a figure raises it ("lift spending to 3%"); "lift the ban" ends it.
_RAISED_QUANTITY = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?(?:spending|funding|investment|pay|wages?|salar(?:y|ies)"
    r"|budgets?|output|productivity|growth|rates?|shares?|numbers?|levels?|targets?"
    r"|ambitions?|contributions?|allowances?|pensions?|thresholds?"
    r"|(?:to|by)\s+(?:about\s+|around\s+)?[£$€\d])",
    re.IGNORECASE,
)
# Nouns that themselves stop something: reversing one ("lift the ban") turns it around.
_STOPPER_NOUN = re.compile(
    r"\b(?:ban|bans|block|blocks|freeze|moratorium|suspension|pause|restrictions?|embargo"
    r"|prohibition|controls|caps?|limits?|ceiling)\b",
    re.IGNORECASE,
)
# A cut as a thing, when it is what the verb acts on ("reverse the cut to aid", "extend the
# 5p fuel duty cut"), not in a phrase after it ("funded by the aid reduction").
_CUT_NOUN = re.compile(
    r"\s*\b(?:the|a|an|its|their|this|that|these|those)\s+(?:[\w£$€%.’'-]+\s+){0,3}?"
    r"(?:cuts?|reductions?)\b(?![-‐])",  # not "the cut-off date"
    re.IGNORECASE,
)
# Verbs that move a level, and the stoppers that are levels ("cut the price cap" lowers it).
_LEVEL_VERBS = frozenset(
    "raise increase boost double triple quadruple cut reduce lower halve slash".split()  # noqa: SIM905
)
_MOVES_RE = re.compile(rf"{_RISE_PATTERNS[0]}|{_FALL_PATTERNS[0]}", re.IGNORECASE)
_LEVEL_STOPPER = re.compile(r"caps?|limits?|ceiling", re.IGNORECASE)
# Verbs, as matched, that say what happens to their subject.
_INTRANSITIVE = re.compile(
    rf"{_STAY_PATTERNS[0]}|{_END_PATTERNS[0]}|expir|laps|{_RISE_PATTERNS[0]}|{_FALL_PATTERNS[0]}",
    re.IGNORECASE,
)
# A passive verb ("the ban was lifted", "the limit will be abolished") acts on the clause's
# subject, before it.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|gets?|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
# A verb whose object is negated: "grant no new licences", "approve none".
_OBJECT_NEGATION = re.compile(r"\s+(?:no|none|nothing)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_UNITS_WORDS = "zero one two three four five six seven eight nine".split()  # noqa: SIM905
_TEENS_WORDS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
_NUMBER_WORDS: dict[str, int] = (
    {w: n for n, w in enumerate(_UNITS_WORDS)}
    | {w: 10 + n for n, w in enumerate(_TEENS_WORDS.split())}
    | {w: 20 + 10 * n for n, w in enumerate(_TENS_WORDS)}
    | {"hundred": 100}
)
_NUMBER_WORD = (
    rf"(?:(?:{'|'.join(_TENS_WORDS)})[\s-](?:{'|'.join(_UNITS_WORDS[1:])})"
    rf"|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
)
# Units of energy, power and mass: "20 kilowatt-hours" and "50 kWh" are both energy.
_PHYSICAL_UNIT = (
    r"(?:(?:kilo|mega|giga|tera)[\s-]?watt(?:[\s-]?hours?|s)?|[kmgt]wh|[kmg]w|tonnes?|tons?)\b"
)
# A number starts where no digit, comma or point comes before it, and its digits are taken
# possessively, so a run such as "1,1,1,..." is read in one pass.
_AMOUNT = re.compile(
    r"(?:[£$€]\s?(?<![\d,.])\d+(?:[,.]\d+)*+\s?(?:bn|billion|m|million|tn|trillion|k)?"
    rf"|(?:(?<![\d,.])\b\d+(?:[,.]\d+)*+|\b{_NUMBER_WORD})[\s-]?"
    r"(?:%|(?:per ?cent|percentage points?)\b"
    r"|(?:months?|weeks?|years?|days?|hours?)\b(?!\s+(?:on|ago|later|earlier|after|since|old)\b)"
    rf"|(?:(?:million|billion|thousand|m|bn|k)\s?)?{_PHYSICAL_UNIT}))",
    re.IGNORECASE,
)


# A word after a determiner is a noun or an adjective ("a cap of £350,000", "the ban", "an
# upgraded agreement", "the proposed rules"), not the clause's verb.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|any|every|no)\s+"
    # a figure or hyphenated modifier between: "the 5p cut", "a 10% rise", "the two-child limit"
    r"(?:(?:[£$€]?\d[\w.,%]*|[a-z]+-[\w-]+)\s+)?$"
    # or adjectives that go before such nouns: "the de facto ban", "a blanket freeze"
    r"|\b(?:a|an|the|its|their|this|that|any|no)\s+(?:(?:de\s+facto|proposed|planned|current"
    r"|existing|new|total|blanket|outright|temporary|permanent|full|partial|indefinite"
    r"|effective|national|statutory)\s+){1,2}$"
    # inside a prepositional phrase: "under the ZEV mandate", "for the Treasury review"
    r"|\b(?:under|for|with|of|from|into|on|in|by|against|about|over|through|without|at)\s+"
    r"(?:a|an|the|its|their|this|that|these|those)\s+"
    r"(?:(?:(?-i:[A-Z][\w.-]*)|[£$€]?\d[\w.,%]*|[a-z]+-[\w-]+)\s+){0,2}$",
    re.IGNORECASE,
)


# An infinitive that completes a noun ("efforts to stop escalation", "the right to
# strike") describes the noun, not what the clause does.
_NOUN_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:efforts?|attempts?|bids?|ability|right|rights|powers?|freedom|capacity|means)\s+to\s+$",
    re.IGNORECASE,
)


# "left open", "leaves the rate unchanged": a state, not leaving or removing anything.
_LEFT_AS_IS = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,5}?(?:open|unchanged|undecided|intact|untouched|alone|in\s+place"
    r"|as\s+(?:it|they)\s+(?:is|are))\b",
    re.IGNORECASE,
)
# A capitalised word after another is part of a name ("the Housing Accelerator Fund
# gives", "the Home Building Cut programme"), not a verb.
_NAME_BEFORE = re.compile(r"(?-i:[A-Z][\w’'.&-]*)\s+$")
# A verb in a time or condition clause ("when its contract expires", "once the money runs
# out", "if a project stops being build-to-rent") says when the act happens, not what it
# does; "until 2027 the levy is frozen" is not one.
_TIME_CLAUSE_BEFORE = re.compile(
    r"\b(?:when|whenever|once|until|till|after|before|as\s+soon\s+as|if|unless)\s+(?!which\b)"
    r"(?:[^\W\d]+(?:[’'][^\W\d]+)?\s+){0,6}$",
    re.IGNORECASE,
)
# An indirect question ("say whether the loophole is being closed") reports, not asks.
_INDIRECT_QUESTION = re.compile(r"\bwhether\b", re.IGNORECASE)
# A noun that announces an intended act: "drop its pledge to repeal the Act" undoes the
# repeal, so the direction of the whole is the verb's times the intended act's.
_INTENT_TO = re.compile(rf"\s+(?:\S+\s+){{0,3}}?{_INTENT_NOUNS}\s+to\s+", re.IGNORECASE)


def _clause_start(text: str, end: int) -> int:
    start = 0
    for match in _CLAUSE_END.finditer(text, 0, end):
        start = match.end()
    return start


# "back" after a verb is a particle ("clawed back", "pay back"), not "support".
_PARTICLE_BACK_BEFORE = re.compile(
    r"\b(?:\w+ed|paid|pay|pays|claw|claws|cut|come|comes|came|go|goes|went|bring|brings|brought"
    r"|give|gives|gave|hold|holds|held|win|wins|won|get|gets|got|put|puts|take|takes|took"
    r"|fight|fights|fought|set|sets|step|steps|look|looks|fall|falls|fell|scale|roll|pull|row)"
    r"\s+$",
    re.IGNORECASE,
)


# Before a bare verb form, words that make it a noun: plain modifiers inside a prepositional
# phrase ("without the lower earnings limit") or an adjective ("unpaid parental leave").
# Inflected forms stay verbs ("funding for the scheme ends").
_NOUN_MODIFIERS_BEFORE = re.compile(
    r"\b(?:under|for|with|of|from|into|on|in|by|against|about|over|through|without|at)\s+"
    r"(?:a|an|the|its|their|these|those)\s+(?:(?!(?:to|will|would|should|must|can|could|may"
    r"|might|and|or|that|which|who|is|are|was|were|has|have|had|it|they)\b)[a-z]+\s+){1,3}$"
    r"|\b(?!(?:will|shall|also|still|only|finally|initially)\b)[a-z]{3,}(?:al|ary|ory|ive|ic|ous)\s+$",
    re.IGNORECASE,
)


# A bare verb form after a determiner and a plain noun is the head of a compound noun ("the
# time limit", "the priority support grant"), unless the noun names who acts ("the
# government cut ...") or an object follows ("the states limit the ...").
_COMPOUND_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|any|every|no)\s+"
    r"(?:(?!(?:government|governments|ministers?|councils?|states?|department|regulator|commission"
    r"|council|parliament|congress|court|courts|agency|treasury|bank|union|members?|will|would"
    r"|should|must|can|could|may|might|and|or|to|not|also|still|only|then|now)\b)[a-z][a-z0-9-]*\s+)"
    r"{1,2}$",
    re.IGNORECASE,
)
_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|the|its|their|his|her|our|this|that|these|those|it|them|all|every|\d|[£$€])",
    re.IGNORECASE,
)


def _verb(pattern: re.Pattern[str], text: str, start: int = 0) -> re.Match[str] | None:
    for match in pattern.finditer(text, start):
        before = text[max(0, match.start() - 48) : match.start()]
        if match.group().lower() == "back" and _PARTICLE_BACK_BEFORE.search(before):
            continue
        if before.endswith("-") and " " not in match.group():
            continue  # "the rouble-backed stablecoin", "state-funded": part of a compound
        if _DETERMINER_BEFORE.search(before) and " " not in match.group():
            continue  # "an upgraded agreement", "with a cap of £350,000": not the verb
        bare = match.group().lower()
        if _LEMMA.get(bare) == bare and _NOUN_MODIFIERS_BEFORE.search(before):
            continue
        if (
            _LEMMA.get(bare) == bare
            and " " not in bare
            and _COMPOUND_NOUN_BEFORE.search(before)
            and not _OBJECT_AFTER.match(text, match.end())
        ):
            continue
        if _NOUN_COMPLEMENT_BEFORE.search(before):
            continue
        if match.group()[:1].isupper() and _NAME_BEFORE.search(before):
            continue
        if _LEMMA.get(match.group().lower()) == "leave" and _LEFT_AS_IS.match(text, match.end()):
            continue
        clause = text[_clause_start(text, match.start()) : match.start()]
        if _INDIRECT_QUESTION.search(clause) or _TIME_CLAUSE_BEFORE.search(clause):
            continue
        return match
    return None


def _acts_on_stopper(text: str, verb: re.Match[str]) -> bool:
    """Whether ``verb`` acts on a stopper: in its subject when it is passive or
    intransitive ("the ban was lifted", "the limit stays in place", "the freeze ends in
    April"), else in the words after it. A verb that moves a level moves a cap's level
    ("cut the price cap", "the cap rises to £10,000"): it does not reverse the cap."""
    word = verb.group().lower()
    participle = word.endswith(("ed", "en", "wn")) or word in _PAST_IRREGULAR
    passive = participle and _PASSIVE_BEFORE.search(text[: verb.start()]) is not None
    if passive or _INTRANSITIVE.match(text, verb.start()):
        words = text[_clause_start(text, verb.start()) : verb.start()]
        stopper = _STOPPER_NOUN.search(words)
        cut = _CUT_NOUN.search(words)
    else:
        words = text[verb.end() : verb.end() + 40]
        stopper = _STOPPER_NOUN.search(words)
        cut = _CUT_NOUN.match(words)
    moves_level = _LEMMA.get(word) in _LEVEL_VERBS or _MOVES_RE.match(text, verb.start())
    if stopper is not None and moves_level and _LEVEL_STOPPER.fullmatch(stopper.group()):
        stopper = None
    return stopper is not None or cut is not None


def _intended_act(text: str, intent: re.Match[str] | None) -> int:
    """Sign of the act in "<verb> its plan to <act>" (``intent`` matched "its plan to"),
    else 0."""
    if intent is None:
        return 0
    inner = _first_verb(text, intent.end())
    return inner[1] if inner is not None and inner[0].start() == intent.end() else 0


def _first_verb(text: str, start: int = 0) -> tuple[re.Match[str], int] | None:
    up = _verb(_UP_RE, text, start)
    down = _verb(_DOWN_RE, text, start)
    candidates = [m for m in (up, down) if m is not None]
    if not candidates:
        return None
    verb = min(candidates, key=lambda m: m.start())
    return verb, 1 if verb is up else -1


@attrs.frozen
class Direction:
    """The direction of a clause and the evidence for it.

    Attributes:
        sign: +1 (start, raise, keep ...), -1 (stop, cut, lift ...), 0 (none found).
        verb: the word that set the direction, as written ("" when none).
        negated: whether a negation ("not", "ruled out", "no new ...") flipped it.
        start: offset of ``verb`` in the analysed text (-1 when none).
        keep: whether the verb asks to keep things as they are ("keep", "maintain" ...).
        remove: whether the verb removes or undoes its object outright ("withdraw",
            "repeal", "end" ...), as opposed to decreasing it ("cut") or stopping it with
            something new ("ban").
        of_intent: whether the verb acts on an announced act whose own direction is not
            known ("drop its threat to steer funding away").
        drops_intent: whether a removing verb acts on an announced act ("drop the
            proposal to stop paying ..."): the ask undoes that plan, whatever its direction.
    """

    sign: int
    verb: str = ""
    negated: bool = False
    start: int = -1
    keep: bool = False
    remove: bool = False
    of_intent: bool = False
    drops_intent: bool = False

    def describe(self) -> str:
        """A short phrase for rationales, e.g. ``'"not resume" (down)'``."""
        if not self.sign:
            return "no clear direction"
        word = f"not {self.verb}" if self.negated else self.verb
        return f'"{word}" ({"up/on" if self.sign > 0 else "down/off"})'


def detect_direction(text: str) -> Direction:
    """Return the direction of the first directional verb in ``text``.

    The sign is about the activity underneath: a verb acting on a stopper counts the other
    way ("lift the ban" is +1, "impose a ban", "keep the limit" and "extend the 5p cut" are
    -1), and a negated object ("grant no new licences") flips it too. A passive or
    intransitive verb acts on its subject ("the ban was lifted" is +1, "the limit stays in
    place" -1).

    Examples:
        >>> detect_direction("restart the talks on a free trade agreement").sign
        1
        >>> detect_direction("The UK has suspended free trade talks with Israel.").sign
        -1
        >>> d = detect_direction("Ministers have ruled out rejoining the customs union.")
        >>> d.sign, d.negated
        (-1, True)
        >>> detect_direction("The administration reversed its block on chip sales.").sign
        1
    """
    stopped = _NO_MORE.match(text)
    if stopped is not None:
        # "No further safety valve agreements will be signed": no more of them (an end to
        # cuts is the other way: "No further cuts will be made")
        noun = stopped.group("noun").lower()
        sign = 1 if _LEMMA.get(noun) in _DOWN or _LEMMA.get(noun.rstrip("s")) in _DOWN else -1
        return Direction(sign, stopped.group().strip(), start=stopped.start())
    found = _first_verb(text)
    if found is None:
        return Direction(0)
    verb, sign = found
    if _PURPOSE.search(text, _clause_start(text, verb.start()), verb.start()):
        return Direction(0)  # "commits the money ... so that its trains end in London"
    # Negation counts only within the same clause, before the verb, or right after it.
    plain = _masked_quantifiers(text)
    negated = _NEG_RE.search(plain, _clause_start(text, verb.start()), verb.start()) is not None
    negated ^= _OBJECT_NEGATION.match(plain, verb.end()) is not None
    intent = _INTENT_TO.match(text, verb.end())
    inner = _intended_act(text, intent)
    word = verb.group().lower()
    kept_down = _KEEP_RE.fullmatch(word) is not None and _KEEP_STATE.match(text, verb.end())
    if inner:
        sign *= inner
    elif kept_down:
        sign = -1  # "keep the loophole closed": it stays off
    elif _acts_on_stopper(text, verb):
        sign = -sign
    elif _LEMMA.get(word) == "lift" and _RAISED_QUANTITY.match(text, verb.end()):
        sign = 1  # "lift spending to 3%"
    keep = not kept_down and (
        _KEEP_RE.fullmatch(word) is not None
        or _STAY_RE.match(word) is not None
        or word in {"hold", "holds", "holding", "held"}  # only as "hold ... at <figure>"
    )
    removes = _LEMMA.get(word) in _REMOVE
    return Direction(
        -sign if negated else sign,
        verb.group(),
        negated,
        verb.start(),
        keep,
        removes and not inner,
        of_intent=intent is not None and not inner,
        drops_intent=removes and intent is not None and not negated,
    )


# Words after which an ask's own verb phrase starts: an obligation modal, an infinitive
# "to" ("I urge X to", "it is time to", "we need ministers to"), "that" ("it is imperative
# that lawmakers ..."), a label colon ("Ofcom: ..."), or the start (an imperative).
_ASK_CUE_TOKEN = re.compile(
    r"\b(?:should|must|ought to|needs? to|has to|have to|to|that"
    r"|(?:case|call|calls|argument|need|push|plea) for)\b|:",
    re.IGNORECASE,
)
# The modal of an ask with a subject: its verb phrase starts after it, so a name such as
# "Build Canada Homes should exempt ..." is not read as the verb "build".
_ASK_MODAL = re.compile(rf"\b(?:{ASK_MODALS})\b", re.IGNORECASE)
_CUE_BEFORE_MODAL = re.compile(r"\bto\b|:")
_ASIDE = re.compile(r",[^,;:]{0,60},")
_WORDS_RE = re.compile(r"[\w’'-]+")
_ASK_VERB_WINDOW = 3
"""Words allowed between a cue and the ask's own verb ("I'd like to see the government
scrap", "think again and cap"); a verb further on sits in an object or a relative clause
("take the foods American farms cannot grow out of the tariffs")."""


def _opens_verb_phrase(ask: str, at: int) -> bool:
    """Whether offset ``at`` of ``ask`` is within the first words of the ask's own verb
    phrase (comma asides such as ", as a matter of urgency," do not count)."""
    before = _ASIDE.sub(" ", ask[:at])
    cue_end = 0
    for match in _ASK_CUE_TOKEN.finditer(before):
        cue_end = match.end()
    return len(_WORDS_RE.findall(before[cue_end:])) <= _ASK_VERB_WINDOW


def ask_direction(ask: str) -> Direction:
    """The direction of an ask's own verb phrase (see :func:`detect_direction`).

    Examples:
        >>> ask_direction("The Treasury should end the levy in 2026").verb
        'end'
        >>> ask_direction("I'd like to see the government scrap the two-child limit").verb
        'scrap'
        >>> ask_direction("take the foods American farms cannot grow out of the tariffs").sign
        0
        >>> ask_direction("Build Canada Homes should exempt factory-built components").verb
        'exempt'
    """
    modal = _ASK_MODAL.search(ask)
    # a modal after an infinitive cue sits in the object ("time for X to halve the £6,000
    # that a school must find"): the verb phrase starts at the cue
    own = modal is not None and _CUE_BEFORE_MODAL.search(ask, 0, modal.start()) is None
    start = modal.end() if modal is not None and own else 0
    found = detect_direction(ask[start:])
    if found.sign and not _opens_verb_phrase(ask, start + found.start):
        return Direction(0)
    return attrs.evolve(found, start=start + found.start) if found.sign else found


def opposed(a: Direction, b: Direction) -> bool:
    """True when both have a direction and the directions differ."""
    return a.sign != 0 and b.sign not in (0, a.sign)


_UNIT_SPELLINGS = (
    # "CPI plus one percentage point" and "CPI plus 1 per cent" name the same rise.
    (re.compile(r"percentage\s+points?"), "%"),
    (re.compile(r"per\s?cent|percent"), "%"),
    (re.compile(r"billion"), "bn"),
    (re.compile(r"million"), "m"),
    (re.compile(r"trillion"), "tn"),
    (re.compile(r"(months?|weeks?|years?|days?|hours?)$"), lambda m: m.group(1).rstrip("s")),
    (
        re.compile(r"(kilo|mega|giga|tera)[\s-]?watt([\s-]?hours?)?s?"),
        lambda m: f"{m.group(1)[0]}w{'h' if m.group(2) else ''}",
    ),
    (re.compile(r"tonnes?|tons?"), "t"),
    (re.compile(_NUMBER_WORD), lambda m: _spell_number(m.group())),
    (re.compile(r"-"), ""),
)


def _spell_number(words: str) -> str:
    """ "twenty-five" -> "25", "eighteen" -> "18"."""
    return str(sum(_NUMBER_WORDS[w] for w in re.split(r"[\s-]+", words.lower())))


# A year that names a document or an event, not a date: "the 2023 long-term workforce
# plan", "its 2019 manifesto", "the 2024 Budget".
_YEAR_AS_NAME = re.compile(
    r"\b(?:the|its|their|his|her|our|this|that|a|an)\s+(?P<year>(?:19|20)\d{2})\s+"
    r"(?=(?:[\w-]+\s+){0,2}?(?:plan|manifesto|budget|strategy|review|act|white\s+paper|report"
    r"|agreement|deal|election|settlement|summit|bill|framework|census|guidance|consultation"
    r"|accord|statement)s?\b)",
    re.IGNORECASE,
)


def _figures(pattern: re.Pattern[str], text: str) -> set[str]:
    """Figures in ``text``, spelled one way: "5 per cent" -> "5%", "£1 billion" -> "£1bn";
    not a year that names a document ("the 2023 workforce plan")."""
    names = {m.end("year") for m in _YEAR_AS_NAME.finditer(text)}
    out: set[str] = set()
    for match in pattern.finditer(text):
        if _YEAR.fullmatch(match.group()) and match.end() in names:
            continue
        figure = match.group().lower()
        for spelling, canonical in _UNIT_SPELLINGS:
            figure = spelling.sub(canonical, figure)
        out.add(_scaled(re.sub(r"[\s,]", "", figure)))
    return out


_SCALED_UNIT = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)(?P<scale>m|bn|tn|k|thousand)(?P<unit>t|[kmgt]wh|[kmg]w)"
)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}


_UNIT_NAMES = {"t": "tonnes", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh"}


def _show(figure: str) -> str:
    """A canonical figure for a rationale: "7500000t" -> "7.5 million tonnes"."""
    match = re.fullmatch(r"(?P<n>\d+(?:\.\d+)?)(?P<unit>t|[kmgt]wh)", figure)
    if match is None:
        return figure
    value, unit = float(match.group("n")), _UNIT_NAMES[match.group("unit")]
    if value >= 1e6:
        return f"{value / 1e6:g} million {unit}"
    return f"{value:,.0f} {unit}" if value == int(value) else f"{value:g} {unit}"


def _scaled(figure: str) -> str:
    """ "7.5mt" (7.5 million tonnes) -> "7500000t", so it compares with "370000t"."""
    match = _SCALED_UNIT.fullmatch(figure)
    if match is None:
        return figure
    value = float(match.group("n")) * _SCALES[match.group("scale")]
    return f"{value:.0f}{match.group('unit')}"


# Keeping a promise carries out what was promised: no direction of its own.
_KEEPS_ITS_WORD = re.compile(
    r"\b(?:keep|keeps|honou?r|honou?rs|stick\s+to|stand\s+by|make\s+good\s+on|deliver\s+on"
    r"|live\s+up\s+to)\s+(?:that|this|the|its|their|his|her|our|these|those)\s+(?:[\w-]+\s+)?"
    r"(?:promises?|pledges?|commitments?|word|vows?|undertakings?|guarantees?)\b",
    re.IGNORECASE,
)


# Asking the actor to reconsider is asking it to change what it decided: "It is time to
# think again and ...", "revisit that decision and ...", "Ministers should rethink".
_RECONSIDER = re.compile(
    r"\b(?:think(?:s|ing)?\s+again|reconsider\w*|rethink\w*|change\s+(?:course|tack)"
    r"|(?:revisit|reverse|overturn)\w*\s+(?:that|this|its|their|the)\s+(?:[\w-]+\s+)?"
    r"(?:decision|ruling|choice|refusal|position)s?)\b",
    re.IGNORECASE,
)


def conflict(ask: str, position: str) -> str | None:
    """Why ``ask`` would reverse ``position``, or None.

    An ask to reconsider ("think again", "revisit that decision") reverses whatever the
    position decided, and after rule 1 an ask to restore ("bring back", "reinstate")
    reverses a position that ends or takes the thing away ("the end of", "closed").
    Otherwise six rules, in order:

    1. opposite directions (unless one side acts on an announced act of unknown
       direction);
    2. an ask to remove or undo ("withdraw", "repeal") what the position puts in place
       (states with no direction and no negation), or an announced act ("drop its threat
       to ...", "drop the proposal to ...") that a position proposing it states;
    3. an ask that declines in its main clause ("needs to rule out", "must not") against a
       position that puts something in place, when the declined act has no direction verb;
       refusing "any change" or "further cuts" keeps things as they are, so it conflicts
       only with a position that changes (or cuts) them;
    4. an ask to keep a level or the status quo ("at 18 months", "as they are") that the
       position changes (keeping a thing is not reversed by more of it, nor by a position
       that states the very level asked for);
    5. an act the ask wants that the position negates ("must weigh" against "is not
       weighed", "open talks" against "will not reopen"), unless the ask itself declines;
    6. an age, year or amount in the ask that the position states differently (the ask
       wants 2026, the position says 2030).

    Two more: an ask to keep what the position replaces ("takes the place of"), and an
    ask to change what the position refuses to change ("changes to it are not part of the
    government's policy") conflict too.

    "No more than" and "not less than" are read as quantities, not negations.

    Examples:
        >>> conflict("restart the talks", "The UK suspended the talks.")
        'the ask says "restart" (up/on), the position says "suspended" (down/off)'
        >>> conflict("keep the detention rules as they are", "The proposal lengthens detention.")
        'the ask keeps what the position changes ("lengthens")'
        >>> conflict("end the levy in 2026", "The levy's end date moves to 2030.")
        'the ask says 2026, the position says 2030'
        >>> conflict("withdraw the provision", "The rules give states a legal basis.")
        'the ask would undo ("withdraw") what the position puts in place'
        >>> conflict("drop its threat to steer funding away", "Agencies should limit funding.")
        'the ask would undo ("drop") what the position puts in place'
        >>> conflict("enhance air defences", "The UK will invest in air defence.") is None
        True
    """
    reconsider = _RECONSIDER.search(ask)
    if reconsider is not None and _opens_verb_phrase(ask, reconsider.start()):
        return f'the ask wants the decision reconsidered ("{reconsider.group()}")'
    kept_word = _KEEPS_ITS_WORD.search(ask)
    if (
        kept_word is not None
        and _opens_verb_phrase(ask, kept_word.start())
        and not re.search(r"\b(?:and|but)\b", ask[kept_word.end() :])
    ):
        # "They should keep that promise": whatever was promised, in its own direction
        return None
    a, p = ask_direction(ask), detect_direction(position)
    if a.keep and p.sign and _keeps_state(ask, a, p):
        # "keep everyone over 60 exempt" and "people over 60 stay exempt": the same state
        return _figure_conflict(ask, position)
    negation_in_position = _ANY_NEGATION.search(_masked_quantifiers(position)) is not None
    if a.drops_intent and _DROPPED_PLAN.search(position):
        return None  # "drop the proposal to ..." vs "the proposal has been withdrawn"
    # An act of unknown direction leaves the sign of "drop its threat to <act>" unknown too;
    # "keeps pressing its bid to <act>" still pushes the bid on.
    if opposed(a, p) and not ((a.of_intent and a.remove) or (p.of_intent and p.remove)):
        return f"the ask says {a.describe()}, the position says {p.describe()}"
    ended = _ended(position) if _restores(ask, a) and not p.keep else None
    if ended is not None:
        return f'the ask would restore ("{a.verb}") what the position ends ("{ended}")'
    replaced = _replaced(ask[a.start + len(a.verb) :], position) if a.keep else None
    if replaced is not None:
        return f'the ask keeps what the position replaces ("{replaced}")'
    # Undoing an announced act ("drop its threat to steer funding away") reverses the
    # position that states the act, whichever way the act itself points.
    undoes = not p.sign or (a.of_intent and not p.remove)
    # "drop the proposal to X" reverses a position that proposes X, not one that already
    # dropped it ("has withdrawn the proposal") or that only says something else about X
    drops = a.drops_intent and not (p.remove or p.drops_intent) and _PROPOSAL.search(position)
    # "strike the VAT cut out of the bill" (up: it undoes a cut) against "the cabinet
    # approved the act" that makes the cut: the ask takes out what is being adopted
    strikes_adopted = (
        a.remove and a.sign > 0 and p.sign > 0 and _LEMMA.get(p.verb.lower()) in _ADOPTING
    )
    removes = (a.remove and a.sign < 0 and undoes) or drops or strikes_adopted
    if removes and not negation_in_position:
        return f'the ask would undo ("{a.verb}") what the position puts in place'
    refusal = _ASK_REFUSAL.search(ask)
    declines = (
        refusal is not None
        and _opens_verb_phrase(ask, refusal.start())
        # "must not let the start date slip" keeps to the date
        and re.search(LET_IT_SLIP, ask, re.IGNORECASE) is None
    )
    refused = _REFUSED_CHANGE.match(ask, refusal.end()) if refusal is not None else None
    if declines and refused is not None:
        # "rule out any change / further cuts": keep things as they are
        cuts = "cut" in refused.group().lower()
        changes = p.sign < 0 if cuts else (p.sign != 0 and not p.keep)
        if changes and not negation_in_position:
            return f'the ask rules out the change the position makes ("{p.verb}")'
        return _figure_conflict(ask, position)
    if not a.sign and declines and not _negated_near(position, p):
        return "the ask rules out what the position puts in place"
    refuses = _REFUSES_CHANGE.search(position)
    if refuses is not None and a.sign and not a.keep and not declines and not p.sign:
        # "limit negative gearing" against "changes to negative gearing are not part of
        # the government's policy"
        said = f"changes to … {refuses['tail']}" if refuses["tail"] else refuses.group()
        return f'the ask wants a change the position rules out ("{said}")'
    if a.keep and p.sign and not p.keep and (p.sign < 0 or _STATUS_QUO.search(ask)):
        if _states_asked_level(ask, position):
            return None  # "keep aid at no less than £3bn" and "at least £3bn a year"
        return f'the ask keeps what the position changes ("{p.verb}")'
    # an ask that declines ("rule out nationalising") agrees with a position that does not
    return (
        (None if declines else _negated_act(ask, position))
        or _changed_level(ask, position, a, p)
        or _figure_conflict(ask, position)
    )


# A position that refuses to change anything: "has ruled out changes to", "changes to it are
# not part of the government's policy", "no plans to change".
_REFUSES_CHANGE = re.compile(
    r"\b(?:rul(?:es|ed|ing)\s+out\s+(?:any\s+)?(?:changes?|changing|reforms?|altering)"
    r"|(?:has|have)\s+no\s+plans?\s+to\s+(?:change|alter|reform|revisit|reopen)"
    r"|changes?\s+to\s+[^.;:]{1,80}?\s+(?P<tail>(?:are|is)\s+not\s+(?:part\s+of|on\s+the\s+table"
    r"|under\s+consideration|being\s+considered))"
    r"|not\s+(?:proposing|considering|planning)\s+(?:any\s+)?changes?)\b",
    re.IGNORECASE,
)


def _negated_near(position: str, p: Direction) -> bool:
    """Whether the position has a negation in the clause of its direction verb (anywhere,
    when it has none): "will be required for right-to-work checks; ... would not be able
    to work" puts the requirement in place."""
    text = _masked_quantifiers(position)
    if not p.sign:
        return _ANY_NEGATION.search(text) is not None
    start = _clause_start(text, p.start)
    end = _CLAUSE_END.search(text, p.start)
    return _ANY_NEGATION.search(text, start, end.start() if end else len(text)) is not None


# Verbs that adopt a measure as a whole: removing part of it undoes what they adopt.
_ADOPTING = frozenset({"approve", "adopt", "introduce", "implement", "legislate", "ratify"})


def _keeps_state(ask: str, a: Direction, p: Direction) -> bool:
    """Whether the ask keeps the very state the position's verb names ("keep X exempt")."""
    lemma = _LEMMA.get(p.verb.lower())
    after = ask[a.start + len(a.verb) :]
    return lemma is not None and any(
        _LEMMA.get(w.lower()) == lemma for w in re.findall(r"[A-Za-z]+", after)
    )


_RESTORING = frozenset(
    """
    restore reinstate revive resurrect reintroduce reimpose reopen resume restart relaunch rejoin
    """.split()  # noqa: SIM905  # a word list reads better as text
)
_ENDING = _REMOVE | {"close", "restrict", "ban"}


_BACK_INTO = re.compile(r"\s+(?:into|in|to|under|onto|within)\b", re.IGNORECASE)


def _restores(ask: str, a: Direction) -> bool:
    """Whether the ask's own verb brings back something that was ended ("restore the
    exemption", "bring back the used-car credit"; not "bring the franchises back into
    public ownership", which moves them somewhere)."""
    verb = a.verb.lower()
    if a.sign <= 0:
        return False
    if verb.startswith(("bring", "put")):
        return _BACK_INTO.match(ask, a.start + len(a.verb)) is None
    return _LEMMA.get(verb) in _RESTORING


def _ended(position: str) -> str | None:
    """A verb or phrase by which ``position`` ends or takes away something ("ended",
    "closed", "the end of", "no longer"), not negated, or None."""
    plain = _masked_quantifiers(position)
    phrase = re.search(r"\b(?:the\s+end\s+of|no\s+longer|phas\w+\s+out)\b", plain, re.I)
    if phrase is not None:
        return phrase.group()
    for match in _WORDS_RE.finditer(plain):
        if _LEMMA.get(match.group().lower()) not in _ENDING:
            continue
        if _NEG_RE.search(plain, _clause_start(plain, match.start()), match.start()):
            continue
        return match.group()
    return None


# "Y takes the place of X", "Y replaces X": X goes; "X is replaced by Y", "X is folded into
# Y": X goes.
_REPLACES_NEXT = re.compile(
    r"\b(?:takes?|took|taking|will\s+take)\s+the\s+place\s+of|\breplac(?:es|ing)\b", re.I
)
_REPLACED_BEFORE = re.compile(
    r"\b(?:is|are|was|were|will\s+be|to\s+be|being)\s+(?:replaced\s+by|folded\s+into"
    r"|absorbed\s+into|merged\s+into)\b",
    re.I,
)
_REPLACE_WINDOW = 80  # characters of the replaced thing's name


def _replaced(kept: str, position: str) -> str | None:
    """The phrase by which ``position`` replaces what an ask keeps (``kept``, the ask after
    its keep verb), or None: the first two content words of ``kept`` must name the thing
    that goes."""
    words = {token.stem for token in content_tokens(kept)[:2]}
    if not words:
        return None

    def names(text: str) -> bool:
        return words <= content_stems(text)

    for m in _REPLACES_NEXT.finditer(position):
        if names(position[m.end() : m.end() + _REPLACE_WINDOW]):
            return m.group()
    for m in _REPLACED_BEFORE.finditer(position):
        if names(position[max(0, m.start() - _REPLACE_WINDOW) : m.start()]):
            return m.group()
    return None


def _states_asked_level(ask: str, position: str) -> bool:
    """Whether every amount ``position`` states is one that ``ask`` asks for."""
    stated = _figures(_AMOUNT, position)
    return bool(stated) and stated <= _figures(_AMOUNT, ask)


def _masked_quantifiers(text: str) -> str:
    """``text`` with "no more than"-style quantifiers blanked out (offsets kept)."""
    return _QUANTIFIER.sub(lambda m: " " * (m.end() - m.start()), text)


def _act_stem(word: str) -> str:
    """The stem of a verb, with a "re-" prefix dropped ("reopen" and "open" match)."""
    s = stem(word)
    return s[2:] if s.startswith("re") and len(s) >= 6 else s


# A position that turns something down, and the acts it then says are not done.
_REJECTED = re.compile(r"\b(?:reject(?:s|ed)?|turn(?:s|ed)? down)\b", re.IGNORECASE)
_ACCEPT_VERBS = ("accept", "adopt", "approve", "implement", "endorse", "agree")


# Ways to ask for legislation without the verb "legislate".
_INTO_LAW = re.compile(
    r"\b(?:(?:on|onto)\s+a\s+statutory\s+(?:footing|basis)|(?:into|in)\s+law|enshrin\w*"
    r"|make\s+(?:it|them|this|that|the\s+[\w-]+(?:\s+[\w-]+)?)\s+statutory)\b",
    re.IGNORECASE,
)


def _negated_act(ask: str, position: str) -> str | None:
    """A verb the ask wants done that the position says is not done, or None: "make
    emissions something the decision-maker must weigh" against "is not weighed in the
    approval decision"."""
    negated: dict[str, str] = {}
    for match in _NEGATED_VERB.finditer(_masked_quantifiers(position)):
        verb = match.group("verb").lower()
        if verb not in _NOT_NEGATED_ACT and verb not in STOPWORDS:
            negated.setdefault(_act_stem(verb), match.group())
    rejected = _REJECTED.search(position)
    if rejected is not None:  # "rejected the recommendation": it is not accepted
        for verb in _ACCEPT_VERBS:
            negated.setdefault(_act_stem(verb), rejected.group())
    if not negated:
        return None
    legislate = negated.get(_act_stem("legislate"))
    law = _INTO_LAW.search(ask)
    if (
        legislate is not None
        and law is not None
        and not _NEGATION_BEFORE.search(ask[: law.start()])
    ):
        # "put the phone ban on a statutory footing" against "will not legislate for a ban"
        return f'the ask would "{law.group()}", the position says "{legislate}"'
    for match in _WORDS_RE.finditer(ask):
        word = match.group().lower()
        if word in STOPWORDS or _NOUN_SUFFIX.search(word) or _act_stem(word) not in negated:
            continue
        before = ask[: match.start()]
        if _NEGATION_BEFORE.search(before) or _INTENT_BEFORE.search(before):
            continue
        return f'the ask would "{word}", the position says "{negated[_act_stem(word)]}"'
    return None


# A figure a change leaves behind: "moved from 2030 to 2027", "raised from £9 to £12".
_CHANGED_FROM = re.compile(
    r"\b(?:mov\w+|rais\w+|cut|increas\w+|reduc\w+|lower\w*|brought\s+forward|pushed\s+back"
    r"|push(?:es|ed|ing)?|bring(?:s|ing)?|brought"
    r"|put\s+back|delay\w*|chang\w+|shift\w*|extend\w*|shorten\w*|lengthen\w*|ris(?:es|en)"
    r"|rose|falls?|fallen|fell|goes\s+(?:up|down)|went\s+(?:up|down)|up|down)"
    r"\s+(?:[\w’'-]+\s+){0,6}?from\s+(?P<old>(?:[^\s,;.]|[.,](?=\d))+(?:\s+[^\s,;.]+)?)\s+to\s+",
    re.IGNORECASE,
)


def _current_figures(pattern: re.Pattern[str], text: str) -> set[str]:
    """Figures ``text`` states, without those a change it reports or asks for leaves behind."""
    stated = _figures(pattern, text)
    for change in _CHANGED_FROM.finditer(text):
        stated -= _figures(pattern, change.group("old"))
    return stated


# Any number, with its unit when it has one: "£6,000", "50 tonnes" (as "50"), "0.5 per cent",
# "three years".
# A number word counts only with a unit of time after it ("from three years to two").
_TIME_UNIT = r"(?:months?|weeks?|years?|days?)"
_NUMBER = re.compile(
    rf"(?:(?<![\d,.])[£$€]?\d+(?:[,.]\d+)*+|\b{_NUMBER_WORD}(?=[\s-]+{_TIME_UNIT}\b))"
    r"(?:[\s-]?(?:%|per\s?cent|percentage\s+points?|bn|billion|m|million"
    rf"|{_TIME_UNIT})\b)?",
    re.IGNORECASE,
)
# A span of time in which a change happens: "within two years", "over five years".
_TIME_FRAME_BEFORE = re.compile(
    r"\b(?:within|over|in|for|after|before|during|across|every|each|per)\s+"
    r"(?:the\s+(?:next|first|last)\s+)?$",
    re.IGNORECASE,
)
# A figure that is where a change goes, not what it changes: "halve the fee *to* £500".
_TARGET_BEFORE = re.compile(
    r"\b(?:to|by|below|above|under|at)\s+(?:about\s+|around\s+|at\s+least\s+)?$", re.IGNORECASE
)


def _changed_level(ask: str, position: str, a: Direction, p: Direction) -> str | None:
    """A level the position sets that the ask moves ("halve the £6,000" against "costs
    above £6,000 a year", "bring the threshold down from 50 tonnes to 10" against "no more
    than 50 tonnes"), unless the position moves it the same way or states the ask's
    target, or None."""
    verb = a.verb.lower()
    if a.keep or not a.sign:
        return None
    moves_too = _LEMMA.get(p.verb.lower()) in _LEVEL_VERBS or _MOVES_RE.match(p.verb) is not None
    if p.sign == a.sign and moves_too:
        return None  # "the £3,000 excess will be halved": the position moves it too
    if _LEMMA.get(verb) not in _LEVEL_VERBS | {"lift"} and not verb.endswith("down"):
        return None
    moved: set[str] = set()
    targets: set[str] = set()
    for match in _NUMBER.finditer(ask, a.start + len(a.verb)):
        if _TIME_FRAME_BEFORE.search(ask, 0, match.start()):
            continue  # "raise it to £5bn within two years": when, not what
        into = targets if _TARGET_BEFORE.search(ask, 0, match.start()) else moved
        into |= _figures(_NUMBER, match.group())
    stated = {f for f in _current_figures(_NUMBER, position) if not _YEAR.fullmatch(f)}
    hit = sorted(moved & stated)
    if hit and not targets & stated:
        return f'the ask would move the {hit[0]} the position sets ("{a.verb}")'
    return None


# A deadline: "by 2027", "by the end of 2026", "by spring 2030".
_DEADLINE = re.compile(
    r"\bby\s+(?:the\s+)?(?:(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:early|late|mid)[\s-]+)?(?:[a-z]+\s+)?(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)


# An age without a unit: "the minimum age should be 18", "from the age of 16", "up to age
# 64"; not "aged 60 and over", which names a group.
_AGE = re.compile(r"\bage\b(?:\s+(?!and\b|or\b)[a-z-]+){0,9}?\s+(\d{2})\b(?![.,]\d|%)")


def _figure_conflict(ask: str, position: str) -> str | None:
    """A deadline, year or amount in ``ask`` that ``position`` states differently (not
    counting one it reports changed: "moved from 2030 to 2027" states 2027), or None."""
    wanted_by = {m.group("year") for m in _DEADLINE.finditer(ask)}
    said_by = {m.group("year") for m in _DEADLINE.finditer(position)}
    if wanted_by and said_by and not wanted_by & said_by:
        ask_by, position_by = ", ".join(sorted(wanted_by)), ", ".join(sorted(said_by))
        return f"the ask wants it by {ask_by}, the position by {position_by}"
    asked_ages = set(_AGE.findall(ask))
    stated_ages = set(_AGE.findall(position))
    if asked_ages and stated_ages and not asked_ages & stated_ages:
        ask_age, position_age = ", ".join(sorted(asked_ages)), ", ".join(sorted(stated_ages))
        return f"the ask says age {ask_age}, the position says age {position_age}"
    for pattern in (_YEAR, _AMOUNT):
        # "push the levy back from 2027 to 2028" asks for 2028
        asked, stated = _current_figures(pattern, ask), _current_figures(pattern, position)
        for kind in {_kind(f) for f in asked}:
            wanted = {f for f in asked if _kind(f) == kind}
            # money of another order ("$130,000" a household income, "$500m" a programme) is
            # another quantity, not a different figure for the same one
            said = {
                f for f in stated if _kind(f) == kind and any(_comparable(w, f) for w in wanted)
            }
            # same kind of figure (money, %, a span of time), none shared
            if said and not any(_same_figure(w, s) for w in wanted for s in said):
                ask_says = ", ".join(_show(f) for f in sorted(wanted))
                position_says = ", ".join(_show(f) for f in sorted(said))
                return f"the ask says {ask_says}, the position says {position_says}"
    return _month_conflict(ask, position)


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# "September 2026", "1 April 2026", "March, 2029"; "May" only with a year after it.
_MONTH_YEAR = re.compile(
    rf"\b(?P<month>{_MONTHS})\s*,?\s+(?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE
)


_MONEY = re.compile(r"[£$€](?P<n>\d+(?:\.\d+)?)(?P<scale>k|m|bn|tn)?$")


def _comparable(a: str, b: str) -> bool:
    """Whether two sums of money are within a factor of 20 of each other (other figures:
    always); "£3bn" and "£5bn" are, "$130000" and "$500m" are not."""
    ma, mb = _MONEY.match(a), _MONEY.match(b)
    if ma is None or mb is None:
        return True
    va = float(ma.group("n")) * _SCALES.get(ma.group("scale") or "", 1.0)
    vb = float(mb.group("n")) * _SCALES.get(mb.group("scale") or "", 1.0)
    return va > 0 and vb > 0 and max(va, vb) / min(va, vb) <= 20


def _month_conflict(ask: str, position: str) -> str | None:
    """A month of a year that ``ask`` names where ``position`` names only other months of
    the same year ("move the milestone to September 2026" against "65 per cent by March
    2026"), or None. Years alone are compared by :func:`_figure_conflict`."""

    def months(text: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        left_behind = [c.span("old") for c in _CHANGED_FROM.finditer(text)]
        for match in _MONTH_YEAR.finditer(text):
            if any(start <= match.start() < end for start, end in left_behind):
                continue  # "moved from March 2026 to ..." does not state March 2026
            found.setdefault(match.group("year"), set()).add(match.group("month").capitalize())
        return found

    asked, stated = months(ask), months(position)
    for year in sorted(asked.keys() & stated.keys()):
        if not asked[year] & stated[year]:
            ask_says = ", ".join(f"{m} {year}" for m in sorted(asked[year]))
            position_says = ", ".join(f"{m} {year}" for m in sorted(stated[year]))
            return f"the ask says {ask_says}, the position says {position_says}"
    return None


_DAYS_IN = {"year": 365.25, "month": 365.25 / 12, "week": 7.0, "day": 1.0, "hour": 1 / 24}


def _kind(figure: str) -> str:
    """What a canonical figure measures: "£", "$", "€", "%", "time" (a span of years,
    months, weeks, days or hours), another unit ("kwh") or ""."""
    if figure[:1] in "£$€":
        return figure[0]
    unit = figure.lstrip("0123456789.")
    return "time" if unit in _DAYS_IN else unit


def _same_figure(a: str, b: str) -> bool:
    """Whether two canonical figures are equal; spans of time are compared in days, so
    "12month" and "1year" are the same span and "3month" and "1year" are not."""
    if _kind(a) != "time" or _kind(b) != "time":
        return a == b

    def days(figure: str) -> float:
        unit = figure.lstrip("0123456789.")
        return float(figure[: len(figure) - len(unit)]) * _DAYS_IN[unit]

    return abs(days(a) - days(b)) <= 0.03 * max(days(a), days(b))
