"""MkDocs hook: build the guide's pages from ``content/`` and expand page markers.

The hook only wires steps together; loading, checking and rendering are plain
functions in ``content_loader``, ``render``, ``markers`` and ``calculator_views``.
Content is re-read on every build, so ``mkdocs serve`` shows an author's edits.
"""

from __future__ import annotations

import importlib
import os
import sys
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import calculator_views
import content_loader
import examples
import freshness
import markers
import page_titles
import render

log = get_plugin_logger(__name__)
HOOKS = Path(__file__).parent
EDITABLE = (str(HOOKS), str(HOOKS.parent / "calculators"))

# What the build in progress loaded; set anew by on_config on every build.
_build: dict = {}
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _reimport_edited_modules() -> None:
    """Import the hooks' modules and the calculators anew (MkDocs loads a hook once).

    Under ``mkdocs serve`` this makes each rebuild use an author's latest edits
    to ``hooks/`` and ``calculators/``, not the code the server started with.
    """
    global calculator_views, content_loader, examples, freshness, markers, page_titles, render
    for name, module in list(sys.modules.items()):
        if name != __name__ and (getattr(module, "__file__", None) or "").startswith(EDITABLE):
            del sys.modules[name]
    sys.path.insert(0, str(HOOKS))
    try:
        calculator_views, content_loader, examples, freshness, markers, page_titles, render = (
            importlib.import_module(name) for name in (
                "calculator_views", "content_loader", "examples", "freshness", "markers",
                "page_titles", "render"))
    finally:
        sys.path.remove(str(HOOKS))


def build_date() -> date:
    """Today, or ``BUILD_DATE`` (YYYY-MM-DD) for a reproducible build."""
    override = os.environ.get("BUILD_DATE")
    return date.fromisoformat(override) if override else date.today()


def _expand_nav(nav: list, sections: dict[str, list]) -> list:
    """Replace ``"@name"`` placeholders in ``nav`` with generated sections."""
    expanded = []
    for entry in nav:
        if isinstance(entry, dict):
            entry = {title: sections.get(value, value) if isinstance(value, str)
                     else _expand_nav(value, sections) for title, value in entry.items()}
        expanded.append(entry)
    return expanded


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _serving:
        _reimport_edited_modules()
    calculator_views.new_build()
    examples.new_build()
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    titles = {**page_titles.page_titles(docs), **calculator_views.page_titles()}
    try:
        content = content_loader.load_content(root / "content", calculator_views.names(),
                                              set(titles))
    except content_loader.ContentError as error:
        raise PluginError(f"content/ has problems:\n{error}") from None
    today = build_date()
    # A figure's age is news, not an error: the site keeps publishing, and the report
    # says what to check (the figures page shows every figure's age too).
    log.info(freshness.report(content, today))
    if config.nav:
        sections = {**render.nav_sections(content), "@calculators": calculator_views.nav()}
        config.nav = _expand_nav(config.nav, sections)
    _build.clear()
    _build.update(env=render.environment(content, titles, today))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        file.edit_uri = f"docs/{file.src_uri}"
    pages = render.generated_pages(_build["env"])
    pages += calculator_views.generated_pages()
    for page in pages:
        if files.get_file_from_path(page.path):
            raise PluginError(f"docs/{page.path} collides with a page generated from "
                              f"{page.source}; remove one of them")
        file = File.generated(config, page.path, content=page.markdown)
        file.edit_uri = page.source
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = page.file.src_uri
    renderers = {**render.content_renderers(_build["env"], path),
                 **calculator_views.renderers(path), **examples.renderers(path)}
    where = page.file.edit_uri or path
    try:
        return markers.expand(markdown, renderers, where)
    except markers.MarkerError as error:
        raise PluginError(str(error)) from None
