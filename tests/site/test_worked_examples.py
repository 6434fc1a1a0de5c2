"""The steps' worked examples in the built site: computed by the engine, linked to their
calculators with the same inputs, and never left as a bare marker."""

from __future__ import annotations

import json
import posixpath
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote

from calculators.api import catalog, run
from calculators.report import format_value

from examples import complete, with_unit

STEP_PAGES = [f"steps/{p.stem}/index.html"
              for p in sorted((Path(__file__).parents[2] / "docs" / "steps").glob("[0-9]*.md"))]
BLOCK = re.compile(r'<div class="worked-example calc-report" data-example="(\w+)" '
                   r'data-inputs="([^"]+)">(.*?)<p class="worked-example-link">(.*?)</p></div>',
                   re.S)


def blocks(site: Path, page: str) -> list[tuple[str, dict, str]]:
    html = (site / page).read_text(encoding="utf-8")
    return [(name, json.loads(unescape(inputs)), body + link)
            for name, inputs, body, link in BLOCK.findall(html)]


def test_every_step_shows_a_worked_example_and_no_marker_is_left(built_site):
    for page in STEP_PAGES:
        html = (built_site / page).read_text(encoding="utf-8")
        assert blocks(built_site, page), page
        assert "<!-- example:" not in html and "<!-- result:" not in html, page


def test_each_example_shows_what_the_engine_computes_now(built_site):
    specs = {spec["name"]: spec for spec in catalog()}
    checked = 0
    for page in STEP_PAGES:
        for name, inputs, body in blocks(built_site, page):
            result = run(name, inputs)
            outputs = {o["key"]: o for o in specs[name]["outputs"]}
            for key, value, shown in re.findall(
                    r'<td data-output="(\w+)" data-value="([^"]*)">(.*?)</td>', body):
                output = outputs[key]
                assert json.loads(unescape(value)) == result[key], (page, name, key)
                assert unescape(shown) == with_unit(result[key], output["unit"]), (page, key)
                checked += 1
    assert checked >= 40


def test_each_example_links_to_its_calculator_with_the_same_inputs(built_site):
    for page in STEP_PAGES:
        for name, inputs, body in blocks(built_site, page):
            href = unescape(re.search(r'<a href="([^"]+)">[^<]*: open this example', body)
                            .group(1))
            path, _, fragment = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            assert (built_site / target / "index.html").is_file(), href
            assert target == f"calculators/{name}"
            key, _, value = fragment.partition("=")
            linked = json.loads(unquote(value))
            spec = next(spec for spec in catalog() if spec["name"] == name)
            assert key == name and linked == complete(spec["inputs"], inputs)
            assert run(name, linked) == run(name, inputs)


def test_results_in_sentences_are_the_engines(built_site):
    html = (built_site / "steps/05-time-the-conversation/index.html").read_text(encoding="utf-8")
    assert f">{format_value(run('pto_value', {'salary': 80000, 'pto_days': 60})['pto_value'], 'usd')}<" in html
    assert "$18,461.54" in html and "$18,000" not in html
