"""Tests for policytext.direction: up/down verbs, negation, opposition."""

from __future__ import annotations

import time

import pytest

from policytext.direction import ask_direction, conflict, detect_direction, opposed
from policytext.result import Verdict
from policytext.score import decide


def assert_reason(ask: str, position: str, reason: str | None) -> None:
    """``conflict`` finds no reason (``reason`` None) or one that mentions ``reason``."""
    found = conflict(ask, position)
    if reason is None:
        assert found is None
    else:
        assert found is not None
        assert reason in found


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


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("bar under-16s from holding accounts", -1),
        ("There is a case for ending the practice of equity stakes", -1),
        ("The scheme ends in 2030; ministers will raise funding.", -1),  # "ends" before a time
        ("The ends of the scheme are clear; ministers will raise funding.", 1),  # a noun
        ("Reform UK should drop its pledge to repeal the Act", 1),  # undoing a repeal keeps it
        ("drop the plan to expand the airport", -1),
        ("back the government's plan to scrap the levy", -1),
        ("say in the report whether the loophole is being closed", 0),
    ],
)
def test_sign_of_harder_wording(text: str, sign: int) -> None:
    assert detect_direction(text).sign == sign


def test_remove_marks_verbs_that_undo_outright() -> None:
    assert detect_direction("withdraw the provision").remove
    assert detect_direction("repeal the Act").remove
    assert not detect_direction("cut the standing charge").remove
    assert not detect_direction("ban disposable vapes").remove
    assert not detect_direction("drop its pledge to repeal the Act").remove


def test_removal_against_a_position_that_puts_it_in_place_is_a_conflict() -> None:
    from policytext.direction import conflict

    position = "The proposed rules would give states a legal basis to use return hubs."
    assert "withdraw" in (conflict("withdraw the return-hubs provision", position) or "")
    # a position that itself negates is not "putting in place"
    assert conflict("withdraw the provision", "There is no provision on return hubs.") is None
    # decreasing is not undoing
    assert conflict("cut the standing charge", "Suppliers must offer a tariff.") is None


@pytest.mark.parametrize(
    ("ask", "position", "divergent"),
    [
        # Undoing an announced act reverses the position stating it, whatever its direction.
        (
            "drop its threat to steer federal funding away from states",
            "Agencies should limit such funding where state rules are burdensome.",
            True,
        ),
        ("abandon the plan to tax sugary drinks", "A levy on sugary drinks will apply.", True),
        # ... but not a position that itself undoes or denies it.
        ("drop its threat to steer funding away", "The threat was withdrawn in May.", False),
        ("drop its threat to steer funding away", "Ministers will not limit funding.", False),
        # A removal ask aimed at the activity, not at an act, stays with the direction rule.
        ("stop arms exports to the region", "The UK restricts arms export licences.", False),
    ],
)
def test_undoing_an_announced_act(ask: str, position: str, divergent: bool) -> None:
    assert (conflict(ask, position) is not None) is divergent


@pytest.mark.parametrize(
    ("ask", "position", "reason"),
    [
        (
            "Ms Reynolds needs to rule out using that power at Thames",
            "The Secretary of State may require the company to raise charges.",
            "rules out",
        ),
        ("it must not let the cost be clawed back", "The cost is spread over bills.", "rules out"),
        # A negation inside a complement is not the ask declining.
        ("make the bill, not the target, the measure", "The target is 95% by 2030.", None),
        ("say that ties have never rested on one government", "The UK wants friendship.", None),
        ("admit that rent controls will not work and build homes", "Councils build homes.", None),
        # Both declining is agreement.
        ("rule out nationalising the companies", "The government will not nationalise them.", None),
        # A position that declines is not matched against an affirmative ask: the declined
        # verb is often itself negative ("will not break the rules"), so this rule was
        # dropped after review.
        ("stick with the fiscal rules", "She will not break the fiscal rules.", None),
        ("keep Thames Water in public ownership", "The government will not nationalise.", None),
        # Refusing any change asks to keep things as they are.
        ("rule out any change to eligibility", "The eligibility clause is taken out.", None),
        # turning a thing down as the ask's own verb
        (
            "Ministers should reject the pay review body's recommendation",
            "The government accepts the pay review body's award in full.",
            "rules out",
        ),
        ("reject the proposal", "The government rejected the proposal.", None),
    ],
)
def test_refusals(ask: str, position: str, reason: str | None) -> None:
    assert_reason(ask, position, reason)


@pytest.mark.parametrize(
    ("ask", "verb"),
    [
        ("The Treasury should end the levy in 2026", "end"),
        ("It is time to think again and cap rises within a tenancy", "cap"),
        ("I urge ministers to restart licensing", "restart"),
        ("Commerce: keep that offset in place until 2030", "keep"),
        # A direction verb deep in the object is not what the ask asks.
        ("An important step would be to take the foods farms cannot grow out of tariffs", ""),
        ("give councils the data that landlords must register", ""),
    ],
)
def test_ask_direction_is_its_own_verb(ask: str, verb: str) -> None:
    assert ask_direction(ask).verb == verb


@pytest.mark.parametrize(
    "position",
    [
        "The agency may fine companies, with a cap of £350,000 on such penalties.",
        "The scheme, an upgraded agreement, runs to 2030.",
    ],
)
def test_a_word_after_a_determiner_is_not_the_verb(position: str) -> None:
    assert detect_direction(position).sign == 0


def test_going_further_is_not_a_reversal() -> None:
    verdict, why = decide(
        0.57,
        "the regulator should go further and cut the standing charge on the default tariff",
        "Suppliers must offer a low standing charge tariff; the default tariff would keep its own.",
    )
    assert verdict is Verdict.RELATED
    assert "go further" in why


@pytest.mark.parametrize(
    ("ask", "position", "reason"),
    [
        # Number words and hyphenated units are figures too.
        ("settle on the five-year terms", "Care workers start from a 15-year period.", "5year"),
        ("keep detention at eighteen months", "Detention may last up to 24 months.", "18month"),
        # A percentage point and a per cent of the same size name the same rise.
        ("cap rises at CPI plus one percentage point", "Rents may rise by CPI + 1 per cent.", None),
        ("set the tariff at 25 percent", "The tariff is 50% on steel.", "25%"),
        # Figures of different kinds (time vs money) do not contradict each other.
        ("have the factories producing within two years", "£1.5bn will fund six factories.", None),
        ("raise it to £5bn within two years", "It gets £3bn over two years.", "£5bn"),
        # A figure a change leaves behind is no longer stated; a period's bounds both are.
        ("Extend the deadline to 2030", "The deadline is moved from 2030 to 2027.", "2030"),
        ("set the wage at £12", "The wage is raised from £12 to £12.71 an hour.", "£12"),
        ("introduce the levy in 2026", "The levy applies from 2026 to 2030.", None),
        # Energy, power, mass and days are figures, each of its own kind.
        ("cover only the first 20 kilowatt-hours", "Batteries up to 50 kWh qualify.", "20 kWh"),
        # a scale word before a unit multiplies it, and the rationale spells it out
        (
            "The 2026 target should sit at 7.5 million tonnes",
            "Output for 2026 is set at 7.11 million tonnes, below the 7.48 million tonne crop.",
            "the ask says 7.5 million tonnes",
        ),
        ("store 1.5 million tonnes", "The reserve holds 1,500,000 tonnes.", None),
        ("cover the first 50 kilowatt-hours", "Batteries up to 50 kWh qualify.", None),
        ("build 2 gigawatts of storage", "Five gigawatts are planned.", "2gw"),
        ("decide appeals within 14 days", "Appeals are decided within 28 days.", "14day"),
        ("cap the subsidy at 20 kWh", "The subsidy costs £2bn.", None),
        # Spans of time are compared in days, whatever unit names them.
        ("The grace period should be three months", "A flat one-year postponement.", "3month"),
        ("The grace period should be twelve months", "A flat one-year postponement.", None),
        ("decide within 26 weeks", "Decisions come within six months.", None),
    ],
)
def test_figures_in_conflict(ask: str, position: str, reason: str | None) -> None:
    assert_reason(ask, position, reason)


@pytest.mark.parametrize(
    ("ask", "position"),
    [
        ("I'd like to see the government scrap the two-child limit", "It will keep the limit."),
        ("It is imperative that lawmakers repeal the Act", "The Act was introduced in 2024."),
        ("We need ministers to restart the talks", "The UK suspended the talks."),
        ("The onus is now on the Treasury to scrap the levy", "The Treasury will keep the levy."),
        ("Ministers should, as a matter of urgency, restart the talks", "The UK suspended them."),
        ("Scrap the levy: it punishes savers", "The levy was introduced in April."),
    ],
)
def test_opposite_verbs_after_any_ask_cue(ask: str, position: str) -> None:
    assert conflict(ask, position) is not None


@pytest.mark.parametrize(
    "ask",
    [
        "Restart the talks rather than freezing them indefinitely",
        "scrap the levy instead of raising it",
        "Ministers should scrap the statutory levy",
    ],
)
def test_contrast_and_law_words_do_not_hide_a_reversal(ask: str) -> None:
    position = "The UK suspended the talks." if "talks" in ask else "It will keep the levy."
    assert decide(0.6, ask, position)[0] is Verdict.DIVERGENT


@pytest.mark.parametrize(
    ("ask", "position", "conflicting"),
    [
        ("settle after twenty-five years", "They may settle after 25 years.", False),
        ("cap the rise at forty-five per cent", "The rise is capped at 45%.", False),
        ("finish within two years", "One year on, the government has spent £1.5bn.", False),
        ("finish within two years", "The work will take five years.", True),
    ],
)
def test_number_words(ask: str, position: str, conflicting: bool) -> None:
    assert (conflict(ask, position) is not None) is conflicting


def test_long_runs_of_digits_are_read_in_linear_time() -> None:
    text = "1," * 25_000
    started = time.perf_counter()
    conflict(text, text)
    assert time.perf_counter() - started < 5  # 36 s before the possessive number pattern


@pytest.mark.parametrize(
    ("ask", "position", "reason"),
    [
        # dropping a proposal reverses it, whatever the proposal's own direction
        (
            "drop the proposal to stop paying the element to under-22s",
            "The government consults on raising the minimum age for the element to 22.",
            'the ask would undo ("drop") what the position puts in place',
        ),
        # putting something back reverses its withdrawal
        (
            "put the AI liability directive back on the table",
            "The Commission formally withdrew its proposal for the directive.",
            'the ask says "put the AI liability directive back" (up/on), the position says '
            '"withdrew" (down/off)',
        ),
        ("bring back the winter fuel payment", "The payment was scrapped.", "scrapped"),
        # pressing on with a bid is a direction even though what the bid is for is not
        (
            "stop holding out for Adelaide",
            "The government keeps pressing its bid to bring the summit to Adelaide.",
            "keeps",
        ),
    ],
)
def test_undoing_proposals_and_restoring(ask: str, position: str, reason: str) -> None:
    found = conflict(ask, position)
    assert found is not None
    assert reason in found


@pytest.mark.parametrize(
    ("ask", "position", "conflicting"),
    [
        # keeping a level: any change reverses it
        ("keep the ceiling on detention at 18 months", "The proposal lengthens detention.", True),
        ("keep the rules as they are", "The proposal lengthens detention.", True),
        ("maintain the state pension age", "The state pension age is raised to 67.", True),
        # keeping a thing: more of it is no reversal
        ("protect the funding for the guarantee", "Extra money expands the guarantee.", False),
        ("at least keep the scheme open", "The scheme is expanded to Wales.", False),
    ],
)
def test_keeping_against_a_change(ask: str, position: str, conflicting: bool) -> None:
    assert (conflict(ask, position) is not None) is conflicting


@pytest.mark.parametrize(
    ("ask", "position"),
    [
        # the position already opposes or dropped the plan the ask wants dropped
        ("drop the plan to cut the aid budget", "Ministers will increase the aid budget."),
        ("abandon the proposal to close the office", "The office will stay open."),
        ("drop the plan to stop paying under-22s", "The government has withdrawn the plan."),
    ],
)
def test_dropping_a_plan_agrees_with_a_position_against_it(ask: str, position: str) -> None:
    assert conflict(ask, position) is None


@pytest.mark.parametrize(
    ("ask", "position", "reason"),
    [
        (
            "rule out any further cuts to the aid budget",
            "The aid budget will be cut to 0.3% of GNI.",
            'the ask rules out the change the position makes ("cut")',
        ),
        (
            "rule out any change to PIP eligibility",
            "The government will tighten PIP eligibility.",
            'the ask rules out the change the position makes ("tighten")',
        ),
        ("rule out any change to PIP eligibility", "The clause is taken out of the bill.", None),
    ],
)
def test_refusing_change_against_a_change(ask: str, position: str, reason: str | None) -> None:
    assert conflict(ask, position) == reason


@pytest.mark.parametrize(
    ("ask", "position", "reason"),
    [
        (
            "make scope 1 and 2 emissions something the decision-maker must weigh",
            "The disclosure is for information only and is not weighed in the decision.",
            'the ask would "weigh", the position says "not weighed"',
        ),
        (
            "Ministers should open talks on a multi-year pay deal",
            "The government will not reopen the pay award.",
            'the ask would "open", the position says "not reopen"',
        ),
        (
            "The regulator should publish the audits",
            "The regulator won't publish individual audits.",
            'the ask would "publish", the position says "won\'t publish"',
        ),
        # the ask agrees: it does not want the act either
        ("Ministers must not weigh the disclosures", "The disclosures are not weighed.", None),
        # undoing a pledge to do what the position rules out agrees with it
        ("Reform UK should drop its pledge to repeal the Act", "We will not repeal the Act.", None),
        # a noun of the same stem is not the act
        ("fill that pool with relocation places", "Asylum seekers are not relocated.", None),
        # "not only", "not yet decided" and general verbs carry no stance
        ("expand the scheme to renters", "The scheme not only helps owners.", None),
        ("decide on the levy this year", "Ministers have not yet decided on a levy.", None),
        ("apply the cap to renters", "The cap does not apply to renters.", None),
        # turning a thing down is not accepting it
        (
            "Ministers should adopt the committee's recommendation",
            "The government rejected the committee's recommendation.",
            'the ask would "adopt", the position says "rejected"',
        ),
    ],
)
def test_an_act_the_position_negates(ask: str, position: str, reason: str | None) -> None:
    assert conflict(ask, position) == reason


def test_no_more_than_is_a_quantity_not_a_negation() -> None:
    position = "Overseas recruits will make up no more than one in ten of new hires."
    assert conflict("The one-in-ten ceiling should be dropped", position) == (
        'the ask would undo ("dropped") what the position puts in place'
    )
    assert not detect_direction("The levy is capped at not more than £5.").negated


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Aid falls from 0.5% to 0.3% of national income by 2027.", -1),
        ("The levy rises by £2 a year.", 1),
        ("Spending dropped to £3bn.", -1),
        ("The cost falls to councils.", 0),  # who pays, not which way
        ("The decision falls to the minister.", 0),
    ],
)
def test_quantities_that_move_by_themselves(text: str, sign: int) -> None:
    assert detect_direction(text).sign == sign


@pytest.mark.parametrize(
    ("ask", "position", "conflicting"),
    [
        (
            "Britain must keep military aid at no less than £3 billion a year",
            "The UK will provide at least £3bn a year in military support until 2031.",
            False,
        ),
        ("keep the rate at 5%", "The rate rises from 5% to 7% next year.", True),
    ],
)
def test_keeping_the_level_the_position_states(ask: str, position: str, conflicting: bool) -> None:
    assert (conflict(ask, position) is not None) is conflicting


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # a verb-like word inside a noun phrase is a noun
        ("Carmakers get leeway under the ZEV mandate: the fine drops from £15,000 to £12,000.", -1),
        # (the verb is "expire", acting on a cut: the duty goes back up)
        ("It is time to let the 5p cut expire in March", 1),
        ("The government cut taxes.", -1),
        ("Under the Treasury plan, councils cut the grant.", -1),
        # a direction verb in a purpose clause says what the act is for
        ("The government commits the money to tunnel to Euston so that trains end there.", 0),
        # a position that rules out more of something
        ("No further safety valve agreements will be signed with councils.", -1),
        ("No new licences will be issued.", -1),
        ("No further cuts will be made to the grant.", 1),
    ],
)
def test_noun_phrases_purpose_clauses_and_no_more(text: str, sign: int) -> None:
    assert detect_direction(text).sign == sign


def test_reopening_what_the_position_stops_is_a_reversal() -> None:
    reason = conflict(
        "reopen the safety valve programme", "No further safety valve agreements will be signed."
    )
    assert reason == (
        'the ask says "reopen" (up/on), the position says "No further safety valve agreements"'
        " (down/off)"
    )


@pytest.mark.parametrize(
    ("ask", "position", "conflicting"),
    [
        # A passive verb acts on its subject: lifting a ban, abolishing a limit.
        ("Lift the cap on bankers' bonuses", "The cap on bankers' bonuses was removed.", False),
        ("Reimpose the cap on bankers' bonuses", "The cap on bankers' bonuses was removed.", True),
        ("Allow onshore wind", "The ban on onshore wind in England is lifted.", False),
        ("Restore the ban on onshore wind", "The ban on onshore wind is lifted.", True),
        ("Scrap the two-child limit", "The two-child limit will be abolished in April.", False),
        # So does a verb that says what happens to its subject.
        ("Scrap the two-child limit", "The two-child limit stays in place.", True),
        ("Cut VAT on energy bills to zero", "VAT on domestic energy stays at 5%.", True),
        ("End the freeze on housing benefit", "The freeze on the benefit ends in April.", False),
        ("Continue funding the scheme", "Funding for the scheme ends in March.", True),
        ("Keep the freeze on housing benefit", "The freeze expires in April.", True),
        ("Raise the cap to £3,000", "The cap rises to £3,000 in April.", False),
        # A cut is a stopper too: reversing one, or extending one, turns the sign.
        ("Reverse the cut to the aid budget", "Aid spending is cut to 0.3% of GNI.", True),
        ("Extend the 5p fuel duty cut", "Fuel duty rises by 5p a litre in April.", True),
        ("Extend the 5p fuel duty cut", "The 5p cut in fuel duty is extended for a year.", False),
        # ... but only a cut the verb acts on, not one in a phrase after it
        ("Stop funding defence", "The Treasury will fund defence through the aid reduction.", True),
    ],
)
def test_what_a_verb_acts_on(ask: str, position: str, conflicting: bool) -> None:
    assert (conflict(ask, position) is not None) is conflicting


@pytest.mark.parametrize(
    ("ask", "position", "conflicting"),
    [
        # A capitalised word after another is part of a name, not a verb.
        ("scrap the scheme", "The Small Business Rate Relief scheme continues a year.", True),
        ("restart the Help to Buy scheme", "The Home Building Cut programme closes.", True),
        # A verb in a time clause says when, not what.
        (
            "bring every line back into public hands",
            "Each line passes to a public company when its contract expires.",
            False,
        ),
        ("extend the scheme", "The scheme will be closed once the budget runs out.", True),
        ("keep the rate at 4.9 per cent", "Rates after 2030 are left open for the review.", False),
        # Keeping something off or down keeps it stopped.
        ("keep the loophole closed for good", "The law abolishes the duty-free loophole.", False),
        ("keep the border shut to new arrivals", "Ministers reopened the border.", True),
        ("keep energy bills down this winter", "Ofgem cuts the price cap by 5%.", False),
        # "lift" a quantity raises it; "lift" a ban ends it.
        ("lift defence spending to 3% of GDP", "Defence spending will rise to 3% of GDP.", False),
        ("lift investment in the grid", "The grid budget is cut by a third.", True),
        ("lift the ban on onshore wind", "The government keeps the ban on onshore wind.", True),
        # More verbs that remove, and holding a level.
        ("keep the tax", "The budget eliminates the tax from 2026.", True),
        ("preserve the fund", "Ministers will discontinue the fund next year.", True),
        ("keep the agency", "The agency is dismantled and its work moved.", True),
        ("hold aid at 0.5 per cent of income", "Aid falls from 0.5% to 0.3% of income.", True),
        ("hold the rate at 2.5 per cent", "The rate stays at 2.5%.", False),
        # an adjective before a stopper noun keeps it a noun
        ("Allow onshore wind", "The de facto ban on onshore wind is lifted.", False),
        ("Restore the ban on onshore wind", "The de facto ban on onshore wind is lifted.", True),
    ],
)
def test_names_time_clauses_states_and_levels(ask: str, position: str, conflicting: bool) -> None:
    assert (conflict(ask, position) is not None) is conflicting


@pytest.mark.parametrize(
    ("ask", "position", "reason"),
    [
        # moving a level the position sets
        ("halve the £3,000 excess", "Patients pay an excess of £3,000 first.", "the £3000"),
        (
            "bring the threshold down from 100 staff to 50",
            "Firms with more than 100 staff must report.",
            "the 100",
        ),
        ("double the £500 grant", "Every household receives a £500 grant.", "the £500"),
        (
            "cut the fee cap from £9,250 to £6,000",
            "Tuition fees are capped at £9,250.",
            "the £9250",
        ),
        (
            "It is time for ministers to halve the £6,000 a school must find",
            "Schools pay the first £6,000.",
            "the £6000",
        ),
        # a period in words, against a position whose own verb acts on something else
        (
            "cut the qualifying period from three years to two",
            "Licences end automatically after a three-year qualifying period.",
            "the 3year",
        ),
        # ... not when the position moves it the same way or states the target
        ("halve the £3,000 excess", "The £3,000 excess will be halved from April.", None),
        ("raise the £500 grant to £1,000", "The £500 grant becomes £1,000 in April.", None),
        # deadlines are compared with deadlines
        (
            "get the backlog below 10,000 by the end of 2026",
            "The plan clears it by the end of 2028, half in 2026.",
            "by 2026",
        ),
        (
            "connect every school by 2027",
            "Every school will be connected by 2027, half in 2026.",
            None,
        ),
    ],
)
def test_moving_a_stated_level_and_deadlines(ask: str, position: str, reason: str | None) -> None:
    assert_reason(ask, position, reason)


@pytest.mark.parametrize(
    "position",
    [
        "Sick pay is paid from day one without the lower earnings limit.",
        "Workers get unpaid parental leave from day one.",
    ],
)
def test_a_bare_verb_form_after_noun_modifiers_is_a_noun(position: str) -> None:
    assert detect_direction(position).sign == 0


def test_an_inflected_verb_after_a_prepositional_phrase_is_still_a_verb() -> None:
    assert detect_direction("Funding for the scheme ends in March.").verb == "ends"


@pytest.mark.parametrize(
    "ask",
    ["They should keep that promise", "Ministers must honour their pledge"],
)
def test_keeping_a_promise_has_no_direction_of_its_own(ask: str) -> None:
    assert conflict(ask, "The 2016 Act is to be repealed straight after the Bill passes.") is None


def test_a_verb_inside_a_hyphenated_compound_sets_no_direction() -> None:
    # "rouble-backed" describes the coin; "prohibited" is the position's verb
    found = detect_direction("Trade in the rouble-backed coin is prohibited across the Union.")
    assert (found.sign, found.verb) == (-1, "prohibited")


def test_moving_a_date_from_one_year_to_another_asks_for_the_second() -> None:
    reason = conflict(
        "ministers should push the levy back from January 2027 to January 2028",
        "The levy starts on 1 January 2027.",
    )
    assert reason == "the ask says 2028, the position says 2027"


@pytest.mark.parametrize(
    ("ask", "position", "conflicts"),
    [
        # a year naming a document is not a date the position states
        (
            "Publish a plan that says how many nurses the NHS will train each year to 2035",
            "The new plan will depart from the 2023 long-term workforce plan's projections.",
            False,
        ),
        ("Keep the 2030 deadline", "The deadline moves to 2035.", True),
        ("Meet the target by 2030 as the 2024 Budget promised", "The target is for 2030.", False),
    ],
)
def test_a_year_that_names_a_document_is_not_a_date(
    ask: str, position: str, conflicts: bool
) -> None:
    assert (conflict(ask, position) is not None) is conflicts


@pytest.mark.parametrize(
    ("ask", "position", "reason"),
    [
        (
            "The 65 per cent milestone should move to September 2026",
            "The plan aims for 92 per cent by March 2029 and 65 per cent by March 2026.",
            "the ask says September 2026, the position says March 2026",
        ),
        # the same month, a month of another year, or a month the position moved away from
        ("Meet the milestone by March 2026", "65 per cent by March 2026, 92 by 2029.", None),
        ("Reach 70% by March 2027", "65% in September 2026 and 70% in 2027.", None),
        ("Move the milestone to June 2026", "It was moved from March 2026 to June 2026.", None),
        (
            "Keep the milestone in March 2026",
            "It was moved from March 2026 to June 2026.",
            "the ask says March 2026, the position says June 2026",
        ),
        # "May" is a month only with a year after it
        ("Ministers may publish it in June 2026", "They may publish it in June 2026.", None),
    ],
)
def test_months_of_the_same_year_are_compared(ask: str, position: str, reason: str | None) -> None:
    assert conflict(ask, position) == reason


@pytest.mark.parametrize(
    ("ask", "conflicts"),
    [
        ("It is time to think again and cap rises at CPI plus one percentage point", True),
        ("The priority for CMS must be to revisit that decision and cover the drugs", True),
        ("Ministers should reconsider", True),
        ("The Treasury should change course on the levy", True),
        # a reconsidering that sits in the object is not the ask's own act
        ("publish the evidence that would let judges and panels reconsider old cases", False),
        ("revisit the formula in 2027", False),
    ],
)
def test_an_ask_to_reconsider_reverses_the_decision(ask: str, conflicts: bool) -> None:
    position = "The government decided that rents may rise by CPI plus 1 per cent."
    assert (conflict(ask, position) is not None) is conflicts


@pytest.mark.parametrize(
    ("ask", "position", "conflicts"),
    [
        (
            "Treasury should bring back the 5 percent safe harbor for wind and solar",
            "The President directed Treasury to enforce strictly the end of the wind credits.",
            True,
        ),
        (
            "restore the used-car credit",
            "A new law passed; it closed the used-car credit in September.",
            True,
        ),
        # moving something back somewhere is not restoring what was ended
        (
            "bring every franchise back into public ownership as its contract runs out",
            "Each operator passes to a public company when its contract expires.",
            False,
        ),
        # a position that says the thing was not ended
        ("restore the grant", "The department confirmed that it has not ended the grant.", False),
    ],
)
def test_an_ask_to_restore_reverses_a_position_that_ends_it(
    ask: str, position: str, conflicts: bool
) -> None:
    assert (conflict(ask, position) is not None) is conflicts


def test_a_cut_off_date_is_not_a_cut() -> None:
    assert ask_direction("keep the cut-off date at 31 December 2020").sign == 1
    assert ask_direction("keep the 5p fuel duty cut").sign == -1


def test_leaving_a_long_named_thing_in_place_keeps_it() -> None:
    ask = "Congress ought to leave the Parent PLUS borrowing limits in place"
    assert conflict(ask, "Parent PLUS borrowing is limited to $20,000 a year.") is None


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # a bare verb form inside a compound noun is not the verb
        ("enlarge the priority support grant to local governments", ""),
        ("people aged 18 to 64 are now subject to the time limit", ""),
        # but a subject that acts, or an object after it, keeps it a verb
        ("the government cut the budget", "cut"),
        ("the states limit the number of waivers", "limit"),
    ],
)
def test_a_verb_form_inside_a_compound_noun_is_not_the_verb(text: str, verb: str) -> None:
    assert detect_direction(text).verb == verb


def test_keeping_the_state_the_position_names_is_no_conflict() -> None:
    ask = "keep everyone aged 60 and over exempt from the general work requirements"
    position = "People aged 60 and over stay exempt from the general work requirements."
    assert conflict(ask, position) is None


@pytest.mark.parametrize(
    "ask",
    [
        "put the phone ban on a statutory footing this session",
        "enshrine the ban in law",
        "write the ban into law",
    ],
)
def test_asking_for_law_reverses_a_refusal_to_legislate(ask: str) -> None:
    position = "The government will not legislate for a statutory ban on phones in schools."
    assert conflict(ask, position) is not None


def test_not_asking_for_law_does_not_reverse_a_refusal_to_legislate() -> None:
    position = "The government will not legislate for a statutory ban on phones in schools."
    assert conflict("do not put the ban into law", position) is None


@pytest.mark.parametrize(
    ("ask", "position", "conflicts"),
    [
        # money of another order is another quantity
        ("open the scheme to workers earning up to $130,000", "The scheme gets $500m.", False),
        ("open the scheme to workers earning up to $130,000", "Income caps are $90,000.", True),
        ("raise it to £5bn", "It gets £3bn.", True),
    ],
)
def test_money_is_compared_within_an_order_of_magnitude(
    ask: str, position: str, conflicts: bool
) -> None:
    assert (conflict(ask, position) is not None) is conflicts


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The cap should come back down to $1 million", -1),
        ("Fees go up to £9,535 in September", 1),
        ("Caps rise in most places, including from $900,000 to $1.5 million", 1),
        # idioms, not levels
        ("Ministers came down hard on the scheme", 0),
        ("Ministers came up with a plan", 0),
        ("It comes down to money", 0),
    ],
)
def test_a_level_that_goes_up_or_comes_down(text: str, sign: int) -> None:
    assert detect_direction(text).sign == sign


def test_a_negation_in_another_clause_does_not_cancel_a_refusal() -> None:
    ask = "Ministers must not make the new ID mandatory for right-to-work checks"
    position = (
        "The new ID will be required for right-to-work checks by 2029; without it people "
        "would not be able to work."
    )
    assert conflict(ask, position) == "the ask rules out what the position puts in place"
    assert conflict(ask, "The new ID will not be required for right-to-work checks.") is None


@pytest.mark.parametrize(
    ("ask", "conflicts"),
    [
        ("limit negative gearing to newly built homes", True),
        # keeping things as they are agrees with a refusal to change them
        ("keep negative gearing as it is", False),
    ],
)
def test_a_change_the_position_rules_out(ask: str, conflicts: bool) -> None:
    position = "Changes to negative gearing are not part of the government's policy."
    assert (conflict(ask, position) is not None) is conflicts


def test_a_verb_in_a_condition_clause_sets_no_direction() -> None:
    position = (
        "Parliament passes the concessions with a tax to claw back benefits if a project stops."
    )
    assert detect_direction(position).sign == 0
    assert conflict("Ministers must not water down the concessions", position) is None


def test_striking_a_cut_out_of_an_adopted_act_undoes_it() -> None:
    position = "The cabinet approved the tax act: VAT on restaurant meals falls from 19% to 7%."
    reason = conflict("strike the restaurant VAT cut out of the tax bill", position)
    assert reason == 'the ask would undo ("strike") what the position puts in place'


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("switch freshwater farm plans back on in Waikato", 1),
        ("the Act pauses the rollout by switching off the requirements", -1),
        ("ministers will switch on the scheme", 1),
        # a figure-and-letter name before a bare verb form makes a compound noun
        ("DHS would replace the random H-1B cap lottery with a weighted one", 0),
    ],
)
def test_switching_on_and_off(text: str, sign: int) -> None:
    assert detect_direction(text).sign == sign


@pytest.mark.parametrize(
    ("ask", "position", "conflicts"),
    [
        (
            "keep the Household Support Fund running for one more winter",
            "A new fund takes the place of the Household Support Fund from April.",
            True,
        ),
        ("keep the old fund open", "The old fund is to be replaced by a new one.", True),
        # keeping the new thing agrees with the replacement
        (
            "keep the Crisis and Resilience Fund at £1bn",
            "The Crisis and Resilience Fund takes the place of the Household Support Fund.",
            False,
        ),
    ],
)
def test_keeping_what_the_position_replaces(ask: str, position: str, conflicts: bool) -> None:
    assert (conflict(ask, position) is not None) is conflicts


def test_declining_to_let_a_date_slip_keeps_to_it() -> None:
    position = "The two-child limit will be removed from April 2026."
    assert conflict("Ministers must not let the April 2026 start date slip", position) is None
    assert conflict("Ministers must not remove the limit", position) is not None


@pytest.mark.parametrize(
    ("ask", "position", "conflicts"),
    [
        ("The minimum age should be 18", "The ID is free from the age of 16.", True),
        ("The age ceiling should go back to 54", "It covers people up to age 64.", True),
        (
            "The minimum age should be 16",
            "The ID is free from the age of 16, 5 days a week.",
            False,
        ),
        # "aged 60 and over" names a group, not an age limit
        ("keep everyone aged 60 and over exempt", "People up to age 64 are covered.", False),
    ],
)
def test_ages_without_a_unit_are_compared(ask: str, position: str, conflicts: bool) -> None:
    assert (conflict(ask, position) is not None) is conflicts
