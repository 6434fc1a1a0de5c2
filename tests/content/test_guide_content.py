"""The real guide's content: the counts it promises and the links it must keep."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from calculators.api import catalog

from content_loader import PLACEHOLDER, load_content
from page_titles import page_titles

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"
STEPS = sorted((DOCS / "steps").glob("[0-9][0-9]-*.md"))


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content", {spec["name"] for spec in catalog()},
                        set(page_titles(DOCS)))


def test_the_counts_the_guide_promises(content):
    assert len(STEPS) == 10
    assert len(content.benefits) >= 30
    assert {b.category for b in content.benefits} == {c.slug for c in content.categories}
    assert [c.slug for c in content.categories] == ["must-have", "life-quality", "growth",
                                                    "perks"]
    assert len(content.scripts) >= 10
    assert {s.channel for s in content.scripts} == {"email", "phone"}
    assert [c.slug for c in content.checklists] == ["offer-review-24-hours", "written-offer",
                                                    "first-month"]
    weeks = [s.title for s in content.checklists[2].sections]
    assert weeks == ["Week 1", "Week 2", "Week 3", "Week 4"]


def test_every_benefit_leads_to_a_calculator_or_a_step(content):
    for benefit in content.benefits:
        assert benefit.calculator or benefit.step, benefit.slug


def test_every_placeholder_is_defined_and_used(content):
    for script in content.scripts:
        used = set(PLACEHOLDER.findall(f"{script.subject or ''}\n{script.body}"))
        assert used == set(script.labels()), script.slug


def test_every_figure_has_a_source_and_a_date(content):
    sources = {s.id for s in content.sources}
    for figure in content.figures:
        assert figure.source in sources and figure.as_of, figure.id


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_step_has_its_parts(step):
    text = step.read_text(encoding="utf-8")
    assert text.startswith(f"# Step {int(step.name[:2])}: ")
    for heading in ("## What to do", "## Why it matters", "## Common mistakes"):
        assert heading in text, heading
    assert re.search(r"^## Worked example", text, re.M), "a worked example"
    assert re.search(r"\]\(\.\./(calculators|scripts|checklists)/", text), "links to the tools"


def test_the_unsourced_claims_are_named_as_such():
    text = (DOCS / "steps" / "01-know-your-worth.md").read_text(encoding="utf-8")
    assert "40%" in text and "10% below market" in text
    assert "We found no\n  source for this figure" in text
    assert "../calculators/salary_growth.md" in text


def _worked_example(step: Path) -> str:
    text = step.read_text(encoding="utf-8")
    start = re.search(r"^## Worked example", text, re.M).start()
    end = text.index("\n## ", start + 1)
    return text[start:end]


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_worked_example_is_computed_by_the_engine(step):
    section = _worked_example(step)
    names = re.findall(r"<!--\s*example:\s*([\w]+)\s*\{", section)
    assert names, "a worked example renders at least one calculator run"
    assert set(names) <= {spec["name"] for spec in catalog()}


# Per-paycheck amounts in step 10 are arithmetic for the reader to check a payslip with;
# no calculator works per paycheck, so they are written out with their working.
HAND_WORKED = {"10-check-after-you-start": {"$3,076.92", "$184.62", "$253.85", "$123.08",
                                            "$92.31", "$30.77"}}


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_no_worked_example_types_a_computed_amount_by_hand(step):
    """Amounts to the cent are what the calculators compute: they come from markers."""
    section = re.sub(r"<!--.*?-->", "", _worked_example(step), flags=re.S)
    cents = set(re.findall(r"\$[\d,]+\.\d\d", section))
    assert cents <= HAND_WORKED.get(step.stem, set())


# The blanks every script shares (hooks/templates/script.html.j2 marks them, guide.js
# keeps them once): one reader, one name, so one label and one example everywhere.
SHARED_BLANKS = {"your_name", "role_title", "company_name", "recruiter_name"}


def test_the_shared_blanks_read_the_same_in_every_script(content):
    template = (ROOT / "hooks" / "templates" / "script.html.j2").read_text(encoding="utf-8")
    listed = re.search(r"set SHARED = \[(.*?)\]", template).group(1)
    assert set(re.findall(r'"(\w+)"', listed)) == SHARED_BLANKS
    seen: dict[str, set] = {name: set() for name in SHARED_BLANKS}
    for script in content.scripts:
        for placeholder in script.placeholders:
            if placeholder.name in SHARED_BLANKS:
                seen[placeholder.name].add((placeholder.label, placeholder.example))
    assert all(len(versions) == 1 for versions in seen.values()), seen
