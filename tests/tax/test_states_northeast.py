"""Worked examples for the Northeast and Mid-Atlantic states (NY and New York City, NJ,
CT, MA, RI, VT, ME, PA, DE, MD, DC, VA, WV), each from the state's own 2026 rate
schedule, table or contribution rate as the data file cites it, and the cases that
take every branch of their rules."""

from decimal import Decimal as D

import pytest

from calculators.tax import Household, law, taxes
from calculators.tax.federal import federal_income_tax
from calculators.tax.rules import _northeast, dc, de, md, nyc, va
from calculators.tax.state import StateContext, context, local_income_tax


def home(state, wages, **kw):
    pretax = {k: D(v) for k, v in kw.pop("pretax", {}).items()}
    return Household(wages=D(wages), state=state, pretax=pretax,
                     **{k: (D(v) if k == "spouse_wages" else v) for k, v in kw.items()})


def state_tax(state, wages, **kw):
    return taxes(home(state, wages, **kw)).state_income_tax


def ctx_of(h, itemized=None):
    year_law = law(2026)
    federal = federal_income_tax(year_law, h)
    if itemized is not None:
        federal = federal.__class__(**{**{f: getattr(federal, f) for f in federal.__slots__},
                                       "itemized": itemized})
    return context(year_law, h, federal)


# --- worked examples: $50,000 of wages, single, from each state's 2026 schedule ----

@pytest.mark.parametrize("state, expected, source", [
    # NY Tax Law 601(c)(1)(B) 2026 schedule: $8,000 standard deduction; taxable $42,000:
    # 3.9% of 8,500 + 4.4% of 3,200 + 5.15% of 2,200 + 5.4% of 28,100.
    ("NY", "2103.00", "Tax Law 601(c); IT-201-I line 34"),
    # N.J.S.A. 54A:2-1 schedule A on $49,000 ($1,000 exemption).
    ("NJ", "1214.75", "NJ-1040 tax rate schedule A"),
    # CT-1040 Tables A and E: no exemption left at $50,000; 2% of 10,000 + 4.5% of
    # 40,000 = $2,000, less the 10% personal credit (AGI over $33,300 up to $60,000).
    ("CT", "1800.00", "CT-1040 Tables A, E"),
    # RI: 3.75% of 50,000 - 11,200 - 5,250.
    ("RI", "1258.13", "RI 2026 tax rate schedule"),
    # VT: 3.35% of 50,000 - 7,800 - 5,400.
    ("VT", "1232.80", "32 V.S.A. 5822"),
    # ME: taxable 29,050: 5.8% of 27,400 + 6.75% of 1,650.
    ("ME", "1700.58", "36 M.R.S. 5111"),
    # PA: 3.07% of compensation.
    ("PA", "1535.00", "72 P.S. 7302"),
    # DE: taxable 46,750 on the 30 Del. C. 1102 schedule, less the $110 personal credit.
    ("DE", "2098.13", "30 Del. C. 1102, 1110"),
    # MD: taxable 50,000 - 3,400 - 3,200 = 43,400: 20 + 30 + 40 + 4.75% of 40,400.
    ("MD", "2009.00", "Tax-General 10-105"),
    # DC: taxable 34,700: 4% of 10,000 + 6% of 24,700.
    ("DC", "1882.00", "D.C. Code 47-1806.03"),
    # VA: taxable 40,320: 60 + 60 + 600 + 5.75% of 23,320.
    ("VA", "2060.90", "Va. Code 58.1-320"),
    # WV: taxable 48,000: 2.11% of 10,000 + 2.81% of 15,000 + 3.16% of 15,000 + 4.22% of 8,000.
    ("WV", "1444.10", "W. Va. Code 11-21-4h"),
])
def test_single_50000(state, expected, source):
    assert state_tax(state, 50000) == D(expected), source


def test_massachusetts_deducts_social_security_and_medicare_up_to_2000():
    # M.G.L. c. 62, 3.B(a)(9): 60,000 - 2,000 - 4,400 = 53,600 at 5%.
    assert state_tax("MA", 60000) == D("2680.00")


def test_new_york_city_on_new_york_taxable_income():
    # NYC schedule on taxable $42,000: 3.078% of 12,000 + 3.762% of 13,000 + 3.819% of 17,000.
    assert taxes(home("NY", 50000, local="NYC")).local_income_tax == D("1507.65")


def test_new_york_supplemental_tax_matches_the_flat_rate_worksheet():
    # IT-201-I worksheet 1: NY AGI of $157,650 or more and taxable income of $215,400 or
    # less: the tax is 5.9% of taxable income, 5.9% of $192,000 = $11,328. The statute's
    # $567 recapture base leaves the schedule within $1.25 of it.
    assert abs(state_tax("NY", 200000) - D(11328)) <= D("1.25")
    # Partly phased in at AGI $150,000: 847/1000 of the $567.
    assert state_tax("NY", 150000) == D("8290.00")


def test_new_york_supplemental_flat_rate_above_25_million():
    tax = state_tax("NY", 30000000)
    assert tax == (D(30000000) - 8000) * D("0.109")


def test_new_york_household_credit():
    # IT-201-I table 1: single, federal AGI over $7,000 up to $20,000: $45. At $15,000
    # the $273 tax (3.9% of $7,000) less $45.
    assert state_tax("NY", 15000) == D("228.00")
    # Table 2: a couple with one child, AGI $15,000: $60 plus $15 for each of 2 more.
    couple = taxes(home("NY", 15000, filing_status="married_joint", dependents=1))
    assert couple.state_income_tax == D(0)


def test_new_york_city_household_credit():
    h = home("NY", 16000, filing_status="married_joint", dependents=1, local="NYC")
    ctx = ctx_of(h)
    place = law(2026)["locals"]["NYC"]
    # Taxable income $0 (16,000 - 16,050): no tax, the credit left unused.
    assert nyc.income_tax(ctx, place) == 0
    # Three people at $25 each (AGI over $15,000 up to $17,500) against the NYC tax on
    # taxable $2,950 - $1,000: 3.078% of 1,950 = $60.02, less $75.
    more = ctx_of(home("NY", 17000, filing_status="married_joint", dependents=1, local="NYC"))
    assert nyc.income_tax(more, place) == 0
    # Single filers above $12,500 of AGI get no NYC credit: 3.078% of $7,000.
    single = ctx_of(home("NY", 15000, local="NYC"))
    assert nyc.income_tax(single, place) == D("215.46")


def test_local_table_without_rules_still_works():
    year_law = dict(law(2026))
    year_law["locals"] = {"TST": {"state": "NY", "brackets": {"single": [[0, 1]]},
                                  "credit": {"single": 5}}}
    h = home("NY", 50000, local="TST")
    ctx = StateContext(law=year_law, params=year_law["states"]["NY"], home=h, federal=None)
    assert local_income_tax(ctx) == D(420) - 5


def test_new_jersey_taxes_salary_reductions_not_401k():
    # TB-39(R): premiums and HSA by salary reduction are New Jersey wages; a 401(k) is not.
    plain = state_tax("NJ", 50000)
    assert state_tax("NJ", 50000, pretax={"hsa_payroll": 2000}) == plain
    assert state_tax("NJ", 50000, pretax={"traditional_401k": 5000}) < plain


def test_new_jersey_medical_floor_and_no_tax_level():
    premiums = state_tax("NJ", 50000, pretax={"pretax_premiums": 3000})
    # $3,000 of premiums less 2% of $50,000 deducted: $2,000 at 5.525%.
    assert premiums == state_tax("NJ", 50000) - D("110.50")
    assert state_tax("NJ", 19000, filing_status="married_joint") == 0
    assert state_tax("NJ", 50000, age=70) < state_tax("NJ", 50000)


def test_connecticut_phase_outs_and_recaptures():
    # At $600,000 single every add-back is at its maximum: 250 + 250 + 2,700 + 450.
    tax = state_tax("CT", 600000)
    brackets = law(2026)["states"]["CT"]["brackets"]["single"]
    from calculators.tax.brackets import bracket_tax
    assert tax == bracket_tax(brackets, D(600000)) + 250 + 250 + 2700 + 450


def test_massachusetts_no_tax_status_and_limited_income_credit():
    # No tax at AGI up to $7,600 + $8,800 + $1,000 = $17,400 for a couple with a child...
    assert state_tax("MA", 17000, filing_status="married_joint", dependents=1) == 0
    # ...and at most 10% of AGI above it, up to 1.75 times: 10% of $2,600 (not $433.50).
    assert state_tax("MA", 20000, filing_status="married_joint", dependents=1) == D(260)
    assert state_tax("MA", 60000, age=66) == D("2680.00") - 35


def test_rhode_island_phase_out():
    # 20% of the deduction and exemption gone for each $7,450 above $261,000: all at $300,000.
    from calculators.tax.brackets import bracket_tax
    assert state_tax("RI", 300000) == bracket_tax([[0, D("3.75")], [82050, D("4.75")],
                                                   [186450, D("5.99")]], D(300000))


def test_vermont_aged_deduction_and_minimum_tax():
    # $1,250 more standard deduction at 65: 3.35% of $1,250 less.
    assert state_tax("VT", 50000, age=66) == D("1190.93")
    # Above $150,000 of AGI the tax is at least 3% of AGI: for a large family it binds.
    family = state_tax("VT", 151000, filing_status="married_joint", dependents=3)
    assert family == D(4530)


def test_maine_phase_outs():
    # Above $177,250 single the standard deduction is gone; above $466,000 the exemption too.
    from calculators.tax.brackets import bracket_tax
    brackets = law(2026)["states"]["ME"]["brackets"]["single"]
    assert state_tax("ME", 500000) == bracket_tax(brackets, D(500000))


def test_pennsylvania_taxes_401k_and_forgives_low_incomes():
    assert state_tax("PA", 50000, pretax={"traditional_401k": 5000}) == D("1535.00")
    # Schedule SP: a couple with two children keeps full forgiveness up to $32,000.
    assert state_tax("PA", 30000, filing_status="married_joint", dependents=2) == 0
    # $100 above (part of a $250 step), 10% of the forgiveness is lost.
    partly = state_tax("PA", 32100, filing_status="married_joint", dependents=2)
    assert partly == D("98.55")


def test_delaware_couples_file_separately_when_it_saves():
    joint, separate = de.tax_before_credits(ctx_of(home("DE", 60000, filing_status="married_joint",
                                                        spouse_wages=60000, dependents=1)))
    assert separate < joint
    single = ctx_of(home("DE", 50000))
    assert de.tax_before_credits(single)[0] == de.tax_before_credits(single)[1]
    assert state_tax("DE", 50000, age=61) == D("2098.13") - 110
    assert state_tax("DE", 50000, age=66) < state_tax("DE", 50000, age=61)


def test_delaware_earned_income_credit_choice():
    # A low earner with children keeps the refundable 4.5% credit (reported before it).
    low = home("DE", 20000, filing_status="head_of_household", dependents=2)
    ctx = ctx_of(low)
    assert de.income_tax(ctx) == min(de.tax_before_credits(ctx))
    # With more tax than the 20% credit, the nonrefundable credit is worth more.
    mid = ctx_of(home("DE", 45000, filing_status="head_of_household", dependents=1))
    assert de.income_tax(mid) < min(de.tax_before_credits(mid))


def test_maryland_credits_and_county_base():
    single_low = state_tax("MD", 15500)
    assert single_low < D(400)  # the earned income credit, all of it for a single filer
    assert state_tax("MD", 30000, filing_status="married_joint", spouse_wages=10000) > 0
    # Poverty line credit: a family of five at $30,000.
    assert state_tax("MD", 30000, filing_status="married_joint", dependents=3) == 0
    # Senior credit: $1,000 single, $1,750 a couple both 65 or head of household, none
    # above the AGI limit.
    base = md.income_tax(ctx_of(home("MD", 80000)))
    assert md.income_tax(ctx_of(home("MD", 80000, age=66))) < base
    assert state_tax("MD", 120000, filing_status="married_joint", age=66) >= 0
    assert state_tax("MD", 90000, filing_status="head_of_household", dependents=1, age=66) >= 0
    assert md.income_tax(ctx_of(home("MD", 200000, age=66))) > 0
    h = home("MD", 100000, local_rate_pct=D("3.2"))
    bill = taxes(h)
    assert bill.local_income_tax == md.taxable_income(ctx_of(h)) * D("0.032")


def test_dc_itemizers_and_couples():
    h = home("DC", 100000)
    assert dc.deduction(ctx_of(h, itemized=True)) == 0
    assert dc.deduction(ctx_of(home("DC", 100000, age=66))) == D(15300 + 2050)
    couple = ctx_of(home("DC", 150000, filing_status="married_joint", spouse_wages=150000))
    joint = couple.tax_on(D(300000) - dc.deduction(couple))
    assert dc.income_tax(couple) == min(joint, dc.separate_tax(couple, dc.deduction(couple)))
    assert dc.income_tax(couple) < joint


def test_virginia_rules():
    assert va.taxable_income(ctx_of(home("VA", 100000), itemized=True)) == D(100000 - 930)
    couple = ctx_of(home("VA", 60000, filing_status="married_joint", spouse_wages=40000))
    taxable = va.taxable_income(couple)
    assert 0 < va.spouse_adjustment(couple, taxable, couple.tax_on(taxable)) <= 259
    one_earner = ctx_of(home("VA", 60000, filing_status="married_joint"))
    assert va.spouse_adjustment(one_earner, D(40000), D(2000)) == 0
    assert va.spouse_adjustment(ctx_of(home("VA", 60000)), D(40000), D(2000)) == 0
    # The low-income credit, $300 a person at AGI up to the poverty guideline.
    assert state_tax("VA", 15500) == 0
    # At 65, the age deduction and the $800 exemption; no low-income credit then.
    # 56,627 - 8,750 - 930 - 800 - (12,000 - 6,627) = 40,774 taxable.
    assert state_tax("VA", 56627, age=68) == D("2087.01")
    assert state_tax("VA", 15500, age=68) == 0
    # A family whose refundable credit would leave less to pay reports the tax before it.
    family = ctx_of(home("VA", 30000, filing_status="head_of_household", dependents=2))
    assert va.income_tax(family) == family.tax_on(va.taxable_income(family))


def test_west_virginia_aged_subtraction_and_family_credit():
    assert state_tax("WV", 50000, age=66) == D("1444.10") - D("8000") * D("0.0422")
    # At or below the $15,960 guideline the whole tax is credited.
    assert state_tax("WV", 15500) == 0
    # $1,040 above it, 60% credited: 40% of the $351.50 tax on $15,000.
    assert state_tax("WV", 17000) == D("140.60")


@pytest.mark.parametrize("state, wages, expected", [
    # NY SDI $0.60 a week; PFL 0.432% up to $411.91.
    ("NY", 100000, "443.11"),
    # NJ TDI 0.19% and FLI 0.23% up to $171,100; UI 0.3825% and WF 0.0425% up to $44,800.
    ("NJ", 100000, "610.40"),
    ("MA", 100000, "460.00"), ("CT", 100000, "500.00"), ("RI", 100000, "1100.00"),
    ("VT", 100000, "110.00"), ("ME", 100000, "500.00"), ("DE", 100000, "400.00"),
    ("PA", 100000, "70.00"), ("MD", 100000, "0.00"),
])
def test_employee_contributions(state, wages, expected):
    assert taxes(home(state, wages)).state_payroll_tax == D(expected)


def test_shared_steps():
    assert _northeast.steps_of(D(0), 5000) == 0
    assert _northeast.poverty_guideline([15960, 5680], 3) == D(27320)
