"""RSUs as they vest: the tax they really owe, and what the 22% withholding leaves owing.

Conventions:

* Restricted stock units are wages when they vest: the shares' market value that
  day (IRS Publication 525, "Restricted Property"; Publication 15-B). They owe
  federal and state income tax, Social Security and Medicare like the rest of your
  pay: here, the difference in each tax, through the tax engine, with and without
  them on top of your salary.
* Employers usually withhold federal income tax from them as supplemental wages, at
  a flat 22%, and at 37% on the part of the year's supplemental wages above $1
  million (IRS Publication 15 (2026), section 7). When your real federal rate on them
  is higher, the difference is owed with your return in April.
* State withholding on supplemental wages differs by state and is not shown; neither
  is the Additional Medicare Tax, which employers withhold only above $200,000 of
  your own wages whatever your filing status.

A worked story: Lee earns $180,000 in Washington and 400 RSUs vest at $150, $60,000
of wages. Withholding at 22% takes $13,200, but on top of his salary they are taxed
at 24% and then 32%: $16,170 of federal income tax, so $2,970 is still owed in April.

>>> from calculators.api import run
>>> r = run("rsu_taxes", {"shares": 400, "share_price": 150, "salary": 180000, "state": "WA"})
>>> r["vest_income"], r["federal_withheld"], r["federal_tax_owed"], r["federal_gap"]
(60000.0, 13200.0, 16170.0, 2970.0)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .fields import number, usd
from .money import HUNDRED, ZERO, format_usd, pct, quantize
from .spec import Calculator, out
from .tax import law, tax_on_more_wages
from .taxfacts import TAX_FACTS, household

__all__ = ["RsuTaxes", "rsu_taxes", "supplemental_withholding", "CALCULATOR"]

INPUTS = (
    number("shares", "Shares vesting", "count", "How many RSUs vest in the year.",
           min=0, max=1_000_000_000, step=1),
    usd("share_price", "Share price at vest", "The market price of a share the day they vest."),
    usd("salary", "Salary", "Your other wages in the year."),
    *TAX_FACTS,
    usd("other_supplemental", "Other supplemental wages", "Bonuses and other supplemental "
        "wages paid this year before the RSUs vest (they count toward the $1 million).",
        default=0),
)


@dataclasses.dataclass(frozen=True, slots=True)
class RsuTaxes:
    summary: str = out("In a sentence", "text")
    vest_income: Decimal = out("Wages at vest", "usd")
    federal_withheld: Decimal = out("Federal income tax withheld", "usd",
                                    help="22%, and 37% above $1 million of supplemental wages.")
    withholding_rate_pct: Decimal = out("Withholding rate", "pct", places=2)
    federal_tax_owed: Decimal = out("Federal income tax they add", "usd",
                                    help="Through the tax engine, on top of your salary.")
    federal_rate_pct: Decimal = out("Your federal rate on them", "pct", places=2)
    federal_gap: Decimal = out("Still owed in April", "usd",
                               help="Federal tax they add less what was withheld; negative "
                                    "for a refund.")
    state_tax_owed: Decimal = out("State and local income tax they add", "usd")
    payroll_tax: Decimal = out("Social Security and Medicare", "usd",
                               help="With any state payroll contributions.")
    total_tax: Decimal = out("All the tax they add", "usd")
    kept: Decimal = out("Kept after every tax", "usd")


def supplemental_withholding(rules: dict[str, Any], amount: Decimal,
                             paid_before: Decimal = ZERO) -> Decimal:
    """Federal income tax withheld from ``amount`` of supplemental wages, when
    ``paid_before`` of them were paid earlier in the year (Publication 15, section 7)."""
    over = Decimal(rules["mandatory_over"])
    flat = min(amount, max(ZERO, over - paid_before))
    return flat * pct(rules["rate_pct"]) + (amount - flat) * pct(rules["mandatory_rate_pct"])


def rsu_taxes(*, shares: Decimal, share_price: Decimal, salary: Decimal,
              other_supplemental: Decimal, **facts: Any) -> RsuTaxes:
    income = shares * share_price
    home = household(facts, wages=salary)
    rules = law(home.year)["federal"]["supplemental_withholding"]
    withheld = supplemental_withholding(rules, income, other_supplemental)
    extra = tax_on_more_wages(home, income)
    federal = extra.federal_income_tax
    state = extra.state_income_tax + extra.local_income_tax
    payroll = extra.social_security_tax + extra.medicare_tax + extra.state_payroll_tax
    total = federal + state + payroll

    def rate(part: Decimal) -> Decimal:
        return part / income * HUNDRED if income else ZERO

    return RsuTaxes(
        summary=_summary(income, withheld, federal, rate(federal)),
        vest_income=income,
        federal_withheld=withheld,
        withholding_rate_pct=rate(withheld),
        federal_tax_owed=federal,
        federal_rate_pct=rate(federal),
        federal_gap=federal - withheld,
        state_tax_owed=state,
        payroll_tax=payroll,
        total_tax=total,
        kept=income - total,
    )


def _summary(income: Decimal, withheld: Decimal, owed: Decimal, rate: Decimal) -> str:
    text = (f"{format_usd(income)} of RSUs vesting are wages. Withholding takes "
            f"{format_usd(withheld)} of federal income tax; on top of your salary they add "
            f"{format_usd(owed)} ({quantize(rate, 1).normalize():f}% of them)")
    gap = owed - withheld
    if gap > 0:
        return text + f", so about {format_usd(gap)} is still owed in April."
    if gap < 0:
        return text + f", so about {format_usd(-gap)} comes back as a refund."
    return text + "."


CALCULATOR = Calculator(
    name="rsu_taxes",
    title="RSU taxes at vest",
    summary="What restricted stock units owe in tax when they vest, and how much the flat "
            "22% federal withholding leaves owing in April at your real tax rate.",
    notes=(
        "RSUs are wages when they vest, taxed through the tax engine on top of your "
        "salary.",
        "Federal withholding on supplemental wages: 22%, and 37% above $1 million a year "
        "(IRS Publication 15).",
        "State withholding on supplemental wages is not shown; it differs by state.",
    ),
    inputs=INPUTS,
    result=RsuTaxes,
    function=rsu_taxes,
    example={"shares": 400, "share_price": 150, "salary": 180000, "state": "WA",
             "filing_status": "single"},
)
