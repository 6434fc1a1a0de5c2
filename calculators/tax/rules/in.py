"""Indiana: a flat rate on income less exemptions; county taxes on the same base."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._south import aged


def exemptions(ctx: StateContext) -> Decimal:
    p, home = ctx.params, ctx.home
    assert ctx.federal is not None
    older = aged(ctx)
    total = (p["exemption"] * (home.people + home.dependents)
             + p["child_exemption"] * home.dependents + p["aged_exemption"] * older)
    if ctx.federal.agi < p["aged_low_income_agi"]:
        total += p["aged_low_income_exemption"] * older
    return total


def taxable_income(ctx: StateContext) -> Decimal:
    """Indiana AGI less exemptions: the base of the state's rate and the county's."""
    return max(ZERO, ctx.agi - exemptions(ctx))


def income_tax(ctx: StateContext) -> Decimal:
    return taxable_income(ctx) * pct(ctx.params["rate_pct"])
