"""The calculator pages in headless Chromium, served under a sub-path on localhost.

Each page must recalculate in the browser (Pyodide in a Web Worker) exactly as
CPython does, show a bad input's message beside its field, keep the reader's numbers
in the link and in localStorage, and never ask another host for anything. Guide pages
must not load Python at all.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import quote, urlsplit

import pytest
from calculators.api import catalog, run
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# --- the tests --------------------------------------------------------------------


SPECS = {spec["name"]: spec for spec in catalog()}
NAMES = list(SPECS)
# Two more input sets per calculator (the example is the first), as changes to the form.
CHANGES = {
    "health_plan_cost": [{"deductible": 3000}, {"coinsurance_pct": 30, "oop_max": None}],
    "health_plan_choice": [{"hsa_contribution": 5000},
                           {"plans[0].premium_per_month": 300, "people_covered": 4}],
    "retirement_match": [{"contribution_pct": 6}, {"salary": 320000, "true_up": False}],
    "equity_vesting": [{"months_elapsed": 11}, {"interval_months": 3, "months_elapsed": 40}],
    "pto_value": [{"pto_days": 25}, {"salary": 95000, "baseline_days": None}],
    "pretax_savings": [{"annual_amount": 3000}, {"state_rate_pct": 9.3}],
    "salary_growth": [{"years": 8}, {"raise_pct_b": 6}],
    "signon_clawback": [{"months_worked": 2}, {"method": "full"}],
    "package_value": [{"base_salary": 150000}, {"bonus_target_pct": 20, "pto_days": None}],
    "offer_comparison": [{"years": 6}, {"offers[1].base_salary": 130000,
                                        "offers[0].raise_pct": 5}],
    "benefit_tradeoff": [{"salary": 120000}, {"extra_pto_days": 10, "learning_budget": 0}],
    "take_home_pay": [{"salary": 150000}, {"state": "TX", "traditional_401k": 10000}],
    "espp": [{"purchase_price_market": 60}, {"lookback": False, "sale_price": 70}],
    "stock_options": [{"months_elapsed": 36}, {"option_type": "nso", "exit_price": 30}],
    "rsu_taxes": [{"shares": 800}, {"salary": 400000}],
    "counter_offer": [{"target.base_salary": 130000},
                      {"target_kind": "market", "market_salary": 140000}],
}
PYODIDE_MARKS = ("pyodide", "calculator-worker", ".wasm", "/engine-")


def page_url(site_url: str, name: str) -> str:
    return f"{site_url}calculators/{name}/"


def forget_kept_copies(page) -> None:
    """On a page of the site: delete the inflated copies an earlier start kept, so the
    next start downloads everything (the theme keeps the site's root in __md_scope)."""
    page.evaluate("() => caches.delete(`negotiate-benefits:${__md_scope.pathname}:inflated`)")


def set_path(inputs: dict, path: str, value) -> None:
    """``offers[1].base_salary`` into nested dicts and lists."""
    target = inputs
    parts = path.replace("]", "").replace("[", ".").split(".")
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target[part]
    last = parts[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


def wait_ready(page, form) -> None:
    from playwright.sync_api import expect

    expect(form).to_have_attribute("data-calc-state", "ready", timeout=120_000)
    expect(form).to_have_attribute("data-calc-rendered-at", re.compile(r"\d"))


def settle(page, form, before: str | None) -> None:
    """Wait for a new live result, then for the form to stay quiet (no pending result)."""
    deadline = time.monotonic() + 30
    while form.get_attribute("data-calc-rendered-at") == before:
        assert time.monotonic() < deadline, "no new result"
        page.wait_for_timeout(50)
    while True:
        stamp = form.get_attribute("data-calc-rendered-at")
        page.wait_for_timeout(400)
        if form.get_attribute("data-calc-rendered-at") == stamp:
            return


def change(form, changes: dict) -> None:
    for path, value in changes.items():
        control = form.locator(f'[name="{path}"]')
        kind = control.get_attribute("data-kind")
        if kind == "boolean":
            control.set_checked(bool(value))
        elif kind == "choice":
            control.select_option(str(value))
        else:
            control.fill("" if value is None else str(value))


def shown(form) -> dict:
    """Every single figure the page shows, as the raw value in its data-value."""
    cells = form.locator("[data-result] [data-output][data-value]")
    return {cells.nth(i).get_attribute("data-output"): json.loads(cells.nth(i).get_attribute(
        "data-value")) for i in range(cells.count())}


def figures(name: str, result: dict) -> dict:
    return {o["key"]: result[o["key"]] for o in SPECS[name]["outputs"] if o["columns"] is None}


def assert_clean(watched, site_url: str) -> None:
    origin = urlsplit(site_url).netloc
    foreign = [url for url in watched.requests
               if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != origin]
    assert foreign == [], foreign
    assert watched.errors == []


def table_rows(form, key: str) -> int:
    return form.locator(f'[data-result] table[data-output="{key}"] tbody tr').count()


@pytest.mark.parametrize("name", NAMES)
def test_each_calculator_recalculates_as_cpython_does(name, watched, site_url, screenshots):
    page = watched.page
    page.goto(page_url(site_url, name))
    form = page.locator(f'form[data-calculator="{name}"]')
    assert form.get_attribute("data-calc-state") in ("prerendered", "loading")
    inputs = json.loads(json.dumps(SPECS[name]["example"]))
    assert shown(form) == figures(name, run(name, inputs))  # pre-rendered at build time
    wait_ready(page, form)
    assert shown(form) == figures(name, run(name, inputs))  # the same, live
    page.screenshot(path=screenshots / f"{name}-desktop.png", full_page=True)
    for changes in CHANGES[name]:
        before = form.get_attribute("data-calc-rendered-at")
        change(form, changes)
        for path, value in changes.items():
            set_path(inputs, path, value)
        settle(page, form, before)
        expected = run(name, inputs)
        assert shown(form) == figures(name, expected), changes
        for output in SPECS[name]["outputs"]:
            if output["columns"] is not None:
                assert table_rows(form, output["key"]) == max(1, len(expected[output["key"]]))
    saved = json.loads(page.evaluate(
        f"() => localStorage.getItem('negotiate-benefits:calculator:{name}')"))
    assert saved["result"] == run(name, inputs)
    assert run(name, saved["inputs"]) == saved["result"]
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=screenshots / f"{name}-phone.png", full_page=True)
    assert_clean(watched, site_url)


def test_a_bad_input_shows_its_message_beside_the_field(watched, site_url):
    page = watched.page
    page.goto(page_url(site_url, "pto_value"))
    form = page.locator('form[data-calculator="pto_value"]')
    wait_ready(page, form)
    before = form.get_attribute("data-calc-rendered-at")
    salary = form.locator('[name="salary"]')
    salary.fill("-5")
    settle(page, form, before)
    error = form.locator('[data-error-for="salary"]')
    assert error.is_visible()
    assert "must be at least 0" in error.text_content()
    assert salary.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in salary.get_attribute("aria-describedby").split()
    before = form.get_attribute("data-calc-rendered-at")
    salary.fill("90000")
    settle(page, form, before)
    assert not error.is_visible() and salary.get_attribute("aria-invalid") is None
    assert shown(form)["daily_rate"] == run("pto_value", {**SPECS["pto_value"]["example"],
                                                         "salary": 90000})["daily_rate"]
    assert_clean(watched, site_url)


def test_the_workbench_adds_and_removes_offers(watched, site_url, screenshots):
    page = watched.page
    page.goto(f"{site_url}calculators/workbench/")
    form = page.locator('form[data-calculator="offer_comparison"]')
    wait_ready(page, form)
    inputs = json.loads(json.dumps(SPECS["offer_comparison"]["example"]))
    before = form.get_attribute("data-calc-rendered-at")
    form.get_by_role("button", name="Add an offer").click()
    change(form, {"offers[2].name": "Fabrikam", "offers[2].base_salary": 125000,
                  "offers[2].raise_pct": 2})
    settle(page, form, before)
    third = {"name": "Fabrikam", "base_salary": 125000, "raise_pct": 2}
    expected = run("offer_comparison", {**inputs, "offers": [*inputs["offers"], third]})
    assert shown(form) == figures("offer_comparison", expected)
    assert table_rows(form, "offers") == 3
    page.screenshot(path=screenshots / "workbench-desktop.png", full_page=True)
    before = form.get_attribute("data-calc-rendered-at")
    change(form, {"offers[1].base_salary": -1})
    settle(page, form, before)
    error = form.locator('[data-error-for="offers[1].base_salary"]')
    assert error.is_visible() and "at least 0" in error.text_content()
    before = form.get_attribute("data-calc-rendered-at")
    form.locator('[data-field="offers[1]"] > [data-action="remove"]').click()
    settle(page, form, before)
    expected = run("offer_comparison", {**inputs, "offers": [inputs["offers"][0], third]})
    assert shown(form) == figures("offer_comparison", expected)
    assert form.locator('[name="offers[1].name"]').input_value() == "Fabrikam"
    assert form.get_by_role("button", name="Remove this offer").first.is_disabled()
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=screenshots / "workbench-phone.png", full_page=True)
    assert_clean(watched, site_url)


def open_linked(page, site_url: str, name: str, inputs: dict):
    """A calculator opened by a shared link holding ``inputs``, once Python is ready."""
    page.goto(page_url(site_url, name) + f"#{name}=" + quote(json.dumps(inputs)))
    form = page.locator(f'form[data-calculator="{name}"]')
    wait_ready(page, form)
    return form


def test_a_shared_link_restores_the_numbers(watched, site_url):
    page = watched.page
    inputs = {"salary": 52000, "pto_days": 12, "working_days_per_year": 250,
              "baseline_days": 20}
    form = open_linked(page, site_url, "pto_value", inputs)
    assert form.locator('[name="salary"]').input_value() == "52000"
    assert form.locator('[name="baseline_days"]').input_value() == "20"
    assert shown(form) == figures("pto_value", run("pto_value", inputs))
    assert form.locator("[data-notice]").is_hidden()
    # The link follows the numbers, so copying the address shares them.
    before = form.get_attribute("data-calc-rendered-at")
    form.locator('[name="pto_days"]').fill("14")
    settle(page, form, before)
    assert '"pto_days":14' in page.evaluate("() => decodeURIComponent(location.hash)")
    assert_clean(watched, site_url)


def test_the_link_keeps_the_numbers_through_in_page_navigation(watched, site_url):
    page = watched.page
    inputs = {"salary": 61000, "pto_days": 18, "working_days_per_year": 250,
              "baseline_days": 10}
    form = open_linked(page, site_url, "pto_value", inputs)
    numbers = page.evaluate("() => location.hash")
    assert '"salary":61000' in page.evaluate("() => decodeURIComponent(location.hash)")
    # The table of contents scrolls to its heading; the address keeps the numbers.
    page.locator('.md-sidebar--secondary a[href="#how-it-counts"]').click()
    # Scrolled to the heading (as far as the page goes: it may end before the heading
    # reaches the top).
    in_view = """(h) => { const top = h.getBoundingClientRect().top;
        return scrollY > 0 && top >= 0 && top < innerHeight; }"""
    heading = page.locator("#how-it-counts")
    deadline = time.monotonic() + 5
    while not heading.evaluate(in_view):
        assert time.monotonic() < deadline, "the heading was not scrolled to"
        page.wait_for_timeout(100)
    assert page.evaluate("() => location.hash") == numbers
    # So does a heading's own link and the "skip to content" link.
    page.evaluate("() => { location.hash = 'how-it-counts'; }")
    page.wait_for_timeout(100)
    assert page.evaluate("() => location.hash") == numbers
    # A new link for the page, pasted into the address bar: its numbers, without a reload.
    other = {**inputs, "salary": 72000}
    before = form.get_attribute("data-calc-rendered-at")
    page.evaluate("(hash) => { location.hash = hash; }",
                  "pto_value=" + quote(json.dumps(other)))
    settle(page, form, before)
    assert form.locator('[name="salary"]').input_value() == "72000"
    assert shown(form) == figures("pto_value", run("pto_value", other))
    # An address with something else in its hash keeps only the page's numbers.
    assert "how-it-counts" not in page.evaluate("() => location.hash")
    assert_clean(watched, site_url)


def test_a_mangled_link_or_storage_falls_back_to_the_example(watched, site_url):
    page = watched.page
    example = SPECS["pto_value"]["example"]
    page.goto(page_url(site_url, "pto_value") + "#pto_value=%7Bbroken")
    form = page.locator('form[data-calculator="pto_value"]')
    wait_ready(page, form)
    assert form.locator("[data-notice]").is_visible()
    assert form.locator('[name="salary"]').input_value() == str(example["salary"])
    assert shown(form) == figures("pto_value", run("pto_value", example))
    # Numbers that read as JSON but that the calculator refuses: the example, and why;
    # on the open page (only the hash changes), then opening the page with them.
    refused = page_url(site_url, "pto_value") + "#pto_value=" + quote('{"salary": "lots"}')
    for how in ("same page", "new load"):
        if how == "new load":
            page.goto("about:blank")
        page.goto(refused)
        form = page.locator('form[data-calculator="pto_value"]')
        wait_ready(page, form)
        expect(form.locator("[data-notice]")).to_contain_text("salary")
        assert form.locator('[name="salary"]').input_value() == str(example["salary"]), how
    # Storage that is not ours.
    page.evaluate("() => localStorage.setItem('negotiate-benefits:calculator:pto_value', '[1')")
    page.goto(page_url(site_url, "pto_value"))
    form = page.locator('form[data-calculator="pto_value"]')
    wait_ready(page, form)
    assert "saved numbers" in form.locator("[data-notice]").text_content()
    assert_clean(watched, site_url)


def test_storage_restores_the_numbers_and_reset_restores_the_example(watched, site_url):
    page = watched.page
    page.goto(page_url(site_url, "signon_clawback"))
    form = page.locator('form[data-calculator="signon_clawback"]')
    wait_ready(page, form)
    before = form.get_attribute("data-calc-rendered-at")
    change(form, {"months_worked": 9})
    settle(page, form, before)
    page.goto(page_url(site_url, "signon_clawback"))  # no link: the saved numbers
    form = page.locator('form[data-calculator="signon_clawback"]')
    wait_ready(page, form)
    assert form.locator('[name="months_worked"]').input_value() == "9"
    before = form.get_attribute("data-calc-rendered-at")
    form.get_by_role("button", name="Restore the example").click()
    settle(page, form, before)
    example = SPECS["signon_clawback"]["example"]
    assert form.locator('[name="months_worked"]').input_value() == str(example["months_worked"])
    assert shown(form) == figures("signon_clawback", run("signon_clawback", example))
    assert_clean(watched, site_url)


def test_guide_pages_load_no_python(watched, site_url):
    page = watched.page
    for path in ("", "steps/03-value-the-whole-offer/", "benefits/", "calculators/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("form[data-calculator]").count() == 0
    assert watched.requests
    loaded = [url for url in watched.requests if any(m in url for m in PYODIDE_MARKS)]
    assert loaded == []
    fetched = sum(len(r.body()) for r in watched.responses
                  if any(m in r.url for m in PYODIDE_MARKS))
    assert fetched == 0
    assert_clean(watched, site_url)


def test_without_python_the_prerendered_result_stays(browser_context, site_url):
    page = browser_context.new_page()
    try:
        page.goto(f"{site_url}privacy/")
        forget_kept_copies(page)  # a reader whose browser holds no Python yet
        # The WebAssembly, raw or gzip-compressed (the fast start fetches the .gz).
        page.route(re.compile(r"\.wasm(\.gz)?$"), lambda route: route.abort())
        page.goto(page_url(site_url, "package_value"))
        form = page.locator('form[data-calculator="package_value"]')
        from playwright.sync_api import expect

        expect(form).to_have_attribute("data-calc-state", "error", timeout=60_000)
        assert "could not be loaded" in form.locator("[data-status]").text_content()
        assert form.get_by_role("button", name="Try again").is_visible()
        example = SPECS["package_value"]["example"]
        assert shown(form) == figures("package_value", run("package_value", example))
    finally:
        page.close()
