"""The engine archive is zipped once for the sources it holds, and anew when they change."""

import io
import zipfile

import engine_archive


def test_the_same_sources_give_the_same_archive_once_zipped(tmp_path, monkeypatch):
    (tmp_path / "api.py").write_text("A = 1\n")
    first = engine_archive.pack(tmp_path)
    monkeypatch.setattr(engine_archive, "_zip", lambda files: b"zipped again")
    assert engine_archive.pack(tmp_path) is first


def test_an_edited_source_is_zipped_anew(tmp_path):
    source = tmp_path / "api.py"
    source.write_text("A = 1\n")
    before = engine_archive.build(tmp_path)
    source.write_text("A = 2\n")
    path, data = engine_archive.build(tmp_path)
    assert path != before[0]
    assert zipfile.ZipFile(io.BytesIO(data)).read("calculators/api.py") == b"A = 2\n"
