"""health_plan_choice: two to four plans in a light, a typical and a heavy year.

The worked examples from public sources (SBC coverage examples, HealthCare.gov's total
costs) are in worked_examples.json; here: the rules against health_plan_cost's, the
tax the HSA saves against the tax engine, the tiers, the scenarios against content/,
the invariants, bad inputs, the workbench's function and the page's chart.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from decimal import Decimal, localcontext
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from calculators import health_choice
from calculators.api import catalog, run
from calculators.errors import CalculatorError
from calculators.health_choice import (
    FIGURES,
    PLAN_FIELDS,
    check_plan,
    default_scenarios,
    out_of_pocket,
    plan_outlook,
)
from calculators.money import CONTEXT
from calculators.report import render
from calculators.spec import validate
from calculators.tax import Household, law, taxes

from strategies import SETTINGS, choice_inputs, choice_plan

NAME = "health_plan_choice"
SPEC = {spec["name"]: spec for spec in catalog()}[NAME]
ROOT = Path(__file__).parents[2]
CENT = 0.01
SVG = "{http://www.w3.org/2000/svg}"


def two_plans(**extra):
    """A PPO and an HSA-eligible HDHP for one person, and ``extra`` inputs."""
    return {"plans": [
        {"name": "PPO", "premium_per_month": 150, "deductible": 1000, "coinsurance_pct": 20,
         "oop_max": 4000},
        {"name": "HDHP", "premium_per_month": 50, "deductible": 3000, "coinsurance_pct": 20,
         "oop_max": 7000, "employer_hsa_contribution": 500, "hsa_eligible": True}], **extra}


def costs(result, scenario=None):
    return {(row["scenario"], row["plan"]): row["cost"] for row in result["by_scenario"]
            if scenario is None or row["scenario"] == scenario}


def error(inputs):
    with pytest.raises(CalculatorError) as caught:
        run(NAME, inputs)
    return caught.value


# --- health_plan_cost's rules --------------------------------------------------------------


@SETTINGS
@given(choice_plan(), st.integers(0, 200_000))
def test_one_person_pays_what_health_plan_cost_says(plan, care):
    result = run(NAME, {"plans": [plan, plan | {"name": "Twin"}],
                        "scenarios": [{"name": "Year", "medical_costs": care}]})
    def own(per_person, whole):
        return whole if per_person is None else min(per_person, whole)

    alone = run("health_plan_cost", {
        "premium_per_month": plan["premium_per_month"],
        "deductible": own(plan["deductible_per_person"], plan["deductible"]),
        "coinsurance_pct": plan["coinsurance_pct"],
        "oop_max": own(plan["oop_max_per_person"], plan["oop_max"]),
        "expected_medical_costs": care, "copays": plan["copays"],
        "employer_hsa_contribution": plan["employer_hsa_contribution"]})
    row = result["by_scenario"][0]
    assert row["out_of_pocket"] == alone["out_of_pocket"]
    assert row["cost"] == alone["total_annual_cost"]


@SETTINGS
@given(choice_plan(per_person=False), st.integers(2, 8),
       st.lists(st.integers(0, 60_000), min_size=8, max_size=8))
def test_without_per_person_limits_the_family_is_one_pool(plan, people, care):
    """One family deductible and maximum: health_plan_cost on the household's total."""
    plan = validate(PLAN_FIELDS, plan)
    care = [Decimal(c) for c in care[:people]]
    with localcontext(CONTEXT):
        ours = out_of_pocket(plan, care)
    pooled = health_choice.health_plan_cost(
        premium_per_month=Decimal(0), deductible=plan["deductible"],
        coinsurance_pct=plan["coinsurance_pct"], oop_max=plan["oop_max"],
        expected_medical_costs=sum(care), copays=plan["copays"],
        employer_hsa_contribution=Decimal(0))
    assert ours == pooled.out_of_pocket


def test_an_embedded_deductible_lets_one_person_through_before_the_family():
    plan = validate(PLAN_FIELDS, {"deductible": 6000, "deductible_per_person": 3000,
                                  "coinsurance_pct": 20, "oop_max": 14000,
                                  "oop_max_per_person": 7000})
    D = Decimal
    # One person with $10,000: their own $3,000, then 20% of $7,000.
    assert out_of_pocket(plan, [D(10000), D(0), D(0)]) == 4400
    # Without the embedded deductible the family pays $6,000 first.
    aggregate = plan | {"deductible_per_person": None}
    assert out_of_pocket(aggregate, [D(10000), D(0), D(0)]) == D(6800)
    # A huge bill stops at the person's maximum, and the family's holds the rest.
    assert out_of_pocket(plan, [D(500000), D(0), D(0)]) == 7000
    assert out_of_pocket(plan, [D(500000)] * 3) == 14000
    # Three people each past their own deductible: the family's $6,000 caps it.
    assert out_of_pocket(plan, [D(4000)] * 3) == 6000 + Decimal("0.2") * 6000


def test_copays_count_toward_each_persons_maximum_and_are_shared():
    plan = validate(PLAN_FIELDS, {"deductible": 0, "coinsurance_pct": 0, "oop_max": 900,
                                  "oop_max_per_person": 200, "copays": 900})
    assert out_of_pocket(plan, [Decimal(0)] * 3) == 600  # $300 each, held to $200 each


# --- the tax the HSA saves --------------------------------------------------------------


def test_the_tax_saved_is_the_engines_difference_with_and_without_the_contribution():
    inputs = two_plans(hsa_contribution=2000, salary=100000, state="IL")
    result = run(NAME, inputs)
    home = Household(wages=Decimal(100000), state="IL", hsa_coverage="self_only")
    saved = taxes(home).total - taxes(home.replace(pretax={"hsa_payroll": Decimal(2000)})).total
    # 22% federal, Illinois' 4.95% and 7.65% of Social Security and Medicare on $2,000.
    assert saved == Decimal("692.00")
    assert result["hsa_tax_saved"] == 692 and result["tax_saving_counted"] is True
    assert result["plans"][1]["hsa_tax_saved"] == 692 and result["plans"][0]["hsa_tax_saved"] == 0
    without = run(NAME, two_plans(hsa_contribution=2000))
    for key, cost in costs(result).items():
        assert cost == costs(without)[key] - (692 if key[1] == "HDHP" else 0)
    assert "saves, $692, is counted" in result["summary"]


def test_without_a_salary_no_tax_saving_is_counted_and_the_result_says_so():
    result = run(NAME, two_plans(hsa_contribution=2000, state="IL"))
    assert result["hsa_tax_saved"] == 0 and result["tax_saving_counted"] is False
    assert "would save is not counted: give your salary and state" in result["summary"]
    assert "not counted" not in run(NAME, two_plans())["summary"]  # nothing to count


@pytest.mark.parametrize("state", ["CA", "NJ"])
def test_california_and_new_jersey_tax_hsa_money_so_it_saves_no_state_income_tax(state):
    result = run(NAME, two_plans(hsa_contribution=2000, salary=100000, state=state))
    home = Household(wages=Decimal(100000), state=state, hsa_coverage="self_only")
    saved = taxes(home) - taxes(home.replace(pretax={"hsa_payroll": Decimal(2000)}))
    assert saved.state_income_tax == 0
    assert saved.federal_income_tax == 440
    assert result["hsa_tax_saved"] == float(saved.total) > 440


def test_the_tax_facts_reach_the_engine():
    joint = run(NAME, two_plans(hsa_contribution=2000, salary=100000, state="TX",
                                filing_status="married_joint", coverage="family",
                                people_covered=2))
    assert joint["hsa_tax_saved"] == 240 + 153  # the 12% bracket, joint; 7.65%
    with pytest.raises(CalculatorError) as caught:
        run(NAME, two_plans(hsa_contribution=2000, salary=100000))
    assert caught.value.field == "state"
    assert error(two_plans(hsa_contribution=2000, salary=1500, state="TX")).field == \
        "hsa_contribution"  # more than the wages
    assert error(two_plans(year=1999)).field == "year"
    assert error(two_plans(spouse_wages=1, salary=100000, state="TX",
                           hsa_contribution=1)).field == "spouse_wages"


# --- tiers and the HSA limit ---------------------------------------------------------------


@pytest.mark.parametrize(("coverage", "age", "limit"), [
    ("self_only", 35, 4400), ("self_only", 55, 5400), ("self_plus_one", 35, 8750),
    ("family", 54, 8750), ("family", 55, 9750)])
def test_the_hsa_limit_follows_the_tier(coverage, age, limit):
    result = run(NAME, two_plans(coverage=coverage, age=age))
    assert result["hsa_limit"] == limit
    room = limit - 500  # the employer puts in $500
    assert run(NAME, two_plans(coverage=coverage, age=age, hsa_contribution=room))
    caught = error(two_plans(coverage=coverage, age=age, hsa_contribution=room + 1))
    assert caught.field == "hsa_contribution" and "the employer puts in $500" in caught.message


@pytest.mark.parametrize(("coverage", "people"), [("self_only", 1), ("self_plus_one", 2),
                                                  ("family", 3)])
def test_each_tier_covers_its_people_unless_told(coverage, people):
    result = run(NAME, two_plans(coverage=coverage))
    assert result["people_covered"] == people
    assert result["scenarios"][1]["medical_costs"] == people * 1374


def test_the_family_tier_covers_as_many_as_the_reader_says():
    assert run(NAME, two_plans(coverage="family", people_covered=6))["people_covered"] == 6


# --- the scenarios ----------------------------------------------------------------------------


def test_the_default_years_are_the_sourced_figures_in_content():
    figures = {f["id"]: f for f in yaml.safe_load(
        (ROOT / "content" / "figures.yaml").read_text(encoding="utf-8"))["figures"]}
    sources = {s["id"] for s in yaml.safe_load(
        (ROOT / "content" / "sources.yaml").read_text(encoding="utf-8"))["sources"]}
    for figure_id, value in FIGURES.items():
        assert Decimal(str(figures[figure_id]["value"])) == value, figure_id
        assert figures[figure_id]["unit"] == "usd"
        assert figures[figure_id]["source"] in sources
        assert f"<!-- figure: {figure_id} -->" in " ".join(SPEC["notes"])  # explained


def test_the_default_years_scale_with_the_people_covered():
    one, three = default_scenarios(1), default_scenarios(3)
    assert [y["medical_costs"] for y in one] == [385, 1374, 166980]
    assert [y["medical_costs"] for y in three] == [1155, 4122, 166980 + 2 * 1374]
    assert three[2]["one_person"] == 166980 and one[2]["one_person"] is None
    result = run(NAME, two_plans(coverage="family"))
    assert [row["one_person"] for row in result["scenarios"]] == [385, 1374, 166980]


def test_the_readers_own_years_replace_the_defaults():
    result = run(NAME, two_plans(scenarios=[{"name": "Braces", "medical_costs": 6000}]))
    assert [row["scenario"] for row in result["cheapest"]] == ["Braces"]
    assert costs(result) == {("Braces", "PPO"): 1800 + 2000, ("Braces", "HDHP"): 600 + 3600 - 500}


def test_one_persons_part_falls_on_one_person():
    plans = [{"name": "Embedded", "deductible": 4000, "deductible_per_person": 2000,
              "coinsurance_pct": 20, "oop_max": 8000, "oop_max_per_person": 4000},
             {"name": "Pooled", "deductible": 4000, "coinsurance_pct": 20, "oop_max": 8000}]
    spread = run(NAME, {"plans": plans, "coverage": "family", "people_covered": 2,
                        "scenarios": [{"name": "Y", "medical_costs": 6000}]})
    one = run(NAME, {"plans": plans, "coverage": "family", "people_covered": 2,
                     "scenarios": [{"name": "Y", "medical_costs": 6000, "one_person": 6000}]})
    assert costs(spread) == {("Y", "Embedded"): 4400, ("Y", "Pooled"): 4400}
    assert costs(one) == {("Y", "Embedded"): 2800, ("Y", "Pooled"): 4400}


# --- the invariants ------------------------------------------------------------------------


@SETTINGS
@given(choice_inputs(), st.integers(1, 300_000))
def test_a_plans_cost_never_falls_as_spending_rises(inputs, extra):
    more = copy.deepcopy(inputs)
    for scenario in more["scenarios"]:
        scenario["medical_costs"] += extra
    low, high = costs(run(NAME, inputs)), costs(run(NAME, more))
    assert all(high[key] >= low[key] for key in low)
    result = run(NAME, inputs)
    for plan in {row["plan"] for row in result["curve"]}:
        line = [row["cost"] for row in result["curve"] if row["plan"] == plan]
        assert line == sorted(line)


@SETTINGS
@given(choice_inputs())
def test_a_plan_never_costs_more_than_its_worst_case(inputs):
    result = run(NAME, inputs)
    worst = {row["plan"]: row["cost"] for row in result["worst_case"]}
    for row in result["by_scenario"] + result["curve"]:
        assert row["cost"] <= worst[row["plan"]] + CENT / 2
    # ... and its worst case is reached past every maximum.
    last = max(row["medical_costs"] for row in result["curve"])
    tops = {row["plan"]: row["cost"] for row in result["curve"] if row["medical_costs"] == last}
    saved = {row["plan"]: row["hsa_tax_saved"] for row in result["plans"]}
    plans = inputs["plans"]
    for plan, top in tops.items():
        index = [row["plan"] for row in result["plans"]].index(plan)
        if plans[index]["coinsurance_pct"] > 0:  # three figures, each rounded to cents
            assert abs(top - (worst[plan] - saved[plan])) <= 1.5 * CENT


@SETTINGS
@given(choice_inputs())
def test_the_cheapest_is_the_minimum(inputs):
    result = run(NAME, inputs)
    for row in result["cheapest"]:
        year = costs(result, row["scenario"])
        assert row["cost"] == min(year.values()) == year[(row["scenario"], row["plan"])]
        others = sorted(year.values())
        assert abs(row["saves"] - (others[1] - others[0])) <= CENT * 1.001  # rounding


@SETTINGS
@given(choice_inputs())
def test_the_plans_swap_places_where_the_break_even_says(inputs):
    result = run(NAME, inputs)
    points = sorted({row["medical_costs"] for row in result["curve"]})
    at = {(row["medical_costs"], row["plan"]): row["cost"] for row in result["curve"]}
    plans = [row["plan"] for row in result["plans"]]

    def cheapest(x):
        return min(plans, key=lambda plan: at[(x, plan)])

    swaps = result["break_even"]
    for swap in swaps:
        x = swap["medical_costs"]
        assert abs(at[(x, swap["cheaper_below"])] - at[(x, swap["cheaper_above"])]) <= CENT
    # Between swaps the same plan is cheapest at every point of the curve.
    if not swaps:
        assert any(all(at[(x, plan)] <= at[(x, cheapest(x))] + CENT for x in points)
                   for plan in plans)
        return
    edges = [-1.0] + [s["medical_costs"] for s in swaps] + [points[-1] + 1]
    owners = [swaps[0]["cheaper_below"]] + [s["cheaper_above"] for s in swaps]
    for k, owner in enumerate(owners):
        for x in (x for x in points if edges[k] < x < edges[k + 1]):
            assert at[(x, owner)] <= at[(x, cheapest(x))] + CENT


@SETTINGS
@given(choice_plan(), st.integers(1, 6), st.integers(0, 400_000))
def test_the_lines_behind_the_curve_are_the_rules_themselves(plan, people, spending):
    """Spread evenly, a plan's out of pocket is the least of the lines whose crossings
    make the curve's points: the points miss no bend."""
    plan = validate(PLAN_FIELDS, plan)
    x = Decimal(spending)
    lines = health_choice._lines(plan, people)
    with localcontext(CONTEXT):  # the engine's precision, as run() sets it
        assert abs(out_of_pocket(plan, [x / people] * people)
                   - min(s * x + b for s, b in lines)) < Decimal("1e-12")


# --- bad inputs name their field -------------------------------------------------------------


PLAN = {"deductible": 1000, "coinsurance_pct": 20, "oop_max": 4000}


@pytest.mark.parametrize(("inputs", "field", "words"), [
    ({"plans": [PLAN]}, "plans", "at least 2"),
    ({"plans": [PLAN] * 5}, "plans", "at most 4"),
    ({"plans": [PLAN, PLAN | {"deductible": 4001}]}, "plans[1].deductible",
     "above the out-of-pocket maximum"),
    ({"plans": [PLAN, PLAN | {"hsa_eligible": True}], "hsa_contribution": 4401},
     "hsa_contribution", "at most $4,400"),
    ({"plans": [PLAN, PLAN], "hsa_contribution": 1000}, "hsa_contribution",
     "none of the plans is HSA-eligible"),
    ({"plans": [PLAN | {"employer_hsa_contribution": 500}, PLAN]},
     "plans[0].employer_hsa_contribution", "needs an HSA-eligible plan"),
    ({"plans": [PLAN, PLAN | {"hsa_eligible": True, "employer_hsa_contribution": 4401}]},
     "plans[1].employer_hsa_contribution", "at most $4,400"),
    ({"plans": [PLAN, PLAN | {"deductible_per_person": 1001}]},
     "plans[1].deductible_per_person", "above the tier's deductible"),
    ({"plans": [PLAN, PLAN | {"oop_max_per_person": 4001}]}, "plans[1].oop_max_per_person",
     "above the tier's out-of-pocket maximum"),
    ({"plans": [PLAN, PLAN | {"oop_max_per_person": 999}]}, "plans[1].oop_max_per_person",
     "below the deductible"),
    ({"plans": [PLAN | {"name": "A"}, PLAN | {"name": "A"}]}, "plans[1].name", "'A'"),
    ({"plans": [PLAN, PLAN | {"name": "Plan 1"}]}, "plans[1].name", "'Plan 1'"),
    ({"plans": [PLAN, PLAN], "coverage": "self_only", "people_covered": 2}, "people_covered",
     "just you"),
    ({"plans": [PLAN, PLAN], "coverage": "self_plus_one", "people_covered": 3},
     "people_covered", "2 people"),
    ({"plans": [PLAN, PLAN], "coverage": "family", "people_covered": 1}, "people_covered",
     "2 people or more"),
    ({"plans": [PLAN, PLAN], "scenarios": [{"name": "Y", "medical_costs": 10,
                                            "one_person": 11}]},
     "scenarios[0].one_person", "more than"),
    ({"plans": [PLAN, PLAN], "scenarios": [{"name": "Y", "medical_costs": 10,
                                            "one_person": 5}]},
     "scenarios[0].one_person", "one person covered"),
    ({"plans": [PLAN, PLAN], "scenarios": [{"name": "Y", "medical_costs": 1},
                                           {"name": "Y", "medical_costs": 2}]},
     "scenarios[1].name", "another scenario"),
])
def test_bad_inputs_name_their_field(inputs, field, words):
    caught = error(inputs)
    assert caught.field == field
    assert words in caught.message


def test_a_plan_as_the_workbench_embeds_it_is_checked_the_same_way():
    plan = validate(PLAN_FIELDS, PLAN | {"deductible": 5000})
    with pytest.raises(CalculatorError) as caught:
        check_plan(plan, "offers[1].health_plan")
    assert caught.value.field == "offers[1].health_plan.deductible"


# --- for the offer workbench --------------------------------------------------------------------


def test_the_workbench_gets_a_plans_typical_and_heavy_year_cost():
    inputs = SPEC["example"]
    result = run(NAME, inputs)
    saved = Decimal(str(result["hsa_tax_saved"]))
    for index, raw in enumerate(inputs["plans"]):
        plan = validate(PLAN_FIELDS, raw)
        outlook = plan_outlook(plan, coverage="family", people_covered=3,
                               hsa_tax_saved=saved)
        name = result["plans"][index]["plan"]
        year = costs(result)
        assert float(outlook.expected) == pytest.approx(year[("Typical year", name)], abs=CENT)
        assert float(outlook.heavy) == pytest.approx(year[("Heavy year", name)], abs=CENT)
        assert float(outlook.worst_case) == result["worst_case"][index]["cost"]


def test_the_workbench_may_give_its_own_years():
    plan = validate(PLAN_FIELDS, PLAN | {"premium_per_month": 100})
    outlook = plan_outlook(plan, typical={"medical_costs": Decimal(2000)},
                           heavy={"medical_costs": Decimal(50000), "one_person": None})
    assert (outlook.expected, outlook.heavy, outlook.worst_case) == (2400, 5200, 5200)
    with pytest.raises(CalculatorError) as caught:
        plan_outlook(plan, coverage="self_plus_one", people_covered=5)
    assert caught.value.field == "people_covered"


# --- the page -------------------------------------------------------------------------------------


def test_the_example_is_a_family_of_three_choosing_between_a_ppo_and_an_hdhp():
    result = run(NAME, SPEC["example"])
    assert result["people_covered"] == 3
    assert [row["plan"] for row in result["cheapest"]] == ["HDHP", "HDHP", "PPO"]
    assert result["break_even"] == [{"medical_costs": 34690.0, "cheaper_below": "HDHP",
                                     "cheaper_above": "PPO"}]
    assert result["summary"].startswith("Cheapest: HDHP in Light year ($1,577), Typical "
                                        "year ($4,446.40); PPO in Heavy year")


def test_the_chart_shows_each_plan_across_spending_with_the_years_marked():
    result = run(NAME, SPEC["example"])
    root = ET.fromstring(render(NAME, result))
    svg = root.find(f".//{SVG}svg")
    assert svg.get("role") == "img"
    assert len(svg.findall(f"{SVG}polyline")) == 2
    desc = svg.find(f"{SVG}desc").text
    assert desc.startswith("PPO: $4,560.00 at medical spending $0.00, $10,560.00 at medical "
                           "spending $60,000.00; HDHP: $422.00 at medical spending $0.00")
    assert desc.endswith("; marked: Light year at $1,155.00; marked: Typical year at $4,122.00; "
                         "marked: Break-even at $34,690.00.")
    marks = svg.findall(f"{SVG}g[@class='calc-chart-marker']")
    assert [m.find(f"{SVG}text").text for m in marks] == ["Light year", "Typical year",
                                                          "Break-even"]
    assert {m.find(f"{SVG}line").get("stroke") for m in marks} == {"currentColor"}
    ticks = [t.text for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert ticks == ["$0", "$20k", "$40k", "$60k"]
    caption = root.find(".//figcaption").text
    assert "spread evenly across the 3 people covered, with the years priced and the " \
           "break-even marked" in caption
    assert "past $60,000.00 no plan's cost changes, so Heavy year is off the chart" in caption
    # The chart's data is the curve table, every point of it.
    table = root.find(".//table[@data-output='curve']")
    cells = [td.text for td in table.iter("td")]
    for figure in ("$4,560.00", "$10,560.00", "$1,155.00", "$4,122.00", "$60,000.00",
                   "$34,690.00"):
        assert figure in cells


def test_a_single_persons_chart_says_nothing_of_spreading():
    result = run(NAME, two_plans(scenarios=[{"name": "Y", "medical_costs": 5000}]))
    caption = ET.fromstring(render(NAME, result)).find(".//figcaption").text
    assert caption == ("Each plan's cost for the year as medical spending grows, with the "
                       "years priced and the break-even marked. The data is in a table below.")
    alike = run(NAME, {"plans": [PLAN, PLAN | {"premium_per_month": 1}]})
    caption = ET.fromstring(render(NAME, alike)).find(".//figcaption").text
    assert caption.startswith("Each plan's cost for the year as medical spending grows, with "
                              "the years priced marked; past $")


def test_the_summary_names_every_swap_or_says_there_is_none():
    assert "PPO costs least at any medical spending." in run(NAME, {"plans": [
        PLAN | {"name": "PPO"}, PLAN | {"name": "Dear", "premium_per_month": 10}]})["summary"]
    three = run(NAME, {"plans": [
        {"name": "Bronze", "deductible": 6000, "coinsurance_pct": 40, "oop_max": 9000},
        {"name": "Silver", "premium_per_month": 150, "deductible": 3000,
         "coinsurance_pct": 20, "oop_max": 6000},
        {"name": "Gold", "premium_per_month": 400, "deductible": 500, "coinsurance_pct": 10,
         "oop_max": 3000}]})
    assert [(s["cheaper_below"], s["cheaper_above"]) for s in three["break_even"]] == [
        ("Bronze", "Silver"), ("Silver", "Gold")]
    assert "The plans swap places at $" in three["summary"]
    assert ("The plans swap places at $5,250 (Bronze below, Silver above), $10,500 (Silver "
            "below, Gold above) of medical spending a year.") in three["summary"]


def test_plans_that_cost_the_same_until_one_pulls_ahead_do_not_swap_places():
    result = run(NAME, {"plans": [
        {"name": "A", "deductible": 1800, "coinsurance_pct": 20, "oop_max": 7000},
        {"name": "B", "deductible": 1500, "coinsurance_pct": 20, "oop_max": 5000}]})
    assert result["break_even"] == []  # the same up to $1,500, then B
    assert "B costs least at any medical spending." in result["summary"]


def test_a_tiny_coinsurance_does_not_stretch_the_chart_past_a_billion_dollars():
    result = run(NAME, {"plans": [PLAN | {"coinsurance_pct": 1e-9}, PLAN]})
    assert max(row["medical_costs"] for row in result["curve"]) == 1_000_000_000


def test_the_result_prints_with_the_page():
    """The print rules hide the controls and keep charts and rows whole: the result uses
    the classes they name, and the marker lines take the text's colour on paper."""
    css = (ROOT / "docs" / "assets" / "stylesheets" / "calculator.css").read_text()
    printed = css[css.index("@media print"):]
    for rule in (".calc-figure", ".calc-report tr", ".calc-table td"):
        assert rule in printed
    html = render(NAME, run(NAME, SPEC["example"]))
    assert 'class="calc-figure"' in html and 'class="calc-table"' in html
    assert 'stroke="currentColor"' in html
