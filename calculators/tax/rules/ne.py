"""Nebraska (Form 1040N): federal AGI less the standard deduction, by the brackets,
less the personal exemption credits, and never more than the federal income tax
before credits."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..state import StateContext, by_status
from ._west import adults_aged


def income_tax(ctx: StateContext) -> Decimal:
    p, home, federal = ctx.params, ctx.home, ctx.federal
    assert federal is not None
    aged = p["aged_deduction"]
    deduction = ctx.standard_deduction() + by_status(aged, ctx.status) * adults_aged(ctx, aged["age"])
    tax = ctx.tax_on(max(ZERO, ctx.agi - deduction))
    tax = max(ZERO, tax - p["exemption_credit"] * (home.people + home.dependents))
    return min(tax, federal.tax_before_credits)
