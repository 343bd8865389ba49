"""Tests for policytext.anaphora and the per-ask weights it drives."""

from __future__ import annotations

import pytest

from policytext.anaphora import anaphoric
from policytext.score import DEFAULT_WEIGHTS, Weights, ask_weights


@pytest.mark.parametrize(
    "ask",
    [
        "We must keep that promise",
        "Lawmakers should use it",
        "Councils should use every one of those powers",
        "they should let the Environment Agency impose fines",
        "keep it in public ownership once it is stable",
        "an important step would be to give them a clear route into residence",
        "We need to stop leaving this to the goodwill of individual schools",
    ],
)
def test_asks_that_refer_back(ask: str) -> None:
    assert anaphoric(ask)


@pytest.mark.parametrize(
    "ask",
    [
        "It is time for the President to drop the 10 percent baseline tariff",
        "We need to make it clear that our relationship has never rested on one government",
        "let express carriers use the same duty that postal shipments may now pay",
        "Ofcom: finalise the livestreaming protections it consulted on in June",
        "Parliament: put the phone ban on a statutory footing this session",
        "Ministers should restart the free trade talks with Israel",
    ],
)
def test_asks_that_stand_alone(ask: str) -> None:
    assert not anaphoric(ask)


def test_ask_weights_read_a_referring_ask_in_context() -> None:
    assert ask_weights(DEFAULT_WEIGHTS, False) is DEFAULT_WEIGHTS
    moved = ask_weights(Weights(4, 3, 4, 4), True)
    assert (moved.semantic, moved.context, moved.fuzzy, moved.lexical) == (0, 7, 0, 4)


@pytest.mark.parametrize(
    ("ask", "refers_back"),
    [
        ("It is imperative that lawmakers act now", False),
        ("make this country fairer", False),
        ("fund services such as buses", False),
        ("ensure that schools get the money", False),
        ("repeal the law that Trump signed", False),
        ("see it implemented in full", True),
        ("keep it capped at 2%", True),
    ],
)
def test_review_cases(ask: str, refers_back: bool) -> None:
    assert anaphoric(ask) is refers_back


@pytest.mark.parametrize(
    ("ask", "refers_back"),
    [
        # a relative clause after a noun
        ("CMS: bring the drugs that doctors administer into the third round", False),
        ("reopen the programme to councils that cannot wait for reform", False),
        ("pass the clause in the Bill that lets councils propose new schools", False),
        ("give pills the thirteen years that biologics get", False),
        ("scrap the cap that councils pay", False),
        # a demonstrative after a verb, a preposition, an -ing form or at the start
        ("national capitals should fill that pool with relocation places", True),
        ("revisit that decision and cover obesity drugs", True),
        ("Ministers ought to plan for the top of that range", True),
        ("rule out using that power at Thames", True),
        ("That promise must be kept", True),
        ("Ministers should close that deal this year", True),
    ],
)
def test_demonstrative_that_against_a_relative_clause(ask: str, refers_back: bool) -> None:
    assert anaphoric(ask) is refers_back


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What I want to see is the 10 per cent requirement kept exactly where it is", False),
        ("Ministers should leave the cap where it is", False),
        ("Ministers should keep the rules as they stand", False),
        ("They should leave it where it is", True),
    ],
)
def test_where_it_is_points_at_the_asks_own_object(text: str, expected: bool) -> None:
    assert anaphoric(text) is expected
