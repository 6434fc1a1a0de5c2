"""Wisconsin: a sliding standard deduction, exemptions, the brackets, and the married
couple credit."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..brackets import bracket_tax
from ..state import StateContext
from ._south import aged


def standard_deduction(ctx: StateContext) -> Decimal:
    """The largest deduction, less the phase-out schedule's 'tax' on Wisconsin income."""
    phaseout = bracket_tax(ctx.params["standard_deduction_phaseout"][ctx.status], ctx.agi)
    return max(ZERO, ctx.figure("standard_deduction") - phaseout)


def taxable_income(ctx: StateContext) -> Decimal:
    p, home = ctx.params, ctx.home
    exemptions = (p["exemption"] * (home.people + home.dependents)
                  + p["aged_exemption"] * aged(ctx))
    return max(ZERO, ctx.agi - standard_deduction(ctx) - exemptions)


def income_tax(ctx: StateContext) -> Decimal:
    p = ctx.params
    tax = ctx.tax_on(taxable_income(ctx))
    if ctx.home.joint:
        lower = max(ZERO, min(ctx.wages))
        tax -= min(lower * pct(p["married_couple_credit_pct"]), p["married_couple_credit_max"])
    return max(ZERO, tax)
