"""A JSON Schema for ``content/*.yaml``, derived from the typed model.

Editors that speak the YAML language server complete and check content with it;
the build itself checks content with ``content_loader``. Regenerate after changing
the model: ``python hooks/content_schema.py > content/schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from decimal import Decimal

from content_model import FILES

_SCALARS = {str: {"type": "string", "minLength": 1}, int: {"type": "integer"},
            Decimal: {"type": "number"}, date: {"type": "string", "format": "date"}}


def _schema(tp: object, definitions: dict) -> dict:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _schema(inner, definitions)
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": _schema(typing.get_args(tp)[0], definitions)}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # reserve the name before recursing
            hints = typing.get_type_hints(tp)
            fields = dataclasses.fields(tp)
            definitions[name] = {
                "type": "object",
                "description": (tp.__doc__ or "").strip().splitlines()[0] if tp.__doc__ else "",
                "additionalProperties": False,
                "required": [f.name for f in fields if f.default is dataclasses.MISSING],
                "properties": {f.name: _schema(hints[f.name], definitions) for f in fields},
            }
        return {"$ref": f"#/$defs/{name}"}
    return dict(_SCALARS[tp])


def content_schema() -> dict:
    """One schema that accepts any of the content files, each by its top-level key."""
    definitions: dict = {}
    files = []
    for key, (_, item_type) in FILES.items():
        files.append({"type": "object", "additionalProperties": False, "required": [key],
                      "properties": {key: {"type": "array",
                                           "items": _schema(item_type, definitions)}}})
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Content of the benefits negotiation guide",
            "oneOf": files, "$defs": definitions}


if __name__ == "__main__":  # pragma: no cover - writes the file authors' editors read
    print(json.dumps(content_schema(), indent=2))
