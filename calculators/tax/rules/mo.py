"""Missouri: the federal standard deduction (or, for a federal itemizer, the Social
Security and Medicare taxes where more), a share of the federal income tax, and the
head-of-household exemption; each spouse's share of the taxable income taxed by the
brackets on its own; less the Working Families credit, a share of the federal earned
income credit."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..payroll import payroll_taxes
from ..state import StateContext
from ._south import earned_income_credit, federal_tax_after_credits, from_


def federal_tax_deduction(ctx: StateContext, eitc: Decimal) -> Decimal:
    after_credits, _ = federal_tax_after_credits(ctx)
    share = from_(ctx.params["federal_tax_deduction"], ctx.agi)
    return min(max(ZERO, after_credits - eitc) * pct(share),
               ctx.figure("federal_tax_deduction_cap"))


def deduction(ctx: StateContext) -> Decimal:
    federal = ctx.federal
    assert federal is not None
    if federal.itemized:
        payroll = payroll_taxes(ctx.law, ctx.home)
        return max(federal.standard_deduction, payroll.social_security + payroll.medicare)
    return federal.standard_deduction


def taxable_income(ctx: StateContext, eitc: Decimal) -> Decimal:
    return max(ZERO, ctx.agi - deduction(ctx) - federal_tax_deduction(ctx, eitc)
               - ctx.figure("head_of_household_exemption"))


def income_tax(ctx: StateContext) -> Decimal:
    eitc = earned_income_credit(ctx)
    taxable, agi = taxable_income(ctx, eitc), ctx.agi
    tax = ZERO
    for wages in ctx.wages:
        if agi > 0:
            tax += ctx.tax_on(taxable * wages / agi)
    return max(ZERO, tax - eitc * pct(ctx.params["wftc_match_pct"]))
