"""The engine's one entry point: JSON in, JSON out.

:func:`run` validates a reader's inputs against the calculator's spec, computes with
exact decimals, and returns plain JSON values (money rounded to cents as floats,
fractions and percents unrounded, counts as integers, tables as lists of objects).
:func:`catalog` lists every calculator's spec; the website's forms, the validation
and the pre-rendered examples all come from it.

>>> run("pto_value", {"salary": 78000, "pto_days": 15})["pto_value"]
4500.0
>>> run("pto_value", {"salary": "78000", "pto_days": 15})
Traceback (most recent call last):
...
calculators.errors.CalculatorError: salary: expected an amount in dollars from 0 to 1000000000, got text
>>> [spec["name"] for spec in catalog()][:3]
['health_plan_cost', 'retirement_match', 'equity_vesting']
"""

from __future__ import annotations

from decimal import localcontext
from typing import Any

from . import (
    comparison,
    counter,
    equity,
    espp,
    growth,
    health,
    health_choice,
    options,
    package,
    pretax,
    pto,
    retirement,
    rsu,
    signon,
    take_home,
    tradeoff,
)
from .errors import CalculatorError
from .money import CONTEXT
from .spec import Calculator

__all__ = ["CALCULATORS", "CalculatorError", "calculator", "catalog", "run"]

CALCULATORS: dict[str, Calculator] = {
    module.CALCULATOR.name: module.CALCULATOR
    for module in (health, retirement, equity, pto, pretax, growth, signon, package,
                   comparison, tradeoff, take_home,
                   espp, options, rsu, health_choice, counter)
}


def calculator(name: Any) -> Calculator:
    """The calculator called ``name``; a :class:`CalculatorError` (field ``name``) if none."""
    if not isinstance(name, str) or name not in CALCULATORS:
        raise CalculatorError(
            "name", f"unknown calculator {name!r}; available: " + ", ".join(CALCULATORS))
    return CALCULATORS[name]


def run(name: str, inputs: Any) -> dict[str, Any]:
    """Run calculator ``name`` on ``inputs`` (a dict of JSON values); return JSON values.

    Raises :class:`CalculatorError` (a ``ValueError``) naming the field for any bad input.
    """
    calc = calculator(name)
    with localcontext(CONTEXT):
        return calc.run(inputs)


def catalog() -> list[dict[str, Any]]:
    """Every calculator's spec: name, title, summary, notes, inputs, outputs, example."""
    return [calc.to_json() for calc in CALCULATORS.values()]
