"""Calculator specs: inputs, outputs, and the one validator that serves them all.

A calculator is declared once, beside its function, as a :class:`Calculator`:

* ``inputs`` is a tuple of :class:`Field` (name, label, unit, kind, default, bounds,
  help, choices, nested fields). The website's forms are generated from it, and
  :func:`validate` checks a reader's JSON against it, so the calculator function
  itself only ever receives clean values: ``Decimal`` for numbers, ``int`` for whole
  numbers, ``bool``, ``str``, and lists and dicts of those.
* ``result`` is a frozen dataclass whose fields carry their label and unit (declared
  with :func:`out`); :func:`render` turns an instance into plain JSON, rounding money
  to cents.

Validation rules, the same for every calculator:

* the inputs must be an object; a key that is not an input is an error;
* a missing input takes its default; an input without a default is required;
* ``null`` is accepted only where the field is ``nullable``;
* numbers must be real JSON numbers (not ``true``/``false``, not text), finite, and
  within ``min`` and ``max`` (inclusive); whole-number fields also accept ``3.0``;
* choices must be one of the listed values; text must be non-blank and short;
* lists must have between ``min_items`` and ``max_items`` items, each checked in turn;
* a field with ``when = (other, values)`` applies only when the sibling field
  ``other`` has one of ``values``; otherwise it is ignored.

Errors name the field by its dotted path, e.g. ``offers[1].base_salary``.

>>> fields = (
...     Field(name="salary", label="Salary", kind="number", unit="usd", help="", min=0, max=10**6),
...     Field(name="days", label="Days", kind="integer", unit="days", help="", default=5, min=0, max=366),
... )
>>> validate(fields, {"salary": 78000.5})
{'salary': Decimal('78000.5'), 'days': 5}
>>> validate(fields, {"salary": -1})
Traceback (most recent call last):
...
calculators.errors.CalculatorError: salary: must be at least 0 (an amount in dollars from 0 to 1000000)
"""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from .errors import CalculatorError
from .money import quantize

__all__ = [
    "KINDS",
    "INPUT_UNITS",
    "OUTPUT_UNITS",
    "REQUIRED",
    "Calculator",
    "Choice",
    "Field",
    "Output",
    "join",
    "out",
    "outputs_of",
    "render",
    "validate",
]

KINDS = ("number", "integer", "boolean", "choice", "text", "list", "object")
INPUT_UNITS = (
    "usd", "pct", "days", "months", "years", "count", "hours", "usd_per_hour",
    "bool", "choice", "list", "object", "text",
)
OUTPUT_UNITS = INPUT_UNITS + ("fraction", "table")

_UNIT_WORDS = {
    "usd": "an amount in dollars",
    "pct": "a percent",
    "days": "a number of days",
    "months": "a number of months",
    "years": "a number of years",
    "count": "a number",
    "hours": "a number of hours",
    "usd_per_hour": "dollars per hour",
}


class _Required:
    """Marker for a field without a default."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Choice:
    """One allowed value of a choice field, with the label a form shows for it."""

    value: str
    label: str


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Field:
    """One input: what the form shows and what the validator accepts.

    ``default`` is a plain JSON value (or :data:`REQUIRED`); it goes through the same
    validation as a reader's value. ``fields`` describes the keys of an object, or of
    each item of a list of objects; ``item`` describes each item of a list of plain
    values. ``check`` is an extra rule over the converted value (relations between
    sibling fields), called as ``check(value, path)``.
    """

    name: str
    label: str
    kind: str
    unit: str
    help: str
    default: Any = REQUIRED
    nullable: bool = False
    min: int | float | None = None
    max: int | float | None = None
    step: int | float | None = None
    choices: tuple[Choice, ...] = ()
    fields: tuple[Field, ...] = ()
    item: Field | None = None
    min_items: int | None = None
    max_items: int | None = None
    max_length: int | None = None
    figure: str | None = None
    when: tuple[str, tuple[str, ...]] | None = None
    check: Callable[[Any, str], None] | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def to_json(self) -> dict[str, Any]:
        """The field as the catalog lists it (every key present, ``None`` if not used)."""
        return {
            "name": self.name,
            "label": self.label,
            "unit": self.unit,
            "kind": self.kind,
            "required": self.required,
            "default": None if self.required else copy.deepcopy(self.default),
            "nullable": self.nullable,
            "min": self.min,
            "max": self.max,
            "step": self.step,
            "help": self.help,
            "choices": [{"value": c.value, "label": c.label} for c in self.choices] or None,
            "fields": [f.to_json() for f in self.fields] or None,
            "item": self.item.to_json() if self.item is not None else None,
            "min_items": self.min_items,
            "max_items": self.max_items,
            "max_length": self.max_length,
            "figure": self.figure,
            "when": {"field": self.when[0], "values": list(self.when[1])} if self.when else None,
        }

    def describe(self) -> str:
        """What the field accepts, in words, for error messages."""
        if self.kind in ("number", "integer"):
            what = "a whole number" if self.kind == "integer" else _UNIT_WORDS[self.unit]
            text = f"{what} from {self.min} to {self.max}"
        elif self.kind == "boolean":
            text = "true or false"
        elif self.kind == "choice":
            text = "one of " + ", ".join(repr(c.value) for c in self.choices)
        elif self.kind == "text":
            text = f"text of 1 to {self.max_length} characters"
        elif self.kind == "list":
            text = f"a list of {self.min_items} to {self.max_items} items"
        else:
            text = "an object with keys " + ", ".join(f.name for f in self.fields)
        return text + (", or null" if self.nullable else "")


def join(path: str, name: str | int) -> str:
    """Extend a dotted path: ``join("offers", 1)`` is ``offers[1]``."""
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (int, float, Decimal)):
        return "a number"
    return type(value).__name__


def _wrong_type(field: Field, value: Any, path: str) -> CalculatorError:
    return CalculatorError(path, f"expected {field.describe()}, got {_type_name(value)}")


def _in_bounds(field: Field, number: int | Decimal, path: str) -> None:
    low, high = field.min, field.max
    if low is not None and number < Decimal(str(low)):
        raise CalculatorError(path, f"must be at least {low} ({field.describe()})")
    if high is not None and number > Decimal(str(high)):
        raise CalculatorError(path, f"must be at most {high} ({field.describe()})")


def _to_number(field: Field, value: Any, path: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise _wrong_type(field, value, path)
    if isinstance(value, int):
        _in_bounds(field, value, path)  # compare before converting: no huge strings
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CalculatorError(path, f"must be a finite number ({field.describe()})")
        value = Decimal(str(value))
    elif not value.is_finite():
        raise CalculatorError(path, f"must be a finite number ({field.describe()})")
    _in_bounds(field, value, path)
    return value


def _convert(field: Field, value: Any, path: str) -> Any:
    if value is None:
        if field.nullable:
            return None
        raise CalculatorError(path, f"must not be null; expected {field.describe()}")
    kind = field.kind
    if kind == "number":
        result: Any = _to_number(field, value, path)
    elif kind == "integer":
        number = _to_number(field, value, path)
        if number != number.to_integral_value():
            raise CalculatorError(path, f"must be a whole number ({field.describe()})")
        result = int(number)
    elif kind == "boolean":
        if not isinstance(value, bool):
            raise _wrong_type(field, value, path)
        result = value
    elif kind == "choice":
        allowed = [c.value for c in field.choices]
        if not isinstance(value, str) or value not in allowed:
            raise CalculatorError(path, f"expected {field.describe()}, got {_describe_value(value)}")
        result = value
    elif kind == "text":
        if not isinstance(value, str):
            raise _wrong_type(field, value, path)
        result = value.strip()
        if not result or len(result) > (field.max_length or 0):
            raise CalculatorError(path, f"expected {field.describe()}")
    elif kind == "list":
        result = _convert_list(field, value, path)
    else:
        result = validate(field.fields, value, path, what=field.describe())
    if field.check is not None:
        field.check(result, path)
    return result


def _describe_value(value: Any) -> str:
    if isinstance(value, str):
        return repr(value[:40])
    return _type_name(value)


def _convert_list(field: Field, value: Any, path: str) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise _wrong_type(field, value, path)
    low, high = field.min_items or 0, field.max_items or 0
    if len(value) < low:
        raise CalculatorError(path, f"must have at least {low} item{'s' * (low != 1)} ({field.describe()})")
    if len(value) > high:
        raise CalculatorError(path, f"must have at most {high} items ({field.describe()})")
    items = []
    for index, item in enumerate(value):
        item_path = join(path, index)
        if field.item is not None:
            items.append(_convert(field.item, item, item_path))
        else:
            items.append(validate(field.fields, item, item_path, what="an object with keys "
                                  + ", ".join(f.name for f in field.fields)))
    return items


def validate(
    fields: Sequence[Field], data: Any, path: str = "", *, what: str = "an object of inputs"
) -> dict[str, Any]:
    """Check ``data`` against ``fields``; return the values with defaults filled in.

    Raises :class:`CalculatorError` naming the first offending field.
    """
    if not isinstance(data, Mapping):
        raise CalculatorError(path or "inputs", f"expected {what}, got {_type_name(data)}")
    known = [f.name for f in fields]
    for key in data:
        if key not in known:
            name = key if isinstance(key, str) and key else repr(key)
            raise CalculatorError(join(path, name), "unknown input; allowed: " + ", ".join(known))
    values: dict[str, Any] = {}
    for field in fields:
        field_path = join(path, field.name)
        if field.when is not None:
            other, allowed = field.when
            if values[other] not in allowed:
                continue
        if field.name in data:
            value = data[field.name]
        elif field.required:
            raise CalculatorError(field_path, f"required: {field.describe()}")
        else:
            value = field.default
        values[field.name] = _convert(field, value, field_path)
    return values


# --- outputs -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Output:
    """One reported figure: its key, label and unit; ``columns`` for a table."""

    key: str
    label: str
    unit: str
    help: str = ""
    nullable: bool = False
    places: int | None = None
    columns: tuple[Output, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "help": self.help,
            "nullable": self.nullable,
            "columns": [c.to_json() for c in self.columns] or None,
        }


def out(
    label: str,
    unit: str,
    *,
    help: str = "",
    nullable: bool = False,
    places: int | None = None,
    row: type | None = None,
) -> Any:
    """Declare a result dataclass field with its label and unit.

    Money (``usd``, ``usd_per_hour``) is reported to cents unless ``places`` says
    otherwise; other numbers are reported unrounded. ``row`` is the dataclass of each
    row of a ``table``.
    """
    if places is None and unit in ("usd", "usd_per_hour"):
        places = 2
    return dataclasses.field(
        metadata={"label": label, "unit": unit, "help": help, "nullable": nullable,
                  "places": places, "row": row}
    )


def outputs_of(result_type: type) -> tuple[Output, ...]:
    """The output spec of a result dataclass, read from its fields' metadata."""
    outputs = []
    for f in dataclasses.fields(result_type):
        meta = f.metadata
        row = meta["row"]
        outputs.append(
            Output(
                key=f.name,
                label=meta["label"],
                unit=meta["unit"],
                help=meta["help"],
                nullable=meta["nullable"],
                places=meta["places"],
                columns=outputs_of(row) if row is not None else (),
            )
        )
    return tuple(outputs)


def _render_value(value: Any, places: int | None) -> Any:
    if isinstance(value, Decimal):
        if places is not None:
            value = quantize(value, places)
        return float(value) + 0.0  # + 0.0 turns -0.0 into 0.0
    if isinstance(value, list):
        return [render(row) for row in value]
    return value  # None, bool, int, str


def render(result: Any) -> dict[str, Any]:
    """A result dataclass as plain JSON values, money rounded to cents."""
    return {
        f.name: _render_value(getattr(result, f.name), f.metadata["places"])
        for f in dataclasses.fields(result)
    }


# --- calculators -------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Calculator:
    """A calculator as the catalog lists it and :func:`calculators.api.run` runs it."""

    name: str
    title: str
    summary: str
    inputs: tuple[Field, ...]
    result: type
    function: Callable[..., Any]
    example: dict[str, Any]
    notes: tuple[str, ...] = ()
    check: Callable[[dict[str, Any]], None] | None = None

    @property
    def outputs(self) -> tuple[Output, ...]:
        return outputs_of(self.result)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "summary": self.summary,
            "notes": list(self.notes),
            "inputs": [f.to_json() for f in self.inputs],
            "outputs": [o.to_json() for o in self.outputs],
            "example": copy.deepcopy(self.example),
        }

    def run(self, inputs: Any) -> dict[str, Any]:
        values = validate(self.inputs, inputs)
        if self.check is not None:
            self.check(values)
        return render(self.function(**values))
