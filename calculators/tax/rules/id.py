"""Idaho (Form 40): federal AGI less the federal standard deduction and the deduction
for seniors, by the brackets; plus the permanent building fund tax on every return
that must be filed (income over the standard deduction)."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..federal import senior_deduction
from ..state import StateContext


def income_tax(ctx: StateContext) -> Decimal:
    deduction = ctx.standard_deduction()
    senior = senior_deduction(ctx.law["federal"], ctx.home, ctx.agi)
    tax = ctx.tax_on(max(ZERO, ctx.agi - deduction - senior))
    must_file = ctx.agi > deduction
    return tax + (ctx.params["building_fund_tax"] if must_file else ZERO)
