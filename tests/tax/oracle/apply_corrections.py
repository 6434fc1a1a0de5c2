"""Rewrite each household's "expected" and "corrections" in the oracle fixture.

"expected" starts as a copy of the oracle's test figures (``about.test_keys``); a
correction in ``corrections.json`` then replaces one figure for the households it
names, and the household's "corrections" list says which, from what and why. No
PolicyEngine is needed, so a correction found later needs no new oracle run::

    python3 tests/tax/oracle/apply_corrections.py

A correction is ``{"ids": [...]}`` or ``{"match": {...}}`` (input names and values, an
omitted input standing for its default), plus ``"tax"`` (a test key), ``"expected"``
(dollars, or an object of dollars by household id), ``"reason"`` and ``"source"``.

>>> home = {"id": "MD-0001", "inputs": {"salary": 50000, "state": "MD",
...         "filing_status": "single"}, "oracle": {"state_income_tax": 10.0}}
>>> fix = {"match": {"state": "MD", "dependents": 0}, "tax": "state_income_tax",
...        "expected": 12.5, "reason": "r", "source": "s"}
>>> apply([home], [fix], ["state_income_tax"])
1
>>> home["expected"], home["corrections"][0]["oracle"]
({'state_income_tax': 12.5}, 10.0)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "fixtures" / "policyengine-2026.json"
CORRECTIONS = HERE / "corrections.json"

# What an input means when a household leaves it out.
DEFAULTS = {"age": 35, "dependents": 0, "spouse_wages": 0, "local": None,
            "traditional_401k": 0, "roth_401k": 0, "hsa_payroll": 0, "pretax_premiums": 0,
            "health_fsa": 0, "dependent_care_fsa": 0, "commuter": 0}


def names(correction: dict, home: dict) -> bool:
    """Whether ``correction`` applies to ``home``."""
    if "ids" in correction:
        return home["id"] in correction["ids"]
    inputs = home["inputs"]
    return all(inputs.get(key, DEFAULTS.get(key)) == value
               for key, value in correction["match"].items())


def apply(homes: list[dict], corrections: list[dict], test_keys: list[str]) -> int:
    """Set every household's "expected" and "corrections"; return how many changed."""
    for number, correction in enumerate(corrections):
        if ("ids" in correction) == ("match" in correction):
            raise ValueError(f"correction {number}: give exactly one of ids and match")
        if correction["tax"] not in test_keys:
            raise ValueError(f"correction {number}: {correction['tax']!r} is not a test key")
    changed = 0
    for home in homes:
        oracle = home["oracle"]
        expected = {key: oracle[key] for key in test_keys if key in oracle}
        applied = []
        for correction in corrections:
            tax = correction["tax"]
            if tax not in expected or not names(correction, home):
                continue
            value = correction["expected"]
            if isinstance(value, dict):
                if home["id"] not in value:
                    continue
                value = value[home["id"]]
            expected[tax] = round(float(value), 2)
            applied.append({"tax": tax, "oracle": oracle[tax], "expected": expected[tax],
                            "reason": correction["reason"], "source": correction["source"]})
        if expected != home.get("expected") or applied != home.get("corrections"):
            changed += 1
        home["expected"] = expected
        home["corrections"] = applied
    return changed


def dumps(fixture: dict) -> str:
    """The fixture as text: the header indented, then one household a line."""
    about = json.dumps(fixture["about"], indent=2, ensure_ascii=False)
    lines = [json.dumps(home, ensure_ascii=False) for home in fixture["households"]]
    return ('{\n"about": ' + about + ',\n"households": [\n' + ",\n".join(lines) + "\n]\n}\n")


def main(argv: list[str]) -> int:
    fixture_path = Path(argv[1]) if len(argv) > 1 else FIXTURE
    fixture = json.loads(fixture_path.read_text(encoding="utf-8"))
    corrections = json.loads(CORRECTIONS.read_text(encoding="utf-8"))
    changed = apply(fixture["households"], corrections, fixture["about"]["test_keys"])
    fixture_path.write_text(dumps(fixture), encoding="utf-8")
    corrected = sum(1 for home in fixture["households"] if home["corrections"])
    print(f"{fixture_path.name}: {len(corrections)} corrections, {corrected} households "
          f"corrected, {changed} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
