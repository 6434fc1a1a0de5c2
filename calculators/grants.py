"""What one equity grant may be worth, year by year: RSUs, ISOs or NSOs.

The building blocks a comparison of offers values each grant with (no calculator of
its own):

* :func:`price_path`: the share price at the end of each year, from the reader's own
  prices or from today's price and a growth rate a year (a low, base or high case);
* :func:`grant_years`: for each year, the units that vest in it (the vesting rules of
  :mod:`calculators.equity`), the price they are valued at, what they are worth and
  which part is taxed as wages when realised.

Conventions:

* Year ``y`` covers months ``12(y-1)+1`` to ``12y`` after the offer starts. A grant
  made ``granted_month`` months after the start vests on its own schedule from then.
  Everything that vests in a year is valued at that year's price (its end).
* A restricted stock unit is worth the share price; an option is worth the price less
  its strike price, never less than 0 (options under water are not exercised).
* ``discount_pct`` is the reader's discount for a private company (the risk that its
  shares are never sold at that price): every value is cut by it.
* All equity is at-risk pay: it vests only while you stay and is worth only what the
  shares are worth.
* Tax: RSUs are wages when they vest; an NSO's spread is wages when it is exercised;
  an ISO's spread is no regular income at exercise (the AMT may apply) and is a
  long-term capital gain after a qualifying sale (IRS Publication 525). ``wages`` and
  ``long_term_gain`` say which is which, valued as above.

A worked story: 4,800 RSUs at $25 today, vesting monthly over 4 years after a 1-year
cliff, with the price growing 10% a year: year 1's 1,200 units are valued at $27.50,
year 2's at $30.25. The same grant as options with a $20 strike is worth $7.50 and
$10.25 a unit in those years.

>>> from decimal import Decimal as D
>>> prices = price_path(D(25), 4, growth_pct=D(10))
>>> [float(p) for p in prices]
[27.5, 30.25, 33.275, 36.6025]
>>> rows = grant_years("rsu", D(4800), prices=prices, vesting_months=48, cliff_months=12,
...                    interval_months=1)
>>> [(r.year, float(r.units), float(r.value)) for r in rows[:2]]
[(1, 1200.0, 33000.0), (2, 1200.0, 36300.0)]
>>> [float(r.value) for r in grant_years("iso", D(4800), strike=D(20), prices=prices,
...     vesting_months=48, cliff_months=12, interval_months=1, discount_pct=D(50))][:2]
[4500.0, 6150.0]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from .equity import fraction_vested, vesting_events
from .money import HUNDRED, ONE, ZERO, pct

__all__ = ["KINDS", "GrantYear", "grant_years", "price_path", "unit_value"]

KINDS = ("rsu", "iso", "nso")


@dataclasses.dataclass(frozen=True, slots=True)
class GrantYear:
    """One year of one grant."""

    year: int
    units: Decimal  # units vesting in the year (shares, or options)
    price: Decimal  # the share price they are valued at
    value: Decimal  # what they are worth, after the discount
    wages: Decimal  # the part of ``value`` taxed as wages (RSU at vest, NSO at exercise)
    long_term_gain: Decimal  # the part taxed as a long-term gain (ISO, qualifying sale)


def unit_value(kind: str, price: Decimal, strike: Decimal = ZERO) -> Decimal:
    """What one unit is worth at ``price``: the share, or the option's spread (never < 0)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of grant {kind!r}; expected one of {KINDS}")
    if kind == "rsu":
        return price
    return max(ZERO, price - strike)


def price_path(price: Decimal, years: int, *, growth_pct: Decimal | None = None,
               path: Sequence[Decimal] | None = None) -> list[Decimal]:
    """The share price at the end of each of ``years`` years.

    With ``path`` (the reader's own prices, year 1 first) its prices are used and the
    last one held for later years; otherwise ``price`` grows by ``growth_pct`` a year
    (0 if not given; negative for a falling price).

    >>> [float(p) for p in price_path(Decimal(10), 3, path=[Decimal(12)])]
    [12.0, 12.0, 12.0]
    """
    if path:
        return [Decimal(path[min(year, len(path)) - 1]) for year in range(1, years + 1)]
    rate = ONE + (growth_pct or ZERO) / HUNDRED
    return [price * rate ** year for year in range(1, years + 1)]


def grant_years(kind: str, units: Decimal, *, prices: Sequence[Decimal],
                vesting_months: int, cliff_months: int, interval_months: int,
                strike: Decimal = ZERO, granted_month: int = 0,
                discount_pct: Decimal = ZERO) -> list[GrantYear]:
    """Year by year (one row for each price in ``prices``), what the grant vests and is worth."""
    events = vesting_events(vesting_months, cliff_months, interval_months)
    keep = ONE - pct(discount_pct)
    rows = []
    for year, price in enumerate(prices, start=1):
        vested = (fraction_vested(events, 12 * year - granted_month)
                  - fraction_vested(events, 12 * (year - 1) - granted_month))
        count = units * vested
        value = count * unit_value(kind, price, strike) * keep
        rows.append(GrantYear(year=year, units=count, price=price, value=value,
                              wages=value if kind != "iso" else ZERO,
                              long_term_gain=value if kind == "iso" else ZERO))
    return rows
