"""The engine under Pyodide (Node, offline) answers exactly as under CPython.

The archive is built by the same entry point the site build uses, and every worked
example, every calculator's example and a few bad inputs go through
``calculators.report.respond`` on both sides: results, HTML and errors must match.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from calculators.api import catalog
from calculators.report import respond

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("pyodide_parity.mjs")
WORKED = ROOT / "tests" / "calculators" / "worked_examples.json"
BAD_INPUTS = [
    ("bad-salary", "pto_value", {"salary": -1, "pto_days": 5}),
    ("bad-type", "health_plan_cost", {"deductible": "a lot", "coinsurance_pct": 20,
                                      "expected_medical_costs": 1000}),
    ("bad-nested", "offer_comparison", {"offers": [{"base_salary": 1}, {"base_salary": -2}]}),
    ("unknown-key", "signon_clawback", {"bonus": 1, "months_worked": 1, "oops": 1}),
]


def cases() -> list[dict]:
    items = [(e["id"], e["calculator"], e["inputs"])
             for e in json.loads(WORKED.read_text(encoding="utf-8"))]
    items += [(f"example-{s['name']}", s["name"], s["example"]) for s in catalog()]
    items += BAD_INPUTS
    return [{"id": case_id, "calculator": name, "inputs": inputs,
             "cpython": json.loads(respond(name, json.dumps(inputs)))}
            for case_id, name, inputs in items]


def test_pyodide_gives_cpython_results(tmp_path, capsys):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").is_dir():
        pytest.fail("node and node_modules/pyodide are needed: run `make test` (it runs npm ci)")
    archive = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "engine_archive.py"), str(tmp_path)],
        check=True, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    items = cases()
    assert len(items) > 20
    (tmp_path / "cases.json").write_text(json.dumps(items), encoding="utf-8")
    run = subprocess.run([node, str(RUNNER), archive, str(tmp_path / "cases.json")],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.stdout, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    with capsys.disabled():
        summary = {k: v for k, v in report.items() if k != "mismatches"}
        print(f"\npyodide parity: {json.dumps(summary)}")
    assert report["pyodide"] == "314.0.7"
    assert report["mismatches"] == [], json.dumps(report["mismatches"][:3], indent=1)
    assert report["matched"] == report["cases"] == len(items)
    assert run.returncode == 0, run.stderr
