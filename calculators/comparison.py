"""Two to five offers side by side, year by year: before tax, after tax, and by place.

Conventions:

* Year 1 is the starting salary; each later year applies the offer's raise. The
  expected bonus is the year's salary x target x expected payout.
* The sign-on bonus counts in year 1.
* Equity is valued at grant value (no price change). The initial grant is made on the
  first day; a refresher of ``equity_refresher_value`` is granted on each work
  anniversary and vests over the same period and interval, after its own cliff
  (``equity_refresher_cliff_months``, none by default). A year counts what vests in it.
* The 401(k) match is computed on each year's salary with a year-end true-up, under
  the annual deferral and compensation limits (held at today's values). With
  ``contribution_pct`` empty you defer just enough for each offer's full match. A
  year counts the growth of your *vested* match balance, so a cliff shows up as one
  large step in the year it passes.
* The expected yearly health cost (yours: premiums plus out of pocket, less employer
  HSA money) is subtracted: with ``health_from`` ``"plan"`` it is the offer's
  ``health_plan`` priced by the health plan choice calculator
  (:func:`calculators.health_choice.plan_outlook`) for its coverage tier, in a year of
  the care you expect (``medical_costs``; empty for a typical year from MEPS), and each
  offer also reports that plan's cost in a heavy year and at worst; with ``"amount"``
  (the default) it is ``health_cost_annual`` as entered. Other benefits are added at
  their yearly value.
* After tax: each offer is taxed where it is, in its own ``state`` (with ``local`` or
  ``local_rate_pct`` where a city or county taxes wages), else in the comparison's
  ``state``, under the comparison's tax facts (filing status, spouse's wages, age,
  children, tax year). Each year's wages (salary, expected bonus, sign-on, and the RSUs
  and NSO spread that vest in it) go through the tax engine once; ISOs that vest are
  a long-term gain, as :mod:`calculators.offer_equity` says. The year's taxes are what the offer adds to the
  household's bill (on a joint return, over the tax on the spouse's wages alone). The vested 401(k) match, other benefits and the health cost are not
  wages: they count as they are. Your own 401(k) deferral is counted as pay, and taxed
  as pay. Every year is taxed under the tax year's law, held at today's figures like
  the 401(k) limits.
* Purchasing power is the after-tax total divided by the price level / 100 where the
  offer is: the offer's ``price_level``, else its state's BEA regional price parity
  (:mod:`calculators.prices`; US = 100).
* The leader has the largest total at the end of ``years`` on the measure ``rank_by``
  names: ``after_tax`` (the default), ``pre_tax`` or ``purchasing_power``. While an
  offer has no state its taxes are unknown, and the offers are ranked before tax
  (``ranked_by`` and ``ranking_note`` say so). The margin is the leader's lead over
  the runner-up on that measure, and as a percent of the leader's total; within
  ``close_band_pct`` the comparison is too close to call. Each offer's rank, and how
  far it is behind the leader (never negative), are on the same measure.
* Leaving after ``leave_after_months`` forfeits, per offer: unvested equity from every
  grant made before you leave; the unvested part of the match earned so far (the match
  accrues evenly through each year, and vesting counts completed years); and the
  sign-on repayment under the offer's terms (before tax).

A worked story: offer A pays $120,000 with 3% raises; offer B pays $110,000 with 4%
raises, a $10,000 sign-on bonus and a $40,000 grant over 4 years with a 1-year cliff.
Without a state the offers are ranked before tax: over four years B leads, by far
more than 2%, but leaving B after 6 months would cost the whole sign-on and the whole
grant.

>>> from calculators.api import run
>>> r = run("offer_comparison", {"years": 4, "leave_after_months": 6, "offers": [
...     {"name": "A", "base_salary": 120000, "raise_pct": 3},
...     {"name": "B", "base_salary": 110000, "raise_pct": 4, "signon_bonus": 10000,
...      "equity_grant_value": 40000}]})
>>> [(row["offer"], row["total"]) for row in r["offers"]]
[('A', 502035.24), ('B', 517111.04)]
>>> r["leader"], r["margin"], r["too_close_to_call"], r["ranked_by"]
('B', 15075.8, False, 'Before tax')
>>> [(row["offer"], row["total"]) for row in r["forfeiture"]]
[('A', 0.0), ('B', 50000.0)]

Two offers of $120,000, one in Texas and one in Illinois, are the same before tax;
after tax Texas leads by Illinois's income tax, 4.95% of $120,000 less its $2,925
exemption: $5,795.21 a year. At each state's prices (Texas 97.2, Illinois 98.9) the
lead is larger still.

>>> r = run("offer_comparison", {"years": 1, "offers": [
...     {"name": "Austin", "base_salary": 120000, "state": "TX"},
...     {"name": "Chicago", "base_salary": 120000, "state": "IL"}]})
>>> [(row["offer"], row["total"], row["after_tax_total"]) for row in r["offers"]]
[('Austin', 120000.0, 93250.0), ('Chicago', 120000.0, 87454.79)]
>>> r["leader"], r["margin"], r["ranked_by"]
('Austin', 5795.21, 'After tax')
>>> [row["purchasing_power_total"] for row in r["offers"]]
[95936.21, 88427.49]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .equity import check_schedule, fraction_vested, vesting_events
from .errors import CalculatorError
from . import health_choice
from . import offer_equity
from .fields import choice, integer, list_of, number, obj, percent, text, usd
from .money import HUNDRED, ONE, ZERO, format_usd, pct, quantize
from .prices import price_level
from .retirement import MATCH_FORMULA, VESTING, annual_match, vested_fraction
from .signon import repay_fraction
from .spec import Calculator, Choice, Field, join, out
from .taxfacts import LOCALS, STATES, household, tax_facts

__all__ = ["MEASURES", "OfferComparison", "check_offer", "health_outlook", "offer_comparison",
           "yearly_taxes", "CALCULATOR"]

# What can rank the offers: the value of ``rank_by``, and the words that name it.
MEASURES = (
    ("after_tax", "After tax"),
    ("pre_tax", "Before tax"),
    ("purchasing_power", "Purchasing power"),
)
_LABELS = dict(MEASURES)
# The measure to fall back on, in turn, while an offer lacks the one asked for.
_FALLBACK = {
    "purchasing_power": ("purchasing_power", "after_tax", "pre_tax"),
    "after_tax": ("after_tax", "pre_tax"),
    "pre_tax": ("pre_tax",),
}
_IN_WORDS = {"pre_tax": "before tax", "after_tax": "after tax",
             "purchasing_power": "in purchasing power"}
_NOTES = {
    "pre_tax": "Ranked before tax: pay and benefits as the offers state them.",
    "after_tax": "Ranked after tax: each year's pay less federal, state, local and payroll "
                 "taxes, with the benefits that are not taxed as pay.",
    "purchasing_power": "Ranked by purchasing power: the after-tax total divided by the price "
                        "level where each offer is (US = 100).",
}
# An offer's own tax facts; an error the engine names by one of them belongs to the offer.
OFFER_TAX_FACTS = ("state", "local", "local_rate_pct")


def check_offer(offer: dict[str, Any], path: str) -> None:
    """One offer's own rules: its vesting schedules, and what values its grant."""
    check_schedule(offer, path, "equity_vesting_months", "equity_cliff_months",
                   "equity_interval_months")
    check_schedule(offer, path, "equity_vesting_months", "equity_refresher_cliff_months",
                   "equity_interval_months")
    offer_equity.check_offer(offer, path)


def _check_offers(offers: list[dict[str, Any]], path: str) -> None:
    for index, offer in enumerate(offers):
        check_offer(offer, join(path, index))


def _places(name: str, label: str, help: str, places: tuple[tuple[str, str], ...]) -> Field:
    """An optional choice of state or city: empty takes the comparison's."""
    return Field(name=name, label=label, kind="choice", unit="choice", help=help,
                 default=None, nullable=True,
                 choices=tuple(Choice(value=code, label=name) for code, name in places))


# The health plan choice calculator's plan and tier, each optional here (0 where it had
# no default), and the care expected in the year.
HEALTH_PLAN_FIELDS = (
    *(dataclasses.replace(field, default=0) if field.required else field
      for field in health_choice.PLAN_FIELDS if field.name != "name"),
    *health_choice.COVERAGE_FIELDS,
    usd("medical_costs", "Care you expect in a year",
        "The year's care for everyone covered, at the plan's allowed amounts; empty for a "
        "typical year (the median spending per person, from MEPS).", default=None,
        nullable=True),
)


def _check_health_plan(plan: dict[str, Any], path: str) -> None:
    """The plan's own relations, and the people its tier can cover, named under ``path``."""
    health_choice.check_plan(plan, path)
    try:
        health_choice.plan_outlook(plan, coverage=plan["coverage"],
                                   people_covered=plan["people_covered"])
    except CalculatorError as error:
        raise CalculatorError(join(path, error.field), error.message) from None


def health_outlook(offer: dict[str, Any]) -> health_choice.PlanOutlook | None:
    """An offer's plan priced for a typical (or the expected) year, a heavy one and the
    worst; ``None`` when the offer gives its health cost as an amount."""
    if offer["health_from"] != "plan":
        return None
    plan = offer["health_plan"]
    care = plan["medical_costs"]
    typical = None if care is None else {"medical_costs": care, "one_person": None}
    return health_choice.plan_outlook(plan, coverage=plan["coverage"],
                                      people_covered=plan["people_covered"], typical=typical)


OFFER_FIELDS = (
    text("name", "Offer", "A short name; empty for Offer 1, Offer 2, ...",
         default=None, nullable=True, max_length=40),
    usd("base_salary", "Base salary", "The starting annual base salary."),
    _places("state", "State", "Where the job is, and where you would live and pay tax; "
            "empty for your state below.", STATES),
    number("price_level", "Price level (US = 100)", "count",
           "Prices where the job is, the US average being 100 (BEA's regional price "
           "parity); empty for the state's figure.", min=50, max=200, step=0.1,
           default=None, nullable=True),
    percent("raise_pct", "Yearly raise", "The raise you expect each year.", max=50, default=0),
    percent("bonus_target_pct", "Bonus target", "The target bonus as a percent of salary.",
            max=200, default=0),
    percent("bonus_payout_pct", "Expected payout",
            "The share of the target you expect to be paid.", max=300, default=100),
    usd("signon_bonus", "Sign-on bonus", "Paid once, counted in year 1.", default=0),
    integer("signon_commitment_months", "Sign-on commitment (months)", "months",
            "How long you must stay to keep the sign-on bonus.", min=1, max=120, default=12),
    choice("signon_repayment", "Sign-on repayment", "What you repay if you leave early.",
           (("full", "All of it"), ("prorated", "Less for each month served")),
           default="full"),
    usd("equity_grant_value", "Equity grant", "The initial grant's total value.", default=0),
    integer("equity_vesting_months", "Vesting period (months)", "months",
            "Months until a grant has fully vested.", min=1, max=120, default=48),
    integer("equity_cliff_months", "Cliff (months)", "months",
            "Nothing of the initial grant vests before this.", min=0, max=120, default=12),
    integer("equity_interval_months", "Vesting interval (months)", "months",
            "1 for monthly vesting, 3 for quarterly.", min=1, max=120, default=1),
    usd("equity_refresher_value", "Refresher grant a year",
        "The value of the grant added on each work anniversary.", default=0),
    integer("equity_refresher_cliff_months", "Refresher cliff (months)", "months",
            "Cliff on each refresher grant; 0 for none.", min=0, max=120, default=0),
    *offer_equity.OFFER_FIELDS,
    dataclasses.replace(MATCH_FORMULA, min_items=0, default=[],
                        help="The 401(k) match tiers; empty for no match."),
    dataclasses.replace(VESTING, name="match_vesting"),
    choice("health_from", "Health cost from",
           "Work the cost out from the health plan's terms, or enter a yearly amount.",
           (("amount", "A yearly amount"), ("plan", "The plan's terms")), default="amount"),
    usd("health_cost_annual", "Your health cost a year",
        "Premiums plus expected out-of-pocket costs, less employer HSA money.", default=0,
        when=("health_from", ("amount",))),
    obj("health_plan", "Health plan",
        "The plan you would choose with this offer: what it costs you in a year in "
        "premiums and out of pocket, less the employer's HSA money.",
        HEALTH_PLAN_FIELDS, default={}, when=("health_from", ("plan",)),
        check=_check_health_plan),
    usd("other_benefits_annual", "Other benefits a year",
        "The yearly value to you of anything else the offer includes.", default=0),
    _places("local", "City tax", "A city income tax the engine knows, where this job is.",
            LOCALS),
    percent("local_rate_pct", "Other local income tax",
            "A county or city income tax rate where this job is (Maryland and Indiana "
            "counties, Ohio and Pennsylvania towns).", max=10, default=0),
)

# The comparison's own tax facts: the reader's, shared by every offer.
_FACTS = {field.name: field for field in tax_facts(state_required=False)}
FACT_FIELDS = (
    _FACTS["filing_status"],
    dataclasses.replace(
        _FACTS["state"], label="Your state",
        help="Where you would live and pay tax, for each offer that names no state of its "
             "own; empty to compare before tax."),
    _FACTS["spouse_wages"],
    _FACTS["age"],
    _FACTS["dependents"],
    _FACTS["year"],
)

INPUTS = (
    list_of("offers", "Offers", "Two to five offers to compare.", fields=OFFER_FIELDS,
            min_items=2, max_items=5, check=_check_offers),
    integer("years", "Years", "years", "How many years to compare.", min=1, max=10, default=4),
    list_of("price_cases", "Share price cases",
            "The share price's path in each case: a growth rate a year, or your own "
            "prices. The defaults are illustrations, not forecasts.",
            fields=offer_equity.CASE_FIELDS, min_items=1, max_items=3,
            default=offer_equity.DEFAULT_CASES, check=offer_equity.check_cases),
    choice("rank_by", "Rank by",
           "Which total decides the leader: what each offer leaves you after tax, what it "
           "pays before tax, or what its after-tax money buys where it is.",
           (("after_tax", "After tax"), ("pre_tax", "Before tax"),
            ("purchasing_power", "Purchasing power (after tax, at local prices)")),
           default="after_tax"),
    percent("contribution_pct", "Your 401(k) contribution",
            "The percent of pay you defer; empty to defer enough for each offer's full match.",
            default=None, nullable=True),
    percent("close_band_pct", "Too close to call within",
            "A lead smaller than this percent of the leader's total is too close to call.",
            max=50, default=2),
    integer("leave_after_months", "If you leave after (months)", "months",
            "What each offer would cost you if you left this early.", min=1, max=120,
            default=12),
    usd("annual_deferral_limit", "Annual deferral limit", "The most you may defer in a year.",
        default=24500, figure="irs-401k-deferral-limit-2026"),
    usd("compensation_limit", "Compensation limit", "Pay above this is not counted for the plan.",
        default=360000, figure="irs-401k-compensation-limit-2026"),
    *FACT_FIELDS,
)


def _names(offers: list[dict[str, Any]]) -> list[str]:
    return [offer["name"] or f"Offer {i + 1}" for i, offer in enumerate(offers)]


def _check(values: dict[str, Any]) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(_names(values["offers"])):
        if name in seen:
            raise CalculatorError(join(join("offers", index), "name"),
                                  f"must differ from offers[{seen[name]}] ({name!r})")
        seen[name] = index


@dataclasses.dataclass(frozen=True, slots=True)
class OfferYear:
    offer: str = out("Offer", "text")
    year: int = out("Year", "years")
    salary: Decimal = out("Salary", "usd")
    bonus: Decimal = out("Expected bonus", "usd")
    signon: Decimal = out("Sign-on bonus", "usd")
    equity: Decimal = out("Equity vested", "usd")
    retirement_match: Decimal = out("401(k) match paid in", "usd")
    retirement_match_vested: Decimal = out("401(k) match vested", "usd")
    health_cost: Decimal = out("Health cost", "usd")
    other_benefits: Decimal = out("Other benefits", "usd")
    total: Decimal = out("Total", "usd")
    cumulative: Decimal = out("Cumulative", "usd")
    taxes: Decimal | None = out("Taxes", "usd", nullable=True,
                                help="On the year's wages; empty without a state.")
    after_tax: Decimal | None = out("After tax", "usd", nullable=True)
    cumulative_after_tax: Decimal | None = out("Cumulative after tax", "usd", nullable=True)
    difference_from_leader: Decimal = out(
        "Against the leader", "usd",
        help="This year's total on the measure that ranks the offers, less the leader's.")


@dataclasses.dataclass(frozen=True, slots=True)
class OfferTotal:
    offer: str = out("Offer", "text")
    rank: int = out("Rank", "count")
    state: str | None = out("State", "text", nullable=True)
    total: Decimal = out("Total before tax", "usd")
    after_tax_total: Decimal | None = out("Total after tax", "usd", nullable=True,
                                          help="Empty without a state.")
    price_level: Decimal | None = out("Price level", "count", nullable=True,
                                      help="US = 100.")
    purchasing_power_total: Decimal | None = out(
        "Purchasing power", "usd", nullable=True,
        help="After tax, at US-average prices: after tax / (price level / 100).")
    behind_leader_by: Decimal = out("Behind the leader by", "usd",
                                    help="On the measure that ranks the offers.")
    first_year_total: Decimal = out("Year 1", "usd")
    average_annual: Decimal = out("Average a year", "usd")
    difference_from_leader: Decimal = out("Difference from the leader", "usd",
                                          help="This offer's total less the leader's.")
    health_cost_heavy_year: Decimal | None = out(
        "Health cost in a heavy year", "usd", nullable=True,
        help="The offer's health plan in a year of heavy care; empty without a plan.")
    health_cost_worst_case: Decimal | None = out(
        "Health cost at worst", "usd", nullable=True,
        help="Premiums plus the out-of-pocket maximum, less HSA money; empty without a plan.")
    at_risk: Decimal = out("At-risk pay (equity)", "usd",
                           help="The equity in the total before tax: it vests only while you "
                                "stay and is worth only what the shares are.")


@dataclasses.dataclass(frozen=True, slots=True)
class Forfeiture:
    offer: str = out("Offer", "text")
    unvested_equity: Decimal = out("Unvested equity", "usd")
    unvested_match: Decimal = out("Unvested 401(k) match", "usd")
    signon_repayment: Decimal = out("Sign-on repayment", "usd")
    total: Decimal = out("Total forfeited", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class OfferComparison:
    offers: list[OfferTotal] = out("Offers", "table", row=OfferTotal)
    by_year: list[OfferYear] = out("Year by year", "table", row=OfferYear)
    leader: str = out("Leader", "text")
    runner_up: str = out("Runner-up", "text")
    ranked_by: str = out("Ranked by", "text")
    ranking_note: str = out("How they are ranked", "text")
    margin: Decimal = out("Leader's margin", "usd")
    margin_pct: Decimal | None = out("Margin, percent of the leader's total", "pct",
                                     nullable=True, help="Empty when the leader's total is 0.")
    too_close_to_call: bool = out("Too close to call", "bool")
    close_band_pct: Decimal = out("Band for too close to call", "pct")
    leave_after_months: int = out("Leaving after (months)", "months")
    forfeiture: list[Forfeiture] = out("Forfeited if you leave early", "table", row=Forfeiture)
    summary: str = out("Summary", "text")
    by_price_case: list[offer_equity.CaseTotal] = out(
        "Under each share price case", "table", row=offer_equity.CaseTotal)
    price_case_leaders: list[offer_equity.CaseLeader] = out(
        "Who leads in each price case", "table", row=offer_equity.CaseLeader)


class _Offer:
    """One offer's money over time."""

    def __init__(self, offer: dict[str, Any], contribution_pct: Decimal | None,
                 deferral_limit: Decimal, compensation_limit: Decimal) -> None:
        self.offer = offer
        self.contribution_pct = contribution_pct
        self.deferral_limit = deferral_limit
        self.compensation_limit = compensation_limit
        vesting, interval = offer["equity_vesting_months"], offer["equity_interval_months"]
        self.initial_events = vesting_events(vesting, offer["equity_cliff_months"], interval)
        self.refresher_events = vesting_events(
            vesting, offer["equity_refresher_cliff_months"], interval)

    def salary(self, year: int) -> Decimal:
        return self.offer["base_salary"] * (ONE + pct(self.offer["raise_pct"])) ** (year - 1)

    def match(self, year: int) -> Decimal:
        return annual_match(self.salary(year), self.contribution_pct,
                            self.offer["match_formula"], self.deferral_limit,
                            self.compensation_limit)

    def grants(self, before_month: int) -> list[tuple[int, Decimal, list[tuple[int, Decimal]]]]:
        """Grants made before ``before_month``: (month granted, value, vesting events)."""
        initial, refresher = offer_equity.grant_values(self.offer)
        grants = [(0, initial, self.initial_events)]
        month = 12
        while month < before_month:
            grants.append((month, refresher, self.refresher_events))
            month += 12
        return grants

    def equity_vested(self, month: int) -> Decimal:
        return sum((value * fraction_vested(events, month - granted)
                    for granted, value, events in self.grants(month)), ZERO)

    def vested_match(self, months: int) -> tuple[Decimal, Decimal]:
        """(match paid in, match vested) after ``months`` months of service."""
        full_years, extra_months = divmod(months, 12)
        paid = sum((self.match(year) for year in range(1, full_years + 1)), ZERO)
        paid += self.match(full_years + 1) * extra_months / 12
        return paid, paid * vested_fraction(self.offer["match_vesting"], full_years)


def yearly_taxes(tax: offer_equity.OfferTaxes, offer: dict[str, Any], where: str | None,
                 path: str, wages: list[Decimal], iso_gains: list[Decimal],
                 ) -> list[Decimal] | None:
    """The taxes each year's income adds to the household's bill; ``None`` without a state.

    ``wages`` are each year's pay, ``iso_gains`` each year's ISO gain
    (:func:`calculators.offer_equity.iso_at_today`), taxed as ``tax``
    (:class:`~calculators.offer_equity.OfferTaxes`) says. An error about the offer's
    own place names the offer.
    """
    if where is None:
        return None
    try:
        return [tax(offer, where, amount, long_term=gain)
                for amount, gain in zip(wages, iso_gains)]
    except CalculatorError as error:
        field = join(path, error.field) if error.field in OFFER_TAX_FACTS else error.field
        raise CalculatorError(field, error.message) from None


@dataclasses.dataclass(frozen=True, slots=True)
class _Standing:
    """One offer's totals over the years, on every measure (``None`` where unknown)."""

    name: str
    state: str | None
    pre_tax: Decimal
    first_year: Decimal
    after_tax: Decimal | None
    price_level: Decimal | None
    purchasing_power: Decimal | None
    health: health_choice.PlanOutlook | None

    def on(self, measure: str) -> Decimal | None:
        return getattr(self, measure)


def offer_comparison(
    *,
    offers: list[dict[str, Any]],
    years: int,
    price_cases: list[dict[str, Any]],
    rank_by: str,
    contribution_pct: Decimal | None,
    close_band_pct: Decimal,
    leave_after_months: int,
    annual_deferral_limit: Decimal,
    compensation_limit: Decimal,
    filing_status: str,
    state: str | None,
    spouse_wages: Decimal,
    age: int,
    dependents: int,
    year: int,
) -> OfferComparison:
    facts = {"filing_status": filing_status, "spouse_wages": spouse_wages, "age": age,
             "dependents": dependents, "year": year}
    names = _names(offers)
    offer_taxes = offer_equity.OfferTaxes(facts)  # for the yearly table and the price cases
    by_year: list[OfferYear] = []
    standings: list[_Standing] = []
    forfeiture: list[Forfeiture] = []
    for index, (name, offer) in enumerate(zip(names, offers)):
        model = _Offer(offer, contribution_pct, annual_deferral_limit, compensation_limit)
        where = offer["state"] or state
        outlook = health_outlook(offer)
        health_annual = offer["health_cost_annual"] if outlook is None else outlook.expected
        rows: list[tuple[Any, ...]] = []
        wages: list[Decimal] = []
        iso_gains = offer_equity.iso_at_today(offer, years)
        vested_before = ZERO
        for year_number in range(1, years + 1):
            salary = model.salary(year_number)
            bonus = salary * pct(offer["bonus_target_pct"]) * pct(offer["bonus_payout_pct"])
            signon = offer["signon_bonus"] if year_number == 1 else ZERO
            equity = (model.equity_vested(12 * year_number)
                      - model.equity_vested(12 * (year_number - 1)))
            _, vested_now = model.vested_match(12 * year_number)
            match_vested = vested_now - vested_before
            vested_before = vested_now
            total = (salary + bonus + signon + equity + match_vested
                     + offer["other_benefits_annual"] - health_annual)
            rows.append((year_number, salary, bonus, signon, equity, model.match(year_number),
                         match_vested, total))
            wages.append(salary + bonus + signon + equity - iso_gains[year_number - 1])
        yearly = yearly_taxes(offer_taxes, offer, where, join("offers", index), wages,
                              iso_gains)
        cumulative = cumulative_after = ZERO
        for number, (year_number, salary, bonus, signon, equity, match, match_vested,
                     total) in enumerate(rows):
            cumulative += total
            tax = None if yearly is None else yearly[number]
            after = None if tax is None else total - tax
            cumulative_after += after or ZERO
            by_year.append(OfferYear(
                name, year_number, salary, bonus, signon, equity, match, match_vested,
                health_annual, offer["other_benefits_annual"], total, cumulative,
                tax, after, None if after is None else cumulative_after, ZERO))
        after_total = None if yearly is None else cumulative_after
        price = offer["price_level"] if offer["price_level"] is not None else price_level(where)
        power = (None if after_total is None or price is None
                 else after_total * HUNDRED / price)
        standings.append(_Standing(name, where, cumulative, rows[0][-1], after_total, price,
                                   power, outlook))

        months = leave_after_months
        unvested_equity = sum((value for _, value, _ in model.grants(months)), ZERO)
        unvested_equity -= model.equity_vested(months)
        paid, vested = model.vested_match(months)
        repay = offer["signon_bonus"] * repay_fraction(
            offer["signon_commitment_months"], months, offer["signon_repayment"])
        forfeiture.append(Forfeiture(name, unvested_equity, paid - vested, repay,
                                     unvested_equity + paid - vested + repay))

    measure = next(m for m in _FALLBACK[rank_by]
                   if all(s.on(m) is not None for s in standings))
    value: Callable[[_Standing], Decimal] = lambda s: s.on(measure)  # noqa: E731
    ranked = sorted(standings, key=value, reverse=True)  # stable: ties keep their order
    leader, runner_up = ranked[0], ranked[1]
    lead = value(leader)
    margin = lead - value(runner_up)
    margin_pct = None if lead == 0 else margin / abs(lead) * HUNDRED
    too_close = margin * HUNDRED <= close_band_pct * abs(lead)
    rank = {s.name: position for position, s in enumerate(ranked, 1)}
    prices = {s.name: s.price_level for s in standings}

    def yearly(row: OfferYear) -> Decimal:
        if measure == "pre_tax":
            return row.total
        after = row.after_tax
        return after if measure == "after_tax" else after * HUNDRED / prices[row.offer]

    leader_years = {row.year: yearly(row) for row in by_year if row.offer == leader.name}
    by_year = [dataclasses.replace(row, difference_from_leader=yearly(row)
                                   - leader_years[row.year]) for row in by_year]
    rows_out = [
        OfferTotal(s.name, rank[s.name], s.state, s.pre_tax, s.after_tax, s.price_level,
                   s.purchasing_power, lead - value(s), s.first_year, s.pre_tax / years,
                   value(s) - lead, s.health and s.health.heavy, s.health and s.health.worst_case,
                   sum((row.equity for row in by_year if row.offer == s.name), ZERO))
        for s in standings
    ]
    case_totals, case_leaders = offer_equity.price_cases(
        cases=price_cases, offers=offers, names=names, by_year=by_year,
        places=[s.state for s in standings], price_levels=[s.price_level for s in standings],
        measure=measure, tax=offer_taxes)
    return OfferComparison(
        offers=rows_out,
        by_year=by_year,
        leader=leader.name,
        runner_up=runner_up.name,
        ranked_by=_LABELS[measure],
        ranking_note=_note(measure, rank_by, standings),
        margin=margin,
        margin_pct=margin_pct,
        too_close_to_call=too_close,
        close_band_pct=close_band_pct,
        leave_after_months=leave_after_months,
        forfeiture=forfeiture,
        summary=_summary(leader.name, runner_up.name, margin, margin_pct, too_close,
                         close_band_pct, years, measure),
        by_price_case=case_totals,
        price_case_leaders=case_leaders,
    )


def _listing(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _note(measure: str, asked: str, standings: list[_Standing]) -> str:
    if measure == asked:
        return _NOTES[measure]
    missing = [s.name for s in standings if s.on(asked) is None]
    verb = "has" if len(missing) == 1 else "have"
    return (f"Ranked {_LABELS[measure].lower()}: {_listing(missing)} {verb} no state, so "
            f"taxes are unknown. Choose each offer's state (or yours, for every offer) to "
            f"rank by {_LABELS[asked].lower()}.")


def _summary(leader: str, runner_up: str, margin: Decimal, margin_pct: Decimal | None,
             too_close: bool, band: Decimal, years: int, measure: str) -> str:
    span = "1 year" if years == 1 else f"{years} years"
    share = "" if margin_pct is None else f" ({quantize(margin_pct, 1)}%)"
    how = "" if measure == "pre_tax" else f" {_IN_WORDS[measure]}"  # before tax: as before
    lead = f"{leader} leads {runner_up} by {format_usd(margin)}{share}{how} over {span}"
    if too_close:
        return f"Too close to call: {lead}, within the {band.normalize():f}% band."
    return f"{lead}."


CALCULATOR = Calculator(
    name="offer_comparison",
    title="Compare offers",
    summary="Two to five offers side by side over one to ten years: raises, sign-on, "
            "equity vesting and refreshers, the 401(k) match and its vesting, health "
            "costs, the taxes where each offer is and what its pay buys there; who leads, "
            "by how much, and what leaving early would cost.",
    notes=(
        "Equity is valued at today's share price (a dollar grant at its grant value), "
        "after any private-company discount you set; a year counts what vests in it. The "
        "share price cases value it again at each case's prices, with the ESPP's gain: "
        "illustrations, not forecasts. Equity is at-risk pay, marked as such in each total.",
        "A year counts the growth of your vested 401(k) match, so a vesting cliff shows "
        "up in the year it passes.",
        "Your expected health cost is subtracted each year: the yearly amount you enter, or "
        "the offer's health plan priced as the health plan choice calculator prices it "
        "(premiums, the deductible, coinsurance and the out-of-pocket maximum, for your "
        "coverage tier) in a year of the care you expect, or a typical year. Each offer "
        "with a plan also shows its cost in a heavy year and at worst. The tax your own "
        "HSA contributions would save is not counted.",
        "After tax: each year's wages (salary, bonus, sign-on and vesting RSUs) less the "
        "federal, state, local and payroll taxes they add, where each offer is; the 401(k) "
        "match, other benefits and the health cost are not taxed as pay.",
        "Purchasing power: the after-tax total divided by the price level where the offer "
        "is (BEA's regional price parity for its state, 2023, US = 100, unless you enter "
        "your own, for a city, say).",
    ),
    inputs=INPUTS,
    result=OfferComparison,
    function=offer_comparison,
    check=_check,
    example={
        "offers": [
            {"name": "Northwind", "base_salary": 120000, "state": "WA", "raise_pct": 3,
             "bonus_target_pct": 10, "signon_bonus": 0,
             "match_formula": [{"match_pct": 100, "of_pay_pct": 3},
                               {"match_pct": 50, "of_pay_pct": 2}],
             "match_vesting": {"type": "immediate"}, "health_cost_annual": 3200},
            {"name": "Contoso", "base_salary": 112000, "state": "TX", "raise_pct": 4,
             "signon_bonus": 15000, "signon_commitment_months": 12,
             "signon_repayment": "prorated",
             "equity_grant_value": 60000, "equity_vesting_months": 48,
             "equity_cliff_months": 12, "equity_interval_months": 3,
             "equity_refresher_value": 10000,
             "match_formula": [{"match_pct": 50, "of_pay_pct": 6}],
             "match_vesting": {"type": "cliff", "years": 3}, "health_from": "plan",
             "health_plan": {"premium_per_month": 150, "deductible": 2000,
                             "coinsurance_pct": 20, "oop_max": 5000, "copays": 400,
                             "employer_hsa_contribution": 1000, "hsa_eligible": True,
                             "medical_costs": 10000}},
        ],
        "years": 4,
        "rank_by": "after_tax",
        "contribution_pct": 6,
        "close_band_pct": 2,
        "leave_after_months": 18,
        "filing_status": "single",
    },
)
