"""State income tax and contributions in the West and Plains (calculators/tax/rules/
and the states' tables in years/2026.toml), held to worked examples from each state's
own law.

Each example is worked by hand from the rate schedule, form line or withholding
formula named beside it, with the 2026 figures of the state's table (whose ``source``
says where each comes from; where a state had not published a 2026 figure, the table
says so and uses the statutory indexing, and the examples follow the table). The
arithmetic is written out; the engine reports to the cent.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from calculators.money import cents
from calculators.tax import Household, law, taxes
from calculators.tax.federal import federal_income_tax
from calculators.tax.payroll import state_payroll_tax
from calculators.tax.rules import _west, co, mn, nd, ut
from calculators.tax.state import context

LAW = law(2026)


def home(wages, state, status="single", **extra):
    return Household(wages=D(wages), state=state, filing_status=status, **extra)


def state_tax(wages, state, status="single", **extra):
    return taxes(home(wages, state, status, **extra)).state_income_tax


def payroll(wages, state, status="single", **extra):
    return cents(state_payroll_tax(LAW, home(wages, state, status, **extra)))


def ctx_of(household, state_taxes=D(0)):
    return context(LAW, household, federal_income_tax(LAW, household, state_taxes))


def worked(value):
    return cents(D(value))


def test_shared_steps():
    assert _west.steps(D(2500), 2500) == 1 and _west.steps(D(2501), 2500) == 2
    assert _west.steps(D(-10), 2500) == 0
    assert _west.step_amount([[0, 8000], [18000, 7000]], D(18000)) == 8000


# --- California: Form 540 ------------------------------------------------------------

def test_california_rate_schedule_and_exemption_credit():
    """$60,000 single: $54,165 after the $5,835 standard deduction; 2026 Schedule X
    (indexed): 1% to $11,330, 2% to $26,859, 4% to $42,391, 6% to $58,846; less the
    $156 personal exemption credit."""
    tax = (D("0.01") * 11330 + D("0.02") * (26859 - 11330) + D("0.04") * (42391 - 26859)
           + D("0.06") * (54165 - 42391) - 156)
    assert state_tax(60000, "CA") == worked(tax)


def test_california_taxes_hsa_contributions():
    """R&TC 17131.4: HSA contributions stay in California wages; a 401(k) deferral does not."""
    plain = state_tax(60000, "CA")
    assert state_tax(60000, "CA", pretax={"hsa_payroll": D(4000)}) == plain
    assert state_tax(64000, "CA", pretax={"traditional_401k": D(4000)}) == plain


def test_california_exemption_credits_phase_out_and_senior_exemption():
    """Joint, both 66, two children, federal AGI $530,000: $14,158 over the $515,842
    threshold is 6 steps of $2,500 (or part), so each credit loses $36: four personal
    and senior credits of $120 and two dependent credits of $450."""
    household = home(530000, "CA", "married_joint", age=66, dependents=2)
    taxable = D(530000) - 11670
    schedule = LAW["states"]["CA"]["brackets"]["married_joint"]
    from calculators.tax.brackets import bracket_tax
    expected = bracket_tax(schedule, taxable) - 4 * (156 - 36) - 2 * (486 - 36)
    assert taxes(household).state_income_tax == worked(expected)


def test_california_behavioral_health_services_tax_over_a_million():
    """R&TC 17043: 1% more on taxable income over $1,000,000, after the credits (which
    are gone at this income: $156 less $6 x 299 steps is below zero)."""
    taxable = D(1200000) - 5835
    below = state_tax(1000000 + 5835, "CA")
    schedule_top = D("0.123") * (taxable - 1000000)
    assert state_tax(1200000, "CA") - below == worked(schedule_top + D("0.01") * (taxable - 1000000))


def test_california_sdi_on_all_wages_and_hsa():
    """EDD 2026: 1.3% of all wages, no cap; HSA contributions count, premiums do not."""
    assert payroll(300000, "CA") == worked(D("0.013") * 300000)
    assert payroll(100000, "CA", pretax={"hsa_payroll": D(4000), "pretax_premiums": D(2000)}) \
        == worked(D("0.013") * 98000)


# --- Oregon: Form OR-40 ---------------------------------------------------------------

def test_oregon_withholding_formula_figures():
    """OR DOR 2026 withholding formulas: single, $50,000 of wages, federal tax (the
    engine's $4,138) subtracted up to $8,750, the $2,910 standard deduction, then
    4.75% / 6.75% / 8.75% from $4,550 and $11,400, less one $263 exemption credit."""
    federal = federal_income_tax(LAW, home(50000, "OR")).income_tax
    base = 50000 - federal - 2910
    tax = (D("0.0475") * 4550 + D("0.0675") * (11400 - 4550)
           + D("0.0875") * (base - 11400) - 263)
    assert state_tax(50000, "OR") == worked(tax)


def test_oregon_federal_subtraction_phases_out_and_exemption_credit_stops():
    """ORS 316.800: single AGI of $132,000 is in the $130,000-$135,000 band, so the
    cap is $5,250; above $100,000 no exemption credit (ORS 316.085(5))."""
    base = D(132000) - 5250 - 2910
    tax = (D("0.0475") * 4550 + D("0.0675") * (11400 - 4550)
           + D("0.0875") * (base - 11400))
    assert state_tax(132000, "OR") == worked(tax)
    # At $145,000 and over nothing is subtracted: the tax rises by the whole top rate.
    assert state_tax(150000, "OR") - state_tax(149000, "OR") == worked(D("0.099") * 1000)


def test_oregon_federal_subtraction_steps_of_10000_for_a_couple():
    """ORS 316.800: joint AGI of $265,000 is in the $260,000-$270,000 band: $5,250."""
    household = home(265000, "OR", "married_joint", spouse_wages=D(0))
    base = D(265000) - 5250 - 5820
    tax = (D("0.0475") * 9100 + D("0.0675") * (22800 - 9100) + D("0.0875") * (250000 - 22800)
           + D("0.099") * (base - 250000))
    assert taxes(household).state_income_tax == worked(tax)


def test_oregon_aged_addition_to_the_standard_deduction():
    """ORS 316.695(1)(d): $1,000 more for each spouse aged 65 or more."""
    young = state_tax(90000, "OR", "married_joint", spouse_wages=D(60000))
    old = state_tax(90000, "OR", "married_joint", spouse_wages=D(60000), age=66)
    assert young - old == worked(D("0.0875") * 2000)


def test_oregon_paid_leave_and_transit_tax():
    """Paid Leave Oregon: 0.6% of gross wages up to $184,500; the statewide transit tax
    0.1% of income tax wages (after the 401(k) deferral)."""
    assert payroll(200000, "OR", pretax={"traditional_401k": D(20000)}) \
        == worked(D("0.006") * 184500 + D("0.001") * 180000)


# --- Hawaii: Form N-11 ----------------------------------------------------------------

def test_hawaii_act_46_brackets_and_exemptions():
    """Single, 66, $70,000: less the $8,000 standard deduction and two $1,144
    exemptions (one for age); 2026 schedule I."""
    taxable = D(70000) - 8000 - 2 * 1144
    tax = (D("0.014") * 9600 + D("0.032") * 4800 + D("0.055") * 4800 + D("0.064") * 4800
           + D("0.068") * 12000 + D("0.072") * 12000 + D("0.076") * (taxable - 48000))
    assert state_tax(70000, "HI", age=66) == worked(tax)


def test_hawaii_tdi_weekly_maximum():
    assert payroll(40000, "HI") == worked(D("0.005") * 40000)
    assert payroll(150000, "HI") == worked(52 * D("7.50"))


# --- Arizona: Form 140 ----------------------------------------------------------------

def test_arizona_flat_rate_and_dependent_credit():
    """Head of household, two children, $80,000: 2.5% of $55,850 less $250."""
    assert state_tax(80000, "AZ", "head_of_household", dependents=2) \
        == worked(D("0.025") * (80000 - 24150) - 250)


def test_arizona_dependent_credit_phase_out_and_aged_exemption():
    """Single, 65, one dependent, federal AGI $210,500: 11 steps of $1,000 cut the
    credit by 55%; the $2,100 exemption at 65."""
    assert state_tax(210500, "AZ", age=65, dependents=1) \
        == worked(D("0.025") * (210500 - 2100 - 16100) - 125 * D("0.45"))


def test_arizona_family_tax_credit():
    """A.R.S. 43-1073: joint, three children, $27,000 of income (the limit for three
    dependents is $27,300): $40 for each of five people, under the $240 cap. (With the
    standard deduction above every limit, the credit never changes a wage earner's
    tax; it is there as the law has it.)"""
    from calculators.tax.rules import az
    assert az.family_credit(ctx_of(home(27000, "AZ", "married_joint", dependents=3))) == 200
    assert az.family_credit(ctx_of(home(30000, "AZ", "married_joint", dependents=4))) == 240
    assert az.family_credit(ctx_of(home(9000, "AZ"))) == 40
    assert az.family_credit(ctx_of(home(17000, "AZ"))) == 0
    assert state_tax(27000, "AZ", "married_joint", dependents=3) == 0


# --- Colorado: DR 0104 ----------------------------------------------------------------

def test_colorado_federal_taxable_income_and_famli():
    """4.4% of federal taxable income; FAMLI 0.44% of gross wages up to $184,500."""
    assert state_tax(90000, "CO") == worked(D("0.044") * (90000 - 16100))
    assert payroll(200000, "CO", pretax={"pretax_premiums": D(3000)}) \
        == worked(D("0.0044") * 184500)


def test_colorado_adds_back_most_of_the_deduction_at_high_agi():
    """C.R.S. 39-22-104(3)(p.7): at AGI of $300,000 or more the standard deduction over
    $1,000 is added back."""
    assert state_tax(300000, "CO") == worked(D("0.044") * (300000 - 1000))


def test_colorado_state_income_tax_addback_for_an_itemizer():
    """39-22-104(3)(d): an itemizer adds back the state income tax deducted, as far as
    the itemized deductions pass the standard deduction."""
    household = home(250000, "CO", "married_joint", spouse_wages=D(0))
    ctx = ctx_of(household, D(40000))
    assert ctx.federal.itemized
    assert co.taxable_income(ctx) == 250000 - 32200


# --- Idaho: Form 40 -------------------------------------------------------------------

def test_idaho_first_bracket_seniors_and_building_fund():
    """5.3% over $4,920 after the federal standard deduction (with the additions at 65)
    and the $6,000 deduction for seniors; plus the $10 building fund tax."""
    assert state_tax(60000, "ID") == worked(D("0.053") * (60000 - 16100 - 4920) + 10)
    taxable = D(60000) - 16100 - 2050 - 6000 - 4920
    assert state_tax(60000, "ID", age=67) == worked(D("0.053") * taxable + 10)


def test_idaho_building_fund_tax_only_on_a_return_that_must_be_filed():
    assert state_tax(15000, "ID") == 0


# --- Montana: Form 2 ------------------------------------------------------------------

def test_montana_hb_337_brackets_and_subtraction_at_65():
    """4.7% up to $47,500, 5.65% above; single at 66 also has the $2,050 addition, the
    deduction for seniors ($6,000 less 6% of the $15,000 of AGI over $75,000) and the
    $5,810 subtraction."""
    taxable = D(90000) - 16100
    assert state_tax(90000, "MT") == worked(D("0.047") * 47500 + D("0.0565") * (taxable - 47500))
    taxable = D(90000) - 16100 - 2050 - (6000 - 900) - 5810
    assert state_tax(90000, "MT", age=66) == worked(
        D("0.047") * 47500 + D("0.0565") * (taxable - 47500))


# --- New Mexico: PIT-1 ----------------------------------------------------------------

def test_new_mexico_hb_252_brackets():
    """Single, $100,000: $83,900 taxable; 1.5% to $5,500, 3.2% to $16,500, 4.3% to
    $33,500, 4.7% to $66,500, 4.9% above."""
    tax = (D("0.015") * 5500 + D("0.032") * 11000 + D("0.043") * 17000 + D("0.047") * 33000
           + D("0.049") * (83900 - 66500))
    assert state_tax(100000, "NM") == worked(tax)


def test_new_mexico_exemptions_for_dependents_low_incomes_and_age():
    """Joint, both 66, three children, $40,000: the $4,000 deduction for two of the
    children; the low- and middle-income exemption ($2,500 less 10% of the $10,000
    over $30,000) for five people; and $5,000 each for age ($39,000-$42,000 row)."""
    taxable = D(40000) - 32200 - 3300 - 8000 - 5 * 1500 - 2 * 5000
    assert taxable < 0
    assert state_tax(40000, "NM", "married_joint", age=66, dependents=3) == 0
    # Head of household, one child, $50,000 (under the $55,000 limit): two exemptions
    # of $2,500 less 10% of the $20,000 over $30,000.
    taxable = D(50000) - 24150 - 2 * (2500 - D("0.1") * 20000)
    assert state_tax(50000, "NM", "head_of_household", dependents=1) == worked(
        D("0.015") * 8000 + D("0.032") * (taxable - 8000))
    # Over the limit the exemption is gone.
    assert state_tax(60000, "NM", "head_of_household", dependents=1) == worked(
        D("0.015") * 8000 + D("0.032") * 17000 + D("0.043") * (60000 - 24150 - 25000))


# --- Utah: TC-40 ----------------------------------------------------------------------

def test_utah_taxpayer_credit():
    """Single, $40,000: 4.45% of AGI less 6% of the $16,100 standard deduction, less
    1.3% of income over $18,626."""
    credit = D("0.06") * 16100 - D("0.013") * (40000 - 18626)
    assert state_tax(40000, "UT") == worked(D("0.0445") * 40000 - credit)


def test_utah_no_tax_at_or_below_the_basic_standard_deduction_and_eitc():
    assert state_tax(16000, "UT") == 0
    # Head of household with two children at $39,152: the earned income credit (20% of
    # the federal $4,101.39) more than covers the tax.
    assert state_tax(39152, "UT", "head_of_household", dependents=2) == 0


def test_utah_itemizer_gets_no_deduction_in_the_credit():
    household = home(120000, "UT")
    ctx = ctx_of(household, D(30000))
    assert ctx.federal.itemized and ut.taxpayer_credit(ctx) == 0


# --- North Dakota: ND-1 ---------------------------------------------------------------

def test_north_dakota_2026_brackets():
    """Single, $100,000: federal taxable income $83,900; 1.95% over $49,575."""
    assert state_tax(100000, "ND") == worked(D("0.0195") * (83900 - 49575))


def test_north_dakota_marriage_penalty_credit():
    """Schedule ND-1MP: $120,000 and $90,000: joint taxable income $177,800 taxed
    $1,851.03 jointly; single tax on $73,900 ($90,000 less $16,100) and on the other
    $103,900 is $474.41 + $1,059.41; the $317.21 difference is under the $319 cap."""
    household = home(120000, "ND", "married_joint", spouse_wages=D(90000))
    joint = D("0.0195") * (177800 - 82800)
    apart = D("0.0195") * (73900 - 49575) + D("0.0195") * (103900 - 49575)
    assert taxes(household).state_income_tax == worked(joint - min(joint - apart, D(319)))
    one_earner = home(210000, "ND", "married_joint", spouse_wages=D(0))
    assert nd.marriage_credit(ctx_of(one_earner), D(177800), joint) == 0


# --- Nebraska: 1040N ------------------------------------------------------------------

def test_nebraska_2026_rate_schedule_and_exemption_credit():
    """1040N-ES 2026: single, $50,000, $41,150 taxable; 2.46% to $4,130, 3.51% to
    $24,760, 4.55% above; less one $176 personal exemption credit."""
    tax = (D("0.0246") * 4130 + D("0.0351") * (24760 - 4130) + D("0.0455") * (41150 - 24760)
           - 176)
    assert state_tax(50000, "NE") == worked(tax)


def test_nebraska_tax_limited_to_the_federal_tax_before_credits():
    """$16,500 single owes $40 federal tax before credits; Nebraska's would be $49.15."""
    federal = federal_income_tax(LAW, home(16500, "NE")).tax_before_credits
    assert federal == 40
    assert state_tax(16500, "NE") == worked(federal)
    assert state_tax(16500, "NE", age=65) == 0


# --- Kansas: K-40 ---------------------------------------------------------------------

def test_kansas_sb_1_rates_and_exemptions():
    """Head of household, two children, $70,000: less $6,180 and exemptions of $9,160 +
    $2,320 + 2 x $2,320; 5.2% to $23,000, 5.58% above."""
    taxable = D(70000) - 6180 - 9160 - 2320 - 2 * 2320
    assert state_tax(70000, "KS", "head_of_household", dependents=2) == worked(
        D("0.052") * 23000 + D("0.0558") * (taxable - 23000))
    taxable = D(70000) - 3605 - 850 - 9160
    assert state_tax(70000, "KS", age=70) == worked(
        D("0.052") * 23000 + D("0.0558") * (taxable - 23000))


def test_kansas_no_tax_up_to_the_filing_threshold():
    assert state_tax(12765, "KS") == 0
    assert state_tax(12766, "KS") == worked(D("0.052") * 1)


# --- Oklahoma: Form 511 ---------------------------------------------------------------

def test_oklahoma_hb_2764_brackets():
    """Single, $60,000: $52,650 taxable; 0% to $3,750, 2.5% to $4,900, 3.5% to $7,200,
    4.5% above."""
    tax = D("0.025") * 1150 + D("0.035") * 2300 + D("0.045") * (52650 - 7200)
    assert state_tax(60000, "OK") == worked(tax)


def test_oklahoma_child_credit_and_aged_exemption():
    """Joint, two children, $90,000: 5% of the $4,400 federal child tax credit; a
    couple over 65 at $24,000 of AGI gets an exemption more each."""
    taxable = D(90000) - 12700 - 4000
    assert state_tax(90000, "OK", "married_joint", spouse_wages=D(0), dependents=2) == worked(
        D("0.025") * 2300 + D("0.035") * 4600 + D("0.045") * (taxable - 14400) - 220)
    # Over $100,000 of federal AGI: no child credit.
    taxable = D(110000) - 12700 - 4000
    assert state_tax(110000, "OK", "married_joint", spouse_wages=D(0), dependents=2) == worked(
        D("0.025") * 2300 + D("0.035") * 4600 + D("0.045") * (taxable - 14400))
    taxable = D(25000) - 12700 - 4000
    assert state_tax(25000, "OK", "married_joint", age=66) == worked(
        D("0.025") * (taxable - 7500))


def test_oklahoma_federal_itemizer_takes_oklahoma_itemized_deductions():
    from calculators.tax.rules import ok
    ctx = ctx_of(home(400000, "OK"), D(40000))
    assert ctx.federal.itemized
    assert ok.income_tax(ctx) == D("0.025") * 1150 + D("0.035") * 2300 + D("0.045") * (
        400000 - 1000 - 7200)


# --- Minnesota: M1 --------------------------------------------------------------------

def test_minnesota_2026_brackets_and_dependent_exemptions():
    """Joint, two children, $150,000: less $30,600 and 2 x $5,300; 5.35% to $48,700,
    6.8% to $193,480."""
    taxable = D(150000) - 30600 - 10600
    household = home(150000, "MN", "married_joint", spouse_wages=D(0), dependents=2)
    assert taxes(household).state_income_tax == worked(
        D("0.0535") * 48700 + D("0.068") * (taxable - 48700))


def test_minnesota_deduction_and_exemption_phase_outs():
    ctx = ctx_of(home(400000, "MN", "married_joint", spouse_wages=D(0), dependents=1))
    # 3% of $93,400 plus 10% of $62,200, under the cap of 80% of $30,600.
    assert mn.standard_deduction(ctx) == 30600 - D("0.03") * 93400 - D("0.1") * 62200
    capped = ctx_of(home(600000, "MN", "married_joint", spouse_wages=D(0)))
    assert mn.standard_deduction(capped) == 30600 - D("0.8") * 30600
    # $33,300 over $366,700 is 14 steps of 2%.
    assert mn.exemptions(ctx) == 5300 * (1 - D("0.28"))
    rich = ctx_of(home(1200000, "MN"))
    assert mn.standard_deduction(rich) == 15300 - D("0.8") * 15300
    mild = ctx_of(home(250000, "MN"))
    assert mn.standard_deduction(mild) == 15300 - D("0.03") * 5600


def test_minnesota_subtraction_at_65():
    """M.S. 290.0802: joint, both 66, $30,000: $12,000 less half of the $12,000 over
    $18,000; single, 66, $20,000: $9,600 less half of the $5,500 over $14,500."""
    assert mn.aged_subtraction(ctx_of(home(30000, "MN", "married_joint", age=66))) == 6000
    assert mn.aged_subtraction(ctx_of(home(20000, "MN", age=66))) == 9600 - D(2750)
    assert mn.aged_subtraction(ctx_of(home(20000, "MN"))) == 0


def test_minnesota_marriage_credit():
    """Schedule M1MA: $90,000 and $60,000, no pre-tax deductions."""
    household = home(90000, "MN", "married_joint", spouse_wages=D(60000))
    ctx = ctx_of(household)
    taxable = D(150000) - 30600
    joint = D("0.0535") * 48700 + D("0.068") * (taxable - 48700)
    first = D(60000) - D("0.5") * 30600
    single = LAW["states"]["MN"]["brackets"]["single"]
    from calculators.tax.brackets import bracket_tax
    apart = bracket_tax(single, first) + bracket_tax(single, taxable - first)
    assert mn.marriage_credit(ctx, taxable, joint) == min(D(1895), joint - apart)
    assert taxes(household).state_income_tax == worked(joint - min(D(1895), joint - apart))
    assert mn.marriage_credit(ctx_of(home(150000, "MN", "married_joint")), taxable, joint) == 0


def test_minnesota_alternative_minimum_tax():
    """M.S. 290.091: head of household, three children, $248,000: the exemption
    $73,100 less 50% of the $135,500 over $112,500 is $5,350; 6.75% of $242,650 is
    more than the regular tax on $248,000 - $23,000 (less 3% of $3,600) - $15,900."""
    household = home(248000, "MN", "head_of_household", dependents=3)
    taxable = D(248000) - (23000 - D("0.03") * 3600) - 15900
    regular = D("0.0535") * 41010 + D("0.068") * (164800 - 41010) + D("0.0785") * (
        taxable - 164800)
    minimum = D("0.0675") * (248000 - (73100 - D("0.5") * 135500))
    assert minimum > regular
    assert taxes(household).state_income_tax == worked(minimum)
    assert mn.minimum_tax(ctx_of(home(60000, "MN")), D(1000)) == 0


def test_minnesota_paid_leave():
    assert payroll(250000, "MN") == worked(D("0.0044") * 185000)


# --- Washington ------------------------------------------------------------------------

def test_washington_paid_leave_and_wa_cares():
    """ESD 2026: 1.13% x 71.43% of gross wages up to $184,500; WA Cares 0.58% of all."""
    assert state_tax(250000, "WA") == 0
    assert payroll(250000, "WA", pretax={"traditional_401k": D(20000)}) == worked(
        D("0.0113") * D("0.7143") * 184500 + D("0.0058") * 250000)


@pytest.mark.parametrize("state", ["CA", "OR", "HI", "AZ", "CO", "ID", "MT", "NM", "UT",
                                   "ND", "NE", "KS", "OK", "MN"])
def test_every_state_has_a_source_and_rises_with_wages(state):
    assert LAW["states"][state]["source"]
    low, high = state_tax(90000, state), state_tax(190000, state)
    assert 0 < low < high
