"""Coreference view: one row per document, tokens and clusters of inclusive token spans.

Clusters follow the jsonlines convention of the CoNLL-2012 coreference
systems (Lee et al. 2017): each cluster is a list of [first_token, last_token].
``cluster_gold`` gives each cluster's provenance flag, and ``layer_complete`` is true when
the document's coreference layer is complete (every cluster gold, none missing).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from datasets import Features, List, Value

from newscorpus.views.licence import licence_columns, licence_features
from newscorpus.views.tokens import sentence_token_ranges, token_index, token_spans

Row = dict[str, Any]


def coref_features() -> Features:
    return Features(
        {
            "document_id": Value("string"),
            **licence_features(),
            "tokens": List(Value("string")),
            "token_starts": List(Value("int32")),
            "sentence_starts": List(Value("int32")),
            "cluster_ids": List(Value("string")),
            "clusters": List(List(List(Value("int32")))),
            "cluster_gold": List(Value("bool")),
            "layer_complete": Value("bool"),
        }
    )


def coref_rows(record: dict[str, Any]) -> Iterator[Row]:
    text = record["text"]
    spans = token_spans(record)
    clusters = record["layers"]["coreference"]["items"]
    index_of_start, index_of_end = token_index(record)
    yield {
        "document_id": record["id"],
        **licence_columns(record),
        "tokens": [text[s:e] for s, e in spans],
        "token_starts": [s for s, _ in spans],
        "sentence_starts": [first for first, _ in sentence_token_ranges(record)],
        "cluster_ids": [cluster["id"] for cluster in clusters],
        "clusters": [
            [[index_of_start[m["start"]], index_of_end[m["end"]]] for m in cluster["mentions"]] for cluster in clusters
        ],
        "cluster_gold": [cluster["gold"] for cluster in clusters],
        "layer_complete": record["layers"]["coreference"]["complete"],
    }
