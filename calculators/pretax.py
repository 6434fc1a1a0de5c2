"""What a pre-tax benefit saves (HSA, health or dependent-care FSA, commuter, premiums, 401(k)).

Two ways to count, chosen by the inputs:

* With an ``account``, a ``salary`` and your state, the savings are exact: each tax
  (federal income, state and local with the state's payroll contributions, Social
  Security and Medicare) worked out by the tax engine with and without the amount,
  under that account's rules. A traditional 401(k) lowers income tax but not Social
  Security or Medicare; California and New Jersey tax HSA money; Pennsylvania taxes
  401(k) deferrals. The amount is held to the account's legal limit.
* Without an account, each saving is the amount x the marginal rate you give
  (``federal_rate_pct`` is then required; the state rate defaults to 0 and Social
  Security and Medicare to 7.65%). A rate you give also overrides the engine's
  figure for that tax when you choose an account.

Net cost = the amount - the tax saved.

A worked story: Mo puts $2,000 into a health FSA at a 22% federal rate, 5% state rate
and 7.65% FICA: the FSA saves $440 + $100 + $153 = $693, so the $2,000 of care costs
$1,307.

>>> from calculators.api import run
>>> r = run("pretax_savings", {"annual_amount": 2000, "federal_rate_pct": 22, "state_rate_pct": 5})
>>> r["federal_savings"], r["state_savings"], r["fica_savings"], r["tax_savings"], r["net_cost"]
(440.0, 100.0, 153.0, 693.0, 1307.0)

Priya earns $250,000 in Texas and puts $3,400 into a health FSA. Above the Social
Security wage base only Medicare applies, 1.45% plus the 0.9% Additional Medicare Tax
above $200,000, so payroll tax falls by $79.90, not $260.10.

>>> r = run("pretax_savings", {"annual_amount": 3400, "account": "health_fsa",
...     "salary": 250000, "state": "TX"})
>>> r["federal_savings"], r["fica_savings"], r["tax_savings"]
(1088.0, 79.9, 1167.9)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .errors import CalculatorError
from .fields import usd
from .money import HUNDRED, ZERO, pct
from .spec import Calculator, Choice, Field, out
from .tax import TaxBill, check_limits, law, taxes
from .taxfacts import household, rate_overrides, tax_facts

__all__ = ["PretaxSavings", "pretax_savings", "ACCOUNTS", "CALCULATOR"]

ACCOUNTS = (
    ("hsa_payroll", "hsa", "HSA through payroll"),
    ("health_fsa", "health_fsa", "Health FSA"),
    ("dependent_care_fsa", "dependent_care_fsa", "Dependent-care FSA"),
    ("commuter", "commuter", "Commuter benefits"),
    ("pretax_premiums", "premiums", "Health, dental and vision premiums"),
    ("traditional_401k", "traditional_401k", "Traditional 401(k)"),
)
# The account's name in this calculator -> the tax engine's kind of deduction.
KIND_OF = {account: kind for kind, account, _ in ACCOUNTS}

INPUTS = (
    usd("annual_amount", "Amount a year", "What you put aside before tax in a year."),
    Field(name="account", label="Account", kind="choice", unit="choice",
          help="Where the money goes: its rules decide which taxes it lowers. Choose one "
               "and give your salary to have every rate worked out.",
          default=None, nullable=True,
          choices=tuple(Choice(value=account, label=label) for _, account, label in ACCOUNTS)),
    usd("salary", "Salary", "Your wages a year, to work out your tax rates.", default=None,
        nullable=True),
    *tax_facts(state_required=False),
    *rate_overrides(),
)


@dataclasses.dataclass(frozen=True, slots=True)
class PretaxSavings:
    federal_savings: Decimal = out("Federal tax saved", "usd")
    state_savings: Decimal = out("State and local tax saved", "usd")
    fica_savings: Decimal = out("Social Security and Medicare saved", "usd")
    tax_savings: Decimal = out("Tax saved", "usd")
    combined_rate_pct: Decimal = out("Saved per dollar put aside", "pct", places=2)
    net_cost: Decimal = out("Net cost to you", "usd")
    method_note: str = out("How it was counted", "text")


def _engine_savings(values: dict[str, Any], amount: Decimal) -> TaxBill:
    """Each tax without the amount, less each tax with it, for the reader's household."""
    if values["salary"] is None:
        raise CalculatorError("salary", "required with an account: your wages a year")
    kind = KIND_OF[values["account"]]
    without = household(values, wages=values["salary"])
    with_it = without.replace(pretax={kind: amount})
    try:
        check_limits(law(with_it.year), with_it)
    except CalculatorError as error:
        raise CalculatorError("annual_amount", error.message) from None
    return taxes(without) - taxes(with_it)


def pretax_savings(*, annual_amount: Decimal, account: str | None, salary: Decimal | None,
                   federal_rate_pct: Decimal | None, state_rate_pct: Decimal | None,
                   fica_rate_pct: Decimal | None, **facts: Any) -> PretaxSavings:
    values = {"salary": salary, "account": account, **facts}
    if account is None:
        if federal_rate_pct is None:
            raise CalculatorError("federal_rate_pct", "required without an account: your "
                                  "marginal federal rate (or choose an account and give "
                                  "your salary)")
        worked = (annual_amount * pct(federal_rate_pct),
                  annual_amount * pct(state_rate_pct or ZERO),
                  annual_amount * pct(Decimal("7.65") if fica_rate_pct is None
                                      else fica_rate_pct))
        method = "The amount times the rates you gave."
    else:
        saved = _engine_savings(values, annual_amount)
        worked = (saved.federal_income_tax,
                  saved.state_income_tax + saved.local_income_tax + saved.state_payroll_tax,
                  saved.social_security_tax + saved.medicare_tax)
        method = ("Each tax worked out with and without the amount, under the account's "
                  "rules, for your salary and state.")
    overrides = (federal_rate_pct, state_rate_pct, fica_rate_pct)
    federal, state, fica = (annual_amount * pct(rate) if rate is not None else exact
                            for rate, exact in zip(overrides, worked))
    total = federal + state + fica
    return PretaxSavings(
        federal_savings=federal,
        state_savings=state,
        fica_savings=fica,
        tax_savings=total,
        combined_rate_pct=total / annual_amount * HUNDRED if annual_amount else ZERO,
        net_cost=annual_amount - total,
        method_note=method,
    )


CALCULATOR = Calculator(
    name="pretax_savings",
    title="Pre-tax savings",
    summary="What putting money aside before tax (HSA, FSA, commuter benefits, premiums, "
            "a traditional 401(k)) saves you, worked out for your salary and state.",
    notes=("With an account and a salary, each tax is worked out with and without the "
           "amount; without one, savings = amount x each rate you give.",),
    inputs=INPUTS,
    result=PretaxSavings,
    function=pretax_savings,
    example={"annual_amount": 2000, "account": "health_fsa", "salary": 75000,
             "state": "IL"},
)
