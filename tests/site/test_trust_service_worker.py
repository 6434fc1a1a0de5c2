"""The service worker the build writes (hooks/offline.py): where it is, what it keeps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import offline


def build_of(site: Path) -> dict:
    source = (site / "service-worker.js").read_text(encoding="utf-8")
    lines = [line for line in source.splitlines() if line.startswith("const BUILD = ")]
    assert len(lines) == 1
    return json.loads(lines[0][len("const BUILD = "):-1])


def test_the_service_worker_is_at_the_site_root_and_keeps_only_site_files(built_site):
    build = build_of(built_site)
    assert re.fullmatch(r"[0-9a-f]{12}", build["version"])
    files = build["files"]
    assert files == sorted(set(files))
    for path in files:
        assert not re.match(r"^[a-z]+:|^/|\.\.", path), path
        target = built_site / path / "index.html" if path.endswith("/") else built_site / path
        assert target.is_file(), path
    pages = {p.parent.relative_to(built_site).as_posix() + "/"
             for p in (built_site / "calculators").rglob("index.html")}
    assert pages <= set(files)
    assert any(re.fullmatch(r"assets/calculators/engine-[0-9a-f]{12}\.zip", p) for p in files)
    assert "assets/javascripts/calculator-worker.js" in files
    assert "assets/javascripts/sparse-snapshot.js" in files  # the worker imports it


def test_the_service_worker_keeps_what_the_worker_fetches_and_nothing_more(built_site):
    """Its install must not download what the page never asks for, such as Pyodide's
    raw WebAssembly when the worker fetches the .gz, or the full standard library when
    the snapshot carries its own."""
    files = set(build_of(built_site)["files"])
    pyodide = {p for p in files if p.startswith("assets/pyodide/")}
    folder = next(iter(pyodide)).rsplit("/", 1)[0]
    assert {p.rsplit("/", 1)[1] for p in pyodide} == {
        "pyodide.mjs", "pyodide.asm.mjs", "pyodide-lock.json", "pyodide.asm.wasm.gz"}
    assert not (built_site / folder / "pyodide.asm.wasm").exists()  # nothing unused ships
    assert (built_site / folder / "python_stdlib.zip").is_file()  # the plain start's
    assert any(re.fullmatch(r"assets/calculators/engine-[0-9a-f]{12}\.pyodide-[0-9.]+"
                            r"\.snapshot-[0-9a-f]{8}\.gz", p) for p in files)


def test_the_version_follows_the_files(built_site):
    files = offline.kept_files(built_site)
    assert offline.version(built_site, files) == build_of(built_site)["version"]
    assert offline.version(built_site, files[:-1]) != build_of(built_site)["version"]
