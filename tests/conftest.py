"""Shared fixtures: one strict build of the real site, reused by every site test."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
# Builds are as of a fixed day, so the pages (which state each figure's age) are the
# same on every run; bump it with the figures.
BUILD_DATE = "2026-11-27"


@pytest.fixture(scope="session")
def build_date() -> str:
    """The day every test build is made as of (``BUILD_DATE``)."""
    return BUILD_DATE


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built with ``mkdocs build --strict`` into a temporary folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("site")
    mp = pytest.MonkeyPatch()
    mp.setenv("BUILD_DATE", BUILD_DATE)
    try:
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site),
                             strict=True)
        build(config)
    finally:
        mp.undo()
    return site
