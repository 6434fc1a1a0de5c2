"""Illinois: a flat rate on income less exemptions, which end above an income limit.

>>> from decimal import Decimal as D
>>> from ..household import Household
>>> from .. import taxes
>>> taxes(Household(wages=D(60000), state="IL")).state_income_tax
Decimal('2825.21')
"""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._south import aged


def exemptions(ctx: StateContext) -> Decimal:
    p = ctx.params
    assert ctx.federal is not None
    if ctx.federal.agi > ctx.figure("exemption_agi_limit"):
        return ZERO
    return (p["exemption"] * (ctx.home.people + ctx.home.dependents)
            + p["aged_exemption"] * aged(ctx))


def taxable_income(ctx: StateContext) -> Decimal:
    return max(ZERO, ctx.agi - exemptions(ctx))


def income_tax(ctx: StateContext) -> Decimal:
    return taxable_income(ctx) * pct(ctx.params["rate_pct"])
