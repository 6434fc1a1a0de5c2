"""The Pyodide snapshot and the compressed WebAssembly the build ships (hooks/pyodide_assets.py).

The snapshot is named by the Pyodide version and the engine archive's hash, made once
and then reused from ``.cache/pyodide/``; the download size the page states is computed
from the files the site ships, as GitHub Pages serves them.
"""

from __future__ import annotations

import gzip
import re
import subprocess

import pytest

import engine_archive
import pyodide_assets


def test_the_snapshot_is_named_by_pyodide_version_engine_hash_and_maker():
    root = pyodide_assets.project_root()
    archive, _ = engine_archive.build()
    name = pyodide_assets.snapshot_name(root, "314.0.7", archive)
    digest = re.fullmatch(r"assets/calculators/engine-([0-9a-f]{12})\.zip", archive)[1]
    assert re.fullmatch(rf"engine-{digest}\.pyodide-314\.0\.7\.snapshot-[0-9a-f]{{8}}\.gz", name)


def test_a_new_snapshot_format_is_a_new_name(tmp_path):
    root = pyodide_assets.project_root()
    archive, _ = engine_archive.build()
    copy = tmp_path / "docs" / pyodide_assets.SNAPSHOT_FORMAT
    copy.parent.mkdir(parents=True)
    copy.write_bytes((root / "docs" / pyodide_assets.SNAPSHOT_FORMAT).read_bytes())
    assert (pyodide_assets.snapshot_name(tmp_path, "314.0.7", archive)
            == pyodide_assets.snapshot_name(root, "314.0.7", archive))
    copy.write_bytes(copy.read_bytes() + b"// changed\n")
    assert (pyodide_assets.snapshot_name(tmp_path, "314.0.7", archive)
            != pyodide_assets.snapshot_name(root, "314.0.7", archive))


def test_a_cached_snapshot_is_reused_without_running_node(tmp_path, monkeypatch):
    root = pyodide_assets.project_root()
    archive = engine_archive.build()
    monkeypatch.setattr(pyodide_assets, "cache_folder", lambda _root: tmp_path)
    cached = tmp_path / pyodide_assets.snapshot_name(root, pyodide_assets.pinned_version(root),
                                                     archive[0])
    cached.write_bytes(b"cached")

    def no_node(*args, **kwargs):
        raise AssertionError("node ran although the snapshot was cached")

    monkeypatch.setattr(subprocess, "run", no_node)
    assert pyodide_assets.make_snapshot(root, archive) == cached


def test_a_failing_snapshot_step_stops_the_build_with_its_message(tmp_path, monkeypatch):
    root = pyodide_assets.project_root()
    monkeypatch.setattr(pyodide_assets, "cache_folder", lambda _root: tmp_path)
    failing = tmp_path / "failing.mjs"
    failing.write_text('console.error("no memory left"); process.exit(3);\n', encoding="utf-8")
    monkeypatch.setattr(pyodide_assets, "SNAPSHOT_SCRIPT", failing)
    with pytest.raises(pyodide_assets.AssetError,
                       match="snapshot could not be made: no memory left"):
        pyodide_assets.make_snapshot(root, ("assets/calculators/engine-000000000000.zip", b""))


def test_gzip_is_reproducible_and_sizes_count_as_pages_serves_them():
    data = b"print('hello')\n" * 1000
    assert pyodide_assets.gzip_bytes(data) == pyodide_assets.gzip_bytes(data)
    assert gzip.decompress(pyodide_assets.gzip_bytes(data)) == data
    assert pyodide_assets.served_size("a.js", data) < len(data) / 10
    assert pyodide_assets.served_size("a.wasm", data) == len(data)
    assert pyodide_assets.served_size("a.snapshot.gz", data) == len(data)


def test_megabytes():
    assert pyodide_assets.megabytes(12_840_000) == "13 MB"
    assert pyodide_assets.megabytes(8_440_000) == "8.4 MB"


def test_techniques_can_be_turned_off_for_the_benchmark(monkeypatch):
    monkeypatch.setenv("NB_SNAPSHOT", "0")
    monkeypatch.setenv("NB_WASM_GZ", "0")
    paths = pyodide_assets.asset_paths()
    assert paths["snapshot"] == paths["wasm"] == ""
    names = {path.rsplit("/", 1)[-1] for path, _ in pyodide_assets.fast_start_files(
        pyodide_assets.project_root())}
    assert "pyodide.asm.wasm" in names
    assert any(name.startswith("engine-") for name in names)


def test_the_built_site_ships_the_snapshot_and_states_its_real_download(built_site):
    page = (built_site / "calculators" / "pto_value" / "index.html").read_text(encoding="utf-8")
    folder = built_site / "calculators" / "pto_value"
    snapshot = (folder / re.search(r'data-snapshot="([^"]+)"', page)[1]).resolve()
    wasm = (folder / re.search(r'data-wasm="([^"]+)"', page)[1]).resolve()
    assert re.fullmatch(r"engine-[0-9a-f]{12}\.pyodide-314\.0\.7\.snapshot-[0-9a-f]{8}\.gz",
                        snapshot.name)
    assert gzip.decompress(wasm.read_bytes()) == (
        pyodide_assets.pyodide_folder(pyodide_assets.project_root()) / "pyodide.asm.wasm"
    ).read_bytes()
    with gzip.open(snapshot) as raw:
        assert len(raw.read()) > 10_000_000
    # What the page states is counted from the built files, as Pages serves them.
    pyodide = folder / re.search(r'data-pyodide="([^"]+)"', page)[1]
    fetched = [snapshot, wasm, built_site / pyodide_assets.WORKER,
               built_site / pyodide_assets.SNAPSHOT_FORMAT,
               *(pyodide / name for name in pyodide_assets.FAST_START_FILES)]
    total = sum(pyodide_assets.served_size(path.name, path.read_bytes()) for path in fetched)
    assert 5_000_000 < total < 20_000_000
    assert f'data-download="{pyodide_assets.megabytes(total)}"' in page
    assert 'data-snapshot-version="314.0.7"' in page
    assert "13 MB" not in (built_site / "assets/javascripts/calculator.js").read_text(
        encoding="utf-8")
