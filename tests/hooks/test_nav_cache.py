"""The navigation cache: an item's HTML is reused only where it must come out the same."""

import itertools

import pytest
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from nav_cache import NavCache, link_key, page_folder, url_parts

TARGETS = ["", "scripts/", "scripts/a/", "scripts/a/b/", "benefits/x/y/", "figures/",
           "a.html", "dir/b.html", "../up/", "https://example.org/"]
PAGES = ["", "scripts/", "scripts/a/", "scripts/b/", "scripts/a/b/", "scripts/a/c/",
         "benefits/x/", "benefits/x/y/", "benefits/x/z/", "figures/", "a.html", "dir/b.html",
         "dir/c.html"]


class _Page:
    def __init__(self, url: str) -> None:
        self.url = url


def test_pages_with_the_same_link_key_get_the_same_relative_links():
    """The claim the cache rests on, checked against MkDocs' own ``url`` filter."""
    prefixes = {parts[:n] for url in TARGETS for parts in [url_parts(url)]
                for n in range(len(parts) + 1)}
    for one, two in itertools.combinations(PAGES, 2):
        if link_key(page_folder(one), prefixes) == link_key(page_folder(two), prefixes):
            assert ([normalize_url(t, _Page(one)) for t in TARGETS]
                    == [normalize_url(t, _Page(two)) for t in TARGETS]), (one, two)


def test_sibling_folders_share_a_key_unless_a_link_is_inside():
    assert link_key(("scripts", "a"), {(), ("scripts",)}) == link_key(("scripts", "b"),
                                                                       {(), ("scripts",)})
    assert link_key(("scripts", "a"), {(), ("scripts",), ("scripts", "a")})[0] == "in"
    assert link_key((), {()}) == ("in", ())


def page(path: str) -> Page:
    return Page(path, File(path, "docs", "site", use_directory_urls=True), {})


@pytest.fixture
def nav():
    """A section of three pages, its first the section's index, and a page beside it."""
    pages = [page("s/index.md"), page("s/a.md"), page("s/b.md")]
    section = Section("S", pages)
    for child in pages:
        child.parent = section
    return section, pages, page("other.md")


class Renders:
    """A stand-in for the template: it links to a section's index and its other
    children (through the cache, as the template's loop does), relative to the page,
    and marks the current page."""

    def __init__(self, cache: NavCache) -> None:
        self.cache, self.calls, self.page = cache, [], None

    def __call__(self, item, path, level, parent):
        self.calls.append(item.title)
        if isinstance(item, Section):
            children = "".join(self.cache(self, child, f"{path}_{n}", level + 1, item, self.page)
                               for n, child in enumerate(item.children[1:], 1))
            index = normalize_url(item.children[0].url, self.page)
            return f"<{item.title} {index}>{children}</{item.title}>"
        mark = "*" if item.active else ""
        return f"[{item.title}{mark} -> {normalize_url(item.url, self.page)}]"

    def nav(self, section, current):
        """The section as ``current`` shows it, marked active as MkDocs marks it."""
        self.page, current.active = current, True
        try:
            return self.cache(self, section, "__nav_1", 1, None, current)
        finally:
            current.active = False


def test_an_item_off_the_page_path_is_rendered_once_per_folder(nav):
    section, pages, other = nav
    renders = Renders(NavCache())
    first = renders.nav(section, other)
    assert renders.nav(section, other) == first
    assert renders.calls == ["S", "s/a.md", "s/b.md"]


def test_a_section_on_the_page_path_is_filled_in_for_each_page(nav):
    section, pages, _ = nav
    cache = NavCache()
    renders = Renders(cache)
    on_a, on_b = renders.nav(section, pages[1]), renders.nav(section, pages[2])
    assert on_a == "<S ../>[s/a.md* -> ./][s/b.md -> ../b/]</S>"
    assert on_b == "<S ../>[s/a.md -> ../a/][s/b.md* -> ./]</S>"
    assert renders.calls.count("S") == 1  # the section's own HTML, made once
    assert renders.nav(section, pages[1]) == on_a
    # The index shows itself as the current page: the section is made anew for it.
    renders.nav(section, pages[0])
    assert renders.calls.count("S") == 2
    # Uncached, every page renders the same.
    assert Renders(NavCache()).nav(section, pages[2]) == on_b


def test_a_section_whose_html_holds_a_nul_is_rendered_whole(nav):
    section, pages, _ = nav
    section.title = "S\0"
    renders = Renders(NavCache())
    assert renders.nav(section, pages[1]) == Renders(NavCache()).nav(section, pages[1])
    assert renders.nav(section, pages[2]) == "<S\0 ../>[s/a.md -> ../a/][s/b.md* -> ./]</S\0>"


def test_without_a_page_or_for_other_items_it_renders_each_time():
    renders = Renders(NavCache())
    link = Link("L", "https://example.org/")
    renders.page = _Page("x/")
    assert renders.cache(renders, link, "__nav_1", 1, None, None) == (
        "[L -> https://example.org/]")
    renders.cache(renders, link, "__nav_1", 1, None, None)
    assert renders.calls == ["L", "L"]
