"""Which documents go into which Parquet shard: a plan fixed by the records alone.

Each split's documents, in id order, are cut into shards of at most
``DOCUMENTS_PER_SHARD`` documents and ``RECORD_BYTES_PER_SHARD`` bytes of
canonical record JSON (a document larger than that gets a shard of its own).
The plan depends only on the ids and sizes of the records, never on how many
workers write the shards, so every engine and every ``--jobs`` writes the same
files. The bounds keep files a size that readers and the Hub handle well; a
worker's memory is bounded by one row group, not by the shard, since shards
are streamed (``newscorpus.release.parquet``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newscorpus.release.splits import SPLITS, split_of

DOCUMENTS_PER_SHARD = 5_000
RECORD_BYTES_PER_SHARD = 64 * 2**20


@dataclass(frozen=True, slots=True)
class ShardLimits:
    """Upper bounds of one shard: documents, and bytes of their canonical record JSON."""

    documents: int = DOCUMENTS_PER_SHARD
    record_bytes: int = RECORD_BYTES_PER_SHARD


DEFAULT_LIMITS = ShardLimits()


@dataclass(frozen=True, slots=True)
class ShardPlan:
    """One shard of a split: its position among the split's shards and its documents, in id order."""

    split: str
    index: int
    ids: tuple[str, ...]


def plan_shards(documents: Iterable[tuple[str, int]], limits: ShardLimits = DEFAULT_LIMITS) -> list[ShardPlan]:
    """Shards for ``(document id, record bytes)`` pairs given in any order: split by split, ids sorted."""
    by_split: dict[str, list[tuple[str, int]]] = {split: [] for split in SPLITS}
    for document_id, size in documents:
        by_split[split_of(document_id)].append((document_id, size))
    plans: list[ShardPlan] = []
    for split in SPLITS:
        groups: list[list[str]] = []
        used = 0
        for document_id, size in sorted(by_split[split]):
            if not groups or len(groups[-1]) == limits.documents or used + size > limits.record_bytes:
                groups.append([])
                used = 0
            groups[-1].append(document_id)
            used += size
        plans += [ShardPlan(split, index, tuple(ids)) for index, ids in enumerate(groups)]
    return plans
