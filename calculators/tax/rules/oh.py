"""Ohio: no tax up to the zero bracket, then a base amount and a flat rate; exemptions
by income; the earned income, senior, exemption and joint filing credits."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._south import aged, earned_income_credit, from_, over


def exemptions(ctx: StateContext) -> Decimal:
    home = ctx.home
    return from_(ctx.params["exemption"], ctx.agi) * (home.people + home.dependents)


def taxable_income(ctx: StateContext) -> Decimal:
    return max(ZERO, ctx.agi - exemptions(ctx))


def income_tax(ctx: StateContext) -> Decimal:
    p, home = ctx.params, ctx.home
    taxable = taxable_income(ctx)
    if taxable <= p["zero_bracket"]:
        return ZERO
    tax = p["base_tax"] + (taxable - p["zero_bracket"]) * pct(p["rate_pct"])
    income = ctx.agi - exemptions(ctx)
    credits = ZERO
    if income <= p["exemption_credit_limit"]:
        credits += p["exemption_credit"] * (home.people + home.dependents)
    if aged(ctx) and max(ZERO, income) < p["senior_credit_limit"]:
        credits += p["senior_credit"]
    before_joint = max(ZERO, tax - credits)
    if home.joint and min(ctx.wages) >= p["joint_credit_min_earnings"]:
        share = over(p["joint_credit"], max(ZERO, income))
        credits += min(before_joint * pct(share), p["joint_credit_cap"])
    credits += earned_income_credit(ctx) * pct(p["eitc_match_pct"])
    return max(ZERO, tax - credits)
