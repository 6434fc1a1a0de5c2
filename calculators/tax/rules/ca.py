"""California (Form 540): the rate schedule on income after the standard deduction,
less the exemption credits (each phased out by $6 for every $2,500 of federal AGI over
the threshold), plus the 1% behavioral health services tax over $1,000,000.

HSA contributions are California wages (``taxed_pretax``).
"""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO
from ..state import StateContext, by_status
from ._west import adults_aged, steps, surtax


def exemption_credits(ctx: StateContext) -> Decimal:
    """The personal, senior and dependent exemption credits after the phase-out."""
    p = ctx.params
    phaseout = p["credit_phaseout"]
    assert ctx.federal is not None
    excess = ctx.federal.agi - by_status(phaseout["threshold"], ctx.status)
    cut = steps(excess, phaseout["step"]) * phaseout["per_step"]
    count = ctx.home.people + adults_aged(ctx, p["senior_age"])
    personal = max(ZERO, p["personal_credit_each"] - cut) * count
    dependents = max(ZERO, p["dependent_credit"] - cut) * ctx.home.dependents
    return personal + dependents


def income_tax(ctx: StateContext) -> Decimal:
    taxable = ctx.taxable_income()
    return (max(ZERO, ctx.tax_on(taxable) - exemption_credits(ctx))
            + surtax(ctx, taxable))
