"""What stock options are worth, and what exercising them costs in cash and in tax.

Conventions:

* Options vest by the rules of :mod:`calculators.equity` (nothing before the cliff),
  counted in whole options, rounded down. Only vested options can be exercised,
  unless the company allows early exercise.
* Exercising costs the strike price for each option. The spread is what the shares
  are worth today above that price (never below 0); the value at a price you test is
  the same at that price.
* Tax at exercise, through the tax engine, for your salary and state: an NSO's spread
  is wages (federal and state income tax, Social Security and Medicare: the
  difference in each tax with and without it). An ISO's spread is no regular income,
  but it is income for the alternative minimum tax (Form 6251, line 2i): the tax is
  the AMT it adds, 0 when none. Of the ISOs first exercisable in a year, those worth
  more than $100,000 at the strike price count as NSOs (IRC 422(d)); years are
  counted from the grant. IRS Publication 525; Form 6251 and its instructions.
* Leaving after ``leave_after_months`` forfeits the unvested options; the vested ones
  must be exercised within the window (90 days unless the offer says otherwise) or
  they are lost too. An ISO exercised more than 3 months after you leave is taxed
  as an NSO (IRC 422(a)(2)).
* Early exercise, where the company allows it: buy every option's share now, with an
  83(b) election filed within 30 days, so the tax is on today's spread (often 0
  right after the grant) instead of the spread when the shares vest. Unvested shares
  are bought back if you leave, and the tax paid is not refunded. All the options
  become exercisable at once, so the ISO limit counts them all in one year.
* The discount for a private company (``discount_pct``) cuts the grant's value at
  the price you test: the risk that its shares are never sold at that price.
* Each year's tax is worked out with your salary and this year's law; state minimum
  taxes (California's AMT) and the AMT credit in later years are not counted.

A worked story (the vesting as the Holloway Guide to Equity Compensation describes
it: "0% vesting for the first 12 months, 25% vesting at the 12th month, and 1/48th
more each month"): 10,000 NSOs at a $1 strike, the shares worth $5 today, $80,000
of salary in Texas. After 30 months 6,250 have vested; exercising them costs $6,250
and their $25,000 spread is taxed as pay: 22% federal income tax, 6.2% Social
Security and 1.45% Medicare, $7,412.50.

>>> from calculators.api import run
>>> r = run("stock_options", {"options": 10000, "strike_price": 1, "fmv": 5,
...     "option_type": "nso", "salary": 80000, "state": "TX", "months_elapsed": 30})
>>> r["vested_options"], r["exercise_cost"], r["spread"], r["tax_at_exercise"]
(6250, 6250.0, 25000.0, 7412.5)
>>> r["cash_needed_to_exercise"]
13662.5

As ISOs, the same spread owes no regular tax and adds no AMT at this salary:

>>> run("stock_options", {"options": 10000, "strike_price": 1, "fmv": 5,
...     "option_type": "iso", "salary": 80000, "state": "TX", "months_elapsed": 30})["tax_at_exercise"]
0.0
"""

from __future__ import annotations

import dataclasses
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from . import equity, grants
from .equity import check_schedule, fraction_vested, vesting_events
from .fields import boolean, choice, integer, percent, usd
from .money import ONE, ZERO, format_usd, pct
from .spec import Calculator, out
from .tax import Household, law, tax_on_more_wages
from .tax.amt import amt_added
from .taxfacts import TAX_FACTS, household

__all__ = ["Exercise", "ExerciseTax", "StockOptions", "exercise_tax", "iso_split",
           "stock_options", "CALCULATOR"]

VESTING = {field.name: field for field in equity.INPUTS}

INPUTS = (
    integer("options", "Options granted", "count", "How many options the grant gives you.",
            min=0, max=1_000_000_000),
    usd("strike_price", "Strike price", "What each option lets you pay for a share."),
    usd("fmv", "Share value today", "The fair market value of a share: a private "
        "company's 409A price, a public company's market price."),
    usd("exit_price", "Price to test", "A share price to test, such as at a sale of the "
        "company; empty for today's value.", default=None, nullable=True),
    choice("option_type", "Kind of option", "Incentive stock options (ISOs) or "
           "non-qualified stock options (NSOs); the grant letter says which.",
           (("iso", "Incentive stock options (ISOs)"),
            ("nso", "Non-qualified stock options (NSOs)"))),
    usd("salary", "Salary", "Your wages a year, before any exercise."),
    *TAX_FACTS,
    VESTING["vesting_months"],
    VESTING["cliff_months"],
    VESTING["interval_months"],
    dataclasses.replace(VESTING["months_elapsed"], help="How long you have held the grant."),
    percent("discount_pct", "Private-company discount", "How much to cut the value at the "
            "price you test, for the risk that a private company's shares are never sold "
            "at it; 0 for a public company.", default=0),
    integer("leave_after_months", "If you leave after (months)", "months",
            "What leaving this many months after the grant would cost; empty to skip.",
            min=0, max=600, default=None, nullable=True),
    integer("exercise_window_days", "Exercise window after leaving", "days",
            "How long you have to exercise vested options after you leave: 90 days "
            "unless the offer says otherwise.", min=0, max=3650, default=90),
    boolean("early_exercise", "Early exercise allowed", "The company lets you exercise "
            "options before they vest (with an 83(b) election).", default=False),
)


@dataclasses.dataclass(frozen=True, slots=True)
class ExerciseTax:
    """The tax an exercise adds: regular income tax, payroll tax and the AMT."""

    income_tax: Decimal
    payroll_tax: Decimal
    amt: Decimal

    @property
    def total(self) -> Decimal:
        return self.income_tax + self.payroll_tax + self.amt


@dataclasses.dataclass(frozen=True, slots=True)
class Exercise:
    month: int = out("Month", "months")
    vested_options: int = out("Vested options", "count")
    exercise_cost: Decimal = out("Exercise cost", "usd")
    value_at_exit: Decimal = out("Value at the price tested", "usd")
    tax_at_exercise: Decimal = out("Tax at exercise", "usd", help="At today's share value.")
    cash_needed: Decimal = out("Cash to exercise", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class StockOptions:
    summary: str = out("In a sentence", "text")
    vested_options: int = out("Vested options", "count")
    unvested_options: int = out("Unvested options", "count")
    iso_options: int = out("Vested options taxed as ISOs", "count",
                           help="Up to $100,000 first exercisable a year, at the strike price.")
    nso_options: int = out("Vested options taxed as NSOs", "count")
    exercise_cost: Decimal = out("Cost to exercise the vested options", "usd")
    spread: Decimal = out("Spread today", "usd",
                          help="What their shares are worth above the strike price.")
    exit_price: Decimal = out("Price tested", "usd", places=4)
    value_at_exit: Decimal = out("Vested options at the price tested", "usd")
    income_tax_at_exercise: Decimal = out("Income tax at exercise", "usd",
                                          help="Federal, state and local.")
    payroll_tax_at_exercise: Decimal = out("Social Security and Medicare at exercise", "usd")
    amt_at_exercise: Decimal = out("Alternative minimum tax at exercise", "usd")
    tax_at_exercise: Decimal = out("Tax at exercise", "usd")
    cash_needed_to_exercise: Decimal = out("Cash needed to exercise", "usd",
                                           help="Exercise cost plus tax at exercise.")
    grant_value_at_exit: Decimal = out("Whole grant at the price tested", "usd",
                                       help="Vested or not, before any discount.")
    yearly_value_at_exit: Decimal = out("One year of vesting at the price tested", "usd")
    risk_adjusted_value: Decimal = out("Whole grant after the private-company discount",
                                       "usd")
    leave_forfeited_options: int | None = out(
        "Leaving: unvested options lost", "count", nullable=True,
        help="Empty unless you set when you leave.")
    leave_forfeited_value: Decimal | None = out("Leaving: their value at the price tested",
                                                "usd", nullable=True)
    leave_vested_options: int | None = out("Leaving: vested options to exercise", "count",
                                           nullable=True)
    leave_cash_to_keep: Decimal | None = out(
        "Leaving: cash to keep them", "usd", nullable=True,
        help="Exercise cost and tax at today's value, within the window.")
    early_exercise_cost: Decimal | None = out("Early exercise: cost for every option", "usd",
                                              nullable=True,
                                              help="Empty unless early exercise is allowed.")
    early_exercise_tax: Decimal | None = out("Early exercise: tax now, with an 83(b) election",
                                             "usd", nullable=True)
    tax_if_exercised_at_exit: Decimal | None = out(
        "Tax if you wait and exercise at the price tested", "usd", nullable=True)
    early_exercise_tax_saved: Decimal | None = out("Early exercise saves in tax", "usd",
                                                   nullable=True)
    schedule: list[Exercise] = out("Year by year", "table", row=Exercise)


def _whole(options: int, fraction: Decimal) -> int:
    return int((options * fraction).to_integral_value(rounding=ROUND_FLOOR))


def iso_split(options: int, strike: Decimal, events: list[tuple[int, Decimal]], month: int,
              *, early: bool, limit: Decimal) -> tuple[int, int]:
    """Of the options exercisable after ``month`` months, how many are ISOs and NSOs.

    In each year from the grant, the options first exercisable in it count as ISOs up
    to ``limit`` dollars at the strike price; the rest are NSOs (IRC 422(d)). With
    early exercise every option is exercisable from the start.
    """
    def exercisable(at: int) -> int:
        return options if early else _whole(options, fraction_vested(events, at))

    cap = _whole(1, limit / strike) if strike else options
    iso, before = 0, 0
    for year in range(1, month // 12 + 2):
        now = exercisable(min(12 * year, month))
        iso += min(now - before, cap)
        before = now
    return iso, before - iso


def exercise_tax(home: Household, *, nso_spread: Decimal, iso_spread: Decimal) -> ExerciseTax:
    """The tax an exercise adds: the NSO spread as wages, the ISO spread for the AMT."""
    extra = tax_on_more_wages(home, nso_spread)
    more = home.replace(wages=home.wages + nso_spread)
    return ExerciseTax(
        income_tax=extra.federal_income_tax + extra.state_income_tax + extra.local_income_tax,
        payroll_tax=extra.social_security_tax + extra.medicare_tax + extra.state_payroll_tax,
        amt=amt_added(more, iso_spread))


class _Grant:
    """One grant of options and the reader's tax facts."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.options: int = values["options"]
        self.strike: Decimal = values["strike_price"]
        self.iso = values["option_type"] == "iso"
        self.events = vesting_events(values["vesting_months"], values["cliff_months"],
                                     values["interval_months"])
        self.home = household(values, wages=values["salary"])
        self.limit = Decimal(law(self.home.year)["federal"]["incentive_stock_options"]
                             ["yearly_limit"])

    def vested(self, month: int) -> int:
        return _whole(self.options, fraction_vested(self.events, month))

    def split(self, month: int, *, early: bool = False) -> tuple[int, int]:
        if not self.iso:
            return 0, self.options if early else self.vested(month)
        return iso_split(self.options, self.strike, self.events, month, early=early,
                         limit=self.limit)

    def spread(self, count: int, price: Decimal) -> Decimal:
        return count * grants.unit_value("iso", price, self.strike)

    def tax(self, month: int, price: Decimal, *, early: bool = False) -> ExerciseTax:
        iso, nso = self.split(month, early=early)
        return exercise_tax(self.home, nso_spread=self.spread(nso, price),
                            iso_spread=self.spread(iso, price))

    def row(self, month: int, fmv: Decimal, exit_price: Decimal) -> Exercise:
        vested = self.vested(month)
        cost = vested * self.strike
        tax = self.tax(month, fmv).total
        return Exercise(month, vested, cost, self.spread(vested, exit_price), tax, cost + tax)


def stock_options(*, options: int, strike_price: Decimal, fmv: Decimal,
                  exit_price: Decimal | None, option_type: str, salary: Decimal,
                  vesting_months: int, cliff_months: int, interval_months: int,
                  months_elapsed: int, discount_pct: Decimal, leave_after_months: int | None,
                  exercise_window_days: int, early_exercise: bool,
                  **facts: Any) -> StockOptions:
    grant = _Grant({"options": options, "strike_price": strike_price,
                    "option_type": option_type, "salary": salary,
                    "vesting_months": vesting_months, "cliff_months": cliff_months,
                    "interval_months": interval_months, **facts})
    price = fmv if exit_price is None else exit_price
    vested = grant.vested(months_elapsed)
    iso, nso = grant.split(months_elapsed)
    tax = grant.tax(months_elapsed, fmv)
    cost = vested * strike_price
    whole = grant.spread(options, price)
    leaving: dict[str, Any] = dict.fromkeys(
        ("leave_forfeited_options", "leave_forfeited_value", "leave_vested_options",
         "leave_cash_to_keep"))
    if leave_after_months is not None:
        kept = grant.vested(leave_after_months)
        leaving.update(leave_forfeited_options=options - kept,
                       leave_forfeited_value=grant.spread(options - kept, price),
                       leave_vested_options=kept,
                       leave_cash_to_keep=kept * strike_price
                       + grant.tax(leave_after_months, fmv).total)
    early: dict[str, Any] = dict.fromkeys(
        ("early_exercise_cost", "early_exercise_tax", "tax_if_exercised_at_exit",
         "early_exercise_tax_saved"))
    if early_exercise:
        now = grant.tax(0, fmv, early=True).total
        later = grant.tax(vesting_months, price).total
        early.update(early_exercise_cost=options * strike_price, early_exercise_tax=now,
                     tax_if_exercised_at_exit=later, early_exercise_tax_saved=later - now)
    months = sorted({*range(12, vesting_months, 12), vesting_months})
    return StockOptions(
        summary=_summary(options, vested, months_elapsed, cost, tax, price,
                         grant.spread(vested, price), leave_after_months, leaving,
                         exercise_window_days, grant.iso),
        vested_options=vested,
        unvested_options=options - vested,
        iso_options=iso,
        nso_options=nso,
        exercise_cost=cost,
        spread=grant.spread(vested, fmv),
        exit_price=price,
        value_at_exit=grant.spread(vested, price),
        income_tax_at_exercise=tax.income_tax,
        payroll_tax_at_exercise=tax.payroll_tax,
        amt_at_exercise=tax.amt,
        tax_at_exercise=tax.total,
        cash_needed_to_exercise=cost + tax.total,
        grant_value_at_exit=whole,
        yearly_value_at_exit=whole * 12 / vesting_months,
        risk_adjusted_value=whole * (ONE - pct(discount_pct)),
        **leaving,
        **early,
        schedule=[grant.row(month, fmv, price) for month in months],
    )


def _amt_part(tax: ExerciseTax) -> str:
    if not tax.amt:
        return ""
    if tax.amt == tax.total:
        return " (all of it alternative minimum tax)"
    return f" ({format_usd(tax.amt)} of it alternative minimum tax)"


def _summary(options: int, vested: int, months: int, cost: Decimal, tax: ExerciseTax,
             price: Decimal, value: Decimal, leave: int | None, leaving: dict[str, Any],
             window: int, iso: bool) -> str:
    text = (f"After {months} months {vested:,} of {options:,} options have vested. "
            f"Exercising them costs {format_usd(cost)} and {format_usd(tax.total)} of tax"
            f"{_amt_part(tax)} at today's value; "
            f"at {format_usd(price)} a share they are worth {format_usd(value)}.")
    if leave is not None:
        text += (f" Leaving after {leave} months loses {leaving['leave_forfeited_options']:,} "
                 f"unvested options, and keeping the {leaving['leave_vested_options']:,} "
                 f"vested ones takes {format_usd(leaving['leave_cash_to_keep'])} within "
                 f"{window} days")
        text += " (3 months to keep ISO treatment)." if iso and window > 90 else "."
    return text


def _check(values: dict[str, Any]) -> None:
    check_schedule(values, "", "vesting_months", "cliff_months", "interval_months")


CALCULATOR = Calculator(
    name="stock_options",
    title="Stock options",
    summary="What your stock options are worth at a price you test, what exercising the "
            "vested ones costs in cash and in tax (an NSO's spread taxed as pay, an ISO's "
            "through the alternative minimum tax), what leaving early costs, and what "
            "early exercise with an 83(b) election saves.",
    notes=(
        "Vesting follows the equity vesting rules: nothing before the cliff, whole "
        "options only.",
        "An NSO's spread is taxed as wages; an ISO's spread owes no regular tax at "
        "exercise but counts for the alternative minimum tax (2026 exemption, phase-out "
        "and 26%/28% rates from the tax year's data file).",
        "ISOs first exercisable in a year beyond $100,000 at the strike price are "
        "taxed as NSOs; years are counted from the grant.",
        "A private company's shares may never be sold at the price you test: the "
        "discount cuts the grant's value for that risk.",
    ),
    inputs=INPUTS,
    result=StockOptions,
    function=stock_options,
    check=_check,
    example={"options": 20000, "strike_price": 2, "fmv": 8, "exit_price": 20,
             "option_type": "iso", "salary": 160000, "state": "TX",
             "filing_status": "single", "vesting_months": 48, "cliff_months": 12,
             "interval_months": 1, "months_elapsed": 24, "discount_pct": 50,
             "leave_after_months": 18, "early_exercise": False},
)
