"""What a pre-tax benefit saves (health FSA, HSA through payroll, commuter benefits).

Conventions:

* Money put aside before tax is not taxed at your marginal rates: savings = amount x
  rate, for each of the federal, state and FICA rates you give. Whether a source
  includes state tax and FICA differs, so each rate is an input.
* FICA is 7.65% of pay for an employee (6.2% Social Security + 1.45% Medicare); above
  the Social Security wage base only the 1.45% applies, so enter that instead.
* Net cost = the amount - the tax saved.

A worked story: Mo puts $2,000 into a health FSA at a 22% federal rate, 5% state rate
and 7.65% FICA: the FSA saves $440 + $100 + $153 = $693, so the $2,000 of care costs
$1,307.

>>> from calculators.api import run
>>> r = run("pretax_savings", {"annual_amount": 2000, "federal_rate_pct": 22, "state_rate_pct": 5})
>>> r["federal_savings"], r["state_savings"], r["fica_savings"], r["tax_savings"], r["net_cost"]
(440.0, 100.0, 153.0, 693.0, 1307.0)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from .fields import percent, usd
from .money import pct
from .spec import Calculator, out

__all__ = ["PretaxSavings", "pretax_savings", "TAX_RATES", "CALCULATOR"]

TAX_RATES = (
    percent("federal_rate_pct", "Federal tax rate",
            "Your marginal federal income tax rate (the rate on your last dollar).", max=50),
    percent("state_rate_pct", "State tax rate",
            "Your marginal state (and local) income tax rate.", max=20, default=0),
    percent("fica_rate_pct", "FICA rate",
            "Social Security and Medicare: 7.65; only 1.45 above the Social Security wage base.",
            max=20, default=7.65, figure="fica-employee-rate"),
)

INPUTS = (
    usd("annual_amount", "Amount a year", "What you put aside before tax in a year."),
    *TAX_RATES,
)


@dataclasses.dataclass(frozen=True, slots=True)
class PretaxSavings:
    federal_savings: Decimal = out("Federal tax saved", "usd")
    state_savings: Decimal = out("State tax saved", "usd")
    fica_savings: Decimal = out("FICA saved", "usd")
    tax_savings: Decimal = out("Tax saved", "usd")
    combined_rate_pct: Decimal = out("Combined marginal rate", "pct")
    net_cost: Decimal = out("Net cost to you", "usd")


def pretax_savings(
    *,
    annual_amount: Decimal,
    federal_rate_pct: Decimal,
    state_rate_pct: Decimal,
    fica_rate_pct: Decimal,
) -> PretaxSavings:
    federal = annual_amount * pct(federal_rate_pct)
    state = annual_amount * pct(state_rate_pct)
    fica = annual_amount * pct(fica_rate_pct)
    saved = federal + state + fica
    return PretaxSavings(
        federal_savings=federal,
        state_savings=state,
        fica_savings=fica,
        tax_savings=saved,
        combined_rate_pct=federal_rate_pct + state_rate_pct + fica_rate_pct,
        net_cost=annual_amount - saved,
    )


CALCULATOR = Calculator(
    name="pretax_savings",
    title="Pre-tax savings",
    summary="What putting money aside before tax (FSA, HSA, commuter benefits) saves you "
            "at your marginal tax rates.",
    notes=("Savings = amount x each marginal rate; FICA applies to payroll deductions only.",),
    inputs=INPUTS,
    result=PretaxSavings,
    function=pretax_savings,
    example={"annual_amount": 2000, "federal_rate_pct": 22, "state_rate_pct": 5,
             "fica_rate_pct": 7.65},
)
