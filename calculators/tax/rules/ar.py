"""Arkansas: the Regular Income Tax Table (each $100 row taxed at its midpoint, to the
dollar) below $100,001 of net taxable income and the formula above it, less the
personal credits and the additional credit for qualified individuals; a married couple
files jointly or separately on the same return, whichever owes less. Of the low-income
tax tables, only where they owe nothing: AGI up to their first taxed row."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from ...money import ZERO
from ..brackets import bracket_tax
from ..state import StateContext
from ._south import aged, over


def formula_tax(p: dict, income: Decimal) -> Decimal:
    """The statute's tax on net taxable income: the rate table up to the high-income
    threshold, above it the high-income table less its bracket adjustment."""
    if income <= p["high_income_threshold"]:
        return bracket_tax(p["brackets"]["all"], income)
    adjustment = over(p["high_income_adjustment"], income)
    return bracket_tax(p["high_income_brackets"], income) - adjustment


def regular_tax(p: dict, income: Decimal) -> Decimal:
    """The Regular Income Tax Table: below its top, the tax at the middle of the income's
    $100 row (rows start on the hundred below `row_offset_from`, one dollar after it
    from there), rounded to the dollar; the formula above."""
    if income >= p["table_top"]:
        return formula_tax(p, income)
    offset = 1 if income >= p["row_offset_from"] else 0
    start = ((income - offset) / 100).to_integral_value(rounding=ROUND_FLOOR) * 100 + offset
    middle = start + Decimal("49.5")
    return formula_tax(p, middle).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def qualified_credit(p: dict, income: Decimal, people: int) -> Decimal:
    """The additional credit for qualified individuals, less `step` for each $100 (or
    part) of net taxable income over the start."""
    steps = (max(ZERO, income - p["qualified_credit_start"]) / 100).to_integral_value(
        rounding=ROUND_CEILING)
    return max(ZERO, (p["qualified_credit"] - steps * p["qualified_credit_step"]) * people)


def personal_credits(ctx: StateContext) -> Decimal:
    """$29 for each spouse, each dependent and a head of household, and two more for each
    spouse 65 or over (the aged credit and, without a retirement exemption, the aged
    special credit)."""
    home = ctx.home
    count = home.people + home.dependents + 2 * aged(ctx)
    if ctx.status == "head_of_household":
        count += 1
    return ctx.params["personal_credit"] * count


def income_tax(ctx: StateContext) -> Decimal:
    p, home = ctx.params, ctx.home
    personal = personal_credits(ctx)
    income = max(ZERO, ctx.agi - ctx.standard_deduction())
    joint_tax = regular_tax(p, income)
    no_tax = p["low_income_no_tax_agi"][ctx.status]
    if ctx.agi <= no_tax[min(home.dependents, len(no_tax) - 1)]:
        joint_tax = ZERO
    joint = max(ZERO, joint_tax - personal - qualified_credit(p, income, home.people))
    if not home.joint:
        return joint
    deduction = p["separate_standard_deduction"]
    incomes = [max(ZERO, wages - deduction) for wages in ctx.wages]
    tax = sum((regular_tax(p, each) for each in incomes), ZERO) - personal
    tax -= sum((qualified_credit(p, each, 1) for each in incomes), ZERO)
    return min(joint, max(ZERO, tax))
