"""Federal income tax on wages: the standard deduction, the brackets, the child tax credit.

Every wage earner here takes the standard deduction (with the additions at 65 and
the 2025-2028 deduction for seniors). The child tax credit is counted in full, its
refundable part too; the earned income credit, claimed when you file, is not.

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

__all__ = ["Federal", "federal_income_tax", "standard_deduction", "senior_deduction"]


@dataclasses.dataclass(frozen=True, slots=True)
class Federal:
    agi: Decimal
    standard_deduction: Decimal
    taxable_income: Decimal
    tax_before_credits: Decimal
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
    return max(ZERO, senior["amount"] * home.people - excess * pct(senior["phaseout_pct"]))


def _child_tax_credit(rules: Mapping[str, Any], home: Household, agi: Decimal,
                      earned: Decimal, tax: Decimal) -> Decimal:
    """The child tax credit: nonrefundable up to the tax, then the refundable part."""
    credit = rules["child_tax_credit"]
    if home.dependents == 0:
        return ZERO
    excess = max(ZERO, agi - credit["threshold"][home.filing_status])
    steps = (excess / credit["phaseout_step"]).to_integral_value(rounding=ROUND_CEILING)
    full = max(ZERO, credit["amount"] * home.dependents - steps * credit["phaseout_per_step"])
    nonrefundable = min(full, tax)
    refundable = min(full - nonrefundable, credit["refundable_max"] * home.dependents,
                     max(ZERO, earned - credit["refundable_earned_floor"])
                     * pct(credit["refundable_rate_pct"]))
    return nonrefundable + refundable


def federal_income_tax(year_law: Mapping[str, Any], home: Household) -> Federal:
    """The household's federal income tax for the year."""
    rules = year_law["federal"]
    agi = sum(home.income_wages(year_law), ZERO)
    deduction = standard_deduction(rules, home)
    taxable = max(ZERO, agi - deduction - senior_deduction(rules, home, agi))
    schedule = rules["brackets"][home.filing_status]
    tax = bracket_tax(schedule, taxable)
    credit = _child_tax_credit(rules, home, agi, agi, tax)
    return Federal(agi=agi, standard_deduction=deduction, taxable_income=taxable,
                   tax_before_credits=tax, child_tax_credit=credit, income_tax=tax - credit,
                   bracket_rate_pct=bracket_rate(schedule, taxable))
