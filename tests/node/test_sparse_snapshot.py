"""The snapshot format's JavaScript (pack and unpack), tested under Node by
``sparse_snapshot.test.mjs``: random and edge-case memories round-trip in any
chunking, and broken files are refused."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).with_name("sparse_snapshot.test.mjs")


def test_the_snapshot_format_round_trips_and_refuses_broken_files():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed: install Node.js 20")
    ran = subprocess.run([node, "--test", str(TESTS)], capture_output=True, text=True,
                         timeout=300, check=False)
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]
    counts = dict(re.findall(r"^# (pass|fail|skipped|todo|cancelled) (\d+)$", ran.stdout, re.M))
    assert counts == {"pass": "6", "fail": "0", "skipped": "0", "todo": "0", "cancelled": "0"}
