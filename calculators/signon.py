"""What you repay of a sign-on bonus if you leave early.

Conventions:

* ``"full"``: leave before the commitment ends and you repay all of it.
* ``"prorated"``: the repayment falls evenly with each full month served, so after
  ``m`` of ``n`` months you repay ``(n - m) / n`` of it.
* The repayment is rounded to cents; what you keep is the rest of the bonus.
* After the commitment nothing is repaid. Agreements usually ask for the gross
  amount, though you received it net of tax.
* After tax (with your salary, the tax engine, and your tax facts): repaid in the
  year you were paid, the employer corrects your W-2, so the taxes on the part repaid
  come back and repaying costs you that part after tax. Repaid in a later year, the
  employer refunds its Social Security and Medicare tax; above $3,000 the income tax
  comes back too (a deduction or a credit, the claim-of-right rule), at or below it it
  does not.

A worked story: Noor took a $12,000 sign-on bonus with a 12-month commitment and leaves
after 8 months. Under full repayment she owes $12,000; prorated, 4/12 of it: $4,000.

>>> from calculators.api import run
>>> deal = {"bonus": 12000, "commitment_months": 12, "months_worked": 8}
>>> run("signon_clawback", deal)["repay_amount"]
12000.0
>>> r = run("signon_clawback", {**deal, "method": "prorated"})
>>> r["repay_amount"], r["months_until_free"]
(4000.0, 4)

On an $80,000 salary in Texas the $4,000 bore $1,186 of tax (22% + 7.65%): repaid the
same year it costs her $2,814; the next year too, since it is over $3,000. A $2,500
repayment the next year gets only its $191.25 of payroll tax back.

>>> r = run("signon_clawback", {**deal, "method": "prorated", "salary": 80000, "state": "TX"})
>>> r["repay_cost_same_year"], r["repay_cost_later_year"]
(2814.0, 2814.0)
>>> run("signon_clawback", {"bonus": 2500, "months_worked": 0, "salary": 80000,
...     "state": "TX"})["repay_cost_later_year"]
2308.75
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from typing import Any

from .fields import choice, integer, usd
from .money import ONE, ZERO, cents
from .spec import Calculator, out
from .tax import law, tax_on_more_wages
from .taxfacts import household, tax_facts

__all__ = ["SignonClawback", "signon_clawback", "repay_fraction", "METHOD", "CALCULATOR"]

METHOD = choice(
    "method", "Repayment terms", "How much you repay if you leave before the commitment ends.",
    (("full", "All of it"), ("prorated", "Less for each month served")), default="full")

INPUTS = (
    usd("bonus", "Sign-on bonus", "The bonus as stated in the offer (before tax)."),
    integer("commitment_months", "Commitment (months)", "months",
            "How long you must stay to keep all of it.", min=1, max=120, default=12),
    integer("months_worked", "Months worked", "months",
            "Full months served when you leave.", min=0, max=600),
    METHOD,
    usd("salary", "Salary", "Your wages a year, to work out the tax on the bonus; leave "
        "empty to skip.", default=None, nullable=True),
    *tax_facts(state_required=False),
)


@dataclasses.dataclass(frozen=True, slots=True)
class SignonClawback:
    repay_fraction: Decimal = out("Share to repay", "fraction")
    repay_amount: Decimal = out("Amount to repay", "usd")
    kept_amount: Decimal = out("Amount you keep", "usd")
    months_until_free: int = out("Months until nothing is owed", "months")
    bonus_after_tax: Decimal | None = out("The bonus after tax", "usd", nullable=True,
                                          help="Empty without a salary.")
    repay_cost_same_year: Decimal | None = out(
        "Repaying costs you, the same year", "usd", nullable=True,
        help="The repayment less the taxes on it that come back.")
    repay_cost_later_year: Decimal | None = out(
        "Repaying costs you, a later year", "usd", nullable=True,
        help="Less its Social Security and Medicare; less the income tax too above $3,000.")


def repay_fraction(commitment_months: int, months_worked: int, method: str) -> Decimal:
    """The share of the bonus repaid after ``months_worked`` months."""
    if months_worked >= commitment_months:
        return ZERO
    if method == "full":
        return ONE
    return Decimal(commitment_months - months_worked) / commitment_months


def signon_clawback(
    *, bonus: Decimal, commitment_months: int, months_worked: int, method: str,
    salary: Decimal | None, **facts: Any,
) -> SignonClawback:
    fraction = repay_fraction(commitment_months, months_worked, method)
    repay = cents(bonus * fraction)  # reported figure; what you keep is the exact rest
    after_tax = same_year = later_year = None
    if salary is not None:
        home = household(facts, wages=salary)
        paid, kept = tax_on_more_wages(home, bonus), tax_on_more_wages(home, bonus - repay)
        after_tax = bonus - paid.total
        back = paid - kept  # each tax the repaid part bore
        same_year = repay - back.total
        payroll = back.social_security_tax + back.medicare_tax
        threshold = law(home.year)["federal"]["claim_of_right"]["threshold"]
        later_year = repay - payroll - (back.total - payroll if repay > threshold else ZERO)
    return SignonClawback(
        repay_fraction=fraction,
        repay_amount=repay,
        kept_amount=bonus - repay,
        months_until_free=max(0, commitment_months - months_worked),
        bonus_after_tax=after_tax,
        repay_cost_same_year=same_year,
        repay_cost_later_year=later_year,
    )


CALCULATOR = Calculator(
    name="signon_clawback",
    title="Sign-on bonus repayment",
    summary="What you would repay of a sign-on bonus if you left before the commitment ends.",
    notes=("Repayment is usually of the gross bonus, though you received it net of tax; "
           "the taxes on it come back in the same year, and in a later year above $3,000.",),
    inputs=INPUTS,
    result=SignonClawback,
    function=signon_clawback,
    example={"bonus": 12000, "commitment_months": 12, "months_worked": 8,
             "method": "prorated"},
)
