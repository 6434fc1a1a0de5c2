"""The reader's tax facts are asked once: set on one calculator, every other one uses them."""

import pytest

from calculators.api import calculator, run
from test_calculators import page_url, settle, shown, wait_ready

pytestmark = pytest.mark.browser

FACTS = {"filing_status": "married_joint", "spouse_wages": 50000, "state": "TX"}


def test_facts_set_on_one_calculator_carry_to_another(watched, site_url):
    page = watched.page
    page.goto(page_url(site_url, "take_home_pay"))
    form = page.locator("form[data-calculator=take_home_pay]")
    wait_ready(page, form)
    before = form.get_attribute("data-calc-rendered-at")
    form.locator('[name="filing_status"]').select_option(FACTS["filing_status"])
    form.locator('[name="spouse_wages"]').fill(str(FACTS["spouse_wages"]))
    form.locator('[name="state"]').select_option(FACTS["state"])
    settle(page, form, before)
    summary = form.locator("[data-facts-summary]").inner_text()
    assert "Married filing jointly · Texas · age 35" in summary

    page.goto(page_url(site_url, "pretax_savings"))
    other = page.locator("form[data-calculator=pretax_savings]")
    wait_ready(page, other)
    assert other.locator('[name="state"]').input_value() == "TX"
    assert other.locator('[name="filing_status"]').input_value() == "married_joint"
    assert other.locator('[name="spouse_wages"]').input_value() == "50000"
    # The live result is worked out with the shared facts, as CPython works it out.
    expected = run("pretax_savings", {**calculator("pretax_savings").example, **FACTS})
    assert expected != run("pretax_savings", calculator("pretax_savings").example)
    got = shown(other)
    assert (got["state_savings"], got["tax_savings"]) == (expected["state_savings"],
                                                           expected["tax_savings"])
    assert watched.errors == []
