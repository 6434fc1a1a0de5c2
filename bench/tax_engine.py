"""How long one take_home_pay takes in CPython, beside a reference measured in the same run.

The reference is ``pto_value``, the smallest calculator: the two run interleaved, so a
busy machine slows both alike. Prints the median and the 95th percentile of each, in
milliseconds, and the ratio; ``--quick`` runs a few rounds only (to prove it works).

    .venv/bin/python bench/tax_engine.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from calculators.api import run

CASES = {
    "take_home_pay": {"salary": 185000, "state": "NY", "local": "NYC",
                      "filing_status": "married_joint", "spouse_wages": 90000,
                      "dependents": 2, "traditional_401k": 12000, "hsa_payroll": 3000},
    "pto_value": {"salary": 78000, "pto_days": 15},
}


def measure(rounds: int) -> dict[str, dict[str, float]]:
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(rounds):
        for name, inputs in CASES.items():
            start = time.perf_counter()
            run(name, inputs)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: {"median_ms": statistics.median(t),
                   "p95_ms": statistics.quantiles(t, n=20)[-1]} for name, t in times.items()}


def main(argv: list[str]) -> int:
    result = measure(20 if "--quick" in argv else 2000)
    result["ratio"] = {"take_home_pay / pto_value": result["take_home_pay"]["median_ms"]
                       / result["pto_value"]["median_ms"]}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
