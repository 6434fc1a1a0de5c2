"""Content-Security-Policy: inline scripts allowed by hash, the site as the only source."""

import base64
import hashlib

from csp_policy import inline_script_hashes, policy, with_policy

PAGE = ('<html><head><title>t</title><script>var a=1</script>'
        '<script id="__config" type="application/json">{"x": 1}</script>'
        '<script src="assets/app.js"></script></head><body>'
        '<script type="module">import "./m.js"</script><script>var a=1</script></body></html>')


def sha(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_only_executed_inline_scripts_are_hashed_once_each():
    assert inline_script_hashes(PAGE) == [sha("var a=1"), sha('import "./m.js"')]


def test_the_policy_names_no_host_and_no_unsafe_inline():
    text = policy(PAGE, wasm=False)
    assert text.startswith("default-src 'self'; script-src 'self' 'sha256-")
    assert "unsafe-inline" not in text and "wasm-unsafe-eval" not in text
    assert "http" not in text
    assert "'wasm-unsafe-eval'" in policy(PAGE, wasm=True)


def test_the_policy_comes_first_in_head():
    html = with_policy(PAGE, wasm=False)
    assert html.startswith('<html><head><meta http-equiv="Content-Security-Policy" '
                           "content=\"default-src 'self'; ")
