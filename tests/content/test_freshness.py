"""Figures' ages and the re-check report (hooks/freshness.py): a figure is due when its
source's cadence says a newer release should be out, and age never stops a build."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import freshness
from content_loader import load_content
from freshness import GRACE_MONTHS, add_months, age_of, describe_months, months_between

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


@pytest.fixture(scope="module")
def good():
    return load_content(HERE / "good", None)


@pytest.fixture(scope="module")
def real():
    return load_content(ROOT / "content", None)


def test_months_are_added_inside_the_month():
    assert add_months(date(2025, 6, 12), 6) == date(2025, 12, 12)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 1), -7) == date(2025, 6, 1)
    assert add_months(date(2025, 11, 15), 14) == date(2027, 1, 15)


def test_whole_months_between_two_days():
    assert months_between(date(2025, 6, 12), date(2026, 11, 27)) == 17
    assert months_between(date(2025, 6, 12), date(2025, 7, 11)) == 0
    assert months_between(date(2025, 6, 12), date(2025, 7, 12)) == 1
    assert months_between(date(2026, 1, 1), date(2025, 12, 1)) == 0


@pytest.mark.parametrize(("months", "text"), [
    (0, "under a month"), (1, "1 month"), (17, "17 months"), (24, "2 years"),
    (25, "2 years 1 month"), (39, "3 years 3 months")])
def test_ages_read_as_people_say_them(months, text):
    assert describe_months(months) == text


def test_a_quarterly_figure_is_due_a_month_after_the_next_release_was_expected(good):
    figure = good.figure("bls-benefits-share-private")  # as of 2025-06-01, every 3 + 3
    source = good.source(figure.source)
    expected = date(2025, 12, 1)
    before = age_of(figure, source, add_months(expected, GRACE_MONTHS) - (date(2026, 1, 1)
                                                                           - date(2025, 12, 31)))
    assert before.expected == expected and not before.due
    on_time = age_of(figure, source, date(2026, 1, 1))
    assert on_time.due and on_time.months == 7 and on_time.text == "7 months"


def test_a_tax_year_figure_is_due_once_the_next_years_values_should_be_out(good):
    figure = good.figure("irs-401k-deferral-limit-2026")  # 2026-01-01, every 12, 2 months early
    source = good.source(figure.source)
    assert age_of(figure, source, date(2026, 11, 30)).due is False
    age = age_of(figure, source, date(2026, 12, 1))
    assert age.expected == date(2026, 11, 1) and age.due


def test_a_source_with_no_releases_never_makes_a_figure_due(good):
    figure = good.figure("bls-benefits-share-private")
    source = good.source(figure.source)
    standing = replace(source, cadence=replace(source.cadence, every_months=None))
    age = age_of(figure, standing, date(2040, 1, 1))
    assert age.expected is None and not age.due and age.text == "14 years 7 months"


def test_the_report_names_each_due_figure_under_its_source(good):
    assert freshness.report(good, date(2025, 12, 31)) == (
        "Figures to re-check as of 2025-12-31: none. No source of the 2 figures should "
        "have a newer release yet.")
    text = freshness.report(good, date(2026, 12, 1))
    assert text.startswith("Figures to re-check as of 2026-12-01: 2 of 2, from 2 sources")
    assert ("BLS ECEC (Employer Costs for Employee Compensation), figures as of June 2025: "
            "Quarterly, about three months after each quarter's data. The next release was "
            "expected by about December 2025.") in text
    assert "  - bls-benefits-share-private: 29.8%, as of June 2025 (18 months old)" in text
    assert "  - irs-401k-deferral-limit-2026: $24,500, as of January 2026 (11 months old)" in text
    assert text.index("BLS ECEC") < text.index("bls-benefits-share") < text.index("IRS (")


def test_the_report_in_markdown_links_each_source(good):
    text = freshness.report(good, date(2026, 1, 1), markdown=True)
    assert "### [BLS ECEC](https://www.bls.gov/news.release/ecec.nr0.htm), as of June 2025" in text
    assert "- `bls-benefits-share-private`: 29.8%, as of June 2025 (7 months old)" in text
    assert "irs-401k" not in text


def test_the_command_reports_and_fails_only_when_asked_to(tmp_path, capsys):
    folder = tmp_path / "content"
    shutil.copytree(HERE / "good", folder)
    assert freshness.main(["--content", str(folder), "--date", "2025-12-31", "--check"]) == 0
    assert capsys.readouterr().out.startswith("Figures to re-check as of 2025-12-31: none.")
    assert freshness.main(["--content", str(folder), "--date", "2026-06-01"]) == 0
    assert freshness.main(["--content", str(folder), "--date", "2026-06-01", "--check"]) == 1
    assert "bls-benefits-share-private" in capsys.readouterr().out
    (folder / "figures.yaml").write_text("figures: 3\n")
    assert freshness.main(["--content", str(folder)]) == 2
    assert capsys.readouterr().out.endswith(" problems in content/\n")


def test_every_source_has_a_cadence_and_each_figure_can_fall_due(real):
    for source in real.sources:
        assert source.cadence.schedule.endswith("."), source.id
    for figure in real.figures:
        cadence = real.source(figure.source).cadence
        assert cadence.every_months, f"{figure.id}: its source never publishes a newer release"


def test_no_figure_is_due_before_its_next_release_could_be_out(real):
    for figure in real.figures:
        age = age_of(figure, real.source(figure.source), figure.as_of)
        assert not age.due and age.expected > figure.as_of, figure.id


def test_the_report_a_year_and_a_half_on_names_what_to_re_check(real):
    text = freshness.report(real, date(2027, 6, 1))
    due = freshness.due(real, date(2027, 6, 1))
    assert {age.figure.source for age in due} >= {"bls-ecec", "kff-ehbs", "irs-notice-2025-67"}
    for age in due:
        assert f"  - {age.figure.id}: " in text
    assert text.splitlines()[0].startswith(f"Figures to re-check as of 2027-06-01: {len(due)} of")


def test_the_report_for_today_lists_exactly_the_due_figures(real):
    """``make test`` prints this report at the end (tests/content/conftest.py)."""
    today = date.today()
    text = freshness.report(real, today)
    listed = {line.split(":")[0].removeprefix("  - ") for line in text.splitlines()
              if line.startswith("  - ")}
    assert listed == {age.figure.id for age in freshness.due(real, today)}
