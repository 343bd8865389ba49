"""What an ask wants of existing policy: carry it out, or go beyond it.

Similarity says an ask and a position share a subject; it cannot say whether the ask wants
what the position already commits to. Two kinds of wording can. An ask to *carry out*
existing policy names completion or delivery ("finalise the protections it consulted on",
"get the first phase running", "use every one of those powers") or points back at the
actor's own commitment ("its proposal", "the plan it set out"): it agrees with a position
that sets that policy out. An ask to *go beyond* says so ("go further", "rather than",
"not just"): it wants more than any position offers. Pure Python, rule based.
"""

from __future__ import annotations

import enum
import re

import attrs

from policytext.lexical import content_stems
from policytext.text import ASK_MODALS, LET_IT_SLIP

__all__ = ["Intent", "IntentKind", "ask_intent", "undecided"]


class IntentKind(enum.StrEnum):
    """What an ask wants of the policy it is about."""

    CARRY_OUT = "carry out"
    """Deliver, finish, keep or use what has been committed to."""
    GO_BEYOND = "go beyond"
    """More than, or something instead of, what is in place."""
    UNMARKED = "unmarked"
    """No wording that says either."""


_COMMITMENT = (
    r"(?:proposals?|plans?|pledges?|promises?|commitments?|strateg(?:y|ies)|warnings?"
    r"|targets?|consultations?|guidance|reviews?|programmes?|programs?|schemes?|powers?"
    r"|duty|duties|framework|timetable|roadmap|reports?|legislation|act|rules|mandate"
    r"|measures?|protections?|package|deal|agreement)"
)
_CARRY_OUT = re.compile(
    r"\b(?:implement\w*|deliver\w*|finish\w*|finalis\w*|finaliz\w*|complet(?:e|es|ed|ing)\b"
    r"|honou?r\w*|fulfil\w*|carr(?:y|ies|ied|ying) out|follow(?:s|ed|ing)? through"
    r"|(?:press|push)(?:es|ed|ing)? (?:ahead|on)|stick(?:s|ing)? (?:to|with)"
    r"|stand(?:s|ing)? by|see(?:s|ing)? (?:it|them|this|that) through|make good on"
    r"|bring(?:s|ing)? (?:\w+ ){0,3}into force|in full\b|every penny|every one of"
    r"|\bas (?:planned|promised|pledged|agreed|scheduled|announced|intended)\b"
    r"|(?:continue|keep)(?:s|d|ing)? \w+ing\b"
    # "must not let the April 2026 start date slip": keep to what was set
    rf"|{LET_IT_SLIP}"
    r"|get(?:s|ting)? (?:\w+ ){1,4}(?:running|going|under way|underway|off the ground|in place"
    r"|signed|done|finished|over the line|ratified)\b"
    r"|(?:use|uses|using) (?:\w+ ){0,3}(?:powers?|tools?)\b(?!\s+(?:to|for|against|on|in)\b)"
    rf"|\b(?:its|their|his|her|the government['’]s|ministers['’])\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}"
    rf"{_COMMITMENT}\b"
    r"|\b(?:it|they|ministers|the government)\s+(?:has\s+|have\s+|had\s+)?(?:already\s+)?"
    r"(?:consulted on|proposed|promised|pledged|announced|committed to|designed|set out"
    r"|published|began|begun|started|launched|agreed|wrote|written|enacted|legislated"
    r"|laid down|drew up)"
    # "hold the credits to the schedule it wrote": keep them to the plan
    rf"|\bhold(?:s|ing)?\s+(?:[\w-]+\s+){{1,8}}?to\s+(?:the|its|their|that)\s+(?:[\w-]+\s+)?"
    r"(?:schedule|timetable|promise|pledge|word|plan|deadline|commitments?)\b)",
    re.IGNORECASE,
)
# Keeping what is in place, as the ask's own verb ("Ministers must keep that promise",
# "hold the line on", "leave X where it is"), not "to keep bills down" or "keep it going".
_VP_MODAL = re.compile(
    rf"\b(?:{ASK_MODALS}"
    r"|urge[sd]?\s+[^,.;:]{1,60}?\s+to|time\s+(?:for\s+[^,.;:]{1,60}?\s+)?to"
    r"|would\s+(?:do\s+well|be\s+wise|be\s+right)\s+to)\s+",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[^:]{1,60}:\s+")
_KEEP_IN_PLACE = re.compile(
    r"(?:(?:also|still|now|firmly|simply|just|at\s+least)\s+)?"
    r"(?:(?:keep|maintain|retain|preserve)\s+(?:that|this|these|those|its|their|the|our)\b"
    r"(?![^.;]{0,60}\bgoing\b)"
    r"|hold\s+the\s+line"
    # "hold the sanctions date of 1 January 2027", "let the 2038 settlement stand"
    r"|hold\s+(?:the|that|this|its|their)\s+(?:[\w-]+\s+){0,3}?(?:date|deadline|rate|level"
    r"|timetable|target|course)\b"
    r"|let\s+(?:the|that|this|its|their|our)\s+(?:[\w-]+\s+){0,4}?stand\b"
    # "The 92 per cent standard ought to remain the goal", "the rate should stay at 5%"
    r"|(?:remain|stay)\s+(?:the|in|at|on|as|unchanged|where)\b"
    r"|leave\s+(?:[\w-]+\s+){1,10}?(?:in\s+place"
    r"|where\s+(?:it|they)\s+(?:is|are)|alone|untouched|intact))",
    re.IGNORECASE,
)


def _keeps_in_place(text: str) -> re.Match[str] | None:
    modal = _VP_MODAL.search(text)
    label = _LABEL.match(text)
    start = modal.end() if modal is not None else label.end() if label is not None else 0
    return _KEEP_IN_PLACE.match(text, start)


# More of the same: the ask builds on the policy in its own direction.
_FURTHER = re.compile(
    # "further" as an adverb ("push further", "further still") or of more money or steps
    # ("every further euro"), not describing the object ("opt out of further offers")
    r"\b(?:go(?:es|ing)? further|further\b(?=\s*(?:[,.;:!?]|$|\s+(?:still|and|in|on|with|by"
    r"|for|to|down|up)\b))|(?:(?<=every\s)|(?<=any\s)|(?<=each\s))further\b|beyond"
    r"|not (?:just|only|merely)"
    r"|on top of|in addition to|(?:do|does|doing) more|more than that)",
    re.IGNORECASE,
)
# Something else in its place: may well reverse the policy ("restart the talks rather than
# freezing them").
_INSTEAD = re.compile(r"\b(?:rather than|instead)\b", re.IGNORECASE)
# Money beyond what is committed ("put fresh money into the bank"): more than the position
# offers, though unlike "go further" it may still reverse a cut.
_MORE_MONEY = re.compile(
    r"\b(?:fresh|extra|additional|more|new)\s+(?:money|funding|cash|funds)\b", re.IGNORECASE
)


# An ask to put into law what a position only promises, plans or advises goes beyond it.
_INTO_LAW = re.compile(
    r"\b(?:into law|in(?:to)? statute|on a statutory (?:footing|basis)|legally binding"
    r"|enshrin\w*|legislat(?:e|es|ing|ion) (?:for|to)\b|pass (?:a|an) (?:law|bill|statute|act)\b"
    r"|statutory (?:mandate|duty|duties|powers?|targets?|rights?|requirements?))",
    re.IGNORECASE,
)
_STATUTORY = re.compile(
    r"\b(?:law|laws|act|acts|bill|statut\w*|legislat\w*|legally|regulations|binding)\b",
    re.IGNORECASE,
)


# Taking a policy further than the position does: to a group it does not name ("extend the
# grant to used cars"), or for good when it is temporary ("make the £3 cap permanent").
_EXTEND_TO = re.compile(
    r"\b(?:extend|expand|widen|broaden)(?:s|ed|ing)?\s+(?:[\w£$€%’'-]+\s+){0,6}?to\s+"
    r"(?:cover\s+|include\s+)?(?P<group>[^,.;:]{3,60})",
    re.IGNORECASE,
)
_PERMANENT = re.compile(
    r"\b(?:make|made|making)\s+(?:[\w£$€%’'-]+\s+){0,6}?permanent\b"
    r"|\bon\s+a\s+permanent\s+(?:footing|basis)\b",
    re.IGNORECASE,
)


def _goes_further(text: str, position: str) -> str | None:
    """The words of ``text`` that take ``position``'s policy to a new group (one with a
    content word, compared by stem, that the position does not use) or make it permanent,
    or None."""
    permanent = _PERMANENT.search(text)
    if permanent is not None and "permanent" not in position.lower():
        return permanent.group()
    extension = _EXTEND_TO.search(text)
    if extension is None:
        return None
    group = _singulars(extension.group("group"))
    return extension.group() if group and not group <= _singulars(position) else None


def _singulars(text: str) -> frozenset[str]:
    """The content-word stems of ``text`` with a plural "s" the light stemmer keeps on
    short words ("cars") taken off."""
    return frozenset(
        s[:-1] if s.endswith("s") and not s.endswith("ss") and len(s) > 3 else s
        for s in content_stems(text)
    )


# A position that has not decided: weighing, considering, ready to act if needed.
_UNDECIDED = re.compile(
    r"\b(?:weigh(?:s|ing)|considering|(?:will|would|could|may|to) consider|keeps? \w+ under"
    r" review|under review|(?:is|are|stands?|stood) ready to"
    r"|explor(?:es|ing)|(?:will|would|to|could|may)\s+explore"
    r"|look(?:s|ing) at (?:whether|options|ways)|(?:has|have) not (?:yet )?decided"
    r"|yet to decide|no decision|(?:is|are|was|were|remains?|remained|left)\s+open"
    # asking before deciding: "opened a consultation on extending the higher rate"
    r"|consult(?:s|ed|ing)?\s+on|(?:a|its|the)\s+consultation\s+on|call\s+for\s+evidence"
    # a finding on the way to a decision: "told Alphabet in preliminary findings that ..."
    r"|(?:preliminary|provisional)\s+(?:findings?|views?|assessments?|conclusions?)"
    r"|preliminarily\s+f(?:ound|inds))\b",
    re.IGNORECASE,
)


def undecided(position: str) -> str | None:
    """The words that show ``position`` has not decided (an ask to do it is then only
    related), or None.

    Examples:
        >>> undecided("The government is weighing the recommendation to consult.")
        'weighing'
        >>> undecided("The government will introduce a levy.") is None
        True
    """
    found = _UNDECIDED.search(position)
    return None if found is None else found.group()


@attrs.frozen
class Intent:
    """What an ask wants and the words that say so (``cue`` is "" when unmarked)."""

    kind: IntentKind
    cue: str = ""
    further: bool = False
    """For going beyond: the cue says more of the same ("go further", "not just"), so the
    ask builds on the policy rather than reversing it."""


def ask_intent(text: str, position: str | None = None) -> Intent:
    """Classify ``text`` (an ask) as carrying out, going beyond, or unmarked.

    Going beyond wins when both are present ("finish the job, then go further"). With a
    ``position``, an ask to put something into law ("legislate for", "into law", "on a
    statutory footing") goes beyond a position that does not speak of law at all.

    Examples:
        >>> ask_intent("Ofcom: finalise the livestreaming protections it consulted on").kind
        <IntentKind.CARRY_OUT: 'carry out'>
        >>> ask_intent("the regulator should go further and cut the standing charge").cue
        'go further'
        >>> ask_intent("cap rent rises at inflation").kind
        <IntentKind.UNMARKED: 'unmarked'>
        >>> ask_intent("put the pledge into law", "Ministers pledged to halve it.").cue
        'into law'
        >>> ask_intent("put the pledge into law", "The Act halves it.").kind
        <IntentKind.UNMARKED: 'unmarked'>
    """
    further = _FURTHER.search(text)
    if further is not None:
        return Intent(IntentKind.GO_BEYOND, further.group(), further=True)
    beyond = _INSTEAD.search(text) or _MORE_MONEY.search(text)
    if beyond is None and position is not None and not _STATUTORY.search(position):
        beyond = _INTO_LAW.search(text)
    if beyond is not None:
        return Intent(IntentKind.GO_BEYOND, beyond.group())
    extends = _goes_further(text, position) if position is not None else None
    if extends is not None:
        return Intent(IntentKind.GO_BEYOND, extends)
    carry = _keeps_in_place(text) or _CARRY_OUT.search(text)
    if carry is not None:
        return Intent(IntentKind.CARRY_OUT, carry.group())
    return Intent(IntentKind.UNMARKED)
