"""Does an ask lean on the sentence before it?

"We must keep that promise", "Lawmakers should use it", "they should let the Environment
Agency fine": such an ask says little on its own; what it is about is in the sentence
before. The matcher then scores the ask read in context instead of the ask alone
(:func:`policytext.score.ask_weights`). Pure Python, rule based.
"""

from __future__ import annotations

import re

from policytext.text import BASE_VERBS, NECESSITY_ADJECTIVES

__all__ = ["anaphoric"]

# "it" that points at nothing: "it is time to", "make it clear that".
_DUMMY_IT = re.compile(
    r"\bit(?:\s+is|\s+was|[’']s)\s+(?:(?:now|surely|high|therefore|also)\s+)?"
    rf"(?:time|{NECESSITY_ADJECTIVES}|clear|right|wrong|possible|worth)\b(?:\s+that\b)?"
    r"|\bmake\s+it\s+\w+",
    re.IGNORECASE,
)
# Deixis of time ("this session", "next winter") and "it" as the subject of a reduced
# relative clause, which points at a noun of the same sentence ("the mechanism it consulted
# on", "the licences it began issuing").
_NOT_BACK = re.compile(
    r"\b(?:this|that|these|those)\s+(?:session|year|years|week|weeks|month|months|winter|summer"
    r"|spring|autumn|fall|parliament|term|time|decade|century|morning|evening|quarter|country"
    r"|nation|place|house|chamber)\b|\bsuch\s+as\b"
    # "it" after a noun, as the subject of a reduced relative clause; not after a verb that
    # takes it as its object ("see it implemented", "keep it capped")
    r"|(?<!\bsee )(?<!\bkeep )(?<!\bget )(?<!\bhave )(?<!\bmake )(?<!\bleave )(?<!\bfind )"
    r"(?<!\bwant )(?<!\bneed )(?<!\bhold )(?<!\bset )(?<!\bput )(?<!\buse )"
    r"\bit\s+(?:\w+ed|began|made|set|took|gave|wrote|said|sent|found|knows|wants)\b"
    # a complement clause: "ensure that schools get the money"
    # the ask's own object in its current state: "kept exactly where it is", "as they stand"
    r"|\b(?:where|as)\s+(?:it|they)\s+(?:is|are|stands?|was|were)\b"
    r"|\b(?:ensure|ensures|make sure|say|says|show|shows|insist|accept|admit|recognise"
    r"|recognize|require|requires|demand|guarantee|argue|clear)\s+that\b",
    re.IGNORECASE,
)
# Pronouns that point back ("use it", "give them", "those powers"), and a subject pronoun
# or demonstrative that opens the ask ("they should ...", "It should use ...", "That promise
# must be kept").
_POINTER = re.compile(
    r"\b(?:it|them|these|those|this|such)\b|^\W*(?:they|he|she|it|that)\b", re.IGNORECASE
)
# Demonstrative "that" + noun ("that promise", "that power at Thames"), as opposed to a
# relative or complement clause ("the duty that postal shipments may pay", "clear that our
# ..."): a clause has its own subject, so a modal or finite verb follows within two words.
_THAT = re.compile(
    r"\bthat\s+(?!(?:the|a|an|our|their|his|her|its|it|they|we|you|he|she|this|these|those"
    r"|there|no|every|all|any|some|is|are|was|were)\b|\w+ing\b)"
    r"(?!(?:\S+\s+){0,2}(?:may|might|must|can|could|will|would|should|shall|is|are|was|were"
    r"|has|have|had|do|does|did|\w+ed)\b)\w+",
    re.IGNORECASE,
)


# A demonstrative "that" follows a verb ("keep that promise", "using that power"), a
# preposition ("the top of that range") or nothing, or its noun is followed by a preposition,
# a conjunction or the end ("fill that pool with ...", "revisit that decision and ...").
# Otherwise "that" opens a relative clause ("the drugs that doctors administer", "councils
# that cannot wait", "the clause that lets councils ...").
_PREPOSITIONS = frozenset(
    """
    of for to on in with at by from about into onto under over through behind beyond across
    against without within after before than like as beside despite towards toward via
    """.split()  # noqa: SIM905  # a word list reads better as text
)
_AFTER_NOUN = _PREPOSITIONS | {"and", "or", "but", "so", "once", "until", "when", "while"}
_DETERMINERS = frozenset("the a an this its their our his her my your every each any no".split())  # noqa: SIM905
_WORD_BEFORE = re.compile(r"([\w’'-]+)\W*$")
_TWO_WORDS_AFTER = re.compile(r"\s+([\w’'-]+)(?:\s+([\w’'-]+))?")


def _demonstrative(text: str, at: int, end: int) -> bool:
    """Whether the "that" at ``text[at:end]`` points back rather than opening a clause."""
    before = _WORD_BEFORE.search(text, 0, at)
    if before is None or re.search(r"[:;,.!?–—]\s*$", text[:at]):
        return True
    word = before.group(1).lower()
    if word in _PREPOSITIONS or word.endswith("ing"):
        return True
    if word in BASE_VERBS:
        # "the cap that ...": a verb-like word after a determiner is a noun
        earlier = _WORD_BEFORE.search(text, 0, before.start(1))
        if earlier is None or earlier.group(1).lower() not in _DETERMINERS:
            return True
    after = _TWO_WORDS_AFTER.match(text, end)
    return after is not None and (after.group(2) is None or after.group(2).lower() in _AFTER_NOUN)


def anaphoric(ask: str) -> bool:
    """True when ``ask`` refers back to something named before it.

    Examples:
        >>> anaphoric("We must keep that promise"), anaphoric("Lawmakers should use it")
        (True, True)
        >>> anaphoric("It is time for the President to drop the 10 percent baseline tariff")
        False
        >>> anaphoric("let carriers pay the same duty that postal shipments may now pay")
        False
        >>> anaphoric("Ofcom: finalise the protections it consulted on this session")
        False
        >>> anaphoric("CMS: bring the drugs that doctors administer into the third round")
        False
        >>> anaphoric("Ministers ought to plan for the top of that range")
        True
    """
    text = _NOT_BACK.sub(" ", _DUMMY_IT.sub(" ", ask))
    if _POINTER.search(text) is not None:
        return True
    return any(_demonstrative(text, m.start(), m.start() + 4) for m in _THAT.finditer(text))
