"""Income tax on selling shares: ordinary income that is not wages, and capital gains.

Selling shares from an employee stock purchase plan, or shares bought with incentive
stock options, can bring three kinds of income on top of the year's wages:

* ``ordinary``: compensation income taxed at ordinary rates but not wages for Social
  Security or Medicare (an ESPP sale's ordinary income: IRC 421(b) and 423(c), and
  3121(a)(22); IRS Publication 525, "Employee Stock Purchase Plan");
* ``short_term``: a gain on shares held one year or less, taxed at ordinary rates;
* ``long_term``: a gain on shares held more than a year, taxed at 0%, 15% or 20%,
  stacked on top of ordinary taxable income (IRC 1(h); the Qualified Dividends and
  Capital Gain Tax Worksheet of the Form 1040 instructions).

Gains also owe the 3.8% net investment income tax on the part of modified AGI above
its threshold (IRC 1411). A net capital loss offsets at most $3,000 of other income
(IRC 1211(b); the rest carries forward and is not counted here). The state taxes
all of it as income through its own pipeline, as most states do; payroll taxes are
not touched. :func:`sale_tax` is the tax the sale adds to the household's bill; each
tax is rounded to the cent, as :func:`~calculators.tax.taxes` rounds it.

A worked check: single, $100,000 of wages in Texas, and a $10,000 long-term gain.
Taxable income is $93,900, of which $10,000 is the gain: all of it above the $49,450
top of the 0% band, so it owes 15%, $1,500 (at ordinary rates it would owe 22%).

>>> from decimal import Decimal as D
>>> from .household import Household
>>> home = Household(wages=D(100000), state="TX")
>>> float(sale_tax(home, long_term=D(10000)).total), float(sale_tax(home, short_term=D(10000)).total)
(1500.0, 2200.0)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..money import ZERO, cents, pct
from . import taxes
from .amt import federal_return
from .brackets import bracket_tax
from .federal import _child_tax_credit
from .household import Household
from .law import law

__all__ = ["IncomeTax", "gain_tax", "income_tax", "sale_tax"]


@dataclasses.dataclass(frozen=True, slots=True)
class IncomeTax:
    """A household's income taxes for the year (no payroll taxes)."""

    federal_income_tax: Decimal
    net_investment_income_tax: Decimal
    state_income_tax: Decimal  # with local income tax

    @property
    def total(self) -> Decimal:
        return self.federal_income_tax + self.net_investment_income_tax + self.state_income_tax

    def __sub__(self, other: IncomeTax) -> IncomeTax:
        return IncomeTax(*(a - b for a, b in zip(dataclasses.astuple(self),
                                               dataclasses.astuple(other))))


def gain_tax(rules: Mapping[str, Any], status: str, taxable: Decimal, gain: Decimal) -> Decimal:
    """The tax on ``taxable`` income of which ``gain`` is long-term capital gain.

    The ordinary part is taxed by the brackets; the gain fills the 0% band first,
    then the 15% band, then 20% (never more than the whole at ordinary rates).
    """
    schedule = rules["brackets"][status]
    gains = rules["capital_gains"]
    gain = min(max(ZERO, gain), max(ZERO, taxable))
    ordinary = taxable - gain
    zero_top = Decimal(gains["zero_rate_up_to"][status])
    fifteen_top = Decimal(gains["fifteen_rate_up_to"][status])
    _, fifteen, twenty = (pct(Decimal(rate)) for rate in gains["rates_pct"])
    in_fifteen = max(ZERO, min(taxable, fifteen_top) - max(ordinary, zero_top))
    in_twenty = max(ZERO, taxable - max(ordinary, fifteen_top))
    tax = bracket_tax(schedule, ordinary) + in_fifteen * fifteen + in_twenty * twenty
    return min(tax, bracket_tax(schedule, taxable))


def income_tax(home: Household, *, ordinary: Decimal = ZERO, short_term: Decimal = ZERO,
               long_term: Decimal = ZERO) -> IncomeTax:
    """The household's income taxes with the extra income of a sale of shares.

    The engine taxes all of it as wages (:func:`~calculators.tax.taxes`, which also
    decides whether to itemize); the federal tax is then figured again on the same
    return with the long-term gain at its own rates and the credits on that tax
    (the refundable child tax credit on earned income only: gains are not earned).
    """
    year_law = law(home.year)
    rules = year_law["federal"]
    net_gain = short_term + long_term
    preferential = max(ZERO, min(long_term, net_gain))
    counted = max(net_gain, -Decimal(rules["capital_gains"]["loss_limit"]))
    more = home.replace(wages=home.wages + ordinary + counted)
    bill = taxes(more)
    federal = federal_return(more)
    tax = gain_tax(rules, home.filing_status, federal.taxable_income, preferential)
    savers = min(tax, federal.savers_credit)
    earned = sum(home.income_wages(year_law), ZERO) + ordinary
    credit = _child_tax_credit(year_law, more, federal.agi, tax - savers, earned=earned)
    federal_tax = (bill.federal_income_tax - cents(federal.income_tax)
                   + cents(tax - savers - credit))
    niit = rules["net_investment_income_tax"]
    over = max(ZERO, federal.agi - niit["threshold"][home.filing_status])
    investment = min(max(ZERO, net_gain), over) * pct(niit["rate_pct"])
    return IncomeTax(federal_income_tax=federal_tax, net_investment_income_tax=cents(investment),
                     state_income_tax=bill.state_income_tax + bill.local_income_tax)


def sale_tax(home: Household, *, ordinary: Decimal = ZERO, short_term: Decimal = ZERO,
             long_term: Decimal = ZERO) -> IncomeTax:
    """The income tax a sale of shares adds to what ``home``'s wages owe."""
    return (income_tax(home, ordinary=ordinary, short_term=short_term, long_term=long_term)
            - income_tax(home))
