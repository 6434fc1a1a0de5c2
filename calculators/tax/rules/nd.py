"""North Dakota (Form ND-1): federal taxable income by the brackets, less the marriage
penalty credit for two-earner couples."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..brackets import bracket_tax
from ..state import StateContext


def marriage_credit(ctx: StateContext, taxable: Decimal, tax: Decimal) -> Decimal:
    """Schedule ND-1MP: what filing jointly costs over two single returns, capped."""
    rule, home = ctx.params["marriage_credit"], ctx.home
    lower = min(ctx.wages) if home.joint else ZERO
    if taxable <= rule["taxable_income_over"] or lower <= rule["wages_over"]:
        return ZERO
    single = ctx.params["brackets"]["single"]
    first = max(ZERO, lower - ctx.law["federal"]["standard_deduction"]["single"])
    apart = bracket_tax(single, first) + bracket_tax(single, max(ZERO, taxable - first))
    return min(Decimal(rule["maximum"]), max(ZERO, tax - apart))


def income_tax(ctx: StateContext) -> Decimal:
    assert ctx.federal is not None
    taxable = ctx.federal.taxable_income
    tax = ctx.tax_on(taxable)
    return max(ZERO, tax - marriage_credit(ctx, taxable, tax))
