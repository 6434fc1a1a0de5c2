"""From two offers to a filled counter-offer email, as a new reader goes.

The reader enters two offers in the workbench, follows "What to ask ... for" to the
counter-offer planner (the offers travel in the link), and opens the counter-offer
email: its number blanks start with the planner's asks, and stay editable.
"""

from __future__ import annotations

import json

import pytest
from calculators.api import run
from playwright.sync_api import expect

from test_calculators import assert_clean, change, settle, wait_ready

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
BLANKS = ("first_ask", "second_ask", "third_ask", "package_total")  # the email's numbers


def enter_offers(form, page) -> None:
    """Two offers of the reader's own over the example's: the first to improve, the
    second better paid (the rest of each offer as the example has it)."""
    before = form.get_attribute("data-calc-rendered-at")
    change(form, {"offers[0].name": "Harbor", "offers[0].base_salary": 118000,
                  "offers[0].state": "CO", "offers[0].raise_pct": 3,
                  "offers[1].name": "Summit", "offers[1].base_salary": 127500,
                  "offers[1].state": "CO", "offers[1].raise_pct": 3})
    settle(page, form, before)


def test_two_offers_in_the_workbench_reach_a_filled_counter_offer_email(
        watched, site_url, screenshots):
    page = watched.page
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site_url}calculators/workbench/")
    bench = page.locator('form[data-calculator="offer_comparison"]')
    wait_ready(page, bench)
    enter_offers(bench, page)

    link = page.locator("a[data-counter-offer]")
    link.scroll_into_view_if_needed()
    link.hover()
    expect(link).to_have_text("What to ask Harbor for")
    link.click()
    page.wait_for_url("**/calculators/counter_offer/**")
    planner = page.locator('form[data-calculator="counter_offer"]')
    wait_ready(page, planner)
    expect(planner.locator('[name="offer.name"]')).to_have_value("Harbor")
    expect(planner.locator('[name="target.name"]')).to_have_value("Summit")
    expect(planner.locator('[name="target.base_salary"]')).to_have_value("127500")
    saved = json.loads(page.evaluate(
        "() => localStorage.getItem('negotiate-benefits:calculator:counter_offer')"))
    result = saved["result"]
    assert result == run("counter_offer", saved["inputs"])
    assert result["gap"] > 0 and result["package_closes_gap"]
    expect(planner.locator('[data-output="summary"]')).to_have_text(result["summary"])
    page.screenshot(path=screenshots / "counter-offer-planner-desktop.png", full_page=True)
    planner.locator("[data-result]").screenshot(
        path=screenshots / "counter-offer-planner-result-desktop.png")
    page.set_viewport_size(PHONE)
    page.screenshot(path=screenshots / "counter-offer-planner-phone.png", full_page=True)
    planner.locator("[data-result]").screenshot(
        path=screenshots / "counter-offer-planner-result-phone.png")

    page.get_by_role("link", name="counter-offer email").first.click()
    page.wait_for_url("**/scripts/counter-offer-email/")
    card = page.locator('[data-script="counter-offer-email"]')
    words = {row["blank"]: row["words"] for row in result["scripts"]}
    for blank in BLANKS:
        assert words[blank]
        expect(card.locator(f'[name="{blank}"]')).to_have_value(words[blank])
    for blank, typed in {"recruiter_name": "Dana", "role_title": "Senior Data Analyst",
                         "your_name": "Sam Rivera"}.items():
        card.locator(f'[name="{blank}"]').fill(typed)
    # Every blank still belongs to the reader: an edit shows in the text at once.
    card.locator('[name="third_ask"]').fill(words["third_ask"] + " (to discuss)")
    text = card.locator(".script-text").inner_text()
    assert "(to discuss)" in text
    for blank in BLANKS:
        assert words[blank] in text
    assert "{" not in text and card.locator("mark[data-placeholder]:not(.filled)").count() == 0
    (screenshots / "counter-offer-email.txt").write_text(text + "\n", encoding="utf-8")
    page.screenshot(path=screenshots / "counter-offer-email-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=screenshots / "counter-offer-email-desktop.png", full_page=True)
    assert_clean(watched, site_url)
