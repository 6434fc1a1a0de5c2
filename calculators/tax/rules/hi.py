"""Hawaii (Form N-11): the standard deduction and an exemption for each person, with
one more for each adult aged 65 or more, then the brackets."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..state import StateContext
from ._west import adults_aged


def income_tax(ctx: StateContext) -> Decimal:
    p, home = ctx.params, ctx.home
    count = home.people + home.dependents + adults_aged(ctx, p["aged_exemption_age"])
    taxable = max(ZERO, ctx.agi - ctx.standard_deduction() - p["exemption_each"] * count)
    return ctx.tax_on(taxable)
