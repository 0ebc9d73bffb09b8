"""Quotes view: one row per attribution (content, source, cue, type) with offsets and sentences.

``gold`` is the quotation's own flag (a person made, corrected or confirmed
it); ``layer_complete`` says that no quotation of the document is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from datasets import ClassLabel, Features, List, Value

from newscorpus.labels import QUOTE_TYPES
from newscorpus.views.licence import licence_columns, licence_features

Row = dict[str, Any]
_SPAN = {"start": Value("int32"), "end": Value("int32"), "text": Value("string")}


def quotes_features() -> Features:
    return Features(
        {
            "document_id": Value("string"),
            **licence_features(),
            "quote_id": Value("string"),
            "type": ClassLabel(names=list(QUOTE_TYPES)),
            "content": _SPAN,
            "cue": _SPAN,
            "source": {**_SPAN, "mention": Value("string"), "cluster": Value("string")},
            "sentence_indices": List(Value("int32")),
            "sentences": List(Value("string")),
            "gold": Value("bool"),
            "layer_complete": Value("bool"),
        }
    )


def _cluster_of_mention(record: dict[str, Any]) -> dict[str, str]:
    return {
        mention["id"]: cluster["id"]
        for cluster in record["layers"]["coreference"]["items"]
        for mention in cluster["mentions"]
    }


def quotes_rows(record: dict[str, Any]) -> Iterator[Row]:
    text = record["text"]
    sentences = list(zip(record["layers"]["sentences"]["starts"], record["layers"]["sentences"]["ends"], strict=True))
    cluster_of = _cluster_of_mention(record)
    licence = licence_columns(record)
    for quote in record["layers"]["quotations"]["items"]:
        content = quote["content"]
        touched = [i for i, (s, e) in enumerate(sentences) if s < content["end"] and content["start"] < e]
        source = quote["source"]
        yield {
            "document_id": record["id"],
            **licence,
            "quote_id": quote["id"],
            "type": quote["type"],
            "content": content,
            "cue": quote["cue"],
            "source": None if source is None else {**source, "cluster": cluster_of.get(source.get("mention") or "")},
            "sentence_indices": touched,
            "sentences": [text[sentences[i][0] : sentences[i][1]] for i in touched],
            "gold": quote["gold"],
            "layer_complete": record["layers"]["quotations"]["complete"],
        }
