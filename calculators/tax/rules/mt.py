"""Montana (Form 2): federal taxable income (the standard deduction with the
additions for age and the deduction for seniors) less the subtraction for each adult
aged 65 or more, by the brackets."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..federal import senior_deduction
from ..state import StateContext
from ._west import adults_aged


def income_tax(ctx: StateContext) -> Decimal:
    aged = ctx.params["aged_subtraction"]
    taxable = (ctx.agi - ctx.standard_deduction()
               - senior_deduction(ctx.law["federal"], ctx.home, ctx.agi)
               - aged["amount"] * adults_aged(ctx, aged["age"]))
    return ctx.tax_on(max(ZERO, taxable))
