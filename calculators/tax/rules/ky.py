"""Kentucky: a flat rate after the standard deduction, less the personal and family
size credits; a married couple files jointly or combined separately, whichever owes less."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._south import aged, over


def _after_credits(ctx: StateContext, tax: Decimal) -> Decimal:
    p, home = ctx.params, ctx.home
    assert ctx.federal is not None
    tax = max(ZERO, tax - p["aged_credit"] * aged(ctx))
    size = min(home.people + home.dependents, p["family_size_cap"])
    guideline = p["poverty_guideline"]
    threshold = guideline["first"] + guideline["each_more"] * (size - 1)
    share = over(p["family_size_credit"], ctx.federal.agi / threshold)
    return tax - tax * pct(share)


def income_tax(ctx: StateContext) -> Decimal:
    p = ctx.params
    rate = pct(p["rate_pct"])
    deduction = p["standard_deduction"]
    joint = _after_credits(ctx, max(ZERO, ctx.agi - deduction) * rate)
    if not ctx.home.joint:
        return joint
    separate = sum((max(ZERO, wages - deduction) for wages in ctx.wages), ZERO) * rate
    return min(joint, _after_credits(ctx, separate))
