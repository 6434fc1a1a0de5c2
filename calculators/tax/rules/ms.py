"""Mississippi: the table's pipeline, with an exemption for each spouse 65 or over.

A married couple's return taxes each spouse's income in its own column, with the
exemptions and the standard deduction divided between them as they choose: so each
spouse's income uses the untaxed first bracket, and the couple's allowances fall
where they save the most (on the rest of the income, taxed at the one rate above it).
"""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..state import StateContext
from ._south import aged


def taxable_income(ctx: StateContext) -> Decimal:
    allowances = ctx.standard_deduction() + ctx.exemptions()
    return max(ZERO, ctx.agi - allowances - ctx.params["aged_exemption"] * aged(ctx))


def income_tax(ctx: StateContext) -> Decimal:
    untaxed, rate = ctx.params["untaxed"], ctx.params["rate_pct"]
    shelter = sum((min(untaxed, wages) for wages in ctx.wages), ZERO)
    return max(ZERO, taxable_income(ctx) - shelter) * pct(rate)
