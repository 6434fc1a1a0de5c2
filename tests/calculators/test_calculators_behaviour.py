"""Each calculator's rules, case by case, with exact expected values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators.api import run
from calculators.errors import CalculatorError
from calculators.money import format_number, format_usd
from calculators.spec import REQUIRED

SAFE_HARBOR = [{"match_pct": 100, "of_pay_pct": 3}, {"match_pct": 50, "of_pay_pct": 2}]


# --- health_plan_cost ----------------------------------------------------------------------


def test_health_without_a_maximum_is_uncapped():
    r = run("health_plan_cost", {"deductible": 1000, "coinsurance_pct": 30,
                                 "expected_medical_costs": 101000, "copays": 50})
    assert r["out_of_pocket"] == 1000 + 30000 + 50
    assert r["capped"] is False
    assert r["worst_case_annual_cost"] is None


def test_health_employer_hsa_can_exceed_costs():
    r = run("health_plan_cost", {"deductible": 1000, "coinsurance_pct": 20,
                                 "expected_medical_costs": 200, "employer_hsa_contribution": 1000})
    assert r["total_annual_cost"] == -800


# --- retirement_match ------------------------------------------------------------------------


def match(**inputs):
    return run("retirement_match", {"salary": 100000, "contribution_pct": 6, **inputs})


def test_custom_vesting_keeps_its_last_value():
    vesting = {"type": "custom", "vested_pct_by_year": [0, 50, 100]}
    assert match(vesting=vesting, years_of_service=1)["vested_pct"] == 50
    assert match(vesting=vesting, years_of_service=10)["vested_pct"] == 100
    assert [row["vested_pct"] for row in match(vesting=vesting)["vesting_schedule"]] == [0, 50, 100]


def test_graded_vesting_from_year_one():
    vesting = {"type": "graded", "start_year": 1, "full_year": 5}
    assert [match(vesting=vesting, years_of_service=y)["vested_pct"] for y in range(7)] == [
        0, 20, 40, 60, 80, 100, 100]


def test_default_graded_and_cliff_are_the_longest_the_law_allows():
    graded = match(vesting={"type": "graded"})["vesting_schedule"]
    assert [row["vested_pct"] for row in graded] == [0, 0, 20, 40, 60, 80, 100]
    cliff = match(vesting={"type": "cliff"})["vesting_schedule"]
    assert [(row["year"], row["vested_pct"]) for row in cliff] == [(0, 0), (1, 0), (2, 0), (3, 100)]


@pytest.mark.parametrize("vesting", [
    {"type": "cliff", "years": 4},
    {"type": "graded", "start_year": 2, "full_year": 7},
    {"type": "graded", "start_year": 3, "full_year": 6},
    {"type": "custom", "vested_pct_by_year": [0, 0, 10, 40, 60, 80, 100]},
])
def test_a_match_vesting_slower_than_the_law_is_refused(vesting):
    # IRC 411(a)(2)(B): a 3-year cliff, or 20% after 2 years rising 20% a year.
    with pytest.raises(CalculatorError) as error:
        match(vesting=vesting)
    assert error.value.field == "vesting"


@pytest.mark.parametrize("vesting", [
    {"type": "cliff", "years": 3},
    {"type": "graded", "start_year": 2, "full_year": 6},
    {"type": "custom", "vested_pct_by_year": [0, 0, 20, 40, 60, 80, 100]},
    {"type": "custom", "vested_pct_by_year": [0, 0, 0, 100]},
])
def test_the_slowest_lawful_match_vesting_is_accepted(vesting):
    assert match(vesting=vesting)["vesting_schedule"][-1]["vested_pct"] == 100


def test_the_match_is_cut_to_the_annual_additions_limit_and_catch_ups_follow_age():
    r = run("retirement_match", {"salary": 400000, "contribution_pct": 10, "age": 61,
                                 "match_formula": [{"match_pct": 400, "of_pay_pct": 10}]})
    # Notice 2025-67: $24,500 + $11,250 at 60-63; 415(c) $72,000 counts $24,500 of it.
    assert r["deferral_limit_annual"] == 35750 and r["employee_contribution_annual"] == 35750
    assert r["employer_match_annual"] == 72000 - 24500
    assert r["match_cut_by_annual_limit"] == 4 * 35750 - 47500  # 400% of the deferral


def test_immediate_vesting_schedule_is_one_row():
    assert match()["vesting_schedule"] == [{"year": 0, "vested_pct": 100}]


def test_true_up_adds_what_paychecks_missed():
    r = run("retirement_match", {"salary": 300000, "contribution_pct": 10,
                                 "match_formula": [{"match_pct": 100, "of_pay_pct": 6}]})
    assert r["employer_match_annual"] == 18000
    assert r["true_up_amount"] == 3192.31
    assert r["periods_with_match"] == 22
    assert r["deferral_limit_reached_period"] == 22


def test_best_contribution_spreads_the_limit_over_the_year():
    r = run("retirement_match", {"salary": 360000, "contribution_pct": 10, "true_up": False,
                                 "match_formula": [{"match_pct": 100, "of_pay_pct": 8}]})
    # deferring 10% reaches the limit in paycheck 18 and loses the rest of the year's match
    assert (r["employer_match_annual"], r["deferral_limit_reached_period"]) == (19792.31, 18)
    # deferring 24,500 / 360,000 = 6.8056% evenly earns the match on every dollar
    assert r["max_match_annual"] == 24500
    assert r["best_contribution_pct"] == float(Decimal(24500) / 360000 * 100)


def test_no_pay_counted_means_no_match():
    r = match(compensation_limit=0)
    assert r["employer_match_annual"] == 0
    assert r["best_contribution_pct"] == 0
    assert r["compensation_considered"] == 0
    zero = run("retirement_match", {"salary": 0, "contribution_pct": 6})
    assert zero["employer_match_pct_of_pay"] == 0


def test_increasing_tiers_may_pay_more_per_paycheck_than_on_the_year():
    # 50% of the first 3%, then 100% of the next 3%; deferrals stop at the limit mid-year.
    tiers = [{"match_pct": 50, "of_pay_pct": 3}, {"match_pct": 100, "of_pay_pct": 3}]
    r = run("retirement_match", {"salary": 360000, "contribution_pct": 6, "match_formula": tiers,
                                 "annual_deferral_limit": 10800, "true_up": False})
    assert r["employer_match_annual"] == 8100
    assert r["max_match_annual"] >= r["employer_match_annual"]
    assert r["match_left_on_table"] == 0
    with_true_up = run("retirement_match", {"salary": 360000, "contribution_pct": 6,
                                            "match_formula": tiers, "annual_deferral_limit": 10800})
    assert with_true_up["employer_match_annual"] == 8100
    assert with_true_up["true_up_amount"] == 0


def test_monthly_paychecks():
    r = match(pay_periods=12, contribution_pct=5, match_formula=SAFE_HARBOR)
    assert r["employer_match_annual"] == 4000
    assert r["periods_with_match"] == 12
    assert r["deferral_limit_reached_period"] is None


# --- equity_vesting --------------------------------------------------------------------------


def test_whole_units_round_down():
    r = run("equity_vesting", {"grant_units": 1000, "months_elapsed": 13, "whole_units": True})
    assert (r["vested_units"], r["unvested_units"]) == (270, 730)
    assert r["schedule"][0] == {"month": 12, "vested_fraction": 0.25, "vested_units": 250}


def test_no_cliff_starts_after_one_interval():
    r = run("equity_vesting", {"grant_units": 1200, "cliff_months": 0, "interval_months": 3,
                               "vesting_months": 12, "months_elapsed": 2})
    assert r["vested_units"] == 0
    assert [e["month"] for e in r["schedule"]] == [3, 6, 9, 12]
    assert r["next_vest_month"] == 3


def test_fully_vested_has_no_next_event():
    r = run("equity_vesting", {"grant_units": 100, "months_elapsed": 60})
    assert (r["vested_fraction"], r["next_vest_month"], r["fully_vested_month"]) == (1, None, 48)


def test_uneven_last_interval_ends_at_the_vesting_period():
    r = run("equity_vesting", {"grant_units": 100, "vesting_months": 10, "cliff_months": 4,
                               "interval_months": 4, "months_elapsed": 9})
    assert [e["month"] for e in r["schedule"]] == [4, 8, 10]
    assert r["vested_fraction"] == 0.8


# --- pto, pretax, growth, signon ---------------------------------------------------------------


def test_fewer_days_than_baseline_is_negative():
    r = run("pto_value", {"salary": 52000, "pto_days": 10, "baseline_days": 15})
    assert r["difference_value"] == -1000
    assert r["pto_share_of_salary_pct"] == float(Decimal(10) / 260 * 100)


def test_pretax_state_tax_and_combined_rate():
    r = run("pretax_savings", {"annual_amount": 1000, "federal_rate_pct": 12, "state_rate_pct": 4.5})
    assert (r["state_savings"], r["combined_rate_pct"], r["net_cost"]) == (45, 24.15, 758.5)


def test_higher_starting_salary_overtaken():
    r = run("salary_growth", {"salary_a": 100000, "salary_b": 90000, "raise_pct_a": 3,
                              "raise_pct_b": 6, "years": 6})
    assert r["years_to_catch_up"] == 5
    assert r["by_year"][0] == {"year": 1, "salary_a": 100000, "salary_b": 90000, "gap": -10000,
                               "after_tax_gap": -7035}  # 22% federal + 7.65% payroll


def test_equal_starts_are_caught_up_in_year_one():
    r = run("salary_growth", {"salary_a": 1, "salary_b": 1, "raise_pct_a": 2, "years": 3})
    assert r["years_to_catch_up"] == 1
    assert r["gap_final"] == 0 and r["total_a"] == r["total_b"]


def test_nothing_repaid_after_the_commitment():
    r = run("signon_clawback", {"bonus": 5000, "months_worked": 12, "method": "full"})
    assert (r["repay_amount"], r["kept_amount"], r["months_until_free"]) == (0, 5000, 0)


def test_prorated_repayment_rounds_to_cents_and_keeps_the_rest():
    r = run("signon_clawback", {"bonus": 100, "commitment_months": 3, "months_worked": 1,
                                "method": "prorated"})
    assert (r["repay_amount"], r["kept_amount"]) == (66.67, 33.33)


# --- package_value -------------------------------------------------------------------------------


def test_package_breakdown_lists_base_and_non_zero_parts():
    r = run("package_value", {"base_salary": 0})
    assert r["breakdown"] == [{"name": "Base salary", "category": "cash", "annual_value": 0}]
    assert r["benefits_share_pct"] == 0
    assert r["pto_value"] is None
    r = run("package_value", {"base_salary": 52000, "pto_days": 10, "other_benefits": [
        {"name": "Gym", "annual_value": 600}, {"name": "Unused perk", "annual_value": 0}]})
    assert [p["name"] for p in r["breakdown"]] == ["Base salary", "Gym"]
    assert r["breakdown"][1]["category"] == "other"
    assert r["pto_value"] == 2000
    assert r["total_compensation"] == 52600
    # no state: no after-tax figures, and the result says why
    assert r["total_after_tax"] is None and "Choose your state" in r["after_tax_note"]
    assert r["benefits_after_tax"] == 600


# --- offer_comparison -------------------------------------------------------------------------


def test_a_tie_is_too_close_and_the_first_offer_leads():
    r = run("offer_comparison", {"years": 1, "offers": [{"base_salary": 1000}, {"base_salary": 1000}]})
    assert (r["leader"], r["runner_up"], r["margin"], r["margin_pct"]) == ("Offer 1", "Offer 2", 0, 0)
    assert r["too_close_to_call"] is True
    assert r["summary"] == ("Too close to call: Offer 1 leads Offer 2 by $0 (0.0%) over 1 year, "
                            "within the 2% band.")
    assert [o["rank"] for o in r["offers"]] == [1, 2]
    # without a state the offers are ranked before tax, and the result says why
    assert r["ranked_by"] == "Before tax" and "have no state" in r["ranking_note"]
    assert [o["after_tax_total"] for o in r["offers"]] == [None, None]
    assert [o["behind_leader_by"] for o in r["offers"]] == [0, 0]


def test_margin_percent_is_empty_when_the_leader_totals_zero():
    r = run("offer_comparison", {"years": 2, "offers": [
        {"name": "Free", "base_salary": 0},
        {"name": "Costly", "base_salary": 0, "health_cost_annual": 100}]})
    assert (r["leader"], r["margin"], r["margin_pct"], r["too_close_to_call"]) == ("Free", 200, None, False)
    assert r["summary"] == "Free leads Costly by $200 over 2 years."
    assert [o["behind_leader_by"] for o in r["offers"]] == [0, 200]  # never negative
    assert [o["difference_from_leader"] for o in r["offers"]] == [0, -200]


def test_refreshers_and_full_match_default():
    r = run("offer_comparison", {"years": 3, "leave_after_months": 30, "offers": [
        {"name": "R", "base_salary": 100000, "equity_refresher_value": 4800,
         "equity_vesting_months": 48, "equity_cliff_months": 12,
         "match_formula": [{"match_pct": 50, "of_pay_pct": 6}],
         "match_vesting": {"type": "graded", "start_year": 1, "full_year": 4}},
        {"name": "S", "base_salary": 100000, "raise_pct": 2}]})
    rows = [row for row in r["by_year"] if row["offer"] == "R"]
    # refreshers from months 12 and 24 vest 1/48 a month with no cliff
    assert [row["equity"] for row in rows] == [0, 1200, 2400]
    # contribution_pct empty: the full match, 3% of pay; graded 25% a year from year 1
    assert [row["retirement_match"] for row in rows] == [3000, 3000, 3000]
    assert [row["retirement_match_vested"] for row in rows] == [750, 2250, 3750]
    forfeit = r["forfeiture"][0]
    # after 30 months: refreshers of month 12 (18/48 vested) and 24 (6/48 vested)
    assert forfeit["unvested_equity"] == 4800 * 30 / 48 + 4800 * 42 / 48
    # 2.5 years of match (7,500), 50% vested after 2 completed years
    assert forfeit["unvested_match"] == 3750
    assert r["offers"][0]["average_annual"] == r["offers"][0]["total"] / 3


def test_bonus_and_other_benefits_count_each_year():
    r = run("offer_comparison", {"years": 2, "offers": [
        {"name": "A", "base_salary": 100000, "bonus_target_pct": 10, "bonus_payout_pct": 50,
         "other_benefits_annual": 1000},
        {"name": "B", "base_salary": 100000}]})
    first = r["by_year"][0]
    assert (first["bonus"], first["other_benefits"], first["total"]) == (5000, 1000, 106000)
    assert r["margin"] == 12000


def test_prorated_signon_repayment_on_leaving():
    r = run("offer_comparison", {"leave_after_months": 3, "offers": [
        {"base_salary": 1, "signon_bonus": 12000, "signon_repayment": "prorated"},
        {"base_salary": 1, "signon_bonus": 12000, "signon_commitment_months": 24}]})
    assert [f["signon_repayment"] for f in r["forfeiture"]] == [9000, 12000]


# --- benefit_tradeoff --------------------------------------------------------------------------


def test_singular_labels_and_default_time_value():
    r = run("benefit_tradeoff", {"salary": 104000, "federal_rate_pct": 22, "state_rate_pct": 5,
                                 "extra_pto_days": 1, "remote_days_per_week": 1,
                                 "commute_hours_per_day": 1, "working_weeks_per_year": 10,
                                 "review_raise_pct": 5, "review_months_earlier": 1})
    labels = [a["label"] for a in r["asks"]]
    assert labels == ["1 more day off", "Working from home 1 day a week", "A 5% raise 1 month earlier"]
    # an hour is worth the after-tax hourly pay: 104,000 / 2,080 x 0.6535
    assert r["time_value_per_hour"] == 32.68
    assert r["asks"][1]["after_tax_value"] == 326.75
    assert r["asks"][1]["salary_equivalent"] == 500
    assert r["asks"][2]["salary_equivalent"] == 433.33  # 104,000 x 5% x 1/12
    assert [a["recurring"] for a in r["asks"]] == [True, True, False]


def test_learning_budget_above_the_limit_is_taxed():
    r = run("benefit_tradeoff", {"salary": 1, "federal_rate_pct": 20, "fica_rate_pct": 0,
                                 "learning_budget": 6250})
    assert r["asks"][0]["after_tax_value"] == 5250 + 800
    assert r["asks"][0]["salary_equivalent"] == 6050 / 0.8


def test_stipends_taxable_or_not():
    r = run("benefit_tradeoff", {"salary": 1, "federal_rate_pct": 20, "fica_rate_pct": 0,
                                 "stipends": [{"name": "Phone", "annual_amount": 600},
                                              {"name": "Meals", "annual_amount": 400, "taxable": False}]})
    assert [(a["after_tax_value"], a["salary_equivalent"]) for a in r["asks"]] == [(480, 600), (400, 500)]
    assert r["asks"][0]["sentence"] == (
        "Phone stipend of $600 a year is worth about $600 of salary to you ($480 after tax).")


def test_an_earlier_review_needs_both_a_raise_and_months():
    r = run("benefit_tradeoff", {"salary": 1, "federal_rate_pct": 20, "review_raise_pct": 5})
    assert r["asks"] == [] and r["total_salary_equivalent"] == 0


# --- helpers ---------------------------------------------------------------------------------------


def test_required_marker_and_formatting_helpers():
    assert repr(REQUIRED) == "REQUIRED"
    assert format_usd(Decimal("1234.5")) == "$1,234.50"
    assert format_number(Decimal("0.50")) == "0.5"


def test_premiums_paid_after_tax_save_nothing_and_no_salary_counts_nothing():
    plan = {"premium_per_month": 200, "deductible": 1000, "coinsurance_pct": 20,
            "expected_medical_costs": 0}
    after = run("health_plan_cost", {**plan, "salary": 90000, "state": "TX",
                                     "premiums_pretax": False})
    assert after["tax_saved_on_premiums"] == 0
    assert after["after_tax_annual_cost"] == after["total_annual_cost"] == 2400
    assert run("health_plan_cost", plan)["after_tax_annual_cost"] is None
    # Section 125: $2,400 of premiums at 22% federal + 7.65% payroll tax.
    assert run("health_plan_cost", {**plan, "salary": 90000, "state": "TX"})[
        "tax_saved_on_premiums"] == 711.6
