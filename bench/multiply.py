"""A temporary copy of the project whose content is repeated N times, for build timing.

``copy_project(N, into)`` copies what ``mkdocs build`` reads (mkdocs.yml, docs/,
hooks/, overrides/, content/, package-lock.json; node_modules is linked) and repeats
every benefit, script, checklist and figure N times with unique slugs, ids and titles,
so the build makes N times the generated pages. The calculators are the installed
package, as in the real build.
"""

from __future__ import annotations

import copy
import os
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("docs", "hooks", "overrides", "content")
# File, list key, the key that must stay unique.
REPEATED = (("benefits.yaml", "benefits", "slug"), ("scripts.yaml", "scripts", "slug"),
            ("checklists.yaml", "checklists", "slug"), ("figures.yaml", "figures", "id"))


def repeat(items: list[dict], key: str, times: int) -> list[dict]:
    """``items`` then ``times - 1`` copies with ``-xK`` keys and ``(K)`` titles or labels."""
    out = list(items)
    for k in range(2, times + 1):
        for item in items:
            twin = copy.deepcopy(item)
            twin[key] = f"{item[key]}-x{k}"
            for text in ("title", "label"):
                if text in twin:
                    twin[text] = f"{item[text]} ({k})"
            out.append(twin)
    return out


def copy_project(times: int, into: Path) -> Path:
    """The project copied into ``into`` with its content repeated ``times`` times."""
    into.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "package-lock.json", "package.json"):
        shutil.copy2(ROOT / name, into / name)
    for name in ("node_modules", "calculators"):  # mkdocs.yml watches calculators/
        os.symlink(ROOT / name, into / name)
    for file, list_key, key in REPEATED:
        path = into / "content" / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data[list_key] = repeat(data[list_key], key, times)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
                        encoding="utf-8")
    return into
