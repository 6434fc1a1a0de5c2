"""Every calculator in the catalog, driven through ``run()`` with hostile inputs.

Each calculator gets at least 2,000 Hypothesis examples, a mix of:

1. fully random JSON-ish values (nested lists and objects, NaN and infinities, huge and
   tiny numbers, unicode and markup, 100 kB strings, deep nesting, oversized lists);
2. the calculator's own ``example`` with one or several values replaced by hostile ones,
   at any depth (``offers[1].base_salary``, ``match_formula[0].match_pct``), keys
   deleted or added, lists resized, objects and lists swapped;
3. the ``example`` with numbers, list lengths, text lengths and choices pushed to the
   bounds the catalog declares, just inside and just outside.

Whatever comes in, only a ``CalculatorError`` may escape; its ``field`` names a path the
catalog declares (or the unknown key that was sent, or ``inputs`` when the inputs are
not an object) and its ``message`` is non-empty. A result is plain JSON without NaN or
infinity and carries every output of the spec. ``run()`` never changes its inputs.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.api import catalog, run
from calculators.errors import CalculatorError

EXAMPLES = 2000
SPECS: dict[str, dict[str, Any]] = {spec["name"]: spec for spec in catalog()}
NAMES = list(SPECS)

HOSTILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.large_base_example],
)

# Examples actually run per calculator; each test checks its own count at the end.
TRIED: Counter[str] = Counter()


# --- hostile values ------------------------------------------------------------------------

TOO_BIG = 10**400
BIG_TEXT = "x" * 100_000
BIG_EMOJI = "\U0001F4B8" * 25_000  # 100 kB in UTF-8
BIG_MARKUP = "<script>alert(1)</script>" * 4_000

SPECIAL_NUMBERS: list[Any] = [
    0, 1, -1, 2, 3, 12, 100, 101, 366, 10**9, 10**9 + 1, -(10**9),
    2**31, 2**53 + 1, 2**63, 2**64, -(2**63), 10**18, 10**40, TOO_BIG, -TOO_BIG,
    0.0, -0.0, 0.5, 0.1, 0.005, 0.015, 1e-7, 99.99999999999999, 100.00000000000001,
    1e308, -1e308, 5e-324, -5e-324, sys.float_info.max, -sys.float_info.max,
    sys.float_info.min, 2.0**53, 1e16, 1e-300,
    math.nan, -math.nan, math.inf, -math.inf,
]

SPECIAL_STRINGS = [
    "", " ", "\t\n ", "0", "12", "-1", "1e308", "NaN", "nan", "Infinity", "-Infinity",
    "-0", "0x10", "true", "false", "null", "None", "undefined", "[]", "{}",
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</script><script>",
    "javascript:alert(1)", "'; DROP TABLE offers; --", "{{7*7}}", "${7*7}", "%s%n%x",
    "\U0001F4B8\U0001F680", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "ünïcödé Ωmega",
    "日本語のオファー", "\u202eevil\u202c", "\u200b", "\x00", "\ud800", "\ufeff",
    "__proto__", "constructor", "prototype", "toString",
    "full", "prorated", "immediate", "cliff", "graded", "custom", "FULL", "full ",
    BIG_TEXT, BIG_EMOJI, BIG_MARKUP,
]


def _names_in(fields: list[dict[str, Any]] | None) -> set[str]:
    names: set[str] = set()
    for field in fields or ():
        names.add(field["name"])
        names |= _names_in(field["fields"])
    return names


ALL_FIELD_NAMES = sorted(set().union(*(_names_in(spec["inputs"]) for spec in SPECS.values())))

keys = st.one_of(
    st.sampled_from(ALL_FIELD_NAMES),
    st.sampled_from(["", " ", "extra", "__proto__", "constructor", "a.b", "[0]", "offers[0]",
                     "Salary", "salary ", "<script>", "\U0001F4B8", "\x00"]),
    st.text(max_size=8),
)


def deep_list(depth: int) -> Any:
    value: Any = 0
    for _ in range(depth):
        value = [value]
    return value


def deep_object(depth: int) -> Any:
    value: Any = None
    for index in range(depth):
        value = {"type" if index % 2 else "salary": value}
    return value


hostile_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(SPECIAL_NUMBERS),
    st.integers(),
    st.floats(),
    st.sampled_from(SPECIAL_STRINGS),
    st.text(max_size=12),
)

json_values = st.recursive(
    hostile_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(keys, children, max_size=5),
    ),
    max_leaves=16,
)

OVERSIZED = [[0] * 22, [None] * 100, [{}] * 1_000, [1] * 10_001]

hostile_containers = st.one_of(
    st.just([]),
    st.just({}),
    st.sampled_from(OVERSIZED),
    st.integers(min_value=2, max_value=400).map(deep_list),
    st.integers(min_value=2, max_value=400).map(deep_object),
    json_values,
)

hostile_values = st.one_of(hostile_scalars, hostile_scalars, hostile_containers)


# --- walking an input alongside its spec -------------------------------------------------


def _item_field(field: dict[str, Any]) -> dict[str, Any]:
    """The spec of one item of a list field (a plain field, or an object of ``fields``)."""
    if field["item"] is not None:
        return field["item"]
    return {"name": "", "kind": "object", "fields": field["fields"], "nullable": False}


class Sites:
    """Places in a concrete input where a mutation can land, each with its spec."""

    def __init__(self, fields: list[dict[str, Any]], inputs: Any) -> None:
        # (path, field spec or None) of each value present, and of each declared key absent
        self.present: list[tuple[tuple[Any, ...], dict[str, Any] | None]] = []
        self.absent: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self.objects: list[tuple[Any, ...]] = []  # dicts (where keys can be added/removed)
        self.lists: list[tuple[tuple[Any, ...], dict[str, Any] | None]] = []
        self._object(fields, inputs, ())
        self.slots = self.present + self.absent

    def _object(self, fields: list[dict[str, Any]] | None, value: Any,
                path: tuple[Any, ...]) -> None:
        if not isinstance(value, dict):
            return
        self.objects.append(path)
        by_name = {f["name"]: f for f in fields or ()}
        for key, item in value.items():
            field = by_name.get(key)
            self.present.append((path + (key,), field))
            self._value(field, item, path + (key,))
        self.absent.extend((path + (name,), field) for name, field in by_name.items()
                           if name not in value)

    def _value(self, field: dict[str, Any] | None, value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, list):
            self.lists.append((path, field))
            item_field = _item_field(field) if field and field["kind"] == "list" else None
            for index, item in enumerate(value):
                self.present.append((path + (index,), item_field))
                self._value(item_field, item, path + (index,))
        elif isinstance(value, dict):
            self._object(field["fields"] if field and field["kind"] == "object" else None,
                         value, path)


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """``data`` with the value at ``path`` replaced (the containers on the way copied)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _set(data[head], rest, value) if rest else value
    return copy


def _delete(data: Any, path: tuple[Any, ...]) -> Any:
    parent = _get(data, path[:-1])
    copy = dict(parent) if isinstance(parent, dict) else list(parent)
    del copy[path[-1]]
    return _set(data, path[:-1], copy)


def minimal_valid(field: dict[str, Any]) -> Any:
    """A value the field accepts on its own."""
    kind = field["kind"]
    if kind in ("number", "integer"):
        return field["min"]
    if kind == "boolean":
        return True
    if kind == "choice":
        return field["choices"][0]["value"]
    if kind == "text":
        return "x"
    if kind == "list":
        return [minimal_valid(_item_field(field))] * field["min_items"]
    values: dict[str, Any] = {}
    for sub in field["fields"]:
        when = sub["when"]
        if when and values.get(when["field"], None) not in when["values"]:
            continue
        if sub["required"]:
            values[sub["name"]] = minimal_valid(sub)
    return values


# --- values at and around the catalog's bounds -----------------------------------------------


def bound_values(field: dict[str, Any], current: Any) -> list[Any]:
    """Values at, just inside and just outside what ``field`` accepts."""
    kind = field["kind"]
    values: list[Any] = [None] if field.get("nullable") else []
    if kind in ("number", "integer"):
        low, high = field["min"], field["max"]
        values += [low, high, float(low), float(high), low - 1, high + 1,
                   math.nextafter(float(low), -math.inf), math.nextafter(float(high), math.inf),
                   TOO_BIG, -TOO_BIG]
        if kind == "number":
            values += [low + 0.01, high - 0.01, low - 0.001, high + 0.001,
                       math.nextafter(float(low), math.inf), math.nextafter(float(high), -math.inf),
                       (low + high) / 2, 5e-324 if low == 0 else low, -0.0 if low == 0 else low]
        else:
            values += [low + 1, high - 1, low + 0.5, high - 0.5, low - 0.5, high + 0.5]
    elif kind == "boolean":
        values += [True, False, 0, 1]
    elif kind == "choice":
        allowed = [c["value"] for c in field["choices"] or []]  # none yet: only null
        values += allowed + [a.upper() for a in allowed] + [a + " " for a in allowed] + [""]
    elif kind == "text":
        limit = field["max_length"]
        values += ["x" * limit, "x" * (limit + 1), "\U0001F4B8" * limit,
                   "\U0001F4B8" * (limit + 1), " " * 3, "  padded  ", "<b>x</b>"]
    elif kind == "list":
        items = current if isinstance(current, list) and current else [
            minimal_valid(_item_field(field))]
        for size in {field["min_items"], field["max_items"], field["max_items"] + 1,
                     max(field["min_items"] - 1, 0), 1}:
            values.append([items[i % len(items)] for i in range(size)])
    elif kind == "object":
        values += [{}, minimal_valid(field)]
    return values


def _numeric_slots(sites: Sites) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    return [(path, field) for path, field in sites.slots
            if field is not None and field["kind"] in ("number", "integer")]


# --- the three families of inputs ----------------------------------------------------------


@st.composite
def mutated_example(draw: st.DrawFn, name: str, hostile: bool) -> Any:
    """The calculator's example after one to four mutations.

    ``hostile`` mutations put junk anywhere; the others push values to the catalog's
    bounds, just inside and just outside (so many results still compute, at the extremes).
    """
    spec = SPECS[name]
    inputs: Any = spec["example"]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        sites = Sites(spec["inputs"], inputs)
        operations = ["bound", "bound", "bound", "all_max", "all_min", "some_max", "some_min"]
        if hostile:
            operations = ["replace", "replace", "replace", "delete", "add", "resize", "reshape",
                          "bound"]
        operation = draw(st.sampled_from(operations))
        if operation == "replace" and sites.slots:
            path, _ = draw(st.sampled_from(sites.slots))
            inputs = _set(inputs, path, draw(hostile_values))
        elif operation == "delete" and sites.present:
            path, _ = draw(st.sampled_from(sites.present))
            inputs = _delete(inputs, path)
        elif operation == "add" and sites.objects:
            path = draw(st.sampled_from(sites.objects))
            inputs = _set(inputs, path + (draw(keys),), draw(hostile_values))
        elif operation == "resize" and sites.lists:
            path, _ = draw(st.sampled_from(sites.lists))
            items = _get(inputs, path)
            size = draw(st.sampled_from([0, 1, len(items) + 1, 2 * len(items) + 1, 25, 1_000]))
            new = [items[i % len(items)] for i in range(size)] if items else [None] * size
            inputs = _set(inputs, path, new)
        elif operation == "reshape" and sites.present:
            path, _ = draw(st.sampled_from(sites.present + [((), None)]))
            value = _get(inputs, path)
            if isinstance(value, dict):
                value = draw(st.sampled_from([list(value.values()), list(value), [value]]))
            elif isinstance(value, list):
                value = draw(st.sampled_from([{str(i): v for i, v in enumerate(value)},
                                              {"items": value}, value[0] if value else {}]))
            else:
                value = draw(st.sampled_from([[value], {"value": value}, {}]))
            inputs = _set(inputs, path, value)
        elif operation == "bound":
            choices = [(p, f) for p, f in sites.slots if f is not None]
            if choices:
                path, field = draw(st.sampled_from(choices))
                try:
                    current = _get(inputs, path)
                except (KeyError, IndexError, TypeError):
                    current = None
                inputs = _set(inputs, path, draw(st.sampled_from(bound_values(field, current))))
        elif operation in ("all_max", "all_min", "some_max", "some_min"):
            slots = _numeric_slots(sites)
            # every number at once, or a random subset of them (relations between fields
            # such as tiers covering at most 100% of pay then still hold sometimes)
            mask = -1 if operation.startswith("all") else draw(
                st.integers(min_value=0, max_value=2 ** len(slots) - 1))
            bound = "max" if operation.endswith("max") else "min"
            for index, (path, field) in enumerate(slots):
                if mask >> index & 1:
                    inputs = _set(inputs, path, field[bound])
    return inputs


def random_objects(name: str) -> st.SearchStrategy[Any]:
    """Objects keyed mostly by the calculator's input names, with any values."""
    top = [f["name"] for f in SPECS[name]["inputs"]]
    return st.dictionaries(st.one_of(st.sampled_from(top), keys), hostile_values, max_size=8)


def hostile_inputs(name: str) -> st.SearchStrategy[Any]:
    return st.one_of(
        json_values,                            # (1) anything at all
        hostile_containers,
        random_objects(name),
        mutated_example(name, hostile=True),    # (2) the example, with junk in it
        mutated_example(name, hostile=True),
        mutated_example(name, hostile=False),   # (3) the example, at its bounds
        mutated_example(name, hostile=False),
    )


# --- what must hold --------------------------------------------------------------------------


def _interpretations(fields: list[dict[str, Any]], rest: str, data: Any):
    """How an error path ``rest`` can be read at this level of the spec.

    Yields ``("field", spec)`` for a declared input (or list item) and ``("unknown", key)``
    for a key of ``data`` that the spec does not declare.
    """
    names = {f["name"] for f in fields}
    if isinstance(data, Mapping):
        for key in data:
            shown = key if isinstance(key, str) and key else repr(key)
            if key not in names and shown == rest:
                yield "unknown", key
    for field in fields:
        name = field["name"]
        if rest == name:
            yield "field", field
        elif rest.startswith(name) and rest[len(name):len(name) + 1] in (".", "["):
            value = data.get(name) if isinstance(data, Mapping) else None
            yield from _inside(field, rest[len(name):], value)


def _inside(field: dict[str, Any], rest: str, value: Any):
    if rest.startswith("[") and field["kind"] == "list":
        match = re.match(r"\[(0|[1-9][0-9]*)\]", rest)
        if not match:
            return
        index = int(match[1])
        if index >= field["max_items"] or not isinstance(value, list) or index >= len(value):
            return
        item_field, tail = _item_field(field), rest[match.end():]
        if not tail:
            yield "field", item_field
        else:
            yield from _inside(item_field, tail, value[index])
    elif rest.startswith(".") and field["kind"] == "object":
        yield from _interpretations(field["fields"], rest[1:], value)


def check_error(name: str, inputs: Any, error: CalculatorError) -> None:
    assert isinstance(error.field, str) and error.field, (error.field, error.message)
    assert isinstance(error.message, str) and error.message.strip(), (error.field, error.message)
    if error.field == "inputs" and not isinstance(inputs, Mapping):
        return
    readings = list(_interpretations(SPECS[name]["inputs"], error.field, inputs))
    assert readings, f"{name}: error names no declared input: {error.field!r} ({error.message})"
    assert any(kind == "field" or error.message.startswith("unknown input")
               for kind, _ in readings), (error.field, error.message)


def check_result(name: str, result: Any) -> None:
    assert isinstance(result, dict)
    json.dumps(result, allow_nan=False)
    for output in SPECS[name]["outputs"]:
        assert output["key"] in result, (name, output["key"])
        if output["columns"] and result[output["key"]] is not None:
            for row in result[output["key"]]:
                for column in output["columns"]:
                    assert column["key"] in row, (name, output["key"], column["key"])


def fingerprint(inputs: Any) -> str:
    return json.dumps(inputs, allow_nan=True)


@pytest.mark.parametrize("name", NAMES)
def test_hostile_inputs_only_raise_calculator_error(name):
    TRIED[name] = 0

    @HOSTILE
    @given(hostile_inputs(name))
    def attempt(inputs):
        TRIED[name] += 1
        before = fingerprint(inputs)
        try:
            result = run(name, inputs)
        except CalculatorError as error:
            check_error(name, inputs, error)
        else:
            check_result(name, result)
        assert fingerprint(inputs) == before, "run() changed its inputs"

    attempt()
    assert TRIED[name] >= EXAMPLES, f"{name}: only {TRIED[name]} examples tried"
