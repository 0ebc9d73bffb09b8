"""Deterministic Parquet writing, streamed: same rows and settings, same bytes.

Rows are turned into Arrow a batch at a time and written one row group at a
time (``ParquetShardWriter``), so a shard task holds at most one row group of a
config in memory, however large its shard. Row groups are cut by row count
alone (each view sets its ``rows_per_group``), so the bytes do not depend on
how the rows arrived.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import Features

from newscorpus.problems.file_errors import naming
from newscorpus.release.rows import row_encoder

COMPRESSION = "zstd"
COMPRESSION_LEVEL = 9
# Python rows held before they become an Arrow batch: a few MB for the largest rows (whole documents).
BATCH_ROWS = 64


@dataclass(frozen=True, slots=True)
class ShardFile:
    """A written Parquet file: rows, Arrow bytes of its data, SHA-256 of the file."""

    rows: int
    num_bytes: int
    digest: str


def open_parquet_writer(path: Path, schema: pa.Schema) -> pq.ParquetWriter:
    """A writer with fixed settings, so that rebuilding gives identical bytes."""
    return pq.ParquetWriter(
        path,
        schema=schema,
        compression=COMPRESSION,
        compression_level=COMPRESSION_LEVEL,
        version="2.6",
        write_statistics=True,
        store_schema=True,
    )


class ParquetShardWriter:
    """Writes rows of one config (ClassLabel strings encoded as ids) to one Parquet file, a row group at a time.

    The file is created with the first row, so a config with no rows in a
    shard gets no file. The schema carries the ``huggingface`` metadata that
    ``datasets`` reads the features from.
    """

    def __init__(self, path: Path, features: Features, rows_per_group: int) -> None:
        self._path = path
        self._rows_per_group = rows_per_group
        self._encode = row_encoder(features)
        self._schema = features.arrow_schema
        self._pending: list[dict[str, Any]] = []
        self._group: list[pa.RecordBatch] = []
        self._group_rows = 0
        self._writer: pq.ParquetWriter | None = None
        self._rows = 0
        self._num_bytes = 0

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self._pending.append(self._encode(row))
            # A batch never straddles two row groups, so each group is written whole, never sliced.
            if len(self._pending) == BATCH_ROWS or self._group_rows + len(self._pending) == self._rows_per_group:
                self._flush_batch()
                if self._group_rows == self._rows_per_group:
                    self._write_group()

    def _flush_batch(self) -> None:
        if self._pending:
            self._group.append(pa.RecordBatch.from_pylist(self._pending, schema=self._schema))
            self._group_rows += len(self._pending)
            self._pending = []

    def _write_group(self) -> None:
        if not self._group:
            return
        table = pa.Table.from_batches(self._group, schema=self._schema)
        with naming(self._path):  # pyarrow's OSError names no file
            if self._writer is None:
                self._path.parent.mkdir(parents=True, exist_ok=True)
                self._writer = open_parquet_writer(self._path, self._schema)
            self._writer.write_table(table, row_group_size=self._rows_per_group)
        self._rows += table.num_rows
        self._num_bytes += table.nbytes
        self._group, self._group_rows = [], 0

    def close(self) -> ShardFile | None:
        """Finish the file; what was written, or None when no row came (and no file was made)."""
        self._flush_batch()
        self._write_group()
        if self._writer is None:
            return None
        with naming(self._path):
            self._writer.close()
        self._writer = None
        return ShardFile(self._rows, self._num_bytes, hashlib.sha256(self._path.read_bytes()).hexdigest())
