"""The offer workbench as readers use it, in headless Chromium.

The journeys a reader takes to a decision, each asserting what the reader sees: the
example marked as one and a blank start one click away; two offers in different states
compared after tax, with the answer in view on a 390x844 phone while either offer is
edited; a blank offer with only names and salaries; the answer beside the offers on a
desktop; the main columns of each table on a phone with the rest one tap away; a
comparison saved to a file and opened again. Screenshots of each width go to
``tests/screenshots/`` for people to look at.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import time

import pytest
from calculators.api import catalog, run
from calculators.report import format_value
from playwright.sync_api import expect
from test_calculators import settle

pytestmark = pytest.mark.browser

SPECS = {spec["name"]: spec for spec in catalog()}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
NAME = "offer_comparison"
# Every part of an offer beyond these is a section the reader adds.
MAIN_FIELDS = {"name", "base_salary", "state", "raise_pct"}


def open_workbench(page, site_url: str, viewport: dict):
    page.set_viewport_size(viewport)
    # A reader new to the page: nothing kept from an earlier visit (or an earlier test).
    page.goto(f"{site_url}calculators/workbench/")
    page.evaluate("() => localStorage.clear()")
    page.goto(f"{site_url}calculators/workbench/")
    form = page.locator(f'form[data-calculator="{NAME}"]')
    expect(form).to_have_attribute("data-calc-state", "ready", timeout=120_000)
    expect(form).to_have_attribute("data-calc-rendered-at", re.compile(r"\d"))
    return form


def shown(form) -> dict:
    """Every single figure of the result, as its raw value."""
    cells = form.locator("[data-result] [data-output][data-value]")
    return {cells.nth(i).get_attribute("data-output"): json.loads(
        cells.nth(i).get_attribute("data-value")) for i in range(cells.count())}


def figures(result: dict) -> dict:
    return {o["key"]: result[o["key"]] for o in SPECS[NAME]["outputs"] if o["columns"] is None}


def digest(page) -> dict[str, str]:
    """The answer beside the offers, line by line, as the reader reads it."""
    items = page.locator(".wb-digest [data-digest-item]")
    return {items.nth(i).get_attribute("data-digest-item"): items.nth(i).locator(
        "strong").text_content() for i in range(items.count())}


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] + 0.5 \
        and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 0.5


def type_into(page, form, name: str, text: str) -> None:
    """Tap a field and type, as a reader does (the field must be where a tap reaches)."""
    control = form.locator(f'[name="{name}"]')
    control.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def start_blank(page, form) -> None:
    before = form.get_attribute("data-calc-rendered-at")
    page.get_by_role("button", name="Enter my offers").click()
    settle(page, form, before)


def test_the_example_is_marked_and_one_click_starts_blank(watched, site_url):
    page = watched.page
    form = open_workbench(page, site_url, DESKTOP)
    banner = page.locator("[data-wb-example]")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("This is an example")
    start_blank(page, form)
    expect(banner).to_be_hidden()
    # Every offer is blank: its name and salary empty, every part a folded section.
    for index in (0, 1):
        for field in ("name", "base_salary"):
            assert form.locator(f'[name="offers[{index}].{field}"]').input_value() == ""
        row = form.locator(f'[data-field="offers[{index}]"]')
        sections = row.locator("details.wb-section")
        assert sections.count() == 8
        assert [s.evaluate("(el) => el.open") for s in sections.all()] == [False] * 8
        assert sections.locator("summary").all_text_contents()[0] == "Add a bonus"
        visible = {n.split(".", 1)[1] for n in row.locator("[name][data-kind]:visible").evaluate_all(
            "(els) => els.map((el) => el.name)")}
        assert visible == MAIN_FIELDS
    # Until the salaries are in, the answer says what it needs, and no example figure.
    note = page.locator(".wb-digest [data-wb-note]")
    expect(note).to_have_text("Enter a base salary for each offer: the answer appears here.")
    expect(page.locator(".wb-digest [data-digest]")).to_be_hidden()
    # Restore the example: marked again, its sections open where it has something.
    form.get_by_role("button", name="Restore the example").click()
    expect(banner).to_be_visible()
    bonus = form.locator('[data-field="offers[0]"] details.wb-section').first
    assert bonus.evaluate("(el) => el.open")
    expect(bonus.locator("summary")).to_have_text("Bonus")
    assert watched.errors == []


def test_every_part_of_an_offer_is_a_section_or_a_main_field(watched, site_url):
    page = watched.page
    form = open_workbench(page, site_url, DESKTOP)
    offer_fields = next(f for f in SPECS[NAME]["inputs"] if f["name"] == "offers")["fields"]
    for index in (0, 1):
        row = form.locator(f'[data-field="offers[{index}]"]')
        for field in offer_fields:
            holder = row.locator(f'[data-field="offers[{index}].{field["name"]}"]')
            in_section = holder.evaluate("(el) => Boolean(el.closest('details.wb-section'))")
            assert in_section == (field["name"] not in MAIN_FIELDS), field["name"]
    assert watched.errors == []


def test_two_offers_in_different_states_after_tax_on_a_phone(watched, site_url, screenshots):
    """The journey on a 390x844 phone: the answer stays on screen while the reader types
    into either offer, never over the field being typed in, and it is the after-tax
    comparison of the two states."""
    page = watched.page
    form = open_workbench(page, site_url, PHONE)
    start_blank(page, form)
    panel = page.locator(".wb-digest")
    offers = [("Seattle", "150000", "WA"), ("Austin", "140000", "TX")]
    for index, (name, salary, state) in enumerate(offers):
        type_into(page, form, f"offers[{index}].name", name)
        assert in_view(page, panel)
        before = form.get_attribute("data-calc-rendered-at")
        type_into(page, form, f"offers[{index}].base_salary", salary)
        field = form.locator(f'[name="offers[{index}].base_salary"]')
        # The field typed in is on screen, above the pinned answer.
        assert in_view(page, field)
        assert field.bounding_box()["y"] + field.bounding_box()["height"] <= panel.bounding_box()["y"]
        form.locator(f'[name="offers[{index}].state"]').select_option(state)
        settle(page, form, before)
        assert in_view(page, panel)
    expected = run(NAME, {"offers": [{"name": n, "base_salary": float(s), "state": st}
                                     for n, s, st in offers]})
    assert expected["ranked_by"] == "After tax" and expected["leader"] == "Seattle"
    assert shown(form) == figures(expected)
    lines = digest(page)
    assert lines["leader"] == "Seattle"
    assert lines["margin"].startswith(format_value(expected["margin"], "usd_whole"))
    assert page.locator(".wb-digest [data-digest-item=leader]").text_content().startswith(
        "Leader, after tax")
    page.screenshot(path=screenshots / "workbench-phone-editing.png")
    # Editing the first offer again: the answer follows, still on screen.
    before = form.get_attribute("data-calc-rendered-at")
    type_into(page, form, "offers[0].base_salary", "120000")
    settle(page, form, before)
    assert in_view(page, panel) and digest(page)["leader"] == "Austin"
    # Each line opens the full result where it says it.
    page.locator(".wb-digest [data-digest-item=leaving]").click()
    expect(page.locator(f"#{NAME}-forfeiture")).to_be_in_viewport()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert watched.errors == []


def test_a_blank_offer_needs_only_names_and_salaries(watched, site_url, screenshots):
    """On a desktop: the answer beside the offers, in view while the reader scrolls
    through them; the result is the engine's for the names and salaries alone."""
    page = watched.page
    form = open_workbench(page, site_url, DESKTOP)
    start_blank(page, form)
    before = None
    for index, (name, salary) in enumerate((("First", "90000"), ("Second", "95000"))):
        type_into(page, form, f"offers[{index}].name", name)
        before = form.get_attribute("data-calc-rendered-at")
        type_into(page, form, f"offers[{index}].base_salary", salary)
    settle(page, form, before)
    expected = run(NAME, {"offers": [{"name": "First", "base_salary": 90000},
                                     {"name": "Second", "base_salary": 95000}]})
    assert shown(form) == figures(expected)
    assert expected["ranked_by"] == "Before tax" and digest(page)["leader"] == "Second"
    panel = page.locator(".wb-digest")
    inputs = form.locator(".calc-inputs").bounding_box()
    assert panel.bounding_box()["x"] >= inputs["x"] + inputs["width"]  # beside them
    page.screenshot(path=screenshots / "workbench-desktop-blank.png")
    form.locator('[name="years"]').scroll_into_view_if_needed()
    assert in_view(page, panel)
    assert watched.errors == []


def test_a_phone_shows_the_main_columns_and_the_rest_on_a_tap(watched, site_url, screenshots):
    page = watched.page
    form = open_workbench(page, site_url, PHONE)
    table = form.locator('[data-result] table[data-output="by_year"]')
    heads = table.locator("thead th:visible")
    assert heads.all_text_contents() == ["Offer", "Year", "After tax", "Against the leader"]
    wrap = form.locator(f"#{NAME}-by_year")
    assert wrap.evaluate("(el) => el.scrollWidth <= el.clientWidth")  # it fits
    button = form.locator('[data-action="columns"]').nth(1)
    expect(button).to_have_accessible_name("Show all 16 columns")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(button).to_have_accessible_name("Show the main columns")
    assert heads.count() == 16
    # Wider than the column now: it scrolls, and a shadow at its edge says so.
    assert wrap.evaluate("(el) => el.scrollWidth > el.clientWidth")
    assert "radial-gradient" in wrap.evaluate("(el) => getComputedStyle(el).backgroundImage")
    # The choice holds as the result updates.
    before = form.get_attribute("data-calc-rendered-at")
    form.locator('[name="years"]').fill("3")
    settle(page, form, before)
    assert heads.count() == 16
    expect(form.locator('[data-action="columns"]').nth(1)).to_have_attribute("aria-expanded", "true")
    # Money in whole dollars.
    cells = table.locator("td[data-column=after_tax]").all_text_contents()
    assert cells and all(re.fullmatch(r"\$[\d,]+", cell) for cell in cells), cells
    page.screenshot(path=screenshots / "workbench-phone-columns.png")
    assert watched.errors == []


def test_a_comparison_is_saved_to_a_file_and_opened_again(watched, site_url, tmp_path):
    page = watched.page
    form = open_workbench(page, site_url, DESKTOP)
    before = form.get_attribute("data-calc-rendered-at")
    form.locator('[name="offers[0].base_salary"]').fill("133000")
    settle(page, form, before)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save as a file").click()
    saved = tmp_path / "offer-comparison.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["calculator"] == NAME and data["inputs"]["offers"][0]["base_salary"] == 133000
    # A blank start, then the file: the numbers are back, and so is the result.
    start_blank(page, form)
    before = form.get_attribute("data-calc-rendered-at")
    page.locator("[data-wb-import]").set_input_files(str(saved))
    settle(page, form, before)
    assert form.locator('[name="offers[0].base_salary"]').input_value() == "133000"
    assert shown(form) == figures(run(NAME, data["inputs"]))
    expect(page.locator("[data-wb-tools-status]")).to_have_text("Opened offer-comparison.json.")
    # A file that is not a comparison changes nothing, and says so.
    other = tmp_path / "notes.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    page.locator("[data-wb-import]").set_input_files(str(other))
    expect(page.locator("[data-wb-tools-status]")).to_contain_text("is not a comparison")
    assert form.locator('[name="offers[0].base_salary"]').input_value() == "133000"
    assert watched.errors == []


def test_the_workbench_recalculation_is_timed_from_keystroke_to_result(watched, site_url):
    """From the reader's keystroke (the input event) to the new result on the page,
    twenty times. A check that the timing works, not a timed test (a shared machine
    says nothing about speed): the 50 ms target is the benchmark's (`make bench`),
    against a reference measured in the same run."""
    page = watched.page
    form = open_workbench(page, site_url, DESKTOP)
    form.evaluate("""(form) => form.addEventListener("input",
        () => { form.dataset.typedAt = String(performance.now()); }, { capture: true })""")
    control = form.locator('[name="offers[1].base_salary"]')
    timings = []
    for step in range(21):
        before = form.get_attribute("data-calc-rendered-at")
        control.fill(str(110000 + step * 500))
        settle(page, form, before)
        timings.append(float(form.get_attribute("data-calc-rendered-at"))
                       - float(form.get_attribute("data-typed-at")))
    timings = sorted(timings[1:])
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(f"workbench recalculation: median {statistics.median(timings):.1f} ms, "
          f"p95 {p95:.1f} ms, load average {os.getloadavg()[0]:.1f}")
    assert len(timings) == 20 and all(t > 0 for t in timings), timings


def test_the_workbench_passes_axe_in_both_palettes(watched, site_url):
    """axe-core on the workbench with its answer beside the offers (desktop) and pinned
    (phone), every rule in one palette and the colour rules in the other; the charts'
    text and series colours read against the page in both."""
    from test_accessibility import COLOUR_RULES, axe_run, chart_contrast, describe, toggle_palette

    page = watched.page
    problems = []
    for viewport in (DESKTOP, PHONE):
        open_workbench(page, site_url, viewport)
        for rules in (None, COLOUR_RULES):
            if rules:
                toggle_palette(page)
            found = axe_run(page, rules)
            if found:
                problems.append(f"{viewport['width']} px, {rules or 'all rules'}:\n{describe(found)}")
            low = chart_contrast(page)
            if low:
                problems.append(f"{viewport['width']} px: chart colours {low}")
        toggle_palette(page)  # back to the first palette for the next width
    assert problems == [], "\n".join(problems)
