"""Builders for input fields that recur across calculators.

Each builder returns a :class:`~calculators.spec.Field` with the project's usual bounds,
so that, say, every amount of money accepts 0 to a billion dollars in cents.

>>> usd("bonus", "Sign-on bonus", "Paid once.").describe()
'an amount in dollars from 0 to 1000000000'
"""

from __future__ import annotations

from typing import Any

from .spec import REQUIRED, Choice, Field

__all__ = ["MONEY_MAX", "usd", "percent", "number", "integer", "boolean", "choice", "text",
           "list_of", "obj"]

MONEY_MAX = 1_000_000_000


def usd(name: str, label: str, help: str, *, default: Any = REQUIRED, nullable: bool = False,
        max: int = MONEY_MAX, figure: str | None = None, **extra: Any) -> Field:
    """An amount in dollars, 0 to ``max``, in cents."""
    return Field(name=name, label=label, kind="number", unit="usd", help=help, default=default,
                 nullable=nullable, min=0, max=max, step=0.01, figure=figure, **extra)


def percent(name: str, label: str, help: str, *, default: Any = REQUIRED, min: float = 0,
            max: float = 100, nullable: bool = False, figure: str | None = None,
            **extra: Any) -> Field:
    """A percent (20 means 20%), ``min`` to ``max``."""
    return Field(name=name, label=label, kind="number", unit="pct", help=help, default=default,
                 nullable=nullable, min=min, max=max, step=0.01, figure=figure, **extra)


def number(name: str, label: str, unit: str, help: str, *, min: float, max: float,
           default: Any = REQUIRED, step: float = 0.5, nullable: bool = False,
           **extra: Any) -> Field:
    """Any other quantity (days, hours) that may have a fraction."""
    return Field(name=name, label=label, kind="number", unit=unit, help=help, default=default,
                 nullable=nullable, min=min, max=max, step=step, **extra)


def integer(name: str, label: str, unit: str, help: str, *, min: int, max: int,
            default: Any = REQUIRED, nullable: bool = False, **extra: Any) -> Field:
    """A whole number (months, years, pay periods)."""
    return Field(name=name, label=label, kind="integer", unit=unit, help=help, default=default,
                 nullable=nullable, min=min, max=max, step=1, **extra)


def boolean(name: str, label: str, help: str, *, default: Any = REQUIRED) -> Field:
    return Field(name=name, label=label, kind="boolean", unit="bool", help=help, default=default)


def choice(name: str, label: str, help: str, choices: tuple[tuple[str, str], ...], *,
           default: Any = REQUIRED) -> Field:
    return Field(name=name, label=label, kind="choice", unit="choice", help=help, default=default,
                 choices=tuple(Choice(value=v, label=lbl) for v, lbl in choices))


def text(name: str, label: str, help: str, *, default: Any = REQUIRED, nullable: bool = False,
         max_length: int = 60) -> Field:
    return Field(name=name, label=label, kind="text", unit="text", help=help, default=default,
                 nullable=nullable, max_length=max_length)


def list_of(name: str, label: str, help: str, *, fields: tuple[Field, ...] = (),
            item: Field | None = None, min_items: int, max_items: int,
            default: Any = REQUIRED, **extra: Any) -> Field:
    """A list of objects (``fields``) or of plain values (``item``)."""
    return Field(name=name, label=label, kind="list", unit="list", help=help, default=default,
                 fields=fields, item=item, min_items=min_items, max_items=max_items, **extra)


def obj(name: str, label: str, help: str, fields: tuple[Field, ...], *, default: Any = REQUIRED,
        **extra: Any) -> Field:
    return Field(name=name, label=label, kind="object", unit="object", help=help,
                 default=default, fields=fields, **extra)
