"""Arizona (Form 140): 2.5% of AGI less the federal deduction for seniors, the
exemption at 65 and the standard deduction, less the dependent tax credit and, for
the lowest incomes, the family tax credit (both nonrefundable)."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..federal import senior_deduction
from ..state import StateContext, by_status
from ._west import adults_aged, steps


def dependent_credit(ctx: StateContext) -> Decimal:
    rule = ctx.params["dependent_credit"]
    assert ctx.federal is not None
    excess = ctx.federal.agi - by_status(rule["threshold"], ctx.status)
    kept = max(ZERO, 1 - steps(excess, rule["step"]) * pct(rule["step_pct"]))
    return rule["amount"] * ctx.home.dependents * kept


def family_credit(ctx: StateContext) -> Decimal:
    rule, home = ctx.params["family_credit"], ctx.home
    limit = max(limit for reach, limit in rule[ctx.status] if home.dependents >= reach)
    if ctx.agi > limit:
        return ZERO
    return min(rule["per_person"] * (home.people + home.dependents),
               by_status(rule["cap"], ctx.status))


def income_tax(ctx: StateContext) -> Decimal:
    aged = ctx.params["aged_exemption"]
    exemptions = aged["amount"] * adults_aged(ctx, aged["age"])
    senior = senior_deduction(ctx.law["federal"], ctx.home, ctx.agi)
    taxable = max(ZERO, ctx.agi - senior - exemptions - ctx.standard_deduction())
    return max(ZERO, ctx.tax_on(taxable) - dependent_credit(ctx) - family_credit(ctx))
