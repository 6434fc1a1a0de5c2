"""MkDocs hook: serve Pyodide and the calculators from the site itself.

Two kinds of files join the built site, none of them kept in ``docs/``:

* Pyodide's core files, copied from ``node_modules/pyodide`` (pinned by
  ``package-lock.json``) into ``assets/pyodide/<version>/``;
* the engine archive (``engine_archive``), under a content-hashed name.

Calculator pages point their Web Worker at both with links relative to the page
(``asset_paths``), so the site works under any sub-path and never asks another host
for anything. Guide pages do not load any of it.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import engine_archive

# What the worker loads: the loader, the runtime, the standard library, the lock file.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
              "pyodide-lock.json")
SCRIPT = "assets/javascripts/calculator.js"
WORKER = "assets/javascripts/calculator-worker.js"


class AssetError(RuntimeError):
    """Pyodide is missing or not the pinned version."""


def project_root() -> Path:
    """The folder holding ``package.json`` beside the engine's ``calculators/``."""
    return engine_archive.engine_source().parent


def pinned_version(root: Path) -> str:
    """The Pyodide version ``package-lock.json`` pins."""
    lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"]["node_modules/pyodide"]["version"]


def pyodide_folder(root: Path) -> Path:
    """``node_modules/pyodide``, checked against the pinned version."""
    folder = root / "node_modules" / "pyodide"
    want = pinned_version(root)
    try:
        have = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    except FileNotFoundError:
        raise AssetError(f"{folder} is missing: run `npm ci` (or `make test`)") from None
    if have != want:
        raise AssetError(f"{folder} holds Pyodide {have} but package-lock.json pins {want}: "
                         "run `npm ci`")
    missing = [name for name in CORE_FILES if not (folder / name).is_file()]
    if missing:
        raise AssetError(f"{folder} lacks {', '.join(missing)}: run `npm ci`")
    return folder


def asset_paths(root: Path | None = None) -> dict[str, str]:
    """Site paths (from the site's root) of everything a calculator page loads."""
    root = root or project_root()
    archive, _ = engine_archive.build()
    return {"script": SCRIPT, "worker": WORKER,
            "pyodide": f"assets/pyodide/{pinned_version(root)}/", "engine": archive}


def site_files(root: Path) -> list[tuple[str, Path | bytes]]:
    """Each file to add to the site: its site path and its source file or bytes."""
    folder = pyodide_folder(root)
    target = f"assets/pyodide/{pinned_version(root)}"
    files: list[tuple[str, Path | bytes]] = [(f"{target}/{name}", folder / name)
                                             for name in CORE_FILES]
    files.append(engine_archive.build())
    return files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        added = site_files(project_root())
    except AssetError as error:
        raise PluginError(str(error)) from None
    for path, source in added:
        if isinstance(source, Path):
            files.append(File.generated(config, path, abs_src_path=str(source)))
        else:
            files.append(File.generated(config, path, content=source))
    return files
