"""Deterministic Parquet writing: same rows and settings, same bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import Features

ROW_GROUP_SIZE = 1_000
COMPRESSION = "zstd"
COMPRESSION_LEVEL = 9


def rows_to_table(rows: list[dict[str, Any]], features: Features) -> pa.Table:
    """An Arrow table with the features' schema (which carries the ``huggingface`` metadata)."""
    return pa.Table.from_pylist(rows, schema=features.arrow_schema)


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
