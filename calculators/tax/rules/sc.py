"""South Carolina from 2026: federal AGI less the South Carolina income adjusted
deduction (which phases out), the dependent and senior exemptions, taxed by two
brackets; less the earned income and two-wage-earner credits."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from ...money import ZERO, pct
from ..brackets import bracket_tax
from ..state import StateContext
from ._south import aged, earned_income_credit


def income_adjusted_deduction(ctx: StateContext) -> Decimal:
    """The SCIAD: its amount less the share of it that AGI over the start has used of
    the phase-out's width, the reduction rounded down to $10."""
    full = ctx.figure("sciad")
    used = min(Decimal(1), max(ZERO, ctx.agi - ctx.figure("sciad_phaseout_start"))
               / ctx.figure("sciad_phaseout_width"))
    reduction = (full * used / 10).to_integral_value(rounding=ROUND_FLOOR) * 10
    return full - reduction


def taxable_income(ctx: StateContext) -> Decimal:
    p = ctx.params
    exemptions = ctx.exemptions() + p["senior_exemption"] * aged(ctx)
    return max(ZERO, ctx.agi - income_adjusted_deduction(ctx) - exemptions)


def income_tax(ctx: StateContext) -> Decimal:
    p = ctx.params
    tax = ctx.tax_on(taxable_income(ctx))
    credits = min(earned_income_credit(ctx) * pct(p["eitc_match_pct"]), p["eitc_max"])
    if ctx.home.joint:
        credits += bracket_tax(p["two_wage_earner_credit"], min(ctx.wages))
    return max(ZERO, tax - credits)
