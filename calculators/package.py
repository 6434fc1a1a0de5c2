"""One offer, every part valued.

Conventions:

* Cash = base salary + expected bonus (target x expected payout) + the sign-on bonus,
  which is counted in year one only; ``recurring_compensation`` leaves it out.
* Benefits = the employer's retirement contribution + its share of health premiums +
  its HSA contribution + other benefits you list.
* Total = cash + equity (its yearly value) + benefits; guaranteed = base + sign-on +
  benefits; at risk = the expected bonus + equity. Guaranteed + at risk = total.
* Paid time off is reported at a day's pay (salary / working days) but not added: the
  salary already pays for it.

A worked story: an offer of $100,000 base with a 10% bonus target (expected at 100%),
a $5,000 sign-on, $10,000 a year of equity, a $4,000 401(k) match, $7,000 of the health
premium paid by the employer and $500 into an HSA.

>>> from calculators.api import run
>>> r = run("package_value", {"base_salary": 100000, "bonus_target_pct": 10,
...     "signon_bonus": 5000, "equity_annual_value": 10000,
...     "employer_retirement_contribution": 4000, "employer_health_premium": 7000,
...     "employer_hsa_contribution": 500})
>>> r["cash_compensation"], r["benefits_value"], r["total_compensation"]
(115000.0, 11500.0, 136500.0)
>>> r["guaranteed"], r["at_risk"], r["recurring_compensation"]
(116500.0, 20000.0, 131500.0)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .fields import choice, list_of, number, percent, text, usd
from .money import HUNDRED, ZERO, pct
from .pto import WORKING_DAYS
from .spec import Calculator, out

__all__ = ["PackageValue", "BreakdownRow", "package_value", "CALCULATOR"]

BENEFIT_CATEGORIES = (
    ("health", "Health"),
    ("retirement", "Retirement"),
    ("insurance", "Insurance (life, disability)"),
    ("education", "Learning and education"),
    ("wellness", "Wellness"),
    ("family", "Family and caregiving"),
    ("commuting", "Commuting"),
    ("perks", "Perks"),
    ("other", "Other"),
)

INPUTS = (
    usd("base_salary", "Base salary", "The annual base salary."),
    percent("bonus_target_pct", "Bonus target", "The target bonus as a percent of base.",
            max=200, default=0),
    percent("bonus_payout_pct", "Expected payout",
            "The share of the target you expect to be paid (100 = the full target).",
            max=300, default=100),
    usd("signon_bonus", "Sign-on bonus", "Paid once, counted in year one.", default=0),
    usd("equity_annual_value", "Equity a year", "The value of equity that vests in a year.",
        default=0),
    usd("employer_retirement_contribution", "Employer retirement contribution",
        "The 401(k) match and any other employer contribution for the year.", default=0),
    usd("employer_health_premium", "Employer share of health premiums",
        "What the employer pays toward your health coverage in a year.", default=0),
    usd("employer_hsa_contribution", "Employer HSA contribution",
        "What the employer puts into your HSA in a year.", default=0),
    list_of("other_benefits", "Other benefits", "Anything else with a yearly value to you.",
            fields=(
                text("name", "Benefit", "What it is."),
                usd("annual_value", "Value a year", "What it is worth to you in a year."),
                choice("category", "Category", "The kind of benefit.", BENEFIT_CATEGORIES,
                       default="other"),
            ),
            min_items=0, max_items=20, default=[]),
    number("pto_days", "Paid days off", "days",
           "Reported at a day's pay, not added to the total.",
           min=0, max=366, default=None, nullable=True),
    WORKING_DAYS,
)


@dataclasses.dataclass(frozen=True, slots=True)
class BreakdownRow:
    name: str = out("Part", "text")
    category: str = out("Category", "text")
    annual_value: Decimal = out("Value a year", "usd")


@dataclasses.dataclass(frozen=True, slots=True)
class PackageValue:
    expected_bonus: Decimal = out("Expected bonus", "usd")
    cash_compensation: Decimal = out("Cash in year one", "usd")
    equity_value: Decimal = out("Equity a year", "usd")
    benefits_value: Decimal = out("Benefits", "usd")
    total_compensation: Decimal = out("Total compensation, year one", "usd")
    recurring_compensation: Decimal = out("Total compensation, later years", "usd",
                                          help="Year one without the sign-on bonus.")
    benefits_share_pct: Decimal = out("Benefits share of the total", "pct")
    guaranteed: Decimal = out("Guaranteed", "usd")
    at_risk: Decimal = out("At risk (bonus and equity)", "usd")
    pto_value: Decimal | None = out("Paid time off, at a day's pay", "usd", nullable=True,
                                    help="Already part of the salary; not added.")
    breakdown: list[BreakdownRow] = out("Breakdown", "table", row=BreakdownRow)


def package_value(
    *,
    base_salary: Decimal,
    bonus_target_pct: Decimal,
    bonus_payout_pct: Decimal,
    signon_bonus: Decimal,
    equity_annual_value: Decimal,
    employer_retirement_contribution: Decimal,
    employer_health_premium: Decimal,
    employer_hsa_contribution: Decimal,
    other_benefits: list[dict[str, Any]],
    pto_days: Decimal | None,
    working_days_per_year: int,
) -> PackageValue:
    bonus = base_salary * pct(bonus_target_pct) * pct(bonus_payout_pct)
    benefits_parts = [
        ("Retirement contribution", "retirement", employer_retirement_contribution),
        ("Health premiums", "health", employer_health_premium),
        ("HSA contribution", "health", employer_hsa_contribution),
    ] + [(b["name"], b["category"], b["annual_value"]) for b in other_benefits]
    parts = [
        ("Expected bonus", "cash", bonus),
        ("Sign-on bonus", "cash", signon_bonus),
        ("Equity", "equity", equity_annual_value),
    ] + benefits_parts
    breakdown = [BreakdownRow("Base salary", "cash", base_salary)] + [
        BreakdownRow(name, category, value) for name, category, value in parts if value > 0
    ]
    benefits = sum((value for _, _, value in benefits_parts), ZERO)
    cash = base_salary + bonus + signon_bonus
    total = cash + equity_annual_value + benefits
    pto = None if pto_days is None else base_salary / working_days_per_year * pto_days
    return PackageValue(
        expected_bonus=bonus,
        cash_compensation=cash,
        equity_value=equity_annual_value,
        benefits_value=benefits,
        total_compensation=total,
        recurring_compensation=total - signon_bonus,
        benefits_share_pct=benefits / total * HUNDRED if total > 0 else ZERO,
        guaranteed=base_salary + signon_bonus + benefits,
        at_risk=bonus + equity_annual_value,
        pto_value=pto,
        breakdown=breakdown,
    )


CALCULATOR = Calculator(
    name="package_value",
    title="Offer value",
    summary="One offer with every part valued: cash, equity and benefits, what is "
            "guaranteed and what is at risk.",
    notes=(
        "The sign-on bonus counts in year one only.",
        "Paid time off is shown at a day's pay but not added: the salary already pays for it.",
    ),
    inputs=INPUTS,
    result=PackageValue,
    function=package_value,
    example={
        "base_salary": 100000,
        "bonus_target_pct": 10,
        "bonus_payout_pct": 100,
        "signon_bonus": 5000,
        "equity_annual_value": 10000,
        "employer_retirement_contribution": 4000,
        "employer_health_premium": 7000,
        "employer_hsa_contribution": 500,
        "other_benefits": [
            {"name": "Life and disability insurance", "annual_value": 600,
             "category": "insurance"},
            {"name": "Learning budget", "annual_value": 1500, "category": "education"},
        ],
        "pto_days": 20,
    },
)
