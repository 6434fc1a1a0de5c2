"""State income tax in the South and Midwest (calculators/tax/rules/ and the states'
tables in years/2026.toml), held to worked examples from each state's own law.

Each example is worked by hand from the statute or the state's form or withholding
guide named beside it, with the 2026 figures of the state's table (whose ``source``
gives where each comes from), and rounded to the cent as the engine reports. Where a
state had not published a 2026 figure, the table says so and uses the statutory
indexing; the examples follow the table.
"""

from __future__ import annotations

import importlib
from decimal import Decimal as D

import pytest

from calculators.money import cents as money_cents
from calculators.tax import Household, law, taxes
from calculators.tax.federal import federal_income_tax
from calculators.tax.rules import _south
from calculators.tax.state import context, local_income_tax

LAW = law(2026)


def home(wages, state, status="single", **extra):
    extra.setdefault("spouse_wages", D(0))
    return Household(wages=D(wages), state=state, filing_status=status, **extra)


def state_tax(wages, state, status="single", **extra):
    return taxes(home(wages, state, status, **extra)).state_income_tax


def ctx_of(household):
    return context(LAW, household, federal_income_tax(LAW, household))


def cents(value):
    return money_cents(D(value))


def rules(code):
    return importlib.import_module(f"calculators.tax.rules.{code}")


# --- shared steps -------------------------------------------------------------------

def test_step_tables_read_over_and_from():
    table = [[0, 3000], [20000, 2500], [30000, 2000]]
    assert _south.over(table, D(20000)) == 3000        # "over $20,000" starts the row
    assert _south.over(table, D(20001)) == 2500
    assert _south.from_(table, D(20000)) == 2500       # "$20,000 or more"
    assert _south.from_(table, D(-1)) == 3000


def test_the_earned_income_credit_of_rev_proc_2025_32():
    """Rev. Proc. 2025-32, 4.06: with two children the credit is 40% of earnings up to
    $7,316, less 21.06% of income over $23,890 ($31,160 joint)."""
    eitc = _south.earned_income_credit
    assert eitc(ctx_of(home(15000, "OH", "head_of_household", dependents=2))) == 6000
    assert eitc(ctx_of(home(30000, "OH", "head_of_household", dependents=2))) == (
        D(7316) - (30000 - 23890) * D("0.2106"))
    assert eitc(ctx_of(home(30000, "OH", "married_joint", dependents=2))) == 7316
    # No children: 7.65% up to $664, only from 25 to 64.
    assert eitc(ctx_of(home(15000, "OH"))) == 664 - (15000 - 10860) * D("0.0765")
    assert eitc(ctx_of(home(15000, "OH", age=24))) == 0
    assert eitc(ctx_of(home(90000, "OH", "married_joint", dependents=4))) == 0


# --- Illinois ---------------------------------------------------------------------

def test_illinois_flat_rate_less_exemptions():
    """35 ILCS 5/201(b)(5.4), 5/204: (wages - exemptions) x 4.95%."""
    assert state_tax(60000, "IL") == cents((60000 - 2925) * D("0.0495"))
    # Married, two children, both 65: four exemptions and two aged exemptions.
    assert state_tax(80000, "IL", "married_joint", dependents=2, age=66) == cents(
        (80000 - 4 * 2925 - 2 * 1000) * D("0.0495"))


def test_illinois_exemptions_end_above_the_income_limit():
    """35 ILCS 5/204(g): no exemption above $250,000 of federal AGI ($500,000 joint)."""
    assert state_tax(250001, "IL") == cents(250001 * D("0.0495"))
    assert state_tax(250000, "IL") == cents((250000 - 2925) * D("0.0495"))


# --- Indiana ----------------------------------------------------------------------

def test_indiana_rate_and_exemptions():
    """IC 6-3-2-1(b) 2.95%; IC 6-3-1-3.5: $1,000 each person, $1,500 more each child."""
    assert state_tax(50000, "IN", "married_joint", dependents=2) == cents(
        (50000 - 4 * 1000 - 2 * 1500) * D("0.0295"))


def test_indiana_aged_exemptions_and_the_low_income_one():
    """IC 6-3-1-3.5(a)(4)-(5): $1,000 at 65, $500 more below $40,000 of federal AGI."""
    assert state_tax(30000, "IN", age=65) == cents((30000 - 1000 - 1000 - 500) * D("0.0295"))
    assert state_tax(40000, "IN", age=65) == cents((40000 - 1000 - 1000) * D("0.0295"))


def test_indiana_county_tax_is_on_the_state_base():
    """IC 6-3.6-8-2: the county rate applies to adjusted gross income as the state
    taxes it (after exemptions); 1.6% here stands for a county's rate."""
    household = home(50000, "IN", age=66, local_rate_pct=D("1.6"))
    bill = taxes(household)
    base = 50000 - 1000 - 1000
    assert bill.state_income_tax == cents(base * D("0.0295"))
    assert bill.local_income_tax == cents(base * D("0.016"))


# --- Michigan ---------------------------------------------------------------------

def test_michigan_rate_and_exemptions():
    """MCL 206.51 4.25%; 2026 exemption $5,900 (Form 446, 2026)."""
    assert state_tax(70000, "MI", "head_of_household", dependents=1) == cents(
        (70000 - 2 * 5900) * D("0.0425"))


def test_michigan_standard_deduction_for_those_born_1946_to_1959():
    """MCL 206.30(9), Form 4884 section C: born 1953-1959 and 67, $20,000 less the
    personal exemptions; born 1946-1952, $20,000 in full. A city's rate is on wages."""
    assert state_tax(60000, "MI", age=67) == cents((60000 - 5900 - (20000 - 5900)) * D("0.0425"))
    assert state_tax(60000, "MI", age=75) == cents((60000 - 5900 - 20000) * D("0.0425"))
    assert state_tax(60000, "MI", age=66) == cents((60000 - 5900) * D("0.0425"))
    detroit = taxes(home(60000, "MI", local_rate_pct=D("2.4")))
    assert detroit.local_income_tax == cents(60000 * D("0.024"))


# --- North Carolina ---------------------------------------------------------------

def test_north_carolina_child_deduction_by_agi():
    """G.S. 105-153.5(a1): $2,000 a child at AGI over $60,000 up to $80,000 (joint)."""
    assert state_tax(70000, "NC", "married_joint", dependents=2) == cents(
        (70000 - 25500 - 2 * 2000) * D("0.0399"))
    assert state_tax(150000, "NC", "married_joint", dependents=2) == cents(
        (150000 - 25500) * D("0.0399"))


# --- Mississippi ------------------------------------------------------------------

def test_mississippi_single():
    """Miss. Code 27-7-5, 27-7-17, 27-7-21: none on the first $10,000, 4% above."""
    assert state_tax(40000, "MS") == cents((40000 - 2300 - 6000 - 10000) * D("0.04"))
    assert state_tax(40000, "MS", age=65) == cents(
        (40000 - 2300 - 6000 - 1500 - 10000) * D("0.04"))


def test_mississippi_couple_each_spouse_in_a_column():
    """Form 80-105: each spouse's column has its own untaxed first $10,000; the
    exemptions and deduction go where they save the most."""
    allowances = 4600 + 12000 + 1500
    assert state_tax(150000, "MS", "married_joint", spouse_wages=D(8000), dependents=1) == cents(
        (158000 - allowances - 10000 - 8000) * D("0.04"))
    assert state_tax(5000, "MS", "married_joint", spouse_wages=D(3000)) == 0


# --- Louisiana --------------------------------------------------------------------

def test_louisiana_flat_rate():
    """R.S. 47:32 3%; R.S. 47:294 and RIB 26-019: $12,838 ($25,676 head of household)."""
    assert state_tax(50000, "LA") == cents((50000 - 12838) * D("0.03"))
    assert state_tax(50000, "LA", "head_of_household", dependents=1) == cents(
        (50000 - 25676) * D("0.03"))


# --- Georgia ----------------------------------------------------------------------

def test_georgia_flat_rate_and_dependents():
    """O.C.G.A. 48-7-20(a.1), 48-7-26, 48-7-27 (HB 463): 4.99% after $30,000 and $5,000 a
    dependent; the low-income credit is $5 an exemption at AGI from $15,000."""
    assert state_tax(90000, "GA", "married_joint", dependents=2) == cents(
        (90000 - 30000 - 2 * 5000) * D("0.0499"))
    assert state_tax(18000, "GA") == cents((18000 - 15000) * D("0.0499") - 5)


def test_georgia_retirement_exclusion_takes_in_earnings_at_62():
    """O.C.G.A. 48-7-27(a)(5): up to $5,000 of each spouse's earned income at 62; each
    spouse 65 or over counts an extra exemption for the low-income credit."""
    assert state_tax(60000, "GA", age=62) == cents((60000 - 5000 - 15000) * D("0.0499"))
    assert state_tax(19000, "GA", age=65) == 0


def test_georgia_follows_a_federal_itemizer():
    """48-7-27(a)(1): one who itemizes federally itemizes for Georgia, and gets the
    $300 eligible itemizer credit (48-7-27.1)."""
    household = home(300000, "GA")
    ctx = ctx_of(household)
    itemizing = federal_income_tax(LAW, household, D(30000))
    assert itemizing.itemized
    itemized = context(LAW, household, itemizing)
    ga = rules("ga")
    deduction = ga.deduction(itemized)
    assert deduction == 30000
    assert ga.income_tax(itemized) == (300000 - deduction) * D("0.0499") - 300
    assert ga.deduction(ctx) == 15000


# --- Kentucky ---------------------------------------------------------------------

def test_kentucky_flat_rate():
    """KRS 141.020 3.5%, KRS 141.081 $3,360; the $40 credit at 65."""
    assert state_tax(60000, "KY") == cents((60000 - 3360) * D("0.035"))
    assert state_tax(60000, "KY", age=65) == cents((60000 - 3360) * D("0.035") - 40)


def test_kentucky_couple_files_combined_separately():
    """Form 740 filing status 2: each spouse deducts $3,360 from their own income."""
    assert state_tax(60000, "KY", "married_joint", spouse_wages=D(40000)) == cents(
        (100000 - 2 * 3360) * D("0.035"))
    # A spouse's own deduction shelters their first $3,360, so separately is no worse.
    assert state_tax(60000, "KY", "married_joint", spouse_wages=D(1000)) == cents(
        (60000 - 3360) * D("0.035"))
    assert state_tax(60000, "KY", "married_joint") == cents((60000 - 3360) * D("0.035"))


def test_kentucky_family_size_credit():
    """KRS 141.066: at income up to the poverty guideline no tax; at 104%-108% of it,
    80% of the tax is credited."""
    assert state_tax(15960, "KY") == 0
    wages = D(15960) * D("1.06")
    tax = (wages - 3360) * D("0.035")
    assert state_tax(wages, "KY") == cents(tax - tax * D("0.8"))


# --- Ohio -------------------------------------------------------------------------

def test_ohio_2026_flat_rate_and_exemptions():
    """ORC 5747.02(A)(4) (HB 96): $332 plus 2.75% over $26,050; 5747.025 exemptions."""
    assert state_tax(70000, "OH") == cents(332 + (70000 - 2150 - 26050) * D("0.0275"))
    assert state_tax(28000, "OH") == 0                      # 28,000 - 2,400 under 26,050
    assert state_tax(600000, "OH") == cents(332 + (600000 - 26050) * D("0.0275"))


def test_ohio_credits():
    """5747.022 $20 an exemption at income less exemptions up to $30,000; 5747.055 $50
    at 65; 5747.71 30% of the federal earned income credit."""
    eitc = _south.earned_income_credit(ctx_of(home(32000, "OH")))
    tax = 332 + (32000 - 2400 - 26050) * D("0.0275")
    assert state_tax(32000, "OH") == cents(tax - 20 - eitc * D("0.3"))
    aged = 332 + (60000 - 2150 - 26050) * D("0.0275")
    assert state_tax(60000, "OH", age=65) == cents(aged - 50)


def test_ohio_joint_filing_credit():
    """5747.05(E): both spouses earning $500 or more, 5% of the tax at $75,000 to
    $500,000 of income less exemptions; none where one spouse earns less."""
    tax = 332 + (150000 - 2 * 1900 - 26050) * D("0.0275")
    assert state_tax(100000, "OH", "married_joint", spouse_wages=D(50000)) == cents(
        tax - tax * D("0.05"))
    one_earner = 332 + (150000 - 2 * 1900 - 26050) * D("0.0275")
    assert state_tax(150000, "OH", "married_joint", spouse_wages=D(400)) == cents(
        (150400 - 2 * 1900 - 26050) * D("0.0275") + 332)
    assert one_earner > 0


# --- Iowa -------------------------------------------------------------------------

def test_iowa_on_federal_taxable_income():
    """Iowa Code 422.5A 3.8% of federal taxable income; 422.12 credits."""
    assert state_tax(100000, "IA") == cents((100000 - 16100) * D("0.038") - 40)
    assert state_tax(100000, "IA", "head_of_household", dependents=1) == cents(
        (100000 - 24150) * D("0.038") - 80 - 40)
    assert state_tax(100000, "IA", "married_joint", age=66) == cents(
        (100000 - 32200 - 2 * 1650 - 2 * 6000) * D("0.038") - 80 - 40)


# --- Missouri ---------------------------------------------------------------------

MO_BRACKETS = [(1348, D("0.02")), (2696, D("0.025")), (4044, D("0.03")), (5392, D("0.035")),
               (6740, D("0.04")), (8088, D("0.045")), (9436, D("0.047"))]


def mo_tax(income):
    """The 2026 Form MO-1040 tax rate chart."""
    tax, edges = D(0), MO_BRACKETS + [(None, None)]
    for (low, rate), (high, _) in zip(edges, edges[1:]):
        if income > low:
            top = income if high is None else min(income, D(high))
            tax += (top - low) * rate
    return tax


def test_missouri_federal_tax_deduction_and_brackets():
    """RSMo 143.171: 15% of the federal tax at Missouri AGI from $50,001 to $100,000."""
    household = home(80000, "MO")
    federal = federal_income_tax(LAW, household).income_tax
    taxable = 80000 - 16100 - federal * D("0.15")
    assert state_tax(80000, "MO") == cents(mo_tax(taxable))
    assert state_tax(200000, "MO") == cents(mo_tax(D(200000 - 16100)))


def test_missouri_couple_each_share_taxed_on_its_own():
    """MO-1040 lines 25-26: taxable income split by each spouse's share of AGI."""
    taxable = D(200000 - 32200)
    assert state_tax(150000, "MO", "married_joint", spouse_wages=D(50000)) == cents(
        mo_tax(taxable * 3 / 4) + mo_tax(taxable / 4))
    assert state_tax(0, "MO") == 0


def test_missouri_head_of_household_and_the_working_families_credit():
    """RSMo 143.161 $1,400; 143.177: 20% of the federal earned income credit."""
    household = home(30000, "MO", "head_of_household", dependents=2)
    ctx = ctx_of(household)
    eitc = _south.earned_income_credit(ctx)
    taxable = rules("mo").taxable_income(ctx, eitc)
    assert taxable == 30000 - 24150 - 1400                   # no federal tax to deduct
    assert state_tax(30000, "MO", "head_of_household", dependents=2) == cents(
        max(D(0), mo_tax(taxable) - eitc * D("0.2")))


def test_missouri_itemizer_deducts_payroll_taxes():
    """RSMo 143.141: itemized deductions add back Social Security and Medicare taxes."""
    household = home(300000, "MO")
    itemizing = federal_income_tax(LAW, household, D(20000))
    assert itemizing.itemized
    ctx = context(LAW, household, itemizing)
    payroll = D(184500) * D("0.062") + 300000 * D("0.0145") + 100000 * D("0.009")
    assert rules("mo").deduction(ctx) == payroll


# --- Wisconsin --------------------------------------------------------------------

def test_wisconsin_sliding_standard_deduction():
    """Wis. Stat. 71.05(22)(dv): single, $13,960 less 12% of income over $20,120."""
    deduction = 13960 - (40000 - 20120) * D("0.12")
    taxable = 40000 - deduction - 700
    tax = 15110 * D("0.035") + (taxable - 15110) * D("0.044")
    assert state_tax(40000, "WI") == cents(tax)
    assert state_tax(200000, "WI", age=65) == cents(
        15110 * D("0.035") + (51950 - 15110) * D("0.044")
        + (200000 - 950 - 51950) * D("0.053"))


def test_wisconsin_married_couple_credit():
    """71.07(6): 3% of the lower earner's earned income, at most $480."""
    joint = rules("wi")
    ctx = ctx_of(home(80000, "WI", "married_joint", spouse_wages=D(10000)))
    before = ctx.tax_on(joint.taxable_income(ctx))
    assert joint.income_tax(ctx) == before - 300
    ctx = ctx_of(home(80000, "WI", "married_joint", spouse_wages=D(60000)))
    assert joint.income_tax(ctx) == ctx.tax_on(joint.taxable_income(ctx)) - 480


# --- South Carolina ---------------------------------------------------------------

def test_south_carolina_income_adjusted_deduction():
    """S.C. Code 12-6-510 (H.4216): 1.99% to $30,000 and 5.21% above, after the SCIAD,
    $15,000 less its share used past $40,000 over $55,000, rounded down to $10."""
    reduction = (D(15000) * (60000 - 40000) / 55000 / 10).to_integral_value(
        rounding="ROUND_FLOOR") * 10
    taxable = 60000 - (15000 - reduction)
    assert state_tax(60000, "SC") == cents(30000 * D("0.0199") + (taxable - 30000) * D("0.0521"))
    assert state_tax(100000, "SC") == cents(30000 * D("0.0199") + 70000 * D("0.0521"))


def test_south_carolina_credits():
    """12-6-3632 earned income credit 125% of the federal one, at most $200;
    12-6-3330 0.7% of the lower earner's income up to $50,000; 12-6-1170 $15,000 at 65."""
    ctx = ctx_of(home(40000, "SC", "married_joint", spouse_wages=D(60000), dependents=1,
                      age=65))
    sc = rules("sc")
    taxable = sc.taxable_income(ctx)
    assert taxable == max(D(0), 100000 - (30000 - 5450) - 5040 - 30000)
    assert sc.income_tax(ctx) == ctx.tax_on(taxable) - 40000 * D("0.007")
    low = ctx_of(home(22000, "SC", "head_of_household", dependents=1))
    assert sc.income_tax(low) == 0


# --- Alabama ----------------------------------------------------------------------

def test_alabama_federal_tax_deduction_and_standard_deduction_chart():
    """Code of Alabama 40-18-5, 40-18-15, 40-18-19: single at AGI $30,000 takes
    $3,000 less $25 for each $500 over $25,500; the federal tax is deducted."""
    household = home(30000, "AL")
    federal = federal_income_tax(LAW, household).income_tax
    deduction = 3000 - 9 * 25                 # more than the payroll taxes, $2,295
    taxable = 30000 - deduction - federal - 1500
    assert state_tax(30000, "AL") == cents(10 + 100 + (taxable - 3000) * D("0.05"))


def test_alabama_itemizes_payroll_taxes_and_dependents_by_agi():
    """40-18-15(a)(3): Social Security and Medicare taxes as itemized deductions;
    40-18-19(a)(9): $300 a dependent above $100,000."""
    household = home(150000, "AL", "married_joint", dependents=2)
    ctx = ctx_of(household)
    al = rules("al")
    assert al.deduction(ctx) == 150000 * D("0.0765")
    federal = federal_income_tax(LAW, household).income_tax
    assert al.taxable_income(ctx) == 150000 - 150000 * D("0.0765") - federal - 3000 - 600
    low = ctx_of(home(20000, "AL", "head_of_household", dependents=2))
    assert al.federal_tax_deduction(low) == 0


# --- Arkansas ---------------------------------------------------------------------

def test_arkansas_regular_tax_table_row():
    """DFA Regular Income Tax Table: the row $50,000-$50,099 is taxed at $50,049.50 and
    rounded: 2% x 5,600 + 3% x 4,800 + 3.4% x 10,400 + 3.7% x 23,649.50."""
    p = LAW["states"]["AR"]
    ar = rules("ar")
    row = 112 + 144 + D("353.6") + D("23649.5") * D("0.037")
    assert ar.regular_tax(p, D(50020)) == row.quantize(D(1), rounding="ROUND_HALF_UP")
    # From $75,000 rows run from a dollar past the hundred: $80,001-$80,100.
    middle = D("80050.5")
    expected = 112 + 144 + D("353.6") + (middle - 26400) * D("0.037")
    assert ar.regular_tax(p, D(80100)) == expected.quantize(D(1), rounding="ROUND_HALF_UP")


def test_arkansas_high_income_formula():
    """26-51-201(a)(5): above $94,700 the whole income at 2% and 3.7% less the bracket
    adjustment; at $100,001 and more no table."""
    p = LAW["states"]["AR"]
    ar = rules("ar")
    assert ar.formula_tax(p, D(94750)) == 94 + (D(94750) - 4700) * D("0.037") - 290
    assert ar.regular_tax(p, D(200000)) == 94 + (200000 - 4700) * D("0.037")


def test_arkansas_credits_and_filing_separately():
    """26-51-501 $29 credits; a couple files separately on one return when cheaper."""
    ar = rules("ar")
    ctx = ctx_of(home(60000, "AR", "married_joint", spouse_wages=D(60000), dependents=1))
    p = ctx.params
    each = ar.regular_tax(p, D(60000 - 2520))
    assert ar.income_tax(ctx) == 2 * each - 3 * 29
    hoh = ctx_of(home(60000, "AR", "head_of_household", dependents=1, age=65))
    assert ar.personal_credits(hoh) == 29 * (1 + 1 + 2 + 1)
    assert ar.income_tax(hoh) == ar.regular_tax(p, D(60000 - 2520)) - 29 * 5
    # The low-income table owes nothing at AGI up to its first taxed row.
    assert state_tax(19000, "AR", "head_of_household", dependents=2) == 0
    assert ar.qualified_credit(p, D(26600), 2) == 2 * (60 - 5)


def test_no_state_here_levies_employee_disability_or_leave_contributions():
    """None of these states has an employee disability or paid-leave payroll
    contribution in 2026."""
    for code in ("AL", "AR", "GA", "KY", "LA", "MS", "NC", "SC", "MO", "IA", "IL", "IN",
                 "MI", "OH", "WI"):
        assert "payroll" not in LAW["states"][code]
        assert taxes(home(80000, code)).state_payroll_tax == 0


@pytest.mark.parametrize("code", ["IL", "IN", "MI", "NC", "MS", "GA", "KY", "OH", "IA",
                                  "MO", "WI", "SC", "AL", "AR", "LA"])
def test_each_table_names_its_sources(code):
    table = LAW["states"][code]
    assert table["name"] and len(table["source"]) > 80
    ctx = ctx_of(home(80000, code))
    assert local_income_tax(ctx) == 0
