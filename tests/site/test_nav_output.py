"""The navigation cache (hooks/nav_cache.py) changes how fast pages are made, never what."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).parents[2]
OVERRIDE = ROOT / "overrides" / "partials" / "nav-item.html"
MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "nav-item.html"


def _uncached(render, item, path, level, parent, page):
    return render(item, path, level, parent)


def test_every_page_is_the_same_without_the_cache(built_site, build_date, tmp_path):
    site = tmp_path / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUILD_DATE", build_date)
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site),
                             strict=True)
        mp.setattr(config["hooks"]["hooks/nav_cache.py"], "NavCache", lambda: _uncached)
        build(config)
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(built_site) for p in built_site.rglob("*")
                           if p.is_file())
    changed = [str(f) for f in files if (site / f).read_bytes() != (built_site / f).read_bytes()]
    assert changed == []


def test_the_override_is_materials_partial_with_only_the_cache_added():
    """On an upgrade of mkdocs-material, copy its partial again and redo the change."""
    ours = OVERRIDE.read_text(encoding="utf-8")
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", ours, count=1, flags=re.DOTALL)
    ours = ours.replace("{% macro render_item(", "{% macro render(")
    ours = ours.replace("nav_cached(render_item, item, ", "render(item, ").replace(
        ", level + 1, nav_item, page) }}", ", level + 1, nav_item) }}")
    wrapper = ('{% macro render(nav_item, path, level, parent) -%}\n'
               '  {{- nav_cached(render_item, nav_item, path, level, parent, page) -}}\n'
               '{%- endmacro %}\n')
    assert ours.endswith(wrapper)
    theirs = re.sub(r"\A\{#-.*?-#\}\n", "", MATERIAL.read_text(encoding="utf-8"), count=1,
                    flags=re.DOTALL)
    assert ours.removesuffix(wrapper) == theirs
