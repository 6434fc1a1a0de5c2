"""What paid time off is worth.

Conventions:

* A day's pay is the salary over ``working_days_per_year``: 260 by default (52 weeks of
  5 days; real years have 260 to 262 weekdays). An hour's pay assumes 8-hour days
  (2,080 hours at 260 days).
* Paid time off is valued at a day's pay per day. The salary already includes it, so
  this value is a way of comparing offers, not money on top of the salary.
* After tax (from the tax engine, for your salary and tax facts; with no state chosen,
  no state tax is counted): your days off are worth a day's take-home pay each, and a
  difference in days as much as a raise of that size would leave you.

A worked story: Lee earns $78,000: $78,000 / 260 = $300 a day. Fifteen days off are
worth $4,500 of that salary, and an offer with 20 days instead of 15 is worth $1,500
more.

>>> from calculators.api import run
>>> r = run("pto_value", {"salary": 78000, "pto_days": 20, "baseline_days": 15})
>>> r["daily_rate"], r["pto_value"], r["difference_value"], r["hourly_rate"]
(300.0, 6000.0, 1500.0, 37.5)

In Texas, single, Lee takes home $63,703 of the $78,000 (federal income tax $8,330 on
$61,900 of taxable income, Social Security and Medicare $5,967): $245.01 a day. The
five more days are worth $1,055.25 after tax (of a raise he would keep 70.35 cents a
dollar: 22% federal and 7.65% payroll tax go).

>>> r = run("pto_value", {"salary": 78000, "pto_days": 20, "baseline_days": 15, "state": "TX"})
>>> r["after_tax_daily_rate"], r["after_tax_pto_value"], r["after_tax_difference_value"]
(245.01, 4900.23, 1055.25)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from typing import Any

from .fields import integer, number, usd
from .money import HUNDRED, ONE, pct
from .spec import Calculator, out
from .tax import taxes
from .taxfacts import household, marginal_pct, tax_facts

__all__ = ["PtoValue", "pto_value", "WORKING_DAYS", "CALCULATOR"]

WORKING_DAYS = integer(
    "working_days_per_year", "Working days a year", "days",
    "The divisor for a day's pay: 260 is 52 weeks of 5 days.", min=1, max=366, default=260)

INPUTS = (
    usd("salary", "Salary", "Your annual base salary."),
    number("pto_days", "Paid days off", "days",
           "Vacation, personal and sick days you are paid for (holidays too, if you count them).",
           min=0, max=366),
    WORKING_DAYS,
    number("baseline_days", "Compared with (days)", "days",
           "Another offer's days off, to value the difference; leave empty to skip.",
           min=0, max=366, default=None, nullable=True),
    *tax_facts(state_required=False),
)


@dataclasses.dataclass(frozen=True, slots=True)
class PtoValue:
    daily_rate: Decimal = out("A day's pay", "usd")
    hourly_rate: Decimal = out("An hour's pay", "usd_per_hour")
    pto_value: Decimal = out("Value of your days off", "usd")
    pto_share_of_salary_pct: Decimal = out("Share of salary", "pct")
    difference_value: Decimal | None = out("Value of the difference", "usd", nullable=True,
                                           help="Negative when you have fewer days.")
    after_tax_daily_rate: Decimal = out("A day's take-home pay", "usd")
    after_tax_pto_value: Decimal = out("Your days off, after tax", "usd")
    after_tax_difference_value: Decimal | None = out(
        "The difference, after tax", "usd", nullable=True,
        help="What a raise of the difference's value would leave you.")


def pto_value(
    *,
    salary: Decimal,
    pto_days: Decimal,
    working_days_per_year: int,
    baseline_days: Decimal | None,
    **facts: Any,
) -> PtoValue:
    daily = salary / working_days_per_year
    difference = None if baseline_days is None else daily * (pto_days - baseline_days)
    home = household(facts, wages=salary)
    kept_daily = (home.wages - taxes(home).total) / working_days_per_year
    keep = ONE - pct(sum(marginal_pct(facts, wages=salary)))
    return PtoValue(
        daily_rate=daily,
        hourly_rate=daily / 8,
        pto_value=daily * pto_days,
        pto_share_of_salary_pct=pto_days / working_days_per_year * HUNDRED,
        difference_value=difference,
        after_tax_daily_rate=kept_daily,
        after_tax_pto_value=kept_daily * pto_days,
        after_tax_difference_value=None if difference is None else difference * keep,
    )


CALCULATOR = Calculator(
    name="pto_value",
    title="Value of paid time off",
    summary="What your paid days off are worth at your daily rate, and what a few more "
            "days would be worth.",
    notes=("A day's pay is the salary over the working days (260 by default).",
           "After tax: a day's take-home pay for each day off; a difference in days as a "
           "raise of that value would leave you."),
    inputs=INPUTS,
    result=PtoValue,
    function=pto_value,
    example={"salary": 78000, "pto_days": 20, "working_days_per_year": 260,
             "baseline_days": 15},
)
