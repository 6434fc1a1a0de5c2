"""The ESPP calculator: the contract, worked examples from plan documents, properties.

Sources cited beside each test:

* the lookback: Stock Option Counsel, "ESPP How-To #2: Know the Discount", on Cisco's
  plan ("if the market price goes up from $10 to $20 ... the purchase price ... would
  be $8.50. That would be a discount of $11.50"); BJ's Wholesale Club Holdings, 2018
  Employee Stock Purchase Plan, offering terms (SEC exhibit 10.1, 2019): "85% of the
  Fair Market Value ... on the Enrollment Date or on the Purchase Date, whichever is
  lower";
* the cap: IRC 423(b)(8); NASPP, "How Do You Calculate the ESPP $25,000 Limit?"
  (2022): at $10 on the offering date "no employee may purchase more than 2,500
  shares", and "the limit is applied per calendar year, not per purchase";
* the tax: IRS Publication 525, "Employee Stock Purchase Plan" and "Option granted at
  a discount" (a qualifying sale's ordinary income is the lesser of the discount at
  grant, "figured as if the option had been exercised at the time it was granted",
  and the actual gain); IRC 3121(a)(22) (no Social Security or Medicare tax).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given

from calculators.api import catalog, run
from calculators.errors import CalculatorError
from calculators.report import render

from strategies import SETTINGS, espp_purchases

SPEC = {spec["name"]: spec for spec in catalog()}["espp"]
CONTRACT_INPUTS = {"contribution", "offering_price", "purchase_price_market", "discount_pct",
                   "lookback", "annual_limit"}
CONTRACT_OUTPUTS = {"purchase_price", "shares", "cost", "refund", "market_value", "gain",
                    "return_pct"}


def test_the_contract_names_and_defaults():
    inputs = {field["name"]: field for field in SPEC["inputs"]}
    assert CONTRACT_INPUTS <= set(inputs)
    assert CONTRACT_OUTPUTS <= {output["key"] for output in SPEC["outputs"]}
    assert inputs["discount_pct"]["default"] == 15
    assert inputs["lookback"]["default"] is True
    assert inputs["annual_limit"]["default"] == 25000
    assert inputs["offering_price"]["required"] and inputs["purchase_price_market"]["required"]


def test_a_lookback_discounts_the_lower_price_cisco():
    # Stock Option Counsel on Cisco's plan: $10 -> $20 with 15% off buys at $8.50,
    # "a discount of $11.50 off of the market price".
    r = run("espp", {"contribution": 8500, "offering_price": 10, "purchase_price_market": 20})
    assert (r["purchase_price"], r["shares"], r["cost"], r["refund"]) == (8.5, 1000, 8500, 0)
    assert r["market_value"] - r["cost"] == r["gain"] == 11500


def test_a_lookback_on_a_falling_price_discounts_the_purchase_date_price():
    # BJ's plan: 85% of the lower of the enrollment-date and purchase-date prices.
    r = run("espp", {"contribution": 3400, "offering_price": 50, "purchase_price_market": 40})
    assert (r["purchase_price"], r["shares"], r["gain"]) == (34, 100, 600)


def test_without_a_lookback_only_the_purchase_date_price_counts():
    r = run("espp", {"contribution": 1700, "offering_price": 10, "purchase_price_market": 20,
                     "lookback": False})
    assert r["purchase_price"] == 17 and r["shares"] == 100 and r["gain"] == 300


def test_the_cap_at_10_dollars_is_2500_shares_and_the_rest_is_refunded():
    # NASPP: $25,000 / $10 = 2,500 shares, whatever the purchase price.
    r = run("espp", {"contribution": 25000, "offering_price": 10, "purchase_price_market": 12})
    assert (r["shares"], r["cost"], r["refund"]) == (2500, 21250, 3750)


def test_purchases_in_one_year_share_the_cap():
    # NASPP: "the limit is applied per calendar year, not per purchase". Two purchases
    # of $12,750 at $8.50: the first buys 1,500 shares, leaving 1,000 for the second.
    r = run("espp", {"contribution": 12750, "offering_price": 10, "purchase_price_market": 12,
                     "purchase_periods": 2})
    assert [row["shares"] for row in r["purchases"]] == [1500, 1000]
    assert [row["refund"] for row in r["purchases"]] == [0, 4250]
    assert [row["cap_left"] for row in r["purchases"]] == [10000, 0]
    assert (r["year_shares"], r["year_cost"], r["year_refund"]) == (2500, 21250, 4250)
    assert r["year_contribution"] == 25500 and r["year_gain"] == 2500 * 12 - 21250


def test_a_contribution_percent_of_salary_spreads_over_the_purchases():
    r = run("espp", {"salary": 120000, "contribution_pct": 10, "purchase_periods": 2,
                     "offering_price": 40, "purchase_price_market": 50})
    assert r["contribution"] == 6000 and r["year_contribution"] == 12000
    assert r["shares"] == round(6000 / 34, 4)


def test_a_contribution_given_wins_over_the_percent():
    r = run("espp", {"contribution": 100, "salary": 120000, "contribution_pct": 10,
                     "offering_price": 10, "purchase_price_market": 10})
    assert r["contribution"] == 100


def test_the_15_percent_discount_returns_17_65_percent_on_a_flat_price():
    r = run("espp", {"contribution": 1000, "offering_price": 10, "purchase_price_market": 10})
    assert r["return_pct"] == float(Decimal(15) / Decimal(85) * 100)
    assert r["sale_price"] == 10


def test_no_state_no_tax_figures():
    r = run("espp", {"contribution": 1000, "offering_price": 10, "purchase_price_market": 12})
    taxes = [key for key in r if key.startswith(("disqualifying", "qualifying"))]
    assert len(taxes) == 9 and all(r[key] is None for key in taxes)
    assert "tax" not in r["summary"]


def test_a_sale_within_the_holding_periods_taxes_the_discount_as_pay_without_fica():
    # Publication 525: the excess of the value at purchase over the price paid is pay.
    # Washington, single, $200,000: 625 shares x ($50 - $34) = $10,000, all in the 24%
    # bracket: $2,400 of income tax and nothing for Social Security or Medicare.
    r = run("espp", SPEC["example"])
    assert r["disqualifying_ordinary_income"] == 10000
    assert r["disqualifying_capital_gain"] == 0
    assert r["disqualifying_tax"] == 2400
    assert r["disqualifying_kept"] == 10000 - 2400


def test_a_qualifying_sale_taxes_the_lesser_of_the_offering_discount_and_the_gain():
    # Publication 525: 15% of the $40 offering price, $6 a share: $3,750 of pay at 24%
    # ($900), the other $6,250 a long-term gain at 15% ($937.50), and the 3.8% net
    # investment income tax on it, modified AGI being $210,000 ($237.50).
    r = run("espp", SPEC["example"])
    assert r["qualifying_ordinary_income"] == 3750
    assert r["qualifying_capital_gain"] == 6250
    assert r["qualifying_tax"] == 2075
    assert r["qualifying_saves"] == 325
    assert "adds $2,400 of tax" in r["summary"] and "adds $2,075" in r["summary"]


def test_a_later_sale_at_a_higher_price():
    # $10 -> $20, bought at $8.50, sold at $25 (Texas, $100,000): sold early the $11.50
    # discount is pay and the $5 rise a short-term gain; qualifying, only $1.50 (15% of
    # $10) is pay and $15 a long-term gain.
    r = run("espp", {"contribution": 8500, "offering_price": 10, "purchase_price_market": 20,
                     "sale_price": 25, "salary": 100000, "state": "TX"})
    assert (r["disqualifying_ordinary_income"], r["disqualifying_capital_gain"]) == (11500, 5000)
    assert (r["qualifying_ordinary_income"], r["qualifying_capital_gain"]) == (1500, 15000)
    assert r["qualifying_tax"] < r["disqualifying_tax"]


def test_a_sale_at_a_loss():
    # Bought at $8.50 when the shares were $20, sold at $6. Early: the $11.50 discount
    # is still pay, and the $14 fall a capital loss, of which $3,000 offsets other pay.
    # Qualifying: no ordinary income, a $2.50 loss a share.
    r = run("espp", {"contribution": 8500, "offering_price": 10, "purchase_price_market": 20,
                     "sale_price": 6, "salary": 100000, "state": "TX"})
    assert r["disqualifying_ordinary_income"] == 11500
    assert r["disqualifying_capital_gain"] == -14000
    assert r["qualifying_ordinary_income"] == 0
    assert r["qualifying_capital_gain"] == -2500
    assert r["qualifying_tax"] == -550  # the $2,500 loss offsets pay taxed at 22%
    # Sold early, the pay is taxed at 22% and $3,000 of the $14,000 loss offsets it.
    assert r["disqualifying_tax"] == round(0.22 * (11500 - 3000), 2)


@pytest.mark.parametrize(("inputs", "field"), [
    ({"offering_price": 10, "purchase_price_market": 12}, "contribution"),
    ({"salary": 1000, "offering_price": 10, "purchase_price_market": 12}, "contribution"),
    ({"contribution": 10, "offering_price": 0, "purchase_price_market": 12}, "offering_price"),
    ({"contribution": 10, "offering_price": 10, "purchase_price_market": 0},
     "purchase_price_market"),
    ({"contribution": 10, "offering_price": 10, "purchase_price_market": 12,
      "discount_pct": 16}, "discount_pct"),
    ({"contribution": 10, "offering_price": 10, "purchase_price_market": 12,
      "purchase_periods": 0}, "purchase_periods"),
    ({"contribution": -1, "offering_price": 10, "purchase_price_market": 12}, "contribution"),
    ({"contribution": 10, "offering_price": 10, "purchase_price_market": 12,
      "state": "ZZ"}, "state"),
    ({"contribution": 10, "offering_price": 10, "purchase_price_market": 12,
      "state": "TX", "spouse_wages": 5}, "spouse_wages"),
    ({"contribution": 10, "offering_price": 10, "purchase_price_market": 12,
      "sale_price": -3}, "sale_price"),
])
def test_bad_inputs_name_their_field(inputs, field):
    with pytest.raises(CalculatorError) as caught:
        run("espp", inputs)
    assert caught.value.field == field


def test_the_page_shows_a_chart_of_the_gain_before_and_after_tax():
    html = render("espp", run("espp", SPEC["example"]))
    assert html.count("<svg") == 1 and "After tax, qualifying sale" in html
    plain = render("espp", run("espp", {"contribution": 100, "offering_price": 10,
                                        "purchase_price_market": 10}))
    assert plain.count("<svg") == 1 and "After tax" not in plain


# --- properties -------------------------------------------------------------------


@SETTINGS
@given(espp_purchases)
def test_the_return_with_a_lookback_is_at_least_the_discount_over_one_less_it(inputs):
    inputs = {**inputs, "lookback": True}
    r = run("espp", inputs)
    d = Decimal(str(inputs["discount_pct"])) / 100
    assert Decimal(repr(r["return_pct"])) >= d / (1 - d) * 100 - Decimal("1e-9")


@SETTINGS
@given(espp_purchases)
def test_without_a_lookback_a_flat_price_returns_exactly_the_discount_over_one_less_it(inputs):
    inputs = {**inputs, "lookback": False, "purchase_price_market": inputs["offering_price"]}
    r = run("espp", inputs)
    d = Decimal(str(inputs["discount_pct"])) / 100
    assert r["return_pct"] == float(d / (1 - d) * 100)


@SETTINGS
@given(espp_purchases)
def test_the_money_adds_up_and_the_cap_holds(inputs):
    r = run("espp", inputs)
    limit = inputs.get("annual_limit", 25000)
    # shares are reported to 4 places: allow their rounding
    assert r["year_shares"] * inputs["offering_price"] <= limit + inputs["offering_price"] / 1e4
    for row in r["purchases"]:
        assert abs(row["cost"] + row["refund"] - row["contribution"]) <= 0.011
        assert row["refund"] >= 0 and row["shares"] >= 0
    assert abs(r["market_value"] - r["cost"] - r["gain"]) <= 0.011
    json.dumps(r, allow_nan=False)
