"""The valuation engine: pure functions that value the parts of a job offer.

Every calculator is reached through :func:`calculators.api.run` (JSON in, JSON out)
and described by :func:`calculators.api.catalog`; the command line is
``python -m calculators``. Standard library only: the same code runs at build time
under CPython and in the reader's browser under Pyodide.

=====================  ===================  ====================================================
name                   module               what it answers
=====================  ===================  ====================================================
``health_plan_cost``   :mod:`.health`       what a health plan costs you in a year
``retirement_match``   :mod:`.retirement`   the employer's 401(k) match, limits and vesting
``equity_vesting``     :mod:`.equity`       how much of a grant has vested
``pto_value``          :mod:`.pto`          what paid time off is worth
``pretax_savings``     :mod:`.pretax`       what a pre-tax benefit (FSA, HSA, commuter) saves
``salary_growth``      :mod:`.growth`       what a starting-salary difference is worth
``signon_clawback``    :mod:`.signon`       what you repay of a sign-on bonus if you leave
``package_value``      :mod:`.package`      one offer, every part valued
``offer_comparison``   :mod:`.comparison`   two to five offers side by side, year by year
``benefit_tradeoff``   :mod:`.tradeoff`     the salary-equivalent of each "Plan B" ask
=====================  ===================  ====================================================

Shared conventions (each module's docstring gives its own):

* ``_pct`` inputs are percents, 0-100; money is in dollars; ``_months``, ``_days`` and
  ``_years`` are counts. A day's pay is the salary over 260 working days.
* Money is exact: ``Decimal(str(x))`` at the boundary (:mod:`.money`), exact arithmetic
  inside, rounding to cents (half up) only where a figure is reported.
* Bad input raises :class:`~calculators.errors.CalculatorError` (a ``ValueError``) naming
  the field by its dotted path; validation is generic, driven by each calculator's spec
  (:mod:`.spec`).

>>> from calculators.api import run
>>> run("signon_clawback", {"bonus": 10000, "months_worked": 3, "method": "prorated"})["repay_amount"]
7500.0
"""

from .errors import CalculatorError

__all__ = ["CalculatorError"]
