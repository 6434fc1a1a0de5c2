"""What an employee stock purchase plan is worth: the discount, the cap, and the tax.

Conventions:

* The purchase price is the market price on the purchase date less the discount, or
  with a lookback, the lower of the price at the start of the offering and on the
  purchase date, less the discount (a section 423 plan may discount at most 15%:
  IRC 423(b)(6)).
* The section 423 cap: the shares you may buy in a calendar year, valued at the
  offering price, are worth at most ``annual_limit`` ($25,000: IRC 423(b)(8)). What
  the cap leaves unspent is refunded. With several purchases in a year, each with
  the same contribution and prices, they share the year's cap in turn ("the limit
  is applied per calendar year, not per purchase", NASPP). Shares are fractional;
  plans that buy whole shares carry the remainder to the next purchase instead.
* The return is the gain on the purchase date over what the shares cost:
  market price / purchase price - 1. Without a lookback and with a price that does
  not move it is exactly discount / (1 - discount): 17.65% for 15%.
* The contribution for one purchase is yours, or your salary x ``contribution_pct``
  spread evenly over the year's purchases.
* Tax, with your state (the shares the year's purchases bought, sold at
  ``sale_price``, in the same year as your salary): a **disqualifying** sale (within
  two years of the offering or one year of the purchase) makes the discount at
  purchase (market price - purchase price) ordinary income and the rest a short-term
  gain; a **qualifying** sale makes ordinary income only of the lesser of the
  discount on the offering price and the actual gain, and the rest a long-term gain.
  Ordinary income from an ESPP is not wages for Social Security and Medicare.
  Sources: IRS Publication 525, "Employee Stock Purchase Plan"; IRC 421(b), 423(c),
  3121(a)(22).

A worked story: Ana contributes $8,500 over a two-year offering with a 15% discount
and a lookback. The shares were $10 when it started and are $20 on the purchase
date, so she pays 85% of $10: $8.50 a share, for 1,000 shares worth $20,000 the day
she buys them ("a discount of $11.50 off of the market price", Stock Option Counsel
on Cisco's plan).

>>> from calculators.api import run
>>> r = run("espp", {"contribution": 8500, "offering_price": 10, "purchase_price_market": 20})
>>> r["purchase_price"], r["shares"], r["market_value"], r["gain"], round(r["return_pct"], 2)
(8.5, 1000.0, 20000.0, 11500.0, 135.29)

The cap: at $10 on the offering date no one may buy more than 2,500 shares in the
year (NASPP, "How Do You Calculate the ESPP $25,000 Limit?"), so $25,000 buys 2,500
shares for $21,250 and $3,750 comes back.

>>> r = run("espp", {"contribution": 25000, "offering_price": 10, "purchase_price_market": 12})
>>> r["shares"], r["cost"], r["refund"]
(2500.0, 21250.0, 3750.0)
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .errors import CalculatorError
from .fields import boolean, integer, percent, usd
from .money import HUNDRED, ONE, ZERO, format_usd, pct, quantize
from .spec import Calculator, out
from .tax import gains
from .taxfacts import household, tax_facts

__all__ = ["Espp", "Purchase", "espp", "purchase_price", "CALCULATOR"]


def _positive(field: Any) -> Any:
    """A price: a dollar amount of at least a cent, since shares are bought with it."""
    return dataclasses.replace(field, min=0.01)


INPUTS = (
    usd("contribution", "Contribution per purchase",
        "What you put in over one purchase period; empty to work it out from your "
        "salary and contribution percent.", default=None, nullable=True),
    _positive(usd("offering_price", "Price at the offering date",
                  "The share price on the first day of the offering period.")),
    _positive(usd("purchase_price_market", "Price on the purchase date",
                  "The share price on the day the plan buys your shares.")),
    percent("discount_pct", "Discount", "The plan's discount; a section 423 plan may "
            "discount at most 15%.", max=15, default=15),
    boolean("lookback", "Lookback", "The discount applies to the lower of the two prices.",
            default=True),
    usd("annual_limit", "Yearly cap", "The most stock, valued at the offering price, you "
        "may buy in a calendar year under section 423.", default=25000),
    usd("salary", "Salary", "Your wages a year: the base for a contribution percent, and "
        "for the tax on a sale.", default=0),
    percent("contribution_pct", "Contribution percent", "The share of your salary you put "
            "in, when the contribution is empty.", default=None, nullable=True),
    integer("purchase_periods", "Purchases a year", "count",
            "How many purchase dates fall in a calendar year: 2 for six-month periods, "
            "4 for quarterly.", min=1, max=12, default=1),
    usd("sale_price", "Sale price", "The share price you sell at; empty for the price on "
        "the purchase date.", default=None, nullable=True),
    *tax_facts(state_required=False),
)


@dataclasses.dataclass(frozen=True, slots=True)
class Purchase:
    purchase: int = out("Purchase", "count")
    contribution: Decimal = out("Contribution", "usd")
    shares: Decimal = out("Shares", "count", places=4)
    cost: Decimal = out("Cost", "usd")
    refund: Decimal = out("Refunded", "usd")
    market_value: Decimal = out("Worth", "usd", help="On the purchase date.")
    cap_left: Decimal = out("Cap left", "usd",
                            help="What is left of the year's cap, at the offering price.")


@dataclasses.dataclass(frozen=True, slots=True)
class Espp:
    summary: str = out("In a sentence", "text")
    purchase_price: Decimal = out("Purchase price a share", "usd", places=4)
    shares: Decimal = out("Shares bought at one purchase", "count", places=4)
    cost: Decimal = out("What the shares cost you", "usd")
    refund: Decimal = out("Refunded", "usd", help="Contribution the yearly cap left unspent.")
    market_value: Decimal = out("Worth on the purchase date", "usd")
    gain: Decimal = out("Gain on the purchase date", "usd")
    return_pct: Decimal = out("Return on what you paid", "pct")
    contribution: Decimal = out("Contribution per purchase", "usd")
    year_contribution: Decimal = out("Contributions in a year", "usd")
    year_shares: Decimal = out("Shares bought in a year", "count", places=4)
    year_cost: Decimal = out("Cost in a year", "usd")
    year_refund: Decimal = out("Refunded in a year", "usd")
    year_gain: Decimal = out("Gain in a year, on the purchase dates", "usd")
    sale_price: Decimal = out("Sale price a share", "usd", places=4)
    disqualifying_ordinary_income: Decimal | None = out(
        "Sold within the holding periods: ordinary income", "usd", nullable=True,
        help="The discount at purchase, taxed as pay. Empty without a state.")
    disqualifying_capital_gain: Decimal | None = out(
        "Sold within the holding periods: capital gain", "usd", nullable=True,
        help="Short-term if held a year or less.")
    disqualifying_tax: Decimal | None = out("Sold within the holding periods: tax", "usd",
                                            nullable=True)
    qualifying_ordinary_income: Decimal | None = out(
        "Qualifying sale: ordinary income", "usd", nullable=True,
        help="Held 2 years from the offering and 1 from the purchase.")
    qualifying_capital_gain: Decimal | None = out("Qualifying sale: long-term gain", "usd",
                                                  nullable=True)
    qualifying_tax: Decimal | None = out("Qualifying sale: tax", "usd", nullable=True)
    qualifying_saves: Decimal | None = out("A qualifying sale saves", "usd", nullable=True,
                                           help="At the same sale price.")
    disqualifying_kept: Decimal | None = out("Kept after tax, sold within the holding periods",
                                             "usd", nullable=True,
                                             help="Sale proceeds less cost and tax.")
    qualifying_kept: Decimal | None = out("Kept after tax, qualifying sale", "usd",
                                          nullable=True)
    purchases: list[Purchase] = out("Each purchase in a year", "table", row=Purchase)


def purchase_price(offering_price: Decimal, market_price: Decimal, discount_pct: Decimal,
                   lookback: bool) -> Decimal:
    """What the plan charges a share: the discount on the market price, or on the lower
    of the two prices with a lookback."""
    base = min(offering_price, market_price) if lookback else market_price
    return base * (ONE - pct(discount_pct))


def _contribution(contribution: Decimal | None, salary: Decimal, contribution_pct: Decimal | None,
                  periods: int) -> Decimal:
    if contribution is not None:
        return contribution
    if contribution_pct is None:
        raise CalculatorError("contribution", "required: what you put in for one purchase, "
                              "or your salary and contribution_pct")
    return salary * pct(contribution_pct) / periods


def espp(*, contribution: Decimal | None, offering_price: Decimal,
         purchase_price_market: Decimal, discount_pct: Decimal, lookback: bool,
         annual_limit: Decimal, salary: Decimal, contribution_pct: Decimal | None,
         purchase_periods: int, sale_price: Decimal | None, **facts: Any) -> Espp:
    each = _contribution(contribution, salary, contribution_pct, purchase_periods)
    price = purchase_price(offering_price, purchase_price_market, discount_pct, lookback)
    cap_shares = annual_limit / offering_price
    rows = []
    for number in range(1, purchase_periods + 1):
        shares = min(each / price, cap_shares)
        cap_shares -= shares
        rows.append(Purchase(number, each, shares, shares * price, each - shares * price,
                             shares * purchase_price_market, cap_shares * offering_price))
    first = rows[0]
    year_shares = sum((row.shares for row in rows), ZERO)
    year_cost = year_shares * price
    sell = purchase_price_market if sale_price is None else sale_price
    taxes = _sale_taxes(facts, salary, year_shares, year_cost, offering_price,
                        purchase_price_market, discount_pct, price, sell)
    return Espp(
        summary=_summary(first, price, rows, purchase_price_market, taxes),
        purchase_price=price,
        shares=first.shares,
        cost=first.cost,
        refund=first.refund,
        market_value=first.market_value,
        gain=first.market_value - first.cost,
        return_pct=(purchase_price_market - price) / price * HUNDRED,
        contribution=each,
        year_contribution=each * purchase_periods,
        year_shares=year_shares,
        year_cost=year_cost,
        year_refund=sum((row.refund for row in rows), ZERO),
        year_gain=year_shares * purchase_price_market - year_cost,
        sale_price=sell,
        **taxes,
        purchases=rows,
    )


def _sale_taxes(facts: dict[str, Any], salary: Decimal, shares: Decimal, cost: Decimal,
                offering_price: Decimal, market_price: Decimal, discount_pct: Decimal,
                price: Decimal, sell: Decimal) -> dict[str, Decimal | None]:
    """The two ways to sell the year's shares, each with the tax it adds (Publication 525)."""
    names = ("disqualifying_ordinary_income", "disqualifying_capital_gain", "disqualifying_tax",
             "qualifying_ordinary_income", "qualifying_capital_gain", "qualifying_tax",
             "qualifying_saves", "disqualifying_kept", "qualifying_kept")
    if facts["state"] is None:
        return dict.fromkeys(names, None)
    home = household(facts, wages=salary)
    proceeds = shares * sell
    early_ordinary = shares * (market_price - price)
    early_gain = proceeds - shares * market_price
    early_tax = gains.sale_tax(home, ordinary=early_ordinary, short_term=early_gain).total
    held_ordinary = shares * min(offering_price * pct(discount_pct), max(ZERO, sell - price))
    held_gain = proceeds - cost - held_ordinary
    held_tax = gains.sale_tax(home, ordinary=held_ordinary, long_term=held_gain).total
    values = (early_ordinary, early_gain, early_tax, held_ordinary, held_gain, held_tax,
              early_tax - held_tax, proceeds - cost - early_tax, proceeds - cost - held_tax)
    return dict(zip(names, values))


def _count(shares: Decimal) -> str:
    """``1,000`` or ``441.18``: shares for a sentence."""
    return f"{quantize(shares, 2).normalize():,f}"


def _summary(first: Purchase, price: Decimal, rows: list[Purchase], market: Decimal,
             taxes: dict[str, Decimal | None]) -> str:
    shares = sum((row.shares for row in rows), ZERO)
    cost = shares * price
    worth = shares * market
    refund = sum((row.refund for row in rows), ZERO)
    what = "The purchase buys" if len(rows) == 1 else f"The year's {len(rows)} purchases buy"
    text = (f"Each {format_usd(first.contribution)} contribution buys shares at "
            f"{format_usd(price)}. {what} {_count(shares)} shares "
            f"for {format_usd(cost)}, worth {format_usd(worth)} on the purchase date: a gain "
            f"of {format_usd(worth - cost)}")
    if refund:
        text += f"; the yearly cap refunds {format_usd(refund)}"
    text += "."
    if taxes["disqualifying_tax"] is not None:
        text += (f" Selling them within the holding periods adds "
                 f"{format_usd(taxes['disqualifying_tax'])} of tax; a qualifying sale at "
                 f"the same price adds {format_usd(taxes['qualifying_tax'])}.")
    return text


CALCULATOR = Calculator(
    name="espp",
    title="Employee stock purchase plan",
    summary="What an ESPP's discount is worth: the purchase price with or without a "
            "lookback, the $25,000 yearly cap and its refund, the return on what you "
            "pay, and the tax on selling early or after the holding periods.",
    notes=(
        "The discount applies to the purchase-date price, or with a lookback to the "
        "lower of the offering-date and purchase-date prices.",
        "Section 423 caps the stock you buy in a calendar year at $25,000, valued at "
        "the offering price; the rest of your contribution is refunded.",
        "A qualifying sale (2 years after the offering and 1 after the purchase) taxes "
        "less of the gain as pay; the comparison assumes the same sale price and tax year.",
        "Ordinary income from an ESPP sale owes no Social Security or Medicare tax; "
        "state minimum taxes and plan limits on shares are not counted.",
    ),
    inputs=INPUTS,
    result=Espp,
    function=espp,
    example={"salary": 200000, "contribution_pct": 15, "purchase_periods": 2,
             "offering_price": 40, "purchase_price_market": 50, "discount_pct": 15,
             "lookback": True, "state": "WA", "filing_status": "single"},
)
