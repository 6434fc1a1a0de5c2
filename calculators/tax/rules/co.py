"""Colorado (Form DR 0104): 4.4% of federal taxable income plus two additions, the
state income tax an itemizer deducted and, at high AGI, most of the federal
deduction."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..federal import senior_deduction
from ..state import StateContext, by_status


def federal_deduction(ctx: StateContext) -> Decimal:
    """The standard or itemized deduction the federal return took."""
    federal = ctx.federal
    assert federal is not None
    senior = senior_deduction(ctx.law["federal"], ctx.home, federal.agi)
    return federal.agi - senior - federal.taxable_income


def taxable_income(ctx: StateContext) -> Decimal:
    federal = ctx.federal
    assert federal is not None
    deduction = federal_deduction(ctx)
    additions = ZERO
    if federal.itemized:
        # All of the itemized deduction is state and local income tax here.
        additions += deduction - federal.standard_deduction
    rule = ctx.params["deduction_addback"]
    if federal.agi >= rule["agi_at_least"]:
        additions += max(ZERO, deduction - by_status(rule["allowed"], ctx.status))
    return max(ZERO, federal.taxable_income + additions)


def income_tax(ctx: StateContext) -> Decimal:
    return ctx.tax_on(taxable_income(ctx))
