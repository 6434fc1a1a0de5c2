"""Markers: HTML comments in a page that the build replaces with generated parts.

A marker reads ``<!-- kind: name -->``, for example ``<!-- checklist: first-month -->``.
Some kinds also take inputs as a JSON object after the name, for example
``<!-- example: pto_value {"salary": 78000, "pto_days": 15} -->``. An unknown kind or
name, or inputs a kind does not take or cannot use, stop the build with the page and
line, so a typo never ships as a silently empty section. Comments without ``kind:``
(or with text after the name that is not a JSON object) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

# kind: name, then optionally inputs: everything from a "{" to the comment's end.
MARKER = re.compile(r"<!--\s*([a-z][a-z-]*):\s*([\w.-]*)\s*(\{.*?)?\s*-->", re.DOTALL)


class MarkerError(ValueError):
    """A marker names a kind or an item that does not exist, or has inputs it cannot use."""


@dataclass(frozen=True, slots=True)
class Renderer:
    """What one kind of marker may name, and how it renders a name.

    With ``takes_inputs``, ``render`` is called with the name and the text after it
    (the JSON inputs, ``""`` when there are none); it raises ``MarkerError`` for inputs
    it cannot use, and the message is placed at the marker's page and line.
    """

    names: Collection[str]
    render: Callable[..., str]
    takes_inputs: bool = False


def expand(markdown: str, renderers: Mapping[str, Renderer], page: str) -> str:
    """Replace every marker in ``markdown``; ``page`` names the file in errors."""

    def replace(match: re.Match[str]) -> str:
        kind, name, inputs = match.group(1), match.group(2), match.group(3) or ""
        line = markdown.count("\n", 0, match.start()) + 1
        renderer = renderers.get(kind)
        if renderer is None:
            known = ", ".join(sorted(renderers))
            raise MarkerError(f"{page}:{line}: unknown marker '{kind}' (known: {known})")
        if name not in renderer.names:
            valid = sorted(renderer.names)
            shown = ", ".join(valid) if len(valid) <= 40 else f"{len(valid)} defined"
            raise MarkerError(f"{page}:{line}: {kind} marker: unknown name '{name}' "
                              f"(valid: {shown})")
        if not renderer.takes_inputs:
            if inputs:
                raise MarkerError(f"{page}:{line}: {kind} marker '{name}' takes no inputs, "
                                  f"but has {inputs[:40]!r}")
            return renderer.render(name)
        try:
            return renderer.render(name, inputs)
        except MarkerError as error:
            raise MarkerError(f"{page}:{line}: {kind} marker '{name}': {error}") from None

    return MARKER.sub(replace, markdown)
