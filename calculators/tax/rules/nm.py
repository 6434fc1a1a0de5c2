"""New Mexico (Form PIT-1): federal AGI less the federal standard deduction, the
deduction for dependents after the first, the low- and middle-income exemption and the
exemption at 65, by the brackets."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext, by_status
from ._west import adults_aged, step_amount


def low_income_exemption(ctx: StateContext) -> Decimal:
    rule, agi = ctx.params["low_income_exemption"], ctx.agi
    if agi > by_status(rule["limit"], ctx.status):
        return ZERO
    excess = max(ZERO, agi - by_status(rule["threshold"], ctx.status))
    each = max(ZERO, rule["amount"] - excess * pct(by_status(rule["rate_pct"], ctx.status)))
    return each * (ctx.home.people + ctx.home.dependents)


def income_tax(ctx: StateContext) -> Decimal:
    p, home, agi = ctx.params, ctx.home, ctx.agi
    dependents = ctx.figure("dependent_deduction") * max(0, home.dependents - 1)
    aged = (step_amount(p["aged_exemption"][ctx.status], agi)
            * adults_aged(ctx, p["aged_exemption_age"]))
    taxable = (agi - ctx.standard_deduction() - dependents - low_income_exemption(ctx)
               - aged)
    return ctx.tax_on(max(ZERO, taxable))
