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


TAKES = {"example": Renderer({"pto_value"}, lambda name, text: f"[{name} with {text}]",
                             takes_inputs=True),
         **RENDERERS}


def test_a_marker_may_carry_json_inputs_even_over_several_lines():
    page = 'a\n<!-- example: pto_value {"salary": 78000,\n  "pto_days": 15} -->\nb'
    assert expand(page, TAKES, "p.md") == (
        'a\n[pto_value with {"salary": 78000,\n  "pto_days": 15}]\nb')


def test_a_kind_that_takes_no_inputs_refuses_them():
    with pytest.raises(MarkerError, match=r"^p.md:2: checklist marker 'first-month' takes no "
                                          r"inputs, but has '\{\"x\": 1\}'$"):
        expand('\n<!-- checklist: first-month {"x": 1} -->', TAKES, "p.md")


def test_a_renderers_complaint_is_placed_at_the_marker():
    def refuse(name, text):
        raise MarkerError("salary: expected an amount")

    renderers = {"example": Renderer({"pto_value"}, refuse, takes_inputs=True)}
    with pytest.raises(MarkerError, match=r"^p.md:3: example marker 'pto_value': salary: "
                                          r"expected an amount$"):
        expand('\n\n<!-- example: pto_value {"salary": "x"} -->', renderers, "p.md")


def test_inputs_on_a_misspelt_kind_stop_the_build_but_prose_comments_stay():
    with pytest.raises(MarkerError, match="unknown marker 'exmaple'"):
        expand('<!-- exmaple: pto_value {"salary": 1} -->', TAKES, "p.md")
    note = "<!-- note: check this paragraph again -->"
    assert expand(note, TAKES, "p.md") == note
