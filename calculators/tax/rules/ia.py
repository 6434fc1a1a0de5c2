"""Iowa: a flat rate on federal taxable income, less the exemption credits."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._south import aged


def taxable_income(ctx: StateContext) -> Decimal:
    assert ctx.federal is not None
    return ctx.federal.taxable_income


def income_tax(ctx: StateContext) -> Decimal:
    p, home = ctx.params, ctx.home
    credits = (ctx.figure("personal_credit") + p["dependent_credit"] * home.dependents
               + p["aged_credit"] * aged(ctx))
    return max(ZERO, taxable_income(ctx) * pct(p["rate_pct"]) - credits)
