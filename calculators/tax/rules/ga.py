"""Georgia: a flat rate after the standard deduction (or, for those who itemize on the
federal return, the federal itemized deductions) and the dependent exemptions; the
retirement exclusion's earned-income part at 62; less the low-income and itemizer
credits."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..federal import senior_deduction
from ..state import StateContext
from ._south import aged, from_


def deduction(ctx: StateContext) -> Decimal:
    """The federal itemized deductions where the federal return itemizes (Georgia then
    requires it), else Georgia's standard deduction."""
    federal = ctx.federal
    assert federal is not None
    if federal.itemized:
        senior = senior_deduction(ctx.law["federal"], ctx.home, federal.agi)
        return federal.agi - senior - federal.taxable_income
    return ctx.standard_deduction()


def taxable_income(ctx: StateContext) -> Decimal:
    p, home = ctx.params, ctx.home
    excluded = ZERO
    if home.age >= p["retirement_age"]:
        excluded = sum((min(wages, p["retirement_earned_cap"]) for wages in ctx.wages), ZERO)
    return max(ZERO, ctx.agi - excluded - deduction(ctx) - ctx.exemptions())


def income_tax(ctx: StateContext) -> Decimal:
    assert ctx.federal is not None
    p, home = ctx.params, ctx.home
    per_exemption = from_(p["low_income_credit"], ctx.federal.agi)
    credit = per_exemption * (home.people + home.dependents + aged(ctx))
    if ctx.federal.itemized:
        credit += p["itemizer_credit"] * home.people
    return max(ZERO, ctx.tax_on(taxable_income(ctx)) - credit)
