"""West Virginia: exemptions of $2,000 a person; up to $8,000 of each spouse's income
subtracted at 65; the family tax credit, all or part of the tax where AGI is near the
federal poverty guideline."""

from __future__ import annotations

from decimal import Decimal

from ...money import ONE, ZERO, pct
from ..state import StateContext
from ._northeast import poverty_guideline
from ._south import from_

__all__ = ["income_tax", "taxable_income"]


def taxable_income(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    aged = ZERO
    if home.age >= params["aged_age"]:
        aged = sum((min(Decimal(params["aged_subtraction"]), wages) for wages in ctx.wages), ZERO)
    return max(ZERO, ctx.agi - aged - ctx.exemptions())


def income_tax(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    tax = ctx.tax_on(taxable_income(ctx))
    size = min(home.people + home.dependents, params["family_credit_max_size"])
    excess = ctx.agi - poverty_guideline(params["poverty_guideline"], size)
    share = ONE if excess < 0 else pct(from_(params["family_credit_pct"], excess))
    return tax - tax * share
