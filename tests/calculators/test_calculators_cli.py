"""The command line: ``python -m calculators``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.__main__ import main
from calculators.api import catalog

ROOT = Path(__file__).resolve().parents[2]
SAFE_HARBOR = ('{"salary": 80000, "contribution_pct": 4, "match_formula": '
               '[{"match_pct":100,"of_pay_pct":3},{"match_pct":50,"of_pay_pct":2}]}')


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_list_prints_name_and_title_per_line():
    code, out, err = call("list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == len(catalog())
    assert lines[1].split(None, 1) == ["retirement_match", "401(k) match"]


def test_catalog_prints_json():
    code, out, _ = call("catalog")
    assert code == 0
    assert json.loads(out) == catalog()


def test_run_with_json():
    code, out, err = call("retirement_match", "--json", SAFE_HARBOR)
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["employer_match_annual"] == 2800
    assert out.startswith("{\n  ")  # indented


def test_run_with_file(tmp_path):
    offer = tmp_path / "offer.json"
    offer.write_text(SAFE_HARBOR, encoding="utf-8")
    code, out, _ = call("retirement_match", "--file", str(offer))
    assert code == 0
    assert json.loads(out)["max_match_annual"] == 3200


def test_run_the_example():
    code, out, _ = call("pto_value", "--example")
    assert code == 0
    assert json.loads(out)["daily_rate"] == 300


@pytest.mark.parametrize(
    ("argv", "field", "words"),
    [
        ((), "command", "usage"),
        (("pto_value",), "command", "usage"),
        (("pto_value", "--yaml", "{}"), "command", "usage"),
        (("pto_value", "--json"), "command", "usage"),
        (("no_such", "--json", "{}"), "name", "unknown calculator 'no_such'"),
        (("pto_value", "--json", "{salary: 1}"), "inputs", "not valid JSON"),
        (("pto_value", "--json", "[1]"), "inputs", "expected an object"),
        (("pto_value", "--json", '{"salary": -1, "pto_days": 1}'), "salary", "at least 0"),
        (("pto_value", "--json", '{"salary": NaN, "pto_days": 1}'), "salary", "finite"),
        (("pto_value", "--file", "/no/such/file.json"), "file", "cannot read"),
    ],
)
def test_errors_go_to_stderr_as_json_with_status_2(argv, field, words):
    code, out, err = call(*argv)
    assert code == 2 and out == ""
    error = json.loads(err)["error"]
    assert error["field"] == field
    assert words in error["message"]


def test_real_module_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "retirement_match", "--json", SAFE_HARBOR],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["employer_match_annual"] == 2800
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "pto_value", "--json", '{"salary": "x"}'],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert json.loads(done.stderr)["error"]["field"] == "salary"


def test_defaults_to_process_streams(capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["calculators", "list"])
    assert main() == 0
    assert "offer_comparison" in capsys.readouterr().out
