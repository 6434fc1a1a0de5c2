"""Rendering content into pages, as plain functions (no MkDocs)."""

from datetime import date
from pathlib import Path

import pytest

from content_loader import load_content
from page_titles import first_heading, page_titles
from render import content_renderers, environment, generated_pages, nav_sections, relative

GOOD = Path(__file__).parents[1] / "content" / "good"
TITLES = {"steps/one.md": "Step one", "calculators/retirement_match.md": "401(k) match",
          "calculators/pto_value.md": "Paid time off value",
          "calculators/benefit_tradeoff.md": "Plan B trade-offs"}


@pytest.fixture(scope="module")
def content():
    return load_content(GOOD, None, set(TITLES))


# The good content's BLS figure is as of June 2025 (quarterly: due from January 2026);
# its IRS limit is for 2026 (due from December 2026). Pages are made as of this day:
TODAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def env(content):
    return environment(content, TITLES, TODAY)


@pytest.fixture(scope="module")
def pages(env):
    return {page.path: page for page in generated_pages(env)}


def test_relative_links_work_from_any_depth():
    assert relative("benefits/must-have/match.md", "calculators/pto_value.md") == (
        "../../calculators/pto_value.md")
    assert relative("figures.md", "steps/one.md") == "steps/one.md"


def test_every_category_benefit_script_and_checklist_gets_a_page(pages):
    assert sorted(pages) == [
        "alternatives/index.md", "benefits/index.md", "benefits/life-quality/index.md",
        "benefits/life-quality/paid-time-off.md", "benefits/must-have/index.md",
        "benefits/must-have/retirement-match.md", "checklists/first-month.md",
        "checklists/index.md", "figures.md", "scripts/index.md", "scripts/thank-you.md"]
    assert pages["benefits/must-have/retirement-match.md"].source == "content/benefits.yaml"
    assert pages["scripts/thank-you.md"].source == "content/scripts.yaml"


def test_a_benefit_page_has_every_part(pages):
    text = pages["benefits/must-have/retirement-match.md"].markdown
    assert text.startswith("# 401(k) match\n")
    for heading in ("## What it is", "## Why it matters", "## Typical figures",
                    "## What to ask for", "## Questions for the employer",
                    "## How negotiable it is", "## If it is not negotiable"):
        assert heading in text
    assert "- 401(k) elective deferral limit: <!-- figure: irs-401k-deferral-limit-2026 -->" in text
    assert "[401(k) match](../../calculators/retirement_match.md)" in text
    assert "[Step one](../../steps/one.md)" in text
    assert "Ask for [Paid time off](../life-quality/paid-time-off.md)" in text
    assert "rarely negotiable" in text


def test_the_catalogue_lists_benefits_by_category(pages):
    text = pages["benefits/index.md"].markdown
    assert "## [Must-have benefits](must-have/index.md)" in text
    assert "| [Paid time off](life-quality/paid-time-off.md) | Days off at full pay. | Often negotiable |" in text


def test_a_script_renders_blanks_and_escapes_text(pages):
    text = pages["scripts/thank-you.md"].markdown
    assert ('<mark class="script-blank" data-placeholder="manager">'
            "[Hiring manager&#39;s name]</mark>") in text
    assert 'data-from-calculator="pto_value.difference_value"' in text
    assert '<input type="text" name="extra_days" placeholder="5"' in text


def test_the_figures_page_cites_each_source(pages):
    text = pages["figures.md"].markdown
    assert ("| Benefits as a share of total compensation, private industry | 29.8% | "
            "[BLS ECEC](https://www.bls.gov/news.release/ecec.nr0.htm), Table A, June 2025 release "
            "| June 2025 |") in text


def test_the_figures_page_shows_each_figures_age_and_what_is_due(pages):
    text = pages["figures.md"].markdown
    assert "how old it was when this page was built (January 2026)" in text
    assert "Tax limits\nand tax rates are for tax year 2026." in text
    assert "As of this build, 1 of 2 figures are due" in text
    assert ("| June 2025 | 7 months; a newer release was expected by December 2025: due for a "
            "re-check |") in text
    assert "| January 2026 | under a month |" in text


def test_the_figures_page_lists_every_source_and_when_it_publishes(pages, content):
    text = pages["figures.md"].markdown.split("## Sources", 1)[1]
    for source in content.sources:
        assert f"| [{source.name}]({source.url}) ({source.short}) | {source.publisher} | " \
               f"{source.cadence.schedule} |" in text


def test_a_benefit_page_states_each_figures_age(pages):
    text = pages["benefits/must-have/retirement-match.md"].markdown
    assert ("- 401(k) elective deferral limit: <!-- figure: irs-401k-deferral-limit-2026 --> "
            '<span class="figure-age">under a month old</span>') in text


def test_a_figure_due_for_a_re_check_says_so(env):
    html = str(env.filters["inline"]("<!-- figure: bls-benefits-share-private -->"))
    assert 'data-age-months="7" data-due>' in html
    assert "7 months old when this page was built, and a newer release is due" in html


def test_a_source_marker_cites_the_source(env):
    renderers = content_renderers(env, "steps/one.md")
    html = renderers["source"].render("irs-limits")
    assert html == ('<span class="source-cite" data-source="irs-limits">(<a href="https://www.irs.gov/'
                    'newsroom/401k-limit-increases-to-24500-for-2026-ira-limit-increases-to-7500" '
                    'title="401(k) limit increases to $24,500 for 2026, Internal Revenue Service">'
                    'IRS</a>)</span>')
    inline = str(env.filters["inline"]("A <b> rule <!-- source: bls-ecec -->."))
    assert inline.startswith("A &lt;b&gt; rule <span class=\"source-cite\" data-source=\"bls-ecec\">")
    assert inline.endswith("</span>.")


def test_markers_render_figures_checklists_and_tables(env):
    renderers = content_renderers(env, "steps/one.md")
    figure = renderers["figure"].render("bls-benefits-share-private")
    assert '<span class="figure-value">29.8%</span>' in figure
    assert '>BLS ECEC</a>, June 2025)' in figure
    checklist = renderers["checklist"].render("first-month")
    assert '<input type="checkbox" name="health-enrolled" data-item="health-enrolled">' in checklist
    table = renderers["benefits"].render("must-have")
    assert "[401(k) match](../benefits/must-have/retirement-match.md)" in table
    assert "Paid time off" not in table
    assert "Paid time off" in renderers["benefits"].render("all")


def test_text_in_html_islands_is_escaped_and_its_figures_stated(env):
    inline = env.filters["inline"]
    html = str(inline("Up to <!-- figure: irs-401k-deferral-limit-2026 --> <b>a year</b>"))
    assert html.startswith('Up to <span class="figure" data-figure="irs-401k-deferral-limit-2026" '
                           'data-age-months="0">')
    assert '<span class="figure-value">$24,500</span>' in html
    assert html.endswith(" &lt;b&gt;a year&lt;/b&gt;")


def test_nav_sections_follow_the_content_order(content):
    sections = nav_sections(content)
    assert sections["@benefits"] == [
        "benefits/index.md",
        {"Must-have benefits": ["benefits/must-have/index.md",
                                "benefits/must-have/retirement-match.md"]},
        {"Quality of life": ["benefits/life-quality/index.md",
                             "benefits/life-quality/paid-time-off.md"]},
    ]


def test_page_titles_come_from_the_first_heading(tmp_path):
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "one.md").write_text("Intro\n\n# Know your worth\n\n# Later\n")
    (tmp_path / "untitled.md").write_text("no heading\n")
    assert page_titles(tmp_path) == {"steps/one.md": "Know your worth"}
    assert first_heading("## Not level one\n") is None
