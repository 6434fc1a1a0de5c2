"""A calculator's result as a reader sees it: HTML tables and, where a picture helps, SVG.

:func:`render` turns the JSON that :func:`calculators.api.run` returns into an HTML
fragment: a lead sentence when the result has a ``summary`` (and below it each note,
an output named ``*_note``), a table of every single figure, a chart for results that
have a shape (an offer's breakdown, offers or salaries over the years, a vesting
schedule), and a table of each list of rows. The
build pre-renders each calculator's example with it, and the browser's worker renders
every live result with it, so a page looks the same before and after Python loads.

:func:`respond` is what the browser's worker calls: JSON text in, JSON text out,
``{"result", "html"}`` or ``{"error": {"field", "message"}}``; nothing else escapes.

Every element that shows a figure carries ``data-output`` (the output's key; a table
cell carries its column's key in ``data-column``) and ``data-value``, the figure as
JSON, so scripts and tests read the raw number rather than the formatted text. Each
chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that states its
data in words; the same data is always in a table beside it.

>>> format_value(1234.5, "usd"), format_value(-5, "usd"), format_value(0.625, "fraction")
('$1,234.50', '-$5.00', '62.5%')
>>> format_value(7.6923, "pct"), format_value(None, "usd"), format_value(True, "bool")
('7.69%', '—', 'Yes')
>>> format_value(705012.3, "usd_whole"), format_value(-42.5, "usd_whole")
('$705,012', '-$42.50')
>>> html = render("pto_value", {"daily_rate": 300.0, "hourly_rate": 37.5, "pto_value": 6000.0,
...     "pto_share_of_salary_pct": 7.69, "difference_value": None, "after_tax_daily_rate": 245.01,
...     "after_tax_pto_value": 4900.2, "after_tax_difference_value": None})
>>> '<td data-output="pto_value" data-value="6000.0">$6,000.00</td>' in html
True
>>> import json
>>> json.loads(respond("pto_value", '{"salary": -1, "pto_days": 5}'))["error"]["field"]
'salary'
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any

from .api import calculator, run
from .errors import CalculatorError

__all__ = ["GENERIC_ERROR", "format_value", "format_axis", "display_unit", "render", "respond",
           "bar_chart", "line_chart", "stacked_chart", "difference_chart"]

GENERIC_ERROR = "Something went wrong with this calculation. Check the inputs and try again."
# Charts are drawn 400 units wide with 14-15 unit text (calculator.css) and shown at most
# 500 px wide: on a 375 px phone the text stays 12-13 px, on a desktop about 18 px.
WIDTH = 400
LEGEND_SPACING = 112  # one legend entry: a swatch and up to 10 characters
SERIES_LIMIT = 5  # offer_comparison compares at most five offers: one colour each
# Below this many dollars a figure keeps its cents where a report shows whole dollars.
SMALL_MONEY = 100


# --- numbers as text ------------------------------------------------------------


def _trim(text: str) -> str:
    """``3.50`` -> ``3.5``, ``4.00`` -> ``4``: no trailing zeros after the point."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_value(value: Any, unit: str) -> str:
    """A figure as a reader reads it: ``$1,234.50``, ``62.5%``, ``Yes``, ``—``."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return value
    if unit == "usd_whole":  # whole dollars, cents only on a small figure
        places = 2 if abs(value) < SMALL_MONEY and value != int(value) else 0
        text = f"${abs(value):,.{places}f}"
        return "-" + text if value < 0 and text.strip("$0.,") else text
    if unit in ("usd", "usd_per_hour"):
        text = f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"
        return text + ("/hour" if unit == "usd_per_hour" else "")
    if unit == "pct":
        return _trim(f"{value:,.2f}") + "%"
    if unit == "fraction":
        return _trim(f"{value * 100:,.2f}") + "%"
    return _trim(f"{value:,.4f}")


def format_axis(value: float, unit: str) -> str:
    """A short tick label: ``$120k``, ``$1.5M``, ``40%``, ``12``."""
    if unit in ("usd", "usd_whole"):
        size = abs(value)
        sign = "-" if value < 0 else ""
        if size >= 1_000_000:
            return f"{sign}${_trim(f'{size / 1_000_000:.1f}')}M"
        if size >= 1_000:
            return f"{sign}${_trim(f'{size / 1_000:.1f}')}k"
        return f"{sign}${_trim(f'{size:.0f}')}"
    if unit == "pct":
        return f"{_trim(f'{value:.1f}')}%"
    return _trim(f"{value:,.1f}")


def _nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` ticks."""
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _scale(values: Sequence[float]) -> tuple[float, float, float]:
    """Axis bounds that include zero and every value, and the step between ticks."""
    low, high = min(0.0, *values), max(0.0, *values)
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


# --- SVG charts -----------------------------------------------------------------


def _svg(chart_id: str, title: str, desc: str, height: int) -> ET.Element:
    svg = ET.Element("svg", {
        "class": "calc-chart", "role": "img", "viewBox": f"0 0 {WIDTH} {height}",
        "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
        "xmlns": "http://www.w3.org/2000/svg", "focusable": "false"})
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg


def _text(parent: ET.Element, x: float, y: float, text: str, cls: str,
          anchor: str = "start") -> None:
    ET.SubElement(parent, "text", {"x": f"{x:g}", "y": f"{y:g}", "class": cls,
                                   "text-anchor": anchor}).text = text


def bar_chart(chart_id: str, title: str, rows: Sequence[tuple[str, float]],
              unit: str) -> ET.Element:
    """Horizontal bars, one per ``(label, value)``, each labelled with its value."""
    desc = "; ".join(f"{label}: {format_value(value, unit)}" for label, value in rows) + "."
    row_height = 44
    svg = _svg(chart_id, title, desc, row_height * len(rows) + 8)
    low, high, _ = _scale([value for _, value in rows])
    left, span = 4.0, WIDTH - 8.0

    def x_of(value: float) -> float:
        return left + (value - low) / (high - low) * span

    for index, (label, value) in enumerate(rows):
        top = index * row_height
        _text(svg, left, top + 16, f"{label}: {format_value(value, unit)}", "calc-chart-label")
        start, end = sorted((x_of(0.0), x_of(value)))
        ET.SubElement(svg, "rect", {
            "x": f"{start:.1f}", "y": f"{top + 22}", "width": f"{max(end - start, 1.0):.1f}",
            "height": "16", "rx": "2", "class": f"calc-bar calc-series-{index % SERIES_LIMIT}"})
    return svg


def line_chart(chart_id: str, title: str, x_label: str, xs: Sequence[float],
               series: Sequence[tuple[str, Sequence[float]]], unit: str, *,
               step: bool = False, x_unit: str | None = None,
               markers: Sequence[tuple[str, float]] = ()) -> ET.Element:
    """One line per ``(name, values)`` over ``xs``; ``step`` holds each value until the next x.

    With ``x_unit`` the x axis reads in that unit, with round ticks; each of ``markers``
    (``(label, x)``) is a labelled dashed line across the plot.
    """

    def x_text(x: float) -> str:
        return format_value(x, x_unit) if x_unit else f"{x:g}"

    parts = [f"{name}: {format_value(values[0], unit)} at {x_label.lower()} {x_text(xs[0])}, "
             f"{format_value(values[-1], unit)} at {x_label.lower()} {x_text(xs[-1])}"
             for name, values in series]
    parts += [f"marked: {label} at {x_text(x)}" for label, x in markers]
    desc = "; ".join(parts) + "."
    left, right, bottom = 60, 16, 40
    per_row = (WIDTH - left) // LEGEND_SPACING
    legend_rows = math.ceil(len(series) / per_row)
    top = 20 + 20 * legend_rows  # the legend wraps onto more rows rather than off the chart
    height = top + 220 + bottom
    svg = _svg(chart_id, title, desc, height)
    low, high, y_step = _scale([v for _, values in series for v in values])
    x_low, x_high = min(xs), max(xs)
    x_span = (x_high - x_low) or 1
    plot_width, plot_height = WIDTH - left - right, height - top - bottom

    def x_of(x: float) -> float:
        return left + (x - x_low) / x_span * plot_width

    def y_of(y: float) -> float:
        return top + (high - y) / (high - low) * plot_height

    grid = ET.SubElement(svg, "g", {"class": "calc-chart-grid"})
    tick = low
    while tick <= high + y_step / 2:
        y = y_of(tick)
        ET.SubElement(grid, "line", {"x1": f"{left}", "x2": f"{WIDTH - right}",
                                     "y1": f"{y:.1f}", "y2": f"{y:.1f}"})
        _text(grid, left - 6, y + 4, format_axis(tick, unit), "calc-chart-tick", "end")
        tick += y_step
    if x_unit:
        x_step = _nice_step(x_span, ticks=3)
        x_ticks = [x_low + k * x_step for k in range(int(x_span // x_step) + 1)]
        labels = [(x, format_axis(x, x_unit)) for x in x_ticks]
    else:
        every = max(1, math.ceil(len(xs) / 10))
        labels = [(x, f"{x:g}") for x in xs[::every]]
    for x, label in labels:
        _text(grid, x_of(x), height - bottom + 20, label, "calc-chart-tick", "middle")
    _text(grid, WIDTH - right, height - 4, x_label, "calc-chart-tick", "end")
    # Marker labels in rows: at the top left of their line in the left half of the plot,
    # at the bottom right of it in the right half (where rising lines leave room).
    rows = {True: 0, False: 0}
    for label, x in markers:
        mark = ET.SubElement(svg, "g", {"class": "calc-chart-marker"})
        px = x_of(x)
        ET.SubElement(mark, "line", {"x1": f"{px:.1f}", "x2": f"{px:.1f}", "y1": f"{top}",
                                     "y2": f"{height - bottom}", "stroke": "currentColor",
                                     "stroke-dasharray": "4 3", "stroke-opacity": "0.7"})
        left_half = px <= left + plot_width / 2
        y = top + 14 + 16 * rows[left_half] if left_half else \
            height - bottom - 6 - 16 * rows[left_half]
        rows[left_half] += 1
        _text(mark, px + 4 if left_half else px - 4, y, label[:16], "calc-chart-tick",
              "start" if left_half else "end")
    for index, (name, values) in enumerate(series):
        points: list[tuple[float, float]] = []
        for x, y in zip(xs, values):
            if step and points:
                points.append((x_of(x), points[-1][1]))
            points.append((x_of(x), y_of(y)))
        cls = f"calc-series-{index % SERIES_LIMIT}"
        ET.SubElement(svg, "polyline", {
            "points": " ".join(f"{px:.1f},{py:.1f}" for px, py in points),
            "class": f"calc-line {cls}", "fill": "none"})
        if len(xs) <= 24:
            for x, y in zip(xs, values):
                ET.SubElement(svg, "circle", {"cx": f"{x_of(x):.1f}", "cy": f"{y_of(y):.1f}",
                                              "r": "3.5", "class": f"calc-dot {cls}"})
        row, column = divmod(index, per_row)
        legend_x, legend_y = left + column * LEGEND_SPACING, 10 + row * 20
        ET.SubElement(svg, "rect", {"x": f"{legend_x}", "y": f"{legend_y}", "width": "14",
                                    "height": "14", "class": f"calc-bar {cls}"})
        _text(svg, legend_x + 20, legend_y + 13, name[:10], "calc-chart-label")
    return svg


# --- charts per calculator -------------------------------------------------------

Chart = tuple[str, ET.Element]  # (caption, svg)


def _package_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = [(row["name"], row["annual_value"]) for row in result["breakdown"]]
    return [("Where the year-one total comes from",
             bar_chart(f"{name}-breakdown", "Offer value by part", rows, "usd"))]


# What each offer's year is made of, in the stacked bars: (name in the legend, words in
# the description, the by_year columns it adds up); the health cost is drawn below zero.
_PARTS = (("Salary", "salary", ("salary",)),
          ("Bonus", "bonus and sign-on", ("bonus", "signon")),
          ("Equity", "equity", ("equity",)),
          ("Benefits", "401(k) match and other benefits",
           ("retirement_match_vested", "other_benefits")))
_HEALTH = ("Health", "less health cost", ("health_cost",))


def stacked_chart(chart_id: str, title: str, rows: Sequence[dict[str, Any]],
                  unit: str) -> ET.Element:
    """One bar per year, stacked from its parts (``_PARTS``), the health cost below zero."""
    def part(row: dict[str, Any], keys: tuple[str, ...]) -> float:
        return sum(row[key] for key in keys)

    desc = "; ".join(
        f"Year {row['year']}: " + ", ".join(
            f"{words} {format_value(part(row, keys), unit)}"
            for _, words, keys in (*_PARTS, _HEALTH) if part(row, keys))
        for row in rows) + "."
    left, right, bottom = 60, 16, 40
    entries = len(_PARTS) + 1
    per_row = (WIDTH - left) // LEGEND_SPACING
    top = 20 + 20 * math.ceil(entries / per_row)
    height = top + 170 + bottom
    svg = _svg(chart_id, title, desc, height)
    ups = [sum(max(part(row, keys), 0.0) for _, _, keys in _PARTS) for row in rows]
    downs = [-part(row, _HEALTH[2]) - sum(max(-part(row, keys), 0.0) for _, _, keys in _PARTS)
             for row in rows]
    low, high, y_step = _scale([*ups, *downs])
    plot_width, plot_height = WIDTH - left - right, height - top - bottom

    def y_of(y: float) -> float:
        return top + (high - y) / (high - low) * plot_height

    _grid(svg, low, high, y_step, left, right, y_of, unit)
    slot = plot_width / len(rows)
    bar = min(slot * 0.6, 36)
    for number, row in enumerate(rows):
        x = left + slot * number + (slot - bar) / 2
        above = below = 0.0
        for index, (_, _, keys) in enumerate((*_PARTS, _HEALTH)):
            value = -part(row, keys) if keys is _HEALTH[2] else part(row, keys)
            if not value:
                continue
            start = above if value > 0 else below
            end = start + value
            if value > 0:
                above = end
            else:
                below = end
            y1, y2 = sorted((y_of(start), y_of(end)))
            ET.SubElement(svg, "rect", {
                "x": f"{x:.1f}", "y": f"{y1:.1f}", "width": f"{bar:.1f}",
                "height": f"{max(y2 - y1, 0.5):.1f}", "class": f"calc-bar calc-series-{index}"})
        _text(svg, x + bar / 2, height - bottom + 20, str(row["year"]), "calc-chart-tick",
              "middle")
    _text(svg, WIDTH - right, height - 4, "Year", "calc-chart-tick", "end")
    zero = y_of(0.0)
    ET.SubElement(svg, "line", {"x1": f"{left}", "x2": f"{WIDTH - right}", "y1": f"{zero:.1f}",
                                "y2": f"{zero:.1f}", "class": "calc-chart-zero"})
    _legend(svg, [name for name, _, _ in (*_PARTS, _HEALTH)], left)
    return svg


def difference_chart(chart_id: str, title: str, years: Sequence[int],
                     series: Sequence[tuple[str, Sequence[float]]], unit: str) -> ET.Element:
    """Bars per year: each offer's year less the leader's (below zero: behind that year)."""
    desc = "; ".join(f"{name}: " + ", ".join(
        f"{format_value(value, unit)} in year {year}" for year, value in zip(years, values))
        for name, values in series) + "."
    left, right, bottom = 60, 16, 40
    per_row = (WIDTH - left) // LEGEND_SPACING
    top = 20 + 20 * math.ceil(len(series) / per_row)
    height = top + 150 + bottom
    svg = _svg(chart_id, title, desc, height)
    low, high, y_step = _scale([v for _, values in series for v in values])
    plot_width, plot_height = WIDTH - left - right, height - top - bottom

    def y_of(y: float) -> float:
        return top + (high - y) / (high - low) * plot_height

    _grid(svg, low, high, y_step, left, right, y_of, unit)
    slot = plot_width / len(years)
    bar = min(slot * 0.7 / len(series), 30)
    for number, year in enumerate(years):
        start_x = left + slot * number + (slot - bar * len(series)) / 2
        for index, (_, values) in enumerate(series):
            y1, y2 = sorted((y_of(0.0), y_of(values[number])))
            ET.SubElement(svg, "rect", {
                "x": f"{start_x + index * bar:.1f}", "y": f"{y1:.1f}", "width": f"{bar:.1f}",
                "height": f"{max(y2 - y1, 0.5):.1f}",
                "class": f"calc-bar calc-series-{(index + 1) % SERIES_LIMIT}"})
        _text(svg, left + slot * number + slot / 2, height - bottom + 20, str(year),
              "calc-chart-tick", "middle")
    _text(svg, WIDTH - right, height - 4, "Year", "calc-chart-tick", "end")
    zero = y_of(0.0)
    ET.SubElement(svg, "line", {"x1": f"{left}", "x2": f"{WIDTH - right}", "y1": f"{zero:.1f}",
                                "y2": f"{zero:.1f}", "class": "calc-chart-zero"})
    _legend(svg, [name for name, _ in series], left, first=1)
    return svg


def _grid(svg: ET.Element, low: float, high: float, step: float, left: float, right: float,
          y_of: Callable[[float], float], unit: str) -> None:
    grid = ET.SubElement(svg, "g", {"class": "calc-chart-grid"})
    tick = low
    while tick <= high + step / 2:
        y = y_of(tick)
        ET.SubElement(grid, "line", {"x1": f"{left}", "x2": f"{WIDTH - right}",
                                     "y1": f"{y:.1f}", "y2": f"{y:.1f}"})
        _text(grid, left - 6, y + 4, format_axis(tick, unit), "calc-chart-tick", "end")
        tick += step


def _legend(svg: ET.Element, names: Sequence[str], left: float, first: int = 0) -> None:
    per_row = (WIDTH - left) // LEGEND_SPACING
    for index, name in enumerate(names):
        row, column = divmod(index, per_row)
        x, y = left + column * LEGEND_SPACING, 10 + row * 20
        ET.SubElement(svg, "rect", {"x": f"{x:g}", "y": f"{y}", "width": "14", "height": "14",
                                    "class": f"calc-bar calc-series-{(index + first) % SERIES_LIMIT}"})
        _text(svg, x + 20, y + 13, name[:10], "calc-chart-label")


def _comparison_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    measure = result["ranked_by"].lower()
    leader = result["leader"]
    charts: list[Chart] = []
    for number, row in enumerate(result["offers"]):
        years = [y for y in result["by_year"] if y["offer"] == row["offer"]]
        charts.append((f"What {row['offer']} is made of, year by year, before tax",
                       stacked_chart(f"{name}-parts-{number}", f"{row['offer']}: each year's "
                                     "pay and benefits, less the health cost", years,
                                     "usd_whole")))
    years = sorted({y["year"] for y in result["by_year"]})
    series = [(row["offer"], [y["difference_from_leader"] for y in result["by_year"]
                              if y["offer"] == row["offer"]])
              for row in result["offers"] if row["offer"] != leader]
    charts.append((f"Each offer against the leader, {leader}, year by year ({measure}); "
                   "below zero it is behind that year",
                   difference_chart(f"{name}-difference", f"Each offer less {leader}, by year, "
                                    f"{measure}", years, series, "usd_whole")))
    return charts


def _comparison_digest(name: str, result: dict[str, Any]) -> ET.Element:
    """The answer in a few lines, each a link to where the full result says it."""
    money = "usd_whole"
    digest = ET.Element("div", {"class": "calc-digest", "data-digest": ""})
    ET.SubElement(digest, "p", {"class": "calc-digest-title"}).text = "The answer so far"
    items = ET.SubElement(digest, "ul", {"class": "calc-digest-items"})

    def item(label: str, value: str, href: str, key: str) -> None:
        link = ET.SubElement(ET.SubElement(items, "li"), "a",
                             {"href": href, "data-digest-item": key})
        ET.SubElement(link, "span", {"class": "calc-digest-label"}).text = label
        ET.SubElement(link, "strong").text = value

    ranked = result["ranked_by"].lower()
    share = "" if result["margin_pct"] is None else f" ({result['margin_pct']:.1f}%)"
    item(f"Leader, {ranked}", result["leader"], f"#{name}-offers", "leader")
    item("Margin", f"{format_value(result['margin'], money)}{share} over "
         f"{result['runner_up']}", f"#{name}-figures", "margin")
    band = format_value(result["close_band_pct"], "pct")
    item("Too close to call?", f"Yes, within {band}" if result["too_close_to_call"]
         else f"No: more than {band}", f"#{name}-figures", "close")
    months = result["leave_after_months"]
    leaving = ", ".join(f"{row['offer']} {format_value(row['total'], money)}"
                        for row in result["forfeiture"])
    item(f"Leaving after {months} month{'s' * (months != 1)} costs", leaving,
         f"#{name}-forfeiture", "leaving")
    if result["ranked_by"] != "After tax" and "no state" in result["ranking_note"]:
        ET.SubElement(digest, "p", {"class": "calc-digest-hint"}).text = (
            "Choose each offer's state to compare them after tax.")
    # The counter-offer planner improves the first offer to match the best of the others.
    first = result["offers"][0]
    best = min(result["offers"][1:], key=lambda row: row["rank"])
    item("What to ask for", f"For {first['offer']} to match {best['offer']}", COUNTER_OFFER,
         "ask")
    return digest


def _salary_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = result["by_year"]
    series = [("Salary A", [row["salary_a"] for row in rows]),
              ("Salary B", [row["salary_b"] for row in rows])]
    return [("Both salaries, year by year",
             line_chart(f"{name}-salaries", "Salary A and salary B by year", "Year",
                        [row["year"] for row in rows], series, "usd"))]


def _vesting_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    months = [0] + [row["month"] for row in result["schedule"]]
    vested = [0.0] + [row["vested_fraction"] * 100 for row in result["schedule"]]
    return [("Share of the grant vested, month by month",
             line_chart(f"{name}-schedule", "Vesting schedule", "Month", months,
                        [("Vested", vested)], "pct", step=True))]


def _match_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = result["vesting_schedule"]
    return [("Share of the match that is yours, by years of service",
             line_chart(f"{name}-vesting", "Vesting of the match", "Years", [r["year"] for r in rows],
                        [("Vested", [r["vested_pct"] for r in rows])], "pct", step=True))]


def _tradeoff_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = [(ask["label"], ask["salary_equivalent"]) for ask in result["asks"]]
    if not rows:
        return []
    return [("Each ask, as the raise that would leave you the same after tax",
             bar_chart(f"{name}-asks", "Asks as salary", rows, "usd"))]


def _espp_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = [("Gain on the purchase dates", result["year_gain"])]
    if result["disqualifying_kept"] is not None:
        rows += [("After tax, sold early", result["disqualifying_kept"]),
                 ("After tax, qualifying sale", result["qualifying_kept"])]
    return [("A year's gain, before and after tax",
             bar_chart(f"{name}-gain", "A year's gain", rows, "usd"))]


def _options_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = result["schedule"]
    series = [("Worth", [0.0] + [row["value_at_exit"] for row in rows]),
              ("Cash", [0.0] + [row["cash_needed"] for row in rows])]
    return [("What the vested options are worth at the price tested, and the cash to "
             "exercise them",
             line_chart(f"{name}-schedule", "Vested options: worth and cash to exercise",
                        "Month", [0] + [row["month"] for row in rows], series, "usd"))]


def _rsu_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = [("Federal tax withheld", result["federal_withheld"]),
            ("Federal tax they add", result["federal_tax_owed"]),
            ("All the tax they add", result["total_tax"])]
    return [("Withholding against the tax the RSUs really add",
             bar_chart(f"{name}-withholding", "Withheld and owed", rows, "usd"))]


def _take_home_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = [(row["part"], row["amount"]) for row in result["breakdown"]]
    return [("Where each dollar of salary goes, in a year",
             bar_chart(f"{name}-breakdown", "Wages by where they go", rows, "usd"))]


# The counter-offer planner, from a calculator's page (calculators/NAME/).
COUNTER_OFFER = "../counter_offer/"
# Results read in a few lines before the whole: the workbench keeps them in view.
DIGESTS: dict[str, Callable[[str, dict[str, Any]], ET.Element]] = {
    "offer_comparison": _comparison_digest,
}
# Results whose money reads in whole dollars (cents only on a small figure).
WHOLE_DOLLARS = {"offer_comparison"}


def _key_columns(result: dict[str, Any]) -> dict[str, set[str]]:
    """The offer comparison's columns a phone shows; the rest are one tap away."""
    measure = result["ranked_by"]
    total = {"Before tax": "total", "After tax": "after_tax_total"}.get(
        measure, "purchasing_power_total")
    yearly = "total" if measure == "Before tax" else "after_tax"
    case_total = "total" if measure == "Before tax" else "after_tax_total"
    return {"offers": {"offer", "rank", total, "behind_leader_by"},
            "by_year": {"offer", "year", yearly, "difference_from_leader"},
            "by_price_case": {"case", "offer", case_total, "rank"},
            "forfeiture": {"offer", "total"}}


KEY_COLUMNS: dict[str, Callable[[dict[str, Any]], dict[str, set[str]]]] = {
    "offer_comparison": _key_columns,
}


def _health_choice_charts(name: str, result: dict[str, Any]) -> list[Chart]:
    rows = result["curve"]
    xs = sorted({row["medical_costs"] for row in rows})
    plans = list(dict.fromkeys(row["plan"] for row in rows))
    series = [(plan, [row["cost"] for row in rows if row["plan"] == plan]) for plan in plans]
    years = [(row["scenario"], row["medical_costs"]) for row in result["scenarios"]]
    marked = [(label, x) for label, x in years if x <= xs[-1]]
    marked += [("Break-even", row["medical_costs"]) for row in result["break_even"]]
    people = result["people_covered"]
    caption = "Each plan's cost for the year as medical spending grows"
    if people > 1:
        caption += f", spread evenly across the {people} people covered"
    caption += ", with the years priced and the break-even marked" if result["break_even"] \
        else ", with the years priced marked"
    beyond = [label for label, x in years if x > xs[-1]]
    if beyond:
        caption += (f"; past {format_value(xs[-1], 'usd')} no plan's cost changes, so "
                    f"{' and '.join(beyond)} is off the chart")
    return [(caption, line_chart(f"{name}-curve", "Cost of each plan by yearly medical spending",
                                 "Medical spending", xs, series, "usd", x_unit="usd",
                                 markers=marked))]


CHARTS: dict[str, Callable[[str, dict[str, Any]], list[Chart]]] = {
    "take_home_pay": _take_home_charts,
    "health_plan_choice": _health_choice_charts,
    "package_value": _package_charts,
    "offer_comparison": _comparison_charts,
    "salary_growth": _salary_charts,
    "equity_vesting": _vesting_charts,
    "retirement_match": _match_charts,
    "benefit_tradeoff": _tradeoff_charts,
    "espp": _espp_charts,
    "stock_options": _options_charts,
    "rsu_taxes": _rsu_charts,
}


# --- the whole result ------------------------------------------------------------


def _cell(tag: str, value: Any, unit: str, attrs: dict[str, str]) -> ET.Element:
    cell = ET.Element(tag, {**attrs, "data-value": json.dumps(value)})
    cell.text = format_value(value, unit)
    return cell


def _data_table(output: dict[str, Any], rows: list[dict[str, Any]],
                unit: Callable[[str], str] = lambda u: u, anchor: str | None = None,
                key_columns: set[str] | None = None) -> ET.Element:
    """A list of rows as a table; with ``key_columns``, the others are marked
    ``calc-col-more`` (a phone shows them on request, from the button before the table)."""
    wrap = ET.Element("div", {"class": "calc-table-wrap", "role": "region", "tabindex": "0",
                              "aria-label": output["label"]})
    columns = output["columns"]
    more = set() if key_columns is None else {c["key"] for c in columns} - key_columns
    table = ET.SubElement(wrap, "table", {"class": "calc-table", "data-output": output["key"]})
    if anchor:
        wrap.set("id", anchor)
    ET.SubElement(table, "caption").text = output["label"]
    head = ET.SubElement(ET.SubElement(table, "thead"), "tr")
    for column in columns:
        th = ET.SubElement(head, "th", {"scope": "col"})
        th.text = column["label"]
        if column["key"] in more:
            th.set("class", "calc-col-more")
    body = ET.SubElement(table, "tbody")
    for row in rows:
        tr = ET.SubElement(body, "tr")
        for column in columns:
            attrs = {"data-column": column["key"]}
            if column["key"] in more:
                attrs["class"] = "calc-col-more"
            tr.append(_cell("td", row[column["key"]], unit(column["unit"]), attrs))
    if not rows:
        td = ET.SubElement(ET.SubElement(body, "tr"), "td", {"colspan": str(len(columns))})
        td.text = "None."
    if not more:
        return wrap
    holder = ET.Element("div", {"class": "calc-table-holder"})
    toggle = ET.SubElement(holder, "button", {
        "type": "button", "class": "md-button calc-columns", "data-action": "columns",
        "aria-expanded": "false"})
    ET.SubElement(toggle, "span", {"class": "calc-columns-more"}).text = (
        f"Show all {len(columns)} columns")
    ET.SubElement(toggle, "span", {"class": "calc-columns-fewer"}).text = (
        "Show the main columns")
    holder.append(wrap)
    return holder


def display_unit(name: str, unit: str) -> str:
    """The unit calculator ``name``'s report shows a figure in: money in whole dollars
    where the calculator's figures are large (``WHOLE_DOLLARS``)."""
    return "usd_whole" if name in WHOLE_DOLLARS and unit == "usd" else unit


def render(name: str, result: dict[str, Any]) -> str:
    """The HTML fragment showing ``result``, the output of calculator ``name``."""
    outputs = calculator(name).to_json()["outputs"]
    root = ET.Element("div", {"class": "calc-report", "data-report": name})

    def unit(u: str) -> str:
        return display_unit(name, u)

    if name in DIGESTS:
        root.append(DIGESTS[name](name, result))
    # A note (an output named *_note) is a sentence: below the lead, where it can wrap.
    notes = [o for o in outputs if o["columns"] is None and o["key"].endswith("_note")]
    figures = [o for o in outputs if o["columns"] is None and o["key"] != "summary"
               and o not in notes]
    tables = [o for o in outputs if o["columns"] is not None]
    if "summary" in result:
        lead = _cell("p", result["summary"], "text",
                     {"class": "calc-lead", "data-output": "summary"})
        root.append(lead)
    for output in notes:
        root.append(_cell("p", result[output["key"]], output["unit"],
                          {"class": "calc-note", "data-output": output["key"]}))
    table = ET.SubElement(root, "table", {"class": "calc-figures"})
    if name in DIGESTS:
        table.set("id", f"{name}-figures")
    ET.SubElement(table, "caption").text = "Result"
    body = ET.SubElement(table, "tbody")
    for output in figures:
        tr = ET.SubElement(body, "tr")
        th = ET.SubElement(tr, "th", {"scope": "row"})
        th.text = output["label"]
        if output["help"]:
            ET.SubElement(th, "small", {"class": "calc-help"}).text = output["help"]
        tr.append(_cell("td", result[output["key"]], unit(output["unit"]),
                        {"data-output": output["key"]}))
    for caption, svg in CHARTS.get(name, lambda *_: [])(name, result):
        figure = ET.SubElement(root, "figure", {"class": "calc-figure"})
        figure.append(svg)
        ET.SubElement(figure, "figcaption").text = f"{caption}. The data is in a table below."
    keys = KEY_COLUMNS[name](result) if name in KEY_COLUMNS else {}
    for output in tables:
        root.append(_data_table(output, result[output["key"]], unit,
                                f"{name}-{output['key']}" if name in DIGESTS else None,
                                keys.get(output["key"])))
    return ET.tostring(root, encoding="unicode", method="html")


def respond(name: str, inputs_json: str) -> str:
    """Run ``name`` on JSON inputs; JSON back: ``{"result", "html"}`` or ``{"error"}``.

    A bad input is reported with its field; any other failure with a generic message
    and no field, so no traceback ever reaches a page.
    """
    try:
        result = run(name, json.loads(inputs_json))
        return json.dumps({"result": result, "html": render(name, result)})
    except CalculatorError as error:
        return json.dumps(error.to_json())
    except Exception:  # noqa: BLE001 - the page shows a message, never a traceback
        return json.dumps({"error": {"field": None, "message": GENERIC_ERROR}})
