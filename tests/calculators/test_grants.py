"""One grant's value year by year (calculators/grants.py), for comparing offers.

Vesting as the Holloway Guide to Equity Compensation describes a 4-year grant with a
1-year cliff (a quarter at month 12, 1/48 a month after); the tax kinds as IRS
Publication 525 describes them (RSUs and NSO spreads are wages, an ISO's spread a
long-term gain after a qualifying sale).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.grants import KINDS, grant_years, price_path, unit_value

from strategies import SETTINGS, equity_schedules

FOUR_YEARS = {"vesting_months": 48, "cliff_months": 12, "interval_months": 1}


def test_a_price_path_from_a_growth_rate_or_the_readers_own():
    assert price_path(D(10), 2) == [10, 10]
    assert price_path(D(10), 2, growth_pct=D(-50)) == [5, D("2.5")]
    assert price_path(D(10), 4, path=[D(11), D(15)]) == [11, 15, 15, 15]


def test_each_kind_of_unit():
    assert unit_value("rsu", D(30), D(10)) == 30
    assert unit_value("iso", D(30), D(10)) == unit_value("nso", D(30), D(10)) == 20
    assert unit_value("nso", D(5), D(10)) == 0
    with pytest.raises(ValueError, match="unknown kind"):
        unit_value("warrant", D(1))


def test_a_four_year_grant_vests_a_quarter_a_year_at_each_years_price():
    rows = grant_years("rsu", D(4800), prices=[D(10), D(20), D(30), D(40), D(50)],
                       **FOUR_YEARS)
    assert [(r.year, r.units, r.value) for r in rows] == [
        (1, 1200, 12000), (2, 1200, 24000), (3, 1200, 36000), (4, 1200, 48000), (5, 0, 0)]
    assert all(r.wages == r.value and r.long_term_gain == 0 for r in rows)


def test_options_are_worth_their_spread_after_the_discount():
    rows = grant_years("iso", D(4800), strike=D(15), prices=[D(10), D(20)],
                       discount_pct=D(25), **FOUR_YEARS)
    assert [r.value for r in rows] == [0, 1200 * 5 * D("0.75")]
    assert rows[1].long_term_gain == rows[1].value and rows[1].wages == 0
    nso = grant_years("nso", D(4800), strike=D(15), prices=[D(20), D(20)], **FOUR_YEARS)
    assert nso[0].wages == nso[0].value == 6000


def test_a_later_grant_vests_on_its_own_schedule():
    # A refresher made at the first anniversary has its cliff a year later.
    rows = grant_years("rsu", D(480), prices=[D(1)] * 3, granted_month=12, **FOUR_YEARS)
    assert [r.units for r in rows] == [0, 120, 120]


@SETTINGS
@given(equity_schedules, st.sampled_from(KINDS), st.integers(0, 10_000),
       st.integers(0, 100), st.integers(0, 100))
def test_a_grant_never_vests_more_than_itself_and_a_higher_price_is_worth_more(
        schedule, kind, units, price, more):
    years = schedule["vesting_months"] // 12 + 2
    low = grant_years(kind, D(units), strike=D(20), prices=[D(price)] * years, **schedule)
    high = grant_years(kind, D(units), strike=D(20), prices=[D(price + more)] * years,
                       **schedule)
    assert abs(sum(r.units for r in low) - units) < D("1e-20")  # divisions round
    assert all(h.value >= l.value >= 0 for h, l in zip(high, low))
