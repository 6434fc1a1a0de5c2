"""Pennsylvania: 3.07% of compensation (401(k) deferrals included), less tax
forgiveness at low incomes (Schedule SP): all of it at eligibility income up to the
household's threshold, 10% less for each $250 above."""

from __future__ import annotations

from decimal import Decimal

from ...money import ONE, ZERO, pct
from ..state import StateContext
from ._northeast import steps_of

__all__ = ["income_tax", "forgiveness_share"]


def forgiveness_share(ctx: StateContext) -> Decimal:
    table, home = ctx.params["forgiveness"], ctx.home
    threshold = table["base"] * home.people + table["per_dependent"] * home.dependents
    steps = steps_of(ctx.agi - threshold, table["step"])
    return max(ZERO, ONE - steps * pct(table["step_pct"]))


def income_tax(ctx: StateContext) -> Decimal:
    tax = ctx.tax_on(ctx.agi)
    return tax - tax * forgiveness_share(ctx)
