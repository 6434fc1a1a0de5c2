"""The benchmark: how fast the calculators start, recalculate and download, and how fast
the site builds, measured against a plain Pyodide start in the same run.

    python bench/run.py            # full: 5 runs, every calculator page (make bench)
    python bench/run.py --quick    # 1 run, 2 pages: proves the harness works (CI)

It builds the site (``mkdocs build --strict``) into a temporary folder and serves it on
localhost under ``/negotiate-benefits/`` with GitHub Pages' caching header
(``Cache-Control: max-age=600``), then drives Debian's chromium headless.

For each calculator page, in every run: a cold visit (a new browser profile) and a warm
one (the browser started again on the same profile, as a returning reader), each opened
once the browser has settled after its start (``SETTLE_MS``), left open for a few
seconds after its first result (``READING_MS``), and timed from navigation start
to the first contentful paint (the pre-rendered result) and to the first result Python
computed in the page (the form's ``data-calc-rendered-at``); 50 input changes, each
timed from its input event to its result; and the bytes the server sent, raw and as
GitHub Pages would send them (text types gzipped, wasm/zip/gzip as stored). The
reference is a plain Pyodide start (``bench/reference/``: loadPyodide, then fetch,
unpack and import the engine, then one calculation) on the same server, with the same
Pyodide's files as npm ships them, the same browser, in the same runs. A guide page's
bytes, and ``mkdocs build`` at 1x and 10x content (``bench/multiply.py``), complete it.

The phone profiles (``PROFILES``) repeat the cold and warm visits of ``PHONE_PAGES``
and of the reference through a throttled link: the server sends every response (the
pages, the workers' files, the service worker's) through one shared link of a set
bandwidth, each after a set delay, and Chromium slows the page's CPU through the DevTools
protocol (``Emulation.setCPUThrottlingRate``, on the page's target). Chromium refuses it
on a dedicated worker's target ("Operation is only supported for pages, not workers"):
the harness asks for it on every worker it is attached to and records the answer, so
Python, in its worker, runs at this machine's speed in every profile (see
``docs/speed.md``).

The server sends what GitHub Pages compresses (text, JSON, JavaScript) gzipped on the
wire, and the reference's Pyodide as a CDN sends it: every file but the zip gzipped.
Bytes are counted as sent.

Prints a table and the targets, and writes ``bench/results/bench-<UTC time>.json``
(and ``latest.json``); medians over the runs.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
MKDOCS = Path(sys.executable).with_name("mkdocs")
SUBPATH = "/negotiate-benefits/"
REFERENCE = f"{SUBPATH}__bench__/reference/"
# The reference's Pyodide: the npm package's files as they are (the site ships only
# what its own start uses, so not the uncompressed WebAssembly the plain start needs).
REFERENCE_PYODIDE = f"{SUBPATH}__bench__/pyodide/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
GUIDE_PAGE = "steps/03-value-the-whole-offer/"
QUICK_PAGES = ("calculators/pto_value/", "calculators/workbench/")
# Content types GitHub Pages gzips; wasm, zip, gzip and other binaries go as stored.
PAGES_GZIPS = ("text/", "application/javascript", "application/json", "image/svg+xml",
               "application/xml", "application/manifest+json")
# What a CDN compresses of the reference's Pyodide: everything but the zip.
CDN_GZIPS = ("text/", "application/javascript", "application/json", "application/wasm")
# What belongs to Python in the page: Pyodide, the engine, the snapshot, the worker.
PYODIDE_MARKS = ("/assets/pyodide/", "/assets/calculators/", "calculator-worker",
                 "sparse-snapshot", REFERENCE_PYODIDE, "reference-worker")
RECALCULATIONS = 50
# A browser does work of its own for a moment after it starts (Chromium loads its
# omnibox pop-up page): a reader's browser is already running when they open a page.
SETTLE_MS = 1500
# How long a visit stays open after its first result: a reader looks at the page for a
# while, and whatever the page stores for next time is stored meanwhile.
READING_MS = 3000
# ... and until the server has sent nothing for this long (the service worker's
# install, on a slow link), at most LINGER_MAX_MS.
QUIET_MS = 1000
LINGER_MAX_MS = 90_000


class Profile:
    """A network and a CPU: one shared link of ``mbit`` Mbit/s, ``delay_ms`` before each
    response, and the page's CPU slowed ``cpu`` times (None: this machine as it is)."""

    def __init__(self, label: str, mbit: float | None = None, delay_ms: float = 0,
                 cpu: float = 1) -> None:
        self.label, self.mbit, self.delay_ms, self.cpu = label, mbit, delay_ms, cpu

    def describe(self) -> dict:
        return {"label": self.label, "mbit_per_s": self.mbit, "delay_ms": self.delay_ms,
                "cpu_slowdown": self.cpu}


DESKTOP = Profile("Desktop (localhost)")
# Chrome DevTools' presets "Fast 4G" and "Slow 4G", with its CPU throttling at 4x.
PROFILES = {"fast-4g": Profile("Fast 4G + CPU 4x", 9, 60, 4),
            "slow-4g": Profile("Slow 4G + CPU 4x", 1.6, 150, 4)}
# A Slow 4G visit takes a minute: one page there.
PHONE_PAGES = {"fast-4g": ("calculators/pto_value/", "calculators/workbench/"),
               "slow-4g": ("calculators/pto_value/",)}
QUICK_PHONE = {"fast-4g": ("calculators/pto_value/",)}


class Link:
    """One shared link: bytes go out one after another at ``mbit`` Mbit/s."""

    CHUNK = 16 * 1024

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.lock = threading.Lock()
        self.free_at = 0.0

    def delay(self) -> None:
        if self.profile.delay_ms:
            time.sleep(self.profile.delay_ms / 1000)

    def send(self, data: bytes, out) -> None:
        if not self.profile.mbit:
            out.write(data)
            return
        per_byte = 8 / (self.profile.mbit * 1e6)
        for start in range(0, len(data), self.CHUNK):
            chunk = data[start:start + self.CHUNK]
            with self.lock:
                begin = max(time.monotonic(), self.free_at)
                self.free_at = begin + len(chunk) * per_byte
                done = self.free_at
            wait = done - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            out.write(chunk)

# --- the server: the built site under the sub-path, counting what it sends -----------


class Ledger:
    """Every response body the server sent since the last ``reset``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: list[dict] = []
        self.in_flight = 0
        self.last = time.monotonic()

    def reset(self) -> None:
        with self.lock:
            self.items = []

    def begin(self) -> None:
        with self.lock:
            self.in_flight += 1
            self.last = time.monotonic()

    def end(self) -> None:
        with self.lock:
            self.in_flight -= 1
            self.last = time.monotonic()

    def quiet_for(self) -> float:
        """Seconds since the server last sent anything (0 while a response is going)."""
        with self.lock:
            return 0.0 if self.in_flight else time.monotonic() - self.last

    def add(self, path: str, ctype: str, raw: int, sent: int) -> None:
        """A response: the file's size, and the bytes sent (gzipped or not)."""
        with self.lock:
            self.items.append({"path": path, "type": ctype, "raw": raw, "pages": sent})

    def totals(self) -> dict:
        with self.lock:
            items = list(self.items)
        python = [i for i in items if any(mark in i["path"] for mark in PYODIDE_MARKS)]
        biggest = sorted(items, key=lambda i: -i["pages"])[:12]
        return {"requests": len(items),
                "raw": sum(i["raw"] for i in items), "pages": sum(i["pages"] for i in items),
                "largest": [[i["path"], i["pages"]] for i in biggest if i["pages"]],
                "pyodide_raw": sum(i["raw"] for i in python),
                "pyodide_pages": sum(i["pages"] for i in python)}


_GZIPPED: dict[str, bytes] = {}


def gzipped(file: str) -> bytes:
    if file not in _GZIPPED:
        _GZIPPED[file] = gzip.compress(Path(file).read_bytes(), compresslevel=9, mtime=0)
    return _GZIPPED[file]


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """The site at ``SUBPATH`` as GitHub Pages serves it (cached for 10 minutes, text
    gzipped), the reference page at ``REFERENCE`` and its Pyodide as a CDN serves it,
    every response through the server's ``link``."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json",
                      ".zip": "application/zip", ".gz": "application/gzip",
                      ".svg": "image/svg+xml"}
    ledger: Ledger
    protocol_version = "HTTP/1.1"

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(REFERENCE):
            return str(BENCH / "reference" / path[len(REFERENCE):])
        if path.startswith(REFERENCE_PYODIDE):
            return str(ROOT / "node_modules" / "pyodide" / path[len(REFERENCE_PYODIDE):])
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def compresses(self, ctype: str) -> bool:
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        if self.path.startswith(REFERENCE_PYODIDE):
            return ctype.startswith(CDN_GZIPS)
        return ctype.startswith(PAGES_GZIPS)

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        self.ledger.begin()
        try:
            self.server.link.delay()
            self.respond(head=False)
        finally:
            self.ledger.end()

    def do_HEAD(self) -> None:  # noqa: N802 - the base class's name
        self.server.link.delay()
        self.respond(head=True)

    def respond(self, head: bool) -> None:
        file = self.translate_path(self.path)
        if os.path.isdir(file):
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            file = os.path.join(file, "index.html")
        if not os.path.isfile(file):
            self.send_error(404)
            return
        ctype = self.guess_type(file)
        stat = os.stat(file)
        modified = self.date_time_string(int(stat.st_mtime))
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            self.ledger.add(self.path, ctype, 0, 0)
            return
        compressed = self.compresses(ctype)
        body = gzipped(file) if compressed else Path(file).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", modified)
        if compressed:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if head:
            return
        self.server.link.send(body, self.wfile)
        self.ledger.add(self.path, ctype, stat.st_size, len(body))

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(site: Path, ledger: Ledger) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(type("Handler", (PagesHandler,), {"ledger": ledger}),
                                directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.link = Link(DESKTOP)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# --- the browser -------------------------------------------------------------------

READY = """() => {
  const el = document.querySelector("form[data-calculator], output#result");
  return Boolean(el && el.dataset.calcRenderedAt
    && ["ready", "error"].includes(el.dataset.calcState));
}"""
# Saving data (or on a connection the browser rates 2G or 3G), Python waits for the
# reader's first use of the form: the harness is that reader, at once.
WAITING = """() => {
  const el = document.querySelector("form[data-calculator]");
  return Boolean(el && el.dataset.calcState === "waiting");
}"""
READY_OR_WAITING = """() => {
  const el = document.querySelector("form[data-calculator], output#result");
  return Boolean(el && (el.dataset.calcState === "waiting" || (el.dataset.calcRenderedAt
    && ["ready", "error"].includes(el.dataset.calcState))));
}"""
PAINTED = "() => performance.getEntriesByName('first-contentful-paint').length > 0"
TIMINGS = """() => {
  const el = document.querySelector("form[data-calculator], output#result");
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {state: el.dataset.calcState, start: el.dataset.calcStart || "plain",
          first_result_ms: Number(el.dataset.calcRenderedAt),
          prerendered_ms: paint ? paint.startTime : null};
}"""
RECALCULATE = """async (count) => {
  const form = document.querySelector("form[data-calculator]");
  const input = [...form.querySelectorAll('input[data-kind="number"], input[data-kind="integer"]')]
    .find((el) => !el.closest("[hidden]") && el.value !== "");
  const base = Number(input.value);
  const max = input.max === "" ? Infinity : Number(input.max);
  const other = base + 1 <= max ? base + 1 : base - 1;
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const before = form.dataset.calcRenderedAt;
    const done = new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        if (form.dataset.calcRenderedAt !== before) { watch.disconnect(); resolve(); }
      });
      watch.observe(form, { attributes: true, attributeFilter: ["data-calc-rendered-at"] });
    });
    input.value = String(i % 2 ? base : other);
    const sent = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    times.push(Number(form.dataset.calcRenderedAt) - sent);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return times;
}"""


def launch(playwright, profile: Path):
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900})


def slow_cpu(context, page, rate: float) -> dict:
    """Chromium's CPU throttling on the page's target, and asked for on every worker's
    target the page's DevTools session is attached to. What each answered."""
    outcome: dict = {"page": None, "workers": []}
    if rate == 1:
        return outcome
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    outcome["page"] = f"{rate}x"
    asked: dict[int, str] = {}

    def attached(event: dict) -> None:
        if event["targetInfo"]["type"] not in ("worker", "service_worker", "shared_worker"):
            return
        ask = len(asked) + 1000
        asked[ask] = event["targetInfo"]["type"]
        try:
            cdp.send("Target.sendMessageToTarget", {"sessionId": event["sessionId"], "message":
                     json.dumps({"id": ask, "method": "Emulation.setCPUThrottlingRate",
                                 "params": {"rate": rate}})})
        except Exception as error:  # noqa: BLE001 - the worker may be gone already
            outcome["workers"].append({"target": asked[ask], "answer": str(error)[:200]})

    def answered(event: dict) -> None:
        message = json.loads(event["message"])
        if message.get("id") in asked:
            outcome["workers"].append({
                "target": asked[message["id"]],
                "answer": message.get("error", {}).get("message") or f"{rate}x"})

    cdp.on("Target.attachedToTarget", attached)
    cdp.on("Target.receivedMessageFromTarget", answered)
    cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False,
                                      "flatten": False})
    return outcome


def linger(page, ledger: Ledger) -> None:
    """A reader's time on the page, and until the server has gone quiet (what is kept)."""
    page.wait_for_timeout(READING_MS)
    waited = 0
    while ledger.quiet_for() < QUIET_MS / 1000 and waited < LINGER_MAX_MS:
        page.wait_for_timeout(100)
        waited += 100


def visit(playwright, profile: Path, url: str, ledger: Ledger, recalculations: int = 0,
          python: bool = True, cpu: float = 1) -> dict:
    """One visit in a browser started on ``profile``: timings, bytes, recalculations."""
    context = launch(playwright, profile)
    try:
        page = context.new_page()
        page.wait_for_timeout(SETTLE_MS)
        throttled = slow_cpu(context, page, cpu)
        ledger.reset()
        page.goto(url, wait_until="load", timeout=300_000)
        out: dict = {}
        if python:
            page.wait_for_function(READY_OR_WAITING, timeout=300_000, polling=10)
            waited = page.evaluate(WAITING)
            if waited:
                page.focus("form[data-calculator] input")
            page.wait_for_function(READY, timeout=300_000, polling=10)
            out = page.evaluate(TIMINGS)
            out["waited_for_the_reader"] = waited
        else:  # the first paint may come after the load event
            page.wait_for_function(PAINTED, timeout=300_000, polling=10)
            out["prerendered_ms"] = page.evaluate(
                "() => performance.getEntriesByName('first-contentful-paint')[0].startTime")
        linger(page, ledger)  # with anything still on its way (what is kept)
        out["bytes"] = ledger.totals()
        if cpu != 1:
            out["cpu_throttling"] = throttled
        if recalculations:
            out["recalc_ms"] = page.evaluate(RECALCULATE, recalculations)
        page.close()
        return out
    finally:
        context.close()


def cold_and_warm(playwright, url: str, ledger: Ledger, recalculations: int,
                  cpu: float = 1) -> dict:
    profile = Path(tempfile.mkdtemp(prefix="nb-bench-profile-"))
    try:
        cold = visit(playwright, profile, url, ledger, cpu=cpu)
        warm = visit(playwright, profile, url, ledger, recalculations, cpu=cpu)
        return {"cold": cold, "warm": warm}
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# --- the build ---------------------------------------------------------------------


def build(project: Path, site: Path) -> float:
    """Seconds ``mkdocs build --strict`` takes in ``project``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([str(MKDOCS), "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=project, env=env, check=True)
    return time.perf_counter() - started


def build_times(runs: int, scratch: Path) -> dict:
    sys.path.insert(0, str(BENCH))
    from multiply import copy_project

    times: dict[str, list[float]] = {"1x": [], "10x": []}
    projects = {key: copy_project(n, scratch / f"project-{key}")
                for key, n in (("1x", 1), ("10x", 10))}
    for _ in range(runs):
        for key, project in projects.items():
            times[key].append(build(project, scratch / f"site-{key}"))
    pages = {key: sum(1 for _ in (scratch / f"site-{key}").rglob("index.html"))
             for key in projects}
    return {"seconds": times, "pages": pages}


# --- the machine, the numbers ------------------------------------------------------


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split(":", 1)[1].strip() for line in
                   Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "")
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                              check=False).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True,
                          check=False).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": memory, "chromium": chromium,
            "node": node, "python": platform.python_version(),
            "load_average": os.getloadavg(),
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds")}


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return round(ordered[index], 1)


def summarise(runs: list[dict]) -> dict:
    """Medians over runs of one page's cold and warm visits."""
    out: dict = {}
    for kind in ("cold", "warm"):
        visits = [run[kind] for run in runs]
        out[kind] = {
            "first_result_ms": median([v["first_result_ms"] for v in visits]),
            "prerendered_ms": median([v["prerendered_ms"] or 0 for v in visits]),
            "starts": sorted({v["start"] for v in visits}),
            "states": sorted({v["state"] for v in visits}),
            "waited_for_the_reader": sum(1 for v in visits if v.get("waited_for_the_reader")),
            **{key: int(statistics.median([v["bytes"][key] for v in visits]))
               for key in visits[0]["bytes"] if key != "largest"},
            "largest": visits[0]["bytes"]["largest"],
        }
        if "cpu_throttling" in visits[0]:
            out[kind]["cpu_throttling"] = visits[0]["cpu_throttling"]
    samples = [t for run in runs for t in run["warm"].get("recalc_ms", [])]
    if samples:
        out["recalc"] = {"count": len(samples), "p50_ms": percentile(samples, 50),
                         "p95_ms": percentile(samples, 95)}
    return out


FIRST_VISIT_MAX = 6_000_000


def targets(result: dict) -> dict:
    ref = result["reference"]
    pages = result["pages"]
    build_ = result["build"]
    worst = {k: max(p[k]["first_result_ms"] for p in pages.values()) for k in ("cold", "warm")}
    ratio = {k: round(min(ref[k]["first_result_ms"] / p[k]["first_result_ms"]
                          for p in pages.values()), 2) for k in ("cold", "warm")}
    p95 = max(p["recalc"]["p95_ms"] for p in pages.values())
    first_bytes = max(p["cold"]["pages"] for p in pages.values())
    returning = max(p["warm"]["pages"] for p in pages.values())
    b1, b10 = median(build_["seconds"]["1x"]), median(build_["seconds"]["10x"])
    rows = [
        ("warm first result <= 800 ms", worst["warm"], worst["warm"] <= 800),
        ("warm >= 3x faster than the plain start", ratio["warm"], ratio["warm"] >= 3),
        ("cold first result <= 2000 ms", worst["cold"], worst["cold"] <= 2000),
        ("cold >= 3x faster than the plain start", ratio["cold"], ratio["cold"] >= 3),
        ("recalculation p95 <= 50 ms", p95, p95 <= 50),
        ("guide page transfers no Pyodide bytes", result["guide"]["pyodide_pages"],
         result["guide"]["pyodide_pages"] == 0),
        ("first visit bytes <= plain start + 50%",
         round(first_bytes / ref["cold"]["pages"], 3), first_bytes <= 1.5 * ref["cold"]["pages"]),
        ("first visit <= 6 MB as Pages serves it", first_bytes, first_bytes <= FIRST_VISIT_MAX),
        ("a returning visit transfers nothing", returning, returning == 0),
        ("build at 10x content <= 3x the 1x time", round(b10 / b1, 2), b10 <= 3 * b1),
    ]
    wanted = {"fast-4g": 2, "slow-4g": 1}
    for key, phone in result.get("phone", {}).items():
        low = round(min(phone["reference"]["cold"]["first_result_ms"] / p["cold"]["first_result_ms"]
                        for p in phone["pages"].values()), 2)
        rows.append((f"{phone['profile']['label']}: cold >= {wanted[key]}x faster than the "
                     "plain start", low, low >= wanted[key]))
    return {name: {"value": value, "met": met} for name, value, met in rows}


def mb(count: int) -> str:
    return f"{count / 1e6:.2f}"


def table(result: dict) -> str:
    ref = result["reference"]
    lines = ["| page | prerendered ms | cold first result ms | warm first result ms "
             "| recalc p50 / p95 ms | first visit MB raw / as Pages serves | "
             "cold / warm speed-up vs plain |", "|---|---|---|---|---|---|---|"]
    lines.append(f"| plain Pyodide start (reference) | {ref['cold']['prerendered_ms']} | "
                 f"{ref['cold']['first_result_ms']} | {ref['warm']['first_result_ms']} | - | "
                 f"{mb(ref['cold']['raw'])} / {mb(ref['cold']['pages'])} | 1x / 1x |")
    for path, p in result["pages"].items():
        lines.append(
            f"| {path} | {p['cold']['prerendered_ms']} | {p['cold']['first_result_ms']} | "
            f"{p['warm']['first_result_ms']} | {p['recalc']['p50_ms']} / {p['recalc']['p95_ms']} | "
            f"{mb(p['cold']['raw'])} / {mb(p['cold']['pages'])} | "
            f"{ref['cold']['first_result_ms'] / p['cold']['first_result_ms']:.1f}x / "
            f"{ref['warm']['first_result_ms'] / p['warm']['first_result_ms']:.1f}x |")
    guide = result["guide"]
    lines.append(f"| {GUIDE_PAGE} (guide) | {guide['prerendered_ms']} | - | - | - | "
                 f"{mb(guide['raw'])} / {mb(guide['pages'])} (Pyodide: {guide['pyodide_pages']}) | - |")
    for phone in result.get("phone", {}).values():
        ref = phone["reference"]
        lines += ["", f"{phone['profile']['label']} ({phone['profile']['mbit_per_s']} Mbit/s, "
                  f"{phone['profile']['delay_ms']} ms a request, the page's CPU "
                  f"{phone['profile']['cpu_slowdown']}x slower)", "",
                  "| page | prerendered ms | cold first result ms | warm first result ms "
                  "| first visit MB as sent | returning visit MB | cold / warm speed-up vs plain |",
                  "|---|---|---|---|---|---|---|",
                  f"| plain Pyodide start (reference) | {ref['cold']['prerendered_ms']} | "
                  f"{ref['cold']['first_result_ms']} | {ref['warm']['first_result_ms']} | "
                  f"{mb(ref['cold']['pages'])} | {mb(ref['warm']['pages'])} | 1x / 1x |"]
        for path, p in phone["pages"].items():
            lines.append(
                f"| {path} | {p['cold']['prerendered_ms']} | {p['cold']['first_result_ms']} | "
                f"{p['warm']['first_result_ms']} | {mb(p['cold']['pages'])} | "
                f"{mb(p['warm']['pages'])} | "
                f"{ref['cold']['first_result_ms'] / p['cold']['first_result_ms']:.1f}x / "
                f"{ref['warm']['first_result_ms'] / p['warm']['first_result_ms']:.1f}x |")
    b = result["build"]
    lines.append("")
    lines.append(f"mkdocs build: 1x content {median(b['seconds']['1x'])} s "
                 f"({b['pages']['1x']} pages), 10x content {median(b['seconds']['10x'])} s "
                 f"({b['pages']['10x']} pages)")
    lines.append(f"load average: {result['machine']['load_average']} at the start, "
                 f"{result['load_average_end']} at the end")
    lines.append("")
    for name, t in result["targets"].items():
        lines.append(f"{'met' if t['met'] else 'NOT MET':8} {name}: {t['value']}")
    return "\n".join(lines)


def calculator_pages(site: Path) -> list[str]:
    return sorted(str(path.parent.relative_to(site)) + "/"
                  for path in (site / "calculators").glob("*/index.html")
                  if "data-calculator=" in path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="1 run, 2 pages; the phone: Fast 4G, 1 page")
    parser.add_argument("--runs", type=int, help="runs (default 5; --quick: 1)")
    parser.add_argument("--phone-runs", type=int, help="runs of each phone profile "
                        "(default 3; --quick: 1)")
    parser.add_argument("--no-phone", action="store_true", help="the desktop profile only")
    parser.add_argument("--output", type=Path, help="the JSON file to write")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    phone_runs = args.phone_runs or (1 if args.quick else 3)
    phone_pages = {} if args.no_phone else (
        QUICK_PHONE if args.quick else PHONE_PAGES)
    if not os.path.exists(CHROMIUM):
        print(f"{CHROMIUM} is missing: `make test` installs Debian's chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    result: dict = {"mode": "quick" if args.quick else "full", "runs": runs,
                    "phone_runs": phone_runs, "machine": machine()}
    with tempfile.TemporaryDirectory(prefix="nb-bench-") as scratch_name:
        scratch = Path(scratch_name)
        site = scratch / "site"
        print("building the site…", file=sys.stderr)
        result["site_build_s"] = round(build(ROOT, site), 2)
        engine = next((site / "assets" / "calculators").glob("engine-*.zip")).name
        pages = list(QUICK_PAGES) if args.quick else calculator_pages(site)
        ledger = Ledger()
        server, origin = serve(site, ledger)
        base = f"{origin}{SUBPATH}"
        reference_url = (f"{origin}{REFERENCE}index.html?pyodide=../pyodide/"
                         f"&engine=../../assets/calculators/{engine}")
        raw: dict = {"reference": [], "pages": {p: [] for p in pages}, "guide": [],
                     "phone": {key: {"reference": [], "pages": {p: [] for p in paths}}
                               for key, paths in phone_pages.items()}}
        try:
            with sync_playwright() as playwright:
                for run in range(runs):
                    print(f"run {run + 1}/{runs}…", file=sys.stderr)
                    server.link = Link(DESKTOP)
                    raw["reference"].append(cold_and_warm(playwright, reference_url, ledger, 0))
                    for path in pages:
                        raw["pages"][path].append(
                            cold_and_warm(playwright, base + path, ledger, RECALCULATIONS))
                    profile = Path(tempfile.mkdtemp(prefix="nb-bench-profile-"))
                    try:
                        raw["guide"].append(visit(playwright, profile, base + GUIDE_PAGE,
                                                  ledger, python=False))
                    finally:
                        shutil.rmtree(profile, ignore_errors=True)
                for key, paths in phone_pages.items():
                    phone = PROFILES[key]
                    for run in range(phone_runs):
                        print(f"{phone.label}: run {run + 1}/{phone_runs}…", file=sys.stderr)
                        server.link = Link(phone)
                        raw["phone"][key]["reference"].append(
                            cold_and_warm(playwright, reference_url, ledger, 0, phone.cpu))
                        for path in paths:
                            raw["phone"][key]["pages"][path].append(
                                cold_and_warm(playwright, base + path, ledger, 0, phone.cpu))
        finally:
            server.shutdown()
            server.server_close()
        print("timing builds…", file=sys.stderr)
        result["build"] = build_times(runs, scratch)
    result["load_average_end"] = os.getloadavg()
    result["reference"] = summarise(raw["reference"])
    result["pages"] = {path: summarise(visits) for path, visits in raw["pages"].items()}
    result["guide"] = {"prerendered_ms": median([g["prerendered_ms"] or 0 for g in raw["guide"]]),
                       **{k: int(statistics.median([g["bytes"][k] for g in raw["guide"]]))
                          for k in raw["guide"][0]["bytes"] if k != "largest"}}
    result["phone"] = {key: {"profile": PROFILES[key].describe(),
                             "reference": summarise(data["reference"]),
                             "pages": {path: summarise(visits)
                                       for path, visits in data["pages"].items()}}
                       for key, data in raw["phone"].items()}
    result["targets"] = targets(result)
    result["raw"] = raw
    text = table(result)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    output = args.output or RESULTS / f"bench-{result['mode']}-{stamp}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=1), encoding="utf-8")
    (RESULTS / f"latest-{result['mode']}.json").write_text(json.dumps(result, indent=1),
                                                           encoding="utf-8")
    (RESULTS / f"latest-{result['mode']}.md").write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten: {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
