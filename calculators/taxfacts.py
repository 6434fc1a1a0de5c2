"""The reader's tax facts: the inputs every after-tax calculator shares.

``filing_status``, ``state``, ``spouse_wages``, ``age``, ``dependents``, ``local``,
``local_rate_pct`` and ``year`` are declared once here; a calculator lists
:data:`TAX_FACTS` (or :func:`tax_facts` with the state optional) among its inputs and
turns the validated values into a :class:`~calculators.tax.Household` with
:func:`household`. The browser asks for them once and shares them across pages.

>>> from decimal import Decimal as D
>>> home = household({"filing_status": "single", "state": "CA", "spouse_wages": D(0),
...     "age": 35, "dependents": 0, "local": None, "local_rate_pct": D(0), "year": 2026},
...     wages=D(100000))
>>> home.state, home.joint
('CA', False)
>>> household({"filing_status": "single", "state": "CA", "spouse_wages": D(1), "age": 35,
...     "dependents": 0, "local": None, "local_rate_pct": D(0), "year": 2026}, wages=D(1))
Traceback (most recent call last):
...
calculators.errors.CalculatorError: spouse_wages: only on a joint return: set filing_status to married_joint, or leave this at 0
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .errors import CalculatorError
from .fields import choice, integer, percent, usd
from .spec import REQUIRED, Choice, Field
from .money import HUNDRED
from .tax import Household, law, marginal_rates

__all__ = ["DEFAULT_YEAR", "FACT_NAMES", "RATE_NAMES", "TAX_FACTS", "household",
           "marginal_pct", "rate_overrides", "tax_facts"]

DEFAULT_YEAR = 2026
_LAW = law(DEFAULT_YEAR)
STATES = tuple(sorted(((code, place["name"]) for code, place in _LAW["states"].items()),
                      key=lambda pair: pair[1]))
LOCALS = tuple((code, place["name"]) for code, place in _LAW.get("locals", {}).items())


def tax_facts(*, state_required: bool = True) -> tuple[Field, ...]:
    """The shared tax inputs; ``state`` may be left out where rates are given instead."""
    state = Field(
        name="state", label="State", kind="choice", unit="choice",
        help="Where you live and work (the District of Columbia included)"
             + ("." if state_required else "; left empty, no state tax is counted."),
        default=REQUIRED if state_required else None, nullable=not state_required,
        choices=tuple(Choice(value=code, label=name) for code, name in STATES))
    return (
        choice("filing_status", "Filing status", "How you file your tax return.",
               (("single", "Single"), ("married_joint", "Married filing jointly"),
                ("head_of_household", "Head of household")), default="single"),
        state,
        usd("spouse_wages", "Spouse's wages",
            "Your spouse's wages a year, on a joint return.", default=0),
        integer("age", "Your age", "years",
                "At the end of the tax year: catch-up limits start at 50 (and 55 for an HSA).",
                min=14, max=120, default=35),
        integer("dependents", "Children under 17", "count",
                "Children you claim on your return (the child tax credit).",
                min=0, max=12, default=0),
        Field(name="local", label="City tax", kind="choice", unit="choice",
              help="A city income tax the engine knows, where you live.", default=None,
              nullable=True, choices=tuple(Choice(value=c, label=n) for c, n in LOCALS)),
        percent("local_rate_pct", "Other local income tax",
                "A county or city income tax rate where you live or work "
                "(Maryland and Indiana counties, Ohio and Pennsylvania towns).",
                max=10, default=0),
        integer("year", "Tax year", "years", "The tax year whose law applies.",
                min=2000, max=2100, default=DEFAULT_YEAR),
    )


TAX_FACTS = tax_facts()

FACT_NAMES = tuple(field.name for field in TAX_FACTS)


def household(values: Mapping[str, Any], *, wages: Decimal,
              pretax: Mapping[str, Decimal] | None = None,
              hsa_coverage: str | None = None) -> Household:
    """The household the tax engine taxes, from a calculator's validated tax facts."""
    joint = values["filing_status"] == "married_joint"
    if values["spouse_wages"] and not joint:
        raise CalculatorError("spouse_wages", "only on a joint return: set filing_status to "
                              "married_joint, or leave this at 0")
    law(values["year"])  # an error naming the year, before anything else
    return Household(
        wages=wages, state=values["state"], filing_status=values["filing_status"],
        spouse_wages=values["spouse_wages"], age=values["age"],
        dependents=values["dependents"], pretax=dict(pretax or {}),
        hsa_coverage=hsa_coverage, local=values["local"],
        local_rate_pct=values["local_rate_pct"], year=values["year"])


def rate_overrides(*, federal: str = "Your marginal federal income tax rate (the rate on "
                   "your last dollar); empty to work it out from your salary and state.",
                   ) -> tuple[Field, ...]:
    """The old rate inputs, now optional: each overrides the engine's rate for one tax."""
    return (
        percent("federal_rate_pct", "Federal tax rate", federal, max=50, default=None,
                nullable=True),
        percent("state_rate_pct", "State tax rate",
                "Your marginal state and local income tax rate; empty to work it out.",
                max=20, default=None, nullable=True),
        percent("fica_rate_pct", "Social Security and Medicare rate",
                "7.65 below the Social Security wage base, 1.45 above it (2.35 above "
                "$200,000); empty to work it out.", max=20, default=None, nullable=True),
    )


RATE_NAMES = ("federal_rate_pct", "state_rate_pct", "fica_rate_pct")


def marginal_pct(values: Mapping[str, Any], *, wages: Decimal,
                 pretax: Mapping[str, Decimal] | None = None) -> tuple[Decimal, Decimal, Decimal]:
    """The reader's marginal rates in percent: federal income, state and local, payroll.

    Each rate the reader typed (``federal_rate_pct``, ``state_rate_pct``,
    ``fica_rate_pct``) is used as given; the others come from the tax engine for their
    wages and tax facts (with no state chosen, no state or local tax is counted).
    """
    given = [values.get(name) for name in RATE_NAMES]
    if all(rate is not None for rate in given):
        return given[0], given[1], given[2]
    rates = marginal_rates(household(values, wages=wages, pretax=pretax))
    worked = ((rates.federal_income_tax,
               rates.state_income_tax + rates.local_income_tax + rates.state_payroll_tax,
               rates.social_security_tax + rates.medicare_tax))
    federal, state, fica = (rate if rate is not None else share * HUNDRED
                            for rate, share in zip(given, worked))
    return federal, state, fica
