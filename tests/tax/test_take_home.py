"""take_home_pay and the tax engine: bad input naming its field, and properties of the law.

Properties (Hypothesis, over every state the engine has): more salary never lowers
take-home pay; no tax but federal income tax (the refundable child credit) goes below
zero and all of them together never exceed wages; every marginal rate is between 0 and
100% (a parent's federal rate may dip below 0 where the refundable child credit phases
in); a deduction from pay never raises any tax (but for that same credit, which a
deduction can shrink by 15 cents a dollar).
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.api import run
from calculators.errors import CalculatorError
from calculators.tax import law

SETTINGS = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

STATES = sorted(law(2026)["states"])
# States whose tax is a plain table (brackets, deductions, exemptions, credits): their
# tax never falls in a step. The others' rules modules may have real cliffs (Oregon's
# federal tax subtraction falls in $5,000 steps, California's exemption credits in
# $2,500 steps), where a raise of a few dollars can cost more than itself.
SMOOTH_STATES = sorted(code for code, state in law(2026)["states"].items()
                       if not state.get("rules"))
TAXES = ("federal_income_tax", "state_income_tax", "local_income_tax",
         "social_security_tax", "medicare_tax", "state_payroll_tax")


@pytest.mark.parametrize(("inputs", "field"), [
    ({"salary": 90000, "state": "ZZ"}, "state"),
    ({"salary": 90000, "state": "TX", "year": 1999}, "year"),
    ({"salary": 90000, "state": "TX", "filing_status": "separately"}, "filing_status"),
    ({"salary": 90000, "state": "TX", "spouse_wages": 40000}, "spouse_wages"),
    ({"salary": 90000, "state": "TX", "traditional_401k": 24501}, "traditional_401k"),
    ({"salary": 90000, "state": "TX", "traditional_401k": 20000, "roth_401k": 5000},
     "roth_401k"),
    ({"salary": 90000, "state": "TX", "hsa_payroll": 4401}, "hsa_payroll"),
    ({"salary": 90000, "state": "TX", "health_fsa": 3401}, "health_fsa"),
    ({"salary": 90000, "state": "TX", "dependent_care_fsa": 7501}, "dependent_care_fsa"),
    ({"salary": 90000, "state": "TX", "commuter": 8161}, "commuter"),
    ({"salary": 20000, "state": "TX", "pretax_premiums": 20001}, "pretax_premiums"),
    ({"salary": 90000, "state": "TX", "local": "NYC"}, "local"),
    ({"state": "TX"}, "salary"),
    ({"salary": 90000}, "state"),
])
def test_bad_input_names_its_field(inputs, field):
    with pytest.raises(CalculatorError) as error:
        run("take_home_pay", inputs)
    assert error.value.field == field


def test_catch_up_limits_follow_age():
    # Notice 2025-67: $24,500, plus $8,000 at 50 and $11,250 at 60 to 63; HSA +$1,000 at 55.
    assert run("take_home_pay", {"salary": 90000, "state": "TX", "age": 50,
                                 "traditional_401k": 32500})["deductions"] == 32500
    assert run("take_home_pay", {"salary": 90000, "state": "TX", "age": 62,
                                 "traditional_401k": 35750})["deductions"] == 35750
    with pytest.raises(CalculatorError, match="35,750"):
        run("take_home_pay", {"salary": 90000, "state": "TX", "age": 62,
                              "traditional_401k": 35751})
    assert run("take_home_pay", {"salary": 90000, "state": "TX", "age": 55,
                                 "hsa_payroll": 5400})["deductions"] == 5400
    family = {"salary": 90000, "state": "TX", "hsa_payroll": 8750}
    with pytest.raises(CalculatorError):
        run("take_home_pay", family)
    assert run("take_home_pay", {**family, "dependents": 1})["deductions"] == 8750


def test_each_deduction_lowers_exactly_the_taxes_the_law_says():
    base = {"salary": 120000, "state": "TX"}
    plain = run("take_home_pay", base)
    k401 = run("take_home_pay", {**base, "traditional_401k": 10000})
    roth = run("take_home_pay", {**base, "roth_401k": 10000})
    hsa = run("take_home_pay", {**base, "hsa_payroll": 4000})
    assert k401["federal_income_tax"] == plain["federal_income_tax"] - 2200  # 22% bracket
    assert k401["social_security_tax"] == plain["social_security_tax"]  # IRC 3121(v)(1)(A)
    assert roth["federal_income_tax"] == plain["federal_income_tax"]
    assert roth["take_home"] == plain["take_home"] - 10000
    assert hsa["social_security_tax"] == plain["social_security_tax"] - 248
    assert hsa["medicare_tax"] == plain["medicare_tax"] - 58


def test_additional_medicare_tax_thresholds():
    # IRS, Questions and Answers for the Additional Medicare Tax: 0.9% of wages above
    # $200,000 (single) or $250,000 (joint, on the couple's wages).
    single = run("take_home_pay", {"salary": 300000, "state": "TX"})
    assert single["medicare_tax"] == 300000 * 0.0145 + 100000 * 0.009
    joint = run("take_home_pay", {"salary": 200000, "spouse_wages": 100000, "state": "TX",
                                  "filing_status": "married_joint"})
    assert joint["medicare_tax"] == 300000 * 0.0145 + 50000 * 0.009
    # Social Security stops at each person's wage base: $184,500 in 2026 (SSA).
    assert single["social_security_tax"] == 11439


def test_without_a_state_no_state_tax_is_counted():
    r = run("benefit_tradeoff", {"salary": 250000})
    assert r["state_rate_pct"] == 0 and r["fica_rate_pct"] == 2.35


def households_in(states):
    return st.fixed_dictionaries({
        "salary": st.integers(0, 2_000_000),
        "state": st.sampled_from(states),
        "filing_status": st.sampled_from(["single", "married_joint", "head_of_household"]),
        "age": st.integers(18, 80),
        "dependents": st.integers(0, 4),
    }).map(lambda home: {**home, "spouse_wages": 60000}
           if home["filing_status"] == "married_joint" else home)


households = households_in(STATES)
smooth_households = households_in(SMOOTH_STATES)



@SETTINGS
@given(smooth_households, st.integers(1, 50_000))
def test_more_salary_never_lowers_take_home(home, raise_):
    before = run("take_home_pay", home)
    after = run("take_home_pay", {**home, "salary": home["salary"] + raise_})
    assert after["take_home"] >= before["take_home"] - 0.01


@SETTINGS
@given(smooth_households)
def test_every_marginal_rate_is_a_share_of_the_next_dollar(home):
    r = run("take_home_pay", home)
    for rate in ("state_marginal_rate_pct", "fica_marginal_rate_pct"):
        assert 0 <= r[rate] <= 100, rate
    # The refundable child tax credit grows with earnings (15% of wages above $2,500),
    # so a parent's federal rate may be below 0; nobody else's is. (These households
    # defer nothing: the saver's credit, which falls in steps, is not in play.)
    low = -15 if home["dependents"] else 0
    assert low <= r["federal_marginal_rate_pct"] <= 100
    assert low <= r["marginal_rate_pct"] <= 100


@SETTINGS
@given(households)
def test_taxes_are_bounded_by_wages(home):
    r = run("take_home_pay", home)
    for tax in TAXES[1:]:
        assert r[tax] >= 0, tax
    assert r["total_tax"] <= r["wages"]


@SETTINGS
@given(households.filter(lambda h: h["salary"] >= 30000),
       st.sampled_from(["traditional_401k", "hsa_payroll", "pretax_premiums", "health_fsa",
                        "commuter"]),
       st.integers(1, 3000))
def test_a_deduction_never_raises_any_tax(home, kind, amount):
    home = {**home, "dependents": max(home["dependents"], 1)}  # family HSA limit
    before = run("take_home_pay", home)
    after = run("take_home_pay", {**home, kind: amount})
    for tax in TAXES[1:]:
        assert after[tax] <= before[tax] + 0.01, tax
    # The one exception in the law: the refundable child credit is 15% of earned
    # income above $2,500 (Schedule 8812), and a deduction from pay lowers earned
    # income, so a parent's federal tax may rise by up to 15% of the deduction.
    assert after["federal_income_tax"] <= before["federal_income_tax"] + 0.15 * amount + 0.01


def test_a_deduction_can_shrink_the_refundable_child_credit():
    # Schedule 8812: the refundable part is 15% of earned income above $2,500, and a
    # 401(k) deferral is not earned income (it is not in box 1 of the W-2).
    home = {"salary": 30000, "state": "TX", "dependents": 3}
    assert run("take_home_pay", home)["federal_income_tax"] == -4125
    assert run("take_home_pay", {**home, "traditional_401k": 1000})["federal_income_tax"] == -3975


def test_the_law_has_cliffs_where_a_raise_costs_more_than_itself():
    # ORS 316.800: Oregon's subtraction of federal tax (up to $8,750) falls by a fifth for
    # each $5,000 of AGI from $125,000 (single): $25 more salary, $138.40 less take-home.
    # (So the two properties above are held only where a state's tax is a plain table.)
    below = run("take_home_pay", {"salary": 124975, "state": "OR"})
    at = run("take_home_pay", {"salary": 125000, "state": "OR"})
    assert round(below["take_home"] - at["take_home"], 2) == 138.40
    assert at["state_income_tax"] - below["state_income_tax"] > 25
