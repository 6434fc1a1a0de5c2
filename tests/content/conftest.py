"""The re-check report, printed at the end of every run that collects these tests.

A figure's age never fails a test: ``make test`` shows which figures a newer release
should have replaced by today, so whoever runs it sees what to check next.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).parents[2]


def pytest_terminal_summary(terminalreporter):
    import freshness
    from content_loader import ContentError, load_content

    try:
        content = load_content(ROOT / "content", None)
    except ContentError:
        return  # the content tests say what is wrong
    terminalreporter.section("figures to re-check")
    terminalreporter.write_line(freshness.report(content, date.today()))
