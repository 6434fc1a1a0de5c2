"""Connecticut: the personal exemption shrinks with income; the 2% bracket's benefit is
phased out and the lower brackets' recaptured (Tables C and D); then the personal
tax credit, a percent of the tax that falls as income rises (Table E)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ...money import ZERO, pct
from ..state import StateContext, by_status
from ._northeast import step, steps_of

__all__ = ["income_tax", "taxable_income", "add_back"]


def taxable_income(ctx: StateContext) -> Decimal:
    table, status = ctx.params["exemption"], ctx.status
    excess = ctx.agi - by_status(table["reduction_start"], status)
    exemption = max(ZERO, by_status(table["amount"], status)
                    - steps_of(excess, table["step"]) * table["step"])
    return max(ZERO, ctx.agi - exemption)


def add_back(table: Mapping[str, Any], status: str, agi: Decimal) -> Decimal:
    """One of Tables C and D: ``per`` a ``step`` of AGI over ``start``, up to ``max``."""
    steps = steps_of(agi - by_status(table["start"], status), by_status(table["step"], status))
    return min(by_status(table["max"], status), steps * by_status(table["per"], status))


def income_tax(ctx: StateContext) -> Decimal:
    status, agi = ctx.status, ctx.agi
    tax = ctx.tax_on(taxable_income(ctx))
    tax += sum((add_back(table, status, agi) for table in ctx.params["add_backs"].values()), ZERO)
    credit_pct = step(ctx.params["personal_credit_pct"][status], agi)
    return max(ZERO, tax - tax * pct(credit_pct))
