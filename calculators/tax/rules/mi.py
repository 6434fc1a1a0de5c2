"""Michigan: a flat rate on income less exemptions, and the Michigan standard
deduction for those born 1946-1959."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext


def senior_deduction(ctx: StateContext, exemptions: Decimal) -> Decimal:
    p, home = ctx.params, ctx.home
    born = home.year - home.age
    low, high = p["tier_two_born"]
    if low <= born <= high:
        return ctx.figure("senior_deduction")
    low, high = p["tier_three_born"]
    if low <= born <= high and home.age >= p["tier_three_age"]:
        return max(ZERO, ctx.figure("senior_deduction") - exemptions)
    return ZERO


def taxable_income(ctx: StateContext) -> Decimal:
    exemptions = ctx.params["exemption"] * (ctx.home.people + ctx.home.dependents)
    return max(ZERO, ctx.agi - exemptions - senior_deduction(ctx, exemptions))


def income_tax(ctx: StateContext) -> Decimal:
    return taxable_income(ctx) * pct(ctx.params["rate_pct"])
