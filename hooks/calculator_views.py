"""The calculators' pages: one per calculator, and the offer workbench, from ``catalog()``.

The catalog is the single source of every title, label, unit, default, bound and
help text; this module only lays them out as forms. Each form is pre-filled with
the calculator's example, and the example's result is rendered into the page at
build time by the engine itself (``calculators.report``, the same code the browser
runs), so the page reads correctly before any script runs or with scripts off.
"""

from __future__ import annotations

import functools
import posixpath

import jinja2
from calculators.api import catalog, run
from calculators.report import render as render_result
from calculators.taxfacts import FACT_NAMES
from markupsafe import Markup

import pyodide_assets
from markers import Renderer
from render import TEMPLATES, GeneratedPage, relative

INDEX = "calculators/index.md"
WORKBENCH = "calculators/workbench.md"
# The comparison has one name, the workbench; ``offer_comparison`` is its engine, whose own
# page (one field at a time) stays reachable from the workbench but is not a second
# destination in the navigation or the calculators' list (mkdocs.yml: not_in_nav).
ENGINE = "offer_comparison"
ENGINE_TITLE = "Offer workbench engine"
# What one item of a list is called on its "Add" and "Remove" buttons.
ITEM_NOUNS = {"offers": "offer", "match_formula": "tier", "other_benefits": "benefit",
              "stipends": "stipend", "price_cases": "price case"}
# Lists of settings rather than facts of an offer: "Clear" puts their default rows back
# (a blank start still compares under the usual price cases); any other list is emptied
# to its fewest rows, for the reader to fill in (an employer's match formula).
CLEARED_TO_DEFAULT = {"price_cases"}
UNIT_BEFORE = {"usd": "$", "usd_per_hour": "$"}
UNIT_AFTER = {"pct": "%", "usd_per_hour": "an hour", "days": "days", "months": "months",
              "years": "years", "hours": "hours"}
# A unit in words, for each label's accessible name (the symbols beside a field are
# hidden from screen readers); left out where the label already says it.
UNIT_NAMES = {"usd": "dollars", "usd_per_hour": "dollars an hour", "pct": "percent",
              "days": "days", "months": "months", "years": "years", "hours": "hours"}


def url_dir(page: str) -> str:
    """The folder a docs page is served from, with directory URLs (``a/b.md`` -> ``a/b``)."""
    stem = page[:-3]
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def site_link(page: str, target: str) -> str:
    """A link from a page to a site file (not a page), relative so any sub-path works."""
    link = posixpath.relpath(target, url_dir(page) or ".")
    return link + "/" if target.endswith("/") else link


def field_value(field: dict, value: object) -> str:
    """The text a form control shows for ``value`` (``""`` for null)."""
    import json

    if value is None:
        return ""
    if field["kind"] in ("list", "object"):
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def new_build() -> None:
    """Forget what the last build worked out (the catalog, templates, Pyodide's files)."""
    for cached in (environment, _specs, _assets):
        cached.cache_clear()


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                             autoescape=jinja2.select_autoescape(["html.j2"]),
                             undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

    @jinja2.pass_context
    def link(context, target: str) -> str:
        return relative(context["page"], target)

    env.filters["control_value"] = lambda value, field: field_value(field, value)
    env.globals.update(link=link, page_path=page_path, item_nouns=ITEM_NOUNS,
                       cleared_to_default=CLEARED_TO_DEFAULT,
                       unit_before=UNIT_BEFORE, unit_after=UNIT_AFTER, unit_names=UNIT_NAMES,
                       workbench=WORKBENCH)
    return env


@functools.cache
def _specs() -> dict[str, dict]:
    return {spec["name"]: spec for spec in catalog()}


def names() -> set[str]:
    return set(_specs())


def page_path(name: str) -> str:
    return f"calculators/{name}.md"


def page_titles() -> dict[str, str]:
    """Docs path to title for every calculator page, for links from content."""
    return {INDEX: "Calculators", WORKBENCH: "Offer workbench",
            **{page_path(n): s["title"] for n, s in _specs().items()},
            page_path(ENGINE): ENGINE_TITLE}


def nav() -> list[str]:
    """The calculators' section of the site navigation."""
    return [INDEX, WORKBENCH, *(page_path(name) for name in _specs() if name != ENGINE)]


def generated_pages() -> list[GeneratedPage]:
    env = environment()
    specs = list(_specs().values())
    source = "calculators/api.py"
    pages = [GeneratedPage(INDEX, env.get_template("calculators_index.md.j2").render(
        specs=specs, page=INDEX), source),
        GeneratedPage(WORKBENCH, env.get_template("workbench.md.j2").render(
            spec=_specs()["offer_comparison"], page=WORKBENCH), source)]
    for spec in specs:
        path = page_path(spec["name"])
        titled = {**spec, "title": ENGINE_TITLE} if spec["name"] == ENGINE else spec
        markdown = env.get_template("calculator_page.md.j2").render(spec=titled, page=path)
        pages.append(GeneratedPage(path, markdown, source))
    return pages


@functools.cache
def _assets() -> tuple[dict[str, str], dict[str, str]]:
    """Site paths of what every calculator page loads, and Pyodide's version and download."""
    about = {"version": pyodide_assets.pinned_version(pyodide_assets.project_root()),
             "download": pyodide_assets.megabytes(pyodide_assets.download_bytes())}
    return pyodide_assets.asset_paths(), about


def form_html(spec: dict, page: str, layout: str = "page") -> str:
    """A calculator's form, pre-filled with its example, with the example's result."""
    env = environment()
    paths, about = _assets()
    assets = {key: site_link(page, path) if path else "" for key, path in paths.items()}
    assets.update(about)
    values = {field["name"]: spec["example"].get(field["name"], field["default"])
              for field in spec["inputs"]}
    result = Markup(render_result(spec["name"], run(spec["name"], spec["example"])))
    html = env.get_template("calculator.html.j2").render(
        spec=spec, values=values, result=result, assets=assets, page=page, layout=layout,
        tax_facts=FACT_NAMES)
    # No blank lines: Markdown keeps the whole form as one block of HTML.
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


def renderers(page: str) -> dict[str, Renderer]:
    """``<!-- calculator: NAME -->``: the calculator's form with its example result;
    ``<!-- workbench: offers -->``: the offer comparison laid out side by side."""
    specs = _specs()
    return {
        "calculator": Renderer(specs, lambda name: form_html(specs[name], page)),
        "workbench": Renderer({"offers"}, lambda _: form_html(
            specs["offer_comparison"], page, layout="workbench")),
    }
