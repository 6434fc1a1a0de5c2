"""The real site, built strictly: generated pages exist, read right, load nothing foreign."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


# Attributes through which a page makes the browser fetch something by itself.
FETCHING = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
            ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
            ("object", "data"), ("form", "action")}
# A <link> fetches only with these relations; rel="canonical" merely names the page.
FETCHING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and not FETCHING_LINKS & set((attributes.get("rel") or "").split()):
            return
        for name, value in attrs:
            if (tag, name) in FETCHING and value:
                self.urls.append(value)


def fetched_urls(html: str) -> list[str]:
    parser = _Fetches()
    parser.feed(html)
    return parser.urls


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_content_page_is_generated(built_site):
    for path in ("benefits/index.html", "scripts/index.html", "checklists/index.html",
                 "alternatives/index.html", "figures/index.html", "calculators/index.html",
                 "checklists/first-month/index.html", "checklists/written-offer/index.html",
                 "checklists/offer-review-24-hours/index.html"):
        assert (built_site / path).is_file(), path
    benefit_pages = list((built_site / "benefits").glob("*/*/index.html"))
    assert len(benefit_pages) >= 3


def test_a_generated_benefit_page_reads_right(built_site):
    html = read(built_site, "benefits/index.html")
    assert "Benefits catalogue" in html
    page = next((built_site / "benefits").glob("*/*/index.html")).read_text()
    for heading in ("What it is", "Why it matters", "What to ask for",
                    "Questions for the employer", "How negotiable it is"):
        assert f">{heading}<" in page


def test_figures_are_stated_with_source_and_date(built_site):
    from content_loader import load_content
    from figure_format import format_as_of, format_value

    figure = load_content(ROOT / "content", None).figure("bls-benefits-share-private")
    html = read(built_site, "index.html")
    assert f'<span class="figure-value">{format_value(figure)}</span>' in html
    assert f">BLS ECEC</a>, {format_as_of(figure.as_of)})" in html
    assert "<!-- figure:" not in html


def test_the_figures_page_lists_every_source_the_site_cites(built_site):
    figures = read(built_site, "figures/index.html")
    listed = set(re.findall(r'<td><a href="([^"]+)">', figures.split('id="sources"', 1)[1]))
    cited = set()
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        cited |= set(re.findall(r'<span class="(?:source-cite|figure-cite)"[^>]*>\(<a href="([^"]+)"',
                                html))
    assert cited and cited <= listed


def test_generated_pages_edit_their_yaml(built_site):
    html = read(built_site, "benefits/index.html")
    assert "/edit/main/content/benefits.yaml" in html
    assert "/edit/main/docs/index.md" in read(built_site, "index.html")


def test_links_are_relative_so_any_sub_path_works(built_site):
    html = read(built_site, "benefits/index.html")
    assert 'href="../alternatives/' in html
    for page in built_site.rglob("*.html"):
        for url in fetched_urls(page.read_text(encoding="utf-8")):
            if page.name == "404.html":
                # Served at any depth, the 404 page must name the site's own sub-path.
                assert url.startswith("/negotiate-benefits/"), f"{page}: {url}"
            else:
                assert not url.startswith("/"), f"{page}: root-absolute {url}"


def test_no_page_loads_anything_from_another_host(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        for url in fetched_urls(page.read_text(encoding="utf-8")):
            assert "//" not in url and not url.startswith(("data:", "http")), f"{page}: {url}"
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import url(http" not in text and "fonts.g" not in text, css


ROOT = Path(__file__).parents[2]


def _build(tmp_path: Path, docs_extra: dict[str, str],
           content_files: dict[str, str] | None = None) -> None:
    """A strict build of a copy of the site with extra pages and replaced content files."""
    import shutil

    for name in ("mkdocs.yml", "docs", "content", "hooks", "overrides", "calculators"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    for path, text in docs_extra.items():
        (tmp_path / "docs" / path).write_text(text)
    for name, text in (content_files or {}).items():
        (tmp_path / "content" / name).write_text(text)
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"),
                         site_dir=str(tmp_path / "site"), strict=True)
    build(config)


def test_an_unknown_marker_stops_the_build(tmp_path, monkeypatch, caplog, build_date):
    monkeypatch.setenv("BUILD_DATE", build_date)
    with pytest.raises(Abort, match="BuildError"):
        _build(tmp_path, {"oops.md": "# Oops\n\n<!-- checklists: first-month -->\n"})
    assert any(record.getMessage().startswith(
        "docs/oops.md:3: unknown marker 'checklists' (known: ") for record in caplog.records)


def test_an_old_figure_never_stops_the_strict_build(tmp_path, monkeypatch, caplog):
    """Years on, the site still publishes; the build's report names what to re-check,
    and the figures page says how old each figure is."""
    monkeypatch.setenv("BUILD_DATE", "2031-01-01")
    with caplog.at_level(logging.INFO):
        _build(tmp_path, {})
    report = next(r.getMessage() for r in caplog.records
                  if "Figures to re-check as of 2031-01-01: " in r.getMessage())
    assert "  - bls-benefits-share-private: " in report
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    figures = (tmp_path / "site" / "figures" / "index.html").read_text(encoding="utf-8")
    assert "due for a re-check" in figures


def test_strict_still_fails_on_any_other_warning(tmp_path, monkeypatch, build_date):
    monkeypatch.setenv("BUILD_DATE", build_date)
    with pytest.raises(Abort, match="warnings"):
        _build(tmp_path, {"oops.md": "# Oops\n\n[A page that is not there](missing.md)\n"})


def test_figures_state_their_age_on_the_figures_page_and_benefit_pages(built_site):
    figures = read(built_site, "figures/index.html")
    assert "how old it was when this page was built (November 2026)" in figures
    assert "Tax limits\nand tax rates are for tax year 2026." in figures
    assert "<th>Age</th>" in figures
    benefit = read(built_site, "benefits/must-have/health-insurance/index.html")
    assert '<span class="figure-age">' in benefit


def test_every_page_carries_a_content_security_policy(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        assert head.count('http-equiv="Content-Security-Policy"') == 1, page
        calculator = page.relative_to(built_site).parts[0] == "calculators"
        assert ("'wasm-unsafe-eval'" in head) == calculator, page
        assert "unsafe-inline" not in head, page


def test_bad_content_stops_the_build_with_its_file_and_line(tmp_path, monkeypatch, caplog,
                                                            build_date):
    monkeypatch.setenv("BUILD_DATE", build_date)
    config = tmp_path / "site-src"
    config.mkdir()
    figures = (ROOT / "content" / "figures.yaml").read_text()
    broken = figures.replace("unit: pct", "unit: percent", 1)
    line = broken[:broken.index("unit: percent")].count("\n") + 1
    with pytest.raises(Abort):
        _build(config, {}, {"figures.yaml": broken})
    assert any(record.getMessage().splitlines()[1:] == [
        f"content/figures.yaml:{line}: figures[{_index_of_first_pct(figures)}].unit: "
        "'percent' is not one of: usd, usd_per_hour, usd_per_month, pct, days, weeks, "
        "months, years, count", "1 problem in content/"] for record in caplog.records)


def _index_of_first_pct(figures_yaml: str) -> int:
    """Which figure holds the first ``unit: pct`` of the real figures file."""
    before = figures_yaml[:figures_yaml.index("unit: pct")]
    return before.count("\n  - id: ") - 1
