"""Asks for information: publish, report, disclose; and asks for scrutiny: hold hearings,
open an inquiry, audit.

An ask to publish figures ("publish, every quarter, how many claims were paid") is about a
reporting duty, not about the policy the figures describe. A position on that policy shares
its words, so similarity ranks it high, but it does not address whether anything is to be
published: unless it speaks of publishing or reporting, no position addresses the ask.
Asks to publish a policy itself ("publish the white paper before Christmas", "publish the
rules") are about that policy's timing and are not asks for information. An ask for
scrutiny ("hold hearings on why the auctions went to one buyer") is likewise about an
inquiry, not about the policy inquired into. Pure Python, rule based.
"""

from __future__ import annotations

import re

__all__ = ["information_ask", "scrutiny_ask", "speaks_of_reporting", "speaks_of_scrutiny"]

_VERB = (
    r"publish(?:es|ed|ing)?|disclos(?:e|es|ed|ing)|report(?:s|ed|ing)?|print(?:s|ed|ing)?"
    r"|estimat(?:e|es|ed|ing)|make\s+(?:[\w-]+\s+){0,4}?public|lay\s+before"
)
# "report to Parliament" is reporting; "report to the minister", "report back" are not.
_LEGISLATURE = (
    r"(?:Parliament|Congress|MPs|lawmakers|legislators|the\s+(?:House|Commons|Lords|Senate"
    r"|Assembly|Oireachtas|Bundestag|legislature|(?:[\w-]+\s+)?[Cc]ommittee))\b"
)
# The verb of the ask, or the verb of what the actor is to make someone else do ("direct
# the commission to publish", "make every company disclose", "eSafety publishing").
_INFORMATION = re.compile(
    rf"(?<![\w-])(?:{_VERB})\b(?!\s+(?:to|for|back)\b(?!\s+{_LEGISLATURE}))"
    # or a regular publication as the object: "insist on an annual register of ..."
    r"|\b(?:an?|one)\s+(?:annual|yearly|quarterly|monthly|weekly|public|regular|published)\s+"
    r"(?:register|report|statement|audit|dashboard|tally|account|list|update)\b",
    re.IGNORECASE,
)
# A subordinate clause: "when it publishes the review" is not what the ask wants done.
_SUBORDINATE = re.compile(
    r"\b(?:when|once|before|after|until|till|as\s+soon\s+as|if|unless|while|whether|which"
    r"|who)\b[^,;:]*$",
    re.IGNORECASE,
)
# A determiner or modifier before the word makes it a noun ("its annual report").
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|annual|quarterly|final|interim|first"
    r"|latest|[\w]+-[\w]+)\s+$",
    re.IGNORECASE,
)
# Publishing a policy or one of its documents: the ask is about the policy's timing.
_POLICY_DOCUMENT = re.compile(
    r"\s+(?:it|them)\b"
    r"|\s*(?:(?:the|its|their|his|her|a|an|this|that|these|those|any|new|final|full"
    r"|long-awaited|promised|delayed|draft|overdue|revised|updated)\s+)*"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:white\s+papers?|green\s+papers?|rules?|guidance|regulations?|plans?|strateg(?:y|ies)"
    r"|bills?|consultations?|responses?|roadmaps?|timetables?|proposals?|legislation|codes?"
    r"|reviews?)\b",
    re.IGNORECASE,
)
# "report" with no object, then a time: a body delivering its report, not publishing data.
_REPORT_WHEN = re.compile(
    r"\s*(?:$|[,.;]|(?:back\s+)?(?:before|by|within|in|next|this|early|soon|quickly|promptly"
    r"|on\s+time)\b)",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:publish\w*|report\w*|disclos\w*|transparen\w*|statistics|dashboards?"
    r"|registers?|publicly|ma(?:de|ke|kes|king)\s+(?:[\w-]+\s+){0,4}?public"
    # telling the legislature is reporting to it: "told Parliament and the Council that ..."
    r"|(?:told|tells|informed|informs|notified|notifies|briefed|briefs|wrote\s+to)\s+(?:the\s+)?"
    r"(?:parliament|congress|mps|meps|senators|lawmakers|legislators|(?:\w+\s+)?committee"
    r"|(?:european\s+)?council|member\s+states))\b",
    re.IGNORECASE,
)


def information_ask(text: str) -> str | None:
    """The verb ("publish") or regular publication ("an annual register") that makes
    ``text`` (an ask) an ask to publish information, or None.

    Examples:
        >>> information_ask("Congress should direct the commission to publish, every quarter, "
        ...                 "an estimate of the cost")
        'publish'
        >>> information_ask("The priority must be to publish the white paper before Christmas")
        >>> information_ask("The Commission must keep that promise when it publishes the review")
    """
    for found in _INFORMATION.finditer(text):
        before = text[: found.start()]
        if _SUBORDINATE.search(before) or _NOUN_BEFORE.search(before):
            continue
        publication = found.group()[:1].lower() in "ao"  # "an annual register": no object
        if not publication and _POLICY_DOCUMENT.match(text, found.end()):
            continue
        if found.group().lower().startswith("report") and _REPORT_WHEN.match(text, found.end()):
            continue  # "the commission to report before Christmas": its report's timing

        return found.group()
    return None


def speaks_of_reporting(position: str) -> bool:
    """Whether ``position`` says anything about publishing, reporting or disclosure.

    Examples:
        >>> speaks_of_reporting("Ofcom must report on age assurance by June 2026.")
        True
        >>> speaks_of_reporting("The credit ends for projects started after July 2026.")
        False
    """
    return _REPORTING.search(position) is not None


# An inquiry the ask wants held: "hold hearings on", "open an independent inquiry into",
# "ask the National Audit Office to examine", "audit every contract".
_SCRUTINY = re.compile(
    r"\b(?:(?:hold|launch|open|commission|set\s+up|order|establish|convene)\s+"
    r"(?:(?:an?|public|independent|full|formal|urgent|judge-led|statutory|annual)\s+)*"
    r"(?:hearings?|inquiry|inquiries|investigation|audit)"
    r"|ask\s+(?:the\s+)?(?:[\w’'-]+\s+){1,5}?to\s+(?:examine|investigate|audit|inquire)"
    r"|investigate|audit)\b"
    # or an inquiry as the thing asked for: "There must be an annual audit of the scheme"
    r"|\b(?:an?|one)\s+(?:(?:annual|yearly|independent|public|full|formal|statutory|regular"
    r"|quarterly|judge-led|urgent)\s+)+(?:audit|inquiry|review|investigation|hearings?)\b",
    re.IGNORECASE,
)
_SPEAKS_OF_SCRUTINY = re.compile(
    r"\b(?:hearings?|inquir(?:y|ies|e|ed)|investigat\w*|review\w*|audit\w*|examin\w*"
    r"|scrutin\w*|probe[sd]?|probing)\b",
    re.IGNORECASE,
)


def scrutiny_ask(text: str) -> str | None:
    """The words that make ``text`` (an ask) an ask for an inquiry, hearing or audit, or
    None.

    Examples:
        >>> scrutiny_ask("Diet: hold hearings on why the auctions went to a single buyer")
        'hold hearings'
        >>> scrutiny_ask("The Treasury should review the cap") is None
        True
    """
    for found in _SCRUTINY.finditer(text):
        before = text[: found.start()]
        inquiry_noun = found.group()[:1].lower() in "ao"  # "an annual audit": a noun phrase
        if _SUBORDINATE.search(before) or (_NOUN_BEFORE.search(before) and not inquiry_noun):
            continue
        return found.group()
    return None


def speaks_of_scrutiny(position: str) -> bool:
    """Whether ``position`` says anything about an inquiry, hearing, review or audit.

    Examples:
        >>> speaks_of_scrutiny("The minister ordered an investigation into the auctions.")
        True
        >>> speaks_of_scrutiny("The ministry sold 212,000 tonnes of reserve rice.")
        False
    """
    return _SPEAKS_OF_SCRUTINY.search(position) is not None
