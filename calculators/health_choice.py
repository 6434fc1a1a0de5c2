"""Which health plan costs you least in a light, a typical and a heavy year.

Conventions:

* Every plan is priced with the rules of :func:`calculators.health.health_plan_cost`
  (the deductible first, coinsurance above it, copays outside the deductible but inside
  the out-of-pocket maximum). On a tier that covers more than you, they are applied to
  each person (with the plan's per-person deductible and maximum, where it has them)
  and to the household (with the family deductible and maximum), and you pay the lesser
  of the two. When the plan has no per-person limits, that is the household's total
  through one family deductible and maximum.
* A plan's cost = premiums + out of pocket - the employer's HSA money - the tax your own
  HSA contribution saves (an HSA-eligible plan only). The tax saved is the exact
  difference in every tax with and without the contribution, from the tax engine, for
  your salary and tax facts; without a salary it is not counted, and the result says
  so. California and New Jersey tax HSA money: the engine knows which states do.
* Your HSA contribution and the employer's money together are held to the tier's legal
  limit (self-only, or family for any tier that covers more than you, with the catch-up
  from 55).
* The scenarios, unless you give your own: a light, a typical and a heavy year, from
  what people spent on health care in 2021 (MEPS). Light: each person covered at the
  average of the half of people who spent least; typical: each at the median; heavy:
  one person at the average of the 1% who spent most, the others typical. A scenario's
  ``one_person`` puts that part of its costs on one person and splits the rest evenly.
* The curve (up to a billion dollars of care) and the break-even spread the household's
  spending evenly across the people covered. A break-even is a yearly spending at which the cheapest plan changes (plans
  that cost the same until one pulls ahead do not swap places).
* The worst case is premiums + the out-of-pocket maximum (the family's, or each
  person's times the people covered if that is less) - the employer's HSA money.

A worked story: Ana chooses for herself between a PPO ($150 a month, $1,000
deductible, 20%, $4,000 maximum) and an HDHP ($50 a month, $3,000 deductible, 20%,
$7,000 maximum, $500 of employer HSA money). With $5,000 of care the PPO costs
$1,800 + $1,800 = $3,600 and the HDHP $600 + $3,400 - $500 = $3,500. The PPO reaches
its maximum at $16,000 of care and the HDHP keeps climbing: they swap places at $16,500.
At worst the PPO costs $5,800 and the HDHP $7,100.

>>> from calculators.api import run
>>> r = run("health_plan_choice", {"plans": [
...     {"name": "PPO", "premium_per_month": 150, "deductible": 1000, "coinsurance_pct": 20,
...      "oop_max": 4000},
...     {"name": "HDHP", "premium_per_month": 50, "deductible": 3000, "coinsurance_pct": 20,
...      "oop_max": 7000, "employer_hsa_contribution": 500, "hsa_eligible": True}],
...     "scenarios": [{"name": "Ana's year", "medical_costs": 5000}]})
>>> [(row["plan"], row["cost"]) for row in r["by_scenario"]]
[('PPO', 3600.0), ('HDHP', 3500.0)]
>>> r["break_even"]
[{'medical_costs': 16500.0, 'cheaper_below': 'HDHP', 'cheaper_above': 'PPO'}]
>>> [(row["plan"], row["cost"]) for row in r["worst_case"]]
[('PPO', 5800.0), ('HDHP', 7100.0)]
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import ROUND_CEILING, Decimal
from typing import Any

from .errors import CalculatorError
from .fields import MONEY_MAX, boolean, choice, integer, list_of, percent, text, usd
from .health import health_plan_cost
from .money import ONE, ZERO, format_usd, pct, quantize
from .spec import Calculator, join, out
from .tax import check_limits, law, taxes
from .taxfacts import household, tax_facts

__all__ = ["CALCULATOR", "COVERAGE_FIELDS", "PLAN_FIELDS", "SCENARIO_FIELDS", "HealthPlanChoice",
           "PlanOutlook", "default_scenarios", "health_plan_choice", "hsa_limit",
           "hsa_tax_saved", "plan_outlook", "plan_names"]

# What people spent on health care in 2021, per person, all payers (MEPS Statistical
# Brief #556); each equals its figure in content/figures.yaml (tests hold them to it).
LIGHT_PER_PERSON = Decimal(385)  # meps-spending-bottom-half-average-2021
TYPICAL_PER_PERSON = Decimal(1374)  # meps-spending-median-2021
HEAVY_ONE_PERSON = Decimal(166980)  # meps-spending-top-1pct-average-2021
FIGURES = {"meps-spending-bottom-half-average-2021": LIGHT_PER_PERSON,
           "meps-spending-median-2021": TYPICAL_PER_PERSON,
           "meps-spending-top-1pct-average-2021": HEAVY_ONE_PERSON}
TYPICAL, HEAVY = "Typical year", "Heavy year"
CLOSE = Decimal("1e-20")  # far below a cent, far above a 40-digit division's rounding
SETTLED = 12  # decimal places: out of pocket to a trillionth of a cent
# The curve stops here, however small a plan's coinsurance: a billion dollars of care.
CHART_MAX = Decimal(MONEY_MAX)

TIERS = (("self_only", "Just you (self-only)"), ("self_plus_one", "You plus one"),
         ("family", "Family"))
# People a tier covers unless the reader says: the fewest, and the usual count.
TIER_PEOPLE = {"self_only": (1, 1), "self_plus_one": (2, 2), "family": (2, 3)}

PLAN_FIELDS = (
    text("name", "Plan", "A short name, such as PPO or HDHP; empty for Plan 1, Plan 2, ...",
         default=None, nullable=True, max_length=30),
    usd("premium_per_month", "Your premium per month",
        "Your share of the premium for the coverage tier you need.", default=0),
    usd("deductible", "Deductible",
        "The tier's deductible: on family coverage, the family deductible."),
    usd("deductible_per_person", "Deductible per person",
        "On family coverage, the deductible each person meets on their own (an embedded "
        "deductible); empty if the family shares one deductible.", default=None,
        nullable=True),
    percent("coinsurance_pct", "Coinsurance",
            "Your share of costs above the deductible (20 means you pay 20%)."),
    usd("oop_max", "Out-of-pocket maximum",
        "The most you pay in a year for covered care: on family coverage, the family's."),
    usd("oop_max_per_person", "Out-of-pocket maximum per person",
        "On family coverage, the most any one person pays; empty if the plan has none.",
        default=None, nullable=True),
    usd("copays", "Copays for the year",
        "Flat fees you expect for visits and prescriptions in any year, for everyone "
        "covered; they skip the deductible but count toward the out-of-pocket maximum.",
        default=0),
    usd("employer_hsa_contribution", "Employer HSA contribution",
        "What the employer puts into your health savings account in a year.", default=0),
    boolean("hsa_eligible", "HSA-eligible",
            "A high-deductible plan that lets you put money into a health savings account.",
            default=False),
)

SCENARIO_FIELDS = (
    text("name", "Scenario", "A short name, such as Typical year.", max_length=30),
    usd("medical_costs", "Medical costs",
        "The year's care for everyone covered, at the plan's allowed amounts."),
    usd("one_person", "One person's part",
        "How much of it falls on one person (a hospital stay, say); the rest is split "
        "evenly among the others. Empty to split it all evenly.", default=None,
        nullable=True),
)

COVERAGE_FIELDS = (
    choice("coverage", "Coverage tier", "Who the plans would cover: the tier sets the "
           "deductible, the maximum and the HSA limit that apply.", TIERS,
           default="self_only"),
    integer("people_covered", "People covered", "count",
            "Everyone on the plan, you included; empty for 1, 2 or 3 by tier.",
            min=1, max=12, default=None, nullable=True),
)


def _check_plans(plans: list[dict[str, Any]], path: str) -> None:
    for index, plan in enumerate(plans):
        check_plan(plan, join(path, index))
    names = plan_names(plans)
    for index, name in enumerate(names):
        if name in names[:index]:
            raise CalculatorError(join(join(path, index), "name"),
                                  f"another plan is called {name!r}: give each its own name")


def _check_scenarios(scenarios: list[dict[str, Any]], path: str) -> None:
    for index, scenario in enumerate(scenarios):
        where = join(path, index)
        if scenario["name"] in [s["name"] for s in scenarios[:index]]:
            raise CalculatorError(join(where, "name"), "another scenario has this name: give "
                                  "each its own")
        one = scenario["one_person"]
        if one is not None and one > scenario["medical_costs"]:
            raise CalculatorError(join(where, "one_person"),
                                  "more than the scenario's medical costs")


INPUTS = (
    list_of("plans", "Plans", "Two to four plans to compare, at your coverage tier.",
            fields=PLAN_FIELDS, min_items=2, max_items=4, check=_check_plans),
    *COVERAGE_FIELDS,
    list_of("scenarios", "Your own scenarios",
            "Years to price each plan in; leave empty for a light, a typical and a heavy "
            "year for the people covered.", fields=SCENARIO_FIELDS, min_items=0,
            max_items=5, default=[], check=_check_scenarios),
    usd("hsa_contribution", "Your HSA contribution",
        "What you would put into the HSA yourself in a year, with an HSA-eligible plan.",
        default=0),
    usd("salary", "Salary", "Your wages a year, to work out the tax your HSA money saves; "
        "empty to leave that out.", default=None, nullable=True),
    *tax_facts(state_required=False),
)


# --- pricing ----------------------------------------------------------------------


def plan_names(plans: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each plan's name; ``Plan 1``, ``Plan 2``, ... where it has none."""
    return [plan["name"] or f"Plan {index + 1}" for index, plan in enumerate(plans)]


def _limit(per_person: Decimal | None, whole: Decimal) -> Decimal:
    """A per-person limit where the plan has one, never more than the tier's."""
    return whole if per_person is None else min(per_person, whole)


def out_of_pocket(plan: Mapping[str, Any], costs: Sequence[Decimal]) -> Decimal:
    """What the people covered pay in a year when each has the care in ``costs``.

    health_plan_cost's rules for each person (their own deductible and maximum) and for
    the household (the family deductible, counting what each person's deductible let
    through, and the family maximum); the lesser of the two. Copays are split evenly.
    """

    def price(deductible: Decimal, oop_max: Decimal, care: Decimal, copays: Decimal) -> Decimal:
        return health_plan_cost(
            premium_per_month=ZERO, deductible=deductible,
            coinsurance_pct=plan["coinsurance_pct"], oop_max=oop_max,
            expected_medical_costs=care, copays=copays,
            employer_hsa_contribution=ZERO).out_of_pocket

    own_deductible = _limit(plan["deductible_per_person"], plan["deductible"])
    own_max = _limit(plan["oop_max_per_person"], plan["oop_max"])
    people = Counter(zip(costs, shares(plan["copays"], len(costs))))
    each = sum((count * price(own_deductible, own_max, care, copays)
                for (care, copays), count in people.items()), ZERO)
    met = min(plan["deductible"], sum((min(care, own_deductible) for care in costs), ZERO))
    together = price(met, plan["oop_max"], sum(costs, ZERO), plan["copays"])
    # Shares of a division carry its rounding at the 40th digit; to 12 places the sum is
    # exact again, so half a cent stays half a cent.
    return quantize(min(each, together), SETTLED)


def worst_out_of_pocket(plan: Mapping[str, Any], people: int) -> Decimal:
    """The most the people covered can pay in a year."""
    return min(plan["oop_max"], people * _limit(plan["oop_max_per_person"], plan["oop_max"]))


def shares(total: Decimal, people: int) -> list[Decimal]:
    """``total`` in ``people`` equal parts that add up to it exactly (the last takes what
    a division's rounding at the 40th digit leaves)."""
    part = total / people
    return [part] * (people - 1) + [total - part * (people - 1)]


def split(scenario: Mapping[str, Any], people: int) -> list[Decimal]:
    """A scenario's costs, person by person: ``one_person`` on one, the rest evenly."""
    total, one = scenario["medical_costs"], scenario.get("one_person")
    if one is None or people == 1:
        return shares(total, people)
    return [one] + shares(total - one, people - 1)


def default_scenarios(people: int) -> list[dict[str, Any]]:
    """The light, typical and heavy years for ``people`` covered."""
    return [
        {"name": "Light year", "medical_costs": people * LIGHT_PER_PERSON, "one_person": None},
        {"name": TYPICAL, "medical_costs": people * TYPICAL_PER_PERSON, "one_person": None},
        {"name": HEAVY, "medical_costs": HEAVY_ONE_PERSON + (people - 1) * TYPICAL_PER_PERSON,
         "one_person": HEAVY_ONE_PERSON if people > 1 else None},
    ]


def _fixed(plan: Mapping[str, Any], tax_saved: Decimal) -> Decimal:
    """What a plan costs whatever the year: premiums less HSA money and the tax saved."""
    saved = tax_saved if plan["hsa_eligible"] else ZERO
    return plan["premium_per_month"] * 12 - plan["employer_hsa_contribution"] - saved


def _people(coverage: str, people_covered: int | None) -> int:
    fewest, usual = TIER_PEOPLE[coverage]
    if people_covered is None:
        return usual
    if coverage == "self_only" and people_covered != 1:
        raise CalculatorError("people_covered", "self-only coverage covers just you: choose "
                              "another tier, or 1")
    if coverage == "self_plus_one" and people_covered != 2:
        raise CalculatorError("people_covered", "you plus one is 2 people: choose the family "
                              "tier for more")
    if people_covered < fewest:
        raise CalculatorError("people_covered", "family coverage is for 2 people or more")
    return people_covered


# --- the HSA ----------------------------------------------------------------------


def hsa_limit(year: int, age: int, coverage: str) -> Decimal:
    """The most you and your employer together may put into an HSA in ``year``."""
    limits = law(year)["limits"]
    limit = Decimal(limits["hsa_self_only" if coverage == "self_only" else "hsa_family"])
    if age >= limits["hsa_catch_up_age"]:
        limit += limits["hsa_catch_up"]
    return limit


def _hsa_coverage(coverage: str) -> str:
    return "self_only" if coverage == "self_only" else "family"


def hsa_tax_saved(facts: Mapping[str, Any], *, salary: Decimal, contribution: Decimal,
                  coverage: str) -> Decimal:
    """Every tax on ``salary`` without the HSA contribution, less every tax with it.

    ``facts`` are the validated tax facts (``state`` among them); an amount over a legal
    limit is an error naming ``hsa_contribution``.
    """
    if facts["state"] is None:
        raise CalculatorError("state", "choose your state to count the tax your HSA money "
                              "saves, or leave the salary empty")
    without = household(facts, wages=salary, hsa_coverage=_hsa_coverage(coverage))
    with_it = without.replace(pretax={"hsa_payroll": contribution})
    try:
        check_limits(law(with_it.year), with_it)
    except CalculatorError as error:
        raise CalculatorError("hsa_contribution", error.message) from None
    return taxes(without).total - taxes(with_it).total


def _check_hsa(plans: Sequence[Mapping[str, Any]], names: Sequence[str], contribution: Decimal,
               limit: Decimal, year: int, coverage: str) -> None:
    what = f"the {year} HSA limit for {_hsa_coverage(coverage).replace('_', '-')} coverage"
    eligible = [index for index, plan in enumerate(plans) if plan["hsa_eligible"]]
    if contribution and not eligible:
        raise CalculatorError("hsa_contribution", "none of the plans is HSA-eligible: mark the "
                              "one that is, or leave this at 0")
    for index in eligible:
        employer = plans[index]["employer_hsa_contribution"]
        if employer > limit:
            raise CalculatorError(f"plans[{index}].employer_hsa_contribution",
                                  f"at most {format_usd(limit)} a year ({what})")
        if contribution + employer > limit:
            raise CalculatorError(
                "hsa_contribution",
                f"at most {format_usd(limit - employer)} a year with {names[index]}: {what} "
                f"is {format_usd(limit)}, and the employer puts in {format_usd(employer)}")


def check_plan(plan: Mapping[str, Any], path: str) -> None:
    """The relations within one plan, each error naming its field under ``path``."""
    def field(name: str) -> str:
        return join(path, name)

    if plan["deductible"] > plan["oop_max"]:
        raise CalculatorError(field("deductible"), "above the out-of-pocket maximum, which "
                              "counts the deductible too")
    per_deductible, per_max = plan["deductible_per_person"], plan["oop_max_per_person"]
    if per_deductible is not None and per_deductible > plan["deductible"]:
        raise CalculatorError(field("deductible_per_person"), "above the tier's deductible")
    if per_max is not None and per_max > plan["oop_max"]:
        raise CalculatorError(field("oop_max_per_person"),
                              "above the tier's out-of-pocket maximum")
    if per_max is not None and _limit(per_deductible, plan["deductible"]) > per_max:
        raise CalculatorError(field("oop_max_per_person"),
                              "below the deductible one person can pay")
    if plan["employer_hsa_contribution"] and not plan["hsa_eligible"]:
        raise CalculatorError(field("employer_hsa_contribution"),
                              "HSA money needs an HSA-eligible plan: mark this plan as one, "
                              "or leave this at 0")


# --- the curve and the break-even ------------------------------------------------------


def _lines(plan: Mapping[str, Any], people: int) -> list[tuple[Decimal, Decimal]]:
    """Out of pocket at household spending S spread evenly, as the least of lines s*S + b.

    health_plan_cost's rules, written out: with each person at S / people, each pays
    the least of their maximum, all their care and copays, and their deductible plus
    coinsurance; the household the least of its maximum and the same through the family
    deductible. Only where these lines cross can a plan's cost bend.
    """
    rate = pct(plan["coinsurance_pct"])
    copays = plan["copays"]
    own_deductible = _limit(plan["deductible_per_person"], plan["deductible"])
    return [(ZERO, worst_out_of_pocket(plan, people)), (ONE, copays),
            (rate, (ONE - rate) * plan["deductible"] + copays),
            (rate, (ONE - rate) * people * own_deductible + copays)]


def _bends(plan: Mapping[str, Any], people: int) -> set[Decimal]:
    """The household spending (spread evenly) at which the plan's cost bends."""
    lines = _lines(plan, people)

    def least(x: Decimal) -> Decimal:
        return min(slope * x + base for slope, base in lines)

    bends = set()
    for (s1, b1), (s2, b2) in itertools.combinations(lines, 2):
        if s1 != s2:
            x = (b2 - b1) / (s1 - s2)
            # On the lowest line there (to the rounding of a division at 40 digits).
            if x >= 0 and s1 * x + b1 - least(x) < CLOSE:
                bends.add(x)
    return bends


def _round_up(value: Decimal) -> Decimal:
    """A round number of dollars at or above ``value``, and at least $1,000: a whole
    number of the largest power of ten below it (52,800 -> 60,000)."""
    step = Decimal(100)
    while step * 10 < value:
        step *= 10
    return max(Decimal(1000), (value / step).to_integral_value(rounding=ROUND_CEILING) * step)


@dataclasses.dataclass(frozen=True, slots=True)
class _Curve:
    points: list[Decimal]
    costs: list[list[Decimal]]  # by plan, at each point
    swaps: list[tuple[Decimal, int, int]]  # spending, cheaper below, cheaper above
    first: int  # the cheapest plan with no care at all


def _curve(plans: Sequence[Mapping[str, Any]], fixed: Sequence[Decimal], people: int,
           marks: Sequence[Decimal]) -> _Curve:
    """Each plan's cost from no care to past every out-of-pocket maximum."""
    bends = set().union(*(_bends(plan, people) for plan in plans))
    end = min(CHART_MAX, _round_up(max(bends | {ZERO}) * Decimal("1.2")))
    bends = {x for x in bends if x <= end}

    def cost(index: int, spending: Decimal) -> Decimal:
        return fixed[index] + out_of_pocket(plans[index], shares(spending, people))

    points = sorted({ZERO, end} | bends | {mark for mark in marks if mark <= end})
    costs = [[cost(i, x) for x in points] for i in range(len(plans))]
    # Between two points every plan's cost is a straight line: where two lines cross
    # within one, the cheaper plan may change.
    crossings = set()
    for k in range(len(points) - 1):
        a, b = points[k], points[k + 1]
        for i, j in itertools.combinations(range(len(plans)), 2):
            da, db = costs[i][k] - costs[j][k], costs[i][k + 1] - costs[j][k + 1]
            if min(abs(da), abs(db)) > CLOSE and (da < 0) != (db < 0):
                crossings.add(a + (b - a) * da / (da - db))
    fine = sorted(set(points) | crossings)
    at = [[cost(i, x) for x in fine] for i in range(len(plans))]

    # The plans cheapest on each stretch between two points (at its middle, lines being
    # lines). The cheapest plan changes where none of the plans cheapest on every stretch
    # since the last change is cheapest on the next; of plans that tie, the first.
    runs: list[tuple[int, set[int]]] = []  # the stretch a run starts at; its cheapest plans
    for k in range(len(fine) - 1):
        middle = [at[i][k] + at[i][k + 1] for i in range(len(plans))]
        tied = {i for i, value in enumerate(middle) if value - min(middle) < CLOSE}
        if runs and runs[-1][1] & tied:
            runs[-1][1].intersection_update(tied)
        else:
            runs.append((k, tied))
    owners = [(fine[start], min(cheapest)) for start, cheapest in runs]
    swaps = [(x, owners[j - 1][1], owner) for j, (x, owner) in enumerate(owners) if j]
    shown = sorted(set(points) | {x for x, _, _ in swaps})
    return _Curve(points=shown, costs=[[cost(i, x) for x in shown] for i in range(len(plans))],
                  swaps=swaps, first=owners[0][1])


# --- the result -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class ScenarioCost:
    scenario: str = out("Scenario", "text")
    plan: str = out("Plan", "text")
    out_of_pocket: Decimal = out("Out of pocket", "usd")
    cost: Decimal = out("Your cost for the year", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class Cheapest:
    scenario: str = out("Scenario", "text")
    plan: str = out("Cheapest plan", "text")
    cost: Decimal = out("Its cost", "usd")
    saves: Decimal = out("Less than the next plan", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class WorstCase:
    plan: str = out("Plan", "text")
    cost: Decimal = out("Worst case for the year", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class BreakEven:
    medical_costs: Decimal = out("At yearly medical spending of", "usd")
    cheaper_below: str = out("Cheapest below it", "text")
    cheaper_above: str = out("Cheapest above it", "text")


@dataclasses.dataclass(frozen=True, slots=True)
class PlanRow:
    plan: str = out("Plan", "text")
    premiums_annual: Decimal = out("Premiums for the year", "usd")
    employer_hsa_contribution: Decimal = out("Employer HSA money", "usd")
    hsa_tax_saved: Decimal = out("Tax your HSA money saves", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class ScenarioRow:
    scenario: str = out("Scenario", "text")
    medical_costs: Decimal = out("Medical costs for everyone covered", "usd")
    one_person: Decimal = out("Of which the person who needs most care", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class CurvePoint:
    medical_costs: Decimal = out("Yearly medical spending", "usd")
    plan: str = out("Plan", "text")
    cost: Decimal = out("Your cost for the year", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class HealthPlanChoice:
    summary: str = out("In a sentence", "text")
    people_covered: int = out("People covered", "count")
    hsa_limit: Decimal = out("HSA limit", "usd",
                             help="What you and the employer together may put in, for "
                                  "this tier at your age.")
    hsa_tax_saved: Decimal = out("Tax your own HSA money saves", "usd",
                                 help="Subtracted from each HSA-eligible plan's cost.")
    tax_saving_counted: bool = out("Tax saving counted", "bool",
                                   help="Only with your salary and state.")
    cheapest: list[Cheapest] = out("The cheapest plan in each year", "table", row=Cheapest)
    by_scenario: list[ScenarioCost] = out("Each plan in each year", "table", row=ScenarioCost)
    worst_case: list[WorstCase] = out("Each plan at worst", "table", row=WorstCase)
    break_even: list[BreakEven] = out("Where the plans swap places", "table", row=BreakEven)
    plans: list[PlanRow] = out("What each plan costs whatever the year", "table", row=PlanRow)
    scenarios: list[ScenarioRow] = out("The years priced", "table", row=ScenarioRow)
    curve: list[CurvePoint] = out("Each plan's cost as spending grows", "table", row=CurvePoint)


def _sentence(names: Sequence[str], cheapest: Sequence[Cheapest], curve: _Curve,
              people: int, tax_note: str) -> str:
    by_plan: dict[str, list[str]] = {}
    for row in cheapest:
        by_plan.setdefault(row.plan, []).append(f"{row.scenario} ({format_usd(row.cost)})")
    text = "Cheapest: " + "; ".join(f"{plan} in {', '.join(years)}"
                                    for plan, years in by_plan.items()) + "."
    spread = f", spread across the {people} people covered" if people > 1 else ""
    if not curve.swaps:
        text += (f" {names[curve.first]} costs least at any medical spending{spread}.")
    else:
        swaps = ", ".join(f"{format_usd(x)} ({names[below]} below, {names[above]} above)"
                          for x, below, above in curve.swaps)
        text += (f" The plans swap places at {swaps} of medical spending a year{spread}.")
    return text + tax_note


def health_plan_choice(*, plans: list[dict[str, Any]], coverage: str,
                       people_covered: int | None, scenarios: list[dict[str, Any]],
                       hsa_contribution: Decimal, salary: Decimal | None, filing_status: str,
                       state: str | None, spouse_wages: Decimal, age: int, dependents: int,
                       local: str | None, local_rate_pct: Decimal, year: int,
                       ) -> HealthPlanChoice:
    facts = {"filing_status": filing_status, "state": state, "spouse_wages": spouse_wages,
             "age": age, "dependents": dependents, "local": local,
             "local_rate_pct": local_rate_pct, "year": year}
    people = _people(coverage, people_covered)
    names = plan_names(plans)
    limit = hsa_limit(facts["year"], facts["age"], coverage)
    _check_hsa(plans, names, hsa_contribution, limit, facts["year"], coverage)
    for index, scenario in enumerate(scenarios):
        if people == 1 and scenario["one_person"] not in (None, scenario["medical_costs"]):
            raise CalculatorError(f"scenarios[{index}].one_person", "with one person covered, "
                                  "leave this empty")
    years = scenarios or default_scenarios(people)

    counted = salary is not None and facts["state"] is not None
    saved = ZERO
    if salary is not None and hsa_contribution:
        saved = hsa_tax_saved(facts, salary=salary, contribution=hsa_contribution,
                              coverage=coverage)
    tax_note = ""
    if counted and saved:
        tax_note = (f" The tax your own {format_usd(hsa_contribution)} HSA contribution saves, "
                    f"{format_usd(saved)}, is counted.")
    elif hsa_contribution and not counted:
        tax_note = (f" The tax your own {format_usd(hsa_contribution)} HSA contribution would "
                    f"save is not counted: give your salary and state to count it.")
    fixed = [_fixed(plan, saved) for plan in plans]

    rows, best = [], []
    for year in years:
        care = split(year, people)
        spent = [out_of_pocket(plan, care) for plan in plans]
        costs = [fixed[i] + spent[i] for i in range(len(plans))]
        rows += [ScenarioCost(year["name"], names[i], spent[i], costs[i])
                 for i in range(len(plans))]
        order = sorted(range(len(plans)), key=lambda i: costs[i])
        best.append(Cheapest(year["name"], names[order[0]], costs[order[0]],
                             costs[order[1]] - costs[order[0]]))
    curve = _curve(plans, fixed, people, [year["medical_costs"] for year in years])
    return HealthPlanChoice(
        summary=_sentence(names, best, curve, people, tax_note),
        people_covered=people,
        hsa_limit=limit,
        hsa_tax_saved=saved,
        tax_saving_counted=counted,
        cheapest=best,
        by_scenario=rows,
        worst_case=[WorstCase(names[i], plan["premium_per_month"] * 12
                              + worst_out_of_pocket(plan, people)
                              - plan["employer_hsa_contribution"])
                    for i, plan in enumerate(plans)],
        break_even=[BreakEven(x, names[below], names[above]) for x, below, above in curve.swaps],
        plans=[PlanRow(names[i], plan["premium_per_month"] * 12,
                       plan["employer_hsa_contribution"],
                       saved if plan["hsa_eligible"] else ZERO)
               for i, plan in enumerate(plans)],
        scenarios=[ScenarioRow(year["name"], year["medical_costs"],
                               max(split(year, people))) for year in years],
        curve=[CurvePoint(x, names[i], curve.costs[i][k]) for k, x in enumerate(curve.points)
               for i in range(len(plans))],
    )


# --- for the offer workbench -------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class PlanOutlook:
    """One plan's cost for the year: typical (the expected cost), heavy, and at worst."""

    expected: Decimal
    heavy: Decimal
    worst_case: Decimal


def plan_outlook(plan: Mapping[str, Any], *, coverage: str = "self_only",
                 people_covered: int | None = None,
                 typical: Mapping[str, Any] | None = None,
                 heavy: Mapping[str, Any] | None = None,
                 hsa_tax_saved: Decimal = ZERO) -> PlanOutlook:
    """A plan's typical-year and heavy-year cost, for one offer in the workbench.

    ``plan`` has the keys of :data:`PLAN_FIELDS` as validation returns them (check it
    with :func:`check_plan`); ``typical`` and ``heavy`` are scenarios (``medical_costs``
    and ``one_person``), by default this calculator's for the people covered;
    ``hsa_tax_saved`` is what the reader's own HSA contribution saves in tax (see
    :func:`hsa_tax_saved`; leave it at 0 where the caller counts that tax itself).
    Errors name ``people_covered`` or a field of the plan.
    """
    people = _people(coverage, people_covered)
    defaults = {year["name"]: year for year in default_scenarios(people)}
    fixed = _fixed(plan, hsa_tax_saved)
    return PlanOutlook(
        expected=fixed + out_of_pocket(plan, split(typical or defaults[TYPICAL], people)),
        heavy=fixed + out_of_pocket(plan, split(heavy or defaults[HEAVY], people)),
        worst_case=plan["premium_per_month"] * 12 + worst_out_of_pocket(plan, people)
        - plan["employer_hsa_contribution"],
    )


CALCULATOR = Calculator(
    name="health_plan_choice",
    title="Health plan choice",
    summary="Two to four health plans side by side in a light, a typical and a heavy year: "
            "which costs you least, what each costs at worst, and at what medical spending "
            "they swap places.",
    notes=(
        "Each plan is priced with the health plan cost calculator's rules: the deductible "
        "first, coinsurance above it, copays outside the deductible but inside the "
        "out-of-pocket maximum. On family coverage they apply to each person (with the "
        "plan's per-person deductible and maximum, where it has them) and to the family.",
        "Your cost = premiums + out of pocket - the employer's HSA money - the tax your own "
        "HSA contribution saves. The tax is worked out for your salary and state (California "
        "and New Jersey tax HSA money); without a salary it is left out.",
        "Your HSA contribution and the employer's together are held to the legal limit for "
        "your tier: <!-- figure: irs-hsa-self-only-2026 --> for self-only coverage, "
        "<!-- figure: irs-hsa-family-2026 --> for any tier that covers more than you.",
        "Unless you give your own, the years priced come from what people spent on health "
        "care in 2021, all payers together. A light year: each person covered at "
        "<!-- figure: meps-spending-bottom-half-average-2021 -->, the average of the half "
        "of people who spent least. A typical year: each at "
        "<!-- figure: meps-spending-median-2021 -->, the median (half of people spent "
        "less). A heavy year: one person at "
        "<!-- figure: meps-spending-top-1pct-average-2021 -->, the average of the 1% who "
        "spent most (a hospital stay, a serious illness), the others at the median.",
        "The chart and the break-even spread the spending evenly across the people covered.",
        "The worst case is premiums + the out-of-pocket maximum - the employer's HSA money.",
    ),
    inputs=INPUTS,
    result=HealthPlanChoice,
    function=health_plan_choice,
    example={
        "plans": [
            {"name": "PPO", "premium_per_month": 380, "deductible": 2000,
             "deductible_per_person": 1000, "coinsurance_pct": 20, "oop_max": 6000,
             "oop_max_per_person": 3000},
            {"name": "HDHP", "premium_per_month": 180, "deductible": 4000,
             "coinsurance_pct": 20, "oop_max": 12000, "oop_max_per_person": 8000,
             "employer_hsa_contribution": 1000, "hsa_eligible": True},
        ],
        "coverage": "family",
        "people_covered": 3,
        "hsa_contribution": 3000,
        "salary": 120000,
        "state": "IL",
        "filing_status": "married_joint",
        "dependents": 1,
    },
)
