"""Markers: replaced where known, a build-stopping error with file:line where not."""

import pytest

from markers import MarkerError, Renderer, expand

RENDERERS = {"checklist": Renderer({"first-month"}, lambda name: f"[list {name}]")}


def test_known_markers_are_replaced_and_plain_comments_kept():
    page = "Intro\n<!-- checklist: first-month -->\n<!-- a note for authors -->\n"
    assert expand(page, RENDERERS, "steps/x.md") == (
        "Intro\n[list first-month]\n<!-- a note for authors -->\n")


def test_an_unknown_kind_names_the_page_line_and_known_kinds():
    with pytest.raises(MarkerError, match=r"^steps/x.md:3: unknown marker 'checklists' "
                                          r"\(known: checklist\)$"):
        expand("a\nb\n<!-- checklists: first-month -->", RENDERERS, "steps/x.md")


def test_an_unknown_name_lists_the_valid_ones():
    with pytest.raises(MarkerError, match=r"^p.md:1: checklist marker: unknown name "
                                          r"'first-week' \(valid: first-month\)$"):
        expand("<!-- checklist: first-week -->", RENDERERS, "p.md")
