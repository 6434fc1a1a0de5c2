"""The alternative minimum tax on wages and the spread of incentive stock options.

Form 6251, line by line, for a household whose income is wages (the year's
parameters are ``[federal.amt]`` in the data file, from Rev. Proc. 2025-32):

* AMTI (line 4) is regular taxable income with the standard deduction, or the
  itemized state and local taxes, added back (line 2a: neither is allowed for the
  AMT; nor is the 2025-2028 deduction for seniors, which the 2025 form leaves out of
  line 1a) plus the spread of incentive
  stock options exercised and held past the year's end (line 2i: the fair market
  value of the shares at exercise less what was paid). For wages alone that is the
  adjusted gross income plus the spread.
* The exemption (line 5) shrinks by 50 cents for each dollar of AMTI above the
  phase-out threshold, never below 0.
* The tentative minimum tax (lines 6-9) is 26% of AMTI less the exemption up to
  $244,500 and 28% above.
* The AMT (line 11) is the tentative minimum tax less the regular tax before credits
  (line 10, Form 1040 line 16), when that is more than 0. Each is to the cent.

Sources: IRS Form 6251 (2025) and its instructions; Publication 525, "Incentive Stock
Options" (no regular income at exercise, but the spread counts for the AMT); IRC 55,
56(b)(1)(E) and 56(b)(3).

A worked check: single, $150,000 of wages, and the spread of ISOs exercised this
year is $100,000. AMTI is $250,000; the full $90,100 exemption leaves $159,900,
taxed at 26%: $41,574. The regular tax on $133,900 of taxable income is $24,734, so
the AMT is $16,840.

>>> from decimal import Decimal as D
>>> from .household import Household
>>> r = alternative_minimum_tax(Household(wages=D(150000), state="TX"), D(100000))
>>> [float(x) for x in (r.amti, r.exemption, r.tentative, r.regular, r.amt)]
[250000.0, 90100.0, 41574.0, 24734.0, 16840.0]
>>> amt_added(Household(wages=D(150000), state="TX"), D(10000)) == 0
True
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..money import ZERO, cents, pct
from .brackets import bracket_tax
from .federal import Federal, federal_income_tax
from .household import Household
from .law import law
from .payroll import state_payroll_tax
from .state import context, local_income_tax, state_income_tax

__all__ = ["Amt", "alternative_minimum_tax", "amt_added", "exemption", "federal_return"]


@dataclasses.dataclass(frozen=True, slots=True)
class Amt:
    """The Form 6251 figures for one household and year."""

    amti: Decimal  # line 4
    exemption: Decimal  # line 5
    tentative: Decimal  # line 9 (line 7: there is no AMT foreign tax credit here)
    regular: Decimal  # line 10: the regular tax before credits
    amt: Decimal  # line 11


def exemption(rules: dict, status: str, amti: Decimal) -> Decimal:
    """The AMT exemption for ``amti``, after its phase-out (the line 5 worksheet)."""
    over = max(ZERO, amti - rules["phaseout_threshold"][status])
    return max(ZERO, rules["exemption"][status] - over * pct(rules["phaseout_pct"]))


def federal_return(home: Household) -> Federal:
    """The federal return :func:`~calculators.tax.taxes` files for ``home``: with the
    standard deduction, or itemizing the state and local taxes where they are more."""
    year_law = law(home.year)
    federal = federal_income_tax(year_law, home)
    if home.state is None:
        return federal
    ctx = context(year_law, home, federal)
    paid = state_income_tax(ctx) + local_income_tax(ctx) + state_payroll_tax(year_law, home)
    itemizing = federal_income_tax(year_law, home, paid)
    return itemizing if itemizing.itemized else federal


def alternative_minimum_tax(home: Household, iso_spread: Decimal = ZERO) -> Amt:
    """The AMT ``home`` owes with ``iso_spread`` of ISO spread (Form 6251, line 2i)."""
    rules = law(home.year)["federal"]["amt"]
    federal = federal_return(home)
    amti = federal.agi + iso_spread
    allowed = exemption(rules, home.filing_status, amti)
    tentative = cents(bracket_tax(rules["brackets"], amti - allowed))
    regular = cents(federal.tax_before_credits)
    return Amt(amti=amti, exemption=allowed, tentative=tentative, regular=regular,
               amt=max(ZERO, tentative - regular))


def amt_added(home: Household, iso_spread: Decimal) -> Decimal:
    """The AMT that ``iso_spread`` adds to what ``home`` owes without it (0 when none)."""
    return (alternative_minimum_tax(home, iso_spread).amt
            - alternative_minimum_tax(home).amt)
