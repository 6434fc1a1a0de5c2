"""Everyone can use it: every page checked by axe-core in both palettes, at phone width
and on paper; the calculators by keyboard alone, with named inputs, announced results
and errors, and charts that have words and a table.

axe-core comes from node_modules (the npm devDependency). The site's Content-Security-
Policy allows no inline script, so axe is not added as a ``<script>`` tag: its source
is evaluated in the page through Playwright (``page.evaluate``), which CSP does not
govern, and the page keeps its real policy while it is checked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from calculators.api import catalog, run

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SPECS = {spec["name"]: spec for spec in catalog()}
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
SCHEMES = ("default", "slate")
# What fails a page: axe's serious and critical violations. Every rule runs; moderate and
# minor findings (one is Material's: landmark-unique on the nested <nav> of a section
# whose index page is its link, labelled by an icon-only <label>) do not fail it.
FAILING = ("serious", "critical")
UNIT_WORDS = {"usd": "dollars", "usd_per_hour": "dollars", "pct": "percent", "days": "days",
              "months": "months", "years": "years", "hours": "hours"}


def page_paths(built_site: Path) -> list[str]:
    """Every page of the built site, as a path under the site's root ("" is home)."""
    paths = sorted(str(p.parent.relative_to(built_site)) for p in built_site.rglob("index.html"))
    return ["" if path == "." else path + "/" for path in paths]


# The rules whose outcome depends on the palette: a page's second palette runs only these.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_run(page, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now (injected once per page load):
    every rule, or only ``rules``."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("""(rules) => axe.run(document, {resultTypes: ["violations"],
          ...(rules ? {runOnly: {type: "rule", values: rules}} : {})})
        .then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => ({target: n.target.join(" "), html: n.html.slice(0, 160),
            summary: n.failureSummary}))})))""", rules)
    return [violation for violation in violations if violation["impact"] in FAILING]


def scheme(page) -> str:
    return page.evaluate("() => document.body.dataset.mdColorScheme")


def toggle_palette(page) -> str:
    """Click Material's palette toggle, as a reader does; the new scheme."""
    before = scheme(page)
    page.locator('[data-md-component="palette"] label:visible').click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme !== s", arg=before)
    # Material fades colours over a few hundred ms: measure contrast once they have settled.
    page.wait_for_function("""() => document.getAnimations()
        .every((a) => a.playState !== "running" || !(a instanceof CSSTransition))""")
    return scheme(page)


def wait_live(page) -> None:
    """Wait for every calculator on the page to show its live result."""
    from playwright.sync_api import expect

    forms = page.locator("form[data-calculator]")
    for i in range(forms.count()):
        expect(forms.nth(i)).to_have_attribute("data-calc-state", "ready", timeout=120_000)
        expect(forms.nth(i)).to_have_attribute("data-calc-rendered-at", re.compile(r"\d"))


def too_wide(page, width: int) -> list[str]:
    """Elements (outside the off-canvas navigation drawer) reaching past ``width``."""
    return page.evaluate("""(width) => [...document.querySelectorAll(".md-main *")]
        .filter((el) => el.getClientRects().length && !el.closest(".md-sidebar")
          && el.getBoundingClientRect().right > width + 0.5
          && !el.closest(".calc-table-wrap, .md-typeset__scrollwrap, pre"))
        .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`)""", width)


def uncued_scrollers(page) -> list[str]:
    """Tables that scroll sideways inside their wrapper without the edge shadow that
    shows there is more (calculator.css), with the page's scrolled part of each."""
    return page.evaluate("""() => [...document.querySelectorAll(
        ".calc-table-wrap, .md-typeset__scrollwrap")]
        .filter((el) => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1)
        .filter((el) => (getComputedStyle(el).backgroundImage.match(/radial-gradient/g)
          || []).length < 2 || getComputedStyle(el.querySelector("table")).backgroundColor
          !== "rgba(0, 0, 0, 0)")
        .map((el) => `${el.className}: ${el.querySelector("th, td")?.textContent.trim()}`)""")


def chart_contrast(page) -> list[str]:
    """Chart text below 4.5:1, or a series' colour below 3:1, against the page (axe does
    not measure SVG); empty when every chart reads well in the current palette."""
    return page.evaluate("""() => {
      const rgb = (css) => (css.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      const bg = rgb(getComputedStyle(document.body).backgroundColor);
      const over = ([r, g, b, a = 1]) => [r, g, b].map((c, i) => c * a + bg[i] * (1 - a));
      const ratio = (css) => {
        const [x, y] = [lum(over(rgb(css))), lum(bg)].sort((m, n) => n - m);
        return (x + 0.05) / (y + 0.05);
      };
      const low = [];
      document.querySelectorAll("svg.calc-chart text").forEach((el) => {
        const r = ratio(getComputedStyle(el).fill);
        if (r < 4.5) low.push(`text "${el.textContent}" ${r.toFixed(2)}:1`);
      });
      document.querySelectorAll("svg.calc-chart .calc-line, svg.calc-chart .calc-bar").forEach((el) => {
        const r = ratio(getComputedStyle(el).stroke);
        if (r < 3) low.push(`${el.getAttribute("class")} ${r.toFixed(2)}:1`);
      });
      return [...new Set(low)];
    }""")


def describe(violations: list[dict]) -> str:
    return "\n".join(f"  {v['id']} ({v['impact']}): {v['help']}\n" + "\n".join(
        f"    {n['target']}: {n['html']}" for n in v["nodes"][:3]) for v in violations)


def test_every_page_passes_axe_in_both_palettes_and_fits_a_phone(
        browser_context, built_site, site_url, screenshots):
    """axe-core on every page, light and dark (after live results on calculator pages):
    every rule in the palette the page opens in (they alternate), and the colour rules
    again in the other; at 375 px nothing scrolls sideways, a table that scrolls inside
    its wrapper shows it, and every calculator control is on screen."""
    assert AXE.is_file(), "axe-core is missing: `make test` runs `npm ci`"
    paths = page_paths(built_site)
    assert len(paths) > 50 and "calculators/workbench/" in paths
    page = browser_context.new_page()
    problems: list[str] = []
    seen = {scheme: 0 for scheme in SCHEMES}
    try:
        for path in paths:
            page.set_viewport_size(DESKTOP)
            page.goto(site_url + path)
            wait_live(page)
            for rules in (None, COLOUR_RULES):
                if rules:  # the other palette; the next page opens in it (Material stores it)
                    toggle_palette(page)
                current = scheme(page)
                seen[current] += 1
                found = axe_run(page, rules)
                if found:
                    problems.append(f"/{path} in {current}:\n{describe(found)}")
                low = chart_contrast(page)
                if low:
                    problems.append(f"/{path} in {current}: chart colours {low}")
            page.set_viewport_size(PHONE)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                problems.append(f"/{path} is {width} px wide on a phone: {too_wide(page, 375)}")
            uncued = uncued_scrollers(page)
            if uncued:
                problems.append(f"/{path}: tables that scroll without a cue: {uncued}")
            controls = page.locator("form[data-calculator] [name][data-kind]:visible")
            for i in range(controls.count()):
                box = controls.nth(i).bounding_box()
                narrow = box["width"] < 44 and controls.nth(i).get_attribute("type") != "checkbox"
                if box["x"] < 0 or box["x"] + box["width"] > PHONE["width"] or narrow:
                    problems.append(f"/{path}: {controls.nth(i).get_attribute('name')} at {box}")
            if path in ("checklists/offer-review-24-hours/", "scripts/counter-offer-email/"):
                name = path.strip("/").replace("/", "-")
                page.screenshot(path=screenshots / f"{name}-phone.png", full_page=True)
                page.set_viewport_size(DESKTOP)
                page.screenshot(path=screenshots / f"{name}-desktop.png", full_page=True)
    finally:
        page.evaluate("() => localStorage.clear()")
        page.close()
    assert seen == {scheme: len(paths) for scheme in SCHEMES}
    assert problems == [], "\n".join(problems)


def test_the_palette_is_kept_where_material_keeps_it(browser_context, site_url):
    """Setting Material's localStorage key and reloading gives the dark palette too."""
    page = browser_context.new_page()
    try:
        page.goto(site_url)
        # Material keeps the palette in localStorage under its scope's path + ".__palette".
        key = urlsplit(site_url).path + ".__palette"
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(
            {"index": 1, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
                                   "primary": "teal", "accent": "deep-orange"}})])
        page.reload()
        assert scheme(page) == "slate"
        assert toggle_palette(page) == "default"
        stored = json.loads(page.evaluate("(key) => localStorage.getItem(key)", key))
        assert stored["color"]["scheme"] == "default"
    finally:
        page.evaluate("() => localStorage.clear()")
        page.close()


# --- calculators: names, announcements, charts ------------------------------------------


def expected_names(fields: list[dict], prefix: str = "", values=None) -> dict[str, tuple]:
    """Control name to (label, unit word or None) for the fields of one form."""
    names = {}
    for field in fields:
        path = f"{prefix}{field['name']}"
        if field["kind"] == "object":
            names.update(expected_names(field["fields"], path + "."))
        elif field["kind"] == "list" and field["fields"]:
            for index in range(field["max_items"]):
                names.update(expected_names(field["fields"], f"{path}[{index}]."))
        else:
            names[path] = (field["label"], UNIT_WORDS.get(field["unit"]))
    return names


CALCULATOR_PAGES = [*SPECS, "workbench"]


def test_calculator_inputs_results_and_charts_are_described(browser_context, site_url):
    """Each input's accessible name holds its label and unit; results and errors have
    live regions; each chart is an image with words, and its data is also a table."""
    from playwright.sync_api import expect

    page = browser_context.new_page()
    page.route("**/*calculator-worker*", lambda route: route.abort())  # the markup only
    try:
        for name in CALCULATOR_PAGES:
            page.goto(f"{site_url}calculators/{name}/")
            form = page.locator("form[data-calculator]")
            spec = SPECS[form.get_attribute("data-calculator")]
            names = expected_names(spec["inputs"])
            controls = form.locator("[name][data-kind]")
            assert controls.count() > 0
            for i in range(controls.count()):
                control = controls.nth(i)
                label, unit = names[control.get_attribute("name")]
                pattern = re.escape(label) + (f".*{unit}" if unit and unit not in label.lower()
                                              else "")
                if control.is_visible():
                    expect(control).to_have_accessible_name(re.compile(pattern, re.I))
                label_text = form.locator(f'label[for="{control.get_attribute("id")}"]')
                assert re.search(pattern, label_text.text_content(), re.I), (name, label)
            # Live regions: the status line, and the announcer for results and problems.
            assert form.locator("[data-status]").get_attribute("role") == "status"
            announcer = form.locator("[data-announce]")
            assert announcer.get_attribute("aria-live") == "polite"
            assert form.locator('[data-error-for=""]').get_attribute("role") == "alert"
            charts = form.locator("[data-result] svg.calc-chart")
            assert charts.count() == expected_charts(name)
            for i in range(charts.count()):
                check_chart(form, charts.nth(i), spec["name"])
    finally:
        page.close()


def expected_charts(page: str) -> int:
    """A calculator page's charts: one where its result has a shape; the offer comparison
    (and the workbench) one per offer (what it is made of) and one against the leader."""
    if page in ("offer_comparison", "workbench"):
        return len(SPECS["offer_comparison"]["example"]["offers"]) + 1
    return 1 if page in CHART_TABLES else 0


# Which table holds each chart's data, and the columns its points come from.
CHART_TABLES = {"package_value": ("breakdown", ["name", "annual_value"]),
                "health_plan_choice": ("curve", ["medical_costs", "cost"]),
                "offer_comparison": ("by_year", ["salary", "bonus", "signon", "equity",
                                                 "retirement_match_vested", "health_cost",
                                                 "difference_from_leader"]),
                "salary_growth": ("by_year", ["salary_a", "salary_b"]),
                "equity_vesting": ("schedule", ["vested_fraction"]),
                "retirement_match": ("vesting_schedule", ["vested_pct"]),
                "benefit_tradeoff": ("asks", ["label", "salary_equivalent"]),
                "take_home_pay": ("breakdown", ["part", "amount"]),
                "stock_options": ("schedule", ["value_at_exit", "cash_needed"]),
                # Charts of single figures: their points are in the result's own table.
                "espp": (None, ["year_gain", "disqualifying_kept", "qualifying_kept"]),
                "rsu_taxes": (None, ["federal_withheld", "federal_tax_owed", "total_tax"])}


def check_chart(form, chart, name: str) -> None:
    assert chart.get_attribute("role") == "img"
    ids = chart.get_attribute("aria-labelledby").split()
    title = chart.locator(f'[id="{ids[0]}"]').text_content()
    desc = chart.locator(f'[id="{ids[1]}"]').text_content()
    assert chart.locator("title").text_content() == title and title
    assert len(desc) > 20
    from playwright.sync_api import expect

    expect(chart).to_have_accessible_name(f"{title} {desc}")  # aria-labelledby: both
    key, columns = CHART_TABLES[name]
    if key is None:
        cells = {column: form.locator(f'[data-result] td[data-output="{column}"]')
                 .all_text_contents() for column in columns}
    else:
        table = form.locator(f'[data-result] table[data-output="{key}"]')
        assert table.count() == 1, (name, key)
        cells = {column: table.locator(f'td[data-column="{column}"]').all_text_contents()
                 for column in columns}
    assert all(cells.values()), (name, cells)
    # Every figure the chart's words state ("label: $1.00; ..." or "name: 5% at year 1,
    # 9% at year 5; ...") is in the table, as the table writes it.
    stated = [figure for part in desc.rstrip(".").split("; ")
              for figure in re.findall(r"-?\$\d{1,3}(?:,\d{3})*(?:\.\d\d)?|\d+(?:\.\d+)?%",
                                       part.rsplit(": ", 1)[1])]
    in_table = set(sum(cells.values(), []))
    zero = ("0%", "$0", "$0.00")  # a line's start at nothing, which no row need hold
    assert stated and all(figure in in_table or figure in zero for figure in stated), (
        name, stated, sorted(in_table)[:10])


# --- calculators by keyboard alone ---------------------------------------------------------


def rendered_at(form) -> str | None:
    return form.get_attribute("data-calc-rendered-at")


def wait_new_result(page, form, before) -> None:
    page.wait_for_function("([el, before]) => el.dataset.calcRenderedAt !== before",
                           arg=[form.element_handle(), before], timeout=30_000)


def tab_to(page, predicate: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches ``predicate`` (a JS expression on el)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}"):
            return
    raise AssertionError(f"Tab never reached {predicate}")


def open_live(page, site_url: str, path: str, name: str):
    """A calculator page (``path`` under calculators/), once its results are live: its form."""
    page.goto(f"{site_url}calculators/{path}")
    wait_live(page)
    return page.locator(f'form[data-calculator="{name}"]')


def start_at(form) -> None:
    """Put the focus at the top of the form, as a reader arriving at it by Tab would."""
    form.locator("[data-status]").evaluate("(el) => { el.tabIndex = -1; el.focus(); }")


def test_a_calculator_works_by_keyboard_alone_and_announces(watched, site_url):
    page = watched.page
    form = open_live(page, site_url, "pto_value/", "pto_value")
    announcer = form.locator("[data-announce]")
    example = SPECS["pto_value"]["example"]
    start_at(form)
    tab_to(page, 'el.name === "salary"')
    before = rendered_at(form)
    page.keyboard.press("Control+A")
    page.keyboard.type("52000")
    wait_new_result(page, form, before)
    expected = run("pto_value", {**example, "salary": 52000})
    assert json.loads(form.locator('[data-output="daily_rate"]').get_attribute(
        "data-value")) == expected["daily_rate"]
    page.wait_for_function("(el) => el.textContent.startsWith('Result updated')",
                           arg=announcer.element_handle())
    assert "Daily rate" in announcer.text_content() or "$" in announcer.text_content()
    # A bad number: the message beside the field, and the same words announced.
    before = rendered_at(form)
    page.keyboard.press("Control+A")
    page.keyboard.type("-5")
    wait_new_result(page, form, before)
    error = form.locator('[data-error-for="salary"]')
    assert error.is_visible() and "at least 0" in error.text_content()
    assert "Salary" in announcer.text_content() and "at least 0" in announcer.text_content()
    # The buttons: reachable by Tab, pressed with Enter and with Space.
    tab_to(page, 'el.dataset.action === "reset"')
    before = rendered_at(form)
    page.keyboard.press("Enter")
    wait_new_result(page, form, before)
    assert form.locator('[name="salary"]').input_value() == str(example["salary"])
    assert not error.is_visible()
    tab_to(page, 'el.dataset.action === "copy-link"', limit=3)
    page.keyboard.press("Space")
    page.wait_for_function("(el) => /Link copied|Copy the address/.test(el.textContent)",
                           arg=form.locator("[data-status]").element_handle())
    assert watched.errors == []


def test_the_workbench_adds_and_removes_offers_by_keyboard(watched, site_url):
    page = watched.page
    form = open_live(page, site_url, "workbench/", "offer_comparison")
    rows = form.locator('[data-list="offers"] > [data-rows] > [data-row]')
    assert rows.count() == 2
    start_at(form)
    adds_an_offer = 'el.dataset.action === "add" && el.closest("[data-list]").dataset.list === "offers"'
    tab_to(page, adds_an_offer, limit=200)
    page.keyboard.press("Space")
    assert rows.count() == 3
    # The new offer's first field has the focus: type its name, then its salary.
    assert page.evaluate("() => document.activeElement.name") == "offers[2].name"
    page.keyboard.type("Fabrikam")
    tab_to(page, 'el.name === "offers[2].base_salary"')
    before = rendered_at(form)
    page.keyboard.press("Control+A")
    page.keyboard.type("125000")
    wait_new_result(page, form, before)
    page.wait_for_function("() => document.querySelectorAll("
                           "'[data-result] table[data-output=\"offers\"] tbody tr').length === 3")
    tab_to(page, 'el.dataset.action === "remove" && el.parentElement === document'
                 '.querySelectorAll("[data-list=offers] > [data-rows] > [data-row]")[2]', limit=200)
    before = rendered_at(form)
    page.keyboard.press("Enter")
    wait_new_result(page, form, before)
    assert rows.count() == 2
    assert page.evaluate("() => document.activeElement.dataset.action") == "add"
    assert watched.errors == []


# --- phones ------------------------------------------------------------------------------


def test_charts_read_at_12_px_or_more_on_a_phone(watched, site_url):
    page = watched.page
    page.set_viewport_size(PHONE)
    for name in ("salary_growth", "package_value", "offer_comparison"):
        page.goto(f"{site_url}calculators/{name}/")
        # Each text's font size in chart units, times the chart's scale on screen.
        sizes = page.evaluate("""() => [...document.querySelectorAll("svg.calc-chart text")]
            .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)""")
        assert sizes and min(sizes) >= 12, (name, min(sizes))
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


# --- print -------------------------------------------------------------------------------


PRINTED = ("checklists/offer-review-24-hours/", "scripts/counter-offer-email/",
           "calculators/salary_growth/", "calculators/health_plan_choice/",
           "calculators/workbench/")


def test_pages_print_without_navigation_and_with_the_numbers(watched, site_url, screenshots):
    """On paper: no header, navigation, search or footer; no buttons; every calculator
    field shows the reader's value; charts fit the page. Each page is also printed to
    PDF (headless Chromium) for people to look at."""
    page = watched.page
    inputs = {"salary_a": 71000, "raise_pct_a": 3, "salary_b": 64000, "raise_pct_b": 6,
              "years": 8}
    for path in PRINTED:
        url = site_url + path
        if path.endswith("salary_growth/"):
            url += "#salary_growth=" + quote(json.dumps(inputs))
        page.emulate_media(media="screen")
        page.goto(url)
        wait_live(page)
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                       ".md-footer", ".md-search", ".md-top"):
            assert page.locator(chrome).first.is_hidden(), (path, chrome)
        assert page.locator(".md-content button:visible").count() == 0, path
        if path.endswith("workbench/"):  # a one-page summary, not the form
            check_workbench_print(page)
            controls = page.locator("no-controls")
        else:
            controls = page.locator("form[data-calculator] input[name][data-kind]")
        for i in range(controls.count()):
            control = controls.nth(i)
            if control.evaluate("(el) => Boolean(el.closest('[hidden]'))"):
                continue
            assert control.is_visible(), (path, control.get_attribute("name"))
            box = control.bounding_box()
            if control.get_attribute("type") == "checkbox":  # its tick is its value
                assert box["width"] >= 12 and box["height"] >= 12, (path, box)
                continue
            assert box["width"] >= 40 and box["height"] >= 12, (path, box)
            style = control.evaluate("(el) => getComputedStyle(el).color")
            assert style in ("rgb(0, 0, 0)", "rgba(0, 0, 0, 0.87)"), style
        if "salary_growth" in path:
            assert form_value(page, "salary_a") == "71000"
        width = page.evaluate("() => document.querySelector('.md-content').clientWidth")
        for box in [c.bounding_box() for c in page.locator("svg.calc-chart:visible").all()]:
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 40, (path, box)
        name = path.strip("/").replace("/", "-")
        page.screenshot(path=screenshots / f"{name}-print.png", full_page=True)
        page.pdf(path=str(screenshots / f"{name}.pdf"), format="Letter", print_background=False)
    page.emulate_media(media="screen")
    assert watched.errors == []


def check_workbench_print(page) -> None:
    """The workbench on paper: the answer, the offers and what leaving costs, on one
    page; not the inputs, the charts or the year-by-year table."""
    assert page.locator(".calc-inputs").is_hidden()
    assert page.locator(".wb-digest [data-digest-item=leader]").is_visible()
    assert page.locator('[data-result] table[data-output="offers"]').is_visible()
    assert page.locator('[data-result] table[data-output="forfeiture"]').is_visible()
    assert page.locator('[data-result] table[data-output="by_year"]').is_hidden()
    assert page.locator("svg.calc-chart:visible").count() == 0
    pdf = page.pdf(format="Letter", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # one page


def form_value(page, name: str) -> str:
    return page.locator(f'form[data-calculator] [name="{name}"]').input_value()
