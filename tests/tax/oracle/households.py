"""The oracle fixture's households, drawn from a seeded generator (standard library only).

Each household is a dict of inputs for the ``take_home_pay`` calculator: ``salary``,
``state``, ``filing_status`` and, only when they differ from their defaults,
``spouse_wages``, ``age``, ``dependents``, the payroll deductions and ``local``.
The same seed gives the same households on every machine and Python version
(``random.Random`` seeded with a string, drawing with ``random()`` only, is stable
across versions).

>>> homes = households()
>>> len(homes), homes[0]["id"]
(2070, 'AK-0001')
>>> sorted({home["inputs"]["filing_status"] for home in homes})
['head_of_household', 'married_joint', 'single']
"""

from __future__ import annotations

import math
import random

SEED = 2026
YEAR = 2026

STATES = (
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID",
    "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC",
    "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
    "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
)
PER_STATE = 40
# New York gets more households so that about thirty of them can live in New York City.
PER_STATE_OVERRIDE = {"NY": 70}
NYC_HOUSEHOLDS = 30

FILING_STATUSES = ("single", "married_joint", "head_of_household")
DEFAULT_AGE = 35
MIN_SALARY, MAX_SALARY = 15_000, 1_000_000
# Wages where federal payroll tax changes: the 2026 Social Security wage base and the
# additional Medicare tax thresholds (single and head of household; married filing jointly).
ANCHOR_WAGES = (184_500, 200_000, 250_000)
# Wages that put a worker with no deductions on a 2026 federal bracket edge: the edge in
# taxable income (Rev. Proc. 2025-32) plus the standard deduction.
BRACKET_WAGES = {
    "single": tuple(edge + 16_100 for edge in (12_400, 50_400, 105_700, 201_775, 256_225,
                                                 640_600)),
    "married_joint": tuple(edge + 32_200 for edge in (24_800, 100_800, 211_400, 403_550,
                                                        512_450, 768_700)),
    "head_of_household": tuple(edge + 24_150 for edge in (17_700, 67_450, 105_700,
                                                            201_750, 256_200, 640_600)),
}

# 2026 limits on what comes out of pay (IRS Notice 2025-67, Rev. Proc. 2025-19 and
# Rev. Proc. 2025-32; the dependent care limit is section 129(a)(2)(A) as amended in 2025).
DEFERRAL_LIMIT = 24_500
CATCH_UP = {"50-59 or 64+": 8_000, "60-63": 11_250}
# From 2026 a worker whose prior-year FICA wages passed this amount makes catch-up
# contributions as Roth only (section 414(v)(7)); salary stands in for last year's wages.
ROTH_CATCH_UP_WAGES = 150_000
HSA_SELF_ONLY, HSA_FAMILY, HSA_CATCH_UP = 4_400, 8_750, 1_000
HEALTH_FSA_LIMIT = 3_400
DEPENDENT_CARE_LIMIT = 7_500
COMMUTER_MONTHLY = {"transit": 340, "parking": 340}

DEDUCTIONS = ("traditional_401k", "roth_401k", "hsa_payroll", "pretax_premiums",
              "health_fsa", "dependent_care_fsa", "commuter")
# PolicyEngine-US has no input that takes these (see README.md), so the fixture leaves
# them out; ``households(include_unmodelled=True)`` draws them too.
UNMODELLED = ("health_fsa", "dependent_care_fsa", "commuter")


def catch_up_limit(age: int) -> int:
    """The 401(k) catch-up allowed at ``age`` (at the end of the year)."""
    if 60 <= age <= 63:
        return CATCH_UP["60-63"]
    if age >= 50:
        return CATCH_UP["50-59 or 64+"]
    return 0


def deferral_limit(age: int) -> int:
    """Traditional plus Roth 401(k) deferrals allowed at ``age``."""
    return DEFERRAL_LIMIT + catch_up_limit(age)


def hsa_limit(age: int, family: bool) -> int:
    """HSA contributions allowed: family coverage for a couple or a parent."""
    return (HSA_FAMILY if family else HSA_SELF_ONLY) + (HSA_CATCH_UP if age >= 55 else 0)


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _age(rng: random.Random) -> int:
    draw = rng.random()
    if draw < 0.30:
        return DEFAULT_AGE
    buckets = ((0.45, 22, 34), (0.60, 36, 49), (0.70, 50, 54), (0.80, 55, 59),
               (0.90, 60, 63), (0.94, 64, 64), (1.00, 65, 70))
    for top, low, high in buckets:
        if draw < top:
            return low + int(rng.random() * (high - low + 1))
    raise AssertionError("unreachable")


def _salary(rng: random.Random, slot: int, status: str) -> int:
    anchors = ()
    if slot % 5 == 4:
        anchors = ANCHOR_WAGES
    elif slot % 7 == 6:
        anchors = BRACKET_WAGES[status]
    if anchors:
        anchor = anchors[int(rng.random() * len(anchors))]
        # On the anchor, or a little either side of it.
        return anchor + (0, -1, 1, -250, 250, -2_000, 2_000)[int(rng.random() * 7)]
    return int(round(_log_uniform(rng, MIN_SALARY, MAX_SALARY)))


def _deductions(rng: random.Random, salary: int, age: int, family: bool,
                dependents: int, include_unmodelled: bool) -> dict[str, int]:
    kinds = [kind for kind in DEDUCTIONS if include_unmodelled or kind not in UNMODELLED]
    if not dependents:
        kinds = [kind for kind in kinds if kind != "dependent_care_fsa"]
    mix = rng.random()
    if mix < 0.2:
        chosen: list[str] = []
    elif mix < 0.35:
        chosen = kinds
    else:
        chosen = [kind for kind in kinds if rng.random() < 0.5]
    amounts: dict[str, int] = {}
    if "traditional_401k" in chosen or "roth_401k" in chosen:
        limit = deferral_limit(age)
        if rng.random() < 0.3:
            total = limit
        else:
            total = min(limit, int(salary * rng.uniform(0.01, 0.25)))
        both = "traditional_401k" in chosen and "roth_401k" in chosen
        share = rng.uniform(0.2, 0.8) if both else (1.0 if "traditional_401k" in chosen else 0.0)
        traditional = int(round(total * share))
        if salary > ROTH_CATCH_UP_WAGES and traditional > DEFERRAL_LIMIT:
            traditional = DEFERRAL_LIMIT
        amounts["traditional_401k"] = traditional
        amounts["roth_401k"] = total - traditional
    if "hsa_payroll" in chosen:
        limit = hsa_limit(age, family)
        amounts["hsa_payroll"] = limit if rng.random() < 0.3 else 50 * int(
            rng.uniform(0.1, 1.0) * limit / 50)
    if "pretax_premiums" in chosen:
        amounts["pretax_premiums"] = 12 * int(rng.uniform(25, 700 if family else 300))
    if "health_fsa" in chosen:
        amounts["health_fsa"] = HEALTH_FSA_LIMIT if rng.random() < 0.3 else 100 * int(
            rng.uniform(5, HEALTH_FSA_LIMIT / 100))
    if "dependent_care_fsa" in chosen:
        amounts["dependent_care_fsa"] = DEPENDENT_CARE_LIMIT if rng.random() < 0.5 else 500 * int(
            rng.uniform(2, DEPENDENT_CARE_LIMIT / 500))
    if "commuter" in chosen:
        monthly = int(rng.uniform(50, sum(COMMUTER_MONTHLY.values())))
        amounts["commuter"] = 12 * monthly
    # Keep deductions within pay: scale them down until they leave a tenth of it.
    total = sum(amounts.values())
    room = int(salary * 0.9)
    if total > room:
        factor = room / total
        amounts = {kind: int(amount * factor) for kind, amount in amounts.items()}
    return {kind: amount for kind, amount in amounts.items() if amount > 0}


def _household(rng: random.Random, state: str, slot: int, nyc: bool,
               include_unmodelled: bool) -> dict:
    if slot < len(FILING_STATUSES):
        status = FILING_STATUSES[slot]
    else:
        draw = rng.random()
        status = "single" if draw < 0.4 else "married_joint" if draw < 0.8 else "head_of_household"
    salary = _salary(rng, slot, status)
    age = _age(rng)
    inputs: dict = {"salary": salary, "state": state, "filing_status": status}
    if status == "married_joint":
        if rng.random() < 0.3:
            spouse = 0
        else:
            spouse = int(round(_log_uniform(rng, 8_000, 400_000)))
        inputs["spouse_wages"] = spouse
        dependents = int(rng.random() * 4)
    elif status == "head_of_household":
        dependents = 1 + int(rng.random() * 3)
    else:
        dependents = 0
    if age != DEFAULT_AGE:
        inputs["age"] = age
    if dependents:
        inputs["dependents"] = dependents
    family = status == "married_joint" or dependents > 0
    inputs.update(_deductions(rng, salary, age, family, dependents, include_unmodelled))
    if nyc:
        inputs["local"] = "NYC"
    return {"id": f"{state}-{slot + 1:04d}", "inputs": inputs}


def households(seed: int = SEED, include_unmodelled: bool = False) -> list[dict]:
    """Every household, state by state in alphabetical order."""
    homes = []
    for state in STATES:
        rng = random.Random(f"{seed}-{state}")
        count = PER_STATE_OVERRIDE.get(state, PER_STATE)
        nyc_slots: set[int] = set()
        if state == "NY":
            # A shuffle by random() keys (rng.sample's draws may change between versions).
            keys = [rng.random() for _ in range(count)]
            nyc_slots = set(sorted(range(count), key=keys.__getitem__)[:NYC_HOUSEHOLDS])
        for slot in range(count):
            homes.append(_household(rng, state, slot, slot in nyc_slots, include_unmodelled))
    return homes


if __name__ == "__main__":
    import json
    import sys

    json.dump(households(), sys.stdout, indent=1)
