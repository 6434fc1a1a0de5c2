"""Replay the worked examples from public sources (the same file is replayed under Pyodide)."""

import json
from pathlib import Path

import pytest

from calculators.api import catalog, run

EXAMPLES = json.loads((Path(__file__).parent / "worked_examples.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_worked_example(example):
    result = run(example["calculator"], example["inputs"])
    for key, expected in example["expected"].items():
        assert result[key] == expected, key


def test_every_example_is_data_with_a_source():
    ids = [e["id"] for e in EXAMPLES]
    assert len(ids) == len(set(ids))
    for example in EXAMPLES:
        assert set(example) == {"id", "calculator", "inputs", "expected", "source"}
        assert example["expected"], example["id"]
        assert len(example["source"]) > 20, example["id"]


def test_every_calculator_has_worked_examples():
    covered = {e["calculator"] for e in EXAMPLES}
    assert covered == {spec["name"] for spec in catalog()}
    assert len(EXAMPLES) >= 25


def test_the_required_examples_are_present():
    by_id = {e["id"]: e for e in EXAMPLES}
    assert by_id["retirement-safe-harbor-basic-at-4pct"]["expected"]["employer_match_annual"] == 2800
    assert by_id["equity-cliff-month-11-nothing"]["expected"]["vested_fraction"] == 0
    assert by_id["equity-cliff-month-30"]["expected"]["vested_fraction"] == 0.625
    assert by_id["pto-daily-rate-78000"]["expected"]["daily_rate"] == 300
