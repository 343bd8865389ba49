"""Tests for policytext.disclosure: asks to publish information vs asks about policy."""

from __future__ import annotations

import pytest

from policytext.disclosure import information_ask, scrutiny_ask, speaks_of_reporting
from policytext.result import Verdict
from policytext.score import decide


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The regulator should publish, every month, how many complaints it upheld", "publish"),
        ("Ministers must require each trust to report its waiting times every quarter", "report"),
        ("Parliament should make every insurer disclose what it pays its brokers", "disclose"),
        ("What I want to see is the council publishing its contracts online", "publishing"),
        ("The committee: ask the auditor to estimate the cost of the delay", "estimate"),
        ("The answer is to have the agency report on how the grants were spent", "report"),
        ("the price should be printed on every ticket", "printed"),
        ("Ministers ought to make the register public", "make the register public"),
        ("Parliament: insist on an annual register of every rule it takes on", "an annual"),
        ("It is time for the department to report to Parliament on what it saved", "report"),
    ],
)
def test_information_ask(text: str, verb: str) -> None:
    found = information_ask(text)
    assert found is not None
    assert found.split()[0] == verb.split(maxsplit=1)[0]


@pytest.mark.parametrize(
    "text",
    [
        # publishing a policy or its documents: the ask is about the policy
        "The priority must be to publish the white paper before Christmas",
        "Treasury: publish the final rules by March",
        "ministers should publish it before the recess",
        "The department ought to publish its long-awaited strategy this year",
        # the verb is in a subordinate clause or is a noun
        "The Commission must keep that promise when it publishes the review",
        "rule out any change before the review has reported",
        "Ofcom should act on its annual report",
        "ministers should read the estimate again",
        # other senses
        "Schools must report to the police any threat of violence",
        "The new unit should report to the Home Secretary",
        "cut the charge to zero",
    ],
)
def test_not_information_ask(text: str) -> None:
    assert information_ask(text) is None


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        ("The Act requires the regulator to report on age checks by June.", True),
        ("Operators must publish their performance against the targets.", True),
        ("Firms will have to disclose their fees under the new rule.", True),
        ("A public dashboard tracks the programme's progress.", True),
        ("Providers must keep the personal data they collect to a minimum.", False),
        ("The credit ends for projects that start after July 2026.", False),
        # telling the legislature is reporting to it
        ("The Commission told Parliament and the Council it could not guarantee it.", True),
        ("The minister told journalists the plan was on track.", False),
    ],
)
def test_speaks_of_reporting(position: str, expected: bool) -> None:
    assert speaks_of_reporting(position) is expected


def test_information_ask_against_a_position_on_the_policy_is_novel() -> None:
    verdict, rationale = decide(
        0.55,
        "The ministry should publish every quarter how many homes the fund has paid for",
        "A new fund pays for 20,000 affordable homes over five years.",
    )
    assert verdict is Verdict.NOVEL
    assert '"publish"' in rationale
    assert "publishing or reporting" in rationale


def test_information_ask_against_a_reporting_position_is_not_novel() -> None:
    verdict, _ = decide(
        0.55,
        "The ministry should publish every quarter how many homes the fund has paid for",
        "The fund will publish an annual report on the homes it has paid for.",
    )
    assert verdict is not Verdict.NOVEL


def test_publishing_a_policy_document_keeps_its_verdict() -> None:
    # the ask is about when the policy comes, so the position on it is the subject
    verdict, _ = decide(
        0.55,
        "ministers must publish the white paper before Christmas",
        "The schools white paper is delayed until the new year.",
    )
    assert verdict is not Verdict.NOVEL


@pytest.mark.parametrize(
    ("ask", "cue"),
    [
        ("Diet: hold hearings on why the auctions sent the rice to one buyer", "hold hearings"),
        (
            "MPs: ask the National Audit Office to examine the hotel contracts",
            "ask the National Audit Office to examine",
        ),
        (
            "Ministers should open an independent inquiry into the contracts",
            "open an independent inquiry",
        ),
        ("The regulator must investigate every breach", "investigate"),
        # not scrutiny: a review of the policy itself, or an inquiry only mentioned
        ("The Treasury should review the cap", None),
        ("Ministers should act on the inquiry's findings", None),
    ],
)
def test_scrutiny_asks(ask: str, cue: str | None) -> None:
    assert scrutiny_ask(ask) == cue


def test_a_scrutiny_ask_is_novel_unless_the_position_speaks_of_an_inquiry() -> None:
    ask = "Diet: hold hearings on why the March auctions sent the rice to a single buyer"
    silent = "The ministry is ready to hold a third auction of reserve rice if needed."
    inquiry = "The ministry ordered an investigation into the March auctions."
    assert decide(0.5, ask, silent)[0] is Verdict.NOVEL
    assert decide(0.5, ask, inquiry)[0] is not Verdict.NOVEL


@pytest.mark.parametrize(
    ("ask", "verb"),
    [
        # a body delivering its report on time is not an ask to publish information
        ("We need the Weil commission to report before Christmas", None),
        ("The review should report by March", None),
        ("Ofcom must report on age checks by June", "report"),
        ("The regulator should report every quarter how many fines it issued", "report"),
    ],
)
def test_report_with_a_time_is_the_timing_of_a_report(ask: str, verb: str | None) -> None:
    assert information_ask(ask) == verb


def test_an_inquiry_named_as_a_noun_is_a_scrutiny_ask() -> None:
    ask = "There must be an annual audit of the scheme by the Information Commissioner"
    assert scrutiny_ask(ask) == "an annual audit"
