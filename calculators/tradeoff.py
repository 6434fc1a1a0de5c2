"""What each "Plan B" ask is worth, as salary.

When an employer cannot move on salary, a reader can ask for something else. This
calculator puts each ask in the same unit as a raise.

Formula. Let ``t`` be your combined marginal rate (federal + state and local +
Social Security and Medicare, as a fraction: worked out by the tax engine for your
salary and state, or the rates you give) and ``k = 1 - t`` what you keep of each extra dollar of salary. For each ask:

* ``after_tax_value`` is what the ask is worth to you in a year, in dollars you keep;
* ``salary_equivalent`` is the raise that would leave you the same after tax:
  ``after_tax_value / k``. For an ask paid as taxable pay they are the same amount
  before and after tax: ``salary_equivalent`` = the amount, ``after_tax_value`` =
  amount x ``k``.

The asks:

* Extra days off: each is worth a day's pay (salary / working days), before tax.
* Remote days: ``days a week x working weeks`` commutes saved, each worth the commute's
  cost plus its hours at ``time_value_per_hour`` (dollars you keep; by default your own
  after-tax hourly pay, salary x k / (working days x 8)).
* A learning budget: tax-free up to the section 127 limit, taxed above it; valued at
  face value, as if you would have paid for the learning yourself.
* A sign-on bonus: taxable, paid once (first year only).
* An earlier salary review: a raise of X% that would have come after 12 months, moved
  N months earlier, pays salary x X% x N / 12 more in the first year (first year only).
* Stipends: taxable or not, per the flag.

Totals are given for the first year (every ask) and for later years (the recurring
asks only). Above the Social Security wage base only Medicare applies, and the
engine knows it: at $250,000, single, in a state with no income tax, you keep 65.65
cents of the next dollar (32% federal, 2.35% Medicare).

A worked story: Ravi earns $100,000 at 22% federal, 5% state and 7.65% FICA, so he
keeps 65.35 cents of each extra dollar. Five more days off are worth $1,923.08 of
salary ($1,256.73 after tax); a $6,000 learning budget is worth $5,740.13 after tax,
as much as a raise of $8,783.66, since $5,250 of it is tax-free.

>>> from calculators.api import run
>>> r = run("benefit_tradeoff", {"salary": 100000, "federal_rate_pct": 22,
...     "state_rate_pct": 5, "extra_pto_days": 5, "learning_budget": 6000})
>>> [(a["ask"], a["after_tax_value"], a["salary_equivalent"]) for a in r["asks"]]
[('extra_pto', 1256.73, 1923.08), ('learning_budget', 5740.13, 8783.66)]
>>> r["asks"][0]["sentence"]
'5 more days off is worth about $1,923 of salary to you ($1,257 after tax).'
>>> r["total_salary_equivalent"], r["keep_per_dollar"]
(10706.74, 0.6535)
>>> run("benefit_tradeoff", {"salary": 250000, "state": "TX"})["keep_per_dollar"]
0.6565
>>> run("benefit_tradeoff", {"salary": 250000, "federal_rate_pct": 35, "state_rate_pct": 5,
...     "filing_status": "single"})["keep_per_dollar"]
0.5765
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .fields import boolean, integer, list_of, number, percent, text, usd
from .money import ONE, ZERO, format_number, format_usd, pct, quantize
from .pto import WORKING_DAYS
from .spec import Calculator, out
from .taxfacts import marginal_pct, rate_overrides, tax_facts

__all__ = ["BenefitTradeoff", "Ask", "benefit_tradeoff", "COMMUTE", "SECTION_127_LIMIT",
           "CALCULATOR"]

# A commute saved (for remote days) and the tax-free limit for education, as every
# calculator that prices Plan B asks takes them.
COMMUTE = (
    usd("commute_cost_per_day", "Commute cost a day",
        "Fares, fuel, parking and tolls for a round trip.", default=0, max=1000),
    number("commute_hours_per_day", "Commute time a day", "hours",
           "Hours of a round trip.", min=0, max=8, step=0.25, default=0),
    number("time_value_per_hour", "Value of an hour", "usd_per_hour",
           "What an hour of your time is worth to you, after tax; empty for your after-tax "
           "hourly pay.", min=0, max=10000, step=0.01, default=None, nullable=True),
    integer("working_weeks_per_year", "Working weeks a year", "count",
            "Weeks you would otherwise commute: 52 less vacation and holidays.",
            min=1, max=52, default=48),
)
SECTION_127_LIMIT = usd(
    "section_127_limit", "Tax-free limit for education",
    "Educational assistance up to this amount a year is tax-free (section 127).",
    default=5250, figure="irs-section-127-limit")

INPUTS = (
    usd("salary", "Salary", "Your annual base salary."),
    *tax_facts(state_required=False),
    *rate_overrides(),
    WORKING_DAYS,
    number("extra_pto_days", "Extra days off", "days",
           "Paid days off beyond what is offered.", min=0, max=60, default=0),
    number("remote_days_per_week", "Remote days a week", "days",
           "Days a week you would work from home instead of commuting.",
           min=0, max=5, default=0),
    *COMMUTE,
    usd("learning_budget", "Learning budget a year",
        "Tuition, courses or student-loan payments the employer pays.", default=0),
    SECTION_127_LIMIT,
    usd("signon_bonus", "Sign-on bonus", "A one-off bonus, taxed as pay.", default=0),
    percent("review_raise_pct", "Raise at the review", "The raise you expect at the review.",
            max=50, default=0),
    integer("review_months_earlier", "Review moved earlier by (months)", "months",
            "How much sooner than 12 months the salary review would come.",
            min=0, max=12, default=0),
    list_of("stipends", "Stipends", "Regular allowances (phone, internet, wellness, meals).",
            fields=(
                text("name", "Stipend", "What it pays for."),
                usd("annual_amount", "Amount a year", "What it pays in a year."),
                boolean("taxable", "Taxed as pay", "Whether it is paid through payroll as "
                        "taxable income.", default=True),
            ),
            min_items=0, max_items=10, default=[]),
)


@dataclasses.dataclass(frozen=True, slots=True)
class Ask:
    ask: str = out("Ask", "text")
    label: str = out("What you ask for", "text")
    after_tax_value: Decimal = out("Worth to you a year, after tax", "usd")
    salary_equivalent: Decimal = out("Worth as salary", "usd",
                                     help="The raise that would leave you the same after tax.")
    recurring: bool = out("Every year", "bool", help="False for one-off asks (first year only).")
    sentence: str = out("In a sentence", "text")


@dataclasses.dataclass(frozen=True, slots=True)
class BenefitTradeoff:
    asks: list[Ask] = out("Asks", "table", row=Ask)
    total_after_tax_value: Decimal = out("All asks, first year, after tax", "usd")
    total_salary_equivalent: Decimal = out("All asks, first year, as salary", "usd")
    recurring_after_tax_value: Decimal = out("Later years, after tax", "usd")
    recurring_salary_equivalent: Decimal = out("Later years, as salary", "usd")
    marginal_rate_pct: Decimal = out("Combined marginal rate", "pct", places=2,
                                     help="Tax on your next dollar of salary.")
    federal_rate_pct: Decimal = out("Federal income tax on the next dollar", "pct", places=2)
    state_rate_pct: Decimal = out("State and local tax on the next dollar", "pct", places=2)
    fica_rate_pct: Decimal = out("Social Security and Medicare on the next dollar", "pct",
                                 places=2)
    keep_per_dollar: Decimal = out("Kept of each extra dollar", "fraction")
    daily_rate: Decimal = out("A day's pay", "usd")
    time_value_per_hour: Decimal = out("Value of an hour used", "usd_per_hour")


def _ask(key: str, label: str, after_tax: Decimal, salary_equivalent: Decimal,
         recurring: bool) -> Ask:
    sentence = (f"{label} is worth about {format_usd(quantize(salary_equivalent, 0))} of "
                f"salary to you ({format_usd(quantize(after_tax, 0))} after tax).")
    return Ask(key, label, after_tax, salary_equivalent, recurring, sentence)


def benefit_tradeoff(
    *,
    salary: Decimal,
    working_days_per_year: int,
    extra_pto_days: Decimal,
    remote_days_per_week: Decimal,
    commute_cost_per_day: Decimal,
    commute_hours_per_day: Decimal,
    time_value_per_hour: Decimal | None,
    working_weeks_per_year: int,
    learning_budget: Decimal,
    section_127_limit: Decimal,
    signon_bonus: Decimal,
    review_raise_pct: Decimal,
    review_months_earlier: int,
    stipends: list[dict[str, Any]],
    **facts: Any,
) -> BenefitTradeoff:
    federal, state, fica = marginal_pct(facts, wages=salary)
    rate = federal + state + fica
    keep = ONE - pct(rate)
    daily = salary / working_days_per_year
    hour_value = daily * keep / 8 if time_value_per_hour is None else time_value_per_hour

    def taxable(key: str, label: str, amount: Decimal, recurring: bool) -> Ask:
        return _ask(key, label, amount * keep, amount, recurring)

    def kept(key: str, label: str, after_tax: Decimal, recurring: bool) -> Ask:
        return _ask(key, label, after_tax, after_tax / keep, recurring)

    asks = []
    if extra_pto_days > 0:
        days = format_number(extra_pto_days)
        asks.append(taxable("extra_pto", f"{days} more day{'s' * (days != '1')} off",
                            daily * extra_pto_days, True))
    if remote_days_per_week > 0:
        commutes = remote_days_per_week * working_weeks_per_year
        value = commutes * (commute_cost_per_day + commute_hours_per_day * hour_value)
        days = format_number(remote_days_per_week)
        asks.append(kept("remote_days",
                         f"Working from home {days} day{'s' * (days != '1')} a week",
                         value, True))
    if learning_budget > 0:
        tax_free = min(learning_budget, section_127_limit)
        value = tax_free + (learning_budget - tax_free) * keep
        asks.append(kept("learning_budget",
                         f"A learning budget of {format_usd(learning_budget)}", value, True))
    if signon_bonus > 0:
        asks.append(taxable("signon_bonus", f"A sign-on bonus of {format_usd(signon_bonus)}",
                            signon_bonus, False))
    if review_raise_pct > 0 and review_months_earlier > 0:
        extra = salary * pct(review_raise_pct) * review_months_earlier / 12
        months = review_months_earlier
        asks.append(taxable(
            "earlier_review",
            f"A {format_number(review_raise_pct)}% raise {months} month{'s' * (months != 1)} "
            "earlier", extra, False))
    for stipend in stipends:
        label = f"{stipend['name']} stipend of {format_usd(stipend['annual_amount'])} a year"
        if stipend["taxable"]:
            asks.append(taxable("stipend", label, stipend["annual_amount"], True))
        else:
            asks.append(kept("stipend", label, stipend["annual_amount"], True))
    return BenefitTradeoff(
        asks=asks,
        total_after_tax_value=sum((a.after_tax_value for a in asks), ZERO),
        total_salary_equivalent=sum((a.salary_equivalent for a in asks), ZERO),
        recurring_after_tax_value=sum((a.after_tax_value for a in asks if a.recurring), ZERO),
        recurring_salary_equivalent=sum(
            (a.salary_equivalent for a in asks if a.recurring), ZERO),
        marginal_rate_pct=rate,
        federal_rate_pct=federal,
        state_rate_pct=state,
        fica_rate_pct=fica,
        keep_per_dollar=keep,
        daily_rate=daily,
        time_value_per_hour=hour_value,
    )


CALCULATOR = Calculator(
    name="benefit_tradeoff",
    title="What a Plan B ask is worth",
    summary="When salary will not move: what more days off, remote days, a learning "
            "budget, a sign-on bonus, an earlier review or a stipend are worth to you, "
            "as the raise that would leave you the same after tax.",
    notes=(
        "Salary equivalent = after-tax value / (1 - your combined marginal rate).",
        "A day off is worth a day's pay; a commute saved is worth its cost plus its time.",
        "Learning budgets are tax-free up to the section 127 limit.",
        "Sign-on bonuses and earlier reviews count in the first year only.",
    ),
    inputs=INPUTS,
    result=BenefitTradeoff,
    function=benefit_tradeoff,
    example={
        "salary": 100000,
        "federal_rate_pct": 22,
        "state_rate_pct": 5,
        "fica_rate_pct": 7.65,
        "extra_pto_days": 5,
        "remote_days_per_week": 2,
        "commute_cost_per_day": 18,
        "commute_hours_per_day": 1.5,
        "time_value_per_hour": 25,
        "working_weeks_per_year": 48,
        "learning_budget": 3000,
        "signon_bonus": 10000,
        "review_raise_pct": 4,
        "review_months_earlier": 6,
        "stipends": [
            {"name": "Home internet", "annual_amount": 600, "taxable": True},
            {"name": "Wellness", "annual_amount": 500, "taxable": False},
        ],
    },
)
