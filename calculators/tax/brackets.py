"""Progressive rate schedules: a list of ``[over, rate_pct]`` pairs.

A rate applies to the part of income above its ``over`` and up to the next pair's.

>>> schedule = [[0, 10], [12400, 12], [50400, 22]]
>>> bracket_tax(schedule, Decimal(83900)), bracket_tax(schedule, Decimal(-5))
(Decimal('13170.00'), Decimal('0'))
>>> bracket_rate(schedule, Decimal(50400)), bracket_rate(schedule, Decimal(50401))
(Decimal('12'), Decimal('22'))
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..money import ZERO, pct

__all__ = ["Schedule", "bracket_tax", "bracket_rate"]

Schedule = Sequence[Sequence[Decimal | int]]


def bracket_tax(schedule: Schedule, income: Decimal) -> Decimal:
    """The tax on ``income`` under ``schedule`` (nothing on income of 0 or less)."""
    tax = ZERO
    for index, (over, rate) in enumerate(schedule):
        if income <= over:
            break
        top = schedule[index + 1][0] if index + 1 < len(schedule) else income
        tax += (min(income, top) - over) * pct(Decimal(rate))
    return tax


def bracket_rate(schedule: Schedule, income: Decimal) -> Decimal:
    """The rate, in percent, on the last dollar of ``income``."""
    rate = Decimal(schedule[0][1])
    for over, bracket in schedule:
        if income > over:
            rate = Decimal(bracket)
    return rate
