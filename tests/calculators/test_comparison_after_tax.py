"""The offer comparison and the offer value after tax and by place.

Exact cases worked from the tax law by hand, properties with Hypothesis, hostile inputs
that must name their field, and the regional price levels, which live in the engine
(``calculators/prices.py``) and in ``content/figures.yaml`` and must say the same.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from calculators import comparison, offer_equity, prices
from calculators.api import catalog, run
from calculators.errors import CalculatorError
from calculators.report import (
    COUNTER_OFFER,
    difference_chart,
    display_unit,
    format_axis,
    format_value,
    render,
    stacked_chart,
)
from calculators.tax import Household, law, taxes
from strategies import SETTINGS, cents, salaries

SPECS = {spec["name"]: spec for spec in catalog()}
CONTENT = Path(__file__).parents[2] / "content"
# Illinois: 4.95% of wages less its exemption, $2,925 for 2026 (35 ILCS 5/201(b)(5.4);
# 5/204(b): the 2025 $2,850 indexed by the CPI-U, as calculators/tax/years/2026.toml says).
ILLINOIS_EXEMPTION = 2925
ILLINOIS_ON_120000 = (Decimal(120000) - ILLINOIS_EXEMPTION) * Decimal("0.0495")  # 5,795.2125


def cents_of(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"))


def drop(rows: list[dict], key: str) -> list[dict]:
    return [{k: v for k, v in row.items() if k != key} for row in rows]


def offers_of(result: dict) -> dict:
    return {row["offer"]: row for row in result["offers"]}


def field(spec: dict, path: str) -> dict:
    fields = spec["inputs"]
    for name in path.split("."):
        found = next(f for f in fields if f["name"] == name)
        fields = found["fields"] or []
    return found


# --- the contract ------------------------------------------------------------------


def test_the_contract_names_are_there():
    spec = SPECS["offer_comparison"]
    assert {"state", "price_level"} <= {f["name"] for f in field(spec, "offers")["fields"]}
    assert {"rank_by", "filing_status", "state", "spouse_wages", "age", "dependents",
            "year"} <= {f["name"] for f in spec["inputs"]}
    rank_by = field(spec, "rank_by")
    assert rank_by["default"] == "after_tax"
    assert [c["value"] for c in rank_by["choices"]] == ["after_tax", "pre_tax", "purchasing_power"]
    columns = {c["key"] for o in spec["outputs"] if o["key"] == "offers" for c in o["columns"]}
    assert {"after_tax_total", "purchasing_power_total", "behind_leader_by",
            "difference_from_leader"} <= columns
    years = {c["key"] for o in spec["outputs"] if o["key"] == "by_year" for c in o["columns"]}
    assert {"taxes", "after_tax", "cumulative_after_tax"} <= years
    package = SPECS["package_value"]
    assert {"filing_status", "state", "spouse_wages", "year"} <= {f["name"] for f in package["inputs"]}
    assert field(package, "state")["default"] is None


# --- exact cases ---------------------------------------------------------------------


def test_washington_and_illinois_differ_by_exactly_the_illinois_tax():
    """Two offers the same but for the state: the after-tax gap is Illinois's tax."""
    offers = [{"name": "Seattle", "base_salary": 120000, "state": "WA"},
              {"name": "Chicago", "base_salary": 120000, "state": "IL"}]
    illinois = taxes(Household(wages=Decimal(120000), state="IL"))
    washington = taxes(Household(wages=Decimal(120000), state="WA"))
    assert illinois.state_income_tax == Decimal(str(cents_of(ILLINOIS_ON_120000)))  # to the cent
    # federal income tax, Social Security and Medicare are the same in both
    assert (illinois.federal_income_tax, illinois.social_security_tax, illinois.medicare_tax) == (
        washington.federal_income_tax, washington.social_security_tax, washington.medicare_tax)
    gap = (illinois.state_income_tax + illinois.local_income_tax + illinois.state_payroll_tax
           - washington.state_payroll_tax)  # Washington taxes no wages
    for years in (1, 3):
        result = run("offer_comparison", {"years": years, "offers": offers})
        rows = offers_of(result)
        assert rows["Seattle"]["total"] == rows["Chicago"]["total"] == 120000 * years
        assert result["leader"] == "Seattle" and result["ranked_by"] == "After tax"
        assert result["margin"] == cents_of(gap * years)
        assert rows["Chicago"]["behind_leader_by"] == cents_of(gap * years)
        assert rows["Chicago"]["difference_from_leader"] == -cents_of(gap * years)
        chicago = [row for row in result["by_year"] if row["offer"] == "Chicago"]
        assert [row["taxes"] for row in chicago] == [cents_of(illinois.total)] * years
    texas = run("offer_comparison", {"years": 1, "offers": [
        {"name": "Austin", "base_salary": 120000, "state": "TX"}, offers[1]]})
    assert texas["margin"] == cents_of(ILLINOIS_ON_120000) == 5795.21


def test_purchasing_power_ranks_by_what_the_money_buys():
    # $100,000 in Texas leaves $79,180 (federal $13,170, Social Security $6,200, Medicare
    # $1,450); $110,000 leaves $86,215 (federal $15,370, FICA $8,415).
    offers = [{"name": "Cheap", "base_salary": 100000, "state": "TX", "price_level": 90},
              {"name": "Dear", "base_salary": 110000, "state": "TX", "price_level": 110}]
    before = run("offer_comparison", {"years": 1, "rank_by": "pre_tax", "offers": offers})
    after = run("offer_comparison", {"years": 1, "rank_by": "after_tax", "offers": offers})
    power = run("offer_comparison", {"years": 1, "rank_by": "purchasing_power",
                                     "offers": offers})
    assert (before["leader"], before["margin"], before["ranked_by"]) == ("Dear", 10000, "Before tax")
    assert (after["leader"], after["margin"]) == ("Dear", 86215 - 79180)
    rows = offers_of(power)
    assert rows["Cheap"]["purchasing_power_total"] == 87977.78  # 79,180 / 0.90
    assert rows["Dear"]["purchasing_power_total"] == 78377.27  # 86,215 / 1.10
    assert (power["leader"], power["runner_up"], power["ranked_by"]) == (
        "Cheap", "Dear", "Purchasing power")
    assert power["margin"] == 9600.51
    assert [rows["Cheap"]["rank"], rows["Dear"]["rank"]] == [1, 2]
    assert power["summary"] == ("Cheap leads Dear by $9,600.51 (10.9%) in purchasing power "
                                "over 1 year.")
    assert after["summary"].endswith("after tax over 1 year.")
    for result in (before, after, power):  # the totals themselves never depend on rank_by
        assert [r["total"] for r in result["offers"]] == [100000, 110000]
        assert [r["after_tax_total"] for r in result["offers"]] == [79180, 86215]
        # Only the year's difference from the leader is on the measure that ranks.
        assert drop(result["by_year"], "difference_from_leader") == drop(
            power["by_year"], "difference_from_leader")


def test_the_price_level_defaults_to_the_state_figure():
    result = run("offer_comparison", {"years": 1, "offers": [
        {"name": "A", "base_salary": 100000, "state": "TX"},
        {"name": "B", "base_salary": 100000, "state": "FL", "price_level": 100}]})
    rows = offers_of(result)
    assert rows["A"]["price_level"] == float(prices.STATE_PRICE_LEVELS["TX"]) == 97.2
    assert rows["B"]["price_level"] == 100
    assert rows["A"]["purchasing_power_total"] == cents_of(Decimal(79180) * 100 / Decimal("97.2"))
    assert rows["B"]["purchasing_power_total"] == rows["B"]["after_tax_total"] == 79180


def test_an_offer_without_a_state_is_ranked_before_tax_and_the_result_says_why():
    offers = [{"name": "Here", "base_salary": 100000, "state": "TX"},
              {"name": "There", "base_salary": 90000}]
    for rank_by in ("after_tax", "purchasing_power"):
        result = run("offer_comparison", {"years": 2, "rank_by": rank_by, "offers": offers})
        assert result["ranked_by"] == "Before tax"
        assert result["ranking_note"].startswith("Ranked before tax: There has no state")
        rows = offers_of(result)
        assert rows["There"]["after_tax_total"] is None
        assert rows["There"]["purchasing_power_total"] is None
        assert rows["There"]["price_level"] is None and rows["There"]["state"] is None
        assert rows["Here"]["after_tax_total"] == 2 * 79180
        assert result["margin"] == 20000 and result["leader"] == "Here"
        there = [row for row in result["by_year"] if row["offer"] == "There"]
        assert {(row["taxes"], row["after_tax"], row["cumulative_after_tax"])
                for row in there} == {(None, None, None)}
    none = run("offer_comparison", {"offers": [{"base_salary": 1}, {"base_salary": 2},
                                               {"base_salary": 3}]})
    assert none["ranking_note"].startswith("Ranked before tax: Offer 1, Offer 2 and Offer 3 "
                                           "have no state")
    chosen = run("offer_comparison", {"rank_by": "pre_tax", "offers": offers})
    assert chosen["ranking_note"].startswith("Ranked before tax: pay and benefits")


def test_the_comparison_state_taxes_every_offer_without_its_own():
    offers = [{"name": "A", "base_salary": 120000},
              {"name": "B", "base_salary": 120000, "state": "TX"}]
    result = run("offer_comparison", {"years": 1, "state": "IL", "offers": offers})
    rows = offers_of(result)
    assert (rows["A"]["state"], rows["B"]["state"]) == ("IL", "TX")
    assert result["leader"] == "B" and result["margin"] == cents_of(ILLINOIS_ON_120000)
    assert rows["A"]["price_level"] == float(prices.STATE_PRICE_LEVELS["IL"])


def test_on_a_joint_return_an_offer_counts_the_tax_it_adds_to_the_couple():
    couple = {"filing_status": "married_joint", "spouse_wages": 60000}
    result = run("offer_comparison", {"years": 1, "state": "TX", **couple, "offers": [
        {"name": "A", "base_salary": 100000}, {"name": "B", "base_salary": 0}]})
    both = taxes(Household(wages=Decimal(100000), state="TX", filing_status="married_joint",
                           spouse_wages=Decimal(60000)))
    spouse = taxes(Household(wages=Decimal(0), state="TX", filing_status="married_joint",
                             spouse_wages=Decimal(60000)))
    rows = offers_of(result)
    assert rows["A"]["after_tax_total"] == cents_of(100000 - (both.total - spouse.total))
    assert rows["B"]["after_tax_total"] == 0  # no pay: no tax of its own
    package = run("package_value", {"base_salary": 100000, "state": "TX", **couple})
    assert package["tax_on_pay"] == cents_of(both.total - spouse.total)


def test_taxes_count_vesting_equity_and_sign_on_and_not_the_match():
    result = run("offer_comparison", {"years": 2, "contribution_pct": 6, "offers": [
        {"name": "A", "base_salary": 100000, "state": "TX", "signon_bonus": 10000,
         "equity_grant_value": 48000, "equity_cliff_months": 0,
         "match_formula": [{"match_pct": 50, "of_pay_pct": 6}],
         "other_benefits_annual": 1000, "health_cost_annual": 2000},
        {"name": "B", "base_salary": 1, "state": "TX"}]})
    first, second = [row for row in result["by_year"] if row["offer"] == "A"]
    for row, wages in ((first, 100000 + 10000 + 12000), (second, 100000 + 12000)):
        tax = taxes(Household(wages=Decimal(wages), state="TX")).total
        assert row["taxes"] == cents_of(tax)
        assert row["after_tax"] == cents_of(Decimal(str(row["total"])) - tax)
    assert second["cumulative_after_tax"] == round(first["after_tax"] + second["after_tax"], 2)


def test_the_difference_chart_follows_the_measure_that_ranks():
    """Each year's difference from the leader is on the ranking measure, and an offer's
    years add up to its difference over the whole span; the chart says which measure."""
    example = SPECS["offer_comparison"]["example"]
    for rank_by, words in (("pre_tax", "before tax"), ("after_tax", "after tax"),
                           ("purchasing_power", "purchasing power")):
        result = run("offer_comparison", {**example, "rank_by": rank_by})
        html = render("offer_comparison", result)
        assert f"by year, {words}</title>" in html
        for row in result["offers"]:
            years = [y["difference_from_leader"] for y in result["by_year"]
                     if y["offer"] == row["offer"]]
            assert sum(years) == pytest.approx(row["difference_from_leader"], abs=0.05)
            if row["offer"] == result["leader"]:
                assert years == [0] * example["years"]


def test_one_tax_engine_call_per_offer_per_year(monkeypatch):
    calls = []
    real = offer_equity.taxes

    def counted(home):
        calls.append(home.wages)
        return real(home)

    monkeypatch.setattr(offer_equity, "taxes", counted)
    example = SPECS["offer_comparison"]["example"]
    # A price case at today's prices asks nothing the yearly table has not asked.
    today = [{"name": "Today", "growth_pct": 0}]
    run("offer_comparison", {**example, "years": 10, "price_cases": today})
    assert len(calls) == 2 * 10
    calls.clear()
    run("offer_comparison", {**example, "years": 10, "price_cases": today,
                             "filing_status": "married_joint", "spouse_wages": 50000})
    assert len(calls) == 2 * 10 + 2  # and once per offer for the spouse's wages alone


# --- properties ----------------------------------------------------------------------

STATES = st.sampled_from(["TX", "WA", "FL", "IL"])


@st.composite
def taxed_comparisons(draw: st.DrawFn) -> dict:
    offers = []
    for _ in range(draw(st.integers(2, 4))):
        offers.append({
            "base_salary": draw(salaries),
            "state": draw(STATES),
            "raise_pct": draw(st.integers(0, 10)),
            "bonus_target_pct": draw(st.integers(0, 30)),
            "signon_bonus": draw(cents),
            "equity_grant_value": draw(cents),
            "equity_refresher_value": draw(cents),
            "match_formula": draw(st.sampled_from([[], [{"match_pct": 50, "of_pay_pct": 6}]])),
            "health_cost_annual": draw(cents),
            "other_benefits_annual": draw(cents),
            "price_level": draw(st.one_of(st.none(), st.integers(50, 200))),
        })
    return {
        "offers": offers,
        "years": draw(st.integers(1, 6)),
        "contribution_pct": draw(st.one_of(st.none(), st.integers(0, 20))),
        "close_band_pct": draw(st.integers(0, 10)),
        "filing_status": draw(st.sampled_from(["single", "married_joint", "head_of_household"])),
        "dependents": draw(st.integers(0, 3)),
    }


@SETTINGS
@given(taxed_comparisons(), st.integers(1, 200_000))
def test_more_salary_never_lowers_the_after_tax_total(inputs, raise_by):
    before = run("offer_comparison", inputs)
    richer = copy.deepcopy(inputs)
    richer["offers"][0]["base_salary"] += raise_by
    after = run("offer_comparison", richer)
    assert after["offers"][0]["after_tax_total"] >= before["offers"][0]["after_tax_total"]
    assert (after["offers"][0]["purchasing_power_total"]
            >= before["offers"][0]["purchasing_power_total"])


@SETTINGS
@given(taxed_comparisons(), st.sampled_from(["pre_tax", "after_tax", "purchasing_power"]))
def test_behind_the_leader_is_never_negative(inputs, rank_by):
    result = run("offer_comparison", {**inputs, "rank_by": rank_by})
    key = {"pre_tax": "total", "after_tax": "after_tax_total",
           "purchasing_power": "purchasing_power_total"}[rank_by]
    rows = result["offers"]
    leader = next(row for row in rows if row["offer"] == result["leader"])
    assert leader["rank"] == 1 and leader[key] == max(row[key] for row in rows)
    assert sorted(row["rank"] for row in rows) == list(range(1, len(rows) + 1))
    for row in rows:
        assert row["behind_leader_by"] >= 0
        assert row["behind_leader_by"] == -row["difference_from_leader"] + 0.0
        assert abs(row["behind_leader_by"] - (leader[key] - row[key])) <= 0.011
        assert row["after_tax_total"] == pytest.approx(
            sum(y["after_tax"] for y in result["by_year"] if y["offer"] == row["offer"]),
            abs=0.01 * result["by_year"][-1]["year"])


@SETTINGS
@given(taxed_comparisons())
def test_ranking_before_tax_reproduces_the_old_leader(inputs):
    """rank_by pre_tax gives what the comparison gave before it knew any tax."""
    ranked = run("offer_comparison", {**inputs, "rank_by": "pre_tax"})
    untaxed = copy.deepcopy(inputs)
    for offer in untaxed["offers"]:
        del offer["state"]
    old = run("offer_comparison", untaxed)
    assert old["ranked_by"] == ranked["ranked_by"] == "Before tax"
    for key in ("leader", "runner_up", "margin", "margin_pct", "too_close_to_call", "summary"):
        assert ranked[key] == old[key], key
    totals = [row["total"] for row in ranked["offers"]]
    best = max(totals)
    assert ranked["leader"] == ranked["offers"][totals.index(best)]["offer"]  # first of the best
    assert [row["total"] for row in old["offers"]] == totals
    assert [row["rank"] for row in old["offers"]] == [row["rank"] for row in ranked["offers"]]
    assert ([row["difference_from_leader"] for row in old["offers"]]
            == [row["difference_from_leader"] for row in ranked["offers"]])


# --- hostile inputs ------------------------------------------------------------------

TWO = [{"base_salary": 100000, "state": "TX"}, {"base_salary": 90000, "state": "IL"}]


@pytest.mark.parametrize(("change", "path"), [
    ({"offers": [TWO[0], {**TWO[1], "state": "ZZ"}]}, "offers[1].state"),
    ({"offers": [TWO[0], {**TWO[1], "state": "il"}]}, "offers[1].state"),
    ({"offers": [TWO[0], {**TWO[1], "state": 17}]}, "offers[1].state"),
    ({"offers": [{**TWO[0], "price_level": -1}, TWO[1]]}, "offers[0].price_level"),
    ({"offers": [{**TWO[0], "price_level": 0}, TWO[1]]}, "offers[0].price_level"),
    ({"offers": [{**TWO[0], "price_level": 1e9}, TWO[1]]}, "offers[0].price_level"),
    ({"offers": [{**TWO[0], "price_level": "100"}, TWO[1]]}, "offers[0].price_level"),
    ({"offers": [{**TWO[0], "price_level": float("nan")}, TWO[1]]}, "offers[0].price_level"),
    ({"rank_by": "best"}, "rank_by"),
    ({"rank_by": None}, "rank_by"),
    ({"rank_by": "AFTER_TAX"}, "rank_by"),
    ({"offers": [TWO[0], {**TWO[1], "local": "NYC"}]}, "offers[1].local"),
    ({"offers": [TWO[0], {**TWO[1], "local_rate_pct": 11}]}, "offers[1].local_rate_pct"),
    ({"state": "XX"}, "state"),
    ({"spouse_wages": 1000}, "spouse_wages"),
    ({"year": 2099}, "year"),
    ({"filing_status": "separate"}, "filing_status"),
])
def test_bad_tax_and_place_inputs_name_their_field(change, path):
    with pytest.raises(CalculatorError) as caught:
        run("offer_comparison", {"offers": TWO, **change})
    assert caught.value.field == path
    assert caught.value.message


def test_an_engine_error_about_an_offer_s_place_names_the_offer():
    # defensive: the form offers only states the engine knows, but the engine has the last word
    offer = {"local": None, "local_rate_pct": Decimal(0)}
    facts = {"filing_status": "single", "spouse_wages": Decimal(0), "age": 35,
             "dependents": 0, "year": 2026}
    with pytest.raises(CalculatorError) as caught:
        comparison.yearly_taxes(offer_equity.OfferTaxes(facts), offer, "ZZ", "offers[3]", [Decimal(1)],
                                [Decimal(0)])
    assert caught.value.field == "offers[3].state"


@pytest.mark.parametrize(("change", "path"), [
    ({"state": "ZZ"}, "state"),
    ({"spouse_wages": 1}, "spouse_wages"),
    ({"year": 2099}, "year"),
    ({"local": "NYC"}, "local"),
])
def test_package_value_names_bad_tax_facts(change, path):
    with pytest.raises(CalculatorError) as caught:
        run("package_value", {"base_salary": 100000, "state": "TX", **change})
    assert caught.value.field == path


# --- package_value after tax ---------------------------------------------------------


def test_package_value_without_a_state_says_why_there_is_no_after_tax_figure():
    result = run("package_value", {"base_salary": 100000, "employer_health_premium": 7000})
    assert result["after_tax_note"] == "Choose your state to see what the offer leaves you after tax."
    for key in ("tax_on_pay", "cash_after_tax", "equity_after_tax", "total_after_tax",
                "recurring_after_tax", "marginal_rate_pct", "benefits_as_salary"):
        assert result[key] is None, key
    assert result["benefits_after_tax"] == 7000


def test_package_value_after_tax_in_texas_and_in_illinois():
    offer = {"base_salary": 100000, "employer_retirement_contribution": 4000,
             "employer_health_premium": 7000, "employer_hsa_contribution": 500}
    texas = run("package_value", {**offer, "state": "TX"})
    # $100,000 in Texas: federal $13,170, Social Security $6,200, Medicare $1,450
    assert texas["tax_on_pay"] == 20820
    assert texas["cash_after_tax"] == 79180 and texas["equity_after_tax"] == 0
    assert texas["total_after_tax"] == texas["recurring_after_tax"] == 79180 + 11500
    assert texas["marginal_rate_pct"] == 29.65  # 22% + 7.65%
    assert texas["benefits_as_salary"] == cents_of(Decimal(11500) / Decimal("0.7035"))
    assert texas["after_tax_note"] == "Worked out for Texas, filing single, under 2026 tax law."
    illinois = run("package_value", {**offer, "state": "IL"})
    assert illinois["total_after_tax"] == cents_of(  # less Illinois's tax, to the cent
        Decimal(90680) - (Decimal(100000) - ILLINOIS_EXEMPTION) * Decimal("0.0495"))


def test_package_value_recurring_years_leave_out_the_sign_on():
    result = run("package_value", {"base_salary": 100000, "signon_bonus": 20000,
                                   "state": "FL"})
    assert result["cash_after_tax"] == 120000 - result["tax_on_pay"]
    assert result["recurring_after_tax"] == 79180


# --- the price levels: one list in the engine, the same in content/ ------------------------


def test_content_states_exactly_the_price_levels_the_engine_uses():
    figures = {f["id"]: f for f in yaml.safe_load(
        (CONTENT / "figures.yaml").read_text(encoding="utf-8"))["figures"]}
    declared = {key: figure for key, figure in figures.items()
                if key.startswith(f"bea-rpp-{prices.YEAR}-")}
    assert set(declared) == {prices.figure_id(code) for code in prices.STATE_PRICE_LEVELS}
    for code, level in prices.STATE_PRICE_LEVELS.items():
        figure = declared[prices.figure_id(code)]
        assert Decimal(str(figure["value"])) == level, code
        assert figure["unit"] == "count" and figure["source"] == prices.SOURCE_ID
        assert str(figure["as_of"]) == prices.AS_OF
        assert "12 December 2024" in figure["detail"]
    sources = {s["id"]: s for s in yaml.safe_load(
        (CONTENT / "sources.yaml").read_text(encoding="utf-8"))["sources"]}
    assert sources[prices.SOURCE_ID]["publisher"] == "U.S. Bureau of Economic Analysis"


def test_every_state_and_dc_has_a_price_level_and_bea_s_own_figures_hold():
    assert len(prices.STATE_PRICE_LEVELS) == 51
    assert set(law(2026)["states"]) <= set(prices.STATE_PRICE_LEVELS)
    # as BEA's release page states them for 2023
    stated = {"CA": "112.6", "NJ": "108.9", "HI": "108.6", "DC": "110.8", "AR": "86.5",
              "MS": "87.3", "SD": "88.1"}
    assert {code: prices.STATE_PRICE_LEVELS[code] for code in stated} == {
        code: Decimal(value) for code, value in stated.items()}
    assert max(prices.STATE_PRICE_LEVELS, key=prices.STATE_PRICE_LEVELS.get) == "CA"
    assert min(prices.STATE_PRICE_LEVELS, key=prices.STATE_PRICE_LEVELS.get) == "AR"
    assert prices.RELEASED == "2024-12-12" and "December 12, 2024" in prices.SOURCE


# --- the health plan inside each offer ---------------------------------------------------


def test_an_offers_health_cost_comes_from_its_plan():
    """Contoso's plan in the example: $150 a month, a $2,000 deductible, 20% of the other
    $8,000 of care ($1,600), $400 of copays, less $1,000 of HSA money: $4,800 a year; in
    a heavy year it reaches its $5,000 maximum: $1,800 + $5,000 - $1,000."""
    plan = SPECS["offer_comparison"]["example"]["offers"][1]["health_plan"]
    offer = {"name": "A", "base_salary": 100000, "health_from": "plan", "health_plan": plan}
    result = run("offer_comparison", {"years": 2, "offers": [offer, {"base_salary": 100000}]})
    assert [y["health_cost"] for y in result["by_year"] if y["offer"] == "A"] == [4800, 4800]
    assert result["leader"] == "Offer 2" and result["margin"] == 9600
    rows = offers_of(result)
    assert (rows["A"]["health_cost_heavy_year"], rows["A"]["health_cost_worst_case"]) == (5800, 5800)
    assert rows["Offer 2"]["health_cost_heavy_year"] is None
    # The same plan and year through the health plan choice calculator.
    choice = run("health_plan_choice", {"plans": [
        {k: v for k, v in plan.items() if k != "medical_costs"},
        {"deductible": 0, "coinsurance_pct": 0, "oop_max": 0}],
        "scenarios": [{"name": "This year", "medical_costs": 10000}]})
    assert choice["by_scenario"][0]["cost"] == 4800


def test_a_plan_without_the_care_expected_is_priced_for_a_typical_year():
    """A typical year is the median spending per person (MEPS, 2021): $1,374, all under a
    $2,000 deductible; two people on family coverage, $2,748: the deductible and 20% of
    the other $748."""
    plan = {"premium_per_month": 100, "deductible": 2000, "coinsurance_pct": 20,
            "oop_max": 6000}
    offers = [{"base_salary": 1000, "health_from": "plan", "health_plan": plan},
              {"base_salary": 1000, "health_from": "plan",
               "health_plan": {**plan, "coverage": "family", "people_covered": 2}}]
    result = run("offer_comparison", {"years": 1, "offers": offers})
    assert [y["health_cost"] for y in result["by_year"]] == [1200 + 1374, 1200 + 2000 + 149.6]
    blank = run("offer_comparison", {"years": 1, "offers": [
        {"base_salary": 1000, "health_from": "plan"}, {"base_salary": 1000}]})
    assert [y["health_cost"] for y in blank["by_year"]] == [0, 0]


def test_an_amount_ignores_the_plan():
    amount = run("offer_comparison", {"years": 1, "offers": [
        {"base_salary": 1000, "health_cost_annual": 300,
         "health_plan": {"premium_per_month": 999}}, {"base_salary": 1000}]})
    assert amount["by_year"][0]["health_cost"] == 300
    assert comparison.health_outlook({"health_from": "amount"}) is None


@pytest.mark.parametrize(("plan", "field"), [
    ({"coinsurance_pct": 101}, "coinsurance_pct"),
    ({"deductible": 3000, "oop_max": 2000}, "deductible"),
    ({"employer_hsa_contribution": 500}, "employer_hsa_contribution"),
    ({"coverage": "self_only", "people_covered": 2}, "people_covered"),
])
def test_a_bad_plan_input_names_its_field(plan, field):
    with pytest.raises(CalculatorError) as error:
        run("offer_comparison", {"offers": [
            {"base_salary": 1, "health_from": "plan", "health_plan": plan},
            {"base_salary": 1}]})
    assert error.value.field == f"offers[0].health_plan.{field}"


# --- the report: the answer in a few lines, charts, whole dollars, the main columns ------


def example_result(**changes) -> dict:
    return run("offer_comparison", {**SPECS["offer_comparison"]["example"], **changes})


def test_the_digest_gives_the_answer_with_links_to_the_full_result():
    result = example_result()
    root = ET.fromstring(render("offer_comparison", result))
    digest = root.find(".//*[@data-digest]")
    items = {a.get("data-digest-item"): a for a in digest.iter("a")}
    assert list(items) == ["leader", "margin", "close", "leaving", "ask"]
    text = {key: "".join(a.itertext()) for key, a in items.items()}
    assert text["leader"] == "Leader, after taxContoso"
    assert text["margin"] == "Margin$4,582 (1.1%) over Northwind"
    assert text["close"] == "Too close to call?Yes, within 2%"
    assert text["leaving"] == "Leaving after 18 months costsNorthwind $0, Contoso $51,357"
    assert items["ask"].get("href") == COUNTER_OFFER == "../counter_offer/"
    assert text["ask"] == "What to ask forFor Northwind to match Contoso"
    # Each other line opens the part of the full result that says it.
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for key in ("leader", "margin", "close", "leaving"):
        assert items[key].get("href")[1:] in ids
    # Not a figure of its own: the raw figures are where they always were.
    assert digest.find(".//*[@data-output]") is None
    assert digest.find(".//*[@class='calc-digest-hint']") is None
    far = example_result(close_band_pct=0.5, leave_after_months=1)
    text = "".join(ET.fromstring(render("offer_comparison", far)).find(
        ".//*[@data-digest]").itertext())
    assert "No: more than 0.5%" in text and "Leaving after 1 month costs" in text


def test_a_margin_with_no_share_and_a_cost_of_nothing():
    result = run("offer_comparison", {"years": 1, "offers": [{"base_salary": 0},
                                                            {"base_salary": 0}]})
    assert result["margin_pct"] is None
    text = "".join(ET.fromstring(render("offer_comparison", result)).find(
        ".//*[@data-digest]").itertext())
    assert "Margin$0 over Offer 2" in text and "Offer 1 $0, Offer 2 $0" in text
    assert text.endswith("Choose each offer's state to compare them after tax.")
    chosen = run("offer_comparison", {"years": 1, "rank_by": "pre_tax", "offers": [
        {"base_salary": 1, "state": "TX"}, {"base_salary": 2, "state": "TX"}]})
    assert "calc-digest-hint" not in render("offer_comparison", chosen)


def test_money_reads_in_whole_dollars_and_cents_only_when_small():
    assert display_unit("offer_comparison", "usd") == "usd_whole"
    assert display_unit("offer_comparison", "pct") == "pct"
    assert display_unit("pto_value", "usd") == "usd"
    cases = [(705012.3, "$705,012"), (-1500.6, "-$1,501"), (-42.5, "-$42.50"),
             (50.0, "$50"), (0.0, "$0"), (-0.0, "$0"), (-0.4, "-$0.40"), (99.99, "$99.99")]
    assert [format_value(value, "usd_whole") for value, _ in cases] == [t for _, t in cases]
    assert format_axis(150000, "usd_whole") == "$150k"
    html = render("offer_comparison", example_result())
    assert "$705,012.30" not in html and ".25<" not in html.split("calc-lead")[0]


def test_a_phone_sees_the_main_columns_on_the_measure_that_ranks():
    for rank_by, column, yearly in (("after_tax", "after_tax_total", "after_tax"),
                                    ("pre_tax", "total", "total"),
                                    ("purchasing_power", "purchasing_power_total", "after_tax")):
        root = ET.fromstring(render("offer_comparison", example_result(rank_by=rank_by)))
        main = {}
        for key in ("offers", "by_year", "by_price_case", "forfeiture"):
            table = root.find(f".//table[@data-output='{key}']")
            main[key] = [td.get("data-column") for td in table.find("tbody/tr").findall("td")
                         if td.get("class") != "calc-col-more"]
            heads = table.findall("thead/tr/th")
            assert len([th for th in heads if th.get("class") != "calc-col-more"]) == len(main[key])
        case_total = "total" if rank_by == "pre_tax" else "after_tax_total"
        assert main == {"offers": ["offer", "rank", column, "behind_leader_by"],
                        "by_year": ["offer", "year", yearly, "difference_from_leader"],
                        "by_price_case": ["case", "offer", case_total, "rank"],
                        "forfeiture": ["offer", "total"]}
        buttons = [b for b in root.iter("button") if b.get("data-action") == "columns"]
        assert len(buttons) == 4 and all(b.get("aria-expanded") == "false" for b in buttons)
        assert "Show all 16 columns" in "".join(buttons[1].itertext())
    # Other calculators' tables keep every column, with no button.
    html = render("salary_growth", run("salary_growth", SPECS["salary_growth"]["example"]))
    assert "calc-col-more" not in html and 'data-action="columns"' not in html


def test_each_offer_gets_a_stacked_bar_per_year():
    result = example_result()
    root = ET.fromstring(render("offer_comparison", result))
    svgs = root.findall(".//{http://www.w3.org/2000/svg}svg") or root.findall(".//svg")
    assert len(svgs) == 3
    northwind = [y for y in result["by_year"] if y["offer"] == "Northwind"]
    svg = stacked_chart("t", "Northwind", northwind, "usd_whole")
    desc = svg.find("desc").text
    assert desc.startswith("Year 1: salary $120,000, bonus and sign-on $12,000, 401(k) match "
                           "and other benefits $4,800, less health cost $3,200; Year 2:")
    bars = [r for r in svg.iter("rect") if "calc-bar" in r.get("class")]
    # Four years of salary, bonus, benefits and health (no equity), and five legend swatches.
    assert len(bars) == 4 * 4 + 5
    # A health cost below zero is drawn below the zero line; an employer's HSA money
    # beyond the cost (a negative cost) adds to the bar.
    zero = float(svg.find(".//line[@class='calc-chart-zero']").get("y1"))
    health = [r for r in bars if r.get("class").endswith("calc-series-4")][:-1]
    assert all(float(r.get("y")) >= zero - 0.1 for r in health)
    gift = stacked_chart("g", "g", [{**northwind[0], "health_cost": -500.0}], "usd_whole")
    health = [r for r in gift.iter("rect") if r.get("class").endswith("calc-series-4")][:-1]
    assert float(health[0].get("y")) < zero


def test_the_difference_chart_has_a_bar_per_offer_per_year():
    svg = difference_chart("d", "Against the leader", [1, 2], [("A", [-100.0, 50.0]),
                                                              ("B", [0.0, -20.0])], "usd_whole")
    assert svg.find("desc").text == "A: -$100 in year 1, $50 in year 2; B: $0 in year 1, -$20 in year 2."
    bars = [r for r in svg.iter("rect") if r.get("width") != "14"]
    assert len(bars) == 4
