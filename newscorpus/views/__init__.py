"""Training views: configs of the release derived from records.

A view names a config, its features and how a record becomes rows. The
``documents`` view is the record itself (plus its ``open_license`` column, see
``newscorpus.views.licence``); later views (NER, quotes, coreference)
register here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from datasets import Features

from newscorpus.features import record_features

Row = dict[str, Any]
SMALL_ROWS_PER_GROUP = 20_000  # sentence-sized rows: about 20 MB of Arrow per group


@dataclass(frozen=True, slots=True)
class View:
    """A config of the release: one record gives zero or more rows."""

    name: str
    description: str
    features: Callable[[], Features]
    rows: Callable[[dict[str, Any]], Iterator[Row]]
    # Rows per Parquet row group. A writer holds one group in memory; a reader pays a small cost per
    # group (each becomes an Arrow chunk), so rows as large as an article get small groups, and rows
    # of a sentence or a quotation large ones.
    rows_per_group: int = 1_000


def _document_rows(record: dict[str, Any]) -> Iterator[Row]:
    from newscorpus.views.licence import OPEN_LICENSE, open_license

    yield {**record, OPEN_LICENSE: open_license(record)}


def _document_features() -> Features:
    """The record's features, and the one derived column: ``open_license`` (the record has ``source.license_id``)."""
    from newscorpus.views.licence import OPEN_LICENSE, OPEN_LICENSE_FEATURE

    return Features({**record_features(), OPEN_LICENSE: OPEN_LICENSE_FEATURE})


DOCUMENTS = View(
    name="documents",
    description="One row per article: normalized text, offset map, boilerplate, metadata and every annotation layer.",
    features=_document_features,
    rows=_document_rows,
)


def _registered_views() -> tuple[View, ...]:
    from newscorpus.views.coref import coref_features, coref_rows
    from newscorpus.views.ner import conll2003_features, conll2003_rows, ontonotes_features, ontonotes_rows
    from newscorpus.views.quotes import quotes_features, quotes_rows

    return (
        DOCUMENTS,
        View(
            "ner",
            "One row per sentence: tokens and IOB2 tags of OntoNotes 5 entity types.",
            ontonotes_features,
            ontonotes_rows,
            rows_per_group=SMALL_ROWS_PER_GROUP,
        ),
        View(
            "ner_conll2003",
            "One row per sentence: tokens and IOB2 tags of CoNLL-2003 types (PER, ORG, LOC, "
            "MISC), mapped from OntoNotes 5; numeric and temporal types are O.",
            conll2003_features,
            conll2003_rows,
            rows_per_group=SMALL_ROWS_PER_GROUP,
        ),
        View(
            "quotes",
            "One row per attribution (PARC 3.0): content, source and cue spans, type, and the "
            "sentences the content sits in.",
            quotes_features,
            quotes_rows,
            rows_per_group=SMALL_ROWS_PER_GROUP,
        ),
        View(
            "coref",
            "One row per document: tokens and coreference clusters as inclusive token spans "
            "(CoNLL-2012 jsonlines convention).",
            coref_features,
            coref_rows,
        ),
    )


VIEWS: tuple[View, ...] = _registered_views()
DEFAULT_VIEW = DOCUMENTS.name
