"""Federal income tax on wages: the standard deduction, the brackets, the child tax credit.

A wage earner takes the standard deduction (with the additions at 65), or itemizes
the state and local income taxes the year's wages owe where those, within the cap,
are more; and the 2025-2028 deduction for seniors either way. The saver's credit on 401(k) deferrals and the
child tax credit are counted, the child credit's refundable part too; the earned
income credit, claimed when you file, is not.

A worked check from the design reference: $100,000 of wages, single, nothing pre-tax:
taxable income $83,900, tax $13,170.

>>> from decimal import Decimal as D
>>> from .household import Household, law
>>> r = federal_income_tax(law(2026), Household(wages=D(100000), state="TX"))
>>> r.taxable_income, r.income_tax
(Decimal('83900'), Decimal('13170.00'))
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import ROUND_CEILING, Decimal
from typing import Any

from ..money import ZERO, pct
from .brackets import bracket_rate, bracket_tax
from .household import Household
from .payroll import payroll_taxes

__all__ = ["Federal", "earned_income_credit", "federal_income_tax", "salt_deduction", "savers_credit",
           "senior_deduction", "standard_deduction"]


@dataclasses.dataclass(frozen=True, slots=True)
class Federal:
    agi: Decimal
    standard_deduction: Decimal
    itemized: bool
    taxable_income: Decimal
    tax_before_credits: Decimal
    savers_credit: Decimal
    child_tax_credit: Decimal
    income_tax: Decimal
    bracket_rate_pct: Decimal


def standard_deduction(rules: Mapping[str, Any], home: Household) -> Decimal:
    """The standard deduction, with the addition for each spouse aged 65 or more."""
    status = home.filing_status
    deduction = Decimal(rules["standard_deduction"][status])
    aged = rules["aged_deduction"]
    if home.age >= aged["age"]:
        deduction += aged[status] * home.people
    return deduction


def senior_deduction(rules: Mapping[str, Any], home: Household, agi: Decimal) -> Decimal:
    """The 2025-2028 deduction for each spouse aged 65 or more, less its phase-out."""
    senior = rules["senior_deduction"]
    if home.age < senior["age"]:
        return ZERO
    excess = max(ZERO, agi - senior["threshold"][home.filing_status])
    return max(ZERO, senior["amount"] - excess * pct(senior["phaseout_pct"])) * home.people


def earned_income_credit(year_law: Mapping[str, Any], home: Household) -> Decimal:
    """The earned income credit on the household's wages (not in the federal income tax
    reported: it is claimed when you file; the child credit and states' credits use it)."""
    rules = year_law["federal"]["earned_income_credit"]
    children = min(home.dependents, len(rules["max_credit"]) - 1)
    low, high = rules["childless_ages"]
    if children == 0 and not low <= home.age <= high:
        return ZERO
    earned = sum(home.income_wages(year_law), ZERO)
    credit = min(Decimal(rules["max_credit"][children]),
                 earned * pct(Decimal(rules["phase_in_pct"][children])))
    start = rules["phaseout_start"][children]
    if home.joint:
        start += rules["joint_extra"][children]
    excess = max(ZERO, earned - start)
    return max(ZERO, credit - excess * pct(Decimal(rules["phaseout_pct"][children])))


def _child_tax_credit(year_law: Mapping[str, Any], home: Household, agi: Decimal,
                      tax: Decimal, earned: Decimal | None = None) -> Decimal:
    """The child tax credit: nonrefundable up to the tax, then the refundable part
    (``earned``: the earned income it is figured on, the AGI unless given)."""
    credit = year_law["federal"]["child_tax_credit"]
    if home.dependents == 0:
        return ZERO
    excess = max(ZERO, agi - credit["threshold"][home.filing_status])
    steps = (excess / credit["phaseout_step"]).to_integral_value(rounding=ROUND_CEILING)
    full = max(ZERO, credit["amount"] * home.dependents - steps * credit["phaseout_per_step"])
    nonrefundable = min(full, tax)
    if earned is None:
        earned = agi  # wages in box 1 of the W-2: the household's only income here
    allowed = max(ZERO, earned - credit["refundable_earned_floor"]) * pct(
        credit["refundable_rate_pct"])
    if home.dependents >= credit["alternative_children"]:
        payroll = payroll_taxes(year_law, home)
        allowed = max(allowed, payroll.social_security + payroll.medicare
                      - earned_income_credit(year_law, home))
    refundable = min(full - nonrefundable, credit["refundable_max"] * home.dependents, allowed)
    return nonrefundable + refundable


def salt_deduction(rules: Mapping[str, Any], agi: Decimal, state_taxes: Decimal) -> Decimal:
    """The itemized deduction for ``state_taxes``, held to the year's phased-out cap."""
    salt = rules["salt"]
    cap = max(Decimal(salt["floor"]),
              salt["cap"] - max(ZERO, agi - salt["threshold"]) * pct(salt["phaseout_pct"]))
    return min(state_taxes, cap)


def federal_income_tax(year_law: Mapping[str, Any], home: Household,
                       state_taxes: Decimal = ZERO) -> Federal:
    """The household's federal income tax for the year, itemizing ``state_taxes`` (state
    and local income taxes) where that beats the standard deduction."""
    rules = year_law["federal"]
    agi = sum(home.income_wages(year_law), ZERO)
    deduction = standard_deduction(rules, home)
    taken = max(deduction, salt_deduction(rules, agi, state_taxes))
    taxable = max(ZERO, agi - taken - senior_deduction(rules, home, agi))
    schedule = rules["brackets"][home.filing_status]
    tax = bracket_tax(schedule, taxable)
    savers = min(tax, savers_credit(rules, home, agi))
    credit = _child_tax_credit(year_law, home, agi, tax - savers)
    return Federal(agi=agi, standard_deduction=deduction, itemized=taken > deduction,
                   taxable_income=taxable,
                   tax_before_credits=tax, savers_credit=savers, child_tax_credit=credit,
                   income_tax=tax - savers - credit,
                   bracket_rate_pct=bracket_rate(schedule, taxable))


def savers_credit(rules: Mapping[str, Any], home: Household, agi: Decimal) -> Decimal:
    """The saver's credit on your 401(k) deferrals, before it is limited to the tax."""
    credit = rules["savers_credit"]
    if home.age < credit["min_age"]:
        return ZERO
    deferred = home.pretax.get("traditional_401k", ZERO) + home.pretax.get("roth_401k", ZERO)
    rate = bracket_rate(credit["rates"][home.filing_status], agi)
    return min(deferred, Decimal(credit["cap"])) * pct(rate)
