"""Kansas (Form K-40): Kansas AGI less the standard deduction (more at 65) and the
exemptions, by the brackets; nothing owed at AGI up to the filing threshold."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..state import StateContext, by_status
from ._west import adults_aged


def income_tax(ctx: StateContext) -> Decimal:
    if ctx.agi <= ctx.figure("no_tax_agi"):
        return ZERO
    aged = ctx.params["aged_deduction"]
    deduction = ctx.standard_deduction() + by_status(aged, ctx.status) * adults_aged(ctx, aged["age"])
    return ctx.tax_on(max(ZERO, ctx.agi - deduction - ctx.exemptions()))
