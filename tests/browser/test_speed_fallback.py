"""The fast start and its fallback: a calculator page restores the build's Pyodide
snapshot, and still gives CPython's results through the plain start whenever the
snapshot is missing, corrupt or made for another Pyodide. A returning visit starts
from the inflated copies the first one kept, and a bad copy is thrown away.

Each broken case is a copy of the built site, served under the sub-path on localhost.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
from calculators.report import respond


# The browser suite's server, loaded from its file (every conftest is named "conftest").
_spec = importlib.util.spec_from_file_location("browser_conftest",
                                               Path(__file__).with_name("conftest.py"))
_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_conftest)
SubPathHandler = _conftest.SubPathHandler

pytestmark = pytest.mark.browser
NAME = "pto_value"
INPUTS = {"salary": 91000}


def serve(folder):
    handler = functools.partial(SubPathHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/negotiate-benefits/"


def start_and_recalculate(context, url: str) -> tuple[str, dict]:
    """How the page started Python, and the figures it shows after a change."""
    from playwright.sync_api import expect

    page = context.new_page()
    try:
        page.goto(f"{url}calculators/{NAME}/")
        form = page.locator(f'form[data-calculator="{NAME}"]')
        expect(form).to_have_attribute("data-calc-state", "ready", timeout=120_000)
        start = form.get_attribute("data-calc-start")
        before = form.get_attribute("data-calc-rendered-at")
        for field, value in INPUTS.items():
            form.locator(f'[name="{field}"]').fill(str(value))
        page.wait_for_function(
            "([name, before]) => document.querySelector(`form[data-calculator=${name}]`)"
            ".dataset.calcRenderedAt !== before", arg=[NAME, before])
        cells = form.locator("[data-result] [data-output][data-value]")
        shown = {cells.nth(i).get_attribute("data-output"):
                 json.loads(cells.nth(i).get_attribute("data-value"))
                 for i in range(cells.count())}
        page.evaluate("() => localStorage.clear()")
        return start, shown
    finally:
        page.close()


def expected() -> dict:
    from calculators.api import catalog

    spec = next(s for s in catalog() if s["name"] == NAME)
    result = json.loads(respond(NAME, json.dumps({**spec["example"], **INPUTS})))["result"]
    return {o["key"]: result[o["key"]] for o in spec["outputs"] if o["columns"] is None}


def test_the_page_starts_from_the_snapshot(browser_context, site_url):
    start, shown = start_and_recalculate(browser_context, site_url)
    assert start == "snapshot"
    assert shown == expected()


def _delete(snapshot, page):
    snapshot.unlink()


def _corrupt(snapshot, page):
    data = bytearray(snapshot.read_bytes())
    data[len(data) // 2: len(data) // 2 + 64] = b"\x00" * 64
    snapshot.write_bytes(bytes(data))


def _garbage(snapshot, page):
    snapshot.write_bytes(b"not a snapshot at all")


def _other_pyodide(snapshot, page):
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('data-snapshot-version="314.0.7"',
                                 'data-snapshot-version="0.0.1"'), encoding="utf-8")


@pytest.mark.parametrize("damage", [_delete, _corrupt, _garbage, _other_pyodide],
                         ids=["missing", "corrupt", "not-gzip", "other-pyodide"])
def test_a_broken_snapshot_falls_back_to_the_plain_start(damage, built_site, tmp_path,
                                                         browser_context):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "calculators" / NAME / "index.html"
    snapshot = (page.parent / re.search(r'data-snapshot="([^"]+)"', page.read_text(
        encoding="utf-8"))[1]).resolve()
    assert snapshot.is_file()
    damage(snapshot, page)
    server, url = serve(site)
    try:
        start, shown = start_and_recalculate(browser_context, url)
    finally:
        server.shutdown()
        server.server_close()
    assert start == "plain"
    assert shown == expected()


# --- the inflated copies a first start keeps for the next -------------------------------

INFLATED = "negotiate-benefits:/negotiate-benefits/:inflated"
KEPT = """async (name) => {
  const out = {};
  for (const request of await (await caches.open(name)).keys()) {
    out[request.url] = (await (await (await caches.open(name)).match(request)).arrayBuffer()).byteLength;
  }
  return out;
}"""


def compressed_files(url: str, built_site) -> dict[str, str]:
    html = (built_site / "calculators" / NAME / "index.html").read_text(encoding="utf-8")
    page_url = f"{url}calculators/{NAME}/"
    return {kind: urljoin(page_url, re.search(rf'data-{kind}="([^"]+)"', html)[1])
            for kind in ("snapshot", "wasm")}


def wait_kept(page, wanted: set[str]) -> dict[str, int]:
    """Until the worker has stored the inflated copies of ``wanted``."""
    deadline = time.monotonic() + 60
    while True:
        kept = page.evaluate(KEPT, INFLATED)
        if set(kept) == wanted:
            return kept
        assert time.monotonic() < deadline, f"kept: {kept}"
        page.wait_for_timeout(100)


def test_a_returning_visit_starts_from_the_kept_inflated_copies(fresh_context, site_url,
                                                                built_site):
    files = compressed_files(site_url, built_site)
    context = fresh_context()
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))
    first = context.new_page()
    first.goto(f"{site_url}calculators/{NAME}/")
    kept = wait_kept(first, set(files.values()))
    assert set(asked) >= set(files.values())  # the first visit downloads them
    # The snapshot carries its own standard library, trimmed: not the full one.
    assert not any("python_stdlib.zip" in url for url in asked)
    assert kept[files["snapshot"]] > 10_000_000 and kept[files["wasm"]] > 5_000_000
    first.close()
    asked.clear()
    start, shown = start_and_recalculate(context, site_url)
    assert (start, shown) == ("snapshot", expected())
    assert not set(asked) & set(files.values())  # the second does not
    assert any("pyodide-lock.json" in url for url in asked)  # yet the worker's requests are seen


def test_a_bad_kept_copy_is_thrown_away_and_the_page_still_calculates(fresh_context, site_url,
                                                                       built_site):
    files = compressed_files(site_url, built_site)
    context = fresh_context()
    page = context.new_page()
    page.goto(f"{site_url}privacy/")
    page.evaluate("""async ([name, url]) => (await caches.open(name)).put(url,
                       new Response("not a snapshot at all"))""", [INFLATED, files["snapshot"]])
    start, shown = start_and_recalculate(context, site_url)
    assert (start, shown) == ("plain", expected())
    page.goto(f"{site_url}privacy/")
    # The bad copy is gone; the plain start keeps a good copy of the WebAssembly meanwhile.
    assert set(wait_kept(page, {files["wasm"]})) == {files["wasm"]}
    start, shown = start_and_recalculate(context, site_url)
    assert (start, shown) == ("snapshot", expected())


# --- the reader's data: Python waits for the first use of a form ------------------------

SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {
  configurable: true,
  get: () => ({ saveData: true, effectiveType: "4g", downlink: 10, rtt: 50 }),
});"""


def test_saving_data_python_starts_on_the_first_use_of_the_form(fresh_context, site_url):
    from playwright.sync_api import expect

    context = fresh_context()
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))
    page = context.new_page()
    page.add_init_script(SAVE_DATA)
    page.goto(f"{site_url}calculators/{NAME}/")
    form = page.locator(f'form[data-calculator="{NAME}"]')
    expect(form).to_have_attribute("data-calc-state", "waiting")
    status = form.locator("[data-status]").inner_text()
    assert re.search(r"about \d+(\.\d)? MB", status), status
    page.wait_for_timeout(1500)
    assert not [url for url in asked if "/assets/pyodide/" in url or "calculator-worker" in url]
    for field, value in INPUTS.items():
        form.locator(f'[name="{field}"]').fill(str(value))
    expect(form).to_have_attribute("data-calc-state", "ready", timeout=120_000)
    page.wait_for_function(
        "(name) => document.querySelector(`form[data-calculator=${name}]`).dataset.calcRenderedAt",
        arg=NAME)
    cells = form.locator("[data-result] [data-output][data-value]")
    shown = {cells.nth(i).get_attribute("data-output"):
             json.loads(cells.nth(i).get_attribute("data-value")) for i in range(cells.count())}
    page.evaluate("() => localStorage.clear()")
    assert form.get_attribute("data-calc-start") == "snapshot"
    assert shown == expected()
