"""Read YAML while remembering the line of every value.

Authors get errors that point at ``file:line``, so the loader keeps, beside the
plain data, a map from each value's path (a tuple of keys and indexes) to the
1-based line where it starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

PathKey = tuple[str | int, ...]


class YamlSyntaxError(ValueError):
    """The file is not valid YAML; ``line`` is 1-based."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


@dataclass(frozen=True, slots=True)
class Located:
    """Parsed YAML data with the line of each value, for one file."""

    file: str
    data: object
    lines: dict[PathKey, int]

    def line_of(self, path: PathKey) -> int:
        """The line of ``path``, or of its nearest ancestor that exists."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def _walk(node: yaml.Node, path: PathKey, lines: dict[PathKey, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _walk(value_node, (*path, str(key_node.value)), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines)


def _parse_fast(text: str) -> tuple[yaml.Node | None, object]:
    """The node tree and the data made from it, by libyaml when PyYAML has it (ten
    times faster), parsing the text once."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        return node, None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def parse(text: str, file: str) -> Located:
    """Parse ``text`` (named ``file`` in messages) into data and line numbers."""
    try:
        node, data = _parse_fast(text)
    except yaml.YAMLError:
        node, data = None, None  # parsed again below, for the pure-Python loader's message
    try:
        if node is None:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or error.context or "invalid YAML"
        raise YamlSyntaxError(file, line, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(file, 1, f"YAML error: {error}") from None
    lines: dict[PathKey, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return Located(file=file, data=data, lines=lines)


def load(path: Path, name: str) -> Located:
    """Read and parse the file at ``path``; ``name`` is how messages call it."""
    return parse(path.read_text(encoding="utf-8"), name)
