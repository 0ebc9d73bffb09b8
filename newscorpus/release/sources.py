"""Where the release writer reads records from, one at a time: memory or record files.

A shard task asks its source for the records of its shard by id, so a build
never needs every record in memory at once. Sources are small picklable values
that a worker process or a Ray task receives with its task.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol


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
