"""Worked examples computed by the calculators themselves, while the site builds.

Two markers, for any page (in practice the steps' worked examples):

``<!-- example: NAME {JSON inputs} -->``
    runs ``calculators.api.run(NAME, inputs)`` and renders a table of the inputs and a
    table of the results, in the markup and style of the calculators' own result tables
    (``calculators.report``), with a link that opens the calculator's page with those
    inputs filled in. ``<!-- example: NAME {JSON inputs} | KEY KEY ... -->`` shows only
    the named results, in that order; ``KEY[COLUMN,COLUMN]`` shows only those columns
    of a table.

``<!-- result: NAME.KEY {JSON inputs} -->``
    states one result of such a run in running text, formatted as the calculator's
    own result table formats it.

A number a worked example states is then the engine's, so a change to a calculator
can never leave the guide contradicting it. An unknown calculator or result, inputs
that are not a JSON object, or inputs the calculator refuses stop the build with the
page, the line and the calculator's own message.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from html import escape
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

from calculators.api import catalog, run
from calculators.errors import CalculatorError
from calculators.report import format_value

from markers import MarkerError, Renderer

# Units the result tables write as a bare number, and the word they take in a sentence.
UNIT_WORDS = {"days": "days", "months": "months", "years": "years", "hours": "hours"}


@functools.cache
def _specs() -> dict[str, dict]:
    return {spec["name"]: spec for spec in catalog()}


def new_build() -> None:
    """Forget the catalog and earlier runs (the calculators may have been edited)."""
    _specs.cache_clear()
    _run.cache_clear()


def parse(text: str) -> tuple[dict[str, Any], list[str] | None]:
    """The inputs (a JSON object) and the results to show (``| KEY ...``; None: all)."""
    text = text.strip()
    if not text:
        raise MarkerError('needs its inputs as a JSON object after the name, '
                          'for example {"salary": 78000}')
    try:
        inputs, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as error:
        raise MarkerError(f"the inputs are not valid JSON: {error.msg} at character "
                          f"{error.pos + 1} of {text[:60]!r}") from None
    if not isinstance(inputs, dict):
        raise MarkerError(f"the inputs must be a JSON object, got {text[:40]!r}")
    rest = text[end:].strip()
    if not rest:
        return inputs, None
    if not rest.startswith("|"):
        raise MarkerError(f"unexpected text after the inputs: {rest[:40]!r} "
                          f"(to choose results, write | KEY KEY ...)")
    keys = re.findall(r"[^\s,\[]+(?:\[[^\]]*\])?", rest[1:])
    if not keys:
        raise MarkerError("names no results after '|'")
    return inputs, keys


def _split(key: str) -> tuple[str, list[str] | None]:
    """``asks[label,salary_equivalent]`` -> ``("asks", ["label", "salary_equivalent"])``."""
    name, _, columns = key.partition("[")
    return name, [c for c in re.split(r"[\s,]+", columns.rstrip("]")) if c] if columns else None


@functools.lru_cache(maxsize=256)
def _run(name: str, inputs_json: str) -> str:
    return json.dumps(run(name, json.loads(inputs_json)))


def compute(name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """The calculator's result; its refusal of an input becomes a ``MarkerError``."""
    try:
        return json.loads(_run(name, json.dumps(inputs, sort_keys=True)))
    except CalculatorError as error:
        raise MarkerError(f"the calculator refused the inputs: {error}") from None


def with_unit(value: Any, unit: str) -> str:
    """A value as the result tables show it, with its unit in words where it has one."""
    text = format_value(value, unit)
    if value is None or unit not in UNIT_WORDS or isinstance(value, bool):
        return text
    return f"{text} {UNIT_WORDS[unit] if value != 1 else UNIT_WORDS[unit][:-1]}"


def input_text(field: dict, value: Any) -> str:
    """One input as a reader reads it: ``$78,000.00``, ``6%``, ``Graded``, a list's items."""
    kind = field["kind"]
    if value is None:
        return "—"
    if kind == "choice":
        labels = {choice["value"]: choice["label"] for choice in field["choices"] or ()}
        return labels.get(value, str(value))
    if kind == "list" and field["fields"] and isinstance(value, list):
        return "; ".join(_fields_text(field["fields"], item) for item in value
                         if isinstance(item, dict))
    if kind == "object" and field["fields"] and isinstance(value, dict):
        return _fields_text(field["fields"], value)
    if kind in ("list", "object"):
        return json.dumps(value)
    return with_unit(value, field["unit"])


def _fields_text(fields: list[dict], item: dict) -> str:
    return ", ".join(f"{sub['label']} {input_text(sub, item[sub['name']])}"
                     for sub in fields if sub["name"] in item)


def _is_rows(field: dict, value: Any) -> bool:
    """Whether an input is a list of items with fields, shown as a table of its own."""
    return (field["kind"] == "list" and bool(field["fields"]) and isinstance(value, list)
            and bool(value) and all(isinstance(item, dict) for item in value))


def _figures(parent: ET.Element, caption: str, rows: list[tuple[str, str, dict]]) -> None:
    """A two-column table of labels and values, as a calculator's own result table."""
    table = ET.SubElement(parent, "table", {"class": "calc-figures"})
    ET.SubElement(table, "caption").text = caption
    body = ET.SubElement(table, "tbody")
    for label, text, attributes in rows:
        tr = ET.SubElement(body, "tr")
        ET.SubElement(tr, "th", {"scope": "row"}).text = label
        ET.SubElement(tr, "td", attributes).text = text


def _data_table(parent: ET.Element, caption: str, headers: list[str],
                rows: list[list[str]]) -> None:
    """A table that scrolls sideways on a phone, inside a region keyboards can reach."""
    wrap = ET.SubElement(parent, "div", {"class": "calc-table-wrap", "role": "region",
                                         "tabindex": "0", "aria-label": caption})
    table = ET.SubElement(wrap, "table", {"class": "calc-table"})
    ET.SubElement(table, "caption").text = caption
    head = ET.SubElement(ET.SubElement(table, "thead"), "tr")
    for header in headers:
        ET.SubElement(head, "th", {"scope": "col"}).text = header
    body = ET.SubElement(table, "tbody")
    for row in rows or [["None."] + [""] * (len(headers) - 1)]:
        tr = ET.SubElement(body, "tr")
        for text in row:
            ET.SubElement(tr, "td").text = text


def page_dir(page: str) -> str:
    """The folder a docs page is served from (``steps/a.md`` -> ``steps/a``)."""
    stem = page[:-3]
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def complete(fields: list[dict], inputs: dict[str, Any]) -> dict[str, Any]:
    """``inputs`` with every field the example leaves out set to its default, in items of
    lists and in groups too.

    A calculator page fills its form with its own example first and then with what a
    link gives, so a link that left a field out would show the page's example value.
    """
    full = {}
    for field in fields:
        value = inputs.get(field["name"], field["default"])
        if field["fields"] and field["kind"] == "object" and isinstance(value, dict):
            value = complete(field["fields"], value)
        elif field["fields"] and field["kind"] == "list" and isinstance(value, list):
            value = [complete(field["fields"], item) if isinstance(item, dict) else item
                     for item in value]
        full[field["name"]] = value
    return full


def calculator_link(page: str, name: str, inputs: dict[str, Any]) -> str:
    """A relative link from ``page`` to the calculator, its form filled in with ``inputs``.

    The calculator page reads ``#NAME=<inputs as JSON>`` from the address, the format
    of its own "copy link" button (``docs/assets/javascripts/calculator.js``). Give it
    complete inputs (``complete``): the page keeps its own example's value for any
    field the link leaves out.
    """
    target = posixpath.relpath(f"calculators/{name}", page_dir(page) or ".")
    return f"{target}/#{name}=" + quote(json.dumps(inputs, separators=(",", ":")), safe="")


def _outputs(spec: dict, keys: list[str] | None,
             result: dict[str, Any]) -> list[tuple[dict, list[dict] | None]]:
    """The results to show, each with the columns to show of a table (None: a figure)."""
    outputs = {output["key"]: output for output in spec["outputs"]}
    if keys is None:
        return [(o, o["columns"]) for o in spec["outputs"]
                if o["key"] != "summary" and result[o["key"]] is not None]
    chosen = [_split(key) for key in keys]
    unknown = [name for name, _ in chosen if name not in outputs]
    if unknown:
        raise MarkerError(f"no result called {', '.join(map(repr, unknown))} "
                          f"(results: {', '.join(outputs)})")
    shown = []
    for name, columns in chosen:
        output = outputs[name]
        if columns is None:
            shown.append((output, output["columns"]))
            continue
        if output["columns"] is None:
            raise MarkerError(f"result '{name}' is a single figure, not a table with columns")
        by_key = {column["key"]: column for column in output["columns"]}
        missing = [c for c in columns if c not in by_key]
        if missing:
            raise MarkerError(f"table '{name}' has no column {', '.join(map(repr, missing))} "
                              f"(columns: {', '.join(by_key)})")
        shown.append((output, [by_key[c] for c in columns]))
    return shown


def example_html(page: str, name: str, text: str) -> str:
    """``<!-- example: NAME {inputs} -->``: the inputs, the results and the link, in the
    markup of the calculators' own result tables (``calculators.report``)."""
    spec = _specs()[name]
    inputs, keys = parse(text)
    result = compute(name, inputs)
    shown = _outputs(spec, keys, result)
    full = complete(spec["inputs"], inputs)
    if compute(name, full) != result:
        raise MarkerError("with every left-out input at its default the calculator gives "
                          "a different result, so its page would not show this example; "
                          "give the inputs it depends on")
    root = ET.Element("div", {"class": "worked-example calc-report", "data-example": name,
                              "data-inputs": json.dumps(inputs, separators=(",", ":"))})
    if "summary" in result and (keys is None or "summary" in keys):
        ET.SubElement(root, "p", {"class": "calc-lead"}).text = result["summary"]
    fields = {field["name"]: field for field in spec["inputs"]}
    given = [(fields[key], value) for key, value in inputs.items() if key in fields]
    lists = [(field, value) for field, value in given if _is_rows(field, value)]
    _figures(root, "Inputs", [
        (field["label"], "in the table below" if _is_rows(field, value)
         else input_text(field, value), {"data-input": field["name"]})
        for field, value in given])
    for field, items in lists:
        columns = [sub for sub in field["fields"] if any(sub["name"] in item for item in items)]
        _data_table(root, field["label"], [sub["label"] for sub in columns], [
            [input_text(sub, item[sub["name"]]) if sub["name"] in item else "—"
             for sub in columns] for item in items])
    scalars = [o for o, columns in shown if columns is None and o["key"] != "summary"]
    if scalars:
        _figures(root, f"Result: {spec['title']}", [
            (o["label"], with_unit(result[o["key"]], o["unit"]),
             {"data-output": o["key"], "data-value": json.dumps(result[o["key"]])})
            for o in scalars])
    for output, columns in shown:
        if columns is not None:
            _data_table(root, output["label"], [c["label"] for c in columns], [
                [format_value(row[c["key"]], c["unit"]) for c in columns]
                for row in result[output["key"]]])
    link = ET.SubElement(root, "p", {"class": "worked-example-link"})
    anchor = ET.SubElement(link, "a", {"href": calculator_link(page, name, full)})
    anchor.text = f"{spec['title']}: open this example in the calculator"
    anchor.tail = ", then change the numbers to yours."
    # One line: Markdown keeps a block of HTML whole only up to a blank line.
    return "\n" + ET.tostring(root, encoding="unicode", method="html") + "\n"


def result_html(name: str, text: str) -> str:
    """``<!-- result: NAME.KEY {inputs} -->``: one result, formatted, in running text."""
    calculator, key = name.split(".", 1)
    spec = _specs()[calculator]
    inputs, keys = parse(text)
    if keys is not None:
        raise MarkerError("names its result before the inputs (NAME.KEY); drop the '|' part")
    output = next(o for o in spec["outputs"] if o["key"] == key)
    value = compute(calculator, inputs)[key]
    return (f'<span class="example-result" data-output="{key}" '
            f'data-value="{escape(json.dumps(value), quote=True)}">'
            f'{escape(with_unit(value, output["unit"]))}</span>')


def renderers(page: str) -> dict[str, Renderer]:
    """The ``example`` and ``result`` markers, rendered for the page at docs path ``page``."""
    specs = _specs()
    results = {f"{name}.{o['key']}" for name, spec in specs.items() for o in spec["outputs"]
               if o["columns"] is None}
    return {
        "example": Renderer(specs, lambda name, text: example_html(page, name, text),
                            takes_inputs=True),
        "result": Renderer(results, result_html, takes_inputs=True),
    }
