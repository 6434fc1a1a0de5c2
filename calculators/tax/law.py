"""The law for a tax year, read from its data file ``years/YYYY.toml``.

Each year's file holds every parameter the engine uses, with its source beside it;
numbers are read as exact decimals. A year without a file is a
:class:`~calculators.errors.CalculatorError` naming ``year``.

>>> law(2026)["payroll"]["social_security_wage_base"]
184500
>>> law(2026)["payroll"]["medicare_pct"]
Decimal('1.45')
>>> law(1999)
Traceback (most recent call last):
...
calculators.errors.CalculatorError: year: no tax law for 1999; the engine has 2026
"""

from __future__ import annotations

import functools
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import CalculatorError

__all__ = ["FILING_STATUSES", "YEARS", "law", "years"]

YEARS = Path(__file__).with_name("years")
FILING_STATUSES = ("single", "married_joint", "head_of_household")


def years() -> tuple[int, ...]:
    """The tax years the engine has a data file for."""
    return tuple(sorted(int(path.stem) for path in YEARS.glob("*.toml")))


@functools.cache
def law(year: int) -> dict[str, Any]:
    """Every parameter of tax year ``year``, as nested dicts and exact decimals."""
    if year not in years():
        raise CalculatorError(
            "year", f"no tax law for {year}; the engine has "
            + ", ".join(str(y) for y in years()))
    text = (YEARS / f"{year}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text, parse_float=Decimal)
