"""MkDocs hook: the service worker that keeps the calculator pages working offline.

After the build, ``service-worker.js`` is written at the site's root (so its scope is
the whole site, under any sub-path) from ``templates/service-worker.js``, with the list
of files it keeps and a version:

* every calculator page (``calculators/…/``), every file those pages load from the site
  (stylesheets, scripts, icons, the theme's search worker and index), and everything
  their Web Worker loads: the calculator worker and the modules it imports, the files
  it fetches from Pyodide's folder, the snapshot and the engine archive. Nothing else
  (Pyodide's uncompressed WebAssembly when the page uses the ``.gz``, the full standard
  library when the snapshot carries its own): installing the service worker must not
  download what the page never asks for;
* the version is the first 12 hex digits of a SHA-256 over those files' paths and
  bytes, so any change to any of them (a new engine archive, a new Pyodide, an edited
  page) is a new cache, and the old cache is deleted.

Only files of the site are listed; the build fails if a calculator page would need a
file the site lacks.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import pyodide_assets

NAME = "service-worker.js"
TEMPLATE = Path(__file__).parent / "templates" / NAME
BUILD_LINE = re.compile(r"^const BUILD = .*;$", re.MULTILINE)
# A module's static imports of files beside it: `import { x } from "./y.js";`.
RELATIVE_IMPORT = re.compile(r'^import [^"\n]* from "(\./[^"]+)";$', re.MULTILINE)
# Pages kept for offline use: the calculators' section.
PAGES = "calculators"


class _Links(HTMLParser):
    """Site files a page loads: scripts, stylesheets, icons, images, and what a
    calculator form's ``data-`` attributes point its Web Worker at (files and folders)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.wasm_gz = False
        self.snapshot = False
        self._config = False
        self.config = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.links.append(attributes["src"])
        elif tag == "script" and attributes.get("id") == "__config":
            self._config = True
        elif tag == "link" and attributes.get("href") and set(
                (attributes.get("rel") or "").split()) & {"stylesheet", "icon", "manifest"}:
            self.links.append(attributes["href"])
        elif tag == "img" and attributes.get("src"):
            self.links.append(attributes["src"])
        elif tag == "form" and "data-calculator" in attributes:
            # What the form hands its Web Worker: the worker, Pyodide's folder, the engine…
            self.assets += [value for name, value in attrs
                            if name.startswith("data-") and value]
            self.wasm_gz = bool(attributes.get("data-wasm"))
            self.snapshot = bool(attributes.get("data-snapshot"))

    def handle_data(self, data):
        if self._config:
            self.config += data

    def handle_endtag(self, tag):
        self._config = False


def _site_path(page_dir: str, link: str) -> str | None:
    """A link on a page as a path from the site's root, or None if not a site file."""
    link = link.split("#", 1)[0].split("?", 1)[0]
    if not link or re.match(r"^[a-z][a-z0-9+.-]*:|^//|^/", link, re.IGNORECASE):
        return None
    return posixpath.normpath(posixpath.join(page_dir, link))


def _imports(site: Path, path: str) -> list[str]:
    """The files a JavaScript module imports from beside it, as paths from the root."""
    if not path.endswith(".js"):
        return []
    source = (site / path).read_text(encoding="utf-8")
    return [posixpath.normpath(posixpath.join(posixpath.dirname(path), name))
            for name in RELATIVE_IMPORT.findall(source)]


def kept_files(site: Path) -> list[str]:
    """Everything the service worker keeps, as paths from the site's root."""
    kept: set[str] = set()
    for page in sorted((site / PAGES).rglob("index.html")):
        page_dir = page.parent.relative_to(site).as_posix()
        kept.add(page_dir + "/")
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        links = list(parser.links)
        if parser.config:
            config = json.loads(parser.config)
            links += [config["search"], posixpath.join(config["base"], "search/search_index.json")]
        for link in links:
            path = _site_path(page_dir, link)
            if path is not None:
                kept.add(path)
        for asset in parser.assets:
            path = _site_path(page_dir, asset)
            if path is None or path.startswith("../"):
                continue
            if (site / path).is_file():
                kept.add(path)
                kept.update(_imports(site, path))
            elif (site / path).is_dir() and asset.endswith("/"):
                kept.update(f"{path}/{name}"
                            for name in pyodide_assets.folder_files(parser.wasm_gz,
                                                                    parser.snapshot))
    missing = sorted(path for path in kept if not path.endswith("/")
                     and not (site / path).is_file())
    if missing:
        raise PluginError(f"the service worker would keep files the site lacks: {missing}")
    return sorted(kept)


def version(site: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode("utf-8") + b"\0")
        digest.update((site / path / "index.html" if path.endswith("/") else site / path)
                      .read_bytes())
    return digest.hexdigest()[:12]


def service_worker(site: Path) -> str:
    files = kept_files(site)
    build = json.dumps({"version": version(site, files), "files": files}, indent=None)
    source = TEMPLATE.read_text(encoding="utf-8")
    if len(BUILD_LINE.findall(source)) != 1:
        raise PluginError(f"{TEMPLATE} must have one line `const BUILD = …;`")
    return BUILD_LINE.sub(lambda _: f"const BUILD = {build};", source)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    (site / NAME).write_text(service_worker(site), encoding="utf-8")
