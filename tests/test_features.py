"""Features derived from the schema: the documents config is the record, field for field."""

from __future__ import annotations

from datasets import ClassLabel, List

from newscorpus.features import record_features
from newscorpus.schema import load_schema


def _schema_leaves(node: dict, schema: dict, prefix: tuple = ()) -> set[tuple]:
    """(path, kind) for every leaf of the schema; arrays add "[]" to the path, oneOf unites alternatives."""
    if "$ref" in node:
        node = {**schema["$defs"][node["$ref"].split("/")[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    if "oneOf" in node:
        return set().union(*(_schema_leaves(alt, schema, prefix) for alt in node["oneOf"]))
    kinds = node.get("type", "string" if "const" in node else None)
    kinds = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null"]
    if not kinds:
        return set()
    if node.get("x-classlabel"):
        return {(prefix, "classlabel:" + ",".join(node["enum"]))}
    if kinds == ["object"]:
        return set().union(*(_schema_leaves(c, schema, (*prefix, k)) for k, c in node["properties"].items()))
    if kinds == ["array"]:
        return _schema_leaves(node["items"], schema, (*prefix, "[]"))
    return {(prefix, {"integer": "int", "string": "string", "number": "float", "boolean": "bool"}[kinds[0]])}


def _feature_leaves(feature, prefix: tuple = ()) -> set[tuple]:
    if isinstance(feature, dict):
        return set().union(*(_feature_leaves(c, (*prefix, k)) for k, c in feature.items()))
    if isinstance(feature, List):
        return _feature_leaves(feature.feature, (*prefix, "[]"))
    if isinstance(feature, ClassLabel):
        return {(prefix, "classlabel:" + ",".join(feature.names))}
    dtype = feature.dtype
    kind = "int" if dtype.startswith("int") else "float" if dtype.startswith("float") else dtype
    return {(prefix, kind)}


def test_features_and_schema_agree_field_for_field():
    schema = load_schema()
    assert _feature_leaves(dict(record_features())) == _schema_leaves(schema, schema)
