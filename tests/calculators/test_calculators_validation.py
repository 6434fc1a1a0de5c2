"""Every input of every calculator, tried with bad values generated from the catalog.

Each case starts from the calculator's own example, puts one bad value at one dotted
path, and expects a CalculatorError naming exactly that path.
"""

from __future__ import annotations

import copy
import math
from decimal import Decimal
from typing import Any

import pytest

from calculators.api import catalog, run
from calculators.errors import CalculatorError

TOO_BIG = 10**400  # an integer too long to print as a string under CPython's default limit


def bad_values(field: dict[str, Any]) -> list[tuple[str, Any]]:
    """(description, value) pairs the field must reject."""
    kind = field["kind"]
    cases: list[tuple[str, Any]] = []
    if not field["nullable"]:
        cases.append(("null", None))
    if kind in ("number", "integer"):
        cases += [
            ("text", "12"),
            ("bool", True),
            ("list", [1]),
            ("nan", math.nan),
            ("infinity", math.inf),
            ("minus infinity", -math.inf),
            ("decimal nan", Decimal("NaN")),
            ("below min", field["min"] - 1),
            ("above max", field["max"] + 1),
            ("huge", TOO_BIG),
            ("minus huge", -TOO_BIG),
        ]
        if kind == "integer":
            cases.append(("fraction", field["min"] + 0.5))
    elif kind == "boolean":
        cases += [("number", 1), ("text", "true")]
    elif kind == "choice":
        cases += [("unknown choice", "no-such-choice"), ("number", 3)]
    elif kind == "text":
        cases += [("number", 5), ("blank", "   "), ("too long", "x" * (field["max_length"] + 1))]
    elif kind == "list":
        cases += [("text", "x"), ("object", {}), ("too many", [None] * (field["max_items"] + 1))]
        if field["min_items"]:
            cases.append(("empty", []))
    else:
        cases += [("text", "x"), ("list", [])]
    return cases


def valid_value(field: dict[str, Any]) -> Any:
    """Some value the field accepts on its own."""
    if not field["required"] and field["default"] is not None:
        return copy.deepcopy(field["default"])
    kind = field["kind"]
    if kind in ("number", "integer"):
        return min(max(field["min"], 1), field["max"])
    if kind == "boolean":
        return False
    if kind == "choice":
        return field["choices"][0]["value"]
    if kind == "text":
        return "x"
    if kind == "list":
        item = field["item"] or {"kind": "object", "fields": field["fields"], "required": True,
                                 "default": None}
        return [valid_value(item)] * max(field["min_items"], 1)
    return {f["name"]: valid_value(f) for f in field["fields"] if f["required"]}


def make_applicable(container: dict[str, Any], field: dict[str, Any]) -> None:
    if field["when"]:
        container[field["when"]["field"]] = field["when"]["values"][0]


def cases() -> list[tuple[str, str, str, Any, str]]:
    """(calculator, path, description, inputs, expected field) for every bad value."""
    out = []

    def visit(name: str, example: dict[str, Any], steps: list[Any], fields: list[dict[str, Any]],
              path: str) -> None:
        for field in fields:
            field_path = f"{path}.{field['name']}" if path else field["name"]
            for description, value in bad_values(field):
                inputs = copy.deepcopy(example)
                container = locate(inputs, steps)
                make_applicable(container, field)
                container[field["name"]] = value
                out.append((name, field_path, description, inputs, field_path))
            if field["kind"] == "object":
                inputs = copy.deepcopy(example)
                container = locate(inputs, steps)
                make_applicable(container, field)
                value = container.setdefault(field["name"], valid_value(field))
                value["zz_unknown"] = 1
                out.append((name, field_path, "unknown key", inputs,
                            f"{field_path}.zz_unknown"))
                visit(name, prepared(example, steps, field), steps + [field["name"]],
                      field["fields"], field_path)
            if field["kind"] == "list":
                item_path = f"{field_path}[0]"
                if field["item"]:
                    for description, value in bad_values(field["item"]):
                        inputs = prepared(example, steps, field)
                        locate(inputs, steps)[field["name"]][0] = value
                        out.append((name, item_path, description, inputs, item_path))
                else:
                    inputs = prepared(example, steps, field)
                    locate(inputs, steps)[field["name"]][0]["zz_unknown"] = 1
                    out.append((name, item_path, "unknown key", inputs, f"{item_path}.zz_unknown"))
                    inputs = prepared(example, steps, field)
                    locate(inputs, steps)[field["name"]][0] = "x"
                    out.append((name, item_path, "not an object", inputs, item_path))
                    visit(name, prepared(example, steps, field), steps + [field["name"], 0],
                          field["fields"], item_path)

    for spec in catalog():
        visit(spec["name"], spec["example"], [], spec["inputs"], "")
        for field in spec["inputs"]:
            if field["required"]:
                inputs = copy.deepcopy(spec["example"])
                del inputs[field["name"]]
                out.append((spec["name"], field["name"], "missing", inputs, field["name"]))
    return out


def locate(inputs: dict[str, Any], steps: list[Any]) -> Any:
    container: Any = inputs
    for step in steps:
        container = container[step]
    return container


def prepared(example: dict[str, Any], steps: list[Any], field: dict[str, Any]) -> dict[str, Any]:
    """A copy of the example where ``field`` is applicable and holds at least one item."""
    inputs = copy.deepcopy(example)
    container = locate(inputs, steps)
    make_applicable(container, field)
    if field["name"] not in container or (field["kind"] == "list" and not container[field["name"]]):
        container[field["name"]] = valid_value({**field, "required": True})
    return inputs


CASES = cases()


@pytest.mark.parametrize(
    ("name", "path", "description", "inputs", "expected"),
    CASES,
    ids=[f"{c[0]}:{c[1]}:{c[2]}" for c in CASES],
)
def test_bad_value_names_the_field(name, path, description, inputs, expected):
    with pytest.raises(CalculatorError) as caught:
        run(name, inputs)
    assert caught.value.field == expected
    assert caught.value.message
    assert isinstance(caught.value, ValueError)


def test_every_input_is_tried():
    tried = {(c[0], c[1]) for c in CASES}
    for spec in catalog():
        for field in spec["inputs"]:
            assert (spec["name"], field["name"]) in tried
    assert ("offer_comparison", "offers[0].match_vesting.years") in tried
    assert ("retirement_match", "vesting.vested_pct_by_year[0]") in tried
    assert ("benefit_tradeoff", "stipends[0].taxable") in tried
    assert len(CASES) > 500


@pytest.mark.parametrize("inputs", [None, [], "salary=1", 3, True])
def test_inputs_must_be_an_object(inputs):
    with pytest.raises(CalculatorError) as caught:
        run("pto_value", inputs)
    assert caught.value.field == "inputs"
    assert "object" in caught.value.message


def test_unknown_top_level_key():
    with pytest.raises(CalculatorError) as caught:
        run("pto_value", {"salary": 1, "pto_days": 1, "bonus": 3})
    assert caught.value.field == "bonus"
    assert "allowed: salary, pto_days" in caught.value.message


def test_non_string_key_is_unknown():
    with pytest.raises(CalculatorError) as caught:
        run("pto_value", {"salary": 1, "pto_days": 1, 7: 3})
    assert caught.value.field == "7"


@pytest.mark.parametrize("name", ["no_such", "", None, 3, ["pto_value"]])
def test_unknown_calculator(name):
    with pytest.raises(CalculatorError) as caught:
        run(name, {})
    assert caught.value.field == "name"
    assert "pto_value" in caught.value.message


def test_messages_say_what_is_allowed():
    cases = {
        ("salary", -5): "must be at least 0 (an amount in dollars from 0 to 1000000000)",
        ("salary", "5"): "expected an amount in dollars from 0 to 1000000000, got text",
        ("salary", True): "expected an amount in dollars from 0 to 1000000000, got true/false",
        ("salary", math.nan): "must be a finite number (an amount in dollars from 0 to 1000000000)",
        ("working_days_per_year", 260.5): "must be a whole number (a whole number from 1 to 366)",
        ("baseline_days", "x"): "expected a number of days from 0 to 366, or null, got text",
    }
    for (key, value), message in cases.items():
        inputs = {"salary": 1000, "pto_days": 1, key: value}
        with pytest.raises(CalculatorError) as caught:
            run("pto_value", inputs)
        assert (caught.value.field, caught.value.message) == (key, message)


def test_choice_and_object_messages():
    with pytest.raises(CalculatorError) as caught:
        run("signon_clawback", {"bonus": 1, "months_worked": 1, "method": "half"})
    assert caught.value.message == "expected one of 'full', 'prorated', got 'half'"
    with pytest.raises(CalculatorError) as caught:
        run("retirement_match", {"salary": 1, "contribution_pct": 1, "vesting": "cliff"})
    assert caught.value.message.startswith("expected an object with keys type, years")
    with pytest.raises(CalculatorError) as caught:
        run("retirement_match", {"salary": 1, "contribution_pct": 1, "match_formula": [5]})
    assert (caught.value.field, caught.value.message) == (
        "match_formula[0]", "expected an object with keys match_pct, of_pay_pct, got a number")
    with pytest.raises(CalculatorError) as caught:
        run("benefit_tradeoff", {"salary": 1, "federal_rate_pct": 1, "stipends": [{}]})
    assert (caught.value.field, caught.value.message) == (
        "stipends[0].name", "required: text of 1 to 60 characters")


def test_integer_fields_accept_integral_floats_and_decimals():
    result = run("equity_vesting", {"grant_units": 480, "months_elapsed": 24.0,
                                    "vesting_months": Decimal("48")})
    assert result["vested_units"] == 240


def test_number_fields_accept_decimals():
    assert run("pto_value", {"salary": Decimal("78000.00"), "pto_days": 1})["daily_rate"] == 300


def test_wrong_python_type_is_named():
    with pytest.raises(CalculatorError) as caught:
        run("pto_value", {"salary": object(), "pto_days": 1})
    assert caught.value.message.endswith("got object")


def test_inapplicable_fields_are_ignored():
    result = run("retirement_match", {"salary": 50000, "contribution_pct": 5,
                                      "vesting": {"type": "immediate", "years": "ignored"}})
    assert result["vested_pct"] == 100


def test_list_of_one_item_message():
    with pytest.raises(CalculatorError) as caught:
        run("retirement_match", {"salary": 1, "contribution_pct": 1,
                                 "vesting": {"type": "custom", "vested_pct_by_year": []}})
    assert caught.value.message == "must have at least 1 item (a list of 1 to 21 items)"
    with pytest.raises(CalculatorError) as caught:
        run("offer_comparison", {"offers": [{"base_salary": 1}]})
    assert caught.value.message == "must have at least 2 items (a list of 2 to 5 items)"


# --- relations between fields ----------------------------------------------------------

RELATIONS = [
    ("retirement_match",
     {"salary": 1, "contribution_pct": 1,
      "match_formula": [{"match_pct": 100, "of_pay_pct": 60}, {"match_pct": 50, "of_pay_pct": 50}]},
     "match_formula[1].of_pay_pct", "at most 100 percent"),
    ("retirement_match",
     {"salary": 1, "contribution_pct": 1, "vesting": {"type": "graded", "start_year": 4, "full_year": 4}},
     "vesting.full_year", "later than start_year"),
    ("retirement_match",
     {"salary": 1, "contribution_pct": 1,
      "vesting": {"type": "custom", "vested_pct_by_year": [0, 50, 40, 100]}},
     "vesting.vested_pct_by_year[2]", "never goes down"),
    ("retirement_match",
     {"salary": 1, "contribution_pct": 1, "vesting": {"type": "custom", "vested_pct_by_year": [0, 50]}},
     "vesting.vested_pct_by_year[1]", "must be 100"),
    ("equity_vesting", {"grant_units": 1, "months_elapsed": 1, "cliff_months": 60},
     "cliff_months", "at most vesting_months (48)"),
    ("equity_vesting", {"grant_units": 1, "months_elapsed": 1, "interval_months": 49},
     "interval_months", "at most vesting_months (48)"),
    ("offer_comparison",
     {"offers": [{"base_salary": 1}, {"base_salary": 1, "equity_cliff_months": 50}]},
     "offers[1].equity_cliff_months", "at most equity_vesting_months"),
    ("offer_comparison",
     {"offers": [{"base_salary": 1, "equity_refresher_cliff_months": 50}, {"base_salary": 1}]},
     "offers[0].equity_refresher_cliff_months", "at most equity_vesting_months"),
    ("offer_comparison",
     {"offers": [{"base_salary": 1, "equity_interval_months": 60}, {"base_salary": 1}]},
     "offers[0].equity_interval_months", "at most equity_vesting_months"),
    ("offer_comparison",
     {"offers": [{"base_salary": 1, "name": "Offer 2"}, {"base_salary": 1}]},
     "offers[1].name", "must differ from offers[0]"),
]


@pytest.mark.parametrize(("name", "inputs", "field", "words"), RELATIONS,
                         ids=[r[2] for r in RELATIONS])
def test_relations_between_fields(name, inputs, field, words):
    with pytest.raises(CalculatorError) as caught:
        run(name, inputs)
    assert caught.value.field == field
    assert words in caught.value.message
