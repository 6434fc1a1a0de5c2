"""The alternative minimum tax (calculators/tax/amt.py), held to Form 6251 line by line.

Each worked example is computed by hand from the Form 6251 (2025) lines and their
instructions, with the 2026 figures of IRS Rev. Proc. 2025-32, section 4.10:
exemption $90,100 (unmarried, head of household included) and $140,200 (joint),
phased out at 50 cents a dollar (IRC 55(d)(3) as amended by Public Law 119-21,
section 70107) above $500,000 and $1,000,000; 26% of the AMT base up to $244,500
and 28% above (the form's "multiply by 28% and subtract $4,890"); the regular tax
(line 10) is the tax before credits from the 2026 brackets (section 4.01).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.tax import Household, law, taxes
from calculators.tax.amt import alternative_minimum_tax, amt_added, exemption, federal_return
from calculators.tax.federal import federal_income_tax

SETTINGS = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

RULES = law(2026)["federal"]["amt"]


def home(wages, status="single", **extra):
    return Household(wages=D(wages), state="TX", filing_status=status, **extra)


def test_the_2026_figures_are_rev_proc_2025_32():
    assert RULES["exemption"] == {"single": 90100, "married_joint": 140200,
                                  "head_of_household": 90100}
    assert RULES["phaseout_threshold"] == {"single": 500000, "married_joint": 1000000,
                                           "head_of_household": 500000}
    assert RULES["brackets"] == [[0, 26], [244500, 28]]
    assert "Rev. Proc. 2025-32" in RULES["source"] and "Form 6251" in RULES["source"]
    # Section 4.10 also prints where the exemption is gone: $680,200 and $1,280,400,
    # which a 50% phase-out gives exactly.
    for status, gone in (("single", 680200), ("married_joint", 1280400)):
        assert exemption(RULES, status, D(gone)) == 0
        assert exemption(RULES, status, D(gone - 2)) == 1


def test_single_150000_with_a_100000_spread():
    # Line 1b: 150,000 - 16,100 = 133,900; line 2a: + 16,100; line 2i: + 100,000.
    # Line 4: 250,000. Line 5: 90,100. Line 6: 159,900. Line 7: 26% = 41,574.
    # Line 10: tax on 133,900 = 1,240 + 4,560 + 12,166 + 6,768 = 24,734. Line 11: 16,840.
    r = alternative_minimum_tax(home(150000), D(100000))
    assert (r.amti, r.exemption, r.tentative, r.regular, r.amt) == (
        250000, 90100, 41574, 24734, 16840)


def test_the_28_percent_rate_above_244500():
    # Single, 300,000 wages, 200,000 spread: line 4 500,000 (no phase-out yet), base
    # 409,900: 28% x 409,900 - 4,890 = 109,882. Regular tax on 283,900:
    # 58,448 (to 256,225) + 35% x 27,675 = 68,134.25. AMT 41,747.75.
    r = alternative_minimum_tax(home(300000), D(200000))
    assert r.exemption == 90100
    assert r.tentative == D("109882")
    assert r.regular == D("68134.25")
    assert r.amt == D("41747.75")


def test_a_partly_phased_out_exemption():
    # Single, line 4 = 600,000: exemption 90,100 - 50% x 100,000 = 40,100.
    r = alternative_minimum_tax(home(200000), D(400000))
    assert r.amti == 600000 and r.exemption == 40100
    assert r.tentative == D("0.28") * 559900 - 4890


def test_a_fully_phased_out_exemption():
    # Single, 400,000 wages and 300,000 spread: line 4 700,000 > 680,200: no exemption.
    # 28% x 700,000 - 4,890 = 191,110. Regular tax on 383,900 = 103,134.25.
    r = alternative_minimum_tax(home(400000), D(300000))
    assert r.exemption == 0
    assert r.tentative == 191110
    assert r.regular == D("103134.25")
    assert r.amt == D("87975.75")


def test_married_joint_uses_the_joint_exemption_and_both_wages():
    # 150,000 + 100,000 of wages and a 200,000 spread: line 4 450,000; exemption
    # 140,200; base 309,800: 28% x 309,800 - 4,890 = 81,854. The spread is no regular
    # income: the regular tax is on 250,000 - 32,200 = 217,800:
    # 2,480 + 9,120 + 24,332 + 24% x 6,400 = 37,468. AMT 44,386.
    r = alternative_minimum_tax(home(150000, "married_joint", spouse_wages=D(100000)),
                                D(200000))
    assert (r.amti, r.exemption, r.tentative, r.regular, r.amt) == (
        450000, 140200, 81854, 37468, 44386)


def test_head_of_household_is_an_unmarried_individual():
    r = alternative_minimum_tax(home(100000, "head_of_household"), D(150000))
    assert r.exemption == 90100


def test_no_amt_when_the_regular_tax_is_higher():
    r = alternative_minimum_tax(home(100000))
    assert r.amt == 0 and r.tentative < r.regular
    assert amt_added(home(100000), D(0)) == 0


def test_the_regular_tax_is_before_credits():
    # Form 6251 line 10 is Form 1040 line 16: the child tax credit does not lower it.
    with_child = home(150000, dependents=1)
    federal = federal_income_tax(law(2026), with_child)
    assert federal.child_tax_credit > 0
    assert alternative_minimum_tax(with_child).regular == federal.tax_before_credits


def test_the_standard_deduction_and_the_senior_deduction_are_added_back():
    # Line 1b starts from taxable income without the senior deduction (line 1a) and
    # line 2a adds the standard deduction back: AMTI is the wages.
    older = home(80000, age=70)
    assert federal_income_tax(law(2026), older).taxable_income < 80000 - 16100
    assert alternative_minimum_tax(older, D(5000)).amti == 85000


def test_the_amt_does_not_touch_the_regular_bill():
    before = taxes(home(150000))
    alternative_minimum_tax(home(150000), D(100000))
    assert taxes(home(150000)) == before


@SETTINGS
@given(wages=st.integers(0, 2_000_000), spread=st.integers(0, 2_000_000),
       more=st.integers(0, 500_000),
       status=st.sampled_from(["single", "married_joint", "head_of_household"]))
def test_a_larger_spread_never_lowers_the_amt(wages, spread, more, status):
    less = amt_added(home(wages, status), D(spread))
    assert less >= 0
    assert amt_added(home(wages, status), D(spread + more)) >= less


@SETTINGS
@given(wages=st.integers(0, 2_000_000), spread=st.integers(0, 2_000_000))
def test_the_amt_added_is_at_most_28_percent_of_the_spread_plus_the_phase_out(wages, spread):
    # Each dollar of spread adds at most 28% of itself, and 28% of the 50 cents of
    # exemption it phases out: 42 cents.
    assert amt_added(home(wages), D(spread)) <= D("0.42") * spread


@pytest.mark.parametrize("status", ["single", "married_joint", "head_of_household"])
def test_every_filing_status_has_every_figure(status):
    assert exemption(RULES, status, D(0)) == RULES["exemption"][status]


@pytest.mark.parametrize("household", [
    Household(wages=D(400000), state="CA"),
    Household(wages=D(250000), state="NY", filing_status="married_joint",
              spouse_wages=D(150000)),
    Household(wages=D(90000), state="IL", dependents=2),
    Household(wages=D(150000), state=None),
])
def test_the_regular_tax_is_the_engines_return_itemized_where_it_itemizes(household):
    federal = federal_return(household)
    assert round(federal.income_tax, 2) == taxes(household).federal_income_tax
    assert alternative_minimum_tax(household).regular == round(federal.tax_before_credits, 2)


def test_an_itemizer_still_adds_the_state_taxes_back():
    # Line 2a: an itemizer adds back the state and local taxes instead of the standard
    # deduction, so AMTI is still the wages plus the spread.
    itemizer = Household(wages=D(400000), state="CA")
    assert federal_return(itemizer).itemized
    assert alternative_minimum_tax(itemizer, D(100000)).amti == 500000
