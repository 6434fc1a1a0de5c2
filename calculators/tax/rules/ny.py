"""New York: the rate schedule, the supplemental tax that recaptures the lower
brackets' benefit from higher incomes, and the household credit.

Worked check, IT-201-I worksheet 1 logic: single, $150,000 of wages: taxable
income $142,000, NY AGI $150,000, so the whole $567 of the 5.9% bracket's benefit is
recaptured.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ...money import ONE, ZERO
from ..state import StateContext
from ._northeast import step

__all__ = ["income_tax", "supplemental_tax", "household_credit"]


def supplemental_tax(table: Mapping[str, Any], status: str, agi: Decimal,
                     taxable: Decimal, tax: Decimal, top_pct: Decimal) -> Decimal:
    """Tax Law 601(d-1): what the lower brackets' benefit gives back at NY AGI ``agi``."""
    if agi > table["flat_agi"]:
        return taxable * top_pct / 100 - tax
    base = increment = ZERO
    start = Decimal(table["min_agi"])
    for over, row_base, row_increment in table[status]:
        if taxable > over:
            base, increment = Decimal(row_base), Decimal(row_increment)
            start = max(Decimal(over), Decimal(table["min_agi"]))
    share = min(ONE, max(ZERO, agi - start) / table["phase_in"])
    return base + share * increment


def household_credit(table: Mapping[str, Any], status: str, agi: Decimal,
                     people: int) -> Decimal:
    """Tax Law 606(b): by federal AGI, and for couples and families by household size."""
    if status == "single":
        return step(table["single"], agi)
    return step(table["base"], agi) + step(table["each_more"], agi) * (people - 1)


def income_tax(ctx: StateContext) -> Decimal:
    params, status = ctx.params, ctx.status
    taxable = ctx.taxable_income()
    tax = ctx.tax_on(taxable)
    top_pct = Decimal(params["brackets"][status][-1][1])
    tax += supplemental_tax(params["supplemental"], status, ctx.agi, taxable, tax, top_pct)
    people = ctx.home.people + ctx.home.dependents
    credit = household_credit(params["household_credit"], status, ctx.agi, people)
    return max(ZERO, tax - credit)
