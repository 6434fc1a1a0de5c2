"""Payroll taxes on each person's wages: Social Security, Medicare, and state contributions.

Social Security is due on each person's wages up to the wage base; Medicare on all of
them, with the Additional Medicare Tax on the couple's wages above the threshold for
their filing status. A state's employee contributions (disability and paid-leave
insurance) are the state's ``payroll`` items: a rate on the same wages, up to a wage
cap or a largest yearly contribution where the state sets one.

>>> from decimal import Decimal as D
>>> from .household import Household, law
>>> r = payroll_taxes(law(2026), Household(wages=D(250000), state="TX"))
>>> float(r.social_security), float(r.medicare), float(r.additional_medicare)
(11439.0, 4075.0, 450.0)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..money import ZERO, pct
from .household import Household

__all__ = ["Payroll", "itemizable_state_payroll_tax", "payroll_taxes", "state_payroll_items",
           "state_payroll_tax"]


@dataclasses.dataclass(frozen=True, slots=True)
class Payroll:
    social_security: Decimal
    medicare: Decimal
    additional_medicare: Decimal


def payroll_taxes(year_law: Mapping[str, Any], home: Household) -> Payroll:
    """The household's Social Security and Medicare taxes (the employee's share)."""
    rules = year_law["payroll"]
    wages = home.payroll_wages(year_law)
    social = sum((min(w, rules["social_security_wage_base"]) for w in wages), ZERO)
    total = sum(wages, ZERO)
    above = max(ZERO, total - rules["additional_medicare_threshold"][home.filing_status])
    additional = above * pct(rules["additional_medicare_pct"])
    return Payroll(social_security=social * pct(rules["social_security_pct"]),
                   medicare=total * pct(rules["medicare_pct"]) + additional,
                   additional_medicare=additional)


def _item_wages(year_law: Mapping[str, Any], home: Household,
                item: Mapping[str, Any]) -> tuple[Decimal, ...]:
    """Each person's wages a state contribution is levied on: Social Security wages
    (the default), wages before any pre-tax deduction (``base = "gross"``) or the
    state's income tax wages (``base = "income"``); ``taxed_pretax`` lists kinds
    counted back in."""
    base = item.get("base", "payroll")
    if base == "gross":
        return home.gross_wages
    if base == "income":
        return home.state_wages(year_law, tuple(item.get("taxed_pretax", ())))
    wages = home.payroll_wages(year_law)
    back = sum((amount for kind, amount in home.pretax.items()
                if kind in item.get("taxed_pretax", ()) and year_law["pretax"][kind]["payroll"]),
               ZERO)
    return (wages[0] + back,) + wages[1:]


def state_payroll_items(year_law: Mapping[str, Any],
                        home: Household) -> list[tuple[Mapping[str, Any], Decimal]]:
    """Each employee contribution the state levies, with what the household owes."""
    items = year_law["states"][home.state].get("payroll", {})
    owed = []
    for item in items.values():
        total = ZERO
        for wages in _item_wages(year_law, home, item):
            if "wage_cap" in item:
                wages = min(wages, item["wage_cap"])
            due = wages * pct(item["rate_pct"])
            if "max_contribution" in item:
                due = min(due, item["max_contribution"])
            total += due
        owed.append((item, total))
    return owed


def state_payroll_tax(year_law: Mapping[str, Any], home: Household) -> Decimal:
    """The employee contributions the state levies on each person's wages."""
    return sum((due for _, due in state_payroll_items(year_law, home)), ZERO)


def itemizable_state_payroll_tax(year_law: Mapping[str, Any], home: Household) -> Decimal:
    """The contributions a federal itemizer deducts as state income taxes: all but
    those the state's table marks ``itemized = false``."""
    return sum((due for item, due in state_payroll_items(year_law, home)
                if item.get("itemized", True)), ZERO)
