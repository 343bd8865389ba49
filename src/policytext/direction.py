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

__all__ = ["Direction", "detect_direction", "opposed"]

# Verbs (as word prefixes) that create, continue or increase what they act on.
_UP = (
    "start",
    "restart",
    "resum",
    "relaunch",
    "launch",
    "reopen",
    "open",
    "continu",
    "maintain",
    "keep",
    "retain",
    "preserv",
    "expand",
    "extend",
    "increas",
    "rais",
    "boost",
    "strengthen",
    "deepen",
    "enhanc",
    "grow",
    "invest",
    "fund",
    "support",
    "back",
    "adopt",
    "introduc",
    "establish",
    "creat",
    "build",
    "approv",
    "grant",
    "restor",
    "reinstat",
    "rejoin",
    "join",
    "accelerat",
    "speed",
    "doubl",
    "tripl",
    "impos",
    "sanction",
    "enforc",
    "tighten",
    "upgrad",
    "resum",
    "renew",
    "reaffirm",
    "commit",
    "pursu",
    "press ahead",
    "go ahead",
    "allow",
    "permit",
    "legislat",
    "recognis",
    "recogniz",
    "ratif",
    "implement",
    "roll out",
    "scale up",
    "step up",
    "widen",
    "broaden",
    "add",
    "more",
    "higher",
)
# Verbs that stop, remove or decrease what they act on.
_DOWN = (
    "suspend",
    "halt",
    "stop",
    "end",
    "paus",
    "freez",
    "cut",
    "reduc",
    "lower",
    "scrap",
    "abolish",
    "repeal",
    "withdraw",
    "cancel",
    "close",
    "ban",
    "prohibit",
    "restrict",
    "limit",
    "lift",
    "eas",
    "relax",
    "loosen",
    "drop",
    "abandon",
    "postpon",
    "delay",
    "shelv",
    "revok",
    "terminat",
    "phase out",
    "wind down",
    "scale back",
    "row back",
    "roll back",
    "slash",
    "cap",
    "block",
    "curb",
    "axe",
    "ditch",
    "exit",
    "leav",
    "remov",
    "fewer",
    "less",
    "lower",
)
# Cues that negate what follows in the clause.
_NEGATORS = (
    "not",
    "n't",
    "never",
    "no longer",
    "refus",
    "rule out",
    "ruled out",
    "rules out",
    "reject",
    "oppos",
    "declin",
    "resist",
    "against",
    "without",
)


def _alternation(words: tuple[str, ...], *, prefix: bool) -> str:
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    tail = r"[a-z]*" if prefix else ""
    return r"\b(?:" + "|".join(parts) + r")" + tail + r"\b"


_UP_RE = re.compile(_alternation(_UP, prefix=True), re.IGNORECASE)
_DOWN_RE = re.compile(_alternation(_DOWN, prefix=True), re.IGNORECASE)
_NEG_RE = re.compile(
    r"(?:\bnot\b|n[’']t\b|\bnever\b|\bno longer\b|\brefus\w*|\brule[sd]? out\b"
    r"|\breject\w*|\boppos\w*|\bdeclin\w*|\bresist\w*)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;:.!?]|\bwhile\b|\bwhereas\b|\bbut\b", re.IGNORECASE)
# Words the verb lists would catch by prefix but that carry no direction.
_FALSE_FRIENDS = frozenset(
    {
        "ending",
        "endorse",
        "endorsed",
        "endorses",
        "endorsing",
        "endeavour",
        "endure",
        "enduring",
        "openly",
        "startup",
        "startups",
        "backed",
        "background",
        "backlash",
        "capital",
        "capacity",
        "capability",
        "capabilities",
        "cape",
        "addition",
        "additional",
        "address",
        "addressing",
        "eastern",
        "easy",
        "easily",
        "limited",
        "closely",
        "closer",
        "leading",
        "leader",
        "leaders",
        "fundamental",
        "fundamentally",
        "supporter",
        "supporters",
        "banking",
        "bank",
        "banks",
        "commitment",
        "commitments",
        "committee",
        "opening",
        "grownup",
        "keeping",
        "morel",
        "moreover",
        "dropped",
        "stopgap",
        "cutting",
        "edge",
        "raising",
        "leaving",
        "starting",
    }
)
_FRIEND_OK = frozenset(
    {
        "backed",
        "dropped",
        "keeping",
        "leaving",
        "raising",
        "cutting",
        "starting",
        "ending",
        "opening",
    }
)


@attrs.frozen
class Direction:
    """The direction of a clause and the evidence for it.

    Attributes:
        sign: +1 (start, raise, keep ...), -1 (stop, cut, lift ...), 0 (none found).
        verb: the word that set the direction, as written ("" when none).
        negated: whether a negation ("not", "ruled out", ...) flipped it.
        start: offset of ``verb`` in the analysed text (-1 when none).
    """

    sign: int
    verb: str = ""
    negated: bool = False
    start: int = -1

    def describe(self) -> str:
        """A short phrase for rationales, e.g. ``'"not resume" (down)'``."""
        if not self.sign:
            return "no clear direction"
        word = f"not {self.verb}" if self.negated else self.verb
        return f'"{word}" ({"up/on" if self.sign > 0 else "down/off"})'


def _first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    for match in pattern.finditer(text):
        word = match.group().lower()
        if word in _FALSE_FRIENDS and word not in _FRIEND_OK:
            continue
        return match
    return None


def detect_direction(text: str) -> Direction:
    """Return the direction of the first directional verb in ``text``.

    Examples:
        >>> detect_direction("restart the talks on a free trade agreement").sign
        1
        >>> detect_direction("The UK has suspended free trade talks with Israel.").sign
        -1
        >>> d = detect_direction("Ministers have ruled out rejoining the customs union.")
        >>> d.sign, d.negated
        (-1, True)
    """
    up = _first(_UP_RE, text)
    down = _first(_DOWN_RE, text)
    candidates = [m for m in (up, down) if m is not None]
    if not candidates:
        return Direction(0)
    verb = min(candidates, key=lambda m: m.start())
    sign = 1 if verb is up else -1
    # Negation counts only within the same clause, before the verb.
    clause_start = 0
    for end in _CLAUSE_END.finditer(text, 0, verb.start()):
        clause_start = end.end()
    negated = _NEG_RE.search(text, clause_start, verb.start()) is not None
    return Direction(-sign if negated else sign, verb.group(), negated, verb.start())


def opposed(a: Direction, b: Direction) -> bool:
    """True when both have a direction and the directions differ."""
    return a.sign != 0 and b.sign not in (0, a.sign)
