"""State income tax on wages, from the state's table in the year's data file.

Most states fit one pipeline, each step a key of the state's table (see the comment
above ``[states.*]`` in the data file): the state's wages (the federal exclusions,
less the pre-tax kinds the state taxes anyway), less its standard deduction and
exemptions, taxed by its brackets, less its credits. A state whose law is more than
that has ``rules = true`` and a module ``rules/<code>.py`` with ``income_tax(ctx)``,
built from the same steps.

Local income taxes ride on the state's: a local with its own table (``[locals.*]``,
New York City) taxes the state's taxable income by its own brackets; a rate the
reader enters taxes the wages, or where the state says so (``local_base``), the
state's taxable income.

>>> from decimal import Decimal as D
>>> from .household import Household, law
>>> flat = {"rate_pct": D(5), "personal_exemption": {"single": 2000}, "dependent_credit": 100}
>>> ctx = StateContext(law(2026), flat, Household(wages=D(60000), state="XX", dependents=2), None)
>>> ctx.taxable_income(), ctx.standard_tax()
(Decimal('58000'), Decimal('2700.00'))
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..errors import CalculatorError
from ..money import ZERO, pct
from .brackets import bracket_tax
from .federal import Federal
from .household import Household

__all__ = ["StateContext", "context", "state_income_tax", "local_income_tax", "by_status"]


def by_status(table: Any, status: str) -> Decimal:
    """A figure that may differ by filing status: a table keyed by status, or one number."""
    if isinstance(table, Mapping):
        return Decimal(table.get(status, table.get("all", ZERO)))
    return Decimal(table)


@dataclasses.dataclass(frozen=True)
class StateContext:
    """What a state's rules see: its parameters, the household and the federal return."""

    law: Mapping[str, Any]
    params: Mapping[str, Any]
    home: Household
    federal: Federal | None

    @property
    def status(self) -> str:
        return self.home.filing_status

    @functools.cached_property
    def wages(self) -> tuple[Decimal, ...]:
        """Each person's wages as the state taxes them."""
        taxed = tuple(self.params.get("taxed_pretax", ()))
        return self.home.state_wages(self.law, taxed)

    @functools.cached_property
    def agi(self) -> Decimal:
        """The household's income for the state: both spouses' state wages."""
        return sum(self.wages, ZERO)

    def figure(self, key: str) -> Decimal:
        """The state's ``key`` for this filing status (0 where the state has none)."""
        return by_status(self.params.get(key, ZERO), self.status)

    def standard_deduction(self) -> Decimal:
        if self.params.get("standard_deduction") == "federal":
            assert self.federal is not None
            return self.federal.standard_deduction
        return self.figure("standard_deduction")

    def exemptions(self) -> Decimal:
        return (self.figure("personal_exemption")
                + self.figure("dependent_exemption") * self.home.dependents)

    def taxable_income(self) -> Decimal:
        return max(ZERO, self.agi - self.standard_deduction() - self.exemptions())

    def tax_on(self, income: Decimal) -> Decimal:
        """The state's rate schedule (or flat rate) on ``income``."""
        if "rate_pct" in self.params:
            return max(ZERO, income) * pct(self.params["rate_pct"])
        brackets = self.params["brackets"]
        return bracket_tax(brackets.get(self.status, brackets.get("all")), income)

    def credits(self) -> Decimal:
        return (self.figure("personal_credit")
                + self.figure("dependent_credit") * self.home.dependents)

    def standard_tax(self) -> Decimal:
        """The whole pipeline: tax on taxable income less credits, never below 0."""
        return max(ZERO, self.tax_on(self.taxable_income()) - self.credits())


def context(year_law: Mapping[str, Any], home: Household, federal: Federal | None) -> StateContext:
    """The state's view of ``home``; an unknown state is an error naming ``state``."""
    states = year_law["states"]
    if home.state not in states:
        raise CalculatorError("state", "unknown state " + repr(home.state)
                              + "; use a two-letter postal code such as CA, NY or DC")
    return StateContext(law=year_law, params=states[home.state], home=home, federal=federal)


def _rules(ctx: StateContext) -> Any:
    """The state's rules module (its table says ``rules = true``); one whose local rate
    taxes the state's taxable income (``local_base``) has ``taxable_income(ctx)`` too."""
    return importlib.import_module(f"{__package__}.rules.{ctx.home.state.lower()}")


def state_income_tax(ctx: StateContext) -> Decimal:
    """The state's income tax on the household's wages."""
    if ctx.params.get("kind") == "none":
        return ZERO
    if ctx.params.get("rules"):
        return _rules(ctx).income_tax(ctx)
    return ctx.standard_tax()


def local_income_tax(ctx: StateContext) -> Decimal:
    """Local income tax: a local's own schedule, plus any rate the reader entered."""
    home, tax = ctx.home, ZERO
    if home.local is not None:
        locals_ = ctx.law["locals"]
        if home.local not in locals_ or locals_[home.local]["state"] != home.state:
            known = [f"{code} ({place['state']})" for code, place in locals_.items()]
            raise CalculatorError("local", f"no local tax {home.local!r} in {home.state}; the "
                                  "engine knows " + ", ".join(known))
        place = locals_[home.local]
        if place.get("rules"):
            module = importlib.import_module(f"{__package__}.rules.{home.local.lower()}")
            tax += module.income_tax(ctx, place)
        else:
            tax += max(ZERO, bracket_tax(place["brackets"][ctx.status], ctx.taxable_income())
                       - by_status(place.get("credit", ZERO), ctx.status))
    if home.local_rate_pct:
        if ctx.params.get("local_base") == "taxable_income":
            rules = ctx.params.get("rules")
            base = _rules(ctx).taxable_income(ctx) if rules else ctx.taxable_income()
        else:
            base = sum(home.payroll_wages(ctx.law), ZERO)
        tax += base * pct(home.local_rate_pct)
    return tax
