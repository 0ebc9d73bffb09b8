"""What each field of a release config means: from the JSON Schema for the documents config, a table for the views.

The dataset card lists these descriptions beside each field's type, and the
Croissant metadata gives them to each field.
"""

from __future__ import annotations

from typing import Any

from newscorpus.schema import load_schema
from newscorpus.views import DEFAULT_VIEW

FieldPath = tuple[str, ...]
OPEN_LICENSE_MEANING = (
    "True when the article's text is openly licensed (anyone may copy, change and redistribute it), "
    "derived at build from its licence id; filter on it to keep only open text."
)

# Columns of the derived configs; the documents config takes its descriptions from the schema.
_VIEW_COLUMNS: dict[str, str] = {
    "document_id": "Id of the article the row comes from (the `id` of the documents config).",
    "license_id": "SPDX id of the licence of the article's text (its `source.license_id`), or null when the text "
    "is not openly licensed.",
    "open_license": OPEN_LICENSE_MEANING,
    "sentence_index": "Position of the sentence in the article, from 0 (headline and credit count).",
    "tokens": "Token strings (spaCy's English tokenizer).",
    "token_starts": "Start offset of each token in the article text.",
    "token_ends": "End offset (exclusive) of each token in the article text.",
    "ner_tags": "IOB2 tag of each token, as a ClassLabel id.",
    "sentence_gold": "True when the sentence's tags are all gold: the article's entity layer is complete (gold "
    "annotators declared every entity found). Filter on it to train or score on gold only.",
    "gold_tags": "Per token, whether a person made its tag: the token is inside a gold entity, or the entity "
    "layer is complete (then every O is gold too).",
    "quote_id": "Id of the attribution in the record (`q1`, ...).",
    "type": "Quotation type: direct, indirect or mixed (PARC 3.0).",
    "content": "What was said: the quoted or reported content span.",
    "cue": "The cue: the minimal verb or phrase introducing the content.",
    "source": "Who said it: the source span, with its coreference mention and cluster ids; null if unstated.",
    "sentence_indices": "Indices of the sentences the content overlaps.",
    "sentences": "Text of those sentences.",
    "gold": "True when a person made, corrected or confirmed this quotation (its provenance is gold).",
    "layer_complete": "True when the article's layer is complete: gold annotators declared every item found, "
    "so none is missing.",
    "cluster_gold": "Per cluster, whether it is gold (made, corrected or confirmed by a person).",
    "sentence_starts": "Index of each sentence's first token.",
    "cluster_ids": "Id of each coreference cluster in the record (`c1`, ...).",
    "clusters": "Each cluster as a list of [first_token, last_token] mentions, both inclusive.",
}
_SPAN_PARTS: dict[str, str] = {
    "start": "Start offset in the article text (code points).",
    "end": "End offset (exclusive).",
    "text": "The span's text, equal to text[start:end].",
    "mention": "Id of the coreference mention the source is, or null.",
    "cluster": "Id of the coreference cluster of that mention, or null.",
}


def _schema_node(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its ``$ref`` followed and its ``oneOf`` object alternatives merged.

    A field that the alternatives describe differently (provenance ``kind`` is
    "gold: ..." in one and "auto: ..." in the other) gets both descriptions.
    """
    if "$ref" in node:
        target = _schema_node(schema["$defs"][node["$ref"].removeprefix("#/$defs/")], schema)
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    merged: dict[str, dict[str, Any]] = {}
    for alternative in (_schema_node(a, schema) for a in node.get("oneOf", [])):
        for key, child in alternative.get("properties", {}).items():
            texts = [merged.get(key, {}).get("description"), child.get("description")]
            merged[key] = {**child, "description": " ".join(dict.fromkeys(t for t in texts if t))}
    return {**node, "properties": {**merged, **node.get("properties", {})}} if merged else node


def _schema_descriptions(node: dict[str, Any], schema: dict[str, Any], path: FieldPath = ()) -> dict[FieldPath, str]:
    node = _schema_node(node, schema)
    found = {path: node["description"]} if path and "description" in node else {}
    if isinstance(node.get("items"), dict):
        found |= {p: d for p, d in _schema_descriptions(node["items"], schema, path).items() if p != path}
    for key, child in node.get("properties", {}).items():
        found |= _schema_descriptions(child, schema, (*path, key))
    return found


def field_descriptions(config: str) -> dict[FieldPath, str]:
    """What each field of a config means, by path of struct keys (list levels skipped).

    The documents config is the record, so its descriptions come from the JSON
    Schema; the derived configs share a small table of column meanings.
    """
    if config == DEFAULT_VIEW:
        schema = load_schema()
        return _schema_descriptions(schema, schema) | {("open_license",): OPEN_LICENSE_MEANING}
    nested = {(column, part): text for column in ("content", "cue", "source") for part, text in _SPAN_PARTS.items()}
    return {(column,): text for column, text in _VIEW_COLUMNS.items()} | nested
