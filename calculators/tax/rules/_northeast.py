"""Steps shared by the Northeast and Mid-Atlantic states' rules.

>>> from decimal import Decimal as D
>>> table = [[0, 75], [5000, 60], [28000, 0]]
>>> step(table, D(5000)), step(table, D(5001)), step(table, D(28001))
(Decimal('75'), Decimal('60'), Decimal('0'))
>>> steps_of(D(10001), D(5000)), steps_of(D(-3), D(5000))
(Decimal('3'), Decimal('0'))
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal

from ...money import ZERO

__all__ = ["poverty_guideline", "step", "steps_of"]


def step(table: Sequence[Sequence[Decimal | int]], income: Decimal) -> Decimal:
    """A table of ``[over, amount]`` rows: the amount for income over ``over`` (and not
    over the next row's ``over``); the first row's amount at or below it."""
    amount = Decimal(table[0][1])
    for over, value in table:
        if income > over:
            amount = Decimal(value)
    return amount


def steps_of(excess: Decimal, size: Decimal | int) -> Decimal:
    """How many steps of ``size`` (or part of one) ``excess`` spans; none below 0."""
    if excess <= 0:
        return ZERO
    return (excess / Decimal(size)).to_integral_value(rounding=ROUND_CEILING)


def poverty_guideline(table: Sequence[Decimal | int], people: int) -> Decimal:
    """The federal poverty guideline for ``people``: ``[first person, each more]``."""
    first, more = table
    return Decimal(first) + Decimal(more) * (people - 1)
