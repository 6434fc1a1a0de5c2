"""MkDocs hook: give every page, the 404 page included, its Content-Security-Policy."""

from __future__ import annotations

import csp_policy


def on_post_page(output: str, page, config) -> str:
    wasm = page.file.src_uri.startswith("calculators/")
    return csp_policy.with_policy(output, wasm)


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name.endswith(".html"):
        return csp_policy.with_policy(output_content, wasm=False)
    return output_content
