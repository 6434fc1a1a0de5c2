"""Command line: ``python -m calculators``.

Usage::

    python -m calculators list                      # one line per calculator
    python -m calculators catalog                   # every spec, as JSON
    python -m calculators NAME --json '{...}'       # run NAME on the JSON inputs
    python -m calculators NAME --file offer.json    # ... or on a file's
    python -m calculators NAME --example            # ... or on its catalog example

The result is printed as indented JSON. Any error prints
``{"error": {"field": ..., "message": ...}}`` to stderr and exits with status 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from .api import CALCULATORS, calculator, catalog, run
from .errors import CalculatorError

USAGE = (
    "usage: python -m calculators list | catalog | "
    "NAME (--json JSON | --file PATH | --example)"
)


def _inputs(name: str, args: Sequence[str]) -> Any:
    if len(args) == 1 and args[0] == "--example":
        return calculator(name).example
    if len(args) != 2 or args[0] not in ("--json", "--file"):
        raise CalculatorError("command", USAGE)
    option, value = args
    if option == "--file":
        try:
            with open(value, encoding="utf-8") as handle:
                value = handle.read()
        except OSError as exc:
            raise CalculatorError("file", f"cannot read {value}: {exc.strerror}") from None
    try:
        return json.loads(value)
    except ValueError as exc:
        raise CalculatorError("inputs", f"not valid JSON: {exc}") from None


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        if not args:
            raise CalculatorError("command", USAGE)
        if args == ["list"]:
            width = max(len(name) for name in CALCULATORS)
            for calc in CALCULATORS.values():
                print(f"{calc.name:<{width}}  {calc.title}", file=stdout)
            return 0
        if args == ["catalog"]:
            print(json.dumps(catalog(), indent=2), file=stdout)
            return 0
        name = args[0]
        calculator(name)
        result = run(name, _inputs(name, args[1:]))
    except CalculatorError as error:
        print(json.dumps(error.to_json()), file=stderr)
        return 2
    print(json.dumps(result, indent=2), file=stdout)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
