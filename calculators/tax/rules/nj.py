"""New Jersey: no standard deduction; exemptions (more at 65); medical expenses above
2% of income (health premiums paid by salary reduction among them); no tax at all at
gross income of $10,000 or less ($20,000 for couples and heads of household)."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext

__all__ = ["income_tax", "taxable_income"]


def taxable_income(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    aged = home.people if home.age >= params["aged_age"] else 0
    exemptions = ctx.exemptions() + params["aged_exemption"] * aged
    medical = sum((amount for kind, amount in home.pretax.items()
                   if kind in params["medical_pretax"]), ZERO)
    medical = max(ZERO, medical - ctx.agi * pct(params["medical_floor_pct"]))
    return max(ZERO, ctx.agi - exemptions - medical)


def income_tax(ctx: StateContext) -> Decimal:
    if ctx.agi <= ctx.figure("no_tax_income"):
        return ZERO
    return ctx.tax_on(taxable_income(ctx))
