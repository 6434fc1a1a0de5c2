"""The calculators packed for the browser: one zip of the engine's source and tax law.

The archive is made from the engine's own source folder on every build, so the
browser always runs exactly the code the build ran. It is byte-for-byte
reproducible (sorted names, fixed timestamps), and its name carries a hash of its
bytes, so a browser never keeps an old engine in its cache. It is zipped once for
the sources it holds: a build asks for it once per calculator page, and
``mkdocs serve`` zips it anew when a calculator is edited.

``python hooks/engine_archive.py DIR`` writes the archive into ``DIR`` and prints
its path; the Pyodide parity test unpacks the same file the site serves.
"""

from __future__ import annotations

import hashlib
import io
import sys
import zipfile
from pathlib import Path

PACKAGE = "calculators"
# Where the site serves the archive, relative to the site's root.
SITE_FOLDER = "assets/calculators"
# What the engine is made of: its code, and the tax law it reads as data.
ENGINE_FILES = ("*.py", "*.toml")


def engine_source() -> Path:
    """The folder of the ``calculators`` package that this Python imports."""
    # Through a module with a file: an editable install may import the package itself
    # as a namespace package, whose ``__file__`` is None.
    from calculators import api

    return Path(api.__file__).resolve().parent


# The last archive made, keyed by the sources it holds (names and bytes).
_packed: dict[tuple[tuple[str, bytes], ...], bytes] = {}


def pack(source: Path) -> bytes:
    """A reproducible zip of every ``.py`` and ``.toml`` file under ``source``, as
    ``calculators/...`` (the ``.toml`` files are the tax law, one per year)."""
    paths = sorted(path for pattern in ENGINE_FILES for path in source.rglob(pattern)
                   if "__pycache__" not in path.parts)
    files = tuple((f"{PACKAGE}/{path.relative_to(source).as_posix()}", path.read_bytes())
                  for path in paths)
    if files not in _packed:
        _packed.clear()
        _packed[files] = _zip(files)
    return _packed[files]


def _zip(files: tuple[tuple[str, bytes], ...]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def archive_name(data: bytes) -> str:
    """``engine-<first 12 hex digits of the SHA-256>.zip``."""
    return f"engine-{hashlib.sha256(data).hexdigest()[:12]}.zip"


def build(source: Path | None = None) -> tuple[str, bytes]:
    """The archive's site path (under :data:`SITE_FOLDER`) and its bytes."""
    data = pack(source or engine_source())
    return f"{SITE_FOLDER}/{archive_name(data)}", data


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python hooks/engine_archive.py OUTPUT_DIR", file=sys.stderr)
        return 2
    path, data = build()
    target = Path(argv[0]) / Path(path).name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
