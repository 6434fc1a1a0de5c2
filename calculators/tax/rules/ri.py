"""Rhode Island: the standard deduction and the exemptions both phase out above a
modified AGI threshold, 20% for each step of income."""

from __future__ import annotations

from decimal import Decimal

from ...money import ONE, ZERO, pct
from ..state import StateContext
from ._northeast import steps_of

__all__ = ["income_tax", "taxable_income"]


def taxable_income(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    steps = steps_of(ctx.agi - params["phase_out_start"], params["phase_out_step"])
    kept = max(ZERO, ONE - steps * pct(params["phase_out_pct"]))
    exemptions = params["exemption"] * (home.people + home.dependents)
    return max(ZERO, ctx.agi - (ctx.standard_deduction() + exemptions) * kept)


def income_tax(ctx: StateContext) -> Decimal:
    return ctx.tax_on(taxable_income(ctx))
