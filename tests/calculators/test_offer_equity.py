"""What a grant may be worth in a comparison of offers (calculators/offer_equity.py).

RSUs, ISOs and NSOs under low / base / high share price cases, a private company's
discount, and an ESPP; each total marks its equity as at-risk pay. Tax kinds as IRS
Publication 525 describes them: RSUs and NSO spreads are wages; an ISO's spread is a
long-term gain after a qualifying sale; an ESPP's discount sold at purchase is ordinary
income that owes no Social Security or Medicare tax.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.api import run
from calculators.errors import CalculatorError

from strategies import SETTINGS

FLAT = [{"name": "Flat", "growth_pct": 0}]
ONE_YEAR = {"equity_vesting_months": 12, "equity_cliff_months": 12}


def compare(offers, **more):
    return run("offer_comparison", {"offers": offers, **more})


def case_rows(result, case):
    return {row["offer"]: row for row in result["by_price_case"] if row["case"] == case}


def test_default_cases_are_low_base_high_and_a_dollar_grant_is_unchanged_in_the_base_case():
    r = compare([{"name": "A", "base_salary": 100000, "equity_grant_value": 48000},
                 {"name": "B", "base_salary": 100000}], years=1)
    assert [(c["case"], c["growth_pct"]) for c in r["price_case_leaders"]] == [
        ("Low", -20), ("Base", 0), ("High", 15)]
    main = {row["offer"]: row for row in r["offers"]}
    assert main["A"]["total"] == 112000 and main["A"]["at_risk"] == 12000
    assert main["B"]["at_risk"] == 0
    assert case_rows(r, "Base")["A"]["total"] == 112000
    assert case_rows(r, "Low")["A"]["equity"] == 9600  # 12,000 at 80% of today's price
    assert case_rows(r, "High")["A"]["equity"] == 13800
    assert case_rows(r, "High")["A"]["at_risk_share_pct"] == pytest.approx(13800 / 1138)


def test_shares_at_todays_price_the_discount_and_refreshers_bought_at_their_price():
    offer = {"name": "A", "base_salary": 0, "equity_shares": 4800, "share_price": 25,
             "private_discount_pct": 50, "equity_refresher_value": 10000}
    r = compare([offer, {"name": "B", "base_salary": 0}], years=2,
                price_cases=[{"name": "Up", "growth_pct": 100}])
    # The grant: 1,200 shares a year at $50 then $100, halved; the refresher granted at
    # the end of year 1 (400 shares at $25 x 2 = $50) vests monthly from then (no cliff):
    # a quarter in year 2, at $100, halved.
    assert case_rows(r, "Up")["A"]["equity"] == 1200 * 50 / 2 + 1200 * 100 / 2 + 50 * 100 / 2
    assert r["offers"][0]["at_risk"] == (1200 * 25 + 1200 * 25 + 2500) / 2


def test_an_iso_below_water_is_worth_nothing_in_every_case():
    r = compare([{"name": "A", "base_salary": 100000, "equity_kind": "iso",
                  "equity_shares": 10000, "strike_price": 10, "share_price": 5},
                 {"name": "B", "base_salary": 100000}], years=4)
    # Even the high case ($5 x 1.15^4 = $8.75) stays below the $10 strike.
    assert all(row["equity"] == row["at_risk"] == 0 for row in r["by_price_case"])
    low = case_rows(r, "Low")
    assert low["A"]["equity"] == 0 and low["A"]["total"] == low["B"]["total"]
    assert r["offers"][0]["at_risk"] == 0


def test_iso_gain_is_a_long_term_gain_and_an_nso_spread_is_wages():
    # Texas, single: $100,000 of wages owe $20,820; a $10,000 long-term gain on top owes
    # 15% ($1,500) and as wages it would owe 22% and 7.65% more ($2,965).
    grant = {"equity_shares": 1000, "strike_price": 10, "share_price": 10, **ONE_YEAR}
    r = compare([{"name": "ISO", "base_salary": 100000, "equity_kind": "iso", **grant},
                 {"name": "NSO", "base_salary": 100000, "equity_kind": "nso", **grant},
                 {"name": "Cash", "base_salary": 100000}],
                years=1, state="TX", price_cases=[{"name": "Double", "path_pct": [200]}])
    rows = case_rows(r, "Double")
    assert rows["ISO"]["total"] == rows["NSO"]["total"] == 110000
    assert rows["Cash"]["after_tax_total"] == 100000 - 20820
    assert rows["ISO"]["after_tax_total"] == 110000 - 20820 - 1500
    assert rows["NSO"]["after_tax_total"] == 110000 - 20820 - 2965
    assert [row["rank"] for row in rows.values()] == [1, 2, 3]
    assert r["price_case_leaders"] == [
        {"case": "Double", "growth_pct": None, "leader": "ISO", "margin": 1465}]
    assert r["offers"][0]["at_risk"] == 0  # at today's price the options have no spread


def test_the_amt_at_exercise_is_reported_beside_the_total_not_taken_from_it():
    # Form 6251 worked through in calculators/tax/amt.py: single, $150,000 of wages and
    # $100,000 of ISO spread at exercise owe $16,840 of AMT. Here 10,000 ISOs at a $10
    # strike vest in year 1, when the share price doubles to $20.
    grant = {"equity_shares": 10000, "strike_price": 10, "share_price": 10, **ONE_YEAR}
    r = compare([{"name": "ISO", "base_salary": 150000, "equity_kind": "iso", **grant},
                 {"name": "NSO", "base_salary": 150000, "equity_kind": "nso", **grant},
                 {"name": "Cash", "base_salary": 150000}],
                years=1, state="TX", price_cases=[{"name": "Double", "path_pct": [200]}])
    rows = case_rows(r, "Double")
    assert rows["ISO"]["amt_at_exercise"] == 16840
    assert rows["NSO"]["amt_at_exercise"] == rows["Cash"]["amt_at_exercise"] == 0
    # The total is the qualifying sale's: the cash offer's taxes plus the gain's.
    cash_tax = 150000 - rows["Cash"]["after_tax_total"]
    iso_tax = 250000 - rows["ISO"]["after_tax_total"]
    assert 0 < iso_tax - cash_tax <= 0.2 * 100000
    # A private company's discount cuts the value, not the AMT: it is owed on the
    # shares' value at exercise.
    private = compare([{"name": "ISO", "base_salary": 150000, "equity_kind": "iso",
                        "private_discount_pct": 50, **grant},
                       {"name": "Cash", "base_salary": 150000}],
                      years=1, state="TX", price_cases=[{"name": "Double", "path_pct": [200]}])
    assert case_rows(private, "Double")["ISO"]["amt_at_exercise"] == 16840
    assert case_rows(private, "Double")["ISO"]["equity"] == 50000
    # Without a state the taxes are unknown, the AMT too.
    untaxed = compare([{"name": "ISO", "base_salary": 150000, "equity_kind": "iso", **grant},
                       {"name": "Cash", "base_salary": 150000}],
                      years=1, price_cases=[{"name": "Double", "path_pct": [200]}])
    assert case_rows(untaxed, "Double")["ISO"]["amt_at_exercise"] is None


def test_the_yearly_table_taxes_isos_as_the_base_case_does():
    # Options with a spread today: the year-by-year table (at today's price) and a case
    # at today's price tax the same gain the same way, a long-term gain, not wages.
    iso = {"name": "ISO", "base_salary": 120000, "equity_kind": "iso",
           "equity_shares": 8000, "strike_price": 5, "share_price": 15,
           "equity_refresher_value": 10000}
    r = compare([iso, {**iso, "name": "NSO", "equity_kind": "nso"}], years=4, state="CA",
                price_cases=[{"name": "Today", "growth_pct": 0}])
    main = {row["offer"]: row for row in r["offers"]}
    today = case_rows(r, "Today")
    for name in ("ISO", "NSO"):
        assert today[name]["after_tax_total"] == pytest.approx(main[name]["after_tax_total"],
                                                               abs=0.05)
    assert main["ISO"]["total"] == main["NSO"]["total"]
    assert main["ISO"]["after_tax_total"] > main["NSO"]["after_tax_total"]


def test_an_espp_gain_is_ordinary_income_without_payroll_tax():
    # 10% of $100,000 buys at 85% of the price: a gain of 15/85 of $10,000, $1,764.71,
    # taxed at 22% federal only: $388.24.
    espp = {"espp_contribution_pct": 10, "espp_discount_pct": 15}
    r = compare([{"name": "A", "base_salary": 100000, **espp},
                 {"name": "B", "base_salary": 100000}], years=1, state="TX",
                price_cases=FLAT)
    a = case_rows(r, "Flat")["A"]
    assert a["espp_gain"] == pytest.approx(1764.71, abs=0.01)
    assert a["at_risk"] == a["espp_gain"] and a["equity"] == 0
    assert a["after_tax_total"] == pytest.approx(100000 + 1764.71 - 20820 - 388.24, abs=0.02)


def test_the_lookback_and_the_cap():
    # With a lookback, a price that rises 50% buys at 85% of the start: the gain is
    # (1.5 / 0.85 - 1) of what is spent; the cap is $25,000 of stock at the start price.
    small = compare([{"name": "A", "base_salary": 100000, "espp_contribution_pct": 10},
                     {"name": "B", "base_salary": 0}], years=1,
                    price_cases=[{"name": "Up", "growth_pct": 50}])
    assert case_rows(small, "Up")["A"]["espp_gain"] == pytest.approx(10000 * (1.5 / 0.85 - 1))
    big = compare([{"name": "A", "base_salary": 500000, "espp_contribution_pct": 10,
                    "espp_lookback": False},
                   {"name": "B", "base_salary": 0}], years=1,
                  price_cases=[{"name": "Up", "growth_pct": 50}])
    # Without a lookback: 85% of the end price; 25,000 shares at $1 today, the cap.
    assert case_rows(big, "Up")["A"]["espp_gain"] == pytest.approx(25000 * 1.5 * 0.15)


def test_the_startup_and_the_public_company_change_places_between_cases():
    startup = {"name": "Startup", "base_salary": 150000, "equity_kind": "iso",
               "equity_shares": 100000, "strike_price": 1, "share_price": 1,
               "private_discount_pct": 30}
    public = {"name": "Public", "base_salary": 170000, "equity_grant_value": 20000,
              "espp_contribution_pct": 10}
    cases = [{"name": "Low", "growth_pct": -20}, {"name": "Base", "growth_pct": 0},
             {"name": "Exit", "growth_pct": 100}]
    # The same case moves both prices: options gain more from a rise than shares do.
    r = compare([startup, public], years=4, state="CA", price_cases=cases)
    assert [c["leader"] for c in r["price_case_leaders"]] == ["Public", "Public", "Startup"]
    assert all(c["margin"] >= 0 for c in r["price_case_leaders"])


def test_without_a_state_the_cases_are_ranked_before_tax():
    r = compare([{"name": "A", "base_salary": 90000, "equity_grant_value": 100000},
                 {"name": "B", "base_salary": 100000}], years=1)
    assert case_rows(r, "Low")["A"]["after_tax_total"] is None
    assert [c["leader"] for c in r["price_case_leaders"]] == ["A", "A", "A"]


def test_purchasing_power_ranks_the_cases_too():
    r = compare([{"name": "A", "base_salary": 100000, "state": "TX", "price_level": 50},
                 {"name": "B", "base_salary": 150000, "state": "TX", "price_level": 100}],
                years=1, rank_by="purchasing_power", price_cases=FLAT)
    assert r["price_case_leaders"][0]["leader"] == "A"


def test_a_joint_return_counts_only_what_the_offer_adds():
    solo = {"name": "A", "base_salary": 100000, "espp_contribution_pct": 10}
    r = compare([solo, {"name": "B", "base_salary": 100000}], years=1, state="TX",
                filing_status="married_joint", spouse_wages=50000, price_cases=FLAT)
    rows = case_rows(r, "Flat")
    assert rows["B"]["after_tax_total"] == r["offers"][1]["after_tax_total"]
    assert rows["A"]["after_tax_total"] > rows["B"]["after_tax_total"]


@pytest.mark.parametrize(("inputs", "field"), [
    ({"offers": [{"base_salary": 1}, {"base_salary": 1, "equity_kind": "pso"}]},
     "offers[1].equity_kind"),
    ({"offers": [{"base_salary": 1}] * 2, "price_cases": [{"name": "x", "growth_pct": -101}]},
     "price_cases[0].growth_pct"),
    ({"offers": [{"base_salary": 1}] * 2, "price_cases": [{"name": "x", "growth_pct": "up"}]},
     "price_cases[0].growth_pct"),
    ({"offers": [{"base_salary": 1}] * 2, "price_cases": [{"name": "x", "growth_pct": None}]},
     "price_cases[0].growth_pct"),
    ({"offers": [{"base_salary": 1}] * 2, "price_cases": [{"growth_pct": 1}]},
     "price_cases[0].name"),
    ({"offers": [{"base_salary": 1}] * 2,
      "price_cases": [{"name": "x"}, {"name": "x"}]}, "price_cases[1].name"),
    ({"offers": [{"base_salary": 1}] * 2, "price_cases": []}, "price_cases"),
    ({"offers": [{"base_salary": 1}] * 2, "price_cases": [{"name": "a"}] * 4}, "price_cases"),
    ({"offers": [{"base_salary": 1}] * 2,
      "price_cases": [{"name": "x", "path_pct": [100, -5]}]}, "price_cases[0].path_pct[1]"),
    ({"offers": [{"base_salary": 1}, {"base_salary": 1, "equity_shares": 10}]},
     "offers[1].share_price"),
    ({"offers": [{"base_salary": 1}, {"base_salary": 1, "equity_shares": 10,
                                      "share_price": 1, "equity_grant_value": 5}]},
     "offers[1].equity_shares"),
    ({"offers": [{"base_salary": 1, "equity_kind": "iso", "equity_grant_value": 5},
                 {"base_salary": 1}]}, "offers[0].equity_shares"),
    ({"offers": [{"base_salary": 1, "private_discount_pct": 101}, {"base_salary": 1}]},
     "offers[0].private_discount_pct"),
    ({"offers": [{"base_salary": 1, "espp_discount_pct": 16}, {"base_salary": 1}]},
     "offers[0].espp_discount_pct"),
    ({"offers": [{"base_salary": 1, "share_price": -1}, {"base_salary": 1}]},
     "offers[0].share_price"),
    ({"offers": [{"base_salary": 1, "espp_lookback": "yes"}, {"base_salary": 1}]},
     "offers[0].espp_lookback"),
])
def test_hostile_inputs_name_their_field(inputs, field):
    with pytest.raises(CalculatorError) as error:
        run("offer_comparison", inputs)
    assert error.value.field == field


KIND = st.sampled_from(["rsu", "iso", "nso"])


@SETTINGS
@given(kind=KIND, strike=st.integers(0, 40), price=st.integers(1, 40),
       low=st.integers(-60, 40), more=st.integers(0, 60), espp=st.integers(0, 15),
       discount=st.integers(0, 90), years=st.integers(1, 5),
       state=st.sampled_from([None, "TX", "CA", "NY"]))
def test_a_higher_price_path_never_lowers_an_offer(kind, strike, price, low, more, espp,
                                                   discount, years, state):
    offer = {"name": "A", "base_salary": 120000, "equity_kind": kind, "equity_shares": 5000,
             "strike_price": strike, "share_price": price, "private_discount_pct": discount,
             "espp_contribution_pct": espp, "equity_refresher_value": 5000}
    r = compare([offer, {"name": "B", "base_salary": 100000}], years=years, state=state,
                price_cases=[{"name": "lo", "growth_pct": low},
                             {"name": "hi", "growth_pct": low + more}])
    lo, hi = case_rows(r, "lo")["A"], case_rows(r, "hi")["A"]
    assert hi["total"] >= lo["total"] - 0.01
    assert hi["at_risk"] >= lo["at_risk"] - 0.01
    if state is not None:
        assert hi["after_tax_total"] >= lo["after_tax_total"] - 0.01


@SETTINGS
@given(strike=st.integers(1, 100), below=st.integers(0, 99), growth=st.integers(-100, 0))
def test_an_option_never_above_water_is_worth_nothing(strike, below, growth):
    price = strike * (100 - below) / 100
    offer = {"name": "A", "base_salary": 1, "equity_kind": "iso", "equity_shares": 1000,
             "strike_price": strike, "share_price": price}
    r = compare([offer, {"name": "B", "base_salary": 1}], years=3,
                price_cases=[{"name": "x", "growth_pct": growth}])
    assert r["by_price_case"][0]["equity"] == 0 and r["offers"][0]["at_risk"] == 0
