"""North Carolina: a flat rate after the standard deduction and a child deduction that
shrinks with federal AGI."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._south import over


def taxable_income(ctx: StateContext) -> Decimal:
    assert ctx.federal is not None
    child = over(ctx.params["child_deduction"][ctx.status], ctx.federal.agi)
    return max(ZERO, ctx.agi - ctx.standard_deduction() - child * ctx.home.dependents)


def income_tax(ctx: StateContext) -> Decimal:
    return taxable_income(ctx) * pct(ctx.params["rate_pct"])
