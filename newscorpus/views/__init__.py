"""Training views: configs of the release derived from records.

A view names a config, its features and how a record becomes rows. The
``documents`` view is the record itself; later views (NER, quotes, coreference)
register here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from datasets import Features

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class View:
    """A config of the release: one record gives zero or more rows."""

    name: str
    description: str
    features: Callable[[], Features]
    rows: Callable[[dict[str, Any]], Iterator[Row]]


def _document_rows(record: dict[str, Any]) -> Iterator[Row]:
    yield record


def _document_features() -> Features:
    from newscorpus.build.features import record_features

    return record_features()


DOCUMENTS = View(
    name="documents",
    description="One row per article: normalized text, offset map, boilerplate, metadata and every annotation layer.",
    features=_document_features,
    rows=_document_rows,
)

VIEWS: tuple[View, ...] = (DOCUMENTS,)
DEFAULT_VIEW = DOCUMENTS.name
