"""What each offer's equity and ESPP may be worth under a few share-price cases.

:mod:`calculators.comparison` calls this module from two places: :func:`grant_values`
(the grants it vests in its year-by-year table, valued at today's price) and
:func:`price_cases` (each offer's totals again under each price case).

Conventions:

* A grant is RSUs (the default), ISOs or NSOs (``equity_kind``). It is given either as
  a dollar value (``equity_grant_value``, RSUs only, as before) or as a number of
  shares or options (``equity_shares``) with today's share price (``share_price``: a
  private company's 409A price, a public company's market price) and, for options,
  the ``strike_price``. At today's price an RSU is worth the share price and an option
  the price less its strike, never less than 0 (:func:`calculators.grants.unit_value`).
* Refreshers (``equity_refresher_value``) are RSUs worth that much when granted.
* ``private_discount_pct`` is the reader's own cut for a private company's shares (the
  risk that they are never sold at that price): every equity value is cut by it.
* A price case moves the share price from today's: by ``growth_pct`` a year, or along
  the reader's own path (``path_pct``: each year-end price as a percent of today's, the
  last held). The defaults, -20%, 0% and +15% a year, are illustrations, not forecasts.
  Each grant vests as :mod:`calculators.grants` says, valued at its year's price.
* The ESPP: ``espp_contribution_pct`` of each year's salary buys shares once a year at
  the discount on that year's end price or, with a lookback, on the lower of the
  prices at its start and end (:func:`calculators.espp.purchase_price`), up to the
  section 423 cap of $25,000 of stock at the offering price (the rest is refunded).
  The year's gain is the shares' worth on the purchase date less their cost, as if
  sold then: a disqualifying sale, whose gain is ordinary income but not wages for
  Social Security and Medicare (IRS Publication 525).
* Tax, through the engine, in the year the equity vests: RSUs and an NSO's spread are
  wages (an NSO exercised as it vests); an ISO's spread is a long-term gain at a
  qualifying sale (exercised as it vests, sold more than a year later, counted in the
  year it vests); the comparison's year-by-year table taxes it the same way at today's
  price (:func:`iso_at_today`).
* The alternative minimum tax that exercising ISOs adds (Form 6251 line 2i,
  :func:`calculators.tax.amt.amt_added`) is reported beside each case's total, not
  taken from it: it is cash owed the April after exercise, on the whole spread at that
  year's price (before the reader's discount: it is owed on the shares' value then),
  and the minimum tax credit can give it back in later years, when the regular tax is
  the higher (Form 8801). A state's own AMT is not counted.
* All equity, and the ESPP's gain, is at-risk pay: ``at_risk`` is its part of a total.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .errors import CalculatorError
from .espp import purchase_price
from .fields import boolean, choice, list_of, percent, text, usd
from .grants import grant_years, price_path, unit_value
from .money import HUNDRED, ONE, ZERO, cents, pct
from .spec import join, out
from .tax import law, taxes
from .tax.amt import amt_added
from .tax.gains import income_tax
from .tax.payroll import payroll_taxes, state_payroll_tax
from .taxfacts import household

__all__ = ["CASE_FIELDS", "DEFAULT_CASES", "OFFER_FIELDS", "CaseLeader", "CaseTotal",
           "OfferTaxes", "check_offer", "grant_values", "iso_at_today", "price_cases"]

ESPP_CAP = Decimal(25000)  # IRC 423(b)(8): stock valued at the offering price, a year

OFFER_FIELDS = (
    choice("equity_kind", "Kind of equity",
           "Restricted stock units (RSUs), incentive stock options (ISOs) or non-qualified "
           "stock options (NSOs); the grant letter says which.",
           (("rsu", "RSUs"), ("iso", "Incentive stock options (ISOs)"),
            ("nso", "Non-qualified stock options (NSOs)")), default="rsu"),
    usd("equity_shares", "Shares or options granted",
        "The grant as a number of shares (RSUs) or options; empty to give RSUs as a dollar "
        "value above.", default=None, nullable=True, max=1_000_000_000),
    usd("share_price", "Share price today",
        "A private company's 409A price, or a public company's market price; needed with a "
        "number of shares.", default=None, nullable=True),
    usd("strike_price", "Strike price", "What each option lets you pay for a share.",
        default=0),
    percent("private_discount_pct", "Private-company discount",
            "How much to cut the equity's value for the risk that a private company's "
            "shares are never sold at that price; 0 for a public company.", default=0),
    percent("espp_contribution_pct", "ESPP contribution",
            "The share of your salary you put into the employee stock purchase plan; 0 for "
            "none.", max=50, default=0),
    percent("espp_discount_pct", "ESPP discount", "The plan's discount; a section 423 plan "
            "may discount at most 15%.", max=15, default=15),
    boolean("espp_lookback", "ESPP lookback",
            "The discount applies to the lower of the prices at the start and end of the "
            "offering.", default=True),
)

CASE_FIELDS = (
    text("name", "Case", "A short name for the case.", max_length=30),
    percent("growth_pct", "Price growth a year",
            "How much the share price rises (or, below 0, falls) each year.",
            min=-100, max=200, default=0),
    list_of("path_pct", "Your own prices",
            "Each year-end price as a percent of today's, year 1 first (the last held); "
            "empty to use the growth rate.",
            item=percent("price_pct", "Price, percent of today's",
                         "A year-end price as a percent of today's.", max=100000),
            min_items=0, max_items=10, default=[]),
)

DEFAULT_CASES = [{"name": "Low", "growth_pct": -20}, {"name": "Base", "growth_pct": 0},
                 {"name": "High", "growth_pct": 15}]


def check_offer(offer: dict[str, Any], path: str) -> None:
    """A grant needs what values it: shares with a price, options with shares."""
    shares, kind = offer["equity_shares"], offer["equity_kind"]
    if shares is not None and offer["share_price"] is None:
        raise CalculatorError(join(path, "share_price"),
                              "required with a number of shares: today's price a share")
    if shares is not None and offer["equity_grant_value"]:
        raise CalculatorError(join(path, "equity_shares"), "give the grant as shares or as "
                              "a dollar value (equity_grant_value), not both")
    if kind != "rsu" and shares is None and offer["equity_grant_value"]:
        raise CalculatorError(join(path, "equity_shares"), "required for options: how many "
                              "options the grant gives (a dollar value is for RSUs)")


def check_cases(cases: list[dict[str, Any]], path: str) -> None:
    seen: set[str] = set()
    for index, case in enumerate(cases):
        if case["name"] in seen:
            raise CalculatorError(join(join(path, index), "name"), "must differ from the "
                                  f"other cases' names ({case['name']!r})")
        seen.add(case["name"])


def _keep(offer: dict[str, Any]) -> Decimal:
    return ONE - pct(offer["private_discount_pct"])


def grant_values(offer: dict[str, Any]) -> tuple[Decimal, Decimal]:
    """(the initial grant, each refresher) valued at today's price, after the discount."""
    keep = _keep(offer)
    initial = offer["equity_grant_value"]
    if offer["equity_shares"] is not None:
        initial = offer["equity_shares"] * unit_value(
            offer["equity_kind"], offer["share_price"], offer["strike_price"])
    return initial * keep, offer["equity_refresher_value"] * keep


@dataclasses.dataclass(frozen=True, slots=True)
class CaseTotal:
    case: str = out("Price case", "text")
    offer: str = out("Offer", "text")
    equity: Decimal = out("Equity vested", "usd", help="Over the years, at the case's prices.")
    espp_gain: Decimal = out("ESPP gain", "usd")
    total: Decimal = out("Total before tax", "usd")
    after_tax_total: Decimal | None = out("Total after tax", "usd", nullable=True,
                                          help="Empty without a state.")
    amt_at_exercise: Decimal | None = out(
        "AMT at exercise", "usd", nullable=True,
        help="The alternative minimum tax exercising ISOs as they vest adds, over the "
             "years: cash owed the April after each exercise, not taken from the total "
             "(the minimum tax credit can give it back in later years). "
             "Empty without a state.")
    at_risk: Decimal = out("At-risk pay", "usd",
                           help="Equity and the ESPP's gain: worth only what the shares are.")
    at_risk_share_pct: Decimal | None = out("At-risk share of the total", "pct", nullable=True,
                                            help="Empty when the total is 0 or less.")
    rank: int = out("Rank in this case", "count")


@dataclasses.dataclass(frozen=True, slots=True)
class CaseLeader:
    case: str = out("Price case", "text")
    growth_pct: Decimal | None = out("Price growth a year", "pct", nullable=True,
                                     help="Empty for your own prices.")
    leader: str = out("Leader", "text")
    margin: Decimal = out("Leader's margin", "usd")


def _prices(case: dict[str, Any], today: Decimal, years: int) -> list[Decimal]:
    if case["path_pct"]:
        return price_path(today, years, path=[today * p / HUNDRED for p in case["path_pct"]])
    return price_path(today, years, growth_pct=case["growth_pct"])


def _vesting(offer: dict[str, Any], years: int) -> tuple[str, list[Decimal], list[Decimal]]:
    """What vests each year, whatever the prices: the kind of the initial grant, its units
    each year, and each year's share of a refresher granted a number of years before."""
    flat = [ONE] * years
    vesting = dict(vesting_months=offer["equity_vesting_months"],
                   interval_months=offer["equity_interval_months"])
    if offer["equity_shares"] is not None:
        kind, units = offer["equity_kind"], offer["equity_shares"]
    else:
        kind, units = "rsu", offer["equity_grant_value"] / (offer["share_price"] or ONE)
    initial = [row.units for row in grant_years(
        kind, units, prices=flat, cliff_months=offer["equity_cliff_months"], **vesting)]
    refresher = [row.units for row in grant_years(
        "rsu", ONE, prices=flat, cliff_months=offer["equity_refresher_cliff_months"], **vesting)]
    return kind, initial, refresher


def _equity(offer: dict[str, Any], prices: list[Decimal],
            vesting: tuple[str, list[Decimal], list[Decimal]],
            ) -> tuple[list[Decimal], list[Decimal], list[Decimal], list[Decimal]]:
    """Each year's equity value, its part taxed as wages, its long-term gain, and the
    ISO spread at exercise (before the reader's discount) for the AMT.

    As :func:`calculators.grants.grant_years` values each grant (the initial one, and a
    refresher of RSUs on each anniversary, bought at that day's price), with the
    vesting worked out once for every case.
    """
    kind, initial, share = vesting
    keep = _keep(offer)
    refresher = offer["equity_refresher_value"]
    value, wages, gains, spreads = [], [], [], []
    for year, price in enumerate(prices):
        spread = initial[year] * unit_value(kind, price, offer["strike_price"])
        grant = spread * keep
        rsus = ZERO
        if refresher:  # granted at the end of years 1 to ``year``, at that day's price
            for granted in range(1, year + 1):
                rsus += refresher / prices[granted - 1] * share[year - granted] * price * keep
        gain = grant if kind == "iso" else ZERO
        value.append(grant + rsus)
        wages.append(grant - gain + rsus)
        gains.append(gain)
        spreads.append(spread if kind == "iso" else ZERO)
    return value, wages, gains, spreads


def iso_at_today(offer: dict[str, Any], years: int) -> list[Decimal]:
    """Each year's ISO gain at today's share price, after the discount."""
    today = offer["share_price"] or ONE
    return _equity(offer, [today] * years, _vesting(offer, years))[2]


def _espp_gain(offer: dict[str, Any], salary: Decimal, start: Decimal, end: Decimal) -> Decimal:
    contribution = salary * pct(offer["espp_contribution_pct"])
    if not contribution:
        return ZERO
    price = purchase_price(start, end, offer["espp_discount_pct"], offer["espp_lookback"])
    shares = min(contribution / price, ESPP_CAP / start)
    return shares * (end - price)


def _payroll(home: Any) -> Decimal:
    """Social Security, Medicare and the state's payroll taxes on ``home``'s wages."""
    year_law = law(home.year)
    payroll = payroll_taxes(year_law, home)
    return (cents(payroll.social_security) + cents(payroll.medicare)
            + cents(state_payroll_tax(year_law, home)))


class OfferTaxes:
    """The taxes a year's income adds where an offer is; each answer asked once.

    ``wages`` are pay; ``ordinary`` is an ESPP's gain (income tax, no payroll tax);
    ``long_term`` an ISO's gain at a qualifying sale. On a joint return, what the
    spouse's wages owe alone is not the offer's. :meth:`amt` is the AMT an exercise adds.
    """

    def __init__(self, facts: dict[str, Any]) -> None:
        self.facts = facts
        self.known: dict[tuple[Any, ...], Decimal] = {}
        self.homes: dict[tuple[Any, ...], tuple[Any, Decimal]] = {}

    def _home(self, offer: dict[str, Any], where: str) -> tuple[Any, Decimal]:
        """The household where the offer is, and what the spouse's wages owe alone."""
        place = (where, offer["local"], offer["local_rate_pct"])
        if place not in self.homes:
            home = household({**self.facts, "state": where, "local": offer["local"],
                              "local_rate_pct": offer["local_rate_pct"]}, wages=ZERO)
            self.homes[place] = home, taxes(home).total if home.spouse_wages else ZERO
        return self.homes[place]

    def amt(self, offer: dict[str, Any], where: str, wages: Decimal, ordinary: Decimal,
            iso_spread: Decimal) -> Decimal:
        """The AMT that exercising ``iso_spread`` of ISOs adds to a year's bill."""
        home, _ = self._home(offer, where)
        return amt_added(home.replace(wages=wages + ordinary), iso_spread)

    def __call__(self, offer: dict[str, Any], where: str, wages: Decimal,
                 ordinary: Decimal = ZERO, long_term: Decimal = ZERO) -> Decimal:
        key = (where, offer["local"], offer["local_rate_pct"], wages, ordinary, long_term)
        if key not in self.known:
            home, base = self._home(offer, where)
            home = home.replace(wages=wages)
            if not long_term:  # the ESPP's income is taxed as pay, less payroll tax on it
                bill = taxes(home.replace(wages=wages + ordinary)).total
                if ordinary:
                    bill -= _payroll(home.replace(wages=wages + ordinary)) - _payroll(home)
            else:  # income tax with the sale's income; payroll tax on the wages alone
                bill = (income_tax(home, ordinary=ordinary, long_term=long_term).total
                        + _payroll(home))
            self.known[key] = bill - base
        return self.known[key]


def price_cases(*, cases: list[dict[str, Any]], offers: list[dict[str, Any]],
                names: list[str], by_year: list[Any], places: list[str | None],
                price_levels: list[Decimal | None], measure: str, tax: OfferTaxes,
                ) -> tuple[list[CaseTotal], list[CaseLeader]]:
    """Each offer's totals under each price case, and who leads in each.

    ``by_year`` is the comparison's year-by-year table: what is not equity (pay,
    the vested match, other benefits, the health cost) is taken from it as it is.
    ``measure`` is the one the comparison ranked by; ``tax`` is the comparison's own.
    """
    years = len(by_year) // len(offers)
    vesting = {name: _vesting(offer, years) for name, offer in zip(names, offers)}
    totals: list[CaseTotal] = []
    leaders: list[CaseLeader] = []
    for case in cases:
        standing = []
        for name, offer, where, level in zip(names, offers, places, price_levels):
            rows = [row for row in by_year if row.offer == name]
            today = offer["share_price"] or ONE
            prices = _prices(case, today, len(rows))
            value, wages, gains, spreads = _equity(offer, prices, vesting[name])
            pre = after = at_risk = espp_total = amt = ZERO
            for number, row in enumerate(rows):
                start = today if number == 0 else prices[number - 1]
                gain = _espp_gain(offer, row.salary, start, prices[number])
                risk = value[number] + gain
                total = row.total - row.equity + risk
                pre += total
                at_risk += risk
                espp_total += gain
                if where is not None:
                    pay = row.salary + row.bonus + row.signon + wages[number]
                    after += total - tax(offer, where, pay, gain, gains[number])
                    if spreads[number]:
                        amt += tax.amt(offer, where, pay, gain, spreads[number])
            after_total = None if where is None else after
            score = {"pre_tax": pre, "after_tax": after_total,
                     "purchasing_power": None if after_total is None or level is None
                     else after_total * HUNDRED / level}[measure]
            share = at_risk / pre * HUNDRED if pre > 0 else None
            standing.append((score, CaseTotal(
                case["name"], name, at_risk - espp_total, espp_total, pre, after_total,
                None if where is None else amt, at_risk, share, 0)))
        ranked = sorted(standing, key=lambda item: item[0], reverse=True)
        rank = {id(item[1]): position for position, item in enumerate(ranked, 1)}
        totals += [dataclasses.replace(row, rank=rank[id(row)]) for _, row in standing]
        leaders.append(CaseLeader(case["name"], None if case["path_pct"] else case["growth_pct"],
                                  ranked[0][1].offer, ranked[0][0] - ranked[1][0]))
    return totals, leaders
