"""The tax engine against the oracle: every household in the PolicyEngine-US fixture.

``fixtures/policyengine-2026.json`` holds at least 2,000 households (every state and
DC, each filing status, wages from $15,000 to $1,000,000, spouses' wages and pre-tax
deductions) with the taxes PolicyEngine-US computes for them, corrected where a
state's own guidance says otherwise (``oracle/corrections.json``, each with its
reason and source). ``oracle/README.md`` says how to regenerate it.
"""

import json
from pathlib import Path

import pytest

from calculators.api import run

FIXTURE = Path(__file__).parent / "fixtures" / "policyengine-2026.json"
# Dollars the engine may differ from the oracle by, per tax.
TOLERANCE = {
    "federal_income_tax": 1,
    "social_security_tax": 1,
    "medicare_tax": 1,
    "state_payroll_tax": 1,
    "state_income_tax": 5,
    "local_income_tax": 5,
}


def households():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["households"]


HOUSEHOLDS = households()


@pytest.mark.parametrize("home", HOUSEHOLDS, ids=[home["id"] for home in HOUSEHOLDS])
def test_engine_matches_the_oracle(home):
    result = run("take_home_pay", home["inputs"])
    misses = {tax: (result[tax], expected) for tax, expected in home["expected"].items()
              if tax in TOLERANCE and abs(result[tax] - expected) > TOLERANCE[tax]}
    assert not misses, misses


def test_every_tax_is_compared():
    compared = {tax for home in HOUSEHOLDS for tax in home["expected"] if tax in TOLERANCE}
    assert {"federal_income_tax", "social_security_tax", "medicare_tax",
            "state_income_tax"} <= compared
