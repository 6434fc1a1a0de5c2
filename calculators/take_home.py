"""What a salary leaves you after tax: every tax on the year's wages, and your take-home.

Conventions:

* The tax year's law comes from the tax engine (:mod:`calculators.tax`): federal
  income tax with the standard deduction and the child tax credit (the earned income
  credit, claimed when you file, is not counted), Social Security up to the wage
  base, Medicare with the Additional Medicare Tax, the state's income tax after its
  nonrefundable credits, its employee payroll contributions, and local income tax.
* Each deduction from pay lowers exactly the taxes the law says: a traditional 401(k)
  lowers income tax but not Social Security or Medicare (and not Pennsylvania's tax);
  HSA contributions, premiums, FSAs and commuter benefits through payroll lower both
  (though California and New Jersey tax HSA money). A Roth 401(k) lowers nothing.
  Every amount is held to its legal limit for the year.
* On a joint return every figure is the couple's: both spouses' wages and taxes.
* Take-home = wages - every deduction from pay - every tax. A marginal rate is the
  share of your next $100 of salary that goes in tax.

A worked story: Dana earns $100,000 in Texas, single, nothing pre-tax. Federal income
tax is $13,170 (taxable income $83,900), Social Security $6,200 and Medicare $1,450:
she takes home $79,180 a year, $3,045.38 every two weeks.

>>> from calculators.api import run
>>> r = run("take_home_pay", {"salary": 100000, "state": "TX"})
>>> r["federal_income_tax"], r["social_security_tax"], r["medicare_tax"], r["take_home"]
(13170.0, 6200.0, 1450.0, 79180.0)
>>> r["take_home_per_paycheck"], r["marginal_rate_pct"]
(3045.38, 29.65)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .fields import integer, usd
from .money import HUNDRED, ZERO, format_usd, quantize
from .spec import Calculator, out
from .tax import TaxBill, check_limits, law, marginal_rates, taxes
from .taxfacts import TAX_FACTS, household

__all__ = ["PRETAX_INPUTS", "TakeHome", "Part", "take_home_pay", "pretax_amounts", "CALCULATOR"]

PRETAX_INPUTS = (
    usd("traditional_401k", "Traditional 401(k)",
        "What you put into a traditional (pre-tax) 401(k) or 403(b) in a year.", default=0),
    usd("roth_401k", "Roth 401(k)", "What you put into a Roth 401(k) in a year (taxed now).",
        default=0),
    usd("hsa_payroll", "HSA through payroll",
        "Your own HSA contributions through payroll in a year.", default=0),
    usd("pretax_premiums", "Health premiums",
        "Your share of health, dental and vision premiums, paid before tax, a year.",
        default=0),
    usd("health_fsa", "Health FSA", "What you put into a health FSA in a year.", default=0),
    usd("dependent_care_fsa", "Dependent-care FSA",
        "What you put into a dependent-care FSA in a year.", default=0),
    usd("commuter", "Commuter benefits",
        "Transit and parking paid before tax, a year.", default=0),
)
PRETAX_KINDS = tuple(field.name for field in PRETAX_INPUTS)

INPUTS = (
    usd("salary", "Salary", "Your wages a year, before anything comes out."),
    *TAX_FACTS,
    *PRETAX_INPUTS,
    integer("pay_periods", "Paychecks a year", "count",
            "26 if paid every two weeks, 24 twice a month, 12 monthly, 52 weekly.",
            min=1, max=365, default=26),
)

# How each tax is named where the result lists where the salary goes.
TAX_PARTS = (
    ("federal_income_tax", "Federal income tax"),
    ("state_income_tax", "State income tax"),
    ("local_income_tax", "Local income tax"),
    ("social_security_tax", "Social Security"),
    ("medicare_tax", "Medicare"),
    ("state_payroll_tax", "State disability and leave insurance"),
)


@dataclasses.dataclass(frozen=True, slots=True)
class Part:
    part: str = out("Where it goes", "text")
    amount: Decimal = out("A year", "usd")
    share_pct: Decimal = out("Share of wages", "pct", places=2)


@dataclasses.dataclass(frozen=True, slots=True)
class TakeHome:
    summary: str = out("In a sentence", "text")
    wages: Decimal = out("Wages", "usd", help="Yours, and your spouse's on a joint return.")
    federal_income_tax: Decimal = out("Federal income tax", "usd")
    state_income_tax: Decimal = out("State income tax", "usd")
    local_income_tax: Decimal = out("Local income tax", "usd")
    social_security_tax: Decimal = out("Social Security", "usd")
    medicare_tax: Decimal = out("Medicare", "usd", help="With the Additional Medicare Tax.")
    state_payroll_tax: Decimal = out("State disability and leave insurance", "usd")
    total_tax: Decimal = out("All taxes", "usd")
    deductions: Decimal = out("Deductions from pay", "usd",
                              help="401(k), HSA, premiums, FSAs and commuter benefits.")
    take_home: Decimal = out("Take-home pay a year", "usd")
    take_home_per_paycheck: Decimal = out("Take-home per paycheck", "usd")
    marginal_rate_pct: Decimal = out("Tax on your next $100", "pct", places=2)
    federal_marginal_rate_pct: Decimal = out("Federal income tax on the next $100", "pct", places=2)
    state_marginal_rate_pct: Decimal = out(
        "State and local tax on the next $100", "pct", places=2,
        help="State and local income tax, and state payroll contributions.")
    fica_marginal_rate_pct: Decimal = out("Social Security and Medicare on the next $100",
                                          "pct", places=2)
    effective_rate_pct: Decimal = out("All taxes as a share of wages", "pct", places=2)
    breakdown: list[Part] = out("Where each dollar of salary goes", "table", row=Part)


def pretax_amounts(values: dict[str, Any]) -> dict[str, Decimal]:
    """The deductions from pay a calculator's inputs name, leaving out the zeros."""
    return {kind: values[kind] for kind in PRETAX_KINDS if values.get(kind)}


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return part / whole * HUNDRED if whole else ZERO


def take_home_pay(*, salary: Decimal, pay_periods: int, **values: Any) -> TakeHome:
    pretax = pretax_amounts(values)
    home = household(values, wages=salary, pretax=pretax)
    check_limits(law(home.year), home)
    bill = taxes(home)
    rates = marginal_rates(home, bill)
    wages = salary + home.spouse_wages
    deducted = sum(pretax.values(), ZERO)
    kept = wages - deducted - bill.total
    parts = [Part(label, getattr(bill, key), _share(getattr(bill, key), wages))
             for key, label in TAX_PARTS if getattr(bill, key)]
    if deducted:
        parts.append(Part("Deductions from pay", deducted, _share(deducted, wages)))
    parts.append(Part("Take-home pay", kept, _share(kept, wages)))
    state_rate = rates.state_income_tax + rates.local_income_tax + rates.state_payroll_tax
    return TakeHome(
        summary=(f"Of {format_usd(wages)} of wages you take home {format_usd(kept)} a year "
                 f"({format_usd(kept / pay_periods)} a paycheck); taxes take "
                 f"{format_usd(bill.total)}, and would take {_percent(rates.total)} of a raise."),
        wages=wages,
        federal_income_tax=bill.federal_income_tax,
        state_income_tax=bill.state_income_tax,
        local_income_tax=bill.local_income_tax,
        social_security_tax=bill.social_security_tax,
        medicare_tax=bill.medicare_tax,
        state_payroll_tax=bill.state_payroll_tax,
        total_tax=bill.total,
        deductions=deducted,
        take_home=kept,
        take_home_per_paycheck=kept / pay_periods,
        marginal_rate_pct=rates.total * HUNDRED,
        federal_marginal_rate_pct=rates.federal_income_tax * HUNDRED,
        state_marginal_rate_pct=state_rate * HUNDRED,
        fica_marginal_rate_pct=(rates.social_security_tax + rates.medicare_tax) * HUNDRED,
        effective_rate_pct=_share(bill.total, wages),
        breakdown=parts,
    )


def _percent(fraction: Decimal) -> str:
    return f"{quantize(fraction * HUNDRED, 1):f}".removesuffix(".0") + "%"


CALCULATOR = Calculator(
    name="take_home_pay",
    title="Take-home pay",
    summary="What a salary leaves you after federal, state, local and payroll taxes, "
            "in every state, with your 401(k), HSA and other deductions from pay.",
    notes=(
        "Tax year law from the tax engine, every figure with its source in "
        "calculators/tax/years/.",
        "The standard deduction is assumed; the earned income credit and other credits "
        "claimed only when you file are not counted.",
    ),
    inputs=INPUTS,
    result=TakeHome,
    function=take_home_pay,
    example={"salary": 100000, "state": "CA", "filing_status": "single",
             "traditional_401k": 6000, "hsa_payroll": 2000, "pretax_premiums": 1440},
)
