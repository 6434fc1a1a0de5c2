"""Invariants, checked with Hypothesis through ``run()``."""

from __future__ import annotations

import json

from hypothesis import assume, given
from hypothesis import strategies as st

from calculators.api import run
from calculators.errors import CalculatorError
from calculators.tax import years as tax_years

from strategies import (
    SETTINGS,
    SPECS,
    cents,
    comparisons,
    equity_schedules,
    health_plans,
    junk_inputs,
    percents,
    salaries,
    tiers,
    valid_inputs,
    vesting_schedules,
)

CENT = 0.01


def close(a: float, b: float, parts: int = 1) -> bool:
    """Equal up to the rounding of ``parts`` figures each rounded to cents."""
    return abs(a - b) <= CENT * parts / 2 + 1e-6 * max(1.0, abs(a), abs(b)) * 1e-3


# --- only CalculatorError ever escapes -------------------------------------------------


@SETTINGS
@given(st.sampled_from(sorted(SPECS)), st.data())
def test_junk_inputs_only_raise_calculator_error(name, data):
    inputs = data.draw(junk_inputs(name))
    try:
        result = run(name, inputs)
    except CalculatorError as error:
        assert error.field and error.message
    else:
        json.dumps(result, allow_nan=False)


@SETTINGS
@given(st.sampled_from(sorted(SPECS)), st.data())
def test_inputs_valid_field_by_field_compute_or_name_a_relation(name, data):
    inputs = data.draw(valid_inputs(name))
    try:
        result = run(name, inputs)
    except CalculatorError as error:
        # Only relations between fields may still fail (cliff longer than the vesting, ...).
        assert error.field
    else:
        assert list(result) == [o["key"] for o in SPECS[name]["outputs"]]
        json.dumps(result, allow_nan=False)


# --- health ------------------------------------------------------------------------------


@SETTINGS
@given(health_plans)
def test_out_of_pocket_never_exceeds_the_maximum(plan):
    result = run("health_plan_cost", plan)
    if plan["oop_max"] is not None:
        assert result["out_of_pocket"] <= plan["oop_max"]
        assert result["worst_case_annual_cost"] >= result["total_annual_cost"]
    assert result["out_of_pocket"] <= result["out_of_pocket_before_cap"]
    assert result["deductible_paid"] <= plan["deductible"]
    assert close(result["out_of_pocket_before_cap"],
                 result["deductible_paid"] + result["coinsurance_paid"] + result["copays_paid"], 4)
    assert close(result["total_annual_cost"],
                 result["premiums_annual"] + result["out_of_pocket"]
                 - plan["employer_hsa_contribution"], 3)


@SETTINGS
@given(health_plans, cents)
def test_more_care_never_costs_less(plan, extra):
    base = run("health_plan_cost", plan)
    more = run("health_plan_cost", {**plan, "expected_medical_costs": plan["expected_medical_costs"] + extra})
    assert more["out_of_pocket"] >= base["out_of_pocket"]


# --- retirement match ------------------------------------------------------------------


match_inputs = st.fixed_dictionaries({
    "salary": salaries,
    "contribution_pct": percents,
    "match_formula": tiers(),
    "pay_periods": st.sampled_from([1, 12, 24, 26, 52]),
    "true_up": st.booleans(),
    "annual_deferral_limit": st.integers(0, 40000),
    "compensation_limit": st.integers(0, 500000),
})


@SETTINGS
@given(match_inputs, st.data())
def test_a_higher_match_rate_never_lowers_the_match(inputs, data):
    tiers_ = inputs["match_formula"]
    index = data.draw(st.integers(0, len(tiers_) - 1))
    bump = data.draw(st.integers(1, 100))
    higher = [dict(t) for t in tiers_]
    higher[index]["match_pct"] += bump
    assume(sum(t["of_pay_pct"] for t in tiers_) <= 100)
    low = run("retirement_match", inputs)
    high = run("retirement_match", {**inputs, "match_formula": higher})
    assert high["employer_match_annual"] >= low["employer_match_annual"]
    assert high["max_match_annual"] >= low["max_match_annual"]


@SETTINGS
@given(match_inputs)
def test_the_best_match_bounds_the_actual_one(inputs):
    result = run("retirement_match", inputs)
    assert result["max_match_annual"] >= result["employer_match_annual"]
    assert result["match_left_on_table"] >= 0
    assert close(result["match_left_on_table"],
                 result["max_match_annual"] - result["employer_match_annual"], 3)
    assert result["employee_contribution_annual"] <= inputs["annual_deferral_limit"]
    assert result["true_up_amount"] >= 0
    if not inputs["true_up"]:
        assert result["true_up_amount"] == 0
    assert 0 <= result["periods_with_match"] <= inputs["pay_periods"]


@SETTINGS
@given(match_inputs)
def test_true_up_never_pays_less(inputs):
    with_true_up = run("retirement_match", {**inputs, "true_up": True})
    without = run("retirement_match", {**inputs, "true_up": False})
    assert with_true_up["employer_match_annual"] >= without["employer_match_annual"]


@SETTINGS
@given(vesting_schedules)
def test_match_vesting_never_decreases_with_service(vesting):
    vested = [run("retirement_match", {"salary": 1000, "contribution_pct": 5, "vesting": vesting,
                                       "years_of_service": years})["vested_pct"]
              for years in range(0, 22, 3)]
    assert vested == sorted(vested)
    assert all(0 <= v <= 100 for v in vested)
    assert vested[-1] == 100
    schedule = run("retirement_match", {"salary": 1000, "contribution_pct": 5,
                                        "vesting": vesting})["vesting_schedule"]
    pcts = [row["vested_pct"] for row in schedule]
    assert pcts == sorted(pcts) and pcts[-1] == 100


# --- equity ------------------------------------------------------------------------------


@SETTINGS
@given(equity_schedules, st.integers(0, 10**6), st.booleans(), st.data())
def test_equity_vesting_never_decreases_with_time(schedule, grant, whole, data):
    months = sorted(data.draw(st.lists(st.integers(0, 150), min_size=2, max_size=6)))
    results = [run("equity_vesting", {**schedule, "grant_units": grant, "months_elapsed": m,
                                      "whole_units": whole}) for m in months]
    fractions = [r["vested_fraction"] for r in results]
    units = [r["vested_units"] for r in results]
    assert fractions == sorted(fractions)
    assert units == sorted(units)
    for r, m in zip(results, months):
        assert 0 <= r["vested_fraction"] <= 1
        assert abs(r["vested_units"] + r["unvested_units"] - grant) <= 1e-9 * max(1, grant)
        if m < schedule["cliff_months"]:
            assert r["vested_fraction"] == 0
        if m >= schedule["vesting_months"]:
            assert r["vested_fraction"] == 1
    events = [e["vested_fraction"] for e in results[0]["schedule"]]
    assert events == sorted(events) and events[-1] == 1


# --- totals equal the sum of their parts -----------------------------------------------------


@SETTINGS
@given(valid_inputs("package_value"))
def test_package_total_is_the_sum_of_its_parts(inputs):
    if inputs.get("spouse_wages"):  # a spouse's wages need a joint return
        inputs = {**inputs, "filing_status": "married_joint"}
    if inputs.get("year", 2026) not in tax_years():  # a year the tax engine has
        inputs = {**inputs, "year": tax_years()[-1]}
    inputs = {key: value for key, value in inputs.items() if key != "local"}  # its own state
    result = run("package_value", inputs)
    parts = result["breakdown"]
    assert close(result["total_compensation"], sum(p["annual_value"] for p in parts), len(parts) + 1)
    assert close(result["total_compensation"], result["guaranteed"] + result["at_risk"], 3)
    assert close(result["total_compensation"],
                 result["cash_compensation"] + result["equity_value"] + result["benefits_value"], 4)
    if result["total_after_tax"] is not None:
        # after tax: the total less the taxes on its pay; the parts add up to it
        assert close(result["total_after_tax"],
                     result["total_compensation"] - result["tax_on_pay"], 3)
        assert close(result["total_after_tax"], result["cash_after_tax"]
                     + result["equity_after_tax"] + result["benefits_after_tax"], 4)


@SETTINGS
@given(valid_inputs("benefit_tradeoff"))
def test_tradeoff_totals_are_the_sum_of_the_asks(inputs):
    result = run("benefit_tradeoff", inputs)
    asks = result["asks"]
    n = len(asks) + 1
    assert close(result["total_after_tax_value"], sum(a["after_tax_value"] for a in asks), n)
    assert close(result["total_salary_equivalent"], sum(a["salary_equivalent"] for a in asks), n)
    assert close(result["recurring_salary_equivalent"],
                 sum(a["salary_equivalent"] for a in asks if a["recurring"]), n)
    for ask in asks:
        # A salary raise is never worth more after tax than it is before, except where
        # the refundable child tax credit phases in (15% of wages above $2,500): there
        # the next dollar of pay brings more credit than it costs in tax.
        if result["keep_per_dollar"] <= 1:
            assert ask["after_tax_value"] <= ask["salary_equivalent"] + CENT


@SETTINGS
@given(comparisons)
def test_comparison_totals_are_the_sum_of_the_years(inputs):
    result = run("offer_comparison", inputs)
    years = inputs.get("years", 4)
    assert len(result["by_year"]) == years * len(result["offers"])
    for offer in result["offers"]:
        rows = [r for r in result["by_year"] if r["offer"] == offer["offer"]]
        assert close(offer["total"], sum(r["total"] for r in rows), years)
        assert offer["total"] == rows[-1]["cumulative"]
        for row in rows:
            parts = (row["salary"] + row["bonus"] + row["signon"] + row["equity"]
                     + row["retirement_match_vested"] + row["other_benefits"] - row["health_cost"])
            assert close(row["total"], parts, 8)
        assert offer["difference_from_leader"] <= 0
    leader = next(o for o in result["offers"] if o["offer"] == result["leader"])
    assert leader["rank"] == 1 and leader["total"] == max(o["total"] for o in result["offers"])
    assert result["margin"] >= 0
    for row in result["forfeiture"]:
        assert close(row["total"],
                     row["unvested_equity"] + row["unvested_match"] + row["signon_repayment"], 4)


@SETTINGS
@given(valid_inputs("salary_growth"))
def test_salary_gaps_add_up(inputs):
    result = run("salary_growth", inputs)
    rows = result["by_year"]
    assert close(result["cumulative_gap"], sum(r["gap"] for r in rows), len(rows) + 1)
    assert result["gap_final"] == rows[-1]["gap"]
    assert [r["year"] for r in rows] == list(range(1, inputs["years"] + 1))


@SETTINGS
@given(st.integers(1, 120), st.integers(0, 200), cents)
def test_prorated_repayment_never_exceeds_full(commitment, worked, bonus):
    base = {"bonus": bonus, "commitment_months": commitment, "months_worked": worked}
    full = run("signon_clawback", {**base, "method": "full"})
    prorated = run("signon_clawback", {**base, "method": "prorated"})
    assert prorated["repay_amount"] <= full["repay_amount"]
    assert 0 <= prorated["repay_fraction"] <= full["repay_fraction"] <= 1
    for result in (full, prorated):
        assert abs(result["repay_amount"] + result["kept_amount"] - bonus) < 1e-6
