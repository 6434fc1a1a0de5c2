"""Oregon (Form OR-40): federal AGI less the federal income tax (up to a cap that
phases out with AGI) and the standard deduction, by the brackets, less the exemption
credit for each person on the return (none above the AGI limit)."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from ...money import ZERO
from ..state import StateContext, by_status
from ._west import adults_aged


def federal_tax_subtraction(ctx: StateContext) -> Decimal:
    """The federal income tax Oregon lets you subtract, up to the phased cap."""
    rule = ctx.params["federal_tax_subtraction"]
    assert ctx.federal is not None
    agi, cap = ctx.federal.agi, Decimal(rule["cap"])
    start = by_status(rule["start"], ctx.status)
    if agi >= start:
        step = by_status(rule["step"], ctx.status)
        taken = ((agi - start) / step).to_integral_value(rounding=ROUND_FLOOR) + 1
        cap = max(ZERO, cap * (1 - taken / Decimal(rule["steps"])))
    return min(cap, max(ZERO, ctx.federal.income_tax))


def deduction(ctx: StateContext) -> Decimal:
    aged = ctx.params["aged_deduction"]
    return (ctx.standard_deduction()
            + by_status(aged, ctx.status) * adults_aged(ctx, aged["age"]))


def exemption_credit(ctx: StateContext) -> Decimal:
    assert ctx.federal is not None
    if ctx.federal.agi > ctx.figure("exemption_credit_agi_limit"):
        return ZERO
    return ctx.params["exemption_credit"] * (ctx.home.people + ctx.home.dependents)


def income_tax(ctx: StateContext) -> Decimal:
    taxable = max(ZERO, ctx.agi - federal_tax_subtraction(ctx) - deduction(ctx))
    return max(ZERO, ctx.tax_on(taxable) - exemption_credit(ctx))
