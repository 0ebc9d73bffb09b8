"""NER views: one row per sentence with tokens and BIO tags (OntoNotes 5 or CoNLL-2003 types)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from datasets import ClassLabel, Features, List, Value

from newscorpus.labels import CONLL2003_LABELS, ENTITY_LABELS, ONTONOTES_TO_CONLL2003, bio_tags
from newscorpus.views.bio import spans_to_bio
from newscorpus.views.licence import licence_columns, licence_features
from newscorpus.views.tokens import sentence_token_ranges, token_spans

Row = dict[str, Any]


def _features(labels: tuple[str, ...]) -> Features:
    return Features(
        {
            "document_id": Value("string"),
            **licence_features(),
            "sentence_index": Value("int32"),
            "tokens": List(Value("string")),
            "token_starts": List(Value("int32")),
            "token_ends": List(Value("int32")),
            "ner_tags": List(ClassLabel(names=list(bio_tags(labels)))),
        }
    )


def ontonotes_features() -> Features:
    return _features(ENTITY_LABELS)


def conll2003_features() -> Features:
    return _features(CONLL2003_LABELS)


def _rows(record: dict[str, Any], label_of: Callable[[str], str | None]) -> Iterator[Row]:
    text = record["text"]
    spans = token_spans(record)
    entities = [
        (e["start"], e["end"], mapped)
        for e in record["layers"]["entities"]["items"]
        if (mapped := label_of(e["label"])) is not None
    ]
    tags = spans_to_bio(spans, entities)
    licence = licence_columns(record)
    for index, (first, last) in enumerate(sentence_token_ranges(record)):
        sentence = spans[first:last]
        yield {
            "document_id": record["id"],
            **licence,
            "sentence_index": index,
            "tokens": [text[s:e] for s, e in sentence],
            "token_starts": [s for s, _ in sentence],
            "token_ends": [e for _, e in sentence],
            "ner_tags": tags[first:last],
        }


def ontonotes_rows(record: dict[str, Any]) -> Iterator[Row]:
    return _rows(record, lambda label: label)


def conll2003_rows(record: dict[str, Any]) -> Iterator[Row]:
    return _rows(record, ONTONOTES_TO_CONLL2003.get)
