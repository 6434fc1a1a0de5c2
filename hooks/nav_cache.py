"""MkDocs hook: render each navigation item once per folder of pages, not once per page.

Every page carries the navigation, so rendering it afresh for each page grew with the
square of the content (``bench/``). ``overrides/partials/nav-item.html`` renders each
item through ``nav_cached``, which reuses HTML from earlier pages where it must come
out the same:

* an item off the page's path (not ``active``) depends on the page only through its
  links, which are relative to the page's folder (``link_key``);
* a section on the page's path is kept as its HTML around its children (a skeleton),
  which depends on the page only through its own links and whether the page is its
  index; each child is filled in for the page.

A page on the page's path is the page itself and shows its table of contents: it is
always rendered afresh. The cache lives for one build.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable

from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

# Where a child goes in a section's skeleton (no page's HTML holds a NUL).
SLOT = "\0"


def url_parts(url: str) -> tuple[str, ...]:
    """A site path's folders, normalised as ``mkdocs.utils.get_relative_url`` does."""
    path = posixpath.normpath("/" + url)[1:]
    return tuple(path.split("/")) if path else ()


@functools.lru_cache(maxsize=None)
def page_folder(page_url: str) -> tuple[str, ...]:
    """The folder links on a page are relative to (a last part with a dot is a file)."""
    folder, _, name = page_url.rpartition("/")
    return url_parts(folder if "." in name else page_url)


def link_key(folder: tuple[str, ...], prefixes: set[tuple[str, ...]]) -> tuple:
    """What links relative to ``folder`` depend on.

    A link to ``T`` from folder ``P/x`` climbs to ``P`` and descends to ``T``: it is the
    same from every folder beside ``x`` in ``P``, unless ``T`` is ``P/x`` or inside it.
    ``prefixes`` holds every leading part of every link.
    """
    if folder and folder not in prefixes:
        return ("beside", folder[:-1])
    return ("in", folder)


def _prefixes(urls) -> set[tuple[str, ...]]:
    found = set()
    for url in urls:
        parts = url_parts(url)
        found.update(parts[:n] for n in range(len(parts) + 1))
    return found


class NavCache:
    """``nav_cached(render, item, path, level, parent, page)``: ``render(item, path,
    level, parent)``, reused for another page when the result must be the same."""

    def __init__(self) -> None:
        self._html: dict[tuple, str] = {}
        self._skeletons: dict[tuple, tuple[list[str], list[tuple]] | None] = {}
        self._links: dict[int, set[tuple[str, ...]]] = {}
        self._slots: list[tuple] | None = None  # the children of a skeleton being made

    def links(self, item) -> set[tuple[str, ...]]:
        """Every leading part of every link in ``item`` and below it."""
        if id(item) not in self._links:
            found = _prefixes([item.url] if isinstance(item, (Page, Link)) else [])
            if isinstance(item, Section):
                for child in item.children:
                    found |= self.links(child)
            self._links[id(item)] = found
        return self._links[id(item)]

    def __call__(self, render: Callable, item, path: str, level: int, parent, page) -> str:
        if self._slots is not None:
            self._slots.append((item, path, level, parent))
            return SLOT
        if page is None or not isinstance(item, (Section, Page, Link)) or (
                item.active and not isinstance(item, Section)):
            return render(item, path, level, parent)
        folder = page_folder(page.url)
        parent_active = bool(parent) and parent.active
        if not item.active:
            key = (id(item), path, level, parent_active, link_key(folder, self.links(item)))
            if key not in self._html:
                self._html[key] = render(item, path, level, parent)
            return self._html[key]
        return self._section(render, item, path, level, parent, page, parent_active, folder)

    def _section(self, render, item, path, level, parent, page, parent_active, folder) -> str:
        """A section on the page's path: its skeleton with each child filled in."""
        indexes = [child for child in item.children if getattr(child, "is_index", False)]
        own = _prefixes(child.url for child in indexes)
        key = (id(item), path, level, parent_active, link_key(folder, own),
               id(page) if page in indexes else None)
        if key not in self._skeletons:
            self._slots = []
            try:
                html = render(item, path, level, parent)
            finally:
                slots, self._slots = self._slots, None
            pieces = html.split(SLOT)
            self._skeletons[key] = (pieces, slots) if len(pieces) == len(slots) + 1 else None
        if self._skeletons[key] is None:  # a NUL in the HTML after all: no skeleton
            return render(item, path, level, parent)
        pieces, slots = self._skeletons[key]
        html = [pieces[0]]
        for slot, piece in zip(slots, pieces[1:]):
            html += [self(render, *slot, page), piece]
        return "".join(html)


def on_env(env, config, files):
    env.globals["nav_cached"] = NavCache()
    return env
