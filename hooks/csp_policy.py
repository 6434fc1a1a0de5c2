"""A Content-Security-Policy for each page: the site itself is the only source.

Inline scripts the theme needs are allowed by their SHA-256 hash, computed from
the finished page, never by ``'unsafe-inline'``. Calculator pages also allow
WebAssembly (``'wasm-unsafe-eval'``), which Python in the browser needs.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

# Script types the browser executes; others (e.g. application/json) are data.
_EXECUTED = {"", "text/javascript", "module", "application/javascript"}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._inline = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attributes = dict(attrs)
            self._inline = ("src" not in attributes
                            and (attributes.get("type") or "").lower() in _EXECUTED)
            if self._inline:
                self.bodies.append("")

    def handle_data(self, data):
        if self._inline:
            self.bodies[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._inline = False


# Each script element, start tag to end tag: a script's text ends at its first "</script".
_SCRIPT_ELEMENT = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)


def inline_script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` sources for every inline script the page runs, in order.

    Only the script elements are parsed, not the whole page: parsing every page in
    full grew with the navigation every page carries (builds of a large site slowed
    quadratically).
    """
    parser = _InlineScripts()
    for element in _SCRIPT_ELEMENT.finditer(html):
        parser.feed(element.group(0))
        parser.close()
        parser.reset()
    digests = (hashlib.sha256(body.encode("utf-8")).digest() for body in parser.bodies)
    return list(dict.fromkeys(f"'sha256-{base64.b64encode(d).decode()}'" for d in digests))


def policy(html: str, wasm: bool) -> str:
    """The policy for one finished page."""
    scripts = ["'self'", *inline_script_hashes(html), *(["'wasm-unsafe-eval'"] if wasm else [])]
    return "; ".join([
        "default-src 'self'",
        f"script-src {' '.join(scripts)}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(html: str, wasm: bool) -> str:
    """The page with its policy as the first element of ``<head>``."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, wasm)}">'
    return re.sub(r"<head>", lambda m: m.group(0) + meta, html, count=1)
