"""Load ``content/*.yaml`` into the typed model, or say exactly what is wrong.

Problems are collected, not raised one at a time, so an author sees all of them
at once, each like a compiler error::

    content/benefits.yaml:42: benefits[3].category: unknown category 'perk' (valid: must-have, growth)
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

from content_model import FILES, Content
from yaml_source import Located, PathKey, YamlSyntaxError, load

# ``<!-- figure: id -->`` in any text states a figure from figures.yaml.
FIGURE_MARKER = re.compile(r"<!--\s*figure:\s*([\w-]+)\s*-->")
# ``<!-- source: id -->`` in any text cites a source from sources.yaml for a statement.
SOURCE_MARKER = re.compile(r"<!--\s*source:\s*([\w-]+)\s*-->")
# ``{name}`` in a script's subject or body is a placeholder.
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ContentError(ValueError):
    """Content that cannot be built; ``problems`` are the compiler-style lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        count = len(problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in content/"
        super().__init__("\n".join([*problems, summary]))


def format_path(path: PathKey) -> str:
    """``("benefits", 3, "figures", 0)`` -> ``benefits[3].figures[0]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _Problems:
    """Collects problems for one file, each placed at its line."""

    def __init__(self, located: Located, sink: list[str]) -> None:
        self.located, self.sink = located, sink

    def add(self, path: PathKey, message: str) -> None:
        line = self.located.line_of(path)
        where = f"{format_path(path)}: " if path else ""
        self.sink.append(f"{self.located.file}:{line}: {where}{message}")


_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", Decimal: "a number",
               date: "a date (YYYY-MM-DD)"}


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _convert(tp: object, value: object, path: PathKey, problems: _Problems) -> object:
    """Convert YAML ``value`` to type ``tp``; report and return None on failure."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if value is None else _convert(options[0], value, path, problems)
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        if value not in allowed:
            problems.add(path, f"{value!r} is not one of: {', '.join(map(str, allowed))}")
            return None
        return value
    if origin is tuple:
        (item_type, _) = typing.get_args(tp)
        if not isinstance(value, list):
            problems.add(path, f"expected a list, got {_describe(value)}")
            return ()
        return tuple(_convert(item_type, v, (*path, i), problems) for i, v in enumerate(value))
    if dataclasses.is_dataclass(tp):
        return _build(tp, value, path, problems)
    return _scalar(tp, value, path, problems)


def _scalar(tp: object, value: object, path: PathKey, problems: _Problems) -> object:
    if tp is Decimal and isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    if tp is date and isinstance(value, date):
        return value
    if tp is str and isinstance(value, str):
        if not value.strip():
            problems.add(path, "must not be empty")
        return value.strip()
    if tp is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    problems.add(path, f"expected {_TYPE_NAMES[tp]}, got {_describe(value)}")
    return None


@functools.cache
def _fields(cls: type) -> tuple[dict[str, dataclasses.Field], dict[str, object]]:
    """A dataclass's fields by name and their types (worked out once: it is slow)."""
    return {f.name: f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


def _build(cls: type, value: object, path: PathKey, problems: _Problems) -> object:
    """Build dataclass ``cls`` from a YAML mapping, reporting every bad field."""
    if not isinstance(value, dict):
        problems.add(path, f"expected a mapping with fields, got {_describe(value)}")
        return None
    fields, hints = _fields(cls)
    for key in value:
        if key not in fields:
            problems.add((*path, str(key)),
                         f"unknown field (expected one of: {', '.join(fields)})")
    kwargs = {}
    for name, spec in fields.items():
        if name in value:
            kwargs[name] = _convert(hints[name], value[name], (*path, name), problems)
        elif spec.default is dataclasses.MISSING:
            why = spec.metadata.get("why", "required")
            problems.add((*path, name), f"missing ({why})")
            kwargs[name] = None
    return cls(**kwargs)


def _items(located: Located, key: str, item_type: type, problems: _Problems) -> tuple | None:
    """The file's list of items; ``None`` when the file does not hold one at all."""
    data = located.data
    if not isinstance(data, dict) or key not in data:
        problems.add((), f"expected a top-level '{key}:' list")
        return None
    extra = [k for k in data if k != key]
    for name in extra:
        problems.add((name,), f"unknown top-level key (this file holds only '{key}')")
    return _convert(tuple[item_type, ...], data[key], (key,), problems)


def _strings(data: object, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every string in parsed YAML, with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def _check_unique(items: Iterable, key: str, list_name: str, problems: _Problems) -> set[str]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = getattr(item, key, None)
        if value is None:
            continue
        if not SLUG.match(value):
            problems.add((list_name, index, key),
                         f"'{value}' is not a slug (lowercase words and digits joined by '-')")
        if value in seen:
            first = problems.located.line_of((list_name, seen[value]))
            problems.add((list_name, index, key),
                         f"duplicate {key} '{value}' (first defined at line {first})")
        else:
            seen[value] = index
    return set(seen)


def _check_ref(value: str | None, valid: set[str] | None, what: str, path: PathKey,
               problems: _Problems, where: str | None = None) -> None:
    """Report ``value`` unless it is one of ``valid`` (``None``: nothing to check against).

    The message lists the valid values, or says ``where`` they are defined.
    """
    if value is None or valid is None or value in valid:
        return
    hint = where or f"valid: {', '.join(sorted(valid))}"
    problems.add(path, f"unknown {what} '{value}' ({hint})")


def _cross_check(content: Content, located: dict[str, Located], sink: list[str],
                 calculators: set[str] | None, pages: set[str] | None,
                 broken: set[str]) -> None:
    """Check references between files; a file that did not load is not checked against."""
    p = {name: _Problems(loc, sink) for name, loc in located.items()}

    def unique(key: str, attribute: str) -> set[str] | None:
        ids = _check_unique(getattr(content, key), attribute, key, p[key])
        return None if key in broken else ids

    for key in ("benefits", "scripts", "checklists"):
        for i, item in enumerate(getattr(content, key)):
            _check_ref(item.step, pages, "page", (key, i, "step"), p[key],
                       where="no such file under docs/")
    source_ids = unique("sources", "id")
    figure_ids = unique("figures", "id")
    category_slugs = unique("categories", "slug")
    benefit_slugs = unique("benefits", "slug")
    unique("scripts", "slug")
    unique("checklists", "slug")
    in_figures = f"not in {located['figures'].file}"
    in_benefits = f"not in {located['benefits'].file}"

    for i, source in enumerate(content.sources):
        every = source.cadence.every_months if source.cadence else None
        if every is not None and every < 1:
            p["sources"].add(("sources", i, "cadence", "every_months"),
                             f"must be at least 1, got {every} (leave it out for a source "
                             f"with no releases to wait for)")
    for i, figure in enumerate(content.figures):
        _check_ref(figure.source, source_ids, "source", ("figures", i, "source"), p["figures"])
    for i, benefit in enumerate(content.benefits):
        _check_ref(benefit.category, category_slugs, "category", ("benefits", i, "category"),
                   p["benefits"])
        for j, figure_id in enumerate(benefit.figures):
            _check_ref(figure_id, figure_ids, "figure", ("benefits", i, "figures", j),
                       p["benefits"], where=in_figures)
        _check_ref(benefit.calculator, calculators, "calculator",
                   ("benefits", i, "calculator"), p["benefits"])
    for i, alternative in enumerate(content.alternatives):
        path = ("alternatives", i)
        _check_ref(alternative.if_not, benefit_slugs, "benefit", (*path, "if_not"),
                   p["alternatives"], where=in_benefits)
        for j, slug in enumerate(alternative.ask_for):
            _check_ref(slug, benefit_slugs, "benefit", (*path, "ask_for", j),
                       p["alternatives"], where=in_benefits)
        _check_ref(alternative.calculator, calculators, "calculator", (*path, "calculator"),
                   p["alternatives"])
    for i, script in enumerate(content.scripts):
        _check_placeholders(script, ("scripts", i), p["scripts"], calculators)
    in_sources = f"not in {located['sources'].file}"
    for name, loc in located.items():
        for path, text in _strings(loc.data):
            for figure_id in FIGURE_MARKER.findall(text):
                _check_ref(figure_id, figure_ids, "figure", path, p[name], where=in_figures)
            for source_id in SOURCE_MARKER.findall(text):
                _check_ref(source_id, source_ids, "source", path, p[name], where=in_sources)


def _check_placeholders(script, path: PathKey, problems: _Problems,
                        calculators: set[str] | None) -> None:
    defined = [ph.name for ph in script.placeholders if ph is not None]
    used = set(PLACEHOLDER.findall(f"{script.subject or ''}\n{script.body or ''}"))
    for name in sorted(used - set(defined)):
        field = "body" if f"{{{name}}}" in (script.body or "") else "subject"
        problems.add((*path, field), f"placeholder {{{name}}} is not defined "
                                     f"(defined: {', '.join(defined) or 'none'})")
    for j, ph in enumerate(script.placeholders):
        if ph is None:
            continue
        if ph.name not in used:
            problems.add((*path, "placeholders", j, "name"),
                         f"placeholder '{ph.name}' is never used in the subject or body")
        if ph.from_calculator is not None:
            calc = ph.from_calculator.split(".", 1)[0]
            _check_ref(calc, calculators, "calculator",
                       (*path, "placeholders", j, "from_calculator"), problems)
    if script.channel == "email" and not script.subject:
        problems.add((*path, "subject"), "missing (an email needs a subject)")


def load_content(content_dir: Path, calculators: set[str] | None,
                 pages: set[str] | None = None, display_root: Path | None = None) -> Content:
    """Load and check every content file; raise ``ContentError`` listing all problems.

    ``calculators`` are the names a benefit or script may point at (``None``
    skips that check); ``pages`` are the docs paths a ``step`` may link to;
    ``display_root`` makes file names in messages relative (``content/x.yaml``).
    """
    root = display_root or content_dir.parent
    sink: list[str] = []
    located: dict[str, Located] = {}
    values: dict[str, tuple] = {}
    broken: set[str] = set()
    for key, (filename, item_type) in FILES.items():
        path = content_dir / filename
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        located[key] = Located(file=shown, data=None, lines={})
        values[key] = ()
        if not path.exists():
            sink.append(f"{shown}:1: missing file (it must hold a top-level '{key}:' list)")
            broken.add(key)
            continue
        try:
            located[key] = load(path, shown)
        except YamlSyntaxError as error:
            sink.append(str(error))
            broken.add(key)
            continue
        items = _items(located[key], key, item_type, _Problems(located[key], sink))
        if items is None:
            broken.add(key)
        values[key] = items or ()
    content = Content(**{key: tuple(v for v in items if v is not None)
                         for key, items in values.items()})
    _cross_check(content, located, sink, calculators, pages, broken)
    if sink:
        raise ContentError(sink)
    return content


if __name__ == "__main__":  # pragma: no cover - an author's quick check
    import sys

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "content")
    try:
        from calculators.api import catalog
        names = {spec["name"] for spec in catalog()}
    except ImportError:
        names = None
    try:
        loaded = load_content(folder, names)
    except ContentError as error:
        sys.exit(str(error))
    print(", ".join(f"{len(getattr(loaded, key))} {key}" for key in FILES))
