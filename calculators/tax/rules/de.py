"""Delaware: the standard deduction (more at 65) and a $110 personal credit for each
person (more at 60); a married couple may instead file separately on one return, each
taxed on their own income, whichever costs less; the earned income credit is 20% of
the federal one nonrefundable, or 4.5% refundable, whichever leaves less to pay."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._south import earned_income_credit

__all__ = ["income_tax", "tax_before_credits"]


def _deduction(ctx: StateContext, people: int) -> Decimal:
    params = ctx.params
    aged = people if ctx.home.age >= params["aged_age"] else 0
    return params["aged_deduction"] * aged


def _own_credit(ctx: StateContext) -> Decimal:
    """Each spouse's own personal credit, with the credit at 60."""
    params = ctx.params
    aged = params["aged_credit"] if ctx.home.age >= params["aged_credit_age"] else 0
    return params["personal_credit"] + aged


def tax_before_credits(ctx: StateContext) -> tuple[Decimal, Decimal]:
    """The tax after the personal credits, jointly and (for a couple) filing separately
    on the combined return (the dependents' credits going where they save most)."""
    params, home = ctx.params, ctx.home
    joint_income = max(ZERO, ctx.agi - ctx.standard_deduction() - _deduction(ctx, home.people))
    joint = max(ZERO, ctx.tax_on(joint_income) - _own_credit(ctx) * home.people
                - params["personal_credit"] * home.dependents)
    if not home.joint:
        return joint, joint
    single = ctx.params["standard_deduction"]["single"]
    taxes = [max(ZERO, ctx.tax_on(max(ZERO, wages - single - _deduction(ctx, 1))))
             - _own_credit(ctx) for wages in ctx.wages]
    best = None
    for first in range(home.dependents + 1):
        shares = (first, home.dependents - first)
        total = sum((max(ZERO, tax - params["personal_credit"] * share)
                     for tax, share in zip(taxes, shares)), ZERO)
        best = total if best is None else min(best, total)
    assert best is not None
    return joint, best


def income_tax(ctx: StateContext) -> Decimal:
    joint, separate = tax_before_credits(ctx)
    tax = min(joint, separate)
    eitc = earned_income_credit(ctx)
    nonrefundable = max(ZERO, tax - eitc * pct(ctx.params["eitc_nonrefundable_pct"]))
    refundable_final = tax - eitc * pct(ctx.params["eitc_refundable_pct"])
    return tax if refundable_final < nonrefundable else nonrefundable
