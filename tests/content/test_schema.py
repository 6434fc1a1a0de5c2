"""The editors' JSON Schema is derived from the model and kept in step with it."""

import json
from pathlib import Path

from content_schema import content_schema

SCHEMA = Path(__file__).parents[2] / "content" / "schema.json"


def test_the_committed_schema_matches_the_model():
    assert json.loads(SCHEMA.read_text()) == content_schema(), (
        "run: python hooks/content_schema.py > content/schema.json")


def test_the_schema_knows_each_file_and_its_enums():
    schema = content_schema()
    keys = [next(iter(option["properties"])) for option in schema["oneOf"]]
    assert keys == ["sources", "figures", "categories", "benefits", "scripts", "checklists",
                    "alternatives"]
    benefit = schema["$defs"]["Benefit"]
    assert benefit["properties"]["negotiability"] == {"enum": ["low", "medium", "high"]}
    assert "source" in schema["$defs"]["Figure"]["required"]
    assert benefit["additionalProperties"] is False
