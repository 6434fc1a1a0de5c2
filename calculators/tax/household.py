"""A household as the tax engine sees it: who earns what, and what comes out of pay first.

The reader is the first person; a spouse (married filing jointly) the second, with
wages and no pre-tax deductions of their own. ``pretax`` maps each kind of deduction
from pay (``traditional_401k``, ``hsa_payroll``, ... as the year's ``[pretax]`` table
names them) to dollars a year. :func:`check_limits` holds each amount to its legal
limit for the year.

>>> from decimal import Decimal as D
>>> home = Household(wages=D(90000), state="PA", pretax={"traditional_401k": D(5000),
...     "hsa_payroll": D(2000)})
>>> home.income_wages(law(2026)), home.payroll_wages(law(2026))
((Decimal('83000'),), (Decimal('88000'),))
>>> check_limits(law(2026), home.replace(pretax={"health_fsa": D(3401)}))
Traceback (most recent call last):
...
calculators.errors.CalculatorError: health_fsa: at most $3,400 a year in 2026 (the health FSA limit)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..errors import CalculatorError
from ..money import ZERO, format_usd
from .law import law

__all__ = ["Household", "check_limits", "deferral_limit"]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Household:
    """One tax return's people and pay, for one tax year."""

    wages: Decimal
    state: str | None  # None: no state or local tax is counted
    filing_status: str = "single"
    spouse_wages: Decimal = ZERO
    age: int = 35
    dependents: int = 0
    pretax: Mapping[str, Decimal] = dataclasses.field(default_factory=dict)
    hsa_coverage: str | None = None
    local: str | None = None
    local_rate_pct: Decimal = ZERO
    year: int = 2026

    def replace(self, **changes: Any) -> Household:
        return dataclasses.replace(self, **changes)

    @property
    def joint(self) -> bool:
        return self.filing_status == "married_joint"

    @property
    def people(self) -> int:
        """Adults on the return: 2 filing jointly, else 1."""
        return 2 if self.joint else 1

    @property
    def gross_wages(self) -> tuple[Decimal, ...]:
        """Each person's wages before anything comes out."""
        return (self.wages, self.spouse_wages) if self.joint else (self.wages,)

    def _less(self, excluded: Any) -> tuple[Decimal, ...]:
        own = self.wages - sum((amount for kind, amount in self.pretax.items()
                                if excluded(kind)), ZERO)
        return (own, self.spouse_wages) if self.joint else (own,)

    def income_wages(self, year_law: Mapping[str, Any]) -> tuple[Decimal, ...]:
        """Each person's wages for federal income tax (box 1 of a W-2)."""
        kinds = year_law["pretax"]
        return self._less(lambda kind: kinds[kind]["income_tax"])

    def payroll_wages(self, year_law: Mapping[str, Any]) -> tuple[Decimal, ...]:
        """Each person's wages for Social Security and Medicare (boxes 3 and 5)."""
        kinds = year_law["pretax"]
        return self._less(lambda kind: kinds[kind]["payroll"])

    def state_wages(self, year_law: Mapping[str, Any], taxed: tuple[str, ...]) -> tuple[Decimal, ...]:
        """Each person's wages for a state that taxes the pre-tax kinds in ``taxed``."""
        kinds = year_law["pretax"]
        return self._less(lambda kind: kinds[kind]["income_tax"] and kind not in taxed)

    @property
    def hsa_family(self) -> bool:
        """Family HSA coverage: as given, else whenever the plan covers more than you."""
        if self.hsa_coverage is not None:
            return self.hsa_coverage == "family"
        return self.joint or self.dependents > 0


def _too_much(field: str, limit: Decimal, year: int, what: str) -> CalculatorError:
    return CalculatorError(field, f"at most {format_usd(limit)} a year in {year} ({what})")


def deferral_limit(limits: Mapping[str, Any], age: int) -> Decimal:
    """Your elective deferral limit at ``age``, with the catch-up that age allows."""
    low, high = limits["catch_up_60_63_ages"]
    if low <= age <= high:
        catch_up = limits["catch_up_60_63"]
    elif age >= limits["catch_up_age"]:
        catch_up = limits["catch_up"]
    else:
        catch_up = 0
    return Decimal(limits["elective_deferral"] + catch_up)


def check_limits(year_law: Mapping[str, Any], home: Household) -> None:
    """Raise a :class:`CalculatorError` naming the first deduction over its legal limit."""
    limits, year, amounts = year_law["limits"], year_law["year"], home.pretax
    get = lambda kind: amounts.get(kind, ZERO)  # noqa: E731
    deferral = deferral_limit(limits, home.age)
    if get("traditional_401k") + get("roth_401k") > deferral:
        field = "roth_401k" if get("traditional_401k") <= deferral else "traditional_401k"
        raise _too_much(field, deferral, year,
                        f"traditional and Roth 401(k) together, at age {home.age}")
    hsa = limits["hsa_family" if home.hsa_family else "hsa_self_only"]
    if home.age >= limits["hsa_catch_up_age"]:
        hsa += limits["hsa_catch_up"]
    coverage = "family" if home.hsa_family else "self-only"
    checks = (
        ("hsa_payroll", hsa, f"the HSA limit for {coverage} coverage at age {home.age}"),
        ("health_fsa", limits["health_fsa"], "the health FSA limit"),
        ("dependent_care_fsa", limits["dependent_care_fsa"], "the dependent-care FSA limit"),
        ("commuter", 12 * (limits["transit_monthly"] + limits["parking_monthly"]),
         "transit and parking together"),
    )
    for field, limit, what in checks:
        if get(field) > limit:
            raise _too_much(field, Decimal(limit), year, what)
    if sum(amounts.values(), ZERO) > home.wages:
        largest = max(amounts, key=lambda kind: amounts[kind])
        raise CalculatorError(largest, "the deductions from pay together exceed your wages")
