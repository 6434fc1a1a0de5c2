"""The built site on localhost under a sub-path, and one headless Chromium to visit it.

Shared by every browser test: ``site_url`` serves the strict build of the real site
at ``SUBPATH``, as GitHub project pages do; ``watched`` is a fresh tab whose requests
and console errors are recorded.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

# --- the site on localhost, and the browser ------------------------------------------

SUBPATH = "/negotiate-benefits/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SCREENSHOTS = Path(__file__).parents[1] / "screenshots"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where browser tests save screenshots for people to look at (git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder at ``SUBPATH`` only, as GitHub project pages do."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json",
                      ".zip": "application/zip", ".svg": "image/svg+xml"}

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    handler = functools.partial(SubPathHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright, started once for the browser suite."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def open_context(playwright, profile: str, **options):
    """Headless Chromium with its own profile folder (options: e.g. ``service_workers``)."""
    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900}, **{"service_workers": "block", **options})
    context.set_default_timeout(60_000)
    return context


@pytest.fixture(scope="session")
def browser_context(playwright_driver):
    """One headless Chromium with a fresh profile for the whole browser suite."""
    profile = tempfile.mkdtemp(prefix="negotiate-benefits-chromium-")
    context = open_context(playwright_driver, profile)
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def fresh_context(playwright_driver):
    """Opens more Chromiums, each with a fresh profile, closed when the test ends:
    ``fresh_context(service_workers="allow")``."""
    opened = []

    def fresh(**options):
        profile = tempfile.mkdtemp(prefix="negotiate-benefits-chromium-")
        opened.append((open_context(playwright_driver, profile, **options), profile))
        return opened[-1][0]

    try:
        yield fresh
    finally:
        for context, profile in opened:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


class Watched:
    """A page whose requests and console errors are recorded."""

    def __init__(self, page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.responses: list = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", lambda response: self.responses.append(response))
        page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"{message.text} ({message.location})"))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("worker", lambda worker: worker.on(
            "console", lambda message: message.type == "error" and self.errors.append(
                message.text)))


@pytest.fixture
def watched(browser_context) -> Iterator[Watched]:
    """A fresh tab; the site's localStorage is cleared when the test ends."""
    page = browser_context.new_page()
    watched = Watched(page)
    try:
        yield watched
    finally:
        if page.url.startswith("http"):
            page.evaluate("() => localStorage.clear()")
        page.close()


