"""Minnesota (Form M1): federal AGI less the standard deduction and the dependent
exemptions (both phased down at high AGI) and the subtraction at 65, by the
brackets, less the marriage credit for two-earner couples; plus the alternative
minimum tax where it is more."""

from __future__ import annotations

from decimal import Decimal

from ...money import ZERO, pct
from ..brackets import bracket_tax
from ..state import StateContext, by_status
from ._west import adults_aged, steps


def standard_deduction(ctx: StateContext) -> Decimal:
    p, agi = ctx.params, ctx.agi
    aged = p["aged_deduction"]
    full = ctx.standard_deduction() + by_status(aged, ctx.status) * adults_aged(ctx, aged["age"])
    rule = p["deduction_phaseout"]
    most = full * pct(rule["max_pct"])
    if agi > rule["all_over"]:
        return full - most
    start, steep = Decimal(rule["start"]), Decimal(rule["steep"])
    cut = (min(max(ZERO, agi - start), steep - start) * pct(rule["rate_pct"])
           + max(ZERO, agi - steep) * pct(rule["steep_rate_pct"]))
    return full - min(cut, most)


def exemptions(ctx: StateContext) -> Decimal:
    p = ctx.params
    rule = p["exemption_phaseout"]
    full = p["dependent_exemption"] * ctx.home.dependents
    cut = steps(ctx.agi - by_status(rule["threshold"], ctx.status), rule["step"]) * pct(rule["step_pct"])
    return max(ZERO, full * (1 - cut))


def aged_subtraction(ctx: StateContext) -> Decimal:
    rule = ctx.params["aged_subtraction"]
    aged = adults_aged(ctx, rule["age"])
    if not aged:
        return ZERO
    offset = rule["offset"] + (rule["both_extra"] if aged == 2 else 0)
    reduction = max(ZERO, ctx.agi - offset) * pct(rule["rate_pct"])
    return max(ZERO, by_status(rule["amount"], ctx.status) - reduction)


def marriage_credit(ctx: StateContext, taxable: Decimal, tax: Decimal) -> Decimal:
    rule, home = ctx.params["marriage_credit"], ctx.home
    lower = min(ctx.wages) if home.joint else ZERO
    if taxable < rule["taxable_income_at_least"] or lower < rule["earnings_at_least"]:
        return ZERO
    single = ctx.params["brackets"]["single"]
    # Each spouse's share of the joint standard deduction.
    first = max(ZERO, lower - ctx.params["standard_deduction"]["married_joint"] * pct(Decimal(50)))
    apart = bracket_tax(single, first) + bracket_tax(single, max(ZERO, taxable - first))
    return min(Decimal(rule["maximum"]), max(ZERO, tax - apart))


def minimum_tax(ctx: StateContext, regular: Decimal) -> Decimal:
    """The alternative minimum tax: what 6.75% of AGI over the exemption exceeds the
    regular tax by."""
    rule, agi = ctx.params["amt"], ctx.agi
    excess = max(ZERO, agi - by_status(rule["phaseout_over"], ctx.status))
    exemption = max(ZERO, by_status(rule["exemption"], ctx.status)
                    - excess * pct(rule["phaseout_pct"]))
    return max(ZERO, max(ZERO, agi - exemption) * pct(rule["rate_pct"]) - regular)


def income_tax(ctx: StateContext) -> Decimal:
    taxable = max(ZERO, ctx.agi - standard_deduction(ctx) - exemptions(ctx)
                  - aged_subtraction(ctx))
    tax = ctx.tax_on(taxable)
    tax += minimum_tax(ctx, tax)
    return max(ZERO, tax - marriage_credit(ctx, taxable, ctx.tax_on(taxable)))
