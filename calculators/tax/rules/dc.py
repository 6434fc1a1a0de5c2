"""The District of Columbia: the standard deduction (with the federal addition at 65),
or, for a federal itemizer, DC's itemized deductions, which leave out the income taxes
a wage earner itemizes; a married couple may file separately on the same return,
splitting the deduction as they like, where that costs less."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..state import StateContext

__all__ = ["income_tax", "deduction", "separate_tax"]


def deduction(ctx: StateContext) -> Decimal:
    federal = ctx.federal
    assert federal is not None
    if federal.itemized:
        return ZERO
    aged = ctx.law["federal"]["aged_deduction"]
    extra = aged[ctx.status] * ctx.home.people if ctx.home.age >= aged["age"] else ZERO
    return ctx.standard_deduction() + extra


def separate_tax(ctx: StateContext, total: Decimal) -> Decimal:
    """Each spouse taxed on their own income, the deduction split where it saves most
    (the tax is convex in the split, so a bracket edge or an end is best)."""
    first, second = ctx.wages
    edges = [Decimal(over) for over, _ in ctx.params["brackets"]["all"]]
    candidates = {ZERO, total}
    for edge in edges:
        candidates |= {first - edge, edge - second + total}
    tax = lambda share: ctx.tax_on(max(ZERO, first - share)) + ctx.tax_on(  # noqa: E731
        max(ZERO, second - (total - share)))
    return min(tax(min(total, max(ZERO, share))) for share in candidates)


def income_tax(ctx: StateContext) -> Decimal:
    total = deduction(ctx)
    tax = ctx.tax_on(max(ZERO, ctx.agi - total))
    if ctx.home.joint:
        tax = min(tax, separate_tax(ctx, total))
    return tax
