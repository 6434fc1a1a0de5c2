"""Alabama: AGI less a standard deduction that slides down with AGI (or the itemized
deductions where more: for a wage earner, the Social Security and Medicare taxes), the
federal income tax (after nonrefundable credits, less the refundable child and earned
income credits), and personal and dependent exemptions (the latter by AGI), taxed by
the brackets."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from ...money import ZERO
from ..payroll import payroll_taxes
from ..state import StateContext
from ._south import earned_income_credit, federal_tax_after_credits, over


def standard_deduction(ctx: StateContext) -> Decimal:
    """The largest deduction less `phaseout_step_amount` for each whole
    `phaseout_step` of AGI over the threshold, down to the smallest."""
    steps = (max(ZERO, ctx.agi - ctx.figure("standard_deduction_phaseout_start"))
             / ctx.params["standard_deduction_phaseout_step"]).to_integral_value(
                 rounding=ROUND_FLOOR)
    reduced = ctx.figure("standard_deduction") - steps * ctx.figure("standard_deduction_step_amount")
    return max(ctx.figure("standard_deduction_min"), reduced)


def deduction(ctx: StateContext) -> Decimal:
    payroll = payroll_taxes(ctx.law, ctx.home)
    return max(standard_deduction(ctx), payroll.social_security + payroll.medicare)


def federal_tax_deduction(ctx: StateContext) -> Decimal:
    after_credits, refundable_ctc = federal_tax_after_credits(ctx)
    return max(ZERO, after_credits - refundable_ctc - earned_income_credit(ctx))


def taxable_income(ctx: StateContext) -> Decimal:
    dependent = over(ctx.params["dependent_exemption_by_agi"], ctx.agi)
    return max(ZERO, ctx.agi - deduction(ctx) - federal_tax_deduction(ctx)
               - ctx.figure("personal_exemption") - dependent * ctx.home.dependents)


def income_tax(ctx: StateContext) -> Decimal:
    return ctx.tax_on(taxable_income(ctx))
