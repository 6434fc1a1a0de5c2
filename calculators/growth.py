"""What a difference in starting salary is worth over the years.

Conventions:

* Year 1 is the starting salary; each later year applies one raise to the year before.
* The gap is salary B - salary A (negative when A earns more).
* ``years_to_catch_up`` is the first year in which the lower starting salary is at or
  above the other (year 1 when they start equal); empty if that never happens within
  ``years``. With equal percentage raises it never happens: the gap grows in dollars.
* ``future_value_of_gap`` invests each year's gap at the end of that year at
  ``investment_return_pct`` a year and values it all at the end of the last year.
* After tax, each year's gap is the difference in take-home pay, from the tax engine
  for your tax facts (with no state chosen, no state tax is counted); later years are
  taxed under this year's law, brackets not moved for inflation.

A worked story: Ivy is offered $90,000 where the market pays $100,000, with 3% raises
either way. The gap is $10,000 in year 1 and $10,927.27 in year 4: $41,836.27 over four
years, and it never closes.

>>> from calculators.api import run
>>> r = run("salary_growth", {"salary_a": 90000, "salary_b": 100000, "raise_pct_a": 3,
...     "years": 4})
>>> [row["gap"] for row in r["by_year"]]
[10000.0, 10300.0, 10609.0, 10927.27]
>>> r["cumulative_gap"], r["years_to_catch_up"]
(41836.27, None)

In Texas, single, the first year's $10,000 is $7,035 after tax (22% federal, 7.65%
payroll tax): a $10,000 raise is not $10,000 to spend.

>>> r = run("salary_growth", {"salary_a": 90000, "salary_b": 100000, "raise_pct_a": 3,
...     "years": 4, "state": "TX"})
>>> r["by_year"][0]["after_tax_gap"], r["after_tax_cumulative_gap"] < r["cumulative_gap"]
(7035.0, True)

A 6% raise on the lower salary against 3% on the higher one catches up in year 5.

>>> run("salary_growth", {"salary_a": 90000, "salary_b": 100000, "raise_pct_a": 6,
...     "raise_pct_b": 3, "years": 6})["years_to_catch_up"]
5
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from typing import Any

from .fields import integer, percent, usd
from .money import ONE, ZERO, pct
from .spec import Calculator, out
from .tax import taxes
from .taxfacts import household, tax_facts

__all__ = ["SalaryGrowth", "SalaryYear", "salary_growth", "CALCULATOR"]

INPUTS = (
    usd("salary_a", "Starting salary A", "One starting salary, for example the offer."),
    usd("salary_b", "Starting salary B", "The other, for example the market rate."),
    percent("raise_pct_a", "Yearly raise A", "The raise each year on salary A.", max=50),
    percent("raise_pct_b", "Yearly raise B",
            "The raise each year on salary B; leave empty for the same as A.",
            max=50, default=None, nullable=True),
    integer("years", "Years", "years", "How many years to follow.", min=1, max=50),
    percent("investment_return_pct", "Investment return",
            "What each year's gap would earn if invested, per year.", max=50, default=0),
    *tax_facts(state_required=False),
)


@dataclasses.dataclass(frozen=True, slots=True)
class SalaryYear:
    year: int = out("Year", "years")
    salary_a: Decimal = out("Salary A", "usd")
    salary_b: Decimal = out("Salary B", "usd")
    gap: Decimal = out("Gap (B - A)", "usd")
    after_tax_gap: Decimal = out("Gap after tax", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class SalaryGrowth:
    by_year: list[SalaryYear] = out("Year by year", "table", row=SalaryYear)
    gap_final: Decimal = out("Gap in the last year", "usd")
    cumulative_gap: Decimal = out("Total gap", "usd")
    total_a: Decimal = out("Total earned at A", "usd")
    total_b: Decimal = out("Total earned at B", "usd")
    years_to_catch_up: int | None = out(
        "Year the lower salary catches up", "years", nullable=True,
        help="Empty if it does not catch up within the years followed.")
    future_value_of_gap: Decimal = out("Gap invested, at the end", "usd")
    after_tax_cumulative_gap: Decimal = out("Total gap after tax", "usd",
                                            help="The difference in take-home pay.")


def salary_growth(
    *,
    salary_a: Decimal,
    salary_b: Decimal,
    raise_pct_a: Decimal,
    raise_pct_b: Decimal | None,
    years: int,
    investment_return_pct: Decimal,
    **facts: Any,
) -> SalaryGrowth:
    def kept(salary: Decimal) -> Decimal:
        home = household(facts, wages=salary)
        return salary - taxes(home).total

    growth_a = ONE + pct(raise_pct_a)
    growth_b = ONE + pct(raise_pct_a if raise_pct_b is None else raise_pct_b)
    a_is_lower = salary_a <= salary_b
    rows = []
    caught_up = None
    a, b = salary_a, salary_b
    for year in range(1, years + 1):
        rows.append(SalaryYear(year, a, b, b - a, kept(b) - kept(a)))
        if caught_up is None and (a >= b if a_is_lower else b >= a):
            caught_up = year
        a *= growth_a
        b *= growth_b
    growth = ONE + pct(investment_return_pct)
    invested = ZERO
    for row in rows:
        invested = invested * growth + row.gap
    return SalaryGrowth(
        by_year=rows,
        gap_final=rows[-1].gap,
        cumulative_gap=sum((row.gap for row in rows), ZERO),
        total_a=sum((row.salary_a for row in rows), ZERO),
        total_b=sum((row.salary_b for row in rows), ZERO),
        years_to_catch_up=caught_up,
        future_value_of_gap=invested,
        after_tax_cumulative_gap=sum((row.after_tax_gap for row in rows), ZERO),
    )


CALCULATOR = Calculator(
    name="salary_growth",
    title="Salary growth",
    summary="What a difference in starting salary adds up to over the years, with raises, "
            "and whether the lower salary ever catches up.",
    notes=("Year 1 is the starting salary; each later year applies one raise.",
           "With equal percentage raises a gap never closes: it grows in dollars."),
    inputs=INPUTS,
    result=SalaryGrowth,
    function=salary_growth,
    example={"salary_a": 90000, "salary_b": 100000, "raise_pct_a": 3, "raise_pct_b": 3,
             "years": 5, "investment_return_pct": 5},
)
