"""The stock options calculator: the contract, worked examples, properties, bad inputs.

Sources cited beside each test:

* vesting: the Holloway Guide to Equity Compensation, "Vesting and Cliffs": "0%
  vesting for the first 12 months, 25% vesting at the 12th month, and 1/48th (2.08%)
  more vesting each month until the 48th month. If you leave just before a year is
  up, you get nothing, but if you leave after 3 years, you get 75%"; the exercise
  window "is likely to close soon after you leave a company, often 90 days after
  termination" (Holloway, "Stock Option Scenarios");
* the ISO spread: Instructions for Form 6251 (2011), the line 14 example: 100 shares,
  $10 paid a share (Form 3921 box 3), $25 fair market value (box 4): "$2,500 ... minus
  ... $1,000 ... the adjustment is $1,500" (line 2i of today's form);
* the NSO spread: IRS Publication 525, "Nonstatutory Stock Options": at exercise
  "include in income the fair market value of the property ... minus the amount paid",
  taxed as wages;
* the AMT: Form 6251 (2025) and its instructions with IRS Rev. Proc. 2025-32,
  section 4.10 (2026 figures); the $100,000 ISO limit: IRC 422(d)(1); early exercise
  and the 83(b) election: IRC 83(b) (30 days).
"""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.api import catalog, run
from calculators.errors import CalculatorError
from calculators.options import exercise_tax, iso_split
from calculators.report import render
from calculators.equity import vesting_events
from calculators.tax import Household, taxes

from strategies import SETTINGS, option_grants

SPEC = {spec["name"]: spec for spec in catalog()}["stock_options"]
CONTRACT_INPUTS = {"options", "strike_price", "fmv", "exit_price", "option_type", "salary",
                   "filing_status", "state", "spouse_wages", "year", "vesting_months",
                   "cliff_months", "interval_months", "months_elapsed"}
CONTRACT_OUTPUTS = {"vested_options", "exercise_cost", "spread", "value_at_exit",
                    "tax_at_exercise", "cash_needed_to_exercise"}
GRANT = {"options": 4800, "strike_price": 1, "fmv": 5, "option_type": "nso",
         "salary": 80000, "state": "TX", "vesting_months": 48, "cliff_months": 12,
         "interval_months": 1}


def options(**changes):
    return run("stock_options", {**GRANT, **changes})


def test_the_contract_names():
    assert CONTRACT_INPUTS <= {field["name"] for field in SPEC["inputs"]}
    assert CONTRACT_OUTPUTS <= {output["key"] for output in SPEC["outputs"]}
    inputs = {field["name"]: field for field in SPEC["inputs"]}
    assert inputs["exercise_window_days"]["default"] == 90
    assert [c["value"] for c in inputs["option_type"]["choices"]] == ["iso", "nso"]


@pytest.mark.parametrize(("months", "vested"), [(11, 0), (12, 1200), (13, 1300), (36, 3600),
                                                (48, 4800), (60, 4800)])
def test_vesting_as_holloway_describes_it(months, vested):
    # Nothing before month 12, a quarter at it, 1/48 a month after, 75% after 3 years.
    r = options(months_elapsed=months)
    assert r["vested_options"] == vested
    assert r["unvested_options"] == 4800 - vested
    assert r["exercise_cost"] == vested * 1


def test_before_the_cliff_nothing_can_be_exercised_or_taxed():
    r = options(months_elapsed=11)
    assert r["spread"] == r["value_at_exit"] == r["tax_at_exercise"] == 0
    assert r["cash_needed_to_exercise"] == 0


def test_the_iso_spread_of_the_form_6251_example():
    # 100 shares, $10 paid, $25 a share: $1,500 of spread for line 2i, $1,000 to pay.
    r = run("stock_options", {"options": 100, "strike_price": 10, "fmv": 25,
                              "option_type": "iso", "salary": 60000, "state": "TX",
                              "months_elapsed": 48})
    assert (r["spread"], r["exercise_cost"]) == (1500, 1000)
    assert r["tax_at_exercise"] == r["amt_at_exercise"] == 0  # far below the exemption
    assert r["income_tax_at_exercise"] == r["payroll_tax_at_exercise"] == 0


def test_an_nso_spread_is_taxed_as_wages_through_the_engine():
    # Publication 525: the spread is pay. 10,000 options, 6,250 vested after 30 months,
    # $4 of spread each: $25,000 more wages on $80,000 in Texas, all in the 22% bracket.
    r = run("stock_options", {**GRANT, "options": 10000, "months_elapsed": 30})
    base = Household(wages=D(80000), state="TX")
    extra = taxes(base.replace(wages=D(105000))) - taxes(base)
    assert r["tax_at_exercise"] == float(extra.total) == 7412.5
    assert r["income_tax_at_exercise"] == 5500
    assert r["payroll_tax_at_exercise"] == 1912.5
    assert r["cash_needed_to_exercise"] == 6250 + 7412.5


def test_an_iso_spread_adds_the_amt_form_6251():
    # $150,000 of salary and a $100,000 spread: AMTI $250,000, tentative minimum tax
    # $41,574, regular tax $24,734: $16,840 of AMT and no regular tax on the spread.
    r = run("stock_options", {"options": 10000, "strike_price": 2, "fmv": 12,
                              "option_type": "iso", "salary": 150000, "state": "TX",
                              "months_elapsed": 48})
    assert r["amt_at_exercise"] == r["tax_at_exercise"] == 16840
    assert r["income_tax_at_exercise"] == r["payroll_tax_at_exercise"] == 0
    assert "all of it alternative minimum tax" in r["summary"]


def test_isos_over_100000_a_year_are_taxed_as_nsos():
    # IRC 422(d): 80,000 options at a $10 strike vest 20,000 ($200,000) at the cliff:
    # 10,000 are ISOs, 10,000 NSOs; the next year's 20,000 split the same way.
    grant = {"options": 80000, "strike_price": 10, "fmv": 15, "option_type": "iso",
             "salary": 150000, "state": "TX"}
    first = run("stock_options", {**grant, "months_elapsed": 12})
    assert (first["iso_options"], first["nso_options"]) == (10000, 10000)
    assert first["payroll_tax_at_exercise"] > 0  # the NSO part's spread is wages
    second = run("stock_options", {**grant, "months_elapsed": 24})
    assert (second["iso_options"], second["nso_options"]) == (20000, 20000)
    # $5 of spread on each: $50,000 of wages and $50,000 for the AMT.
    tax = exercise_tax(Household(wages=D(150000), state="TX"), nso_spread=D(50000),
                       iso_spread=D(50000))
    assert first["tax_at_exercise"] == float(tax.total)
    assert first["amt_at_exercise"] == float(tax.amt)


def test_the_iso_limit_counts_years_from_the_grant():
    events = vesting_events(48, 12, 1)
    assert iso_split(48000, D(10), events, 12, early=False, limit=D(100000)) == (10000, 2000)
    assert iso_split(48000, D(10), events, 18, early=False, limit=D(100000)) == (16000, 2000)
    assert iso_split(48000, D(10), events, 0, early=True, limit=D(100000)) == (10000, 38000)
    assert iso_split(100, D(0), events, 48, early=False, limit=D(100000)) == (100, 0)


def test_nsos_are_never_isos():
    r = options(months_elapsed=48)
    assert (r["iso_options"], r["nso_options"]) == (0, 4800)


def test_the_price_to_test_defaults_to_todays_value_and_options_under_water_are_worth_0():
    assert options(months_elapsed=48)["value_at_exit"] == 4800 * 4
    r = options(months_elapsed=48, exit_price=0.5)
    assert r["exit_price"] == 0.5 and r["value_at_exit"] == 0 and r["grant_value_at_exit"] == 0


def test_the_whole_grant_a_year_of_it_and_the_private_company_discount():
    r = options(months_elapsed=12, exit_price=11, discount_pct=60)
    assert r["grant_value_at_exit"] == 48000
    assert r["yearly_value_at_exit"] == 12000
    assert r["risk_adjusted_value"] == 48000 * 0.4


def test_what_leaving_costs():
    # Leaving after 18 months: 1,800 vested, 3,000 unvested lost; keeping the vested
    # ones takes their $1,800 strike and the tax on their $7,200 spread within 90 days.
    r = options(months_elapsed=18, leave_after_months=18, exit_price=10)
    assert r["leave_vested_options"] == 1800 and r["leave_forfeited_options"] == 3000
    assert r["leave_forfeited_value"] == 3000 * 9
    assert r["leave_cash_to_keep"] == r["cash_needed_to_exercise"]
    assert "within 90 days." in r["summary"]
    longer = run("stock_options", {**GRANT, "option_type": "iso", "months_elapsed": 18,
                                   "leave_after_months": 6, "exercise_window_days": 365})
    assert longer["leave_vested_options"] == 0 and longer["leave_cash_to_keep"] == 0
    assert "within 365 days (3 months to keep ISO treatment)." in longer["summary"]
    assert options(months_elapsed=18)["leave_cash_to_keep"] is None


def test_early_exercise_with_an_83b_election_taxes_todays_spread():
    # Right after the grant the shares are worth the strike: no spread, no tax now;
    # waiting until they vest at $20 taxes the $19 spread of every option as pay.
    r = options(months_elapsed=0, fmv=1, exit_price=20, early_exercise=True)
    assert r["early_exercise_cost"] == 4800 and r["early_exercise_tax"] == 0
    later = exercise_tax(Household(wages=D(80000), state="TX"), nso_spread=D(4800 * 19),
                         iso_spread=D(0))
    assert r["tax_if_exercised_at_exit"] == float(later.total)
    assert r["early_exercise_tax_saved"] == r["tax_if_exercised_at_exit"]
    assert options(months_elapsed=0)["early_exercise_cost"] is None


def test_early_exercised_isos_count_against_the_limit_all_at_once():
    r = run("stock_options", {"options": 100000, "strike_price": 2, "fmv": 4,
                              "option_type": "iso", "salary": 150000, "state": "TX",
                              "months_elapsed": 0, "early_exercise": True})
    now = exercise_tax(Household(wages=D(150000), state="TX"), nso_spread=D(50000 * 2),
                       iso_spread=D(50000 * 2))
    assert r["early_exercise_tax"] == float(now.total)


def test_the_schedule_is_year_by_year_to_the_end_of_vesting():
    r = options(months_elapsed=0, vesting_months=42)
    assert [row["month"] for row in r["schedule"]] == [12, 24, 36, 42]
    assert [row["vested_options"] for row in r["schedule"]] == [1371, 2742, 4114, 4800]
    for row in r["schedule"]:
        assert row["cash_needed"] == row["exercise_cost"] + row["tax_at_exercise"]


@pytest.mark.parametrize(("changes", "field"), [
    ({"cliff_months": 60}, "cliff_months"),
    ({"interval_months": 49}, "interval_months"),
    ({"option_type": "rsu"}, "option_type"),
    ({"options": 1.5}, "options"),
    ({"months_elapsed": -1}, "months_elapsed"),
    ({"strike_price": -1}, "strike_price"),
    ({"discount_pct": 101}, "discount_pct"),
    ({"exercise_window_days": -5}, "exercise_window_days"),
    ({"state": "ZZ"}, "state"),
    ({"year": 1999}, "year"),
])
def test_bad_inputs_name_their_field(changes, field):
    with pytest.raises(CalculatorError) as caught:
        options(**{"months_elapsed": 12, **changes})
    assert caught.value.field == field


@pytest.mark.parametrize("missing", ["options", "strike_price", "fmv", "option_type",
                                     "salary", "state", "months_elapsed"])
def test_required_inputs(missing):
    inputs = {**GRANT, "months_elapsed": 12}
    inputs.pop(missing, None)
    with pytest.raises(CalculatorError) as caught:
        run("stock_options", inputs)
    assert caught.value.field == missing


def test_the_page_draws_worth_and_cash_by_month():
    html = render("stock_options", run("stock_options", SPEC["example"]))
    assert html.count("<svg") == 1 and "Vested options: worth and cash to exercise" in html


# --- properties -------------------------------------------------------------------


@SETTINGS
@given(option_grants, st.integers(0, 200_000).map(lambda c: c / 100),
       st.integers(0, 200_000).map(lambda c: c / 100))
def test_a_higher_exit_price_never_lowers_the_value(grant, low, extra):
    lower = run("stock_options", {**grant, "exit_price": low})
    higher = run("stock_options", {**grant, "exit_price": low + extra})
    for key in ("value_at_exit", "grant_value_at_exit", "risk_adjusted_value",
                "yearly_value_at_exit"):
        assert higher[key] >= lower[key]


@SETTINGS
@given(option_grants)
def test_nothing_unvested_is_exercisable(grant):
    r = run("stock_options", grant)
    events = vesting_events(grant["vesting_months"], grant["cliff_months"],
                            grant["interval_months"])
    vested_fraction = max([f for m, f in events if m <= grant["months_elapsed"]], default=0)
    assert r["vested_options"] <= grant["options"] * vested_fraction
    if vested_fraction == 0:
        assert r["vested_options"] == 0 and r["exercise_cost"] == 0
    assert r["vested_options"] + r["unvested_options"] == grant["options"]
    assert r["iso_options"] + r["nso_options"] == r["vested_options"]
    assert r["exercise_cost"] == round(r["vested_options"] * grant["strike_price"], 2)
    assert r["tax_at_exercise"] >= 0
    assert abs(r["cash_needed_to_exercise"] - r["exercise_cost"] - r["tax_at_exercise"]) < 0.011
    months = [row["vested_options"] for row in r["schedule"]]
    assert months == sorted(months) and months[-1] == grant["options"]
    json.dumps(r, allow_nan=False)


@SETTINGS
@given(option_grants, st.integers(0, 90))
def test_leaving_later_never_loses_more(grant, more):
    early = run("stock_options", {**grant, "leave_after_months": grant["months_elapsed"]})
    late = run("stock_options", {**grant, "leave_after_months": grant["months_elapsed"] + more})
    assert late["leave_forfeited_options"] <= early["leave_forfeited_options"]
