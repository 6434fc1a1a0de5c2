"""Massachusetts: 5% of Part B income after the deduction for Social Security and
Medicare taxes and the exemptions, the 4% surtax above the threshold; no tax at low
incomes, and the limited income credit just above them."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..payroll import payroll_taxes
from ..state import StateContext

__all__ = ["income_tax", "taxable_income", "no_tax_threshold"]


def _fica(ctx: StateContext) -> Decimal:
    """Each spouse's Social Security and Medicare taxes, up to the cap each."""
    rules, cap = ctx.law["payroll"], ctx.params["fica_deduction_max"]
    total = ZERO
    for wages in ctx.home.payroll_wages(ctx.law):
        own = (min(wages, rules["social_security_wage_base"]) * pct(rules["social_security_pct"])
               + wages * pct(rules["medicare_pct"]))
        total += min(own, cap)
    return total


def taxable_income(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    aged = home.people if home.age >= params["aged_age"] else 0
    exemptions = ctx.exemptions() + params["aged_exemption"] * aged
    return max(ZERO, ctx.agi - _fica(ctx) - exemptions)


def no_tax_threshold(ctx: StateContext) -> Decimal:
    threshold = ctx.figure("no_tax_base")
    if ctx.status != "single":
        threshold += ctx.exemptions()
    return threshold


def income_tax(ctx: StateContext) -> Decimal:
    threshold = no_tax_threshold(ctx)
    if ctx.agi <= threshold:
        return ZERO
    tax = ctx.tax_on(taxable_income(ctx))
    if ctx.agi <= threshold * ctx.params["limited_income_limit"]:
        tax = min(tax, (ctx.agi - threshold) * pct(ctx.params["limited_income_pct"]))
    return tax
