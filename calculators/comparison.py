"""Two to five offers side by side, year by year.

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
  HSA money, e.g. from the health plan calculator) is subtracted; other benefits are
  added at their yearly value.
* The leader has the largest cumulative total at the end of ``years``; its margin is
  over the runner-up, and as a percent of the leader's total. Within
  ``close_band_pct`` the comparison is too close to call.
* Leaving after ``leave_after_months`` forfeits, per offer: unvested equity from every
  grant made before you leave; the unvested part of the match earned so far (the match
  accrues evenly through each year, and vesting counts completed years); and the
  sign-on repayment under the offer's terms.

A worked story: offer A pays $120,000 with 3% raises; offer B pays $110,000 with 4%
raises, a $10,000 sign-on bonus and a $40,000 grant over 4 years with a 1-year cliff.
Over four years B leads, by far more than 2%, but leaving B after 6 months would
cost the whole sign-on and the whole grant.

>>> from calculators.api import run
>>> r = run("offer_comparison", {"years": 4, "leave_after_months": 6, "offers": [
...     {"name": "A", "base_salary": 120000, "raise_pct": 3},
...     {"name": "B", "base_salary": 110000, "raise_pct": 4, "signon_bonus": 10000,
...      "equity_grant_value": 40000}]})
>>> [(row["offer"], row["total"]) for row in r["offers"]]
[('A', 502035.24), ('B', 517111.04)]
>>> r["leader"], r["margin"], r["too_close_to_call"]
('B', 15075.8, False)
>>> [(row["offer"], row["total"]) for row in r["forfeiture"]]
[('A', 0.0), ('B', 50000.0)]
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .equity import check_schedule, fraction_vested, vesting_events
from .errors import CalculatorError
from .fields import choice, integer, list_of, percent, text, usd
from .money import HUNDRED, ONE, ZERO, format_usd, pct, quantize
from .retirement import MATCH_FORMULA, VESTING, annual_match, vested_fraction
from .signon import repay_fraction
from .spec import Calculator, join, out

__all__ = ["OfferComparison", "offer_comparison", "CALCULATOR"]


def _check_offer(offer: dict[str, Any], path: str) -> None:
    check_schedule(offer, path, "equity_vesting_months", "equity_cliff_months",
                   "equity_interval_months")
    check_schedule(offer, path, "equity_vesting_months", "equity_refresher_cliff_months",
                   "equity_interval_months")


def _check_offers(offers: list[dict[str, Any]], path: str) -> None:
    for index, offer in enumerate(offers):
        _check_offer(offer, join(path, index))


OFFER_FIELDS = (
    text("name", "Offer", "A short name; empty for Offer 1, Offer 2, ...",
         default=None, nullable=True, max_length=40),
    usd("base_salary", "Base salary", "The starting annual base salary."),
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
    dataclasses.replace(MATCH_FORMULA, min_items=0, default=[],
                        help="The 401(k) match tiers; empty for no match."),
    dataclasses.replace(VESTING, name="match_vesting"),
    usd("health_cost_annual", "Your health cost a year",
        "Premiums plus expected out-of-pocket costs, less employer HSA money.", default=0),
    usd("other_benefits_annual", "Other benefits a year",
        "The yearly value to you of anything else the offer includes.", default=0),
)

INPUTS = (
    list_of("offers", "Offers", "Two to five offers to compare.", fields=OFFER_FIELDS,
            min_items=2, max_items=5, check=_check_offers),
    integer("years", "Years", "years", "How many years to compare.", min=1, max=10, default=4),
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


@dataclasses.dataclass(frozen=True, slots=True)
class OfferTotal:
    offer: str = out("Offer", "text")
    rank: int = out("Rank", "count")
    total: Decimal = out("Total over the years", "usd")
    first_year_total: Decimal = out("Year 1", "usd")
    average_annual: Decimal = out("Average a year", "usd")
    difference_from_leader: Decimal = out("Behind the leader by", "usd")


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
    margin: Decimal = out("Leader's margin", "usd")
    margin_pct: Decimal | None = out("Margin, percent of the leader's total", "pct",
                                     nullable=True, help="Empty when the leader's total is 0.")
    too_close_to_call: bool = out("Too close to call", "bool")
    close_band_pct: Decimal = out("Band for too close to call", "pct")
    leave_after_months: int = out("Leaving after (months)", "months")
    forfeiture: list[Forfeiture] = out("Forfeited if you leave early", "table", row=Forfeiture)
    summary: str = out("Summary", "text")


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
        grants = [(0, self.offer["equity_grant_value"], self.initial_events)]
        month = 12
        while month < before_month:
            grants.append((month, self.offer["equity_refresher_value"], self.refresher_events))
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


def offer_comparison(
    *,
    offers: list[dict[str, Any]],
    years: int,
    contribution_pct: Decimal | None,
    close_band_pct: Decimal,
    leave_after_months: int,
    annual_deferral_limit: Decimal,
    compensation_limit: Decimal,
) -> OfferComparison:
    names = _names(offers)
    by_year: list[OfferYear] = []
    totals: list[tuple[str, Decimal, Decimal]] = []
    forfeiture: list[Forfeiture] = []
    for name, offer in zip(names, offers):
        model = _Offer(offer, contribution_pct, annual_deferral_limit, compensation_limit)
        cumulative = ZERO
        vested_before = ZERO
        first_year = ZERO
        for year in range(1, years + 1):
            salary = model.salary(year)
            bonus = salary * pct(offer["bonus_target_pct"]) * pct(offer["bonus_payout_pct"])
            signon = offer["signon_bonus"] if year == 1 else ZERO
            equity = model.equity_vested(12 * year) - model.equity_vested(12 * (year - 1))
            _, vested_now = model.vested_match(12 * year)
            match_vested = vested_now - vested_before
            vested_before = vested_now
            total = (salary + bonus + signon + equity + match_vested
                     + offer["other_benefits_annual"] - offer["health_cost_annual"])
            cumulative += total
            if year == 1:
                first_year = total
            by_year.append(OfferYear(
                name, year, salary, bonus, signon, equity, model.match(year), match_vested,
                offer["health_cost_annual"], offer["other_benefits_annual"], total, cumulative))
        totals.append((name, cumulative, first_year))

        months = leave_after_months
        unvested_equity = sum((value for _, value, _ in model.grants(months)), ZERO)
        unvested_equity -= model.equity_vested(months)
        paid, vested = model.vested_match(months)
        repay = offer["signon_bonus"] * repay_fraction(
            offer["signon_commitment_months"], months, offer["signon_repayment"])
        forfeiture.append(Forfeiture(name, unvested_equity, paid - vested, repay,
                                     unvested_equity + paid - vested + repay))

    ranked = sorted(totals, key=lambda item: item[1], reverse=True)
    leader, leader_total, _ = ranked[0]
    runner_up, runner_up_total, _ = ranked[1]
    margin = leader_total - runner_up_total
    margin_pct = None if leader_total == 0 else margin / abs(leader_total) * HUNDRED
    too_close = margin * HUNDRED <= close_band_pct * abs(leader_total)
    rows = [
        OfferTotal(name, ranked.index((name, total, first)) + 1, total, first, total / years,
                   total - leader_total)
        for name, total, first in totals
    ]
    return OfferComparison(
        offers=rows,
        by_year=by_year,
        leader=leader,
        runner_up=runner_up,
        margin=margin,
        margin_pct=margin_pct,
        too_close_to_call=too_close,
        close_band_pct=close_band_pct,
        leave_after_months=leave_after_months,
        forfeiture=forfeiture,
        summary=_summary(leader, runner_up, margin, margin_pct, too_close, close_band_pct,
                         years),
    )


def _summary(leader: str, runner_up: str, margin: Decimal, margin_pct: Decimal | None,
             too_close: bool, band: Decimal, years: int) -> str:
    span = "1 year" if years == 1 else f"{years} years"
    share = "" if margin_pct is None else f" ({quantize(margin_pct, 1)}%)"
    lead = f"{leader} leads {runner_up} by {format_usd(margin)}{share} over {span}"
    if too_close:
        return f"Too close to call: {lead}, within the {band.normalize():f}% band."
    return f"{lead}."


CALCULATOR = Calculator(
    name="offer_comparison",
    title="Compare offers",
    summary="Two to five offers side by side over one to ten years: raises, sign-on, "
            "equity vesting and refreshers, the 401(k) match and its vesting, and health "
            "costs; who leads, by how much, and what leaving early would cost.",
    notes=(
        "Equity is valued at its grant value; a year counts what vests in it.",
        "A year counts the growth of your vested 401(k) match, so a vesting cliff shows "
        "up in the year it passes.",
        "Your expected health cost is subtracted each year.",
    ),
    inputs=INPUTS,
    result=OfferComparison,
    function=offer_comparison,
    check=_check,
    example={
        "offers": [
            {"name": "Northwind", "base_salary": 120000, "raise_pct": 3,
             "bonus_target_pct": 10, "signon_bonus": 0,
             "match_formula": [{"match_pct": 100, "of_pay_pct": 3},
                               {"match_pct": 50, "of_pay_pct": 2}],
             "match_vesting": {"type": "immediate"}, "health_cost_annual": 3200},
            {"name": "Contoso", "base_salary": 112000, "raise_pct": 4,
             "signon_bonus": 15000, "signon_commitment_months": 12,
             "signon_repayment": "prorated",
             "equity_grant_value": 60000, "equity_vesting_months": 48,
             "equity_cliff_months": 12, "equity_interval_months": 3,
             "equity_refresher_value": 10000,
             "match_formula": [{"match_pct": 50, "of_pay_pct": 6}],
             "match_vesting": {"type": "cliff", "years": 3}, "health_cost_annual": 4800},
        ],
        "years": 4,
        "contribution_pct": 6,
        "close_band_pct": 2,
        "leave_after_months": 18,
    },
)
