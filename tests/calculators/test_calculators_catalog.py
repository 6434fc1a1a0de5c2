"""The catalog: complete, consistent, JSON-serialisable, and true to the public contract."""

import inspect
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from calculators.api import CALCULATORS, catalog, run
from calculators.spec import INPUT_UNITS, KINDS, OUTPUT_UNITS
from calculators.take_home import PRETAX_KINDS
from calculators.taxfacts import FACT_NAMES, RATE_NAMES

NAMES = [
    "health_plan_cost", "retirement_match", "equity_vesting", "pto_value", "pretax_savings",
    "salary_growth", "signon_clawback", "package_value", "offer_comparison", "benefit_tradeoff",
    "take_home_pay", "espp", "stock_options", "rsu_taxes", "health_plan_choice",
    "counter_offer",
]

# A default that comes from a market figure must equal that figure in content/,
# the one place where it is declared with its source and date.
FIGURES = {figure["id"]: figure["value"] for figure in yaml.safe_load(
    (Path(__file__).parents[2] / "content" / "figures.yaml").read_text())["figures"]}

# Output keys the contract (shared/design/calculators.md) requires.
CONTRACT_OUTPUTS = {
    "health_plan_cost": {"deductible_paid", "coinsurance_paid", "copays_paid", "out_of_pocket",
                         "premiums_annual", "total_annual_cost", "worst_case_annual_cost"},
    "health_plan_choice": {"by_scenario", "cheapest", "worst_case", "summary"},
    "retirement_match": {"employee_contribution_annual", "employer_match_annual",
                         "employer_match_pct_of_pay", "max_match_annual", "match_left_on_table",
                         "periods_with_match", "vested_pct"},
    "equity_vesting": {"vested_fraction", "vested_units", "unvested_units", "schedule"},
    "pto_value": {"daily_rate", "pto_value", "difference_value"},
    "pretax_savings": {"federal_savings", "state_savings", "fica_savings", "tax_savings", "net_cost"},
    "salary_growth": {"by_year", "gap_final", "cumulative_gap", "years_to_catch_up",
                      "future_value_of_gap"},
    "signon_clawback": {"repay_fraction", "repay_amount"},
    "package_value": {"cash_compensation", "benefits_value", "total_compensation",
                      "benefits_share_pct", "guaranteed", "at_risk", "breakdown"},
    "offer_comparison": {"offers", "by_year", "leader", "margin", "too_close_to_call",
                         "forfeiture"},
    "benefit_tradeoff": {"asks", "total_after_tax_value", "total_salary_equivalent"},
    "take_home_pay": {"federal_income_tax", "state_income_tax", "local_income_tax",
                      "social_security_tax", "medicare_tax", "state_payroll_tax", "total_tax",
                      "take_home", "take_home_per_paycheck", "marginal_rate_pct",
                      "federal_marginal_rate_pct", "state_marginal_rate_pct",
                      "fica_marginal_rate_pct", "effective_rate_pct"},
    "espp": {"purchase_price", "shares", "cost", "refund", "market_value", "gain", "return_pct"},
    "stock_options": {"vested_options", "exercise_cost", "spread", "value_at_exit",
                      "tax_at_exercise", "cash_needed_to_exercise"},
    "rsu_taxes": {"vest_income", "federal_withheld", "federal_tax_owed", "federal_gap"},
    "counter_offer": {"gap", "asks"},
}

# The common tax inputs (shared/design/calculators.md, "Additions").
TAX_INPUTS = {"filing_status", "state", "spouse_wages", "year"}

# Input names the contract requires.
CONTRACT_INPUTS = {
    "health_plan_cost": {"premium_per_month", "deductible", "coinsurance_pct", "oop_max",
                         "expected_medical_costs", "copays", "employer_hsa_contribution"},
    "health_plan_choice": {"plans", "scenarios", "hsa_contribution", "salary"} | TAX_INPUTS,
    "retirement_match": {"salary", "contribution_pct", "match_formula", "pay_periods",
                         "annual_deferral_limit", "true_up", "compensation_limit", "vesting",
                         "years_of_service"},
    "equity_vesting": {"grant_units", "vesting_months", "cliff_months", "interval_months",
                       "months_elapsed", "whole_units"},
    "pto_value": {"salary", "pto_days", "working_days_per_year", "baseline_days"},
    "pretax_savings": {"annual_amount", "federal_rate_pct", "state_rate_pct", "fica_rate_pct",
                       "account", "salary"} | TAX_INPUTS,
    "salary_growth": {"salary_a", "salary_b", "raise_pct_a", "raise_pct_b", "years",
                      "investment_return_pct"},
    "signon_clawback": {"bonus", "commitment_months", "months_worked", "method"},
    "package_value": {"base_salary", "bonus_target_pct", "bonus_payout_pct", "signon_bonus",
                      "equity_annual_value", "employer_retirement_contribution",
                      "employer_health_premium", "employer_hsa_contribution", "other_benefits",
                      "pto_days"},
    "offer_comparison": {"offers", "years", "close_band_pct", "leave_after_months"},
    "benefit_tradeoff": {"salary", "federal_rate_pct", "state_rate_pct", "fica_rate_pct"}
    | TAX_INPUTS,
    "take_home_pay": {"salary", "traditional_401k", "roth_401k", "hsa_payroll",
                      "pretax_premiums", "health_fsa", "dependent_care_fsa", "commuter",
                      "pay_periods", "age", "local"} | TAX_INPUTS,
    "espp": {"contribution", "offering_price", "purchase_price_market", "discount_pct",
             "lookback", "annual_limit"},
    "stock_options": {"options", "strike_price", "fmv", "exit_price", "option_type", "salary",
                      "vesting_months", "cliff_months", "interval_months", "months_elapsed"}
    | TAX_INPUTS,
    "rsu_taxes": {"shares", "share_price", "salary"} | TAX_INPUTS,
    "counter_offer": {"offer", "target", "years", "levers"} | TAX_INPUTS,
}


def all_fields(fields):
    for field in fields:
        yield field
        yield from all_fields(field["fields"] or [])
        if field["item"]:
            yield from all_fields([field["item"]])


def test_catalog_lists_every_calculator_in_order():
    assert [spec["name"] for spec in catalog()] == NAMES


def test_catalog_is_plain_json():
    text = json.dumps(catalog(), allow_nan=False)
    assert "Decimal" not in text
    assert json.loads(text) == catalog()


@pytest.mark.parametrize("spec", catalog(), ids=[spec["name"] for spec in catalog()])
def test_spec_shape(spec):
    assert set(spec) == {"name", "title", "summary", "notes", "inputs", "outputs", "example"}
    assert spec["title"] and spec["summary"]
    for field in all_fields(spec["inputs"]):
        assert field["kind"] in KINDS
        assert field["unit"] in INPUT_UNITS
        assert field["label"] and field["help"], field["name"]
        if field["required"]:
            assert field["default"] is None
        elif field["default"] is None:
            assert field["nullable"], field["name"]
        if field["kind"] in ("number", "integer"):
            assert field["min"] is not None and field["max"] is not None
            assert field["step"] is not None
        if field["kind"] == "choice":
            values = [c["value"] for c in field["choices"]]
            assert field["default"] in values + [None]
            assert all(c["label"] for c in field["choices"])
        if field["kind"] == "list":
            assert field["max_items"] >= 1
            assert (field["fields"] is None) != (field["item"] is None)
        if field["kind"] == "object":
            assert field["fields"]
        if field["kind"] == "text":
            assert field["max_length"]
        if field["figure"] is not None:
            assert field["default"] == FIGURES[field["figure"]]
        unit_for_kind = {"boolean": "bool", "choice": "choice", "list": "list",
                         "object": "object", "text": "text"}
        if field["kind"] in unit_for_kind:
            assert field["unit"] == unit_for_kind[field["kind"]]
    for output in spec["outputs"]:
        assert output["unit"] in OUTPUT_UNITS
        assert output["label"]
        if output["unit"] == "table":
            assert output["columns"]
            assert all(c["unit"] in OUTPUT_UNITS for c in output["columns"])
        else:
            assert output["columns"] is None


def test_figures_are_used_where_they_apply():
    used = {}
    for spec in catalog():
        for field in all_fields(spec["inputs"]):
            if field["figure"]:
                used.setdefault(field["figure"], []).append(f"{spec['name']}.{field['name']}")
    assert set(used) == {"irs-401k-deferral-limit-2026", "irs-401k-compensation-limit-2026",
                         "irs-section-127-limit"}
    assert "retirement_match.annual_deferral_limit" in used["irs-401k-deferral-limit-2026"]
    assert "benefit_tradeoff.section_127_limit" in used["irs-section-127-limit"]


@pytest.mark.parametrize("spec", catalog(), ids=[spec["name"] for spec in catalog()])
def test_contract_names(spec):
    assert CONTRACT_INPUTS[spec["name"]] <= {f["name"] for f in spec["inputs"]}
    assert CONTRACT_OUTPUTS[spec["name"]] <= {o["key"] for o in spec["outputs"]}


@pytest.mark.parametrize("spec", catalog(), ids=[spec["name"] for spec in catalog()])
def test_example_runs_and_matches_the_output_spec(spec):
    result = run(spec["name"], spec["example"])
    assert list(result) == [o["key"] for o in spec["outputs"]]
    for output in spec["outputs"]:
        if output["unit"] == "table":
            for row in result[output["key"]]:
                assert list(row) == [c["key"] for c in output["columns"]]
    json.dumps(result, allow_nan=False)


@pytest.mark.parametrize("spec", catalog(), ids=[spec["name"] for spec in catalog()])
def test_example_sets_only_declared_inputs(spec):
    names = {f["name"] for f in spec["inputs"]}
    assert set(spec["example"]) <= names


@pytest.mark.parametrize("name", NAMES)
def test_function_signature_matches_inputs(name):
    calc = CALCULATORS[name]
    params = inspect.signature(calc.function).parameters
    named = [p.name for p in params.values() if p.kind is inspect.Parameter.KEYWORD_ONLY]
    rest = [p for p in params.values() if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    inputs = [f.name for f in calc.inputs]
    # Every input by name, in order; only the shared tax facts and the deductions from
    # pay may arrive together, as one ``**`` mapping handed on to the tax engine.
    assert named == [n for n in inputs if n in named]
    assert all(p.kind is inspect.Parameter.VAR_KEYWORD for p in rest)
    if rest:
        assert set(inputs) - set(named) <= set(FACT_NAMES) | set(RATE_NAMES) | set(PRETAX_KINDS)
    else:
        assert named == inputs


def test_results_carry_no_decimals():
    def walk(value):
        assert not isinstance(value, Decimal)
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for spec in catalog():
        walk(run(spec["name"], spec["example"]))


def test_money_is_rounded_to_cents_and_fractions_are_not():
    result = run("equity_vesting", {"grant_units": 1000, "months_elapsed": 13})
    assert result["vested_fraction"] == 13 / 48
    assert result["vested_units"] == 270.8333
    pto = run("pto_value", {"salary": 100000, "pto_days": 1})
    assert pto["daily_rate"] == 384.62


def test_catalog_returns_copies():
    first = catalog()
    first[1]["example"]["salary"] = -1
    first[1]["inputs"][2]["default"].clear()
    again = catalog()
    assert again[1]["example"]["salary"] == 80000
    assert len(again[1]["inputs"][2]["default"]) == 2
