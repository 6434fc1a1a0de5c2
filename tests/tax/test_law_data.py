"""The tax law as data: every year's file complete and sourced, and the site's figures
for the yearly limits the same numbers the engine uses."""

import importlib
from pathlib import Path

import pytest
import yaml

from calculators.tax import law, years
from calculators.tax.law import YEARS

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "calculators" / "tax" / "rules"
FIGURES = {f["id"]: f for f in yaml.safe_load(
    (ROOT / "content" / "figures.yaml").read_text(encoding="utf-8"))["figures"]}
STATES = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
          "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
          "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
          "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"}
# The figures in content/ that state a limit the engine enforces: figure -> where in the
# year's law it lives. The law is the source; a test keeps the page's number the same.
LIMIT_FIGURES = {
    "irs-401k-deferral-limit-2026": ("limits", "elective_deferral"),
    "irs-401k-catch-up-50-2026": ("limits", "catch_up"),
    "irs-401k-catch-up-60-63-2026": ("limits", "catch_up_60_63"),
    "irs-415c-annual-additions-2026": ("limits", "annual_additions"),
    "irs-401k-compensation-limit-2026": ("limits", "compensation"),
    "irs-hsa-self-only-2026": ("limits", "hsa_self_only"),
    "irs-hsa-family-2026": ("limits", "hsa_family"),
    "irs-health-fsa-limit-2026": ("limits", "health_fsa"),
    "irs-transit-limit-2026": ("limits", "transit_monthly"),
    "irs-parking-limit-2026": ("limits", "parking_monthly"),
    "irs-dependent-care-fsa-limit-2026": ("limits", "dependent_care_fsa"),
    "irs-max-cliff-vesting-years": ("limits", "match_cliff_years"),
}


def shape(table):
    """The tree of keys of a year's law (values left out), to compare years by."""
    if isinstance(table, dict):
        return {key: shape(value) for key, value in table.items()
                if key not in ("source", "name", "label")}
    return type(table).__name__ if not isinstance(table, list) else "list"


def test_every_state_and_dc_is_in_every_year():
    for year in years():
        assert set(law(year)["states"]) == STATES


@pytest.mark.parametrize("year", years())
def test_every_table_names_its_source(year):
    year_law = law(year)
    tables = [("federal", year_law["federal"]), ("payroll", year_law["payroll"]),
              ("limits", year_law["limits"])]
    tables += [(f"states.{code}", state) for code, state in year_law["states"].items()]
    tables += [(f"locals.{code}", place) for code, place in year_law.get("locals", {}).items()]
    tables += [(f"pretax.{kind}", rules) for kind, rules in year_law["pretax"].items()]
    for name, table in tables:
        assert len(str(table.get("source", ""))) > 20, name
    for code, state in year_law["states"].items():
        for item, rules in state.get("payroll", {}).items():
            assert len(rules.get("source", "")) > 20, f"states.{code}.payroll.{item}"


@pytest.mark.parametrize("year", years())
def test_each_state_with_rules_has_its_module_and_no_module_is_orphaned(year):
    states = law(year)["states"]
    with_rules = {code.lower() for code, state in states.items() if state.get("rules")}
    modules = {path.stem for path in RULES.glob("*.py") if not path.stem.startswith("_")}
    locals_ = {code.lower() for code, place in law(year).get("locals", {}).items()
               if place.get("rules")}
    assert modules == with_rules | locals_
    for name in modules:
        assert callable(importlib.import_module(f"calculators.tax.rules.{name}").income_tax)


def test_a_new_year_has_every_parameter_the_last_one_has():
    # Adding a year is adding a file: it must hold every key the previous year has, so
    # the engine finds everything it asks for (the values and sources are the new ones).
    files = sorted(YEARS.glob("*.toml"))
    assert [int(path.stem) for path in files] == list(years())
    newest = law(years()[-1])
    for year in years()[:-1]:
        assert shape(law(year)) == shape(newest), year


@pytest.mark.parametrize("figure", sorted(LIMIT_FIGURES))
def test_the_sites_limit_figures_are_the_engines(figure):
    table, key = LIMIT_FIGURES[figure]
    assert FIGURES[figure]["value"] == law(2026)[table][key]
    assert FIGURES[figure]["as_of"].year == 2026 or "vesting" in figure
