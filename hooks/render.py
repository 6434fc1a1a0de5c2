"""Render the content model into Markdown pages and page parts, through Jinja2.

Plain functions with no MkDocs in sight: data in, Markdown (with small HTML
islands) out. Templates live in ``hooks/templates``.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from content_loader import FIGURE_MARKER, PLACEHOLDER, SOURCE_MARKER
from content_model import Content
from figure_format import format_as_of, format_value
from freshness import age_of, ages
from markers import Renderer

TEMPLATES = Path(__file__).parent / "templates"
NEGOTIABILITY = {"low": "rarely negotiable", "medium": "sometimes negotiable",
                 "high": "often negotiable"}


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page made from content: where it goes, its Markdown, the YAML it came from."""

    path: str
    markdown: str
    source: str


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one docs path to another, as MkDocs resolves them."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def benefit_path(content: Content, slug: str) -> str:
    """Where a benefit's page lives: under its category."""
    return f"benefits/{content.benefit(slug).category}/{slug}.md"


def environment(content: Content, titles: dict[str, str],
                today: date | None = None) -> jinja2.Environment:
    """Templates with the filters that turn content into page text.

    Every template is rendered with ``page`` (its docs path) in its context, so
    ``link(target)`` can write a relative link that works under any sub-path.
    ``titles`` maps docs paths that content links to (steps, calculators) to
    their page titles. ``today`` is the build date that figures' ages count to.
    """
    today = today or date.today()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def age(figure) -> object:
        """The figure's ``freshness.Age`` on the build date."""
        return age_of(figure, content.source(figure.source), today)

    def figure_html(figure_id: str) -> Markup:
        figure = content.figure(figure_id)
        return Markup(env.get_template("figure.html.j2").render(
            figure=figure, source=content.source(figure.source), age=age(figure)).strip())

    def source_html(source_id: str) -> Markup:
        return Markup(env.get_template("source.html.j2").render(
            source=content.source(source_id)).strip())

    def inline(text: str) -> Markup:
        """Escape text for an HTML island, then state its figures and cite its sources."""
        def cite(part: str) -> Markup:
            pieces = SOURCE_MARKER.split(part)  # text, source id, text, source id, ...
            return Markup("").join(source_html(piece) if index % 2 else escape(piece)
                                   for index, piece in enumerate(pieces))

        parts = FIGURE_MARKER.split(text)  # text, figure id, text, figure id, ...
        return Markup("").join(figure_html(part) if index % 2 else cite(part)
                               for index, part in enumerate(parts))

    def blanks(text: str, labels: dict[str, str]) -> Markup:
        """A script's text with each ``{placeholder}`` as a highlighted blank."""
        escaped = str(escape(text))
        return Markup(PLACEHOLDER.sub(
            lambda m: str(env.get_template("blank.html.j2").render(
                name=m.group(1), label=labels[m.group(1)])).strip(), escaped))

    @jinja2.pass_context
    def link(context, target: str) -> str:
        return relative(context["page"], target)

    @jinja2.pass_context
    def benefit_link(context, slug: str) -> str:
        return relative(context["page"], benefit_path(content, slug))

    env.filters.update(value=format_value, as_of=format_as_of, inline=inline, blanks=blanks,
                       age=age)
    env.globals.update(content=content, figure_html=figure_html, source_html=source_html,
                       link=link,
                       benefit_link=benefit_link, titles=titles,
                       negotiability=NEGOTIABILITY, today=today,
                       due=[a for a in ages(content, today) if a.due])
    return env


def generated_pages(env: jinja2.Environment) -> list[GeneratedPage]:
    """Every page the content in ``env`` (see ``environment``) defines, in navigation order."""
    content: Content = env.globals["content"]
    pages: list[GeneratedPage] = []

    def add(path: str, template: str, source: str, **context) -> None:
        markdown = env.get_template(template).render(page=path, **context)
        pages.append(GeneratedPage(path, markdown, f"content/{source}"))

    add("benefits/index.md", "benefits_index.md.j2", "benefits.yaml")
    for category in content.categories:
        add(f"benefits/{category.slug}/index.md", "category.md.j2", "categories.yaml",
            category=category)
        for benefit in content.benefits_in(category.slug):
            add(benefit_path(content, benefit.slug), "benefit.md.j2", "benefits.yaml",
                benefit=benefit,
                alternatives=[a for a in content.alternatives if a.if_not == benefit.slug])
    add("scripts/index.md", "scripts_index.md.j2", "scripts.yaml")
    for script in content.scripts:
        add(f"scripts/{script.slug}.md", "script_page.md.j2", "scripts.yaml", script=script)
    add("checklists/index.md", "checklists_index.md.j2", "checklists.yaml")
    for checklist in content.checklists:
        add(f"checklists/{checklist.slug}.md", "checklist_page.md.j2", "checklists.yaml",
            checklist=checklist)
    add("alternatives/index.md", "alternatives.md.j2", "alternatives.yaml")
    add("figures.md", "figures.md.j2", "figures.yaml")
    return pages


@functools.lru_cache(maxsize=1)
def _marked(env: jinja2.Environment) -> dict[str, dict]:
    """What each kind of content marker may name, by name; made once per environment,
    not for every page."""
    content: Content = env.globals["content"]
    return {"figure": {f.id: f for f in content.figures},
            "source": {s.id: s for s in content.sources},
            "checklist": {c.slug: c for c in content.checklists},
            "script": {s.slug: s for s in content.scripts},
            "benefits": {"all": None, **{c.slug: c for c in content.categories}},
            "sources": {"all": None}}


def content_renderers(env: jinja2.Environment, page: str) -> dict[str, Renderer]:
    """The markers content provides, rendered for the page at docs path ``page``."""
    marked = _marked(env)

    def part(kind: str, template: str, key: str) -> Renderer:
        items = marked[kind]
        return Renderer(items, lambda name: env.get_template(template).render(
            page=page, **{key: items[name]}))

    return {
        "figure": Renderer(marked["figure"], lambda i: str(env.globals["figure_html"](i))),
        "source": Renderer(marked["source"], lambda i: str(env.globals["source_html"](i))),
        "checklist": part("checklist", "checklist.html.j2", "checklist"),
        "script": part("script", "script.html.j2", "script"),
        "benefits": part("benefits", "benefit_table.md.j2", "category"),
        "sources": part("sources", "sources.md.j2", "unused"),
    }


def nav_sections(content: Content) -> dict[str, list]:
    """MkDocs ``nav`` entries for the generated sections, keyed by placeholder."""
    benefits: list = ["benefits/index.md"]
    for category in content.categories:
        benefits.append({category.title: [f"benefits/{category.slug}/index.md",
                                          *(benefit_path(content, b.slug)
                                            for b in content.benefits_in(category.slug))]})
    return {
        "@benefits": benefits,
        "@scripts": ["scripts/index.md", *(f"scripts/{s.slug}.md" for s in content.scripts)],
        "@checklists": ["checklists/index.md",
                        *(f"checklists/{c.slug}.md" for c in content.checklists)],
    }
