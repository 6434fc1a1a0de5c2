"""The tax engine's benchmark runs (``bench/tax_engine.py --quick``): a check that it
works, not a timed test; nothing here asserts speed."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_tax_engine_benchmark_reports_both_calculators():
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "tax_engine.py"), "--quick"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    for name in ("take_home_pay", "pto_value"):
        assert result[name]["median_ms"] > 0 and result[name]["p95_ms"] >= result[name]["median_ms"]
    assert result["ratio"]["take_home_pay / pto_value"] > 0
