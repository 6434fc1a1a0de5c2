"""Markers: HTML comments in a page that the build replaces with generated parts.

A marker reads ``<!-- kind: name -->``, for example ``<!-- checklist: first-month -->``.
An unknown kind or name stops the build with the page and line, so a typo never
ships as a silently empty section. Comments without ``kind:`` are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

MARKER = re.compile(r"<!--\s*([a-z][a-z-]*):\s*([\w-]*)\s*-->")


class MarkerError(ValueError):
    """A marker names a kind or an item that does not exist."""


@dataclass(frozen=True, slots=True)
class Renderer:
    """What one kind of marker may name, and how it renders a name."""

    names: Collection[str]
    render: Callable[[str], str]


def expand(markdown: str, renderers: Mapping[str, Renderer], page: str) -> str:
    """Replace every marker in ``markdown``; ``page`` names the file in errors."""

    def replace(match: re.Match[str]) -> str:
        kind, name = match.group(1), match.group(2)
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
        return renderer.render(name)

    return MARKER.sub(replace, markdown)
