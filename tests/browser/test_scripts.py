"""Scripts as a reader uses them: fill the blanks, copy the text, come back to another script.

A copy with blanks still empty does not copy: it names them, and copies with the blanks
in brackets only when the reader asks for it. The reader's name, role, company and
recruiter are typed once for every script; long blanks take several lines; the preview
reads exactly as the copied text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
CONTENT = Path(__file__).parents[2] / "content"
SCRIPTS = {s["slug"]: s for s in yaml.safe_load(
    (CONTENT / "scripts.yaml").read_text(encoding="utf-8"))["scripts"]}
PLACEHOLDER = re.compile(r"\{(\w+)\}")
UNTOUCHED = "(the clipboard before the copy)"


@pytest.fixture
def reader(fresh_context, site_url):
    """A phone-sized tab in a fresh browser that lets the site use the clipboard."""
    context = fresh_context()
    origin = "/".join(site_url.split("/")[:3])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    page.set_viewport_size(PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.errors = errors
    return page


def clipboard(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def card(page, slug: str):
    return page.locator(f'[data-script="{slug}"]')


def blank(page, slug: str, name: str):
    return card(page, slug).locator(f'.script-fields [name="{name}"]')


def written(slug: str, values: dict[str, str]) -> str:
    """The script as the reader should get it, from the YAML: subject, then body."""
    script = SCRIPTS[slug]
    fill = lambda text: PLACEHOLDER.sub(lambda m: values[m.group(1)], text)  # noqa: E731
    body = fill(script["body"]).strip()
    return f"Subject: {fill(script['subject'])}\n\n{body}" if script.get("subject") else body


def test_a_copy_with_blanks_left_warns_names_them_and_copies_only_on_purpose(reader, site_url):
    page = reader
    page.goto(site_url + "scripts/data-backed-ask-email/")
    page.evaluate("(t) => navigator.clipboard.writeText(t)", UNTOUCHED)
    blank(page, "data-backed-ask-email", "recruiter_name").fill("Jordan")
    blank(page, "data-backed-ask-email", "specific_ask").fill("a base salary of $83,000")
    page.get_by_role("button", name="Copy the text").click()

    status = card(page, "data-backed-ask-email").locator(".script-status")
    expect(status).to_contain_text("Not copied")
    text = status.inner_text()
    for label in ("Job title", "What your research showed, and where",
                  "One concrete thing you bring", "Your name"):
        assert label in text
    assert "Recruiter's first name" not in text and "The change you want" not in text
    assert clipboard(page) == UNTOUCHED

    page.get_by_role("button", name="Copy with the blanks").click()
    expect(status).to_contain_text("Copied, with 4 blanks still in brackets")
    copied = clipboard(page)
    assert copied.startswith("Subject: [Job title] offer: one request")
    assert "Hi Jordan," in copied and "[Your name]" in copied
    assert "[One concrete thing you bring]" in copied
    # Typing again makes the warning old news: it goes, with the second button.
    blank(page, "data-backed-ask-email", "your_name").fill("Sam Rivera")
    expect(page.get_by_role("button", name="Copy with the blanks")).to_be_hidden()
    assert page.errors == []


def test_a_filled_copy_copies_the_filled_text_and_the_preview_reads_the_same(reader, site_url):
    page = reader
    slug = "data-backed-ask-email"
    page.goto(site_url + f"scripts/{slug}/")
    values = {"recruiter_name": "Jordan", "role_title": "Data Analyst",
              "market_evidence": "comparable roles here pay $80,000 to $86,000",
              "your_contribution": "I built the reporting pipeline my team uses every day",
              "specific_ask": "a base salary of $83,000", "your_name": "Sam Rivera"}
    for name, value in values.items():
        blank(page, slug, name).fill(f"  {value} ")  # stray spaces are the reader's, not the text's
    page.get_by_role("button", name="Copy the text").click()
    expect(card(page, slug).locator(".script-status")).to_have_text(
        "Copied, with your words in place.")
    copied = clipboard(page)
    assert copied == written(slug, values)
    preview = card(page, slug).locator(".script-text")
    assert preview.inner_text().strip() == copied
    assert "Hi Jordan," in preview.inner_text() and "  Jordan" not in preview.inner_text()
    # A filled blank has no padding of its own: on screen "Hi Jordan," is as it is copied.
    mark = preview.locator('mark[data-placeholder="recruiter_name"]').first
    box = mark.evaluate("""(m) => { const s = getComputedStyle(m);
        return [s.paddingLeft, s.paddingRight, s.marginLeft, s.marginRight]; }""")
    assert box == ["0px", "0px", "0px", "0px"]
    assert page.errors == []


def test_long_blanks_take_several_lines_in_the_form_the_preview_and_the_copy(reader, site_url):
    page = reader
    slug = "agreement-in-writing"
    page.goto(site_url + f"scripts/{slug}/")
    items = blank(page, slug, "agreed_items")
    assert items.evaluate("(el) => el.tagName") == "TEXTAREA"
    one_line = blank(page, slug, "your_name").bounding_box()["height"]
    assert items.bounding_box()["height"] > 2 * one_line
    items.fill("- a base salary of $80,000\n- 20 days of vacation")
    for name, value in {"recruiter_name": "Dana", "role_title": "Analyst", "your_name": "Sam"}.items():
        blank(page, slug, name).fill(value)
    page.get_by_role("button", name="Copy the text").click()
    expect(card(page, slug).locator(".script-status")).to_contain_text("Copied")
    assert "we agreed:\n\n- a base salary of $80,000\n- 20 days of vacation\n\nCould" in clipboard(page)
    assert page.errors == []


def test_a_name_typed_in_one_script_is_in_every_other(reader, site_url):
    page = reader
    page.goto(site_url + "scripts/thank-you-first-reply/")
    shared = {"your_name": "Jordan Lee", "recruiter_name": "Dana", "role_title": "Data Analyst",
              "company_name": "Northwind Health"}
    for name, value in shared.items():
        blank(page, "thank-you-first-reply", name).fill(value)
    blank(page, "thank-you-first-reply", "reply_date").fill("Thursday")

    page.goto(site_url + "scripts/decline-offer/")
    decline = card(page, "decline-offer")
    for name, value in shared.items():
        expect(blank(page, "decline-offer", name)).to_have_value(value)
    text = decline.locator(".script-text").inner_text()
    assert "Hi Dana," in text and "the team at Northwind Health" in text
    assert text.rstrip().endswith("Jordan Lee")
    # A blank of one script only stays with it.
    page.goto(site_url + "scripts/ask-for-time/")
    expect(blank(page, "ask-for-time", "new_date")).to_have_value("")
    expect(blank(page, "ask-for-time", "your_name")).to_have_value("Jordan Lee")

    # Two scripts on one page: a change in one shows in the other as it is typed.
    page.goto(site_url + "steps/06-negotiate/")
    blank(page, "data-backed-ask-email", "recruiter_name").fill("Robin")
    expect(card(page, "data-backed-ask-phone").locator(
        'mark[data-placeholder="recruiter_name"]').first).to_have_text("Robin")
    expect(blank(page, "data-backed-ask-phone", "recruiter_name")).to_have_value("Robin")
    assert page.errors == []


def test_every_script_in_a_step_carries_its_title(reader, site_url):
    page = reader
    page.goto(site_url + "steps/06-negotiate/")
    titles = page.locator(".script-card .script-title")
    expect(titles).to_have_count(2)
    assert [t.inner_text() for t in titles.all()] == [
        "The data-backed ask, by email", "The data-backed ask, by phone"]
    titles.first.get_by_role("link").click()
    expect(page.locator("article h1")).to_have_text(re.compile(r"^The data-backed ask, by email"))
    # On its own page the title is the page's: the card does not repeat it.
    expect(page.locator(".script-card .script-title")).to_have_count(0)


@pytest.mark.parametrize("size", [PHONE, {"width": 1280, "height": 900}],
                         ids=["phone", "desktop"])
def test_screenshots_of_the_home_page_and_a_script(reader, site_url, screenshots, size):
    page = reader
    page.set_viewport_size(size)
    name = "phone" if size["width"] < 500 else "desktop"
    page.goto(site_url)
    page.screenshot(path=str(screenshots / f"home-{name}.png"), full_page=True)
    page.goto(site_url + "scripts/data-backed-ask-email/")
    blank(page, "data-backed-ask-email", "recruiter_name").fill("Jordan")
    blank(page, "data-backed-ask-email", "market_evidence").fill(
        "three salary sites and BLS wage data put comparable roles here between $80,000 "
        "and $86,000")
    page.get_by_role("button", name="Copy the text").click()
    page.screenshot(path=str(screenshots / f"script-{name}.png"), full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= size["width"]
    assert page.errors == []


@pytest.mark.parametrize("path", ["scripts/data-backed-ask-email/", "steps/06-negotiate/"])
def test_a_script_with_its_warning_showing_passes_axe_in_both_palettes(reader, site_url, path):
    from test_accessibility import AXE, axe_run, describe, toggle_palette

    assert AXE.is_file(), "axe-core is missing: `make test` runs `npm ci`"
    page = reader
    page.goto(site_url + path)
    slug = "data-backed-ask-email"
    blank(page, slug, "recruiter_name").fill("Jordan")
    blank(page, slug, "market_evidence").fill("a range\nof three")
    card(page, slug).get_by_role("button", name="Copy the text").click()
    expect(card(page, slug).get_by_role("button", name="Copy with the blanks")).to_be_visible()
    found = axe_run(page)
    assert found == [], describe(found)
    toggle_palette(page)
    found = axe_run(page, ["color-contrast", "link-in-text-block"])
    assert found == [], describe(found)
    name = path.strip("/").replace("/", "-")
    page.locator(".script-card").last.scroll_into_view_if_needed()
    for i in range(page.locator(".script-card").count()):
        page.locator(".script-card").nth(i).screenshot(
            path=str(Path(__file__).parents[1] / "screenshots" / f"{name}-script-{i + 1}-dark.png"))
