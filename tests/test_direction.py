"""Tests for policytext.direction: up/down verbs, negation, opposition."""

from __future__ import annotations

import pytest

from policytext.direction import detect_direction, opposed


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("restart the talks aimed at securing a free trade agreement", 1),
        ("The UK has suspended negotiations on a free trade agreement.", -1),
        ("raise the minimum wage", 1),
        ("The Treasury cut the aid budget to 0.3% of GNI.", -1),
        ("repeal the two-child limit", 1),  # less limit, more benefit
        ("The government will keep the two-child limit.", -1),
        ("impose a ban on disposable vapes", -1),
        ("lift the ban on onshore wind", 1),  # reverses a stopper: more wind
        ("The government lifted the de facto ban on onshore wind.", 1),
        ("Ministers will grant no new licences.", -1),
        ("lift the cap on bankers' bonuses", 1),
        ("impose sanctions on the regime", 1),
        ("Ministers will not resume arms sales.", -1),
        ("The government has ruled out rejoining the customs union.", -1),
        ("The weather is nice.", 0),
    ],
)
def test_sign(text: str, sign: int) -> None:
    assert detect_direction(text).sign == sign


def test_negation_does_not_cross_clauses() -> None:
    d = detect_direction("This is not new; ministers should restart the talks.")
    assert (d.sign, d.negated) == (1, False)


def test_opposed_needs_two_directions() -> None:
    up, down, none = (detect_direction(t) for t in ("restart talks", "suspend talks", "talks"))
    assert opposed(up, down)
    assert not opposed(up, up)
    assert not opposed(up, none)


def test_describe_mentions_the_verb() -> None:
    assert "suspended" in detect_direction("The UK suspended talks.").describe()
    assert detect_direction("nothing here").describe() == "no clear direction"


def test_same_amount_spelled_two_ways_is_no_conflict() -> None:
    from policytext.direction import conflict

    assert conflict("cap rent rises at 5%", "Rent rises will be capped at 5 per cent.") is None
    assert conflict("fund £1bn of repairs", "The government funds £1 billion of repairs.") is None
    assert conflict("end the levy in 2026", "The levy ends in 2030.") is not None


def test_infinitive_after_a_noun_sets_no_direction() -> None:
    assert detect_direction("forces played a part in efforts to stop escalation").sign == 0
    assert detect_direction("Ministers plan to stop the scheme").sign == -1
