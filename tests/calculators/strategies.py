"""Shared Hypothesis strategies for the calculator tests.

Two families:

* strategies built from the catalog (:func:`valid_inputs`), so every calculator gets
  inputs that pass its field-by-field validation without restating its spec here;
* hand-shaped strategies for the invariants (health plans, match formulas, vesting).

``SETTINGS`` keeps example counts modest so the whole engine suite stays fast;
set ``CALCULATORS_MAX_EXAMPLES`` for a longer run.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from calculators.api import catalog

SETTINGS = settings(
    max_examples=int(os.environ.get("CALCULATORS_MAX_EXAMPLES", "40")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SPECS: dict[str, dict[str, Any]] = {spec["name"]: spec for spec in catalog()}


# --- from the catalog --------------------------------------------------------------


def value_for(field: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Any value the field accepts on its own (relations between fields aside)."""
    kind = field["kind"]
    if kind == "number":
        low, high = field["min"], field["max"]
        strategy: st.SearchStrategy[Any] = st.one_of(
            st.integers(min_value=int(low), max_value=int(high)),
            st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False),
        )
    elif kind == "integer":
        strategy = st.integers(min_value=field["min"], max_value=field["max"])
    elif kind == "boolean":
        strategy = st.booleans()
    elif kind == "choice":
        # a choice with no values yet (a list that grows with the tax law) allows only null
        strategy = st.sampled_from([c["value"] for c in field["choices"] or []])
    elif kind == "text":
        strategy = st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=field["max_length"]).filter(
            str.strip)
    elif kind == "list":
        item = value_for(field["item"]) if field["item"] else object_for(field["fields"])
        strategy = st.lists(item, min_size=field["min_items"], max_size=min(field["max_items"], 3))
    else:
        strategy = object_for(field["fields"])
    if field["nullable"]:
        strategy = st.one_of(st.none(), strategy)
    return strategy


def object_for(fields: list[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """An object of inputs: required fields always, optional ones sometimes."""

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        values: dict[str, Any] = {}
        effective: dict[str, Any] = {}
        for field in fields:
            when = field["when"]
            if when and effective.get(when["field"]) not in when["values"]:
                continue
            if field["required"] or draw(st.booleans()):
                values[field["name"]] = draw(value_for(field))
                effective[field["name"]] = values[field["name"]]
            else:
                effective[field["name"]] = field["default"]
        return values

    return build()


def _tax_facts_that_fit(inputs: dict[str, Any]) -> dict[str, Any]:
    """The shared tax facts made consistent: a spouse's wages only on a joint return, a
    tax year the engine has law for, a city tax in its state (each field alone allows
    more)."""
    fitted = dict(inputs)
    if fitted.get("filing_status") != "married_joint" and "spouse_wages" in fitted:
        fitted["spouse_wages"] = 0
    if "year" in fitted:
        fitted["year"] = 2026
    if fitted.get("local") == "NYC":
        fitted["state"] = "NY"  # the one city tax the engine knows
    return fitted


def valid_inputs(name: str) -> st.SearchStrategy[dict[str, Any]]:
    return object_for(SPECS[name]["inputs"]).map(_tax_facts_that_fit)


# --- JSON-ish junk ---------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=6), children, max_size=4),
    ),
    max_leaves=12,
)


def junk_inputs(name: str) -> st.SearchStrategy[Any]:
    """Objects whose keys are mostly real input names, with values of any JSON shape."""
    keys = st.sampled_from([f["name"] for f in SPECS[name]["inputs"]] + ["extra"])
    return st.one_of(
        json_values,
        st.dictionaries(keys, json_values, max_size=6),
        # a valid object with one value replaced by junk
        st.tuples(valid_inputs(name), keys, json_values).map(lambda t: {**t[0], t[1]: t[2]}),
    )


# --- hand-shaped -------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10_000_000).map(lambda c: c / 100)
salaries = st.integers(min_value=0, max_value=1_000_000)
percents = st.integers(min_value=0, max_value=10_000).map(lambda c: c / 100)


def tiers(min_size: int = 1) -> st.SearchStrategy[list[dict[str, float]]]:
    return st.lists(
        st.fixed_dictionaries({
            "match_pct": st.integers(min_value=0, max_value=200),
            "of_pay_pct": st.integers(min_value=0, max_value=10),
        }),
        min_size=min_size,
        max_size=4,
    )


health_plans = st.fixed_dictionaries({
    "premium_per_month": cents,
    "deductible": cents,
    "coinsurance_pct": percents,
    "oop_max": st.one_of(st.none(), cents),
    "expected_medical_costs": cents,
    "copays": cents,
    "employer_hsa_contribution": cents,
})


@st.composite
def choice_plan(draw: st.DrawFn, per_person: bool = True) -> dict[str, Any]:
    """A plan health_plan_choice accepts: its limits in order, HSA money only with an HSA."""
    oop_max = draw(st.integers(0, 30_000))
    deductible = draw(st.integers(0, oop_max))
    plan: dict[str, Any] = {
        "premium_per_month": draw(st.integers(0, 200_000)) / 100,
        "deductible": deductible,
        "coinsurance_pct": draw(percents),
        "oop_max": oop_max,
        "copays": draw(st.integers(0, 300_000)) / 100,
        "hsa_eligible": draw(st.booleans()),
        "deductible_per_person": None,
        "oop_max_per_person": None,
    }
    if per_person:
        own = draw(st.one_of(st.none(), st.integers(0, deductible)))
        plan["deductible_per_person"] = own
        plan["oop_max_per_person"] = draw(st.one_of(
            st.none(), st.integers(deductible if own is None else own, oop_max)))
    plan["employer_hsa_contribution"] = draw(st.integers(0, 4400)) if plan["hsa_eligible"] else 0
    return plan


@st.composite
def choice_inputs(draw: st.DrawFn) -> dict[str, Any]:
    """Inputs health_plan_choice accepts: 2-4 plans, a tier, 1-5 years, maybe a salary."""
    plans = [dict(plan, name=f"Plan {chr(65 + i)}")
             for i, plan in enumerate(draw(st.lists(choice_plan(), min_size=2, max_size=4)))]
    coverage = draw(st.sampled_from(["self_only", "self_plus_one", "family"]))
    people = {"self_only": 1, "self_plus_one": 2}.get(coverage) or draw(st.integers(2, 6))
    scenarios = []
    for index in range(draw(st.integers(1, 5))):
        total = draw(st.integers(0, 300_000))
        one = None if people == 1 else draw(st.one_of(st.none(), st.integers(0, total)))
        scenarios.append({"name": f"Year {index + 1}", "medical_costs": total, "one_person": one})
    employer = max((p["employer_hsa_contribution"] for p in plans if p["hsa_eligible"]),
                   default=None)
    limit = 4400 if coverage == "self_only" else 8750
    inputs: dict[str, Any] = {"plans": plans, "coverage": coverage, "people_covered": people,
                              "scenarios": scenarios}
    if employer is not None:
        inputs["hsa_contribution"] = draw(st.integers(0, limit - employer))
    if draw(st.booleans()):
        inputs["salary"] = draw(st.integers(30_000, 400_000))
        inputs["state"] = draw(st.sampled_from(["TX", "IL", "FL"]))
    return inputs


# Schedules the law allows for a match (IRC 411(a)(2)(B)): all of it within 3 years,
# or graded no slower than 20% a year from year 2 (the slower ones are refused, and
# tested as such in test_calculators_behaviour.py).
vesting_schedules = st.one_of(
    st.just({"type": "immediate"}),
    st.integers(min_value=1, max_value=3).map(lambda y: {"type": "cliff", "years": y}),
    st.tuples(st.integers(1, 2), st.integers(1, 4)).map(
        lambda t: {"type": "graded", "start_year": t[0], "full_year": min(t[0] + t[1], 6)}),
    st.lists(st.integers(0, 100), min_size=0, max_size=3).map(
        lambda steps: {"type": "custom", "vested_pct_by_year": sorted(steps) + [100]}),
)

equity_schedules = st.tuples(
    st.integers(min_value=1, max_value=120),
    st.integers(min_value=0, max_value=120),
    st.integers(min_value=1, max_value=120),
).filter(lambda t: t[1] <= t[0] and t[2] <= t[0]).map(
    lambda t: {"vesting_months": t[0], "cliff_months": t[1], "interval_months": t[2]})


@st.composite
def _offer(draw: st.DrawFn) -> dict[str, Any]:
    schedule = draw(equity_schedules)
    refresher_cliff = draw(st.integers(0, schedule["vesting_months"]))
    return {
        "base_salary": draw(salaries),
        "raise_pct": draw(st.integers(0, 10)),
        "bonus_target_pct": draw(st.integers(0, 30)),
        "signon_bonus": draw(cents),
        "signon_commitment_months": draw(st.integers(1, 36)),
        "signon_repayment": draw(st.sampled_from(["full", "prorated"])),
        "equity_grant_value": draw(cents),
        "equity_vesting_months": schedule["vesting_months"],
        "equity_cliff_months": schedule["cliff_months"],
        "equity_interval_months": schedule["interval_months"],
        "equity_refresher_value": draw(cents),
        "equity_refresher_cliff_months": refresher_cliff,
        "match_formula": draw(tiers(min_size=0)),
        "match_vesting": draw(vesting_schedules),
        "health_cost_annual": draw(cents),
        "other_benefits_annual": draw(cents),
    }


comparisons = st.fixed_dictionaries(
    {"offers": st.lists(_offer(), min_size=2, max_size=5)},
    optional={
        "years": st.integers(1, 10),
        "contribution_pct": st.one_of(st.none(), percents),
        "close_band_pct": st.integers(0, 50),
        "leave_after_months": st.integers(1, 120),
    },
)


# --- equity beyond RSUs: ESPP purchases and option grants ---------------------------

prices = st.integers(min_value=1, max_value=100_000).map(lambda c: c / 100)  # $0.01-$1,000
no_tax_states = st.sampled_from(["TX", "WA", "FL"])
filing_statuses = st.sampled_from(["single", "married_joint", "head_of_household"])

espp_purchases = st.fixed_dictionaries(
    {"contribution": st.integers(0, 3_000_000).map(lambda c: c / 100),
     "offering_price": prices,
     "purchase_price_market": prices,
     "discount_pct": st.integers(0, 1500).map(lambda c: c / 100)},
    optional={"lookback": st.booleans(),
              "annual_limit": st.integers(0, 50_000),
              "purchase_periods": st.integers(1, 4)},
)


@st.composite
def _option_grant(draw: st.DrawFn) -> dict[str, Any]:
    schedule = draw(equity_schedules.filter(lambda s: s["vesting_months"] <= 72))
    return {
        "options": draw(st.integers(0, 200_000)),
        "strike_price": draw(prices),
        "fmv": draw(prices),
        "option_type": draw(st.sampled_from(["iso", "nso"])),
        "salary": draw(st.integers(0, 800_000)),
        "state": draw(no_tax_states),
        "filing_status": draw(filing_statuses),
        "months_elapsed": draw(st.integers(0, 90)),
        **schedule,
    }


option_grants = _option_grant()
