"""Compute the oracle fixture: each household of households.py through PolicyEngine-US.

Run by generate.sh with PolicyEngine-US installed (requirements.txt)::

    python tests/tax/oracle/make_fixture.py [--batch 100] [--limit N] [--check 5]

Households go through PolicyEngine many to a Simulation (``--batch``), which is far
faster than one at a time; ``--check N`` also runs N households (spread over the
states) one by one and stops if any figure differs from the batched run.

Each batch goes through PolicyEngine two to six times. PolicyEngine's federal SALT
deduction
starts from ``state_withheld_income_tax``, its rough estimate of the state tax
withheld (for California, AGI less the single standard deduction taxed at single rates,
whatever the filing status), and leaves out the state disability and leave
contributions Schedule A line 5a counts as state income tax. So the first pass gives
each household's state and local income taxes and payroll contributions, and the
second runs the same households again with ``state_and_local_sales_or_income_tax``
(the SALT deduction's income tax source, a TaxUnit input) set to the taxes the
household owes: state income tax after nonrefundable credits, local income tax (not in
Maryland and Indiana, whose county tax the fixture leaves out) and the contributions in
SALT_STATE_PAYROLL. Where the state's tax follows the federal return, that pass's
state tax can differ from the input it took; a household whose taxes differ from its
input by more than SALT_SETTLED ($0.50) runs again with them as its input, up to
SALT_PASSES (6) passes in all, so that the return deducts the state tax it owes. The
fixture's figures are each household's last pass's, ``pe.salt_passes`` the passes it
needed; the first pass's federal figure stays under
``pe.federal_income_tax_withheld_salt``. This is a choice of input to the oracle, not a
correction of its arithmetic. The fixture's
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
    "state_and_local_sales_or_income_tax",
    "salt",
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

# The state payroll contributions (PolicyEngine's parts of employee_state_payroll_tax)
# an itemizer deducts as state income tax: the IRS Instructions for Schedule A, line 5a,
# count mandatory contributions to the California, New Jersey and New York
# nonoccupational disability benefit funds and the Rhode Island temporary disability
# benefit fund, to the Alaska, California, New Jersey and Pennsylvania unemployment
# funds, and to state family leave programs; Rev. Rul. 2025-4 treats an employee's
# contributions to a state paid family and medical leave program as state income tax.
SALT_STATE_PAYROLL = {
    "ca_employee_state_disability_insurance_contribution":
        "California SDI (disability and paid family leave)",
    "co_employee_famli_contribution": "Colorado FAMLI (paid family and medical leave)",
    "ct_employee_paid_leave_contribution": "Connecticut paid leave",
    "de_employee_paid_leave_contribution": "Delaware paid leave",
    "ma_employee_paid_leave_contribution": "Massachusetts paid family and medical leave",
    "me_employee_paid_leave_contribution": "Maine paid family and medical leave",
    "mn_employee_paid_leave_contribution": "Minnesota paid leave",
    "nj_employee_temporary_disability_insurance_contribution":
        "New Jersey temporary disability insurance",
    "nj_employee_family_leave_insurance_contribution": "New Jersey family leave insurance",
    "nj_employee_unemployment_insurance_contribution":
        "New Jersey unemployment compensation fund (named in line 5a)",
    "ny_employee_paid_family_leave_contribution": "New York paid family leave",
    "ny_employee_disability_benefits_contribution": "New York disability benefits",
    "or_employee_paid_leave_contribution": "Oregon Paid Leave",
    "pa_employee_unemployment_compensation_contribution":
        "Pennsylvania unemployment compensation fund (named in line 5a)",
    "ri_employee_temporary_disability_insurance_contribution":
        "Rhode Island temporary disability insurance",
    "wa_employee_paid_leave_contribution": "Washington paid family and medical leave",
}
# The parts left out of the SALT input: neither a disability or unemployment fund line
# 5a names nor a family or medical leave program.
NOT_SALT_STATE_PAYROLL = {
    "nj_employee_workforce_fund_contribution":
        "New Jersey Workforce Development Partnership and Supplemental Workforce Funds "
        "(N.J.S.A. 34:15D), not the unemployment compensation fund",
    "or_employee_statewide_transit_tax":
        "Oregon statewide transit tax (ORS 320.550): a tax on wages, not a benefit fund; "
        "whether it is a deductible state income tax is not settled by line 5a",
    "vt_employee_child_care_contribution": "Vermont child care contribution",
    "wa_employee_long_term_care_contribution": "Washington WA Cares long-term care premium",
}

TEST_KEYS = ["federal_income_tax", "social_security_tax", "medicare_tax",
             "state_income_tax", "local_income_tax", "state_payroll_tax"]

FORMULAS = {
    "federal_income_tax": "income_tax + eitc: PolicyEngine's federal income tax after every "
                          "credit, refundable ones included, except the earned income credit "
                          "(so the refundable child tax credit is in it, and it can be negative). "
                          "PolicyEngine itemizes when that is worth more than the standard "
                          "deduction (pe.tax_unit_itemizes); the only itemized deduction these "
                          "households have is state and local income tax (pe.salt_deduction, "
                          "within the 2026 cap). Every figure is from the household's last "
                          "PolicyEngine run (pe.salt_passes in all), whose "
                          "state_and_local_sales_or_income_tax is, within $0.50, that run's own "
                          "state_income_tax_before_refundable_credits + "
                          "local_income_tax_before_refundable_credits (left out in MD and IN) + "
                          "the state payroll contributions Schedule A line 5a counts as state "
                          "income tax (about.salt_input); real estate taxes are 0. "
                          "pe.federal_income_tax_withheld_salt is the first run's income_tax + "
                          "eitc, on PolicyEngine's own SALT estimate from "
                          "state_withheld_income_tax "
                          "(pe.state_and_local_sales_or_income_tax_withheld_salt, "
                          "pe.salt_deduction_withheld_salt, pe.tax_unit_itemizes_withheld_salt)",
    "social_security_tax": "employee_social_security_tax, summed over the worker and spouse",
    "medicare_tax": "employee_medicare_tax (1.45%, summed over the worker and spouse) + "
                    "additional_medicare_tax (the tax unit's 0.9%)",
    "state_income_tax": "state_income_tax_before_refundable_credits: the state's income tax "
                        "after nonrefundable credits, before refundable ones; local income "
                        "taxes are not in it (PolicyEngine keeps them apart). "
                        "pe.state_income_tax is after refundable credits too. From the "
                        "household's last run (see federal_income_tax), which changes it "
                        "only where the state's tax follows the federal return (CO and NM "
                        "start from federal taxable income, GA itemizes as the federal "
                        "return does, MO deducts federal income tax); pe.first_pass holds "
                        "the first run's figure where it differs",
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


def check_salt_payroll(payroll_parts: dict[str, list[str]]) -> None:
    """Stop unless every state payroll part is either counted in the SALT input or not."""
    parts = {name for names in payroll_parts.values() for name in names}
    unsorted = parts - set(SALT_STATE_PAYROLL) - set(NOT_SALT_STATE_PAYROLL)
    if unsorted:
        raise SystemExit(f"state payroll parts neither in SALT_STATE_PAYROLL nor in "
                         f"NOT_SALT_STATE_PAYROLL: {sorted(unsorted)}")


def simulate(homes: list[dict], salt: list[float] | None = None) -> dict:
    """One PolicyEngine Simulation of ``homes``: each figure, a list by household.

    ``salt``, when given, is each household's state_and_local_sales_or_income_tax."""
    from policyengine_us import Simulation

    situation = build_situation(homes)
    if salt is not None:
        for number, value in enumerate(salt):
            situation["tax_units"][f"h{number}_tax_unit"][
                "state_and_local_sales_or_income_tax"] = {PERIOD: value}
    simulation = Simulation(situation=situation)
    payroll_parts = state_payroll_parts(simulation.tax_benefit_system)
    check_salt_payroll(payroll_parts)
    household_ids = list(simulation.populations["household"].ids)
    assert household_ids == [f"h{n}_household" for n in range(len(homes))], household_ids[:3]

    def per_household(name: str) -> list[float]:
        return [float(v) for v in simulation.calculate(name, YEAR, map_to="household")]

    return {
        "pe": {name: per_household(name) for name in TAX_UNIT_VARIABLES + PERSON_VARIABLES},
        "payroll": {name: per_household(name)
                    for names in payroll_parts.values() for name in names},
        "payroll_parts": payroll_parts,
        "filing": simulation.calculate("filing_status", YEAR, decode_enums=True),
        "itemizes": simulation.calculate("tax_unit_itemizes", YEAR, map_to="household"),
        "county": simulation.calculate("county_str", YEAR),
    }


# PolicyEngine passes at most, the first (on its own SALT estimate) included, and the
# dollars a household's SALT input may differ from its state and local taxes once
# settled.
SALT_PASSES = 6
SALT_SETTLED = 0.50


def salt_inputs(homes: list[dict], first: dict) -> list[float]:
    """Each household's own state and local income taxes, from the first pass."""
    pe, payroll = first["pe"], first["payroll"]
    salt = []
    for n, home in enumerate(homes):
        state = home["inputs"]["state"]
        value = pe["state_income_tax_before_refundable_credits"][n]
        if state not in COUNTY_TAX_STATES:
            value += pe["local_income_tax_before_refundable_credits"][n]
        value += sum(payroll[name][n] for name in first["payroll_parts"].get(state, [])
                     if name in SALT_STATE_PAYROLL)
        salt.append(value)
    return salt


def _settle_salt(homes: list[dict], first: dict) -> tuple[dict, list[float], list[int]]:
    """Run PolicyEngine again, with each household's SALT input its own state and local
    taxes, until they agree: the second pass takes the first pass's taxes, and a
    household whose taxes then differ from its input by more than SALT_SETTLED takes
    those in a further pass, up to SALT_PASSES passes in all. Return the figures of each
    household's last pass (as ``simulate`` gives them), the SALT input that pass took
    and the number of passes it needed."""
    salt = salt_inputs(homes, first)
    passes = [1] * len(homes)
    last: dict = {}
    todo = list(range(len(homes)))
    for number in range(2, SALT_PASSES + 1):
        run = simulate([homes[n] for n in todo], [salt[n] for n in todo])
        if not last:
            last = {"pe": {name: list(values) for name, values in run["pe"].items()},
                    "payroll": {name: list(values) for name, values in run["payroll"].items()},
                    "payroll_parts": run["payroll_parts"]}
            last.update({key: list(run[key]) for key in ("filing", "itemizes", "county")})
        else:
            for i, n in enumerate(todo):
                for group in ("pe", "payroll"):
                    for name, values in run[group].items():
                        last[group][name][n] = values[i]
                for key in ("filing", "itemizes", "county"):
                    last[key][n] = run[key][i]
        owed = salt_inputs([homes[n] for n in todo], run)
        unsettled = []
        for i, n in enumerate(todo):
            passes[n] = number
            if abs(owed[i] - salt[n]) > SALT_SETTLED and number < SALT_PASSES:
                salt[n] = owed[i]
                unsettled.append(n)
            elif abs(owed[i] - salt[n]) > SALT_SETTLED:
                print(f"{homes[n]['id']}: SALT input {salt[n]:.2f} still differs from its "
                      f"taxes {owed[i]:.2f} after {number} passes", flush=True)
        todo = unsettled
        if not todo:
            break
    return last, salt, passes


def run_batch(homes: list[dict]) -> list[dict]:
    """Every household's oracle figures from PolicyEngine Simulations: the first for its
    state and local taxes, then more with them as its SALT input (``_settle_salt``)."""
    first = simulate(homes)
    last, salt, passes = _settle_salt(homes, first)
    pe, payroll, payroll_parts = last["pe"], last["payroll"], last["payroll_parts"]

    results = []
    for n, home in enumerate(homes):
        inputs = home["inputs"]
        state = inputs["state"]
        raw = {name: _cents(values[n]) for name, values in pe.items()}
        if abs(raw["salt"] - salt[n]) > 0.05:
            raise SystemExit(f"{home['id']}: PolicyEngine's salt {raw['salt']} is not the "
                             f"input {salt[n]:.2f}")
        del raw["salt"]
        raw["filing_status"] = str(last["filing"][n])
        raw["tax_unit_itemizes"] = bool(last["itemizes"][n])
        raw["county"] = str(last["county"][n])
        raw["salt_passes"] = passes[n]
        once = first["pe"]
        raw["federal_income_tax_withheld_salt"] = _cents(once["income_tax"][n]
                                                         + once["eitc"][n])
        raw["state_and_local_sales_or_income_tax_withheld_salt"] = _cents(
            once["state_and_local_sales_or_income_tax"][n])
        raw["salt_deduction_withheld_salt"] = _cents(once["salt_deduction"][n])
        raw["tax_unit_itemizes_withheld_salt"] = bool(first["itemizes"][n])
        for name in SECOND_PASS_CHECKED:
            if abs(once[name][n] - pe[name][n]) > 0.005:
                raw.setdefault("first_pass", {})[name] = _cents(once[name][n])
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


# Figures compared between the passes: a household whose figure differs keeps the
# first pass's under pe.first_pass (the fixture's is the last pass's).
SECOND_PASS_CHECKED = ("state_income_tax_before_refundable_credits",
                       "local_income_tax_before_refundable_credits",
                       "employee_state_payroll_tax", "employee_social_security_tax",
                       "employee_medicare_tax", "additional_medicare_tax",
                       "adjusted_gross_income")


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
        "salt_input": {
            "variable": "state_and_local_sales_or_income_tax (TaxUnit), set in a second "
                        "PolicyEngine run to the first run's figures: "
                        "state_income_tax_before_refundable_credits + "
                        "local_income_tax_before_refundable_credits (not in MD and IN, "
                        "where PolicyEngine's county tax is for a county the inputs cannot "
                        "name) + the state payroll parts counted below; real_estate_taxes "
                        "0. PolicyEngine's own estimate (from state_withheld_income_tax) "
                        "is what the first run used",
            "passes": f"where a run's state and local taxes (as above) differ from the "
                      f"input it took by more than ${SALT_SETTLED:.2f} (a state whose tax "
                      f"follows the federal return: CO and NM start from federal taxable "
                      f"income, GA itemizes when the federal return does, MO deducts "
                      f"federal income tax), the household runs again with them as its "
                      f"input, up to {SALT_PASSES} runs in all, the first included, so "
                      f"that the return deducts the state tax it owes. Every figure is the "
                      f"household's last run's; pe.salt_passes is how many runs it "
                      f"needed (2 where the second run settled), "
                      f"pe.state_and_local_sales_or_income_tax the input the last run "
                      f"took, pe.first_pass and the pe *_withheld_salt figures the "
                      f"first run's",
            "why": "the taxes the household owes are what it deducts; PolicyEngine's "
                   "state_withheld_income_tax is a per-person approximation and leaves the "
                   "payroll contributions out. A choice of input, not a correction",
            "state_payroll_counted": SALT_STATE_PAYROLL,
            "state_payroll_not_counted": NOT_SALT_STATE_PAYROLL,
            "source": "IRS Instructions for Schedule A (Form 1040), line 5a; "
                      "Rev. Rul. 2025-4 (state paid family and medical leave)",
        },
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
