"""The engine's one domain error.

Every problem with a calculator's inputs is reported as a :class:`CalculatorError`
that names the offending field with a dotted path (``salary``, ``vesting.years``,
``offers[1].base_salary``) and says what is allowed there.

>>> err = CalculatorError("offers[1].base_salary", "must be at least 1")
>>> isinstance(err, ValueError)
True
>>> err.to_json()
{'error': {'field': 'offers[1].base_salary', 'message': 'must be at least 1'}}
"""

from __future__ import annotations

__all__ = ["CalculatorError"]


class CalculatorError(ValueError):
    """Bad input for a calculator: ``field`` is the dotted path, ``message`` the rule."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def to_json(self) -> dict[str, dict[str, str]]:
        """The error as the JSON object the command line and the browser show."""
        return {"error": {"field": self.field, "message": self.message}}
