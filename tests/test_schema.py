"""The record schema: every property says what it means (the card and Croissant show these)."""

from __future__ import annotations

from newscorpus.schema import load_schema


def _properties_without_description(node: dict, path: str = "") -> list[str]:
    missing = []
    for key, child in node.get("properties", {}).items():
        if "description" not in child:
            missing.append(f"{path}/{key}")
        missing += _properties_without_description(child, f"{path}/{key}")
    for keyword in ("items",):
        if isinstance(node.get(keyword), dict):
            missing += _properties_without_description(node[keyword], path + "/[]")
    for alternative in node.get("oneOf", []):
        missing += _properties_without_description(alternative, path)
    return missing


def test_every_schema_property_has_a_description():
    schema = load_schema()
    missing = _properties_without_description(schema)
    for name, definition in schema["$defs"].items():
        missing += _properties_without_description(definition, f"$defs/{name}")
    assert missing == []
