"""The site's shape as a reader meets it: the home page leads with what a reader came to
do, the navigation keeps pages about the site under "About this site", the comparison
has one name (the workbench), and the guide answers "should I negotiate at all?" first.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin


class _Nav(HTMLParser):
    """The primary navigation as a tree: (title, href, children) for each item."""

    def __init__(self) -> None:
        super().__init__()
        self.root: list = []
        self.stack: list[list] = []  # open items: [title, href, children]
        self.depth = 0  # <nav> elements open, once inside the primary one
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "nav" and ("md-nav--primary" in classes or self.depth):
            self.depth += 1
        if not self.depth:
            return
        if tag == "li" and "md-nav__item" in classes:
            item = ["", None, []]
            (self.stack[-1][2] if self.stack else self.root).append(item)
            self.stack.append(item)
        elif tag in ("a", "label") and "md-nav__link" in classes and self.stack:
            if self.stack[-1][1] is None and tag == "a":
                self.stack[-1][1] = dict(attrs).get("href")
        elif tag == "span" and "md-ellipsis" in classes and self.stack and not self.stack[-1][0]:
            self.in_title = True

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "li" and self.stack:
            self.stack.pop()
        elif tag == "span":
            self.in_title = False
        elif tag == "nav":
            self.depth -= 1

    def handle_data(self, data):
        if self.in_title and data.strip():
            self.stack[-1][0] = data.strip()


def nav_of(html: str) -> list:
    parser = _Nav()
    parser.feed(html)
    return parser.root


def titles(items: list) -> list[str]:
    return [item[0] for item in items]


def section(items: list, title: str) -> list:
    return next(item[2] for item in items if item[0] == title)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def test_the_navigation_puts_the_pages_about_the_site_under_about_this_site(built_site):
    nav = nav_of(read(built_site, "index.html"))
    assert titles(nav) == ["Home", "The ten steps", "Benefits", "Calculators", "Scripts",
                           "Checklists", "Plan B", "Figures and sources",
                           "Research resources", "About this site"]
    assert titles(section(nav, "About this site")) == ["Privacy", "What we test",
                                                       "How fast is it"]


def test_the_comparison_has_one_name_in_the_navigation_and_the_calculators_list(built_site):
    calculators = titles(section(nav_of(read(built_site, "calculators/index.html")),
                                 "Calculators"))
    assert calculators[0] == "Offer workbench"  # first after the section's own index page
    assert "Compare offers" not in calculators
    assert not [t for t in calculators if "engine" in t.lower()]

    index = article(read(built_site, "calculators/index.html"))
    rows = re.findall(r"<tr>\s*<td><a href=\"([^\"]+)\">([^<]+)</a>", index)
    assert rows[0] == ("workbench/", "Offer workbench")
    assert "Compare offers" not in index
    assert [href for href, _ in rows].count("offer_comparison/") == 0
    # The engine's own page is still there, named as the workbench's engine.
    assert 'href="offer_comparison/"' in index and "engine" in text_of(index)
    engine = article(read(built_site, "calculators/offer_comparison/index.html"))
    assert re.search(r"<h1[^>]*>Offer workbench engine", engine)
    assert 'href="../workbench/"' in engine


def test_the_home_page_leads_with_what_a_reader_came_to_do(built_site):
    home = article(read(built_site, "index.html"))
    headings = [text_of(h).replace("¶", "").strip()
                for h in re.findall(r"<h2[^>]*>(.*?)</h2>", home, re.S)]
    assert headings[0] == "What did you come to do?"
    tasks_start = home.index("What did you come to do?")
    tasks = home[tasks_start:home.index("Everything in the guide")]
    cards = [text_of(c).strip() for c in re.findall(r"<li>\s*<p><strong>(.*?)</strong>", tasks, re.S)]
    assert cards == ["Compare offers", "Get a number to ask for", "Prepare the conversation"]
    # The first thing to do is the workbench, named and one click away.
    first_card = tasks[:tasks.index("Get a number to ask for")]
    assert "offer workbench" in text_of(first_card)
    assert re.search(r'<a class="md-button md-button--primary" href="calculators/workbench/">'
                     r"Open the workbench</a>", first_card)
    assert 'href="steps/#should-you-negotiate-at-all"' in home
    # Nothing on the home page's first screen of text is about the site itself.
    assert "What we test" not in text_of(home[:home.index("Everything in the guide")])


def test_the_guide_answers_should_i_negotiate_first_for_a_first_job_too(built_site):
    guide = article(read(built_site, "steps/index.html"))
    headings = re.findall(r'<h2 id="([^"]+)"', guide)
    assert headings[0] == "should-you-negotiate-at-all"
    answer = text_of(guide[guide.index('id="should-you-negotiate-at-all"'):
                           guide.index(f'id="{headings[1]}"')])
    assert "first job" in answer
    assert "BLS OEWS" in answer  # the market evidence, with its source
    for step in ("01-know-your-worth", "04-prepare-your-case"):
        assert "If this is your first job" in text_of(read(built_site, f"steps/{step}/index.html"))


def test_every_script_embedded_in_a_page_carries_its_title_and_a_working_link(built_site):
    embedded = 0
    for page in sorted(built_site.rglob("index.html")):
        path = page.relative_to(built_site).parent.as_posix()
        if path.startswith("scripts"):
            continue
        html = read(built_site, page.relative_to(built_site).as_posix())
        for card in re.findall(r'<div class="script-card".*?<form', html, re.S):
            embedded += 1
            title = re.search(r'<h3 class="script-title"><a href="([^"]+)">([^<]+)</a>', card)
            assert title, (path, card[:120])
            target = urljoin(f"/{path}/" if path != "." else "/", title.group(1))
            assert (built_site / target.strip("/") / "index.html").is_file(), (path, target)
    assert embedded >= 5
