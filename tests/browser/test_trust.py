"""Trust, in the browser: private by construction, hardened against bad input and
faults, working offline.

* Every page of the built site, calculators computing included, runs without a single
  Content-Security-Policy violation and asks no host but the site for anything (pages,
  Web Workers and the service worker alike).
* The privacy page's "forget" button leaves nothing of the site in the browser.
* Each calculator page takes at least 100 random and hostile inputs through its form
  and 100 through its shared link without an uncaught error, without running or
  rendering injected markup, and with the message CPython gives for each bad input.
* Pyodide's files or the engine missing, failing or slow: the example's result stays,
  the page says what happened, and "Try again" works once the files are back. A worker
  that dies is restarted by the next input.
* After one visit, the calculators work with the network off (the service worker).

The counts (inputs tried, faults injected, requests seen, pages checked) are written to
``tests/screenshots/trust-summary.json`` for the "What we test" page.
"""

from __future__ import annotations

import functools
import http.server
import json
import random
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect
from calculators.api import catalog, run
from calculators.errors import CalculatorError
from test_calculators import (figures, forget_kept_copies, page_url, settle, shown,
                              wait_ready)

# tests/browser/conftest.py, as pytest imported it (two conftest.py share the name).
_CONFTEST = next(module for module in list(sys.modules.values())
                 if getattr(module, "__file__", None) == str(Path(__file__).with_name("conftest.py")))
SUBPATH = _CONFTEST.SUBPATH
SubPathHandler = _CONFTEST.SubPathHandler

pytestmark = pytest.mark.browser

SPECS = {spec["name"]: spec for spec in catalog()}
# Each calculator's page, and the workbench (the offer comparison, laid out side by side).
PAGES = {**{name: name for name in SPECS}, "workbench": "offer_comparison"}
SEED = 20261127
FORM_INPUTS = 100  # at least this many hostile values through each page's form…
LINK_INPUTS = 100  # …and this many hostile shared links
PWN = "window.__pwned=1"
PAYLOADS = [
    f"<script>{PWN}</script>",
    f'<img src=x onerror="{PWN}">',
    f"\"><img src=x onerror={PWN}>",
    f"<svg onload={PWN}>",
    f"javascript:{PWN}",
    "</textarea><script>window.__pwned=1</script>",
    "{{7*7}}${7*7}",
]
SUMMARY = Path(__file__).parents[1] / "screenshots" / "trust-summary.json"


def record(**counts) -> None:
    """Add counts to the run's summary file (each test writes its own keys)."""
    SUMMARY.parent.mkdir(exist_ok=True)
    try:
        summary = json.loads(SUMMARY.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        summary = {}
    summary.update(counts)
    summary["written_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    SUMMARY.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --- a server for the built site that can fail on purpose ------------------------------


class FaultyHandler(SubPathHandler):
    """The site under ``SUBPATH``, uncached, with the server's faults injected.

    ``server.faults`` maps part of a path to an HTTP status to answer instead, or to
    a ``threading.Event`` to wait for before answering (a slow file).
    """

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):  # GET and HEAD alike
        path = self.path.split("?", 1)[0]
        for part, fault in list(self.server.faults.items()):
            if part in path:
                self.server.injected.append((self.command, part, fault if isinstance(
                    fault, int) else "slow"))
                if isinstance(fault, int):
                    self.send_response(fault)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                fault.wait(timeout=120)
        return super().send_head()


class FaultyServer:
    def __init__(self, site: Path) -> None:
        handler = functools.partial(FaultyHandler, directory=str(site))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.server.faults = {}
        self.server.injected = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{SUBPATH}"
        self.running = True

    @property
    def faults(self) -> dict:
        return self.server.faults

    @property
    def injected(self) -> list:
        return self.server.injected

    def stop(self) -> None:
        if self.running:
            self.running = False
            for fault in self.faults.values():
                if isinstance(fault, threading.Event):
                    fault.set()
            self.server.shutdown()
            self.server.server_close()


@pytest.fixture
def faulty(built_site) -> Iterator[FaultyServer]:
    server = FaultyServer(built_site)
    try:
        yield server
    finally:
        server.stop()


def form_of(page, name: str):
    return page.locator(f'form[data-calculator="{name}"]')


# Seen in every page and worker: CSP violations, uncaught errors, console errors.
WATCH_SCRIPT = """
window.__csp = [];
addEventListener("securitypolicyviolation", (e) => window.__csp.push(
  `${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`), true);
"""


class Recorder:
    """Every request of a browser context (pages, workers, service worker), and every
    uncaught error, console error and CSP message of its pages and workers."""

    def __init__(self, context) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.csp: list[str] = []
        context.add_init_script(script=WATCH_SCRIPT)
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)

    def console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp.append(message.text)
        elif message.type == "error":
            self.errors.append(message.text)

    def watch(self, page) -> None:
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("worker", lambda worker: worker.on("console", self.console))

    def foreign(self, site_url: str) -> list[str]:
        origin = urlsplit(site_url).netloc
        return [url for url in self.requests if not url.startswith(("data:", "blob:"))
                and urlsplit(url).netloc != origin]


# --- offline: the service worker ------------------------------------------------------------


def service_worker_build(site: Path) -> dict:
    source = (site / "service-worker.js").read_text(encoding="utf-8")
    line = next(line for line in source.splitlines() if line.startswith("const BUILD = "))
    return json.loads(line[len("const BUILD = "):-1])


def our_caches(page) -> dict[str, list[str]]:
    return page.evaluate("""async () => {
      const out = {};
      for (const name of await caches.keys()) {
        out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
      }
      return out;
    }""")


def wait_controlled(page) -> None:
    """Until the service worker has stored its files and controls the page."""
    deadline = time.monotonic() + 60
    while not page.evaluate("() => Boolean(navigator.serviceWorker.controller)"):
        assert time.monotonic() < deadline, "the service worker never took over"
        page.wait_for_timeout(100)


def test_after_one_visit_the_calculators_work_offline(fresh_context, faulty, built_site):
    build = service_worker_build(built_site)
    assert len(build["version"]) == 12 and build["files"]
    context = fresh_context(service_workers="allow")
    seen = Recorder(context)
    page = context.new_page()
    # An older build's cache, and a cache of another site on the same origin.
    page.goto(faulty.url + "privacy/")
    old = f"negotiate-benefits:{SUBPATH}:0123456789ab"
    page.evaluate("""async (names) => { for (const n of names) await caches.open(n); }""",
                  [old, "another-site"])
    page.goto(page_url(faulty.url, "pto_value"))
    form = form_of(page, "pto_value")
    wait_ready(page, form)
    wait_controlled(page)
    caches = our_caches(page)
    name = f"negotiate-benefits:{SUBPATH}:{build['version']}"
    inflated = f"negotiate-benefits:{SUBPATH}:inflated"  # the worker's, not the service worker's
    assert set(caches) == {name, inflated, "another-site"}  # the older build's cache is gone
    kept = {url[len(faulty.url):] for url in caches[name]}
    assert {*build["files"]} <= kept
    assert any(path.endswith("pyodide.asm.wasm.gz") for path in kept)
    assert any("/engine-" in path for path in kept)
    assert all(url.startswith(faulty.url) for url in caches[name])

    # The network goes away: no server at all, and the browser offline.
    faulty.stop()
    context.set_offline(True)
    example = SPECS["pto_value"]["example"]
    for name_ in ("pto_value", "signon_clawback"):  # the page visited, and one never visited
        page.goto(page_url(faulty.url, name_))
        form = form_of(page, name_)
        wait_ready(page, form)
        before = form.get_attribute("data-calc-rendered-at")
        field = next(f for f in SPECS[name_]["inputs"] if f["kind"] == "integer")
        value = SPECS[name_]["example"][field["name"]] + 1
        form.locator(f'[name="{field["name"]}"]').fill(str(value))
        settle(page, form, before)
        expected = run(name_, {**SPECS[name_]["example"], field["name"]: value})
        assert shown(form) == figures(name_, expected)
    assert example  # the example itself was never needed from the network
    assert seen.foreign(faulty.url) == []
    assert seen.errors == [] and seen.csp == []
    record(offline={"cache_files": len(kept), "cache_version": build["version"]})


# --- every page: no CSP violation, no other host ----------------------------------------------


def every_page(site: Path) -> list[str]:
    """Each page of the built site as a path under the site (``""`` is the home page)."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return [("" if page == "." else page + "/") for page in pages] + ["404.html"]


def nudge(page, form) -> None:
    """One new live result: the form's first number, one more."""
    before = form.get_attribute("data-calc-rendered-at")
    control = form.locator('input[data-kind="integer"]:visible, input[data-kind="number"]:visible').first
    control.fill(str(float(control.input_value() or 0) + 1).removesuffix(".0"))
    settle(page, form, before)


@pytest.fixture(scope="module")
def crawl(playwright_driver, site_url, built_site, tmp_path_factory):
    """Every page of the site visited once in a browser that allows the service worker;
    on calculator pages, Python computes a new result before the next page."""
    context = _CONFTEST.open_context(playwright_driver, str(tmp_path_factory.mktemp("crawl")),
                                     service_workers="allow")
    seen = Recorder(context)
    page = context.new_page()
    pages = every_page(built_site)
    with_forms = [path for path in pages if "data-calculator=" in (
        built_site / (path or ".") / ("" if path.endswith(".html") else "index.html")).read_text(
            encoding="utf-8")]
    for path in pages:
        if path not in with_forms:
            page.goto(site_url + path)
            seen.csp += page.evaluate("() => window.__csp")
    # Calculator pages four at a time, each loading Python in its own tab.
    for start in range(0, len(with_forms), 4):
        tabs = []
        for path in with_forms[start:start + 4]:
            tab = context.new_page()
            tab.goto(site_url + path)
            tabs.append(tab)
        for tab in tabs:
            form = tab.locator("form[data-calculator]").first
            wait_ready(tab, form)
            nudge(tab, form)
            seen.csp += tab.evaluate("() => window.__csp")
            tab.close()
    page.wait_for_load_state("networkidle")
    seen.csp += page.evaluate("() => window.__csp")
    context.close()
    return {"seen": seen, "pages": pages, "calculators": len(with_forms)}


def test_no_page_violates_its_content_security_policy(crawl):
    seen = crawl["seen"]
    assert len(crawl["pages"]) >= 80 and crawl["calculators"] == len(PAGES)
    assert seen.csp == []
    assert seen.errors == []
    record(csp={"pages_checked": len(crawl["pages"]),
                "calculator_pages_computing": crawl["calculators"], "violations": 0})


def test_no_page_asks_another_host_for_anything(crawl, site_url):
    seen = crawl["seen"]
    assert any("pyodide.asm.wasm" in url for url in seen.requests)  # workers are seen
    assert seen.foreign(site_url) == []
    record(privacy={"pages_visited": len(crawl["pages"]), "requests_observed": len(seen.requests),
                    "requests_to_other_hosts": 0})


# --- hostile inputs, through the form and through the link -------------------------------------

# What reaches the worker (each calculation's inputs, as JSON), and no markup run.
CAPTURE_SCRIPT = """
window.__sent = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && message.name && window.__sent) {
    try { window.__sent.push(JSON.stringify(message.inputs)); } catch { window.__sent.push(null); }
  }
  return post.call(this, message, ...rest);
};
"""

# Rounds in the page, each: optionally put the form back as it was (no events), set some
# controls or the link, then wait for the form's next result and describe the page.
ROUND_SCRIPT = """
async (rounds) => {
 const out = [];
 for (const { sets, link, initial } of rounds) {
  const form = document.querySelector("form[data-calculator]");
  const name = form.dataset.calculator;
  const controls = () => [...form.querySelectorAll("[name][data-kind]")];
  const visible = (el) => !el.closest("[data-when][hidden]");
  if (initial) {
    for (const el of controls()) {
      if (!(el.name in initial)) continue;
      if (el.type === "checkbox") el.checked = initial[el.name]; else el.value = initial[el.name];
    }
  }
  window.__sent = [];
  const before = form.dataset.calcRenderedAt;
  let skipped = false;
  if (link !== null && link !== undefined) {
    const current = new URLSearchParams(location.hash.slice(1)).get(name);
    try { skipped = JSON.stringify(JSON.parse(link)) === current; } catch { /* not JSON */ }
    if (!skipped) location.hash = `${name}=${encodeURIComponent(link)}`;
  }
  for (const [field, value] of sets || []) {
    const el = form.elements.namedItem(field);
    if (el.type === "checkbox") el.checked = value === true; else el.value = value;
  }
  if (sets && sets.length) {  // one event: one calculation
    const last = form.elements.namedItem(sets[sets.length - 1][0]);
    last.dispatchEvent(new Event("change", { bubbles: true }));
  }
  const asked = (link !== null && link !== undefined && !skipped) || (sets && sets.length);
  if (asked) {
    const start = performance.now();
    while (form.dataset.calcRenderedAt === before) {
      if (performance.now() - start > 30000) throw new Error("no new result within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  const notice = form.querySelector("[data-notice]");
  const result = form.querySelector("[data-result]");
  const snapshot = {
    skipped,
    sent: window.__sent,
    state: form.dataset.calcState,
    status: form.querySelector("[data-status]").textContent,
    notice: notice.hidden ? null : notice.textContent,
    errors: [...form.querySelectorAll("[data-error-for]")].filter((e) => !e.hidden)
      .map((e) => [e.dataset.errorFor, e.textContent]),
    values: Object.fromEntries([...result.querySelectorAll("[data-output][data-value]")]
      .map((c) => [c.dataset.output, c.dataset.value])),
    stale: result.classList.contains("calc-stale"),
    pwned: typeof window.__pwned !== "undefined",
    injected: document.querySelectorAll(
      "img[src=x], svg[onload], [onerror], [onload], form script, [data-result] script").length,
    scripts: document.scripts.length,
    csp: window.__csp.length,
    controls: controls().filter(visible).map((el) => ({
      name: el.name, kind: el.dataset.kind,
      options: el.tagName === "SELECT" ? [...el.options].map((o) => o.value) : null })),
    set_visible: (sets || []).filter(([field]) => visible(form.elements.namedItem(field))).length,
  };
  out.push(snapshot);
 }
 return out;
}
"""

BIG = "x" * 100_000
NUMBER_TEXTS = ["1e308", "-1e308", "1e309", "-0", "0", "-1", "1e-320", "5e-324", "0.1",
                "9007199254740993", "123456789012345678901234567890", "NaN", "Infinity",
                "", "  7  ", "12abc", "0x10", "1_000", "1,000", "+5", ".5", "5.", "-", BIG,
                *PAYLOADS[:2]]
JSON_TEXTS = ["[0, 20, 40]", "[", "[1, 2", "{", "null", "[]", "{}", '"text"', "[1e308]",
              "[-0]", json.dumps([PAYLOADS[0]]), "[" * 500 + "]" * 500,
              json.dumps(list(range(10_000))), json.dumps([BIG]), "[NaN]", "[1,]",
              PAYLOADS[1], BIG, '{"__proto__": {"x": 1}}']
TEXTS = [*PAYLOADS, BIG, "\U0001F4B8" * 25_000, "", " ", "\u202e\u0000abc", "a" * 81]
JSON_VALUES = [1e308, -0.0, None, True, False, "", BIG, *PAYLOADS, [], {}, [1, 2],
               {"a": 1}, -1, 10**30, 0.5, "12", [[[[[]]]]], [{}] * 50, list(range(1000))]


def form_value(rng: random.Random, control: dict):
    kind = control["kind"]
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "choice":
        return rng.choice([*control["options"], "", "bogus", PAYLOADS[1], BIG])
    if kind in ("number", "integer"):
        return rng.choice([*NUMBER_TEXTS, str(rng.randint(-10, 400)),
                           repr(rng.uniform(-1e6, 1e7)), str(rng.randint(0, 10**12))])
    if kind == "json":
        return rng.choice([*JSON_TEXTS, json.dumps(sorted(rng.sample(range(101), 4))),
                           json.dumps([rng.uniform(-5, 150) for _ in range(rng.randint(0, 6))])])
    return rng.choice([*TEXTS, "".join(rng.choice("ab<>&\"' ") for _ in range(30))])


def paths(value, prefix=()):
    """Every path into the example: ("offers", 1, "base_salary")."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


def link_payload(rng: random.Random, example: dict) -> tuple[str, bool]:
    """A hostile link's JSON text, and whether it is a JSON object at all."""
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(["{broken", "", "[1, 2]", "42", '"text"', "null", "true", '{"a":',
                           *PAYLOADS, BIG, "{" * 1000, "%E0%A4%A", "\u202e"]), False
    inputs = json.loads(json.dumps(example))
    if roll < 0.3:  # markup in every text, as keys too
        for key in list(inputs):
            if isinstance(inputs[key], str):
                inputs[key] = rng.choice(PAYLOADS)
        inputs[rng.choice(PAYLOADS)] = rng.choice(PAYLOADS)
        return json.dumps(inputs), True
    for _ in range(rng.randint(1, 3)):
        path = rng.choice([p for p in paths(inputs) if p])
        target = inputs
        for part in path[:-1]:
            target = target[part]
        last = path[-1]
        action = rng.random()
        if action < 0.15 and isinstance(target, dict):
            del target[last]
        elif action < 0.25 and isinstance(target, dict):
            target[rng.choice(["__proto__", "constructor", "unknown", PAYLOADS[1]])] = 1
        else:
            target[last] = json.loads(json.dumps(rng.choice(JSON_VALUES)))
        if not isinstance(inputs, dict) or not inputs:
            break
    return json.dumps(inputs), True


def as_object(payload: str) -> dict | None:
    """The link's JSON text as an object, as the page reads it, or None."""
    try:
        value = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def fits(fields: list[dict], inputs: dict) -> bool:
    """Whether a link's object has the form's shape, as calculator.js checks it: each list
    of fields a list of objects (as many as the form takes), each group an object, each
    single value neither an object nor a list."""
    for field in fields:
        if field["name"] not in inputs:
            continue
        value = inputs[field["name"]]
        if field["kind"] == "list" and field.get("fields"):
            if not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
                return False
            if not all(fits(field["fields"], item) for item in value[:field["max_items"] + 1]):
                return False
        elif field["kind"] == "object":
            if value is not None and not (isinstance(value, dict) and fits(field["fields"], value)):
                return False
        elif field["kind"] != "list" and isinstance(value, (dict, list)):
            return False
    return True


def visible_error(snap: dict, error: CalculatorError) -> bool:
    """The engine's message, shown beside its field or the nearest group holding it."""
    field = error.field or ""
    return any(field.startswith(holder) and text.endswith(error.message)
               for holder, text in snap["errors"])


def check_clean(snap: dict, scripts: int, where: str) -> None:
    assert not snap["pwned"], where
    assert snap["injected"] == 0 and snap["scripts"] == scripts, where
    assert snap["csp"] == 0, where


def check_result(name: str, snap: dict, where: str) -> str:
    """The page against CPython on the inputs it sent: "ok", "refused" or "unsent"."""
    if not snap["sent"]:  # the form itself found the problem: not a number, not a list
        assert snap["errors"] and all(
            text in ("Enter a number.", ) or text.startswith("Enter a list in brackets")
            for _, text in snap["errors"]), where
        return "unsent"
    inputs = json.loads(snap["sent"][-1])
    try:
        expected = run(name, inputs)
    except CalculatorError as error:
        assert visible_error(snap, error), (where, error.field, error.message, snap["errors"])
        assert snap["stale"] and snap["status"].startswith("Check the highlighted input"), where
        return "refused"
    assert snap["errors"] == [] and not snap["stale"], (where, snap["errors"])
    assert {k: json.loads(v) for k, v in snap["values"].items()} == figures(name, expected), where
    return "ok"


def hostile_url(site_url: str, page_name: str) -> str:
    """The page, opened with a hostile link: markup everywhere, a number far too big."""
    name = PAGES[page_name]
    url = (page_url(site_url, name) if page_name != "workbench"
           else f"{site_url}calculators/workbench/")
    arrival = {**json.loads(json.dumps(SPECS[name]["example"])), PAYLOADS[1]: PAYLOADS[0]}
    # A number the calculator reads whatever else is chosen (not one that applies only
    # under another field's choice, which it would rightly ignore).
    field = next(f for f in SPECS[name]["inputs"] if f["kind"] == "number" and not f["when"])
    arrival[field["name"]] = 1e308
    return f"{url}#{name}={quote(json.dumps(arrival))}"


def form_rounds(rng: random.Random, controls: list[dict], initial: dict) -> list[dict]:
    """Rounds of hostile values: in each five, one with a single bad field (its own
    message must show), four with several at once."""
    rounds = []
    for i in range(40):
        count = 1 if i % 5 == 0 else rng.randint(2, 8)
        chosen = rng.sample(controls, min(count, len(controls)))
        rounds.append({"sets": [[c["name"], form_value(rng, c)] for c in chosen],
                       "link": None, "initial": initial})
    return rounds


@pytest.fixture(scope="module")
def hostile(browser_context, site_url) -> dict:
    """Every calculator page and the workbench, all at once, each in its own tab: the
    hostile link it opens with, junk typed into number fields, then rounds of hostile
    values through the form and hostile links, each round's outcome described."""
    runs = {}
    for page_name in PAGES:
        page = browser_context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
        page.add_init_script(script=WATCH_SCRIPT + CAPTURE_SCRIPT)
        page.goto(hostile_url(site_url, page_name))
        runs[page_name] = {"page": page, "errors": errors,
                           "rng": random.Random(f"{SEED}:{page_name}")}
    for page_name, run_ in runs.items():
        page, rng = run_["page"], run_["rng"]
        form = form_of(page, PAGES[page_name])
        wait_ready(page, form)
        run_["arrival"] = form.locator("[data-notice]").text_content()
        # Junk typed into number fields: the browser cannot read it; the form says so.
        numbers = form.locator('input[data-kind="number"]:visible, '
                               'input[data-kind="integer"]:visible')
        run_["typed"] = []
        for _ in range(3):
            control = numbers.nth(rng.randrange(numbers.count()))
            control.fill("")
            control.press_sequentially(rng.choice(["1e", "--5", "e", "+-", "1e+"]))
            error = form.locator(f'[data-error-for="{control.get_attribute("name")}"]')
            expect(error).to_have_text("Enter a number.")
            run_["typed"].append(control.get_attribute("name"))
        run_["scripts"] = page.evaluate("() => document.scripts.length")
        initial = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
            "form[data-calculator] [name][data-kind]")].map((el) =>
            [el.name, el.type === "checkbox" ? el.checked : el.value]))""")
        controls = page.evaluate(ROUND_SCRIPT, [{"sets": [], "link": None,
                                                 "initial": initial}])[0]["controls"]
        run_["form"] = form_rounds(rng, controls, initial)
        example = SPECS[PAGES[page_name]]["example"]
        run_["links"] = [link_payload(rng, example) for _ in range(LINK_INPUTS + 20)]
        steps = run_["form"] + [{"sets": [], "link": payload, "initial": None}
                                for payload, _ in run_["links"]]
        page.evaluate(  # started, not awaited: the pages work at the same time
            f"(steps) => {{ window.__done = null; ({ROUND_SCRIPT})(steps).then("
            "(out) => { window.__done = out; }, (error) => { window.__done = String(error); }); }",
            steps)
    deadline = time.monotonic() + 600
    for page_name, run_ in runs.items():
        page = run_["page"]
        while (done := page.evaluate("() => window.__done")) is None:
            assert time.monotonic() < deadline, f"{page_name}: the rounds never finished"
            page.wait_for_timeout(250)
        assert not isinstance(done, str), f"{page_name}: {done}"
        run_["snaps"] = done
        run_["visibility"] = page.evaluate("() => document.visibilityState")
        page.close()
    return runs


@pytest.mark.parametrize("page_name", list(PAGES))
def test_hostile_inputs_through_the_form_and_the_link(page_name, hostile):
    name = PAGES[page_name]
    run_ = hostile[page_name]
    scripts = run_["scripts"]
    assert "could not be used" in run_["arrival"]
    snaps = run_["snaps"]
    form_snaps, link_snaps = snaps[:len(run_["form"])], snaps[len(run_["form"]):]
    outcomes = {"ok": 0, "refused": 0, "unsent": 0}
    form_inputs = len(run_["typed"])
    for i, (step, snap) in enumerate(zip(run_["form"], form_snaps)):
        where = f"{page_name} form round {i}: {[(n, str(v)[:60]) for n, v in step['sets']]}"
        check_clean(snap, scripts, where)
        outcomes[check_result(name, snap, where)] += 1
        form_inputs += snap["set_visible"]
    link_outcomes = {"unreadable": 0, "refused": 0, "ok": 0}
    example_figures = figures(name, run(name, SPECS[name]["example"]))
    for (payload, is_object), snap in zip(run_["links"], link_snaps):
        if snap["skipped"]:
            continue
        where = f"{page_name} link {sum(link_outcomes.values())}: {payload[:120]}"
        check_clean(snap, scripts, where)
        shown_now = {k: json.loads(v) for k, v in snap["values"].items()}
        notice = snap["notice"] or ""
        if "could not be read" in notice:
            obj = as_object(payload)
            assert obj is None or not fits(SPECS[name]["inputs"], obj), where
            assert shown_now == example_figures, where
            link_outcomes["unreadable"] += 1
        else:
            assert is_object and fits(SPECS[name]["inputs"], as_object(payload)), where
            try:
                expected = run(name, json.loads(snap["sent"][0]))
            except CalculatorError as error:
                assert "could not be used" in notice, where
                assert f"{error.field or 'inputs'}: {error.message}" in notice, where
                assert shown_now == example_figures, where
                link_outcomes["refused"] += 1
            else:
                assert snap["notice"] is None, where
                assert shown_now == figures(name, expected), where
                link_outcomes["ok"] += 1
        assert snap["errors"] == [] and snap["state"] == "ready", where
    links = sum(link_outcomes.values())
    assert run_["errors"] == []
    assert form_inputs >= FORM_INPUTS and links >= LINK_INPUTS, (form_inputs, links)
    assert outcomes["refused"] >= 10 and link_outcomes["refused"] >= 10, (outcomes, link_outcomes)
    record(**{f"hostile_{page_name}": {
        "form_inputs": form_inputs, "form_rounds": len(form_snaps) + len(run_["typed"]),
        "form_outcomes": outcomes, "links": links + 1, "link_outcomes": link_outcomes,
        "seed": SEED, "visibility": run_["visibility"]}})


# --- faults: files missing, failing or slow; a worker that dies ----------------------------------

# Each case: the files that fail at once (part of a path -> status). "engine-": the
# calculators' archive, and the memory snapshot made with it. The snapshot carries its
# own standard library, so python_stdlib.zip fails a start only without a snapshot (the
# plain start fetches it): test_the_snapshot_start_needs_no_standard_library_file.
FAULTS = [{"/pyodide.mjs": 404}, {"pyodide.asm.wasm": 404},
          {".snapshot-": 404, "python_stdlib.zip": 500},
          {"engine-": 500}, {"engine-": 404}, {"pyodide-lock.json": 503}]


def live_result_matches(page, name: str, value_field: str | None = None) -> None:
    """A change to the form gives CPython's result for it."""
    form = form_of(page, name)
    spec = SPECS[name]
    field = value_field or next(f["name"] for f in spec["inputs"] if f["kind"] == "integer")
    control = form.locator(f'[name="{field}"]')
    value = int(float(control.input_value())) + 1
    before = form.get_attribute("data-calc-rendered-at")
    control.fill(str(value))
    settle(page, form, before)
    assert shown(form) == figures(name, run(name, {**spec["example"], field: value}))


@pytest.mark.parametrize("faults", FAULTS, ids=lambda faults: "+".join(
    f"{part.strip('/-.')}-{status}" for part, status in faults.items()))
def test_a_missing_file_keeps_the_example_and_try_again_works(faults, browser_context, faulty):
    name = "package_value"
    example = figures(name, run(name, SPECS[name]["example"]))
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(faulty.url + "privacy/")
        forget_kept_copies(page)  # a first visit: every file is asked for
        faulty.faults.update(faults)
        page.goto(page_url(faulty.url, name))
        form = form_of(page, name)
        expect(form).to_have_attribute("data-calc-state", "error", timeout=60_000)
        assert {part for _, part, _ in faulty.injected} == set(faults), "a fault was never hit"
        assert "could not be loaded" in form.locator("[data-status]").text_content()
        assert shown(form) == example  # the pre-rendered result stays
        assert page.locator("article h1").is_visible()
        # The files are back: "Try again" loads Python, and it computes. (An error the
        # fault caused inside the worker before it was stopped is not the page's.)
        errors.clear()
        faulty.faults.clear()
        form.get_by_role("button", name="Try again").click()
        wait_ready(page, form)
        assert form.get_by_role("button", name="Try again").is_hidden()
        live_result_matches(page, name)
        assert errors == []
    finally:
        page.close()
    record(**{"fault_" + "+".join(f"{part.strip('/-.')}_{status}" for part, status
                                  in faults.items()): len(faulty.injected)})


def test_the_snapshot_start_needs_no_standard_library_file(browser_context, faulty):
    """The snapshot carries the standard library it was made on: with python_stdlib.zip
    failing, a first visit still starts from the snapshot and never asks for it."""
    name = "package_value"
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(faulty.url + "privacy/")
        forget_kept_copies(page)
        faulty.faults["python_stdlib.zip"] = 500
        page.goto(page_url(faulty.url, name))
        form = form_of(page, name)
        wait_ready(page, form)
        assert form.get_attribute("data-calc-start") == "snapshot"
        live_result_matches(page, name)
        assert faulty.injected == []  # never asked for
        assert errors == []
    finally:
        page.close()


# A browser without the Network Information API (Firefox, Safari): the slow-load message
# waits a fixed time. Chromium's own estimate on a local host is a default, not a
# measurement (about 1.5 Mbit/s), under which the message waits for minutes.
NO_CONNECTION_INFO = """Object.defineProperty(Navigator.prototype, "connection", {
  configurable: true, get: () => undefined });"""
# Chrome's "Slow 4G": the message waits for twice the download at 1.6 Mbit/s.
SLOW_4G = """Object.defineProperty(Navigator.prototype, "connection", {
  configurable: true,
  get: () => ({ saveData: false, effectiveType: "4g", downlink: 1.6, rtt: 150 }) });"""


def test_slow_files_are_reported_and_the_page_loads_when_they_arrive(browser_context, faulty):
    name = "pto_value"
    example = figures(name, run(name, SPECS[name]["example"]))
    page = browser_context.new_page()
    page.add_init_script(NO_CONNECTION_INFO)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    held = threading.Event()
    try:
        page.goto(faulty.url + "privacy/")
        forget_kept_copies(page)
        faulty.faults["pyodide.asm.wasm"] = held
        page.goto(page_url(faulty.url, name))
        form = form_of(page, name)
        status = form.locator("[data-status]")
        expect(status).to_contain_text("taking a long time", timeout=30_000)
        assert form.get_attribute("data-calc-state") == "loading"
        assert shown(form) == example
        assert form.get_by_role("button", name="Try again").is_visible()
        held.set()  # the file arrives at last
        wait_ready(page, form)
        assert "Ready" in status.text_content()
        live_result_matches(page, name)
        # Slow again (for a reader without the copies kept by the start that just
        # worked), and the reader presses "Try again": a fresh start, which works.
        forget_kept_copies(page)
        page.reload()
        held.clear()
        expect(status).to_contain_text("taking a long time", timeout=30_000)
        del faulty.faults["pyodide.asm.wasm"]
        form.get_by_role("button", name="Try again").click()
        wait_ready(page, form)
        live_result_matches(page, name)
        held.set()
        assert errors == []
    finally:
        held.set()
        page.close()
    record(fault_slow_wasm=len(faulty.injected))


def test_on_a_slow_connection_the_slow_message_waits_for_what_it_explains(browser_context,
                                                                          faulty):
    name = "pto_value"
    page = browser_context.new_page()
    page.add_init_script(SLOW_4G)
    held = threading.Event()
    try:
        page.goto(faulty.url + "privacy/")
        forget_kept_copies(page)
        faulty.faults["pyodide.asm.wasm"] = held
        page.goto(page_url(faulty.url, name))
        form = form_of(page, name)
        status = form.locator("[data-status]")
        download = float(form.get_attribute("data-download").split()[0])
        explained_s = 2 * (download * 8 / 1.6 + 20 * 0.150)
        assert explained_s > 25, explained_s
        page.wait_for_timeout(20_000)  # past the fixed 10 s, well short of the explained time
        assert form.get_attribute("data-calc-state") == "loading"
        assert "taking a long time" not in status.text_content()
        assert "Loading Python" in status.text_content()
        held.set()
        wait_ready(page, form)
        live_result_matches(page, name)
    finally:
        held.set()
        page.close()


def calculator_worker(page):
    deadline = time.monotonic() + 30
    while True:
        workers = [w for w in page.workers if "calculator-worker" in w.url]
        if workers:
            return workers[-1]
        assert time.monotonic() < deadline, "no calculator worker"
        page.wait_for_timeout(50)


@pytest.mark.parametrize("how", ["throws", "goes silent"])
def test_a_worker_that_dies_is_restarted_by_the_next_input(how, browser_context, site_url):
    name = "pto_value"
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(page_url(site_url, name))
        form = form_of(page, name)
        wait_ready(page, form)
        worker = calculator_worker(page)
        if how == "throws":
            worker.evaluate("() => { setTimeout(() => { throw new Error('broken on purpose'); }); }")
            expect(form).to_have_attribute("data-calc-state", "stopped")
            assert "stopped unexpectedly" in form.locator("[data-status]").text_content()
            assert form.get_by_role("button", name="Try again").is_visible()
        else:
            worker.evaluate("() => { self.close(); }")  # no answer, no error: only silence
        # The next input: a new worker, and the input's result.
        control = form.locator('[name="pto_days"]')
        control.fill("17")
        expect(form).to_have_attribute("data-calc-state", "ready", timeout=60_000)
        expected = figures(name, run(name, {**SPECS[name]["example"], "pto_days": 17}))
        deadline = time.monotonic() + 30
        while shown(form) != expected:
            assert time.monotonic() < deadline, "no result after the restart"
            page.wait_for_timeout(100)
        assert calculator_worker(page) is not worker
        assert errors == []
    finally:
        page.close()
    record(**{f"fault_worker_{how.replace(' ', '_')}": 1})


# --- storage: corrupted values never break a page --------------------------------------------------

BAD_STORAGE = {
    "calculator:pto_value": ['{"inputs": {"salary": "<img src=x onerror=window.__pwned=1>"}}',
                             '{"inputs": [1, 2]}', "null", '"', '{"inputs": {"salary": 1e999}}',
                             '{"inputs": {"pto_days": {"a": 1}}, "result": "<script>"}'],
    "calculator:offer_comparison": ['{"inputs": {"offers": "none"}}',
                                    '{"inputs": {"offers": [' + ", ".join(["{}"] * 5000) + "]}}"],
    "checklist:written-offer": ['{"x": 1}', "garbage", '[1, 2, {"a": 1}]', "1e308"],
    "script:counter-offer-email": ["[]", '"text"', '{"name": {"a": 1}}', "{"],
}


def test_corrupted_storage_falls_back_with_a_notice(watched, site_url):
    page = watched.page
    pages = {"calculator:pto_value": "calculators/pto_value/",
             "calculator:offer_comparison": "calculators/workbench/",
             "checklist:written-offer": "checklists/written-offer/",
             "script:counter-offer-email": "scripts/counter-offer-email/"}
    page.goto(site_url)
    tried = 0
    for key, values in BAD_STORAGE.items():
        for value in values:
            page.evaluate("([k, v]) => localStorage.setItem(`negotiate-benefits:${k}`, v)",
                          [key, value])
            page.goto(site_url + pages[key])
            assert page.locator("article h1").is_visible(), (key, value)
            form = page.locator("form[data-calculator]")
            if form.count():
                wait_ready(page, form)
                notice = form.locator("[data-notice]")
                expect(notice).to_contain_text("saved numbers")
                assert "the example is shown instead" in notice.text_content()
                name = form.get_attribute("data-calculator")
                deadline = time.monotonic() + 10
                while shown(form) != figures(name, run(name, SPECS[name]["example"])):
                    assert time.monotonic() < deadline, (key, value)
                    page.wait_for_timeout(50)
            elif key.startswith("checklist"):
                expect(page.locator(".checklist-progress").first).to_contain_text("0 of")
            else:
                assert page.locator(".script-fields input").count() > 0
            assert page.evaluate("() => typeof window.__pwned") == "undefined"
            assert page.locator("img[src=x]").count() == 0
            tried += 1
    assert watched.errors == []
    record(corrupted_storage_values=tried)


# --- the "forget" button leaves nothing behind -------------------------------------------------------


def test_forget_everything_leaves_nothing_of_the_site(fresh_context, site_url):
    context = fresh_context(service_workers="allow")
    seen = Recorder(context)
    page = context.new_page()
    # A checklist tick, a script's blank, a calculator's numbers, the colour scheme.
    page.goto(site_url + "checklists/written-offer/")
    page.locator("[data-checklist] input[type=checkbox]").first.check()
    page.goto(site_url + "scripts/counter-offer-email/")
    page.locator(".script-fields input").first.fill("Ada")
    page.goto(page_url(site_url, "signon_clawback"))
    form = form_of(page, "signon_clawback")
    wait_ready(page, form)
    live_result_matches(page, "signon_clawback")
    wait_controlled(page)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.goto(site_url + "privacy/")
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert {"negotiate-benefits:checklist:written-offer", "negotiate-benefits:script:counter-offer-email",
            "negotiate-benefits:calculator:signon_clawback", f"{SUBPATH}.__palette"} <= set(stored)
    assert any(n.startswith("negotiate-benefits:") for n in our_caches(page))
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 1

    page.get_by_role("button", name="Forget everything this site stored").click()
    expect(page.locator(".forget-status")).to_contain_text("nothing from this site is stored")
    assert page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]") == [[], []]
    assert our_caches(page) == {}
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert page.evaluate("() => document.cookie") == ""
    assert seen.errors == [] and seen.foreign(site_url) == []
