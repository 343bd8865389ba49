"""Tests for policytext.intent: asks that carry out policy vs asks that go beyond it."""

from __future__ import annotations

import pytest

from policytext.intent import IntentKind, ask_intent, undecided
from policytext.result import Verdict
from policytext.score import decide


@pytest.mark.parametrize(
    "text",
    [
        "Ofcom: finalise the livestreaming protections it consulted on in June",
        "Ofgem must get the first phase running by the spring",
        "ministers must now spend every penny of it in this Parliament",
        "Councils should use every one of those powers",
        "replace it with the permanent price-shock mechanism it consulted on in March",
        "the Home Office must implement the new rules without delay",
        "it must keep enforcing its May warning",
        "the government should stick to its fiscal rules",
        "ministers should honour their pledge on aid",
        "Ministers must keep that promise",
        "Ministers should hold the line on the degree-level threshold",
        "The Commission needs to leave the AI literacy duty exactly where it is",
        "the council should retain the duty",
        "The priority must be to get the trade agreement signed",
        "Let the 2030 settlement stand",
        "Ministers would do well to hold the sanctions date of 1 March",
        "The 92 per cent standard ought to remain the goal for March 2029",
        "the levy should stay at 5 per cent",
        "Ministers must not let the April 2026 start date slip",
    ],
)
def test_carry_out(text: str) -> None:
    assert ask_intent(text).kind is IntentKind.CARRY_OUT


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("the regulator should go further and cut the standing charge", "go further"),
        ("make every further euro conditional on monitoring", "further"),
        ("fund buses rather than roads", "rather than"),
        ("finish the plan and then go further", "go further"),  # going beyond wins
        ("not just consult but legislate", "not just"),
        ("put extra money into the flood defence fund", "extra money"),
        ("Councils need fresh funding for the scheme", "fresh funding"),
    ],
)
def test_go_beyond(text: str, cue: str) -> None:
    intent = ask_intent(text)
    assert (intent.kind, intent.cue) == (IntentKind.GO_BEYOND, cue)


@pytest.mark.parametrize(
    "text",
    [
        "cap rent rises at inflation",
        "restart the talks aimed at a free trade agreement",
        "bar under-16s from social media",
        "spend more than £1bn",  # "more than" a figure is a quantity, not going beyond
        "keep the truce going past 10 November",  # keeping it going longer extends it
        # "keep" that is not the ask's own verb
        "ban smartphones in schools to keep children safe",
        "raise council tax to maintain the services",
        "let councils keep the receipts",
        # "Ministers ... plan" is not "ministers' plan"
        "Ministers ought to plan for the top of that range",
        # using a power for a new purpose or target says what to do with it, not to use it
        "It should use that power for Brazil and Indonesia",
        "She should use those powers to abolish the two-child limit",
    ],
)
def test_unmarked(text: str) -> None:
    intent = ask_intent(text)
    assert (intent.kind, intent.cue) == (IntentKind.UNMARKED, "")


@pytest.mark.parametrize(
    ("ask", "position", "kind"),
    [
        # Putting into law what is only promised or advised goes beyond it.
        ("put the promise to halve pollution into law", "Ministers committed to halve it.", "GO"),
        ("legislate for a single social tariff", "Ministers are weighing a social tariff.", "GO"),
        ("put the ban on a statutory footing", "Schools are advised to ban phones.", "GO"),
        ("give the watchdog a statutory duty to inspect", "The watchdog runs spot checks.", "GO"),
        # ... but not what a law already does.
        ("legislate for a single social tariff", "The Act creates a social tariff.", "UN"),
        # Timing as already planned is carrying out.
        ("bring in the B2 requirement on 8 January as planned", "B2 applies from 8 January.", "CA"),
        ("open the scheme as promised", "The scheme opens in May.", "CA"),
    ],
)
def test_into_law_and_as_planned(ask: str, position: str, kind: str) -> None:
    expected = {"GO": IntentKind.GO_BEYOND, "UN": IntentKind.UNMARKED, "CA": IntentKind.CARRY_OUT}
    assert ask_intent(ask, position).kind is expected[kind]


@pytest.mark.parametrize(
    ("position", "cue"),
    [
        ("The government is weighing the recommendation to consult on it.", "weighing"),
        ("Ministers stand ready to step in if needed.", "stand ready to"),
        ("The cap is kept under review.", "under review"),
        ("Rates after 2030 are left open until the review.", "left open"),
        ("Whether to extend the scheme remains open.", "remains open"),
        ("The two sides will explore a role in the market.", "will explore"),
        ("The government will introduce a levy on fee income.", None),
        ("The Commission proposes a levy on fee income.", None),
    ],
)
def test_undecided_positions(position: str, cue: str | None) -> None:
    assert undecided(position) == cue


def test_an_ask_against_an_undecided_position_is_related() -> None:
    verdict, why = decide(
        0.6, "put Thames Water into special administration", "The government is ready to act."
    )
    assert verdict is Verdict.RELATED
    assert "has not decided" in why


@pytest.mark.parametrize(
    "position",
    [
        "The Government considers the scheme a success and will extend it.",
        "It will keep the energy price cap and will step in with support if needed.",
        "The new route opens in April for applicants already in the country.",
    ],
)
def test_decided_positions_are_not_undecided(position: str) -> None:
    assert undecided(position) is None


@pytest.mark.parametrize(
    ("ask", "position", "cue"),
    [
        (
            "extend the Electric Car Grant to used electric cars",
            "The grant takes £3,750 off the price of new electric cars.",
            "extend the Electric Car Grant to used electric cars",
        ),
        (
            "Ministers: make the £3 bus fare cap permanent",
            "A £3 cap runs to the end of December 2025.",
            "make the £3 bus fare cap permanent",
        ),
        ("make the cap permanent", "The cap is made permanent.", None),
        ("extend the grant to new electric cars", "The grant covers new electric cars.", None),
        # Compared by stem: the position names the same group in the singular.
        ("extend the grant to used cars", "Each used car qualifies for the grant.", None),
        (
            "extend free meals to every child in England",
            "Free meals go to children in England whose parents claim Universal Credit.",
            "extend free meals to every child in England",
        ),
    ],
)
def test_taking_a_policy_to_a_new_group_or_for_good_goes_beyond(
    ask: str, position: str, cue: str | None
) -> None:
    intent = ask_intent(ask, position)
    if cue is None:
        assert intent.kind is not IntentKind.GO_BEYOND
    else:
        assert (intent.kind, intent.cue) == (IntentKind.GO_BEYOND, cue)


def test_further_describing_the_object_is_not_going_further() -> None:
    intent = ask_intent("give workers a right to opt out of further offers", "x")
    assert intent.kind is IntentKind.UNMARKED
    assert not intent.further


@pytest.mark.parametrize(
    "ask",
    [
        "I urge Congress to hold the credits to the schedule it wrote in July",
        "Ministers should deliver the rules it legislated for",
    ],
)
def test_holding_to_what_was_written_is_carrying_it_out(ask: str) -> None:
    assert ask_intent(ask, "x").kind is IntentKind.CARRY_OUT


def test_more_money_does_not_hide_a_reversal() -> None:
    # unlike "go further", more money may still undo a cut: the conflict is checked first
    intent = ask_intent("put more money into youth services", "Youth service grants are cut.")
    assert (intent.kind, intent.further) == (IntentKind.GO_BEYOND, False)


@pytest.mark.parametrize(
    "position",
    [
        "The Treasury opened a consultation on extending the higher rate to all private jets.",
        "Ministers are consulting on a levy on private jets.",
        "The department issued a call for evidence on private jet duty.",
        # a finding on the way to a decision
        "The Commission told Alphabet in preliminary findings that Google Play breaks the rules.",
        "The regulator issued provisional findings against two providers.",
    ],
)
def test_a_consultation_or_a_preliminary_finding_has_not_decided(position: str) -> None:
    assert undecided(position) is not None


def test_a_decision_after_consultation_has_decided() -> None:
    assert undecided("After consultation, the Treasury will extend the higher rate.") is None
