"""What a health plan costs you in a year.

Conventions:

* The deductible is paid first, on the plan's allowed amounts (``expected_medical_costs``).
* Coinsurance is your share of the allowed amounts above the deductible.
* Copays are paid outside the deductible (they do not count toward it) but inside the
  out-of-pocket maximum (they do count toward it).
* Your out-of-pocket total (deductible + coinsurance + copays) is capped at
  ``oop_max``; premiums never count toward the cap.
* Total annual cost = premiums + out-of-pocket - the employer's HSA contribution.
  It can be negative when the employer's HSA money exceeds what you spend.
* After tax (with your salary): premiums taken from pay before tax (section 125) lower
  your income and payroll taxes; the tax engine works out by how much for your tax
  facts, and the after-tax cost is the total less that saving.

A worked story: Sam pays $120 a month toward a plan with a $1,500 deductible, 20%
coinsurance and a $4,000 out-of-pocket maximum, expects $12,000 of care plus $300 of
copays, and the employer puts $500 in an HSA. Sam pays the $1,500 deductible, 20% of
the other $10,500 ($2,100) and the copays: $3,900, under the cap.

>>> from calculators.api import run
>>> r = run("health_plan_cost", {"premium_per_month": 120, "deductible": 1500,
...     "coinsurance_pct": 20, "oop_max": 4000, "expected_medical_costs": 12000,
...     "copays": 300, "employer_hsa_contribution": 500})
>>> r["deductible_paid"], r["coinsurance_paid"], r["copays_paid"], r["out_of_pocket"]
(1500.0, 2100.0, 300.0, 3900.0)
>>> r["premiums_annual"], r["total_annual_cost"], r["worst_case_annual_cost"]
(1440.0, 4840.0, 4940.0)

Paid before tax from a $70,000 salary in Texas, Sam's $1,440 of premiums save $426.96
of tax (22% federal, 7.65% Social Security and Medicare), so the year costs $4,413.04.

>>> r = run("health_plan_cost", {"premium_per_month": 120, "deductible": 1500,
...     "coinsurance_pct": 20, "oop_max": 4000, "expected_medical_costs": 12000,
...     "copays": 300, "employer_hsa_contribution": 500, "salary": 70000, "state": "TX"})
>>> r["tax_saved_on_premiums"], r["after_tax_annual_cost"]
(426.96, 4413.04)

A bad year of $30,000 in care hits the cap: Sam pays $4,000, not $6,600.

>>> run("health_plan_cost", {"deductible": 1500, "coinsurance_pct": 20, "oop_max": 4000,
...     "expected_medical_costs": 30000, "copays": 300})["out_of_pocket"]
4000.0
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from typing import Any

from .fields import boolean, percent, usd
from .money import ZERO, pct
from .spec import Calculator, out
from .tax import taxes
from .taxfacts import household, tax_facts

__all__ = ["HealthPlanCost", "health_plan_cost", "CALCULATOR"]

INPUTS = (
    usd("premium_per_month", "Your premium per month",
        "Your share of the premium, taken from each month's pay.", default=0),
    usd("deductible", "Deductible",
        "What you pay in a year before the plan starts sharing costs."),
    percent("coinsurance_pct", "Coinsurance",
            "Your share of costs above the deductible (20 means you pay 20%)."),
    usd("oop_max", "Out-of-pocket maximum",
        "The most you pay in a year for covered care (leave empty if the plan has none).",
        default=None, nullable=True),
    usd("expected_medical_costs", "Expected medical costs",
        "The plan's allowed amounts for the care you expect, subject to the deductible."),
    usd("copays", "Copays for the year",
        "Flat fees for visits and prescriptions; they skip the deductible but count "
        "toward the out-of-pocket maximum.", default=0),
    usd("employer_hsa_contribution", "Employer HSA contribution",
        "What the employer puts into your health savings account each year.", default=0),
    boolean("premiums_pretax", "Premiums paid before tax",
            "Whether your premiums come out of pay before tax (a section 125 plan: most "
            "employers' are).", default=True),
    usd("salary", "Salary", "Your wages a year, to work out what paying premiums before tax "
        "saves; leave empty to skip.", default=None, nullable=True),
    *tax_facts(state_required=False),
)


@dataclasses.dataclass(frozen=True, slots=True)
class HealthPlanCost:
    deductible_paid: Decimal = out("Deductible paid", "usd")
    coinsurance_paid: Decimal = out("Coinsurance paid", "usd")
    copays_paid: Decimal = out("Copays paid", "usd")
    out_of_pocket_before_cap: Decimal = out("Out of pocket before the cap", "usd")
    out_of_pocket: Decimal = out("Out of pocket", "usd",
                                 help="Deductible, coinsurance and copays, capped at the maximum.")
    capped: bool = out("Out-of-pocket maximum reached", "bool")
    premiums_annual: Decimal = out("Premiums for the year", "usd")
    total_annual_cost: Decimal = out("Expected cost for the year", "usd",
                                     help="Premiums + out of pocket - employer HSA money.")
    worst_case_annual_cost: Decimal | None = out(
        "Worst case for the year", "usd", nullable=True,
        help="Premiums + the out-of-pocket maximum - employer HSA money; empty with no maximum.")
    tax_saved_on_premiums: Decimal | None = out(
        "Tax saved by paying premiums before tax", "usd", nullable=True,
        help="Empty without a salary.")
    after_tax_annual_cost: Decimal | None = out(
        "Expected cost after tax", "usd", nullable=True,
        help="The expected cost less the tax the premiums save; empty without a salary.")


def health_plan_cost(
    *,
    premium_per_month: Decimal,
    deductible: Decimal,
    coinsurance_pct: Decimal,
    oop_max: Decimal | None,
    expected_medical_costs: Decimal,
    copays: Decimal,
    employer_hsa_contribution: Decimal,
    premiums_pretax: bool = True,
    salary: Decimal | None = None,
    **facts: Any,
) -> HealthPlanCost:
    deductible_paid = min(expected_medical_costs, deductible)
    coinsurance_paid = (expected_medical_costs - deductible_paid) * pct(coinsurance_pct)
    before_cap = deductible_paid + coinsurance_paid + copays
    out_of_pocket = before_cap if oop_max is None else min(before_cap, oop_max)
    premiums = premium_per_month * 12
    worst = None if oop_max is None else premiums + oop_max - employer_hsa_contribution
    total = premiums + out_of_pocket - employer_hsa_contribution
    saved = None
    if salary is not None:
        home = household(facts, wages=salary)
        before_tax = min(premiums, salary) if premiums_pretax else ZERO
        saved = taxes(home).total - taxes(home.replace(pretax={"pretax_premiums": before_tax})).total
    return HealthPlanCost(
        deductible_paid=deductible_paid,
        coinsurance_paid=coinsurance_paid,
        copays_paid=copays,
        out_of_pocket_before_cap=before_cap,
        out_of_pocket=out_of_pocket,
        capped=out_of_pocket < before_cap,
        premiums_annual=premiums,
        total_annual_cost=total,
        worst_case_annual_cost=worst,
        tax_saved_on_premiums=saved,
        after_tax_annual_cost=None if saved is None else total - saved,
    )


CALCULATOR = Calculator(
    name="health_plan_cost",
    title="Health plan cost",
    summary="What a health plan costs you in a year: premiums plus the deductible, "
            "coinsurance and copays you expect to pay, capped at the out-of-pocket maximum.",
    notes=(
        "The deductible is paid first; coinsurance applies to costs above it.",
        "Copays do not count toward the deductible but do count toward the out-of-pocket maximum.",
        "Premiums never count toward the out-of-pocket maximum.",
    ),
    inputs=INPUTS,
    result=HealthPlanCost,
    function=health_plan_cost,
    example={
        "premium_per_month": 120,
        "deductible": 1500,
        "coinsurance_pct": 20,
        "oop_max": 4000,
        "expected_medical_costs": 12000,
        "copays": 300,
        "employer_hsa_contribution": 500,
    },
)
