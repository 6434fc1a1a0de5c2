""""Clear", beside "Restore the example" on every calculator: a blank start.

Every field goes to its default (amounts 0, optional ones empty), the required ones are
left empty so the page asks for them, each list goes back to its default rows (the
share price cases) or keeps only the rows it must have, and the reader's own tax facts
stay.
"""

from __future__ import annotations

import pytest
from calculators.api import run
from playwright.sync_api import expect

from test_calculators import SPECS, page_url, settle, shown, wait_ready

pytestmark = pytest.mark.browser


def test_clear_empties_the_form_keeps_the_tax_facts_and_asks_for_the_required(watched,
                                                                              site_url):
    page = watched.page
    page.goto(page_url(site_url, "pto_value"))
    form = page.locator('form[data-calculator="pto_value"]')
    wait_ready(page, form)
    before = form.get_attribute("data-calc-rendered-at")
    form.locator('[name="state"]').select_option("TX")
    settle(page, form, before)

    form.get_by_role("button", name="Clear").click()
    expect(form.locator('[name="salary"]')).to_have_value("")
    expect(form.locator('[name="pto_days"]')).to_have_value("")
    expect(form.locator('[name="baseline_days"]')).to_have_value("")
    expect(form.locator('[name="working_days_per_year"]')).to_have_value("260")
    expect(form.locator('[name="state"]')).to_have_value("TX")  # the reader's, kept
    # The page asks for what it needs, beside the field.
    expect(form.locator('[data-error-for="salary"]')).to_be_visible()
    expect(form.locator('[data-error-for="salary"]')).to_contain_text("required")

    before = form.get_attribute("data-calc-rendered-at")
    form.locator('[name="salary"]').fill("90000")
    form.locator('[name="pto_days"]').fill("20")
    settle(page, form, before)
    expected = run("pto_value", {"salary": 90000, "pto_days": 20, "state": "TX"})
    got = shown(form)
    assert got["daily_rate"] == expected["daily_rate"]
    assert got["pto_value"] == expected["pto_value"]
    assert watched.errors == []


def test_clear_on_the_workbench_leaves_two_blank_offers(watched, site_url):
    page = watched.page
    page.goto(site_url + "calculators/workbench/")
    form = page.locator('form[data-calculator="offer_comparison"]')
    wait_ready(page, form)
    form.get_by_role("button", name="Add an offer").click()
    form.get_by_role("button", name="Clear").click()
    rows = form.locator('[data-list="offers"] > [data-rows] > [data-row]')
    expect(rows).to_have_count(2)
    for i in range(2):
        expect(form.locator(f'[name="offers[{i}].base_salary"]')).to_have_value("")
        expect(form.locator(f'[name="offers[{i}].name"]')).to_have_value("")
        expect(form.locator(f'[name="offers[{i}].signon_bonus"]')).to_have_value("0")
        assert form.locator(f'[data-list="offers[{i}].match_formula"] [data-row]').count() == 0
    defaults = {f["name"]: f["default"] for f in SPECS["offer_comparison"]["inputs"]}
    expect(form.locator('[name="years"]')).to_have_value(str(defaults["years"]))
    # The share price cases are back at their defaults, not one empty row.
    cases = form.locator('[data-list="price_cases"] > [data-rows] > [data-row]')
    expect(cases).to_have_count(len(defaults["price_cases"]))
    for i, case in enumerate(defaults["price_cases"]):
        expect(form.locator(f'[name="price_cases[{i}].name"]')).to_have_value(case["name"])
        expect(form.locator(f'[name="price_cases[{i}].growth_pct"]')).to_have_value(
            str(case["growth_pct"]))
    expect(form.locator('[data-error-for^="price_cases"]:visible')).to_have_count(0)
    assert watched.errors == []


def test_clear_keeps_one_blank_row_of_a_list_that_needs_one(watched, site_url):
    page = watched.page
    page.goto(page_url(site_url, "retirement_match"))
    form = page.locator('form[data-calculator="retirement_match"]')
    wait_ready(page, form)
    form.get_by_role("button", name="Clear").click()
    tiers = form.locator('[data-list="match_formula"] > [data-rows] > [data-row]')
    expect(tiers).to_have_count(1)
    expect(form.locator('[name="match_formula[0].match_pct"]')).to_have_value("")
    expect(form.locator('[name="salary"]')).to_have_value("")
    expect(form.locator('[name="pay_periods"]')).to_have_value("26")
    assert form.locator('[name="true_up"]').is_checked()
    assert watched.errors == []


@pytest.mark.parametrize("name", list(SPECS))
def test_every_calculator_has_clear_beside_restore_the_example(name, built_site):
    html = (built_site / "calculators" / name / "index.html").read_text(encoding="utf-8")
    restore = html.index('data-action="reset"')
    clear = html.index('data-action="clear"')
    assert 0 < clear - restore < 200
