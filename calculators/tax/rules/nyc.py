"""New York City's resident income tax: its rate schedule on New York taxable income,
less the city's household credit (nonrefundable), by federal AGI and household size.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ...money import ZERO
from ..brackets import bracket_tax
from ..state import StateContext
from ._northeast import step

__all__ = ["income_tax"]


def income_tax(ctx: StateContext, place: Mapping[str, Any]) -> Decimal:
    status, home = ctx.status, ctx.home
    tax = bracket_tax(place["brackets"][status], ctx.taxable_income())
    credits = place["household_credit"]
    if status == "single":
        credit = step(credits["single"], ctx.agi)
    else:
        credit = step(credits["each_person"], ctx.agi) * (home.people + home.dependents)
    return max(ZERO, tax - credit)
