"""Steps shared by the western and plains states' rules (``rules/<code>.py``).

Each takes a state's parameters as its table in the year's data file gives them.

>>> from decimal import Decimal as D
>>> steps(D(5001), 2500), steps(D(0), 2500)
(Decimal('3'), Decimal('0'))
>>> table = [[0, 800], [100, 500], [200, 0]]
>>> step_amount(table, D(100)), step_amount(table, D(101)), step_amount(table, D(500))
(Decimal('800'), Decimal('500'), Decimal('0'))
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Any

from ...money import ZERO, pct
from ..state import StateContext, by_status

__all__ = ["steps", "step_amount", "surtax", "adults_aged"]


def steps(excess: Decimal, step: Any) -> Decimal:
    """How many ``step``-dollar steps (a part counting whole) ``excess`` covers."""
    return (max(ZERO, excess) / Decimal(step)).to_integral_value(rounding=ROUND_CEILING)


def step_amount(table: Any, income: Decimal) -> Decimal:
    """The amount of the last ``[over, amount]`` row whose ``over`` ``income`` passes."""
    amount = Decimal(table[0][1])
    for over, row in table[1:]:
        if income > over:
            amount = Decimal(row)
    return amount


def surtax(ctx: StateContext, income: Decimal) -> Decimal:
    """A state's extra rate on ``income`` over a threshold (its ``surtax`` table)."""
    table = ctx.params["surtax"]
    return max(ZERO, income - by_status(table["over"], ctx.status)) * pct(table["rate_pct"])


def adults_aged(ctx: StateContext, age: int) -> int:
    """Adults on the return aged ``age`` or more (both spouses share the reader's age)."""
    return ctx.home.people if ctx.home.age >= age else 0
