"""Hugging Face features derived from the record JSON Schema.

The schema is the source of truth; this module translates it: objects become
dicts of features (in schema order), arrays become ``List``, enums marked
``x-classlabel`` become ``ClassLabel``, integers are int64 unless ``x-arrow``
names a narrower type, and ``oneOf`` alternatives (an object or null) become
one nullable struct holding the union of their fields.
"""

from __future__ import annotations

from typing import Any

from datasets import ClassLabel, Features, List, Value

from newscorpus.schema import load_schema

FeatureType = Any
_SCALARS = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref``, keeping the referring node's own keywords."""
    if "$ref" not in node:
        return node
    name = node["$ref"].removeprefix("#/$defs/")
    target = _resolve(schema["$defs"][name], schema)
    return {**target, **{k: v for k, v in node.items() if k != "$ref"}}


def _merge_alternatives(alternatives: list[dict[str, Any]]) -> dict[str, Any]:
    non_null = [a for a in alternatives if a.get("type") != "null"]
    if len(non_null) == 1:
        return non_null[0]
    if all(a.get("type") == "object" for a in non_null):
        properties: dict[str, Any] = {}
        for alternative in non_null:
            for key, value in alternative["properties"].items():
                current = properties.get(key)
                # The first alternative that gives the field a real type decides it.
                if current is None or current.get("type") == "null":
                    properties[key] = value
        return {"type": "object", "properties": properties}
    raise ValueError(f"cannot derive one Arrow type from alternatives {non_null}")


def feature_of(node: dict[str, Any], schema: dict[str, Any] | None = None) -> FeatureType:
    """The ``datasets`` feature for a schema node."""
    schema = schema or load_schema()
    node = _resolve(node, schema)
    if "oneOf" in node or "anyOf" in node:
        alternatives = [_resolve(a, schema) for a in node.get("oneOf", node.get("anyOf"))]
        return feature_of(_merge_alternatives(alternatives), schema)
    if node.get("x-classlabel"):
        return ClassLabel(names=list(node["enum"]))
    kind = node.get("type")
    if "const" in node and kind is None:
        kind = "string"
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        if len(kinds) != 1:
            raise ValueError(f"cannot derive one Arrow type from types {kind}")
        kind = kinds[0]
    if kind == "object":
        return {key: feature_of(value, schema) for key, value in node["properties"].items()}
    if kind == "array":
        return List(feature_of(node["items"], schema))
    if kind in _SCALARS:
        return Value(node.get("x-arrow", _SCALARS[kind]))
    raise ValueError(f"no Arrow type for schema node {node}")


def record_features() -> Features:
    """Features of one record, i.e. of a row of the ``documents`` config."""
    return Features(feature_of(load_schema()))


def classlabel_paths(feature: FeatureType, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Paths (dict keys; list levels skipped) of every ClassLabel in a feature tree."""
    if isinstance(feature, ClassLabel):
        return [prefix]
    if isinstance(feature, dict):
        return [p for key, value in feature.items() for p in classlabel_paths(value, (*prefix, key))]
    if isinstance(feature, List):
        return classlabel_paths(feature.feature, prefix)
    return []
