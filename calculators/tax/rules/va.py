"""Virginia: the standard deduction (nothing for a federal itemizer: Virginia's itemized
deductions leave out the income taxes a wage earner itemizes) and a $930 exemption for
each person (more at 65, with the age deduction); the spouse tax adjustment for two earners (up to $259); the earned income
credit, 20% of the federal one, or the low-income credit, whichever is more, unless
the refundable earned income credit leaves less to pay."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._northeast import poverty_guideline
from ._south import earned_income_credit

__all__ = ["income_tax", "taxable_income", "spouse_adjustment"]


def _aged(ctx: StateContext) -> Decimal:
    """The exemptions and the age deduction at 65."""
    params, home = ctx.params, ctx.home
    if home.age < params["aged_age"]:
        return ZERO
    excess = max(ZERO, ctx.agi - ctx.figure("age_deduction_threshold"))
    age_deduction = max(ZERO, params["age_deduction"] * home.people - excess)
    return params["aged_exemption"] * home.people + age_deduction


def taxable_income(ctx: StateContext) -> Decimal:
    home = ctx.home
    assert ctx.federal is not None
    deduction = ZERO if ctx.federal.itemized else ctx.standard_deduction()
    exemptions = ctx.params["exemption"] * (home.people + home.dependents)
    return max(ZERO, ctx.agi - deduction - exemptions - _aged(ctx))


def spouse_adjustment(ctx: StateContext, taxable: Decimal, tax: Decimal) -> Decimal:
    """Form 760 spouse tax adjustment: the tax saved taxing the lower earner's income
    (less their exemption) apart, up to the cap."""
    if not ctx.home.joint:
        return ZERO
    lower = min(ctx.wages) - ctx.params["exemption"]
    if lower <= 0:
        return ZERO
    half = taxable / 2
    apart = (min(ctx.tax_on(lower), ctx.tax_on(half))
             + max(ctx.tax_on(max(ZERO, taxable - lower)), ctx.tax_on(half)))
    return min(Decimal(ctx.params["spouse_adjustment_max"]), max(ZERO, tax - apart))


def income_tax(ctx: StateContext) -> Decimal:
    params, home = ctx.params, ctx.home
    taxable = taxable_income(ctx)
    tax = ctx.tax_on(taxable)
    tax = max(ZERO, tax - spouse_adjustment(ctx, taxable, tax))
    eitc = earned_income_credit(ctx)
    people = home.people + home.dependents
    eligible = (home.age < params["aged_age"]
                and ctx.agi <= poverty_guideline(params["poverty_guideline"], people))
    low_income = params["low_income_credit"] * people if eligible else ZERO
    nonrefundable = max(ZERO, tax - max(eitc * pct(params["eitc_pct"]), low_income))
    if tax - eitc * pct(params["eitc_refundable_pct"]) < nonrefundable:
        return tax
    return nonrefundable
