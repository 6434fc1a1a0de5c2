"""Results as HTML and SVG: the same markup at build time and in the browser."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from calculators.api import catalog, run
from calculators.report import (
    GENERIC_ERROR,
    LEGEND_SPACING,
    WIDTH,
    _nice_step,
    _scale,
    bar_chart,
    display_unit,
    format_axis,
    format_value,
    line_chart,
    render,
    respond,
)


@pytest.mark.parametrize(("value", "unit", "text"), [
    (None, "usd", "—"), (True, "bool", "Yes"), (False, "bool", "No"),
    ("Contoso", "text", "Contoso"), (1234.5, "usd", "$1,234.50"), (-5, "usd", "-$5.00"),
    (37.5, "usd_per_hour", "$37.50/hour"), (7.6923076, "pct", "7.69%"), (3.5, "pct", "3.5%"),
    (40.0, "pct", "40%"), (0.625, "fraction", "62.5%"), (0.3333333, "fraction", "33.33%"),
    (3000.0, "count", "3,000"), (12.34567, "count", "12.3457"), (48, "months", "48"),
])
def test_values_read_as_a_reader_reads_them(value, unit, text):
    assert format_value(value, unit) == text


@pytest.mark.parametrize(("value", "unit", "text"), [
    (0, "usd", "$0"), (500, "usd", "$500"), (120_000, "usd", "$120k"),
    (1_500_000, "usd", "$1.5M"), (-25_000, "usd", "-$25k"), (2_000_000, "usd", "$2M"),
    (40, "pct", "40%"), (12.5, "pct", "12.5%"), (12, "months", "12"), (2.5, "years", "2.5"),
])
def test_axis_ticks_are_short(value, unit, text):
    assert format_axis(value, unit) == text


@pytest.mark.parametrize(("span", "step"), [
    (4, 1), (8, 2), (10, 2.5), (20, 5), (30, 10), (400_000, 100_000), (0.4, 0.1)])
def test_tick_steps_are_round(span, step):
    assert _nice_step(span) == pytest.approx(step)


def test_axes_include_zero_and_survive_all_zero_data():
    assert _scale([0.0, 0.0]) == (0.0, 1.0, 0.25)
    low, high, step = _scale([-30.0, 90.0])
    assert low <= -30 and high >= 90 and low < 0 < high and step == 50


def test_bar_chart_has_a_text_alternative_and_one_bar_per_row():
    svg = bar_chart("t", "Parts", [("Base", 100_000.0), ("Bonus", 10_000.0)], "usd")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "t-title t-desc"
    assert svg.find("title").text == "Parts"
    assert svg.find("desc").text == "Base: $100,000.00; Bonus: $10,000.00."
    bars = svg.findall("rect")
    assert len(bars) == 2
    assert float(bars[0].get("width")) > 5 * float(bars[1].get("width"))


def test_line_chart_steps_and_thins_its_labels():
    xs = list(range(0, 49))
    svg = line_chart("v", "Vesting", "Month", xs, [("Vested", [x * 2.0 for x in xs])], "pct",
                     step=True)
    line = svg.find("polyline")
    assert len(line.get("points").split()) == 2 * len(xs) - 1  # a corner before each step
    assert svg.findall("circle") == []  # too many points for dots
    ticks = [t.text for t in svg.iter("text") if t.get("text-anchor") == "middle"]
    assert len(ticks) <= 13 and ticks[0] == "0"
    assert svg.find("desc").text == "Vested: 0% at month 0, 96% at month 48."


def test_line_chart_draws_each_series_with_dots_and_a_legend():
    svg = line_chart("s", "Salaries", "Year", [1, 2], [("A", [1.0, 2.0]), ("B", [3.0, -1.0])],
                     "usd")
    assert len(svg.findall("polyline")) == 2
    assert len(svg.findall("circle")) == 4
    labels = [t.text for t in svg.iter("text") if t.get("class") == "calc-chart-label"]
    assert labels == ["A", "B"]
    assert "-$1" in [t.text for t in svg.iter("text")]


def test_five_offers_wrap_their_legend_inside_the_chart():
    names = ["Northwind", "Contoso", "Fabrikam", "Litware", "Tailspin"]
    series = [(name, [1.0 + i, 2.0 + i]) for i, name in enumerate(names)]
    svg = line_chart("w", "Offers", "Year", [1, 2], series, "usd")
    assert svg.get("viewBox").split()[2] == str(WIDTH)
    swatches = [r for r in svg.findall("rect") if r.get("width") == "14"]
    assert len(swatches) == 5
    assert all(float(r.get("x")) + LEGEND_SPACING <= WIDTH for r in swatches)
    assert len({r.get("y") for r in swatches}) == 2  # two rows of legend
    # The plot starts below the legend: no grid line above the second row.
    lowest_legend = max(float(r.get("y")) + 14 for r in swatches)
    grid = [float(line.get("y1")) for line in svg.iter("line")]
    assert min(grid) > lowest_legend
    one_row = line_chart("w", "Offers", "Year", [1, 2], series[:2], "usd")
    assert float(one_row.get("viewBox").split()[3]) < float(svg.get("viewBox").split()[3])


@pytest.mark.parametrize("spec", catalog(), ids=lambda spec: spec["name"])
def test_every_example_renders_every_output_with_its_raw_value(spec):
    result = run(spec["name"], spec["example"])
    html = render(spec["name"], result)
    assert html.startswith(f'<div class="calc-report" data-report="{spec["name"]}">')
    root = ET.fromstring(html)  # well-formed: every element closed
    for output in spec["outputs"]:
        key = output["key"]
        if output["columns"] is None:
            cell = root.find(f".//*[@data-output='{key}']")
            assert json.loads(cell.get("data-value")) == result[key], key
            assert cell.text == format_value(result[key], display_unit(spec["name"],
                                                                        output["unit"]))
            continue
        table = root.find(f".//table[@data-output='{key}']")
        assert table.find("caption").text == output["label"]
        rows = [[json.loads(td.get("data-value")) for td in tr.findall("td")]
                for tr in table.find("tbody").findall("tr")]
        expected = [[row[c["key"]] for c in output["columns"]] for row in result[key]]
        assert rows == expected if expected else len(rows) == 1  # an empty table: 'None.'


@pytest.mark.parametrize("name", ["package_value", "offer_comparison", "salary_growth",
                                  "equity_vesting", "retirement_match", "benefit_tradeoff"])
def test_calculators_with_a_shape_get_a_chart(name):
    spec = {s["name"]: s for s in catalog()}[name]
    html = render(name, run(name, spec["example"]))
    # The offer comparison: what each offer is made of, and each against the leader.
    charts = len(spec["example"]["offers"]) + 1 if name == "offer_comparison" else 1
    assert html.count("<svg") == charts and "<title id=" in html and "<desc id=" in html
    assert "<figcaption>" in html and "The data is in a table below." in html


def test_single_figures_get_no_chart_and_keep_their_help():
    html = render("pto_value", run("pto_value", {"salary": 78000, "pto_days": 15}))
    assert "<svg" not in html
    assert '<small class="calc-help">Negative when you have fewer days.</small>' in html
    assert 'data-output="difference_value" data-value="null">—<' in html


def test_a_summary_leads_the_result():
    spec = {s["name"]: s for s in catalog()}["offer_comparison"]
    html = render("offer_comparison", run("offer_comparison", spec["example"]))
    assert html.index('<p class="calc-lead" data-output="summary"') < html.index("<table")


def test_an_empty_table_says_so_and_no_asks_means_no_chart():
    html = render("benefit_tradeoff", run("benefit_tradeoff", {"salary": 90000,
                                                                "federal_rate_pct": 22}))
    assert "<svg" not in html
    assert '<td colspan="6">None.</td>' in html


def test_text_is_escaped():
    result = run("offer_comparison", {"offers": [{"name": "<b>A&B</b>", "base_salary": 1},
                                                 {"base_salary": 2}]})
    html = render("offer_comparison", result)
    assert "<b>" not in html and "&lt;b&gt;A&amp;B&lt;/b&gt;" in html


def test_respond_returns_the_result_and_its_html():
    answer = json.loads(respond("pto_value", json.dumps({"salary": 78000, "pto_days": 15})))
    assert answer["result"]["pto_value"] == 4500.0
    assert answer["html"] == render("pto_value", answer["result"])


def test_respond_names_the_bad_field():
    answer = json.loads(respond("offer_comparison", json.dumps(
        {"offers": [{"base_salary": 1}, {"base_salary": -1}]})))
    assert answer == {"error": {"field": "offers[1].base_salary",
                                "message": "must be at least 0 (an amount in dollars from 0 "
                                           "to 1000000000)"}}


@pytest.mark.parametrize("inputs", ["{not json", "[1, 2"])
def test_respond_never_lets_a_traceback_out(inputs):
    assert json.loads(respond("pto_value", inputs)) == {
        "error": {"field": None, "message": GENERIC_ERROR}}
