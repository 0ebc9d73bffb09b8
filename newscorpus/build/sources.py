"""Where the release writer reads records from, one at a time: memory or record files.

A shard task asks its source for the records of its shard by id, so a build
never needs every record in memory at once. Sources are small picklable values
that a worker process or a Ray task receives with its task.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, overload


class RecordSource(Protocol):
    """Gives the record with a document id."""

    def load(self, document_id: str) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class RecordsInMemory:
    """Records already in memory, by id (for callers that hold them, such as tests)."""

    records: Mapping[str, dict[str, Any]]

    def load(self, document_id: str) -> dict[str, Any]:
        return self.records[document_id]


@dataclass(frozen=True, slots=True)
class RecordFiles:
    """Record files ``<id>.json``: the first of ``folders`` that holds one wins.

    A build lists its staging folder (records it changed) before corpus/records/
    (records it left as they were). The files were written or validated by this
    build, so the standard parser is enough here.
    """

    folders: tuple[Path, ...]

    def load(self, document_id: str) -> dict[str, Any]:
        for folder in self.folders:
            try:
                text = (folder / f"{document_id}.json").read_text(encoding="utf-8")
            except FileNotFoundError:
                continue
            return json.loads(text)
        raise FileNotFoundError(f"no record {document_id}.json in {', '.join(map(str, self.folders))}")


class LazyRecords(Sequence[dict[str, Any]]):
    """The records of ``ids``, in that order, read from ``source`` each time they are visited.

    For summaries over the whole corpus (the dataset card): memory holds one
    record at a time, at the price of reading the records again on every pass.
    """

    def __init__(self, source: RecordSource, ids: Sequence[str]) -> None:
        self._source = source
        self._ids = ids

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self._source.load(document_id) for document_id in self._ids[index]]
        return self._source.load(self._ids[index])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._source.load(document_id) for document_id in self._ids)
