"""How old each figure is, and which ones a newer release should have replaced by now.

A figure's age never stops the site from publishing. Instead, each figure's source
has a cadence (``content/sources.yaml``): how often it publishes and how long after
the date it describes. The release after the one a figure quotes describes
``as_of + every_months`` and is expected about ``published_months_after`` months after
that; once the build date is a month past that expected date (publishers slip), the
figure is *due*: someone should check for the newer release and update the figure.

The build logs the report (``hooks/guide.py``), the figures page shows each figure's
age, ``make test`` prints the report for today, and a scheduled workflow
(``.github/workflows/freshness.yml``) runs this file with ``--check`` and opens an issue.

    python hooks/freshness.py                    # the report for today
    python hooks/freshness.py --date 2027-06-01  # as of another day
    python hooks/freshness.py --check            # exit 1 when anything is due
    python hooks/freshness.py --markdown         # the report as Markdown, for an issue
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from content_model import Content, Figure, Source
from figure_format import format_as_of, format_value

# Releases come out late now and then; a figure is due a month after its expected date.
GRACE_MONTHS = 1


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept inside the month (31 January + 1 = 28 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (0 when ``later`` is not after it)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def describe_months(months: int) -> str:
    """``under a month``, ``1 month``, ``17 months``, ``2 years``, ``2 years 3 months``."""
    if months < 1:
        return "under a month"
    if months < 24:
        return f"{months} month{'s' if months != 1 else ''}"
    years, rest = divmod(months, 12)
    text = f"{years} years"
    return f"{text} {rest} month{'s' if rest != 1 else ''}" if rest else text


@dataclass(frozen=True, slots=True)
class Age:
    """One figure's age on a given day, and whether a newer release should be out."""

    figure: Figure
    source: Source
    today: date
    months: int
    expected: date | None  # when the next release should be out; None: none is scheduled
    due: bool

    @property
    def text(self) -> str:
        """``8 months``: how old the figure is on ``today``."""
        return describe_months(self.months)


def age_of(figure: Figure, source: Source, today: date) -> Age:
    """How old ``figure`` is on ``today``, and whether its source should have a newer release."""
    cadence = source.cadence
    expected = None
    if cadence.every_months is not None:
        expected = add_months(figure.as_of,
                              cadence.every_months + cadence.published_months_after)
    due = expected is not None and today >= add_months(expected, GRACE_MONTHS)
    return Age(figure, source, today, months_between(figure.as_of, today), expected, due)


def ages(content: Content, today: date) -> list[Age]:
    """Every figure's age, in the order of ``content/figures.yaml``."""
    return [age_of(figure, content.source(figure.source), today) for figure in content.figures]


def due(content: Content, today: date) -> list[Age]:
    """The figures a newer release should have replaced by ``today``."""
    return [age for age in ages(content, today) if age.due]


def _by_release(items: Iterable[Age]) -> dict[tuple[str, date], list[Age]]:
    """Due figures grouped by source and by the date they describe: one release each."""
    grouped: dict[tuple[str, date], list[Age]] = {}
    for age in items:
        grouped.setdefault((age.source.id, age.figure.as_of), []).append(age)
    return grouped


def report(content: Content, today: date, markdown: bool = False) -> str:
    """What needs re-checking on ``today``: each release a newer one should have replaced,
    with its figures, their values, dates and ages. Plain text, or Markdown for an issue."""
    every = ages(content, today)
    stale = [age for age in every if age.due]
    if not stale:
        return (f"Figures to re-check as of {today}: none. No source of the {len(every)} "
                f"figures should have a newer release yet.")
    sources = len({age.source.id for age in stale})
    lines = [f"Figures to re-check as of {today}: {len(stale)} of {len(every)}, from "
             f"{sources} source{'s' if sources != 1 else ''} that should have published a "
             f"newer release. The site keeps publishing them, with their dates, until "
             f"someone checks the source and updates content/figures.yaml."]
    for group in _by_release(stale).values():
        first = group[0]
        source = first.source
        head = (f"{source.short} ({source.name}), figures as of "
                f"{format_as_of(first.figure.as_of)}: {source.cadence.schedule} The next "
                f"release was expected by about {format_as_of(first.expected)}.")
        lines.append("")
        if markdown:
            lines += [f"### [{source.short}]({source.url}), as of "
                      f"{format_as_of(first.figure.as_of)}", "", head, ""]
        else:
            lines += [head, f"  {source.url}"]
        for age in group:
            figure = age.figure
            item = (f"{figure.id}: {format_value(figure)}, as of "
                    f"{format_as_of(figure.as_of)} ({age.text} old)")
            lines.append(f"- `{figure.id}`{item[len(figure.id):]}" if markdown
                         else f"  - {item}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the report; with ``--check``, exit 1 when any figure is due."""
    import argparse
    from pathlib import Path

    from content_loader import ContentError, load_content

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--date", type=date.fromisoformat, default=date.today(),
                        help="the day to report as of (YYYY-MM-DD; default today)")
    parser.add_argument("--content", type=Path,
                        default=Path(__file__).parents[1] / "content",
                        help="the content folder (default: content/)")
    parser.add_argument("--markdown", action="store_true", help="write Markdown")
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 when any figure is due for a re-check")
    args = parser.parse_args(argv)
    try:
        content = load_content(args.content, None)
    except ContentError as error:
        print(error)
        return 2
    print(report(content, args.date, markdown=args.markdown))
    return 1 if args.check and due(content, args.date) else 0


if __name__ == "__main__":  # pragma: no cover - run by authors and the scheduled workflow
    raise SystemExit(main())
