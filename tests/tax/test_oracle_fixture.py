"""The PolicyEngine oracle fixture's shape: who is in it and that its inputs are lawful.

These tests read tests/tax/fixtures/policyengine-2026.json only; they need no
PolicyEngine and test no tax engine.
"""

from __future__ import annotations

import copy
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "policyengine-2026.json"
CORRECTIONS = HERE / "oracle" / "corrections.json"

STATES = {
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID",
    "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC",
    "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
    "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
}
STATUSES = {"single", "married_joint", "head_of_household"}
DEDUCTIONS = {"traditional_401k", "roth_401k", "hsa_payroll", "pretax_premiums",
              "health_fsa", "dependent_care_fsa", "commuter"}
INPUTS = {"salary", "state", "filing_status", "spouse_wages", "age", "dependents",
          "local"} | DEDUCTIONS

# 2026 limits.
DEFERRALS = 24_500
HSA_SELF, HSA_FAMILY = 4_400, 8_750
HEALTH_FSA, DEPENDENT_CARE, COMMUTER = 3_400, 7_500, 12 * (340 + 340)


def catch_up(age: int) -> int:
    return 11_250 if 60 <= age <= 63 else 8_000 if age >= 50 else 0


@pytest.fixture(scope="module")
def fixture() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def homes(fixture) -> list[dict]:
    return fixture["households"]


def test_size_and_coverage(homes):
    assert len(homes) >= 2_000
    by_state = Counter(home["inputs"]["state"] for home in homes)
    assert set(by_state) == STATES
    assert min(by_state.values()) >= 40
    for state in STATES:
        statuses = {home["inputs"]["filing_status"] for home in homes
                    if home["inputs"]["state"] == state}
        assert statuses == STATUSES, state
    assert sum(home["inputs"].get("local") == "NYC" for home in homes) >= 25


def test_ids_are_unique_and_name_the_state(homes):
    ids = [home["id"] for home in homes]
    assert len(ids) == len(set(ids))
    for home in homes:
        state, number = home["id"].split("-")
        assert state == home["inputs"]["state"] and len(number) == 4 and number.isdigit()


def test_spread_of_households(homes):
    salaries = [home["inputs"]["salary"] for home in homes]
    assert min(salaries) >= 15_000 and max(salaries) <= 1_000_000
    assert max(salaries) > 700_000 and min(salaries) < 20_000
    married = [home["inputs"] for home in homes
               if home["inputs"]["filing_status"] == "married_joint"]
    assert any(inputs["spouse_wages"] == 0 for inputs in married)
    assert any(inputs["spouse_wages"] > 0 for inputs in married)
    ages = {home["inputs"].get("age", 35) for home in homes}
    assert ages & set(range(50, 55)) and ages & set(range(55, 60)) and ages & set(range(60, 64))
    assert {home["inputs"].get("dependents", 0) for home in homes} == {0, 1, 2, 3}
    counts = Counter(sum(kind in home["inputs"] for kind in DEDUCTIONS) for home in homes)
    assert counts[0] and max(counts) >= 4


def test_inputs_are_within_the_law(homes):
    for home in homes:
        inputs = home["inputs"]
        where = home["id"]
        assert set(inputs) <= INPUTS, where
        assert inputs["state"] in STATES and inputs["filing_status"] in STATUSES, where
        joint = inputs["filing_status"] == "married_joint"
        assert ("spouse_wages" in inputs) == joint, where
        age = inputs.get("age", 35)
        assert "age" not in inputs or (inputs["age"] != 35 and 18 <= age <= 100), where
        dependents = inputs.get("dependents", 0)
        assert "dependents" not in inputs or dependents > 0, where
        if inputs["filing_status"] == "head_of_household":
            assert dependents >= 1, where
        if inputs["filing_status"] == "single":
            assert dependents == 0, where
        assert inputs.get("local", "NYC") == "NYC", where
        if "local" in inputs:
            assert inputs["state"] == "NY", where
        for kind in DEDUCTIONS & set(inputs):
            assert isinstance(inputs[kind], int) and 0 < inputs[kind] <= inputs["salary"], where
        deferrals = inputs.get("traditional_401k", 0) + inputs.get("roth_401k", 0)
        assert deferrals <= DEFERRALS + catch_up(age), where
        family = joint or dependents > 0
        hsa = (HSA_FAMILY if family else HSA_SELF) + (1_000 if age >= 55 else 0)
        assert inputs.get("hsa_payroll", 0) <= hsa, where
        assert inputs.get("health_fsa", 0) <= HEALTH_FSA, where
        assert inputs.get("dependent_care_fsa", 0) <= DEPENDENT_CARE, where
        if "dependent_care_fsa" in inputs:
            assert dependents > 0, where
        assert inputs.get("commuter", 0) <= COMMUTER, where
        assert sum(inputs.get(kind, 0) for kind in DEDUCTIONS) <= inputs["salary"], where


def test_expected_is_the_oracle_unless_corrected(fixture, homes):
    keys = fixture["about"]["test_keys"]
    for home in homes:
        corrected = {correction["tax"] for correction in home["corrections"]}
        assert set(home["expected"]) == set(keys) & set(home["oracle"]), home["id"]
        for key, value in home["expected"].items():
            assert isinstance(value, (int, float)), home["id"]
            if key not in corrected:
                assert value == home["oracle"][key], (home["id"], key)
        for correction in home["corrections"]:
            assert home["expected"][correction["tax"]] == correction["expected"]
            assert correction["reason"] and correction["source"], home["id"]


def test_corrections_are_applied(fixture):
    """The fixture is what apply_corrections.py makes of it with corrections.json."""
    spec = importlib.util.spec_from_file_location(
        "oracle_apply_corrections", HERE / "oracle" / "apply_corrections.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    corrections = json.loads(CORRECTIONS.read_text(encoding="utf-8"))
    again = copy.deepcopy(fixture)
    module.apply(again["households"], corrections, fixture["about"]["test_keys"])
    assert again == fixture
    assert module.dumps(fixture) == FIXTURE.read_text(encoding="utf-8")


def test_headline_figures_follow_their_formulas(homes):
    for home in homes:
        oracle, pe = home["oracle"], home["oracle"]["pe"]
        assert oracle["federal_income_tax"] == round(pe["income_tax"] + pe["eitc"], 2)
        assert oracle["medicare_tax"] == round(
            pe["employee_medicare_tax"] + pe["additional_medicare_tax"], 2)
        assert oracle["state_income_tax"] == pe["state_income_tax_before_refundable_credits"]
