"""Deterministic Parquet writing: same rows and settings, same bytes.

Rows are turned into Arrow a batch at a time (``TableBuilder``), so a shard
never holds all its rows as Python objects; the Parquet bytes do not depend on
the batching, because the writer cuts row groups by row count alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import Features

from newscorpus.build.rows import row_encoder

ROW_GROUP_SIZE = 1_000
COMPRESSION = "zstd"
COMPRESSION_LEVEL = 9
# Python rows held before they become an Arrow batch: a few MB for the largest rows (whole documents).
BATCH_ROWS = 64


class TableBuilder:
    """Collects rows of one config (ClassLabel strings encoded as ids) into an Arrow table.

    The table has the features' schema, which carries the ``huggingface``
    metadata that ``datasets`` reads the features from.
    """

    def __init__(self, features: Features) -> None:
        self._encode = row_encoder(features)
        self._schema = features.arrow_schema
        self._pending: list[dict[str, Any]] = []
        self._batches: list[pa.RecordBatch] = []

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self._pending.append(self._encode(row))
            if len(self._pending) == BATCH_ROWS:
                self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._batches.append(pa.RecordBatch.from_pylist(self._pending, schema=self._schema))
            self._pending = []

    def table(self) -> pa.Table | None:
        """The rows collected so far, or None when there are none."""
        self._flush()
        return pa.Table.from_batches(self._batches, schema=self._schema) if self._batches else None


def write_parquet(path: Path, table: pa.Table) -> None:
    """Write a table with fixed settings so that rebuilding gives identical bytes."""
    with pq.ParquetWriter(
        path,
        schema=table.schema,
        compression=COMPRESSION,
        compression_level=COMPRESSION_LEVEL,
        version="2.6",
        write_statistics=True,
        store_schema=True,
    ) as writer:
        writer.write_table(table, row_group_size=ROW_GROUP_SIZE)
