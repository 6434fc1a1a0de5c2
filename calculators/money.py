"""Exact money arithmetic.

Conventions used by every calculator:

* Amounts enter the engine as ``Decimal(str(x))`` (integers exactly), so ``0.1`` is
  one tenth, not the nearest binary fraction.
* Arithmetic inside runs under :data:`CONTEXT`: 40 significant digits, so sums and
  products of realistic amounts are exact; only a division that does not terminate
  (a salary over 26 pay periods, say) is rounded, at the 40th digit.
* A figure is rounded to cents only when it is reported, half a cent rounding up
  (away from zero), by :func:`cents`.

>>> cents(Decimal("78000") / 260 * Decimal("2.5"))
Decimal('750.00')
>>> cents(Decimal("0.125")), cents(Decimal("-0.125"))
(Decimal('0.13'), Decimal('-0.13'))
>>> pct(Decimal("7.65"))
Decimal('0.0765')
"""

from __future__ import annotations

from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)

__all__ = ["CENT", "CONTEXT", "ZERO", "ONE", "HUNDRED", "Decimal", "cents", "pct", "quantize", "format_usd", "format_number"]

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

CONTEXT = Context(
    prec=40,
    rounding=ROUND_HALF_EVEN,
    Emin=-999999,
    Emax=999999,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)


def quantize(value: Decimal, places: int) -> Decimal:
    """Round ``value`` to ``places`` decimal places, half away from zero."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def cents(value: Decimal) -> Decimal:
    """Round an amount of dollars to cents, half a cent away from zero."""
    return quantize(value, 2)


def pct(value: Decimal) -> Decimal:
    """A percent (0-100) as a fraction (0-1)."""
    return value / HUNDRED


def format_usd(value: Decimal) -> str:
    """``$12,345`` or ``$12,345.67``: dollars for a sentence, cents only when there are any.

    >>> format_usd(Decimal("6000")), format_usd(Decimal("1923.076")), format_usd(Decimal("-5"))
    ('$6,000', '$1,923.08', '-$5')
    """
    rounded = cents(value)
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):,.2f}"
    if text.endswith(".00"):
        text = text[:-3]
    return f"{sign}${text}"


def format_number(value: Decimal) -> str:
    """A count for a sentence, without trailing zeros: ``5``, ``2.5``.

    >>> format_number(Decimal("5.00")), format_number(Decimal("2.50")), format_number(Decimal("1E+2"))
    ('5', '2.5', '100')
    """
    text = f"{value.normalize():f}"
    return text
