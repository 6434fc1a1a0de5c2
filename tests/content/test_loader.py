"""The content model on good data, and on a corpus of bad files with exact messages."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from content_loader import ContentError, format_path, load_content
from yaml_source import parse

HERE = Path(__file__).parent
GOOD = HERE / "good"
BAD_CASES = sorted(p.name for p in (HERE / "bad").iterdir())
CALCULATORS = {"retirement_match", "pto_value", "benefit_tradeoff"}
PAGES = {"steps/one.md"}


def load_case(tmp_path: Path, case: str | None = None, remove: str | None = None):
    """The good content with one bad case's files laid over it, loaded as content/."""
    folder = tmp_path / "content"
    shutil.copytree(GOOD, folder)
    if case:
        for file in (HERE / "bad" / case).glob("*.yaml"):
            shutil.copy(file, folder / file.name)
    if remove:
        (folder / remove).unlink()
    return load_content(folder, CALCULATORS, PAGES, display_root=tmp_path)


def test_good_content_loads_into_typed_models(tmp_path):
    content = load_case(tmp_path)
    assert [b.slug for b in content.benefits] == ["retirement-match", "paid-time-off"]
    match = content.benefit("retirement-match")
    assert match.category == "must-have"
    assert match.ask == ("A higher match rate.",)
    assert match.negotiability == "low"
    figure = content.figure("bls-benefits-share-private")
    assert figure.value == Decimal("29.8")
    assert figure.as_of == date(2025, 6, 1)
    assert content.source(figure.source).short == "BLS ECEC"
    assert content.source(figure.source).cadence.every_months == 3
    assert content.source("irs-limits").cadence.published_months_after == -2
    assert [b.slug for b in content.benefits_in("life-quality")] == ["paid-time-off"]
    script = content.scripts[0]
    assert script.labels() == {"manager": "Hiring manager's name", "extra_days": "Extra days off"}
    assert script.placeholders[1].from_calculator == "pto_value.difference_value"
    assert content.checklists[0].sections[0].items[1].detail.startswith("Ask HR")


def test_the_corpus_has_a_case_for_every_kind_of_mistake():
    assert len(BAD_CASES) >= 15


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_content_fails_with_its_exact_message(tmp_path, case):
    expected = (HERE / "bad" / case / "expected.txt").read_text().strip()
    with pytest.raises(ContentError) as caught:
        load_case(tmp_path, case)
    assert str(caught.value) == expected


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_case(tmp_path, remove="figures.yaml")
    assert caught.value.problems[0] == (
        "content/figures.yaml:1: missing file (it must hold a top-level 'figures:' list)")
    # Nothing is reported against a file that could not be read.
    assert not any("unknown figure" in line for line in caught.value.problems)


def test_problems_are_counted(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_case(tmp_path, "misspelled-field")
    assert str(caught.value).splitlines()[-1] == "2 problems in content/"


def test_without_a_calculator_list_calculator_names_are_not_checked(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(GOOD, folder)
    shutil.copy(HERE / "bad" / "unknown-calculator" / "benefits.yaml", folder)
    content = load_content(folder, None, PAGES)
    assert content.benefit("paid-time-off").calculator == "vacation_value"


def test_paths_print_like_python_expressions():
    assert format_path(("benefits", 3, "figures", 0, "source")) == "benefits[3].figures[0].source"
    assert format_path(()) == ""


def test_yaml_lines_are_kept_for_every_value():
    located = parse("a:\n  - x: 1\n    y: [2, 3]\n", "f.yaml")
    assert located.line_of(("a", 0, "y", 1)) == 3
    assert located.line_of(("a", 0, "missing")) == 2
