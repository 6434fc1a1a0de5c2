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
* After tax, with your state (and the other tax facts): the cash pay is taxed as wages,
  and so is the equity, as RSUs are when they vest, through the tax engine; each part
  keeps what is left after the taxes it adds to your household's bill (on a joint
  return, over the tax on your spouse's wages alone). The employer's retirement money,
  health premium and HSA contribution are not taxed as pay, and other benefits count at
  the value you give them, so the benefits are worth the same after tax; as salary
  they are worth more: ``benefits_as_salary`` is the raise that would leave you as
  much, at your marginal rate. Without a state the after-tax figures are empty.

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
>>> r["total_after_tax"], r["after_tax_note"]
(None, 'Choose your state to see what the offer leaves you after tax.')

In Texas, single, the year's $125,000 of pay (cash and equity) owes $18,734 of federal
income tax, $7,750 of Social Security and $1,812.50 of Medicare: $28,296.50. The
benefits are not taxed, so the whole offer is worth $108,203.50 after tax in year one.
Of a raise, 31.65% would go in tax: the $11,500 of benefits are worth $16,825.16 of salary.

>>> r = run("package_value", {"base_salary": 100000, "bonus_target_pct": 10,
...     "signon_bonus": 5000, "equity_annual_value": 10000,
...     "employer_retirement_contribution": 4000, "employer_health_premium": 7000,
...     "employer_hsa_contribution": 500, "state": "TX"})
>>> r["tax_on_pay"], r["cash_after_tax"], r["equity_after_tax"], r["total_after_tax"]
(28296.5, 89732.5, 6971.0, 108203.5)
>>> r["marginal_rate_pct"], r["benefits_as_salary"]
(31.65, 16825.16)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .fields import choice, list_of, number, percent, text, usd
from .money import HUNDRED, ONE, ZERO, pct
from .pto import WORKING_DAYS
from .spec import Calculator, out
from .tax import taxes
from .taxfacts import STATES, household, tax_facts

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
    *tax_facts(state_required=False),
)

_STATE_NAMES = dict(STATES)
_STATUS_WORDS = {"single": "single", "married_joint": "married filing jointly",
                 "head_of_household": "head of household"}


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
    after_tax_note: str = out("After tax", "text")
    tax_on_pay: Decimal | None = out(
        "Taxes on year one's pay", "usd", nullable=True,
        help="Federal, state, local and payroll taxes on the cash and the equity.")
    cash_after_tax: Decimal | None = out("Cash in year one, after tax", "usd", nullable=True)
    equity_after_tax: Decimal | None = out("Equity a year, after tax", "usd", nullable=True,
                                           help="Taxed as pay when it vests, as RSUs are.")
    benefits_after_tax: Decimal = out("Benefits, after tax", "usd",
                                      help="Not taxed as pay: worth the same after tax.")
    total_after_tax: Decimal | None = out("Total, year one, after tax", "usd", nullable=True)
    recurring_after_tax: Decimal | None = out("Total, later years, after tax", "usd",
                                              nullable=True)
    marginal_rate_pct: Decimal | None = out("Tax on your next $100 of pay", "pct",
                                            nullable=True, places=2)
    benefits_as_salary: Decimal | None = out(
        "Benefits, as salary", "usd", nullable=True,
        help="The raise that would leave you as much after tax as the benefits.")
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
    filing_status: str,
    state: str | None,
    spouse_wages: Decimal,
    age: int,
    dependents: int,
    local: str | None,
    local_rate_pct: Decimal,
    year: int,
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
    facts = {"filing_status": filing_status, "state": state, "spouse_wages": spouse_wages,
             "age": age, "dependents": dependents, "local": local,
             "local_rate_pct": local_rate_pct, "year": year}
    after = _after_tax(facts, cash, equity_annual_value, cash - signon_bonus, benefits)
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
        **after,
        benefits_after_tax=benefits,
        breakdown=breakdown,
    )


def _after_tax(facts: dict[str, Any], cash: Decimal, equity: Decimal, recurring_cash: Decimal,
               benefits: Decimal) -> dict[str, Any]:
    """The after-tax figures: four calls of the tax engine (five on a joint return)."""
    if facts["state"] is None:
        return {"after_tax_note": "Choose your state to see what the offer leaves you after tax.",
                "tax_on_pay": None, "cash_after_tax": None, "equity_after_tax": None,
                "total_after_tax": None, "recurring_after_tax": None,
                "marginal_rate_pct": None, "benefits_as_salary": None}
    home = household(facts, wages=ZERO)
    base = taxes(home).total if home.spouse_wages else ZERO  # the spouse's wages alone

    def tax(wages: Decimal) -> Decimal:
        return taxes(home.replace(wages=wages)).total - base

    on_cash, on_pay = tax(cash), tax(cash + equity)
    marginal = (tax(cash + equity + HUNDRED) - on_pay) / HUNDRED
    place = _STATE_NAMES[facts["state"]]
    return {
        "after_tax_note": (f"Worked out for {place}, filing {_STATUS_WORDS[facts['filing_status']]}"
                           f", under {facts['year']} tax law."),
        "tax_on_pay": on_pay,
        "cash_after_tax": cash - on_cash,
        "equity_after_tax": equity - (on_pay - on_cash),
        "total_after_tax": cash + equity - on_pay + benefits,
        "recurring_after_tax": (recurring_cash + equity - tax(recurring_cash + equity)
                                + benefits),
        "marginal_rate_pct": marginal * HUNDRED,
        "benefits_as_salary": benefits / (ONE - marginal) if marginal < ONE else None,
    }


CALCULATOR = Calculator(
    name="package_value",
    title="Offer value",
    summary="One offer with every part valued: cash, equity and benefits, what is "
            "guaranteed and what is at risk.",
    notes=(
        "The sign-on bonus counts in year one only.",
        "Paid time off is shown at a day's pay but not added: the salary already pays for it.",
        "After tax, with your state: cash and equity are taxed as pay (equity as RSUs are, "
        "when they vest); the employer's retirement, health and HSA money is not.",
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
        "filing_status": "single",
        "state": "IL",
    },
)
