"""The title of each hand-written page, read from its first ``# `` heading."""

from __future__ import annotations

from pathlib import Path


def first_heading(markdown: str) -> str | None:
    """The text of the first level-1 ATX heading, if any."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def page_titles(docs_dir: Path) -> dict[str, str]:
    """Docs path (``steps/01-know-your-worth.md``) to title, for every page with one."""
    titles = {}
    for path in sorted(docs_dir.rglob("*.md")):
        title = first_heading(path.read_text(encoding="utf-8"))
        if title:
            titles[path.relative_to(docs_dir).as_posix()] = title
    return titles
