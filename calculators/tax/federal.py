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

__all__ = ["Federal", "federal_income_tax", "salt_deduction", "savers_credit",
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
    credit = _child_tax_credit(rules, home, agi, agi, tax - savers)
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
