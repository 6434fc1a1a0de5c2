"""RSU taxes at vest: withholding at the supplemental rate against the real tax.

Sources: IRS Publication 15 (2026), section 7, Supplemental Wages ("withhold a flat
22%"; above $1 million in a year "the excess is subject to withholding at 37%");
IRS Publication 525 (RSUs are wages when they vest); 2026 brackets from IRS Rev.
Proc. 2025-32, section 4.01; the Social Security wage base $184,500 (SSA).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.api import run
from calculators.errors import CalculatorError
from calculators.report import render
from calculators.rsu import supplemental_withholding
from calculators.tax import law

from strategies import SETTINGS

RULES = law(2026)["federal"]["supplemental_withholding"]


def rsu(**inputs):
    return run("rsu_taxes", {"state": "TX", **inputs})


def test_the_2026_rates_are_publication_15():
    assert (RULES["rate_pct"], RULES["mandatory_rate_pct"], RULES["mandatory_over"]) == (
        22, 37, 1000000)
    assert "Publication 15 (2026)" in RULES["source"]


def test_the_april_gap_above_the_22_percent_bracket():
    # $180,000 single: taxable $163,900. $60,000 more: 24% to $201,775 ($9,090), 32%
    # on the other $22,125 ($7,080): $16,170, against $13,200 withheld.
    r = rsu(shares=400, share_price=150, salary=180000)
    assert (r["federal_withheld"], r["federal_tax_owed"], r["federal_gap"]) == (
        13200, 16170, 2970)
    assert r["withholding_rate_pct"] == 22 and r["federal_rate_pct"] == 26.95
    # Social Security on the $4,500 left below the wage base, Medicare with 0.9% above
    # $200,000: 279 + 870 + 360.
    assert r["payroll_tax"] == 1509
    assert r["total_tax"] == 16170 + 1509 and r["kept"] == 60000 - 17679
    assert "still owed in April" in r["summary"]


def test_a_refund_when_the_real_rate_is_below_22_percent():
    # $40,000 single: $10,000 of RSUs taxed at 12%: $1,200 owed, $2,200 withheld.
    r = rsu(shares=100, share_price=100, salary=40000)
    assert r["federal_tax_owed"] == 1200 and r["federal_gap"] == -1000
    assert "comes back as a refund" in r["summary"]


def test_exactly_22_percent_leaves_no_gap():
    # $80,000 single: taxable $63,900; $10,000 more stays in the 22% bracket.
    r = rsu(shares=100, share_price=100, salary=80000)
    assert r["federal_gap"] == 0 and r["summary"].endswith("of them).")


def test_37_percent_above_a_million_of_supplemental_wages():
    assert supplemental_withholding(RULES, D(1500000)) == 220000 + 185000
    # A $300,000 bonus earlier in the year uses up part of the first $1 million.
    assert supplemental_withholding(RULES, D(1000000), D(300000)) == (
        D("0.22") * 700000 + D("0.37") * 300000)
    r = rsu(shares=10000, share_price=150, salary=500000, other_supplemental=0)
    assert r["federal_withheld"] == 405000


def test_state_income_tax_counts_where_there_is_one():
    r = run("rsu_taxes", {"shares": 100, "share_price": 100, "salary": 100000, "state": "IL"})
    assert r["state_tax_owed"] == 495


def test_no_shares_no_tax():
    r = rsu(shares=0, share_price=100, salary=100000)
    assert r["vest_income"] == r["total_tax"] == r["federal_rate_pct"] == 0


@pytest.mark.parametrize(("inputs", "field"), [
    ({"shares": -1, "share_price": 1, "salary": 1}, "shares"),
    ({"shares": 1, "salary": 1}, "share_price"),
    ({"shares": 1, "share_price": 1}, "salary"),
    ({"shares": 1, "share_price": 1, "salary": 1, "state": "ZZ"}, "state"),
    ({"shares": 1, "share_price": 1, "salary": 1, "other_supplemental": -1},
     "other_supplemental"),
])
def test_bad_inputs_name_their_field(inputs, field):
    with pytest.raises(CalculatorError) as caught:
        rsu(**inputs)
    assert caught.value.field == field


def test_the_page_draws_withholding_against_the_tax():
    html = render("rsu_taxes", rsu(shares=400, share_price=150, salary=180000))
    assert html.count("<svg") == 1 and "Federal tax withheld" in html


@SETTINGS
@given(st.integers(0, 20_000), st.integers(1, 1000), st.integers(0, 2_000_000))
def test_withholding_is_22_to_37_percent_and_the_gap_is_what_it_misses(shares, price, salary):
    r = rsu(shares=shares, share_price=price, salary=salary)
    income = shares * price
    assert 0.22 * income - 0.01 <= r["federal_withheld"] <= 0.37 * income + 0.01
    assert abs(r["federal_gap"] - (r["federal_tax_owed"] - r["federal_withheld"])) <= 0.011
    assert r["federal_tax_owed"] <= 0.37 * income + 0.01
