"""Maine: the standard deduction and the personal exemptions phase out with AGI. (The
dependent exemption credit is refundable since 2024, so not counted.)"""

from __future__ import annotations

from decimal import Decimal

from ...money import ONE, ZERO
from ..state import StateContext, by_status

__all__ = ["income_tax", "taxable_income"]


def _kept(ctx: StateContext, key: str) -> Decimal:
    """The share of a deduction left after its phase-out ``key``."""
    table = ctx.params[key]
    excess = max(ZERO, ctx.agi - by_status(table["start"], ctx.status))
    return max(ZERO, ONE - excess / by_status(table["width"], ctx.status))


def taxable_income(ctx: StateContext) -> Decimal:
    deduction = ctx.standard_deduction() * _kept(ctx, "deduction_phase_out")
    exemptions = ctx.params["exemption"] * ctx.home.people * _kept(ctx, "exemption_phase_out")
    return max(ZERO, ctx.agi - deduction - exemptions)


def income_tax(ctx: StateContext) -> Decimal:
    return ctx.tax_on(taxable_income(ctx))
