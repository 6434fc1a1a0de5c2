"""Tax on selling shares (calculators/tax/gains.py): ordinary income, short and long gains.

Figures: IRS Rev. Proc. 2025-32, section 4.03 (2026: the 0% rate up to $49,450 of
taxable income single, $98,900 joint, $66,200 head of household; 15% up to
$545,500 / $613,700 / $579,600; 20% above), the Qualified Dividends and Capital Gain
Tax Worksheet (the gain stacked on top of ordinary income), IRC 1411 (3.8% above
$200,000 / $250,000), IRC 1211(b) (a net loss offsets $3,000 of other income).
"""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.tax import Household, law, taxes
from calculators.tax.gains import gain_tax, income_tax, sale_tax

SETTINGS = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
RULES = law(2026)["federal"]


def home(wages, state="TX", status="single", **extra):
    return Household(wages=D(wages), state=state, filing_status=status, **extra)


def test_the_2026_breakpoints_are_rev_proc_2025_32():
    gains = RULES["capital_gains"]
    assert gains["zero_rate_up_to"] == {"single": 49450, "married_joint": 98900,
                                        "head_of_household": 66200}
    assert gains["fifteen_rate_up_to"] == {"single": 545500, "married_joint": 613700,
                                           "head_of_household": 579600}
    assert "4.03" in gains["source"]


def test_a_gain_inside_the_zero_band_owes_nothing():
    # 40,000 wages: taxable 23,900 + 20,000 gain = 43,900, under 49,450.
    assert sale_tax(home(40000), long_term=D(20000)).total == 0


def test_a_gain_straddling_the_zero_band():
    # Taxable 43,900 of wages + 10,000 gain: 5,550 at 0%, 4,450 at 15% = 667.50.
    assert sale_tax(home(60000), long_term=D(10000)).federal_income_tax == D("667.50")


def test_a_gain_on_top_of_a_high_salary_owes_20_percent_and_the_niit():
    extra = sale_tax(home(600000), long_term=D(100000))
    assert extra.federal_income_tax == 20000
    assert extra.net_investment_income_tax == 3800


def test_the_niit_only_on_agi_above_the_threshold():
    # 190,000 wages + 20,000 gain: modified AGI 210,000, 10,000 above 200,000.
    assert sale_tax(home(190000), long_term=D(20000)).net_investment_income_tax == 380


def test_a_gain_larger_than_taxable_income():
    # No wages: taxable income 3,900, all of it gain, inside the 0% band.
    assert sale_tax(home(0), long_term=D(20000)).total == 0


def test_short_term_gains_and_ordinary_income_are_taxed_as_ordinary_income():
    ordinary = sale_tax(home(100000), ordinary=D(10000)).total
    short = sale_tax(home(100000), short_term=D(10000)).total
    assert ordinary == short == D("2200.00")


def test_a_loss_offsets_3000_of_other_income():
    assert sale_tax(home(100000), short_term=D(-10000)).total == D("-660.00")
    assert sale_tax(home(100000), long_term=D(-1000)).total == D("-220.00")


def test_a_short_loss_nets_against_a_long_gain_first():
    # 5,000 long-term gain less a 2,000 short-term loss: 3,000 net long-term, at 15%.
    assert sale_tax(home(100000), short_term=D(-2000), long_term=D(5000)).total == 450


def test_the_state_taxes_gains_as_income():
    assert sale_tax(home(100000, "IL"), long_term=D(10000)).state_income_tax == D("495.00")


def test_without_a_sale_the_bill_is_the_engines():
    for household in (home(150000, "IL", dependents=2),
                      home(30000, status="head_of_household", dependents=3),
                      home(250000, status="married_joint", spouse_wages=D(50000))):
        bill = taxes(household)
        mine = income_tax(household)
        assert mine.federal_income_tax == bill.federal_income_tax
        assert mine.state_income_tax == bill.state_income_tax + bill.local_income_tax
        assert mine.net_investment_income_tax == 0


@SETTINGS
@given(taxable=st.integers(0, 2_000_000), gain=st.integers(0, 2_000_000),
       status=st.sampled_from(["single", "married_joint", "head_of_household"]))
def test_a_long_term_gain_never_owes_more_than_ordinary_income(taxable, gain, status):
    ordinary = gain_tax(RULES, status, D(taxable), D(0))
    preferred = gain_tax(RULES, status, D(taxable), D(gain))
    assert 0 <= preferred <= ordinary


@SETTINGS
@given(wages=st.integers(0, 1_000_000), gain=st.integers(0, 1_000_000),
       more=st.integers(0, 100_000))
def test_more_gain_never_owes_less(wages, gain, more):
    less = sale_tax(home(wages), long_term=D(gain)).total
    assert sale_tax(home(wages), long_term=D(gain + more)).total >= less >= 0


def test_an_itemizer_in_california():
    # The engine itemizes California's tax; the gain is stacked on that return, at 20%
    # above $545,500 of taxable income, and California taxes it as income.
    household = home(600000, "CA")
    extra = sale_tax(household, long_term=D(100000))
    state = (taxes(household.replace(wages=D(700000))).state_income_tax
             - taxes(household).state_income_tax)
    assert extra.state_income_tax == state
    assert extra.net_investment_income_tax == 3800
    assert D("15000") <= extra.federal_income_tax <= D("20000")


def test_gains_are_not_earned_income_for_the_refundable_child_credit():
    # $10,000 of wages and two children: the refundable credit is 15% of the $7,500
    # of earnings above $2,500, $1,125, whatever the gain.
    household = home(10000, dependents=2)
    assert sale_tax(household, short_term=D(5000)).federal_income_tax == 0
