"""Split assignment by a hash of the document id: adding documents never moves one."""

from __future__ import annotations

import hashlib

SPLITS = ("train", "validation", "test")
# Percent of documents per split: 80 / 10 / 10.
_THRESHOLDS = ((80, "train"), (90, "validation"), (100, "test"))


def split_of(document_id: str) -> str:
    """The split of a document: bucket sha256(id) mod 100 into 80/10/10."""
    bucket = int.from_bytes(hashlib.sha256(document_id.encode("utf-8")).digest()[:8], "big") % 100
    return next(name for limit, name in _THRESHOLDS if bucket < limit)
