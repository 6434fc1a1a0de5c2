"""Worked examples from the engine (hooks/examples.py): a real run, its tables, the link
that opens the calculator with the same inputs, and a clear stop for bad markers."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import unquote

import pytest
from calculators.api import catalog, run
from calculators.report import format_value

import examples
from markers import MarkerError, expand

PAGE = "steps/03-value-the-whole-offer.md"
SPECS = {spec["name"]: spec for spec in catalog()}
HEALTH = {"premium_per_month": 550, "deductible": 3000, "coinsurance_pct": 20,
          "oop_max": 8000, "expected_medical_costs": 7000, "copays": 400}


def render(markdown: str, page: str = PAGE) -> str:
    return expand(markdown, examples.renderers(page), page)


def rows(html: str) -> dict[str, str]:
    """Each labelled row of the rendered tables, label to value."""
    return {unescape(label): unescape(value) for label, value in re.findall(
        r'<tr><th scope="row">(.*?)</th><td[^>]*>(.*?)</td></tr>', html)}


def table(html: str, caption: str) -> list[list[str]]:
    """The header and body rows of the data table with this caption."""
    body = re.search(rf"<caption>{re.escape(caption)}</caption>(.*?)</table>", html).group(1)
    return [[unescape(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_an_example_renders_its_inputs_and_every_result_of_a_real_run():
    text = render(f"<!-- example: health_plan_cost {json.dumps(HEALTH)} -->")
    result = run("health_plan_cost", HEALTH)
    table = rows(text)
    assert table["Your premium per month"] == "$550.00"
    assert table["Coinsurance"] == "20%"
    assert table["Expected cost for the year"] == format_value(result["total_annual_cost"], "usd")
    assert table["Worst case for the year"] == "$14,600.00"
    assert table["Out-of-pocket maximum reached"] == "No"
    assert text.startswith('\n<div class="worked-example calc-report" '
                           'data-example="health_plan_cost" ')
    assert "<caption>Result: Health plan cost</caption>" in text
    assert '<td data-output="total_annual_cost" data-value="10800.0">$10,800.00</td>' in text
    assert text.endswith("</div>\n") and "\n\n" not in text  # one block of HTML


def test_the_link_opens_the_calculator_with_the_same_inputs():
    text = render(f"<!-- example: health_plan_cost {json.dumps(HEALTH)} -->")
    href = unescape(re.search(r'<a href="([^"]+)">Health plan cost: open this example',
                              text).group(1))
    path, _, fragment = href.partition("#")
    assert path == "../../calculators/health_plan_cost/"
    name, _, inputs = fragment.partition("=")
    linked = json.loads(unquote(inputs))
    # Every input is in the link (the page would keep its own example's value for a
    # missing one), at the value the example ran with.
    assert linked == {**{f["name"]: f["default"] for f in SPECS["health_plan_cost"]["inputs"]},
                      **HEALTH}
    assert run("health_plan_cost", linked) == run("health_plan_cost", HEALTH)
    inputs_attribute = unescape(re.search(r'data-inputs="([^"]+)"', text).group(1))
    assert json.loads(inputs_attribute) == HEALTH


def test_complete_inputs_fill_groups_and_list_items_with_their_defaults():
    fields = SPECS["offer_comparison"]["inputs"]
    full = examples.complete(fields, {"offers": [{"name": "A", "base_salary": 1}],
                                      "contribution_pct": 6})
    offer = full["offers"][0]
    assert offer["name"] == "A" and offer["raise_pct"] == 0 and offer["signon_bonus"] == 0
    assert offer["match_vesting"]["type"] == "immediate" and "years" in offer["match_vesting"]
    assert full["years"] == 4
    vesting = examples.complete(SPECS["retirement_match"]["inputs"],
                                {"salary": 1, "contribution_pct": 1})["vesting"]
    assert vesting["type"] == "immediate" and "years" in vesting


def test_an_example_its_page_could_not_reproduce_stops_the_build(monkeypatch):
    specs = {name: dict(spec) for name, spec in SPECS.items()}
    specs["pto_value"]["inputs"] = [dict(f, default=250) if f["name"] == "working_days_per_year"
                                    else f for f in SPECS["pto_value"]["inputs"]]
    monkeypatch.setattr(examples, "_specs", lambda: specs)
    with pytest.raises(MarkerError, match="its page would not show this example"):
        render('<!-- example: pto_value {"salary": 78000, "pto_days": 15} -->')


@pytest.mark.parametrize(("page", "link"), [
    ("steps/index.md", "../calculators/pto_value/"),
    ("index.md", "calculators/pto_value/"),
    ("benefits/must-have/hsa.md", "../../../calculators/pto_value/"),
])
def test_the_link_is_relative_from_any_page(page, link):
    assert examples.calculator_link(page, "pto_value", {"salary": 1}).startswith(f"{link}#pto_value=")


def test_chosen_results_are_shown_in_the_order_named_with_their_tables():
    marker = ('<!-- example: salary_growth {"salary_a": 90000, "salary_b": 100000, '
              '"raise_pct_a": 3, "raise_pct_b": 3, "years": 5} '
              '| cumulative_gap by_year[year,salary_a,salary_b,gap] -->')
    text = render(marker)
    assert "Gap in the last year" not in text
    assert rows(text)["Total gap"] == "$53,091.36"
    years = table(text, "Year by year")
    assert years[0] == ["Year", "Salary A", "Salary B", "Gap (B - A)"]
    assert years[5] == ["5", "$101,295.79", "$112,550.88", "$11,255.09"]
    assert ('<div class="calc-table-wrap" role="region" tabindex="0" '
            'aria-label="Year by year">') in text


def test_a_tables_columns_can_be_chosen():
    marker = ('<!-- example: benefit_tradeoff {"salary": 80000, "federal_rate_pct": 22, '
              '"state_rate_pct": 5, "fica_rate_pct": 7.65, "signon_bonus": 4000} '
              '| asks[label, salary_equivalent] keep_per_dollar -->')
    text = render(marker)
    assert table(text, "Asks") == [["What you ask for", "Worth as salary"],
                                   ["A sign-on bonus of $4,000", "$4,000.00"]]
    assert rows(text)["Kept of each extra dollar"] == "65.35%"


@pytest.mark.parametrize(("selection", "message"), [
    ("asks[label,size]", r"table 'asks' has no column 'size' \(columns: ask, label, "),
    ("daily_rate[label]", r"result 'daily_rate' is a single figure, not a table"),
])
def test_a_bad_column_choice_is_named(selection, message):
    marker = ('<!-- example: benefit_tradeoff {"salary": 80000, "federal_rate_pct": 22, '
              f'"state_rate_pct": 5}} | {selection} -->')
    with pytest.raises(MarkerError, match=message):
        render(marker)


def test_a_list_input_reads_as_its_items():
    marker = ('<!-- example: retirement_match {"salary": 80000, "contribution_pct": 6, '
              '"match_formula": [{"match_pct": 100, "of_pay_pct": 3}, '
              '{"match_pct": 50, "of_pay_pct": 2}], "vesting": {"type": "cliff", "years": 3}} '
              '| employer_match_annual -->')
    text = render(marker)
    values = rows(text)
    assert values["Match formula"] == "in the table below"
    assert table(text, "Match formula") == [["Match rate", "On the next % of pay"],
                                            ["100%", "3%"], ["50%", "2%"]]
    assert values["Vesting of the match"] == "Schedule Cliff, Cliff after (years) 3 years"
    assert values["Employer match for the year"] == "$3,200.00"


def test_a_list_inside_a_list_input_reads_as_its_items():
    field = {"kind": "list", "unit": "list", "fields": [
        {"name": "match_pct", "label": "Match rate", "kind": "number", "unit": "pct"},
        {"name": "of_pay_pct", "label": "On pay", "kind": "number", "unit": "pct"}]}
    assert examples.input_text(field, [{"match_pct": 100, "of_pay_pct": 3},
                                       {"match_pct": 50}]) == (
        "Match rate 100%, On pay 3%; Match rate 50%")


def test_a_result_marker_states_one_result_in_a_sentence():
    text = render('Worth <!-- result: pto_value.pto_value {"salary": 78000, "pto_days": 15} -->.')
    assert text == ('Worth <span class="example-result" data-output="pto_value" '
                    'data-value="4500.0">$4,500.00</span>.')
    days = render('<!-- result: signon_clawback.months_until_free {"bonus": 4000, '
                  '"months_worked": 11} -->')
    assert ">1 month</span>" in days


@pytest.mark.parametrize(("marker", "message"), [
    ('<!-- example: vacation_value {"salary": 1} -->',
     r"^steps/03-value-the-whole-offer.md:1: example marker: unknown name 'vacation_value' "
     r"\(valid: .*pto_value.*\)$"),
    ("<!-- example: pto_value {salary: 78000} -->",
     r"example marker 'pto_value': the inputs are not valid JSON: Expecting property name "
     r"enclosed in double quotes at character 2"),
    ('<!-- example: pto_value {"salary": "lots", "pto_days": 15} -->',
     r"example marker 'pto_value': the calculator refused the inputs: salary: expected an "
     r"amount in dollars"),
    ('<!-- example: pto_value {"salary": 1, "pto_days": 1} | vacation -->',
     r"example marker 'pto_value': no result called 'vacation' \(results: daily_rate, "),
    ('<!-- example: pto_value {"salary": 1, "pto_days": 1} and more -->',
     r"unexpected text after the inputs: 'and more'"),
    ('<!-- example: pto_value {"salary": 1, "pto_days": 1} | -->',
     r"names no results after '\|'"),
    ("<!-- example: pto_value {} -->",
     r"example marker 'pto_value': the calculator refused the inputs: salary: "),
    ("<!-- example: pto_value {[1]} -->", r"the inputs are not valid JSON"),
    ('<!-- result: pto_value.vacation {"salary": 1} -->',
     r"result marker: unknown name 'pto_value.vacation'"),
    ("<!-- result: pto_value.pto_value -->",
     r"result marker 'pto_value.pto_value': needs its inputs as a JSON object"),
    ('<!-- result: pto_value.pto_value {"salary": 1, "pto_days": 1} | daily_rate -->',
     r"names its result before the inputs"),
])
def test_a_bad_example_stops_the_build_with_a_clear_message(marker, message):
    with pytest.raises(MarkerError, match=message):
        render(marker)


def test_inputs_must_be_an_object():
    with pytest.raises(MarkerError, match=r"the inputs must be a JSON object, got '\[1, 2\]'"):
        examples.parse("[1, 2]")
    assert examples.parse('{"a": 1}') == ({"a": 1}, None)
    assert examples.parse('{"a": 1} | x, y') == ({"a": 1}, ["x", "y"])


def test_runs_are_made_once_per_build():
    examples.new_build()
    render('<!-- result: pto_value.daily_rate {"salary": 78000, "pto_days": 15} -->')
    render('<!-- result: pto_value.pto_value {"pto_days": 15, "salary": 78000} -->')
    assert examples._run.cache_info().misses == 1
    examples.new_build()
    assert examples._run.cache_info().currsize == 0
