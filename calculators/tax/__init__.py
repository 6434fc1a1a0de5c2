"""The tax engine: what a household's wages owe in federal, state, local and payroll tax.

The law is data: ``years/YYYY.toml`` holds every parameter of a tax year with its
source (:mod:`.law`); the modules here only apply it. :func:`taxes` is the one entry
point the calculators use; :func:`marginal_rates` asks it what the next $100 of wages
would owe.

>>> from decimal import Decimal as D
>>> bill = taxes(Household(wages=D(100000), state="TX"))
>>> bill.federal_income_tax, bill.social_security_tax, bill.medicare_tax, bill.total
(Decimal('13170.00'), Decimal('6200.00'), Decimal('1450.00'), Decimal('20820.00'))
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..money import HUNDRED, ZERO, cents
from .federal import federal_income_tax
from .household import Household, check_limits, deferral_limit
from .law import FILING_STATUSES, law, years
from .payroll import itemizable_state_payroll_tax, payroll_taxes, state_payroll_tax
from .state import context, local_income_tax, state_income_tax

__all__ = ["FILING_STATUSES", "Household", "TaxBill", "check_limits", "deferral_limit",
           "law", "marginal_rates", "tax_on_more_wages", "taxes", "years"]


@dataclasses.dataclass(frozen=True, slots=True)
class TaxBill:
    """Each tax on a household's wages for a year, in dollars."""

    federal_income_tax: Decimal
    state_income_tax: Decimal
    local_income_tax: Decimal
    social_security_tax: Decimal
    medicare_tax: Decimal
    state_payroll_tax: Decimal

    @property
    def total(self) -> Decimal:
        return sum(self.parts, ZERO)

    @property
    def parts(self) -> tuple[Decimal, ...]:
        """Each tax, in the order of the fields (``dataclasses.astuple`` deep-copies)."""
        return tuple(getattr(self, name) for name in _TAX_NAMES)

    def __sub__(self, other: TaxBill) -> TaxBill:
        return TaxBill(*(a - b for a, b in zip(self.parts, other.parts)))


_TAX_NAMES = tuple(field.name for field in dataclasses.fields(TaxBill))
ITEMIZING_ROUNDS = 3


def taxes(home: Household) -> TaxBill:
    """Every tax ``home`` owes on its wages, each to the cent (errors name ``year``,
    ``state``, ``local``).

    A household without a state owes no state or local tax here: the caller has the
    reader's own state rate instead."""
    year_law = law(home.year)
    federal = federal_income_tax(year_law, home)
    payroll = payroll_taxes(year_law, home)
    state = local = state_payroll = ZERO
    if home.state is not None:
        ctx = context(year_law, home, federal)
        state, local = state_income_tax(ctx), local_income_tax(ctx)
        state_payroll = state_payroll_tax(year_law, home)
        deductible = itemizable_state_payroll_tax(year_law, home)
        # Itemize the state and local taxes where that beats the standard deduction; a
        # state that follows the federal return then sees the itemized one, which may
        # change its tax and so the deduction: a few rounds settle it.
        for _ in range(ITEMIZING_ROUNDS):
            itemizing = federal_income_tax(year_law, home, state + local + deductible)
            if not itemizing.itemized or itemizing == federal:
                break
            federal = itemizing
            ctx = context(year_law, home, federal)
            state, local = state_income_tax(ctx), local_income_tax(ctx)
    return TaxBill(*(cents(tax) for tax in (
        federal.income_tax, state, local, payroll.social_security, payroll.medicare,
        state_payroll)))


def tax_on_more_wages(home: Household, amount: Decimal) -> TaxBill:
    """Each tax ``amount`` more wages add to what ``home`` owes (a bonus, a vest)."""
    return taxes(home.replace(wages=home.wages + amount)) - taxes(home)


STEP = HUNDRED


def marginal_rates(home: Household, bill: TaxBill | None = None) -> TaxBill:
    """Of the reader's next $100 of wages, the fraction each tax takes."""
    bill = bill if bill is not None else taxes(home)
    more = taxes(home.replace(wages=home.wages + STEP))
    return TaxBill(*(part / STEP for part in (more - bill).parts))
