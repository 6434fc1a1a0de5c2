"""How a sourced figure reads on the page: its value, its source and its date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from content_model import Figure

_SUFFIX = {
    "usd_per_hour": " an hour",
    "usd_per_month": " a month",
    "days": " days",
    "weeks": " weeks",
    "months": " months",
    "years": " years",
}


def _number(value: Decimal) -> str:
    """Thousands separators; decimals only where the figure has them."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.2f}" if abs(value.as_tuple().exponent) <= 2 else f"{value:,}"


def format_value(figure: Figure) -> str:
    """``29.8%``, ``$9,325``, ``$13.58 an hour``, ``20 days``."""
    if figure.unit == "pct":
        return f"{figure.value.normalize():f}%"
    if figure.unit.startswith("usd"):
        return f"${_number(figure.value)}{_SUFFIX.get(figure.unit, '')}"
    return f"{_number(figure.value)}{_SUFFIX.get(figure.unit, '')}"


def format_as_of(day: date) -> str:
    """The month a figure describes, as readers say it: ``June 2025``."""
    return day.strftime("%B %Y")
