"""Vermont: the standard deduction (more at 65) and an exemption for each person; at
AGI above $150,000 the tax is at least 3% of AGI."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext

__all__ = ["income_tax", "taxable_income"]


def taxable_income(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    deduction = ctx.standard_deduction()
    if home.age >= params["aged_age"]:
        deduction += params["aged_deduction"] * home.people
    exemptions = params["exemption"] * (home.people + home.dependents)
    return max(ZERO, ctx.agi - deduction - exemptions)


def income_tax(ctx: StateContext) -> Decimal:
    tax = ctx.tax_on(taxable_income(ctx))
    if ctx.agi > ctx.params["minimum_tax_agi"]:
        tax = max(tax, ctx.agi * pct(ctx.params["minimum_tax_pct"]))
    return tax
