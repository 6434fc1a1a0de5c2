"""Compute the oracle fixture: each household of households.py through PolicyEngine-US.

Run by generate.sh with PolicyEngine-US installed (requirements.txt)::

    python tests/tax/oracle/make_fixture.py [--batch 100] [--limit N] [--check 5]

Households go through PolicyEngine many to a Simulation (``--batch``), which is far
faster than one at a time; ``--check N`` also runs N households (spread over the
states) one by one and stops if any figure differs from the batched run. The fixture's
"expected" figures start equal to the oracle's; apply_corrections.py then applies
corrections.json. PolicyEngine is imported only when the script runs, so the module
imports without it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import apply_corrections  # noqa: E402
import households as households_module  # noqa: E402

YEAR = households_module.YEAR
PERIOD = str(YEAR)
CHILD_AGE = 8

# The calculator's payroll deductions and the PolicyEngine-US person inputs they become.
DEDUCTION_VARIABLES = {
    "traditional_401k": "traditional_401k_contributions_desired",
    "roth_401k": "roth_401k_contributions_desired",
    "hsa_payroll": "health_savings_account_payroll_contributions",
    "pretax_premiums": "pre_tax_health_insurance_premiums",
}

# Tax unit figures recorded as PolicyEngine computes them, under "pe".
TAX_UNIT_VARIABLES = (
    "income_tax",
    "eitc",
    "income_tax_before_refundable_credits",
    "income_tax_refundable_credits",
    "refundable_ctc",
    "non_refundable_ctc",
    "savers_credit",
    "additional_medicare_tax",
    "state_income_tax",
    "state_income_tax_before_refundable_credits",
    "state_refundable_credits",
    "local_income_tax",
    "local_income_tax_before_refundable_credits",
    "nyc_income_tax_before_refundable_credits",
    "md_local_income_tax_before_refundable_credits",
    "in_county_tax",
    "employee_state_payroll_tax",
    "adjusted_gross_income",
    "standard_deduction",
    "salt_deduction",
    "itemized_taxable_income_deductions",
    "taxable_income",
)
# Person figures, summed over the household's people.
PERSON_VARIABLES = (
    "employee_social_security_tax",
    "employee_medicare_tax",
    "irs_employment_income",
    "payroll_tax_gross_wages",
)
# Local income taxes PolicyEngine charges by county, which the calculator's inputs
# cannot name: Maryland and Indiana counties (PolicyEngine uses the state's first
# county in alphabetical order when none is given). These stay under "pe" only.
COUNTY_TAX_STATES = {"MD": "md_local_income_tax_before_refundable_credits",
                     "IN": "in_county_tax"}

TEST_KEYS = ["federal_income_tax", "social_security_tax", "medicare_tax",
             "state_income_tax", "local_income_tax", "state_payroll_tax"]

FORMULAS = {
    "federal_income_tax": "income_tax + eitc: PolicyEngine's federal income tax after every "
                          "credit, refundable ones included, except the earned income credit "
                          "(so the refundable child tax credit is in it, and it can be negative). "
                          "PolicyEngine itemizes when that is worth more than the standard "
                          "deduction (pe.tax_unit_itemizes); the only itemized deduction these "
                          "households have is state and local income tax (pe.salt_deduction, "
                          "within the 2026 cap), which in MD and IN includes the county tax",
    "social_security_tax": "employee_social_security_tax, summed over the worker and spouse",
    "medicare_tax": "employee_medicare_tax (1.45%, summed over the worker and spouse) + "
                    "additional_medicare_tax (the tax unit's 0.9%)",
    "state_income_tax": "state_income_tax_before_refundable_credits: the state's income tax "
                        "after nonrefundable credits, before refundable ones; local income "
                        "taxes are not in it (PolicyEngine keeps them apart). "
                        "pe.state_income_tax is after refundable credits too",
    "local_income_tax": "local_income_tax_before_refundable_credits: for the NYC households "
                        "New York City's resident income tax before its refundable credits, "
                        "0 elsewhere; left out in MD and IN, where PolicyEngine charges a "
                        "county tax for a county the inputs cannot name "
                        "(pe.md_local_income_tax_before_refundable_credits, pe.in_county_tax, "
                        "pe.county)",
    "state_payroll_tax": "employee_state_payroll_tax: the employee's mandatory state payroll "
                         "contributions (disability, paid leave, unemployment, long-term care, "
                         "transit), summed over the worker and spouse; recorded only in the "
                         "states where PolicyEngine models one (about.state_payroll_states); "
                         "its parts are under pe.state_payroll",
}


# Income PolicyEngine gives a household unless told otherwise, which the calculator's
# households (wages only) do not have: the Alaska Permanent Fund Dividend.
NO_OTHER_INCOME = {"AK": {"ak_permanent_fund_dividend": 0}}


def _person(age: int, wages: float, extra: dict | None = None) -> dict:
    person = {"age": {PERIOD: age}, "employment_income": {PERIOD: wages}}
    for name, value in (extra or {}).items():
        person[name] = {PERIOD: value}
    return person


def add_household(situation: dict, key: str, inputs: dict) -> None:
    """Add one household of calculator ``inputs`` to a PolicyEngine ``situation``."""
    age = inputs.get("age", households_module.DEFAULT_AGE)
    you = f"{key}_you"
    deductions = {DEDUCTION_VARIABLES[name]: inputs[name]
                  for name in DEDUCTION_VARIABLES if name in inputs}
    unmodelled = [name for name in households_module.UNMODELLED if name in inputs]
    if unmodelled:
        raise ValueError(f"{key}: PolicyEngine-US cannot take {', '.join(unmodelled)}")
    other = NO_OTHER_INCOME.get(inputs["state"], {})
    people = {you: _person(age, inputs["salary"], {**deductions, **other})}
    adults = [you]
    if inputs["filing_status"] == "married_joint":
        spouse = f"{key}_spouse"
        people[spouse] = _person(age, inputs.get("spouse_wages", 0), other)
        adults.append(spouse)
    children = [f"{key}_child{n + 1}" for n in range(inputs.get("dependents", 0))]
    for child in children:
        people[child] = _person(CHILD_AGE, 0, {"is_tax_unit_dependent": True, **other})
    members = adults + children
    situation["people"].update(people)
    situation["tax_units"][f"{key}_tax_unit"] = {"members": members}
    situation["families"][f"{key}_family"] = {"members": members}
    situation["spm_units"][f"{key}_spm_unit"] = {"members": members}
    situation["marital_units"][f"{key}_marital_unit"] = {"members": adults}
    for child in children:
        situation["marital_units"][f"{child}_marital_unit"] = {"members": [child]}
    situation["households"][f"{key}_household"] = {
        "members": members,
        "state_name": {PERIOD: inputs["state"]},
        "in_nyc": {PERIOD: inputs.get("local") == "NYC"},
    }


def build_situation(homes: list[dict]) -> dict:
    situation: dict = {"people": {}, "tax_units": {}, "families": {}, "spm_units": {},
                       "marital_units": {}, "households": {}}
    for number, home in enumerate(homes):
        add_household(situation, f"h{number}", home["inputs"])
    return situation


def state_payroll_parts(system) -> dict[str, list[str]]:
    """Each state's employee payroll contribution variables, by state code."""
    total = system.variables["employee_state_payroll_tax"]
    parts = {}
    for name in total.adds:
        state = name.split("_", 1)[0].upper()
        parts[state] = list(system.variables[name].adds or [name])
    return parts


def _cents(value: float) -> float:
    return round(float(value) + 0.0, 2) + 0.0


def run_batch(homes: list[dict]) -> list[dict]:
    """Every household's oracle figures from one PolicyEngine Simulation."""
    from policyengine_us import Simulation

    simulation = Simulation(situation=build_situation(homes))
    system = simulation.tax_benefit_system
    payroll_parts = state_payroll_parts(system)
    household_ids = list(simulation.populations["household"].ids)
    assert household_ids == [f"h{n}_household" for n in range(len(homes))], household_ids[:3]

    def per_household(name: str) -> list[float]:
        return [float(v) for v in simulation.calculate(name, YEAR, map_to="household")]

    pe = {name: per_household(name) for name in TAX_UNIT_VARIABLES + PERSON_VARIABLES}
    payroll = {name: per_household(name)
               for names in payroll_parts.values() for name in names}
    filing = simulation.calculate("filing_status", YEAR, decode_enums=True)
    itemizes = simulation.calculate("tax_unit_itemizes", YEAR, map_to="household")
    county = simulation.calculate("county_str", YEAR)

    results = []
    for n, home in enumerate(homes):
        inputs = home["inputs"]
        state = inputs["state"]
        raw = {name: _cents(values[n]) for name, values in pe.items()}
        raw["filing_status"] = str(filing[n])
        raw["tax_unit_itemizes"] = bool(itemizes[n])
        raw["county"] = str(county[n])
        oracle = {
            "federal_income_tax": _cents(raw["income_tax"] + raw["eitc"]),
            "social_security_tax": raw["employee_social_security_tax"],
            "medicare_tax": _cents(raw["employee_medicare_tax"]
                                   + raw["additional_medicare_tax"]),
            "state_income_tax": raw["state_income_tax_before_refundable_credits"],
        }
        if state not in COUNTY_TAX_STATES:
            oracle["local_income_tax"] = raw["local_income_tax_before_refundable_credits"]
        if state in payroll_parts:
            oracle["state_payroll_tax"] = raw["employee_state_payroll_tax"]
            raw["state_payroll"] = {name: _cents(payroll[name][n])
                                    for name in payroll_parts[state]}
        oracle["pe"] = raw
        results.append(oracle)
    return results


def check_filing_status(homes: list[dict], results: list[dict]) -> None:
    wanted = {"single": "SINGLE", "married_joint": "JOINT",
              "head_of_household": "HEAD_OF_HOUSEHOLD"}
    for home, oracle in zip(homes, results):
        status = oracle["pe"]["filing_status"]
        if status != wanted[home["inputs"]["filing_status"]]:
            raise SystemExit(f"{home['id']}: PolicyEngine files as {status}")


def check_income_is_wages(homes: list[dict], results: list[dict]) -> None:
    """Stop if PolicyEngine's AGI is anything but the household's taxable wages."""
    for home, oracle in zip(homes, results):
        pe = oracle["pe"]
        if abs(pe["adjusted_gross_income"] - pe["irs_employment_income"]) > 0.05:
            raise SystemExit(f"{home['id']}: AGI {pe['adjusted_gross_income']} is not the "
                             f"wages {pe['irs_employment_income']}")


def check_against_single_runs(homes: list[dict], results: list[dict], count: int) -> float:
    """Run ``count`` households alone and stop if any figure differs; return seconds."""
    if count <= 0:
        return 0.0
    step = max(1, len(homes) // count)
    start = time.perf_counter()
    for index in range(0, len(homes), step)[:count]:
        alone = run_batch([homes[index]])[0]
        if alone != results[index]:
            diff = {key: (alone[key], results[index].get(key)) for key in alone
                    if alone[key] != results[index].get(key)}
            raise SystemExit(f"{homes[index]['id']}: alone and batched differ: {diff}")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=100, help="households per Simulation")
    parser.add_argument("--limit", type=int, default=0, help="only the first N households")
    parser.add_argument("--check", type=int, default=5,
                        help="households also run one by one to compare with the batches")
    parser.add_argument("--out", type=Path, default=apply_corrections.FIXTURE)
    args = parser.parse_args(argv)

    import policyengine_us
    from importlib.metadata import version

    homes = households_module.households()
    if args.limit:
        homes = homes[:args.limit]
    start = time.perf_counter()
    results: list[dict] = []
    for first in range(0, len(homes), args.batch):
        chunk = homes[first:first + args.batch]
        batch_start = time.perf_counter()
        results.extend(run_batch(chunk))
        print(f"{first + len(chunk)}/{len(homes)} households "
              f"({time.perf_counter() - batch_start:.1f} s for {len(chunk)})", flush=True)
    batched_seconds = time.perf_counter() - start
    check_filing_status(homes, results)
    check_income_is_wages(homes, results)
    single_seconds = check_against_single_runs(homes, results, args.check)

    system = policyengine_us.CountryTaxBenefitSystem()
    about = {
        "generator": "tests/tax/oracle/make_fixture.py (households from "
                     "tests/tax/oracle/households.py; regenerate with "
                     "tests/tax/oracle/generate.sh)",
        "policyengine_us": version("policyengine-us"),
        "policyengine_core": version("policyengine-core"),
        "year": YEAR,
        "seed": households_module.SEED,
        "date": datetime.date.today().isoformat(),
        "households": len(homes),
        "units": "dollars a year, rounded to cents; PolicyEngine computes in 32-bit "
                 "floats, so a figure can be a few cents from the exact one",
        "test_keys": TEST_KEYS,
        "formulas": FORMULAS,
        "mapping": {
            "people": "the worker; a spouse of the same age when married_joint, with "
                      "spouse_wages as employment_income and no deductions; one child of "
                      f"age {CHILD_AGE} a dependent (is_tax_unit_dependent), all in one tax "
                      "unit, family, SPM unit and household; the couple is one marital unit",
            "salary": "employment_income of the worker (wages before any payroll deduction)",
            "state": "household state_name",
            "local": "household in_nyc (true for local NYC, false otherwise)",
            "deductions": DEDUCTION_VARIABLES,
            "filing_status": "left to PolicyEngine, which is checked to agree",
            "not_modelled": {
                "health_fsa": "no PolicyEngine-US input (not in "
                              "gov.irs.gross_income.pre_tax_contributions)",
                "dependent_care_fsa": "dependent_care_employer_benefits exists but only "
                                      "lowers the dependent care credit's limit; it does not "
                                      "take the salary reduction out of wages",
                "commuter": "no PolicyEngine-US input for qualified transportation benefits",
            },
        },
        "state_payroll_states": sorted(state_payroll_parts(system)),
        "timing_seconds": {"batched": round(batched_seconds, 1), "batch": args.batch,
                           "one_by_one_check": round(single_seconds, 1),
                           "one_by_one_households": args.check},
    }
    fixture = {"about": about, "households": []}
    for home, oracle in zip(homes, results):
        fixture["households"].append({"id": home["id"], "inputs": home["inputs"],
                                      "oracle": oracle, "expected": {}, "corrections": []})
    apply_corrections.apply(fixture["households"], [], TEST_KEYS)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(apply_corrections.dumps(fixture), encoding="utf-8")
    print(f"wrote {args.out} ({len(homes)} households, {batched_seconds:.0f} s batched, "
          f"{single_seconds:.0f} s for {args.check} one by one)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
