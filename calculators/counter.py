"""What to ask for: the smallest change to an offer that closes its gap with a target.

The gap is what the target leaves you after tax over ``years``, less what the offer
leaves you: each side's money year by year is the offer comparison's
(:func:`calculators.comparison.offer_comparison`: raises, bonus, sign-on, equity as
it vests, the vested 401(k) match, health costs, other benefits), and each year's
wages go through the tax engine where that side is, as the comparison taxes them.

The target is another offer (``target_kind`` ``"offer"``), a market salary from your
research (``"market"``: the same offer at that base salary), or your current job
(``"current_job"``: what staying pays, with the unvested equity and the unpaid bonus
you would give up by leaving, both taxed as pay when they would have come).

For each lever alone, the ask is the smallest whole change (a dollar, a day, a month)
whose after-tax value over the years closes the gap, found by a bounded secant search
over the engine's after-tax total (so a sign-on taxed in one year needs more than the
same money spread over several years in a progressive system):

* base salary, sign-on bonus and equity grant change the offer itself; equity counts
  only as it vests within the years, a raise and the bonus follow the new base;
* extra days off are each worth a day's pay (the year's salary / working days), taxed
  as pay would be, every year;
* Plan B asks, priced as the Plan B calculator prices them, through the same engine:
  remote days (commutes saved, each worth its cost and its hours, kept money), a
  learning budget (tax-free up to the section 127 limit, taxed above it), an earlier
  salary review (the first raise months sooner: year one's salary x raise x months /
  12, taxed as pay) and a stipend (taxed as pay unless ``stipend_taxable`` is false).

A lever that cannot close the gap alone (equity that vests after the horizon, days off
beyond 60, a review more than 12 months earlier) is listed in ``unreachable``.

The package suggests two or three asks that close the gap together: one-time money for
a one-time gap first (a sign-on for the target's larger sign-on, or the bonus you would
forfeit), then guaranteed pay (base salary, up to ``max_raise_pct``), then the first
other lever that closes what is left.

A worked story: offers A and B are the same but for base salary, $120,000 against
$130,000, both in Texas. The gap after tax over four years is what $10,000 more a year
leaves ($27,484), and the base-salary ask is exactly the $10,000. A sign-on paid in year
one needs $40,159, not $40,000: all of it is taxed in one year, at higher rates than
four slices of $10,000 spread over four years.

>>> from calculators.api import run
>>> r = run("counter_offer", {"years": 4, "state": "TX",
...     "offer": {"name": "A", "base_salary": 120000},
...     "target": {"name": "B", "base_salary": 130000}})
>>> r["gap"]
27484.0
>>> [(a["lever"], a["amount"], a["new_value"]) for a in r["asks"]][:2]
[('base_salary', 10000.0, 130000.0), ('signon_bonus', 40159.0, 40159.0)]
>>> r["asks"][0]["sentence"]
"I'd like to ask for a base salary of $130,000 instead of $120,000, which would match the other offer I'm considering over 4 years."
>>> run("counter_offer", {"state": "TX", "offer": {"base_salary": 130000},
...     "target": {"base_salary": 120000}})["asks"]
[]
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from . import comparison, offer_equity
from .comparison import OFFER_FIELDS, check_offer, offer_comparison, yearly_taxes
from .errors import CalculatorError
from .fields import MONEY_MAX, boolean, choice, integer, list_of, number, obj, percent, usd
from .money import HUNDRED, ONE, ZERO, format_number, format_usd, pct
from .pto import WORKING_DAYS
from .spec import Calculator, join, out, validate
from .tradeoff import COMMUTE, SECTION_127_LIMIT

__all__ = ["CounterOffer", "CounterAsk", "SCRIPT_BLANKS", "counter_offer", "LEVERS",
           "CALCULATOR"]

# Every lever: its value, its name in a table, its unit and the most a reader could ask.
LEVERS = (
    ("base_salary", "Base salary", "dollars", MONEY_MAX),
    ("signon_bonus", "Sign-on bonus", "dollars", MONEY_MAX),
    ("equity_grant_value", "Equity grant", "dollars", MONEY_MAX),
    ("extra_pto_days", "Extra days off a year", "days", 60),
    ("remote_days", "Remote days a week", "days a week", 5),
    ("learning_budget", "Learning budget a year", "dollars", MONEY_MAX),
    ("earlier_review", "An earlier salary review", "months", 12),
    ("stipend", "A stipend a year", "dollars", MONEY_MAX),
)
_LABEL = {key: label for key, label, _, _ in LEVERS}
_UNIT = {key: unit for key, _, unit, _ in LEVERS}
_CAP = {key: cap for key, _, _, cap in LEVERS}
DEFAULT_LEVERS = ["base_salary", "signon_bonus", "equity_grant_value", "extra_pto_days"]
# Levers that change the offer itself, and the offer field each changes.
_OFFER_FIELD = {"base_salary": "base_salary", "signon_bonus": "signon_bonus",
                "equity_grant_value": "equity_grant_value"}
# The lever a package closes what is left with, in order of preference.
_LAST = ("equity_grant_value", "signon_bonus", "extra_pto_days", "learning_budget",
         "stipend", "remote_days", "earlier_review")
MAX_EVALUATIONS = 12  # each a few calls of the tax engine: the search is bounded

_COMPARISON = {field.name: field for field in comparison.INPUTS}


def _check_levers(levers: list[str], path: str) -> None:
    seen: set[str] = set()
    for index, lever in enumerate(levers):
        if lever in seen:
            raise CalculatorError(join(path, index), f"{lever!r} is listed twice")
        seen.add(lever)


INPUTS = (
    obj("offer", "Offer to improve", "The offer you want to ask more of.", OFFER_FIELDS,
        check=check_offer),
    choice("target_kind", "Close the gap with",
           "Another offer, a market salary from your research, or your current job.",
           (("offer", "Another offer"), ("market", "A market salary"),
            ("current_job", "My current job")), default="offer"),
    obj("target", "Offer to match",
        "The other offer, or (for your current job) what staying pays.", OFFER_FIELDS,
        check=check_offer, when=("target_kind", ("offer", "current_job"))),
    usd("market_salary", "Market salary",
        "A base salary from your research (a percentile for the role where you would work); "
        "the target is the offer at this salary.", default=None, nullable=True,
        when=("target_kind", ("market",))),
    usd("unvested_equity", "Unvested equity you would give up",
        "Equity at your current job that has not vested yet, at today's value.", default=0,
        when=("target_kind", ("current_job",))),
    integer("unvested_months", "It would vest over (months)", "months",
            "When the last of that equity would have vested, evenly until then.",
            min=1, max=120, default=24, when=("target_kind", ("current_job",))),
    usd("unpaid_bonus", "Bonus you would forfeit",
        "A bonus your current job would pay if you stayed, counted in year 1.", default=0,
        when=("target_kind", ("current_job",))),
    _COMPARISON["years"],
    list_of("levers", "What you could ask for",
            "The levers to price, each alone: " + ", ".join(key for key, *_ in LEVERS) + ".",
            item=choice("lever", "Lever", "One lever.",
                        tuple((key, label) for key, label, _, _ in LEVERS)),
            min_items=0, max_items=len(LEVERS), default=DEFAULT_LEVERS,
            check=_check_levers),
    percent("max_raise_pct", "Largest raise to ask for in the package",
            "The package asks for at most this much more base salary, as a percent of the "
            "offer's; the rest in other ways.", max=100, default=10),
    WORKING_DAYS,
    *COMMUTE,
    SECTION_127_LIMIT,
    boolean("stipend_taxable", "Stipend taxed as pay",
            "Whether a stipend would be paid through payroll as taxable income.", default=True),
    _COMPARISON["contribution_pct"],
    _COMPARISON["annual_deferral_limit"],
    _COMPARISON["compensation_limit"],
    *comparison.FACT_FIELDS,
)


def _check(values: dict[str, Any]) -> None:
    if values["target_kind"] == "market" and values["market_salary"] is None:
        raise CalculatorError("market_salary", "required: the market salary to match")


@dataclasses.dataclass(frozen=True, slots=True)
class CounterAsk:
    lever: str = out("Key", "text")
    label: str = out("What you ask for", "text")
    amount: Decimal = out("Change", "count", help="In the lever's unit: dollars, days or months.")
    unit: str = out("Unit", "text")
    new_value: Decimal = out("New value", "count",
                             help="The offer's figure with the change (the change itself for "
                                  "levers the offer has none of).")
    after_tax_value: Decimal = out("Worth after tax over the years", "usd")
    sentence: str = out("In a sentence", "text")


@dataclasses.dataclass(frozen=True, slots=True)
class Unreachable:
    lever: str = out("Key", "text")
    label: str = out("Lever", "text")
    sentence: str = out("Why not alone", "text")


@dataclasses.dataclass(frozen=True, slots=True)
class ScriptBlank:
    blank: str = out("Blank", "text")
    script: str = out("Script", "text")
    words: str = out("Words", "text")


# The scripts' blanks the planner fills (content/scripts.yaml names each as
# ``counter_offer.scripts.<blank>``), and the script each belongs to.
SCRIPT_BLANKS = (
    ("first_ask", "Counter-offer email"),
    ("second_ask", "Counter-offer email"),
    ("third_ask", "Counter-offer email"),
    ("package_total", "Counter-offer email"),
    ("specific_ask", "The data-backed ask"),
    ("alternative_one", "Alternatives after a \"no\""),
    ("alternative_two", "Alternatives after a \"no\""),
)


@dataclasses.dataclass(frozen=True, slots=True)
class CounterOffer:
    summary: str = out("Summary", "text")
    gap: Decimal = out("Gap after tax", "usd",
                       help="What the target leaves you after tax over the years, less what "
                            "the offer does; 0 or less when the offer already leads.")
    offer_after_tax: Decimal = out("Offer after tax", "usd", help="Over the years.")
    target_after_tax: Decimal = out("Target after tax", "usd", help="Over the years.")
    years: int = out("Years", "years")
    package_closes_gap: bool = out("The package closes the gap", "bool")
    package_note: str = out("Why this package", "text")
    offer_per_year: Decimal = out("The offer a year", "usd",
                                  help="Before tax, on average over the years.")
    scripts: list[ScriptBlank] = out("Words for the scripts", "table", row=ScriptBlank)
    package: list[CounterAsk] = out("Suggested package", "table", row=CounterAsk)
    asks: list[CounterAsk] = out("Each lever alone", "table", row=CounterAsk)
    unreachable: list[Unreachable] = out("Levers that cannot close it alone", "table",
                                         row=Unreachable)


# --- one side's money through the engine ----------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class _Plan:
    """An offer with asks applied: the offer, and money beside it year by year."""

    offer: dict[str, Any]
    extra_wages: tuple[Decimal, ...]  # taxed as pay (days off, a stipend, a review)
    extra_kept: tuple[Decimal, ...]  # not taxed (commutes saved, tax-free learning)

    def plus(self, wages: list[Decimal] | None = None,
             kept: list[Decimal] | None = None) -> _Plan:
        return _Plan(self.offer, _add(self.extra_wages, wages), _add(self.extra_kept, kept))


def _add(these: tuple[Decimal, ...], more: list[Decimal] | None) -> tuple[Decimal, ...]:
    return these if more is None else tuple(a + b for a, b in zip(these, more))


class _Side:
    """One side's after-tax total over the years, with the engine's answers kept.

    Asks change the offer only in its base salary; a sign-on, more equity or days off
    are money beside it, year by year (:class:`_Plan`).
    """

    def __init__(self, offer: dict[str, Any], path: str, where: str | None,
                 setting: dict[str, Any]) -> None:
        if where is None:
            raise CalculatorError(join(path, "state"), "choose where this job is (or your "
                                  "state, for both): the gap is after tax")
        self.offer, self.path, self.where, self.setting = offer, path, where, setting
        # The ISOs' gain each year, taxed apart from wages; no ask changes it.
        self.iso_gains = offer_equity.iso_at_today(offer, setting["years"])
        self.tax = offer_equity.OfferTaxes(setting["facts"])  # keeps every answer
        self.rows: dict[Decimal, tuple[list[Any], list[Decimal]]] = {}
        self._vesting: list[Decimal] | None = None

    def _pre_tax(self, offer: dict[str, Any]) -> list[Any]:
        """The offer comparison's rows for ``offer``, before tax: no engine calls here."""
        s = self.setting
        alone = {**offer, "state": None}
        nothing = {**alone, "name": "\u00b7", "base_salary": ZERO, "match_formula": [],
                   "equity_grant_value": ZERO, "equity_refresher_value": ZERO}
        result = offer_comparison(**{
            **s["defaults"], "offers": [alone, nothing], "years": s["years"],
            "rank_by": "pre_tax", "contribution_pct": s["contribution_pct"],
            "annual_deferral_limit": s["annual_deferral_limit"],
            "compensation_limit": s["compensation_limit"], "state": None, **s["facts"]})
        return result.by_year[:s["years"]]

    def years(self, offer: dict[str, Any]) -> tuple[list[Any], list[Decimal]]:
        """Each year's row before tax and its wages, for the offer at its base salary."""
        key = offer["base_salary"]
        if key not in self.rows:
            rows = self._pre_tax(offer)
            self.rows[key] = rows, [r.salary + r.bonus + r.signon + r.equity - gain
                                    for r, gain in zip(rows, self.iso_gains)]
        return self.rows[key]

    def vesting(self) -> list[Decimal]:
        """The share of a larger initial grant that vests in each year, on its schedule."""
        if self._vesting is None:
            now, _ = self.years(self.offer)
            later = self._pre_tax({**self.offer, "equity_grant_value":
                                   self.offer["equity_grant_value"] + 1000})
            self._vesting = [(b.equity - a.equity) / 1000 for a, b in zip(now, later)]
        return self._vesting

    def taxes(self, wages: list[Decimal]) -> list[Decimal]:
        return yearly_taxes(self.tax, self.offer, self.where, self.path, wages, self.iso_gains)

    def after_tax(self, plan: _Plan) -> Decimal:
        rows, wages = self.years(plan.offer)
        taxed = [w + x for w, x in zip(wages, plan.extra_wages)]
        return (sum((r.total for r in rows), ZERO) + sum(plan.extra_wages, ZERO)
                + sum(plan.extra_kept, ZERO) - sum(self.taxes(taxed), ZERO))

    def keep(self, plan: _Plan) -> list[Decimal]:
        """What each year keeps of its next dollar of pay: the engine's, over $100."""
        _, wages = self.years(plan.offer)
        taxed = [w + x for w, x in zip(wages, plan.extra_wages)]
        now, more = self.taxes(taxed), self.taxes([w + HUNDRED for w in taxed])
        return [ONE - (b - a) / HUNDRED for a, b in zip(now, more)]


# --- the levers -------------------------------------------------------------------------


class _Levers:
    """How each lever changes a plan by ``n`` of its units."""

    def __init__(self, side: _Side, values: dict[str, Any], keep: list[Decimal]) -> None:
        self.side, self.v, self.keep = side, values, keep

    def apply(self, lever: str, plan: _Plan, n: Decimal) -> _Plan:
        v = self.v
        if lever == "base_salary":
            return _Plan({**plan.offer, "base_salary": plan.offer["base_salary"] + n},
                         plan.extra_wages, plan.extra_kept)
        rows, _ = self.side.years(plan.offer)
        if lever == "signon_bonus":  # paid in year 1, as the comparison counts it
            return plan.plus(wages=[n] + [ZERO] * (len(rows) - 1))
        if lever == "equity_grant_value":  # as it vests
            return plan.plus(wages=[n * share for share in self.side.vesting()])
        if lever == "extra_pto_days":
            return plan.plus(wages=[r.salary * n / v["working_days_per_year"] for r in rows])
        if lever == "remote_days":
            per_year = n * v["working_weeks_per_year"] * (
                v["commute_cost_per_day"] + v["commute_hours_per_day"] * self.hour_value(plan))
            return plan.plus(kept=[per_year] * len(rows))
        if lever == "learning_budget":
            free = min(n, v["section_127_limit"])
            return plan.plus(wages=[n - free] * len(rows), kept=[free] * len(rows))
        if lever == "earlier_review":
            first = rows[0].salary * pct(plan.offer["raise_pct"]) * n / 12
            return plan.plus(wages=[first] + [ZERO] * (len(rows) - 1))
        if v["stipend_taxable"]:  # "stipend"
            return plan.plus(wages=[n] * len(rows))
        return plan.plus(kept=[n] * len(rows))

    def hour_value(self, plan: _Plan) -> Decimal:
        if self.v["time_value_per_hour"] is not None:
            return self.v["time_value_per_hour"]
        rows, _ = self.side.years(plan.offer)
        return rows[0].salary / self.v["working_days_per_year"] * self.keep[0] / 8


def _smallest(value_at: Callable[[int], Decimal], need: Decimal, slope: Decimal,
              cap: int) -> int | None:
    """The smallest whole ``n`` from 1 to ``cap`` with ``value_at(n) >= need``; ``None``
    if even ``cap`` falls short. ``slope`` is a first guess of the value of one unit.

    Newton steps on the latest local slope, inside a bracket that only narrows (halved
    after a few steps), at most MAX_EVALUATIONS calls: two when the first guess is right
    (it, and one unit less to show it is the smallest).

    >>> _smallest(lambda n: Decimal(n) * 3, Decimal(10), Decimal(3), 100)
    4
    >>> _smallest(lambda n: Decimal(n), Decimal(10), Decimal(1), 5) is None
    True
    """
    lo, hi = 0, cap + 1  # value_at(lo) < need; hi: the least n known to be enough
    last: tuple[int, Decimal] | None = None
    guess = min(cap, max(1, math.ceil(need / slope)))
    for step in range(MAX_EVALUATIONS):
        value = value_at(guess)
        if last is not None and value != last[1]:
            local = (value - last[1]) / (guess - last[0])
            slope = local if local > 0 else slope
        last = (guess, value)
        if value >= need:
            hi = guess
        else:
            lo = guess
        if hi - lo <= 1:
            return hi if hi <= cap else None
        if step >= 4:  # slow progress: halve the bracket
            guess = (lo + hi) // 2
        elif value >= need:
            guess = guess - math.floor((value - need) / slope)
        else:
            guess = guess + math.ceil((need - value) / slope)
        guess = min(hi - 1, max(lo + 1, guess))
    return hi if hi <= cap else None


# --- the calculator -----------------------------------------------------------------------


def _span(years: int) -> str:
    return "1 year" if years == 1 else f"{years} years"


def _plural(n: Decimal, word: str) -> str:
    text = format_number(n)
    return f"{text} {word}{'s' * (text != '1')}"


def _phrase(lever: str, n: Decimal, offer: dict[str, Any]) -> str:
    """The ask as words for a script: ``a base salary of $130,000 instead of $120,000``."""
    if lever in _OFFER_FIELD:
        old = offer[_OFFER_FIELD[lever]]
        noun = {"base_salary": "a base salary", "signon_bonus": "a sign-on bonus",
                "equity_grant_value": "an equity grant"}[lever]
        was = f" instead of {format_usd(old)}" if old else ""
        vests = ""
        if lever == "equity_grant_value":
            months = offer["equity_vesting_months"]
            span = (_plural(Decimal(months // 12), "year") if months % 12 == 0
                    else _plural(Decimal(months), "month"))
            vests = f" vesting over {span}"
        return f"{noun} of {format_usd(old + n)}{vests}{was}"
    if lever == "extra_pto_days":
        return f"{_plural(n, 'more day')} of paid time off a year"
    if lever == "remote_days":
        return f"working from home {_plural(n, 'day')} a week"
    if lever == "learning_budget":
        return f"a learning budget of {format_usd(n)} a year"
    if lever == "earlier_review":
        return (f"a salary review {_plural(n, 'month')} earlier, after "
                f"{_plural(12 - n, 'month')} instead of 12")
    return f"a stipend of {format_usd(n)} a year"


def counter_offer(
    *,
    offer: dict[str, Any],
    target_kind: str,
    target: dict[str, Any] | None = None,
    market_salary: Decimal | None = None,
    unvested_equity: Decimal = ZERO,
    unvested_months: int = 24,
    unpaid_bonus: Decimal = ZERO,
    years: int,
    levers: list[str],
    max_raise_pct: Decimal,
    working_days_per_year: int,
    commute_cost_per_day: Decimal,
    commute_hours_per_day: Decimal,
    time_value_per_hour: Decimal | None,
    working_weeks_per_year: int,
    section_127_limit: Decimal,
    stipend_taxable: bool,
    contribution_pct: Decimal | None,
    annual_deferral_limit: Decimal,
    compensation_limit: Decimal,
    state: str | None,
    **facts: Any,
) -> CounterOffer:
    setting = {"years": years, "contribution_pct": contribution_pct,
               # Every other input of the comparison at its default, as its spec says.
               "defaults": validate(comparison.INPUTS, {"offers": [{"base_salary": 0}] * 2}),
               "annual_deferral_limit": annual_deferral_limit,
               "compensation_limit": compensation_limit, "facts": facts}
    values = {"working_days_per_year": working_days_per_year,
              "commute_cost_per_day": commute_cost_per_day,
              "commute_hours_per_day": commute_hours_per_day,
              "time_value_per_hour": time_value_per_hour,
              "working_weeks_per_year": working_weeks_per_year,
              "section_127_limit": section_127_limit, "stipend_taxable": stipend_taxable}
    zeros = (ZERO,) * years
    side = _Side(offer, "offer", offer["state"] or state, setting)
    if target_kind == "market":
        assert market_salary is not None
        goal = {**offer, "base_salary": market_salary}
        other = _Side(goal, "offer", side.where, setting)
        target_plan = _Plan(goal, zeros, zeros)
        reason = (f"bring it in line with the market salary of {format_usd(market_salary)} "
                  "I found for this role")
        one_time = ZERO
    else:
        assert target is not None
        other = _Side(target, "target", target["state"] or state, setting)
        forfeited = list(zeros)
        if target_kind == "current_job":
            for number in range(years):  # the unvested equity, as it would have vested
                months = min(12, max(0, unvested_months - 12 * number))
                forfeited[number] += unvested_equity * months / unvested_months
            forfeited[0] += unpaid_bonus
            reason = "make up for what I would leave behind at my current job"
        else:
            reason = (f"match the other offer I'm considering over {_span(years)}")
        target_plan = _Plan(target, tuple(forfeited), zeros)
        one_time = max(ZERO, target["signon_bonus"] - offer["signon_bonus"]) + (
            unpaid_bonus if target_kind == "current_job" else ZERO)
    base_plan = _Plan(offer, zeros, zeros)
    offer_total = side.after_tax(base_plan)
    target_total = other.after_tax(target_plan)
    gap = target_total - offer_total
    asks: list[CounterAsk] = []
    unreachable: list[Unreachable] = []
    package: list[CounterAsk] = []
    closes, note = False, "The offer already leads: there is no gap to close."
    words: list[tuple[str, str]] = []
    if gap > 0:
        keep = side.keep(base_plan)  # the engine's, once: each search's first guess
        moves = _Levers(side, values, keep)

        def solve(lever: str, plan: _Plan, need: Decimal, cap: int | None = None
                  ) -> tuple[int | None, Decimal]:
            """The smallest ask of ``lever`` on ``plan`` worth ``need`` after tax."""
            start = side.after_tax(plan)
            probe = Decimal(1000 if _UNIT[lever] == "dollars" else 1)
            moved = moves.apply(lever, plan, probe)
            (rows, wages), (rows2, wages2) = side.years(plan.offer), side.years(moved.offer)
            slope = sum((r2.total - r.total + b - a + k2 - k1 - (w2 + b - w - a) * (ONE - kk)
                         for r, r2, w, w2, a, b, k1, k2, kk in zip(
                             rows, rows2, wages, wages2, plan.extra_wages, moved.extra_wages,
                             plan.extra_kept, moved.extra_kept, keep)), ZERO) / probe
            if slope <= 0:
                return None, ZERO
            worth = lambda n: side.after_tax(moves.apply(lever, plan, Decimal(n))) - start  # noqa: E731
            found = _smallest(worth, need, slope, _CAP[lever] if cap is None else cap)
            return found, ZERO if found is None else worth(found)

        def row(lever: str, n: int, worth: Decimal, sentence: str) -> CounterAsk:
            amount = Decimal(n)
            new = offer[_OFFER_FIELD[lever]] + amount if lever in _OFFER_FIELD else amount
            return CounterAsk(lever, _LABEL[lever], amount, _UNIT[lever], new, worth, sentence)

        for lever in levers:
            n, worth = solve(lever, base_plan, gap)
            if n is None:
                unreachable.append(Unreachable(lever, _LABEL[lever],
                                               _why_not(lever, offer, values, years)))
                continue
            phrase = _phrase(lever, Decimal(n), offer)
            words.append((lever, phrase))
            asks.append(row(lever, n, worth, f"I'd like to ask for {phrase}, which would "
                                             f"{reason}."))
        chosen, closes, note = _package(gap, one_time, levers, base_plan, solve, offer,
                                        max_raise_pct, moves, target_kind)
        package = [row(lever, n, worth, f"I'd like to ask for "
                                        f"{_phrase(lever, Decimal(n), offer)}.")
                   for lever, n, worth in chosen]
    scripts = _scripts([(a.lever, _phrase(a.lever, a.amount, offer)) for a in package], words,
                       reason)
    rows, _ = side.years(offer)
    average = sum((r.total for r in rows), ZERO) / years
    return CounterOffer(
        summary=_summary(gap, years, package, closes),
        gap=gap,
        offer_after_tax=offer_total,
        target_after_tax=target_total,
        years=years,
        package_closes_gap=closes,
        package_note=note,
        offer_per_year=average,
        scripts=[ScriptBlank(blank, script, words) for (blank, script), words in zip(
            SCRIPT_BLANKS, [*scripts[:3], format_usd(average.quantize(ONE)),
                            f"{words[0][1]}, which would {reason}" if words else "",
                            *scripts[3:]])],
        package=package,
        asks=asks,
        unreachable=unreachable,
    )


def _why_not(lever: str, offer: dict[str, Any], values: dict[str, Any], years: int) -> str:
    if lever == "equity_grant_value":
        return (f"A grant with a {offer['equity_cliff_months']}-month cliff vests nothing "
                f"within {_span(years)}, or too little to close the gap.")
    if lever == "earlier_review" and not offer["raise_pct"]:
        return "The offer names no yearly raise to bring forward."
    if lever == "remote_days" and not (values["commute_cost_per_day"]
                                       or values["commute_hours_per_day"]):
        return "Enter your commute's cost and time to price remote days."
    return (f"Even {format_number(Decimal(_CAP[lever]))} ({_UNIT[lever]}) would not close "
            "the gap alone.")


def _package(gap: Decimal, one_time: Decimal, levers: list[str], base_plan: _Plan,
             solve: Callable[..., tuple[int | None, Decimal]], offer: dict[str, Any],
             max_raise_pct: Decimal, moves: _Levers, target_kind: str
             ) -> tuple[list[tuple[str, int, Decimal]], bool, str]:
    """Two or three asks that close the gap together (lever, amount, worth), and why."""
    side = moves.side
    plan, chosen, why = base_plan, [], []

    def take(lever: str, n: int, reason: str) -> Decimal:
        nonlocal plan
        before = side.after_tax(plan)
        plan = moves.apply(lever, plan, Decimal(n))
        chosen.append((lever, n, side.after_tax(plan) - before))
        why.append(reason)
        return gap - (side.after_tax(plan) - side.after_tax(base_plan))

    left = gap
    if one_time > 0 and "signon_bonus" in levers:
        n, _ = solve("signon_bonus", plan, left)
        what = ("the bonus you would forfeit" if target_kind == "current_job"
                else "the other offer's larger sign-on")
        left = take("signon_bonus", min(n or MONEY_MAX, math.ceil(one_time)),
                    f"one-time money for a one-time gap ({what})")
    cap = math.floor(offer["base_salary"] * pct(max_raise_pct))
    if left > 0 and "base_salary" in levers and cap >= 1:
        n, _ = solve("base_salary", plan, left, cap)
        capped = f", up to {format_number(max_raise_pct)}% more" if n is None else ""
        left = take("base_salary", cap if n is None else n,
                    "guaranteed pay first: base salary carries into every raise and bonus"
                    + capped)
    for lever in _LAST:
        if left <= 0 or len(chosen) >= 3:
            break
        if lever not in levers or any(lever == c[0] for c in chosen):
            continue
        n, _ = solve(lever, plan, left)
        if n is not None:
            left = take(lever, n, f"{_LABEL[lever].lower()} for the rest")
    if not chosen:
        return [], False, "None of the chosen levers can close the gap."
    note = "; then ".join(why) + "."
    note = note[0].upper() + note[1:]
    if left > 0:
        note += f" Together they still leave {format_usd(left)} after tax."
    return chosen, left <= 0, note


def _scripts(package: list[tuple[str, str]], alone: list[tuple[str, str]],
             reason: str) -> list[str]:
    """Blanks for the scripts: three asks for the counter-offer, then two alternatives.

    ``package`` and ``alone`` hold (lever, the ask in words): the package's asks, and
    each lever's ask alone; a short package is followed by asks alone on other levers.
    """
    lines = [words for _, words in package]
    if lines:
        lines[0] += (f", which together with the rest would {reason}" if len(lines) > 1
                     else f", which would {reason}")
    used = {lever for lever, _ in package}
    instead = "that" if len(lines) == 1 else "the changes above"
    lines += [f"or, in place of {instead}, {words}" for lever, words in alone
              if lever not in used]
    lines += ["", "", ""]
    others = [words for lever, words in alone if lever != "base_salary"] + ["", ""]
    return lines[:3] + others[:2]


def _summary(gap: Decimal, years: int, package: list[CounterAsk], closes: bool) -> str:
    if gap <= 0:
        return (f"The offer already leads by {format_usd(-gap)} after tax over "
                f"{_span(years)}: no ask is needed to match.")
    lead = f"The gap is {format_usd(gap)} after tax over {_span(years)}."
    if not package:
        return lead + " None of the levers chosen can close it."
    parts = [a.label.lower() + " " + _amount(a) for a in package]
    words = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return lead + (" It closes with " if closes else " It narrows with ") + words + "."


def _amount(a: CounterAsk) -> str:
    if a.unit == "dollars":
        return f"+{format_usd(a.amount)}"
    return f"+{format_number(a.amount)} {a.unit}"


CALCULATOR = Calculator(
    name="counter_offer",
    title="What to ask for",
    summary="The after-tax gap between an offer and what it should match (another offer, "
            "a market salary or your current job), and for each lever alone the smallest "
            "ask that closes it, with a package of two or three asks and the words for "
            "your counter-offer email.",
    notes=(
        "The gap is after tax over the years, each side taxed where it is, as in the "
        "offer comparison.",
        "Each ask alone is the smallest whole change (a dollar, a day, a month) that closes "
        "the gap through the tax engine: a sign-on taxed in one year needs more than the "
        "same money spread over several.",
        "Equity counts only as it vests within the years; a day off is worth a day's pay.",
        "Plan B asks are priced as in the Plan B calculator: remote days by the commute "
        "saved, a learning budget tax-free up to the section 127 limit.",
        "The package covers one-time gaps with one-time money, then asks for guaranteed pay.",
    ),
    inputs=INPUTS,
    result=CounterOffer,
    function=counter_offer,
    check=_check,
    example={
        "offer": {"name": "Northwind", "base_salary": 120000, "state": "WA", "raise_pct": 3,
                  "bonus_target_pct": 10,
                  "match_formula": [{"match_pct": 100, "of_pay_pct": 3},
                                    {"match_pct": 50, "of_pay_pct": 2}],
                  "health_cost_annual": 3200},
        "target_kind": "offer",
        "target": {"name": "Contoso", "base_salary": 124000, "state": "WA", "raise_pct": 3,
                   "bonus_target_pct": 10, "signon_bonus": 15000,
                   "equity_grant_value": 40000, "equity_vesting_months": 48,
                   "equity_cliff_months": 12, "equity_interval_months": 3,
                   "match_formula": [{"match_pct": 50, "of_pay_pct": 6}],
                   "health_cost_annual": 4000},
        "years": 4,
        "levers": ["base_salary", "signon_bonus", "equity_grant_value", "extra_pto_days",
                   "earlier_review"],
        "max_raise_pct": 5,
        "contribution_pct": 6,
        "filing_status": "single",
    },
)
