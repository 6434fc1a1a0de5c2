"""Utah (Form TC-40): 4.45% of federal AGI less the taxpayer credit (6% of the federal
deduction and the dependent exemptions, phased out above a base) and the earned
income credit, both nonrefundable; no tax at all when AGI is at most the federal basic
standard deduction."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext, by_status
from ._south import earned_income_credit


def taxpayer_credit(ctx: StateContext) -> Decimal:
    rule, federal = ctx.params["taxpayer_credit"], ctx.federal
    assert federal is not None
    # An itemizer's deductions less the state income tax in them: nothing here.
    deduction = ZERO if federal.itemized else federal.standard_deduction
    credit = (deduction + rule["dependent_exemption"] * ctx.home.dependents) * pct(rule["rate_pct"])
    excess = max(ZERO, ctx.agi - by_status(rule["base"], ctx.status))
    return max(ZERO, credit - excess * pct(rule["phaseout_pct"]))


def income_tax(ctx: StateContext) -> Decimal:
    basic = Decimal(ctx.law["federal"]["standard_deduction"][ctx.status])
    if ctx.agi <= basic:
        return ZERO
    eitc = earned_income_credit(ctx) * pct(ctx.params["eitc_pct"])
    return max(ZERO, ctx.tax_on(ctx.agi) - taxpayer_credit(ctx) - eitc)
