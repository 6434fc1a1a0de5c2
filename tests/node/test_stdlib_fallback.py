"""The snapshot's trimmed standard library and its fallback to the full one
(``stdlib_fallback.mjs``, under Node, on the built site's snapshot): every calculator
answers after a snapshot start on the trimmed library, and a standard module it lacks
comes from the full ``python_stdlib.zip``, fetched once, when the worker can fetch it."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("stdlib_fallback.mjs")
ROOT = Path(__file__).resolve().parents[2]


def test_a_snapshot_start_on_the_trimmed_library_and_its_fallback(built_site):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed: install Node.js 20")
    snapshot = next((built_site / "assets" / "calculators").glob("*.snapshot-*.gz"))
    ran = subprocess.run([node, str(SCRIPT), str(ROOT / "node_modules" / "pyodide"),
                          str(snapshot)], capture_output=True, text=True, timeout=300,
                         check=False)
    assert ran.returncode == 0, ran.stderr[-3000:]
    out = json.loads(ran.stdout.strip().splitlines()[-1])
    assert out["calculators"] == out["answered"] > 10
    assert out["before"] is None  # not in the trimmed library, and nothing to fetch with
    assert out["after"] == "/lib/python_stdlib_full.zip/tarfile.py"
    assert out["fetched"] == 1  # tarfile, then pdb and tomllib: one fetch
    # Stored, not deflated (the snapshot file is compressed whole), and a fraction of
    # the full library once compressed.
    full = (ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").stat().st_size
    with gzip.open(snapshot) as packed:
        trimmed = packed.read(12 + out["trimmed_bytes"])[12:]
    assert len(gzip.compress(trimmed)) < full / 2
