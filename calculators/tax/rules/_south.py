"""Steps shared by the southern and midwestern states' rules.

>>> from decimal import Decimal as D
>>> over([[0, 3000], [20000, 2500]], D(20000)), over([[0, 3000], [20000, 2500]], D(20001))
(Decimal('3000'), Decimal('2500'))
>>> from_([[0, 26], [6000, 20]], D(6000))
Decimal('20')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ...money import ZERO, pct
from .. import federal
from ..state import StateContext

__all__ = ["aged", "from_", "over", "earned_income_credit", "federal_tax_after_credits"]


def over(table: Sequence[Sequence[Any]], value: Decimal) -> Decimal:
    """The amount of the last ``[over, amount]`` row whose ``over`` ``value`` exceeds
    (the first row's below it)."""
    amount = table[0][1]
    for start, row_amount in table:
        if value > start:
            amount = row_amount
    return Decimal(amount)


def from_(table: Sequence[Sequence[Any]], value: Decimal) -> Decimal:
    """The amount of the last ``[from, amount]`` row ``value`` has reached."""
    amount = table[0][1]
    for start, row_amount in table:
        if value >= start:
            amount = row_amount
    return Decimal(amount)


def aged(ctx: StateContext) -> int:
    """People on the return at the state's ``aged_age`` or over."""
    return ctx.home.people if ctx.home.age >= ctx.params["aged_age"] else 0


def earned_income_credit(ctx: StateContext) -> Decimal:
    """The federal earned income credit on the household's wages (the engine's federal
    tax leaves it out; a state credit that matches it needs it)."""
    return federal.earned_income_credit(ctx.law, ctx.home)


def federal_tax_after_credits(ctx: StateContext) -> tuple[Decimal, Decimal]:
    """The federal income tax after nonrefundable credits, and the refundable part of the
    child tax credit."""
    federal = ctx.federal
    assert federal is not None
    owed = federal.tax_before_credits - federal.savers_credit
    nonrefundable = min(federal.child_tax_credit, owed)
    return owed - nonrefundable, federal.child_tax_credit - nonrefundable
