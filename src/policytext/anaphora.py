"""Does an ask lean on the sentence before it?

"We must keep that promise", "Lawmakers should use it", "they should let the Environment
Agency fine": such an ask says little on its own; what it is about is in the sentence
before. The matcher then scores the ask read in context instead of the ask alone
(:func:`policytext.score.ask_weights`). Pure Python, rule based.
"""

from __future__ import annotations

import re

from policytext.text import NECESSITY_ADJECTIVES

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
    r"|\b(?:ensure|ensures|make sure|say|says|show|shows|insist|accept|admit|recognise"
    r"|recognize|require|requires|demand|guarantee|argue|clear)\s+that\b",
    re.IGNORECASE,
)
# Pronouns that point back ("use it", "give them", "those powers"), and a subject pronoun
# that opens the ask ("they should ...", "It should use ...").
_POINTER = re.compile(
    r"\b(?:it|them|these|those|this|such)\b|^\W*(?:they|he|she|it)\b", re.IGNORECASE
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
    """
    text = _NOT_BACK.sub(" ", _DUMMY_IT.sub(" ", ask))
    return _POINTER.search(text) is not None or _THAT.search(text) is not None
