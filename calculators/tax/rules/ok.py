"""Oklahoma (Form 511): federal AGI less the standard deduction (none for a federal
itemizer, whose Oklahoma itemized deductions leave out state income taxes) and the
exemptions, by the brackets, less the child credit (5% of the federal child tax
credit)."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext, by_status
from ._west import adults_aged


def exemptions(ctx: StateContext) -> Decimal:
    p, home = ctx.params, ctx.home
    aged = p["aged_exemption"]
    count = home.people + home.dependents
    if ctx.agi <= by_status(aged["agi_limit"], ctx.status):
        count += adults_aged(ctx, aged["age"])
    return p["exemption_each"] * count


def child_credit(ctx: StateContext) -> Decimal:
    rule, federal = ctx.params["child_credit"], ctx.federal
    assert federal is not None
    if federal.agi > rule["agi_limit"]:
        return ZERO
    return federal.child_tax_credit * pct(rule["federal_ctc_pct"])


def income_tax(ctx: StateContext) -> Decimal:
    assert ctx.federal is not None
    deduction = ZERO if ctx.federal.itemized else ctx.standard_deduction()
    taxable = max(ZERO, ctx.agi - deduction - exemptions(ctx))
    return max(ZERO, ctx.tax_on(taxable) - child_credit(ctx))
