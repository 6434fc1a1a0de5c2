"""MkDocs hook: serve Pyodide and the calculators from the site itself.

These files join the built site, none of them kept in ``docs/``:

* Pyodide's core files, copied from ``node_modules/pyodide`` (pinned by
  ``package-lock.json``) into ``assets/pyodide/<version>/``: those the worker fetches
  (``folder_files``), so not the uncompressed WebAssembly when the ``.gz`` is used;
* the engine archive (``engine_archive``), under a content-hashed name;
* Pyodide's WebAssembly gzip-compressed (``pyodide.asm.wasm.gz``): GitHub Pages
  compresses text but not ``application/wasm``, so the worker fetches the ``.gz`` and
  inflates it (a third of the bytes);
* a memory snapshot of Pyodide with the engine imported (``pyodide_snapshot.mjs``, run
  by Node at build time), stored without its empty pages (``SNAPSHOT_FORMAT``) and
  named by the Pyodide version, the engine archive's hash and a hash of the code that
  made it: the worker restores it instead of starting Python, and falls back to the
  plain start whenever it is missing, fails or is for another Pyodide. It carries the
  standard library it was made on, trimmed to the files the engine imports (Python's
  zip importer keeps the zip's table of contents in memory, so the two go together):
  the fast start does not fetch ``python_stdlib.zip``, which is there for the plain
  start.

Making the snapshot takes a few seconds, so it and the ``.gz`` are cached in
``.cache/pyodide/`` (git-ignored) under names keyed by what they are made from;
repeated builds and ``mkdocs serve`` reuse them.

Calculator pages point their Web Worker at all of it with links relative to the page
(``asset_paths``), so the site works under any sub-path and never asks another host
for anything. Guide pages do not load any of it. ``download_bytes`` is what the fast
start transfers, counted as GitHub Pages serves it; the page's loading message says it.

``NB_SNAPSHOT=0`` and ``NB_WASM_GZ=0`` turn a technique off, for the benchmark's
comparisons (``bench/``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
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
SNAPSHOT_SCRIPT = Path(__file__).with_name("pyodide_snapshot.mjs")
# The snapshot's format: written by SNAPSHOT_SCRIPT, read by the worker.
SNAPSHOT_FORMAT = "assets/javascripts/sparse-snapshot.js"
WASM = "pyodide.asm.wasm"
# The files the fast start fetches besides the snapshot (which holds its own standard
# library) and the WebAssembly; the plain start fetches the standard library too.
FAST_START_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide-lock.json")
STDLIB = "python_stdlib.zip"
# What GitHub Pages gzips on the way (by file name); everything else travels as stored.
PAGES_GZIPS = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml", ".map")

log = logging.getLogger("mkdocs.hooks.pyodide_assets")


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


def enabled(name: str) -> bool:
    """A technique is on unless its environment variable is ``0``."""
    return os.environ.get(name, "1") != "0"


def cache_folder(root: Path) -> Path:
    return root / ".cache" / "pyodide"


def engine_hash(archive_path: str) -> str:
    """The 12 hex digits in ``assets/calculators/engine-<hash>.zip``."""
    return Path(archive_path).stem.removeprefix("engine-")


def snapshot_maker_hash(root: Path) -> str:
    """8 hex digits of the script that makes the snapshot and the format it writes."""
    digest = hashlib.sha256(SNAPSHOT_SCRIPT.read_bytes())
    digest.update((root / "docs" / SNAPSHOT_FORMAT).read_bytes())
    return digest.hexdigest()[:8]


def snapshot_name(root: Path, version: str, archive_path: str) -> str:
    """The snapshot's file name: the engine it holds, the Pyodide that made it, and how.

    It starts like the engine archive's (``engine-<hash>``): it is the engine, started.
    """
    return (f"engine-{engine_hash(archive_path)}.pyodide-{version}"
            f".snapshot-{snapshot_maker_hash(root)}.gz")


def make_snapshot(root: Path, archive: tuple[str, bytes]) -> Path:
    """The gzip-compressed memory snapshot for this Pyodide and engine, made once by Node."""
    folder = pyodide_folder(root)
    target = cache_folder(root) / snapshot_name(root, pinned_version(root), archive[0])
    if target.is_file():
        return target
    node = shutil.which("node")
    if node is None:
        raise AssetError("node is needed to make the Pyodide snapshot: install Node.js 20")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        engine = Path(scratch) / Path(archive[0]).name
        engine.write_bytes(archive[1])
        made = subprocess.run([node, str(SNAPSHOT_SCRIPT), str(folder), str(engine),
                               str(target)], capture_output=True, text=True, timeout=300)
    if made.returncode != 0 or not target.is_file():
        raise AssetError(f"the Pyodide snapshot could not be made: {made.stderr[-2000:]}")
    log.info("Pyodide snapshot made: %s", made.stdout.strip())
    return target


def gzip_bytes(data: bytes) -> bytes:
    """Reproducible gzip (no name, no timestamp), at the highest level."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def make_wasm_gz(root: Path) -> Path:
    """``pyodide.asm.wasm.gz``, cached under the hash of the WebAssembly it holds."""
    source = (pyodide_folder(root) / WASM).read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:12]
    target = cache_folder(root) / f"{WASM}-{digest}.gz"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_suffix(".part")
        part.write_bytes(gzip_bytes(source))
        part.replace(target)
    return target


def folder_files(wasm_gz: bool, snapshot: bool = False) -> tuple[str, ...]:
    """What the worker fetches from Pyodide's folder, by file name: with a snapshot,
    what the fast start fetches; without, what the plain start fetches (either start,
    by default: the site ships them all)."""
    return FAST_START_FILES + (() if snapshot else (STDLIB,)) + (() if wasm_gz else (WASM,))


def asset_paths(root: Path | None = None) -> dict[str, str]:
    """Site paths (from the site's root) of everything a calculator page loads.

    ``snapshot`` and ``wasm`` are empty when their technique is turned off.
    """
    root = root or project_root()
    version = pinned_version(root)
    archive, _ = engine_archive.build()
    pyodide = f"assets/pyodide/{version}/"
    return {"script": SCRIPT, "worker": WORKER, "pyodide": pyodide, "engine": archive,
            "snapshot": (f"{engine_archive.SITE_FOLDER}/{snapshot_name(root, version, archive)}"
                         if enabled("NB_SNAPSHOT") else ""),
            "wasm": f"{pyodide}{WASM}.gz" if enabled("NB_WASM_GZ") else ""}


def site_files(root: Path) -> list[tuple[str, Path | bytes]]:
    """Each file to add to the site: its site path and its source file or bytes."""
    folder = pyodide_folder(root)
    paths = asset_paths(root)
    files: list[tuple[str, Path | bytes]] = [(f"{paths['pyodide']}{name}", folder / name)
                                             for name in folder_files(bool(paths["wasm"]))]
    archive = engine_archive.build()
    files.append(archive)
    if paths["wasm"]:
        files.append((paths["wasm"], make_wasm_gz(root)))
    if paths["snapshot"]:
        files.append((paths["snapshot"], make_snapshot(root, archive)))
    return files


_SERVED: dict[tuple[bool, str], int] = {}


def served_size(path: str, data: bytes) -> int:
    """Bytes on the wire from GitHub Pages: gzipped if it compresses the type, else as is."""
    if not path.endswith(PAGES_GZIPS):
        return len(data)
    key = (True, hashlib.sha256(data).hexdigest())
    if key not in _SERVED:
        _SERVED[key] = len(gzip_bytes(data))
    return _SERVED[key]


def fast_start_files(root: Path) -> list[tuple[str, Path | bytes]]:
    """What a first visit to a calculator page fetches to start Python, as site files."""
    wanted = {WORKER, SNAPSHOT_FORMAT}  # the worker imports the format's module
    paths = asset_paths(root)
    wanted.update(f"{paths['pyodide']}{name}" for name in FAST_START_FILES)
    wanted.add(paths["wasm"] or f"{paths['pyodide']}{WASM}")
    if paths["snapshot"]:
        wanted.add(paths["snapshot"])
    else:
        wanted.update((paths["engine"], f"{paths['pyodide']}{STDLIB}"))
    files = dict(site_files(root))
    files.update({path: root / "docs" / path for path in (WORKER, SNAPSHOT_FORMAT)})
    return [(path, files[path]) for path in sorted(wanted)]


def download_bytes(root: Path | None = None) -> int:
    """The bytes the page's start of Python transfers, as GitHub Pages serves them."""
    root = root or project_root()
    total = 0
    for path, source in fast_start_files(root):
        data = source.read_bytes() if isinstance(source, Path) else source
        total += served_size(path, data)
    return total


def megabytes(count: int) -> str:
    """``12 MB``, ``8.4 MB``: decimal megabytes, as a download size is usually quoted."""
    value = count / 1_000_000
    return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"


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
