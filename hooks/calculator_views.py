"""The calculators' pages: one per calculator, made from the engine's ``catalog()``.

The catalog is the single source of every title, label, unit and default; this
module only lays them out. Each page's example result is computed at build time
by the engine itself, so the page reads correctly before any script runs.
"""

from __future__ import annotations

import jinja2
from calculators.api import catalog, run

from markers import Renderer
from render import TEMPLATES, GeneratedPage, relative

INDEX = "calculators/index.md"


def format_output(value: object, unit: str) -> str:
    """A result as a reader reads it: ``$1,234.50``, ``62.5%``, ``Yes``, ``-``."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if unit == "usd" and isinstance(value, (int, float)):
        return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"
    if unit == "pct" and isinstance(value, (int, float)):
        return f"{value:,.2f}%"
    if unit == "fraction" and isinstance(value, (int, float)):
        return f"{value * 100:,.2f}%"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                             autoescape=jinja2.select_autoescape(["html.j2"]),
                             undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

    @jinja2.pass_context
    def link(context, target: str) -> str:
        return relative(context["page"], target)

    env.filters["output"] = format_output
    env.globals.update(link=link, page_path=page_path)
    return env


def _specs() -> dict[str, dict]:
    return {spec["name"]: spec for spec in catalog()}


def names() -> set[str]:
    return set(_specs())


def page_path(name: str) -> str:
    return f"calculators/{name}.md"


def page_titles() -> dict[str, str]:
    """Docs path to title for every calculator page, for links from content."""
    return {INDEX: "Calculators", **{page_path(n): s["title"] for n, s in _specs().items()}}


def nav() -> list[str]:
    """The calculators' section of the site navigation."""
    return [INDEX, *(page_path(name) for name in _specs())]


def generated_pages() -> list[GeneratedPage]:
    env = environment()
    specs = list(_specs().values())
    source = "calculators/api.py"
    pages = [GeneratedPage(INDEX, env.get_template("calculators_index.md.j2").render(
        specs=specs, page=INDEX), source)]
    for spec in specs:
        path = page_path(spec["name"])
        markdown = env.get_template("calculator_page.md.j2").render(spec=spec, page=path)
        pages.append(GeneratedPage(path, markdown, source))
    return pages


def renderers(page: str) -> dict[str, Renderer]:
    """``<!-- calculator: NAME -->``: the calculator with its example result."""
    specs = _specs()
    env = environment()

    def render(name: str) -> str:
        spec = specs[name]
        return env.get_template("calculator.html.j2").render(
            spec=spec, result=run(name, spec["example"]), page=page)

    return {"calculator": Renderer(specs, render)}
