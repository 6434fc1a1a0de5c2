"""The benchmark harness runs (``bench/run.py --quick``) and writes well-formed numbers.

A check that the harness works, not a timed test: nothing here asserts speed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def positive(value) -> bool:
    return isinstance(value, (int, float)) and value > 0


def test_the_quick_benchmark_produces_well_formed_numbers(tmp_path):
    output = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                          "--output", str(output)], cwd=ROOT, capture_output=True,
                         text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(output.read_text(encoding="utf-8"))
    assert result["mode"] == "quick" and result["runs"] == 1
    assert len(result["pages"]) == 2
    for summary in [result["reference"], *result["pages"].values()]:
        for kind in ("cold", "warm"):
            assert summary[kind]["states"] == ["ready"]
            assert positive(summary[kind]["first_result_ms"])
        assert positive(summary["cold"]["pages"]) and positive(summary["cold"]["raw"])
        assert summary["cold"]["pyodide_pages"] <= summary["cold"]["pages"]
    for summary in result["pages"].values():
        assert summary["cold"]["starts"] == ["snapshot"]
        assert summary["recalc"]["count"] == 50
        assert 0 < summary["recalc"]["p50_ms"] <= summary["recalc"]["p95_ms"]
    assert positive(result["guide"]["pages"]) and positive(result["guide"]["prerendered_ms"])
    for summary in result["pages"].values():
        assert positive(summary["cold"]["prerendered_ms"])
    assert all(positive(t) for key in ("1x", "10x") for t in result["build"]["seconds"][key])
    assert result["build"]["pages"]["10x"] > result["build"]["pages"]["1x"]
    phone = result["phone"]["fast-4g"]
    assert phone["profile"] == {"label": "Fast 4G + CPU 4x", "mbit_per_s": 9,
                                "delay_ms": 60, "cpu_slowdown": 4}
    assert list(phone["pages"]) == ["calculators/pto_value/"]
    for summary in [phone["reference"], *phone["pages"].values()]:
        for kind in ("cold", "warm"):
            assert summary[kind]["states"] == ["ready"]
            assert positive(summary[kind]["first_result_ms"])
            assert summary[kind]["cpu_throttling"]["page"] == "4x"
        assert positive(summary["cold"]["pages"])
    # Through the throttled link, a first visit takes longer than the bytes alone allow.
    megabits = phone["pages"]["calculators/pto_value/"]["cold"]["pages"] * 8 / 1e6
    assert phone["pages"]["calculators/pto_value/"]["cold"]["first_result_ms"] > 0.5 * megabits / 9 * 1000
    assert len(result["targets"]) == 11
    assert "Fast 4G + CPU 4x: cold >= 2x faster than the plain start" in result["targets"]
    assert all(isinstance(t["met"], bool) for t in result["targets"].values())
    assert {"nproc", "cpu", "memory", "chromium", "date"} <= set(result["machine"])
    assert "| plain Pyodide start (reference) |" in run.stdout
    assert "Fast 4G + CPU 4x (9 Mbit/s, 60 ms a request" in run.stdout
