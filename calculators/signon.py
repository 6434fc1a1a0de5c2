"""What you repay of a sign-on bonus if you leave early.

Conventions:

* ``"full"``: leave before the commitment ends and you repay all of it.
* ``"prorated"``: the repayment falls evenly with each full month served, so after
  ``m`` of ``n`` months you repay ``(n - m) / n`` of it.
* The repayment is rounded to cents; what you keep is the rest of the bonus.
* After the commitment nothing is repaid. Agreements usually ask for the gross
  amount, though you received it net of tax.

A worked story: Noor took a $12,000 sign-on bonus with a 12-month commitment and leaves
after 8 months. Under full repayment she owes $12,000; prorated, 4/12 of it: $4,000.

>>> from calculators.api import run
>>> deal = {"bonus": 12000, "commitment_months": 12, "months_worked": 8}
>>> run("signon_clawback", deal)["repay_amount"]
12000.0
>>> r = run("signon_clawback", {**deal, "method": "prorated"})
>>> r["repay_amount"], r["months_until_free"]
(4000.0, 4)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from .fields import choice, integer, usd
from .money import ONE, ZERO, cents
from .spec import Calculator, out

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
)


@dataclasses.dataclass(frozen=True, slots=True)
class SignonClawback:
    repay_fraction: Decimal = out("Share to repay", "fraction")
    repay_amount: Decimal = out("Amount to repay", "usd")
    kept_amount: Decimal = out("Amount you keep", "usd")
    months_until_free: int = out("Months until nothing is owed", "months")


def repay_fraction(commitment_months: int, months_worked: int, method: str) -> Decimal:
    """The share of the bonus repaid after ``months_worked`` months."""
    if months_worked >= commitment_months:
        return ZERO
    if method == "full":
        return ONE
    return Decimal(commitment_months - months_worked) / commitment_months


def signon_clawback(
    *, bonus: Decimal, commitment_months: int, months_worked: int, method: str
) -> SignonClawback:
    fraction = repay_fraction(commitment_months, months_worked, method)
    repay = cents(bonus * fraction)  # reported figure; what you keep is the exact rest
    return SignonClawback(
        repay_fraction=fraction,
        repay_amount=repay,
        kept_amount=bonus - repay,
        months_until_free=max(0, commitment_months - months_worked),
    )


CALCULATOR = Calculator(
    name="signon_clawback",
    title="Sign-on bonus repayment",
    summary="What you would repay of a sign-on bonus if you left before the commitment ends.",
    notes=("Repayment is usually of the gross bonus, though you received it net of tax.",),
    inputs=INPUTS,
    result=SignonClawback,
    function=signon_clawback,
    example={"bonus": 12000, "commitment_months": 12, "months_worked": 8,
             "method": "prorated"},
)
