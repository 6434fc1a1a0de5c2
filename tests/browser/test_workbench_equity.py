"""A startup's options against a public company's RSUs and ESPP, in the offer workbench.

The reader enters the startup offer (incentive stock options, their strike price and
the 409A price, a private-company discount) and the public-company offer (RSUs at the
market price and an ESPP) in the workbench form; the totals under the low, base and
high share price cases, and the leader in each, are shown as CPython computes them.
"""

from __future__ import annotations

import json
import time

import pytest
from calculators.api import catalog, run
from test_calculators import settle
from test_workbench import DESKTOP, open_workbench

pytestmark = pytest.mark.browser

NAME = "offer_comparison"
EXAMPLE = next(spec for spec in catalog() if spec["name"] == NAME)["example"]
STARTUP = {"name": "Startup", "equity_kind": "iso", "equity_shares": 40000,
           "strike_price": 2, "share_price": 2, "private_discount_pct": 50}
PUBLIC = {"name": "BigCo", "share_price": 100, "espp_contribution_pct": 10,
          "espp_discount_pct": 15, "espp_lookback": True}


def enter(page, form, path: str, value) -> None:
    """Open the section a field is folded in (as a reader would), then set it."""
    control = form.locator(f'[name="{path}"]')
    control.evaluate("el => { for (let d = el.closest('details'); d; "
                     "d = d.parentElement.closest('details')) d.open = true; }")
    before = form.get_attribute("data-calc-rendered-at")
    kind = control.get_attribute("data-kind")
    if kind == "boolean":
        if control.is_checked() == bool(value):
            return
        control.set_checked(bool(value))
    elif kind == "choice":
        if control.input_value() == str(value):
            return
        control.select_option(str(value))
    else:
        if control.input_value() == str(value):
            return
        control.fill(str(value))
    settle(page, form, before)


def table(form, key: str) -> list[dict]:
    rows = form.locator(f'[data-result] table[data-output="{key}"] tbody tr')
    out = []
    for i in range(rows.count()):
        cells = rows.nth(i).locator("[data-column][data-value]")
        out.append({cells.nth(j).get_attribute("data-column"):
                    json.loads(cells.nth(j).get_attribute("data-value"))
                    for j in range(cells.count())})
    return out


def test_a_startup_iso_offer_against_public_rsus_and_an_espp(watched, site_url):
    page = watched.page
    form = open_workbench(page, site_url, DESKTOP)
    for index, offer in enumerate((STARTUP, PUBLIC)):
        for field, value in offer.items():
            enter(page, form, f"offers[{index}].{field}", value)
    inputs = json.loads(json.dumps(EXAMPLE))
    inputs["offers"][0].update(STARTUP)
    inputs["offers"][1].update(PUBLIC)
    expected = run(NAME, inputs)
    shown = table(form, "by_price_case")
    assert [(row["case"], row["offer"]) for row in shown] == [
        (case, offer) for case in ("Low", "Base", "High") for offer in ("Startup", "BigCo")]
    want = [{key: row[key] for key in shown[0]} for row in expected["by_price_case"]]
    assert shown == want
    # Equity is at-risk pay in every total, and the options are worth more as the price rises.
    startup = [row for row in shown if row["offer"] == "Startup"]
    assert startup[0]["equity"] == startup[1]["equity"] == 0 < startup[2]["equity"]
    assert all(row["at_risk"] == pytest.approx(row["equity"] + row["espp_gain"], abs=0.011)
               for row in shown)
    leaders = table(form, "price_case_leaders")
    assert [row["leader"] for row in leaders] == [
        row["leader"] for row in expected["price_case_leaders"]]
    assert [row["case"] for row in leaders] == ["Low", "Base", "High"]
