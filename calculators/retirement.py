"""The employer's 401(k) match: tiers, pay periods, limits and vesting.

Conventions:

* A match formula is a list of tiers applied in order: ``{"match_pct": 100,
  "of_pay_pct": 3}`` then ``{"match_pct": 50, "of_pay_pct": 2}`` matches 100% of what
  you defer on the first 3% of pay and 50% on the next 2% (the safe-harbor basic match).
* Pay is the salary, spread evenly over ``pay_periods``; only pay up to the
  compensation limit counts (once the year's pay reaches it, later paychecks count
  nothing). Your deferral is ``contribution_pct`` of counted pay and stops once the
  year's deferrals reach the annual deferral limit.
* Without a true-up the match is computed paycheck by paycheck on that paycheck's pay
  and deferral, so once deferrals stop, so does the match. With a true-up the match is
  computed on the year's totals (and never less than the paychecks already matched);
  ``true_up_amount`` is what the plan adds after the year ends.
* ``max_match_annual`` is the largest match among your own deferral, the deferrals
  that fill each tier, and the deferral that reaches the annual limit evenly over the
  year; ``best_contribution_pct`` is the smallest of those that earns it.
* Vesting counts completed years of service: immediate; a cliff (nothing, then all);
  graded (``start_year`` vests one share, one more share each year, all at
  ``full_year``); or a custom list of the percent vested after 0, 1, 2, ... years
  (years past the end of the list keep its last value, which must be 100).

A worked story: Ana earns $80,000 and defers 4% into a plan with the safe-harbor basic
match. The match is 100% of the first 3% of pay ($2,400) plus 50% of the next 1% she
defers ($400): $2,800. Deferring 5% would earn $3,200, so $400 is left on the table.

>>> from calculators.api import run
>>> r = run("retirement_match", {"salary": 80000, "contribution_pct": 4, "match_formula":
...     [{"match_pct": 100, "of_pay_pct": 3}, {"match_pct": 50, "of_pay_pct": 2}]})
>>> r["employer_match_annual"], r["max_match_annual"], r["match_left_on_table"]
(2800.0, 3200.0, 400.0)
>>> r["employer_match_pct_of_pay"], r["best_contribution_pct"]
(3.5, 5.0)

In Texas, single, her $3,200 deferral saves $704 of federal income tax (22%), so it
costs her $2,496 of take-home pay; a Roth deferral saves nothing now.

>>> r = run("retirement_match", {"salary": 80000, "contribution_pct": 4, "state": "TX"})
>>> r["tax_saved_by_deferral"], r["net_cost_of_deferral"]
(704.0, 2496.0)
>>> run("retirement_match", {"salary": 80000, "contribution_pct": 4, "state": "TX",
...     "roth": True})["tax_saved_by_deferral"]
0.0

Ben earns $300,000, defers 10% and his plan matches 100% of 6% per paycheck with no
true-up. His deferrals reach the $24,500 limit in paycheck 22 of 26, and the match
stops with them: he gets $14,807.69 instead of the $18,000 a true-up would pay.

>>> r = run("retirement_match", {"salary": 300000, "contribution_pct": 10, "true_up": False,
...     "match_formula": [{"match_pct": 100, "of_pay_pct": 6}]})
>>> r["employer_match_annual"], r["deferral_limit_reached_period"], r["max_match_annual"]
(14807.69, 22, 18000.0)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .errors import CalculatorError
from .fields import boolean, choice, integer, list_of, obj, percent, usd
from .money import HUNDRED, ONE, ZERO, pct
from .spec import Calculator, join, out
from .tax import deferral_limit, law, taxes
from .taxfacts import DEFAULT_YEAR, household, tax_facts

__all__ = [
    "RetirementMatch",
    "VestingYear",
    "retirement_match",
    "formula_match",
    "annual_match",
    "vested_fraction",
    "MATCH_FORMULA",
    "VESTING",
    "CALCULATOR",
]

SAFE_HARBOR_BASIC = [{"match_pct": 100, "of_pay_pct": 3}, {"match_pct": 50, "of_pay_pct": 2}]


def _check_formula(tiers: list[dict[str, Any]], path: str) -> None:
    covered = ZERO
    for index, tier in enumerate(tiers):
        covered += tier["of_pay_pct"]
        if covered > HUNDRED:
            raise CalculatorError(
                join(join(path, index), "of_pay_pct"),
                "the tiers together may cover at most 100 percent of pay",
            )


def _check_vesting(vesting: dict[str, Any], path: str) -> None:
    if vesting["type"] == "graded" and vesting["full_year"] <= vesting["start_year"]:
        raise CalculatorError(join(path, "full_year"), "must be later than start_year")
    _check_custom(vesting, path)
    limits = law(DEFAULT_YEAR)["limits"]
    cliff, graded = limits["match_cliff_years"], limits["match_graded_minimum_pct"]
    fast_enough = vested_fraction(vesting, cliff) == ONE or all(
        vested_fraction(vesting, year) * HUNDRED >= minimum
        for year, minimum in enumerate(graded))
    if not fast_enough:
        raise CalculatorError(path, "slower than the law allows for a match: it must be "
                              f"fully vested after {cliff} years, or at least "
                              + ", ".join(f"{m}%" for m in graded[2:])
                              + f" after years 2 to {len(graded) - 1} (IRC 411(a)(2)(B))")


def _check_custom(vesting: dict[str, Any], path: str) -> None:
    if vesting["type"] == "custom":
        table = vesting["vested_pct_by_year"]
        for year in range(1, len(table)):
            if table[year] < table[year - 1]:
                raise CalculatorError(
                    join(join(path, "vested_pct_by_year"), year),
                    "a vesting schedule never goes down: each year must be at least the one before",
                )
        if table[-1] != HUNDRED:
            raise CalculatorError(
                join(join(path, "vested_pct_by_year"), len(table) - 1),
                "the last year must be 100 (fully vested)",
            )


MATCH_FORMULA = list_of(
    "match_formula", "Match formula",
    "Tiers applied in order: each matches match_pct percent of what you defer on the next "
    "of_pay_pct percent of pay.",
    fields=(
        percent("match_pct", "Match rate", "Percent of your deferral matched in this tier.",
                max=400),
        percent("of_pay_pct", "On the next % of pay", "How much of your pay this tier covers."),
    ),
    min_items=1, max_items=5, default=SAFE_HARBOR_BASIC, check=_check_formula,
)

VESTING = obj(
    "vesting", "Vesting of the match",
    "How the employer's match becomes yours with years of service.",
    (
        choice("type", "Schedule", "The kind of vesting schedule.",
               (("immediate", "Immediate"), ("cliff", "Cliff"), ("graded", "Graded"),
                ("custom", "Custom")), default="immediate"),
        integer("years", "Cliff after (years)", "years",
                "Nothing vests before this many years of service, then all of it.",
                min=1, max=10, default=3, when=("type", ("cliff",))),
        integer("start_year", "First vesting year", "years",
                "The year of service when the first share vests.",
                min=1, max=10, default=2, when=("type", ("graded",))),
        integer("full_year", "Fully vested in year", "years",
                "The year of service when everything has vested.",
                min=2, max=20, default=6, when=("type", ("graded",))),
        list_of("vested_pct_by_year", "Percent vested by year",
                "Percent vested after 0, 1, 2, ... completed years; must end at 100.",
                item=percent("item", "Percent vested", "Percent vested after this many years."),
                min_items=1, max_items=21, default=[0, 20, 40, 60, 80, 100],
                when=("type", ("custom",))),
    ),
    default={"type": "immediate"}, check=_check_vesting,
)

INPUTS = (
    usd("salary", "Salary", "Your annual base salary."),
    percent("contribution_pct", "Your contribution",
            "The percent of each paycheck you defer into the plan."),
    MATCH_FORMULA,
    integer("pay_periods", "Paychecks a year", "count",
            "26 for every two weeks, 24 twice a month, 12 monthly, 52 weekly.",
            min=1, max=52, default=26),
    usd("annual_deferral_limit", "Annual deferral limit",
        "The most you may defer in a year (elective deferral limit).",
        default=24500, figure="irs-401k-deferral-limit-2026"),
    boolean("true_up", "Year-end true-up",
            "Whether the plan tops up the match after the year ends to what the formula "
            "gives on the year's totals.", default=True),
    usd("compensation_limit", "Compensation limit",
        "Pay above this amount is not counted for the plan.",
        default=360000, figure="irs-401k-compensation-limit-2026"),
    VESTING,
    integer("years_of_service", "Years of service", "years",
            "Completed years with the employer, for vesting.", min=0, max=50, default=0),
    boolean("roth", "Roth deferrals",
            "Whether you defer into a Roth 401(k) (taxed now) rather than a traditional one.",
            default=False),
    *(field for field in tax_facts(state_required=False) if field.name != "age"),
    integer("age", "Your age", "years",
            "At the end of the year: from 50 you may defer more (catch-up contributions), "
            "and more again from 60 to 63.", min=14, max=120, default=35),
)


@dataclasses.dataclass(frozen=True, slots=True)
class VestingYear:
    year: int = out("Years of service", "years")
    vested_pct: Decimal = out("Vested", "pct")


@dataclasses.dataclass(frozen=True, slots=True)
class RetirementMatch:
    employee_contribution_annual: Decimal = out("Your contributions for the year", "usd")
    employer_match_annual: Decimal = out("Employer match for the year", "usd")
    employer_match_pct_of_pay: Decimal = out("Match as a percent of salary", "pct")
    max_match_annual: Decimal = out("Largest match available", "usd")
    match_left_on_table: Decimal = out("Match left on the table", "usd")
    best_contribution_pct: Decimal = out(
        "Contribution that earns the largest match", "pct")
    periods_with_match: int = out("Paychecks with a match", "count")
    true_up_amount: Decimal = out("Added by the year-end true-up", "usd")
    deferral_limit_annual: Decimal = out("Your deferral limit", "usd",
                                         help="With the catch-up your age allows.")
    match_cut_by_annual_limit: Decimal = out(
        "Match cut by the annual additions limit", "usd",
        help="Your deferrals and the match together may not exceed the section 415(c) limit.")
    deferral_limit_reached_period: int | None = out(
        "Paycheck in which the deferral limit is reached", "count", nullable=True)
    compensation_considered: Decimal = out("Pay counted by the plan", "usd")
    vested_pct: Decimal = out("Vested after your years of service", "pct")
    vested_match_annual: Decimal = out("Vested part of this year's match", "usd")
    vesting_schedule: list[VestingYear] = out("Vesting schedule", "table", row=VestingYear)
    tax_saved_by_deferral: Decimal = out(
        "Tax your deferral saves this year", "usd",
        help="Income tax a traditional deferral puts off (nothing for a Roth deferral).")
    net_cost_of_deferral: Decimal = out("What your deferral costs your take-home pay", "usd")


def formula_match(deferral: Decimal, pay: Decimal, tiers: list[dict[str, Any]]) -> Decimal:
    """The match on ``deferral`` dollars out of ``pay`` dollars under the tiers."""
    match = ZERO
    floor = ZERO
    for tier in tiers:
        band = pay * pct(tier["of_pay_pct"])
        matched = min(max(deferral - pay * floor, ZERO), band)
        match += matched * pct(tier["match_pct"])
        floor += pct(tier["of_pay_pct"])
    return match


def annual_match(
    salary: Decimal,
    contribution_pct: Decimal | None,
    tiers: list[dict[str, Any]],
    deferral_limit: Decimal,
    compensation_limit: Decimal,
) -> Decimal:
    """The match on a year's totals (with a true-up).

    ``contribution_pct=None`` means deferring just enough to earn the whole match.
    """
    pay = min(salary, compensation_limit)
    if contribution_pct is None:
        contribution_pct = sum((t["of_pay_pct"] for t in tiers), ZERO)
    deferral = min(pay * pct(contribution_pct), deferral_limit)
    return formula_match(deferral, pay, tiers)


@dataclasses.dataclass(frozen=True, slots=True)
class _Year:
    deferral: Decimal
    match: Decimal
    paid_per_period: Decimal
    periods_with_match: int
    limit_period: int | None
    uncut_match: Decimal = ZERO


def _simulate(
    salary: Decimal,
    contribution_pct: Decimal,
    tiers: list[dict[str, Any]],
    periods: int,
    deferral_limit: Decimal,
    compensation_limit: Decimal,
    true_up: bool,
) -> _Year:
    # Each paycheck is worked in units of ``periods`` times its dollars, so that a
    # paycheck's pay is the salary itself and the year needs no division until the end.
    rate = pct(contribution_pct)
    pay_cap = compensation_limit * periods
    deferral_cap = deferral_limit * periods
    total_pay = total_deferral = paid = ZERO
    with_match = 0
    limit_period = None
    for number in range(1, periods + 1):
        pay = min(salary, pay_cap - total_pay)
        total_pay += pay
        deferral = min(pay * rate, deferral_cap - total_deferral)
        total_deferral += deferral
        match = formula_match(deferral, pay, tiers)
        paid += match
        with_match += match > 0
        if limit_period is None and deferral > 0 and total_deferral == deferral_cap:
            limit_period = number
    paid /= periods
    match = paid
    if true_up:
        match = max(paid, formula_match(total_deferral / periods, total_pay / periods, tiers))
    return _Year(total_deferral / periods, match, paid, with_match, limit_period)


def vested_fraction(vesting: dict[str, Any], years_completed: int) -> Decimal:
    """The fraction of the match vested after ``years_completed`` years of service."""
    kind = vesting["type"]
    if kind == "immediate":
        return ONE
    if kind == "cliff":
        return ONE if years_completed >= vesting["years"] else ZERO
    if kind == "graded":
        start, full = vesting["start_year"], vesting["full_year"]
        if years_completed < start:
            return ZERO
        if years_completed >= full:
            return ONE
        return Decimal(years_completed - start + 1) / Decimal(full - start + 1)
    table = vesting["vested_pct_by_year"]
    return pct(table[min(years_completed, len(table) - 1)])


def _schedule(vesting: dict[str, Any]) -> list[VestingYear]:
    rows = []
    year = 0
    while True:  # every valid schedule is fully vested by year 20
        fraction = vested_fraction(vesting, year)
        rows.append(VestingYear(year, fraction * HUNDRED))
        if fraction == ONE:
            return rows
        year += 1


def retirement_match(
    *,
    salary: Decimal,
    contribution_pct: Decimal,
    match_formula: list[dict[str, Any]],
    pay_periods: int,
    annual_deferral_limit: Decimal,
    true_up: bool,
    compensation_limit: Decimal,
    vesting: dict[str, Any],
    years_of_service: int,
    roth: bool,
    age: int,
    **facts: Any,
) -> RetirementMatch:
    limits = law(DEFAULT_YEAR)["limits"]
    catch_up = deferral_limit(limits, age) - limits["elective_deferral"]
    own_limit = annual_deferral_limit + catch_up

    def simulate(contribution: Decimal) -> _Year:
        year = _simulate(salary, contribution, match_formula, pay_periods, own_limit,
                         compensation_limit, true_up)
        # Your deferrals (catch-ups aside) and the match together stay within the
        # section 415(c) limit: the match is cut first.
        room = max(ZERO, limits["annual_additions"] - min(year.deferral, annual_deferral_limit))
        return dataclasses.replace(year, match=min(year.match, room),
                                   uncut_match=year.match)

    year = simulate(contribution_pct)
    considered = min(salary, compensation_limit)
    candidates = {ZERO, contribution_pct}
    covered = ZERO
    for tier in match_formula:
        covered += tier["of_pay_pct"]
        candidates.add(covered)
    if considered > 0:
        candidates.add(min(HUNDRED, own_limit / considered * HUNDRED))
    matches = {candidate: simulate(candidate).match for candidate in sorted(candidates)}
    best_match = max(matches.values())
    best_pct = min(c for c, m in matches.items() if m == best_match)
    vested = vested_fraction(vesting, years_of_service)
    home = household({**facts, "age": age}, wages=salary)
    kind = "roth_401k" if roth else "traditional_401k"
    saved = taxes(home).total - taxes(home.replace(pretax={kind: year.deferral})).total
    return RetirementMatch(
        employee_contribution_annual=year.deferral,
        employer_match_annual=year.match,
        employer_match_pct_of_pay=year.match / salary * HUNDRED if salary > 0 else ZERO,
        max_match_annual=best_match,
        match_left_on_table=best_match - year.match,
        best_contribution_pct=best_pct,
        periods_with_match=year.periods_with_match,
        true_up_amount=max(ZERO, year.match - year.paid_per_period),
        deferral_limit_annual=own_limit,
        match_cut_by_annual_limit=year.uncut_match - year.match,
        deferral_limit_reached_period=year.limit_period,
        compensation_considered=considered,
        vested_pct=vested * HUNDRED,
        vested_match_annual=year.match * vested,
        vesting_schedule=_schedule(vesting),
        tax_saved_by_deferral=saved,
        net_cost_of_deferral=year.deferral - saved,
    )


CALCULATOR = Calculator(
    name="retirement_match",
    title="401(k) match",
    summary="What your employer adds to your 401(k) at your contribution, what the "
            "best contribution would earn, and how much of it is yours under the vesting "
            "schedule.",
    notes=(
        "Without a true-up the match is computed paycheck by paycheck: when your deferrals "
        "reach the annual limit early, the match stops too.",
        "Only pay up to the compensation limit counts for the plan.",
        "Vesting counts completed years of service.",
    ),
    inputs=INPUTS,
    result=RetirementMatch,
    function=retirement_match,
    example={
        "salary": 80000,
        "contribution_pct": 4,
        "match_formula": SAFE_HARBOR_BASIC,
        "pay_periods": 26,
        "true_up": True,
        "vesting": {"type": "graded", "start_year": 2, "full_year": 6},
        "years_of_service": 3,
    },
)
