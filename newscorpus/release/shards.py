"""Which documents go into which Parquet shard: buckets by a hash of the document id, within each split.

A document's shard is ``shard_bucket(id, n)``: bytes 8 to 16 of the SHA-256 of
its id (the split uses bytes 0 to 8, so the two are independent) modulo the
split's bucket count ``n``. Inside a shard, rows are in id order. Adding,
changing or removing a document therefore changes only the shard of its
bucket, in every config: the other shards keep the same documents and are
byte for byte what they were.

The bucket count of a split is the smallest power of two that brings the
split's mean shard to at most half of ``ShardLimits`` (documents, and bytes of
canonical record JSON): hash buckets vary in size, and half the bound leaves
room for that, so shards stay under the limits in practice (not by
construction: a bound is now a target of the mean). The count depends only
on the split's size, never on the engine or ``--jobs``.

When a split grows past the point where its count must double, every
document of bucket ``b`` of ``n`` goes to bucket ``b`` or ``b + n`` of
``2n`` (a power of two divides the hash's value the same way), so that one
build rewrites every shard of the split once; it happens each time the split
doubles, which amortises to about one extra write per document added. A
split that shrinks below the count's threshold halves it the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from newscorpus.release.splits import SPLITS, split_of

DOCUMENTS_PER_SHARD = 5_000
RECORD_BYTES_PER_SHARD = 64 * 2**20
# The mean shard is kept to this share of the limits, so that the largest hash bucket stays under them.
MEAN_SHARE_OF_LIMIT = 0.5


@dataclass(frozen=True, slots=True)
class ShardLimits:
    """Bounds of one shard: documents, and bytes of their canonical record JSON (a target, see above)."""

    documents: int = DOCUMENTS_PER_SHARD
    record_bytes: int = RECORD_BYTES_PER_SHARD


DEFAULT_LIMITS = ShardLimits()


@dataclass(frozen=True, slots=True)
class ShardPlan:
    """One shard of a split: its bucket ``index`` of the split's ``buckets``, and its documents in id order."""

    split: str
    index: int
    ids: tuple[str, ...]
    buckets: int = 1


def shard_bucket(document_id: str, buckets: int) -> int:
    """The bucket of a document among a split's ``buckets``: a hash of its id, independent of its split."""
    digest = hashlib.sha256(document_id.encode("utf-8")).digest()
    return int.from_bytes(digest[8:16], "big") % buckets


def bucket_count(documents: int, record_bytes: int, limits: ShardLimits = DEFAULT_LIMITS) -> int:
    """The smallest power of two whose mean shard holds at most half the limits' documents and bytes."""
    buckets = 1
    while (
        documents > buckets * limits.documents * MEAN_SHARE_OF_LIMIT
        or record_bytes > buckets * limits.record_bytes * MEAN_SHARE_OF_LIMIT
    ):
        buckets *= 2
    return buckets


def plan_shards(documents: Iterable[tuple[str, int]], limits: ShardLimits = DEFAULT_LIMITS) -> list[ShardPlan]:
    """Shards for ``(document id, record bytes)`` pairs given in any order: split by split, bucket by bucket.

    An empty bucket has no shard (and so no file); shards come in split order, then bucket order.
    """
    by_split: dict[str, list[tuple[str, int]]] = {split: [] for split in SPLITS}
    for document_id, size in documents:
        by_split[split_of(document_id)].append((document_id, size))
    plans: list[ShardPlan] = []
    for split in SPLITS:
        members = by_split[split]
        buckets = bucket_count(len(members), sum(size for _, size in members), limits)
        groups: dict[int, list[str]] = {}
        for document_id, _ in sorted(members):
            groups.setdefault(shard_bucket(document_id, buckets), []).append(document_id)
        plans += [ShardPlan(split, index, tuple(groups[index]), buckets) for index in sorted(groups)]
    return plans
