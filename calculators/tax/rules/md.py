"""Maryland: the flat standard deduction; exemptions for each person that shrink with
federal AGI (more at 65); the two-income subtraction; the nonrefundable earned income
credit (half the federal credit, all of it for a single person with no children), the
poverty line credit and the senior credit. The county tax is the reader's rate on the
same Maryland taxable income."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext, by_status
from ._northeast import poverty_guideline, step
from ._south import earned_income_credit

__all__ = ["income_tax", "taxable_income"]


def taxable_income(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    exemptions = step(params["exemption"][ctx.status], ctx.agi) * (home.people + home.dependents)
    if home.age >= params["aged_age"]:
        exemptions += params["aged_exemption"] * home.people
    two_income = min(Decimal(params["two_income_max"]), min(ctx.wages)) if home.joint else ZERO
    return max(ZERO, ctx.agi - two_income - ctx.standard_deduction() - exemptions)


def _senior_credit(ctx: StateContext) -> Decimal:
    table, home = ctx.params["senior_credit"], ctx.home
    if home.age < table["age"] or ctx.agi > by_status(table["agi_limit"], ctx.status):
        return ZERO
    if ctx.status == "married_joint":
        return Decimal(table["two"])
    return Decimal(table["head_of_household" if ctx.status == "head_of_household" else "one"])


def income_tax(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    tax = ctx.tax_on(taxable_income(ctx))
    single_childless = not home.joint and not home.dependents
    eitc = earned_income_credit(ctx) * pct(
        params["eitc_single_childless_pct" if single_childless else "eitc_pct"])
    left = max(ZERO, tax - eitc)
    line = poverty_guideline(params["poverty_guideline"], home.people + home.dependents)
    earned = sum(home.income_wages(ctx.law), ZERO)
    if ctx.agi <= line and earned <= line and left > 0:
        left -= min(left, earned * pct(params["poverty_credit_pct"]))
    return max(ZERO, left - _senior_credit(ctx))
