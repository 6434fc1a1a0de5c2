"""How much of an equity grant has vested.

Conventions:

* Nothing vests before the cliff. At the cliff, ``cliff_months / vesting_months`` of
  the grant vests at once; after it, one interval's share
  (``interval_months / vesting_months``) vests at the end of each interval, and the
  last event is always the end of ``vesting_months``. With no cliff (0), the first
  event is the end of the first interval.
* The fraction vested at an event is ``month / vesting_months``; between events it
  stays at the last event's.
* Units are shares or dollars. Vested units are reported to four decimal places (with
  ``whole_units``, rounded down to whole shares) and the unvested units are the rest of
  the grant, so the two always add up to it.

A worked story: Kai is granted 4,800 shares vesting monthly over 4 years with a
1-year cliff. After 11 months nothing has vested; at month 12 a quarter (1,200) vests
at once; after 30 months 30/48 = 62.5% (3,000 shares) has vested.

>>> from calculators.api import run
>>> grant = {"grant_units": 4800, "vesting_months": 48, "cliff_months": 12, "interval_months": 1}
>>> [run("equity_vesting", {**grant, "months_elapsed": m})["vested_units"] for m in (11, 12, 30)]
[0.0, 1200.0, 3000.0]
>>> run("equity_vesting", {**grant, "months_elapsed": 30})["vested_fraction"]
0.625

Quarterly vesting after the same cliff releases 6.25% of the grant each quarter:

>>> r = run("equity_vesting", {**grant, "interval_months": 3, "months_elapsed": 17})
>>> r["vested_fraction"], r["next_vest_month"], [e["month"] for e in r["schedule"]][:3]
(0.3125, 18, [12, 15, 18])

At $10 a share Kai's first 1,200 vested shares are $12,000 of pay; on an $80,000
salary in Texas they leave $8,442 after tax (22% federal, 7.65% payroll tax).

>>> r = run("equity_vesting", {**grant, "months_elapsed": 12, "share_price": 10,
...     "salary": 80000, "state": "TX"})
>>> r["vested_value"], r["vested_value_after_tax"]
(12000.0, 8442.0)
"""

from __future__ import annotations

import dataclasses
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from .errors import CalculatorError
from .fields import boolean, integer, usd
from .money import ONE, ZERO, quantize
from .spec import Calculator, Field, join, out
from .tax import tax_on_more_wages
from .taxfacts import household, tax_facts

__all__ = ["EquityVesting", "VestingEvent", "equity_vesting", "vesting_events",
           "fraction_vested", "check_schedule", "CALCULATOR"]


def check_schedule(values: dict[str, Any], path: str, vesting: str, cliff: str,
                   interval: str) -> None:
    """The cliff and the interval must fit inside the vesting period."""
    if values[cliff] > values[vesting]:
        raise CalculatorError(join(path, cliff), f"must be at most {vesting} ({values[vesting]})")
    if values[interval] > values[vesting]:
        raise CalculatorError(join(path, interval),
                              f"must be at most {vesting} ({values[vesting]})")


INPUTS = (
    Field(name="grant_units", label="Grant", kind="number", unit="count",
          help="The number of shares granted, or the grant's value in dollars.",
          min=0, max=1_000_000_000, step=0.01),
    integer("vesting_months", "Vesting period (months)", "months",
            "Months until the whole grant has vested.", min=1, max=120, default=48),
    integer("cliff_months", "Cliff (months)", "months",
            "Nothing vests before this many months; 0 for no cliff.", min=0, max=120, default=12),
    integer("interval_months", "Vesting interval (months)", "months",
            "1 for monthly vesting after the cliff, 3 for quarterly.", min=1, max=120, default=1),
    integer("months_elapsed", "Months since the grant", "months",
            "How long you have held the grant.", min=0, max=600),
    boolean("whole_units", "Whole shares only",
            "Round vested shares down to whole shares.", default=False),
    usd("share_price", "Share price",
        "The price of a share, to value what has vested; empty if the grant is in dollars.",
        default=None, nullable=True),
    usd("salary", "Salary", "Your wages a year, to work out the tax on what vests (RSUs are "
        "taxed as pay when they vest); empty to skip.", default=None, nullable=True),
    *tax_facts(state_required=False),
)


@dataclasses.dataclass(frozen=True, slots=True)
class VestingEvent:
    month: int = out("Month", "months")
    vested_fraction: Decimal = out("Vested", "fraction")
    vested_units: Decimal = out("Vested units", "count", places=4)


@dataclasses.dataclass(frozen=True, slots=True)
class EquityVesting:
    vested_fraction: Decimal = out("Vested", "fraction")
    vested_units: Decimal = out("Vested units", "count", places=4)
    unvested_units: Decimal = out("Unvested units", "count", places=4)
    next_vest_month: int | None = out("Next vesting month", "months", nullable=True,
                                      help="Empty once the grant has fully vested.")
    fully_vested_month: int = out("Fully vested at month", "months")
    schedule: list[VestingEvent] = out("Vesting schedule", "table", row=VestingEvent)
    vested_value: Decimal = out("What has vested is worth", "usd",
                                help="Vested shares at the share price (or the dollars vested).")
    vested_value_after_tax: Decimal | None = out(
        "What has vested is worth after tax", "usd", nullable=True,
        help="Taxed as pay on top of your salary, as restricted stock units are when they "
             "vest; empty without a salary.")


def vesting_events(vesting_months: int, cliff_months: int,
                   interval_months: int) -> list[tuple[int, Decimal]]:
    """Each vesting event as ``(month, cumulative fraction vested)``."""
    events = []
    month = cliff_months if cliff_months > 0 else interval_months
    while month < vesting_months:
        events.append((month, Decimal(month) / vesting_months))
        month += interval_months
    events.append((vesting_months, ONE))
    return events


def fraction_vested(events: list[tuple[int, Decimal]], months: int) -> Decimal:
    """The cumulative fraction vested after ``months`` months."""
    vested = ZERO
    for month, fraction in events:
        if month > months:
            break
        vested = fraction
    return vested


def equity_vesting(
    *,
    grant_units: Decimal,
    vesting_months: int,
    cliff_months: int,
    interval_months: int,
    months_elapsed: int,
    whole_units: bool,
    share_price: Decimal | None,
    salary: Decimal | None,
    **facts: Any,
) -> EquityVesting:
    def units(fraction: Decimal) -> Decimal:
        vested = grant_units * fraction
        if whole_units:
            return vested.to_integral_value(rounding=ROUND_FLOOR)
        return quantize(vested, 4)  # reported figure; the unvested part is the exact rest

    events = vesting_events(vesting_months, cliff_months, interval_months)
    fraction = fraction_vested(events, months_elapsed)
    vested = units(fraction)
    upcoming = [month for month, _ in events if month > months_elapsed]
    value = vested * (ONE if share_price is None else share_price)
    after_tax = None
    if salary is not None:
        home = household(facts, wages=salary)
        after_tax = value - tax_on_more_wages(home, value).total
    return EquityVesting(
        vested_fraction=fraction,
        vested_units=vested,
        unvested_units=grant_units - vested,
        next_vest_month=upcoming[0] if upcoming else None,
        fully_vested_month=vesting_months,
        schedule=[VestingEvent(m, f, units(f)) for m, f in events],
        vested_value=value,
        vested_value_after_tax=after_tax,
    )


CALCULATOR = Calculator(
    name="equity_vesting",
    title="Equity vesting",
    summary="How much of a stock grant has vested after a number of months, with a "
            "cliff and monthly or quarterly vesting after it.",
    notes=(
        "Nothing vests before the cliff; at the cliff its share of the grant vests at once.",
        "After the cliff, one interval's share vests at the end of each interval.",
    ),
    inputs=INPUTS,
    result=EquityVesting,
    function=equity_vesting,
    example={"grant_units": 4800, "vesting_months": 48, "cliff_months": 12,
             "interval_months": 1, "months_elapsed": 30},
    check=lambda values: check_schedule(values, "", "vesting_months", "cliff_months",
                                        "interval_months"),
)
