"""Cross-validation folds by document: every document is held out exactly once, never split across folds.

Documents are dealt round-robin in the order of a hash of their id, so a
fold's make-up depends only on the ids (not on file order or on the
machine) and folds differ in size by at most one document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def _order(document_id: str) -> str:
    return hashlib.sha256(f"fold:{document_id}".encode()).hexdigest()


def document_folds(document_ids: Iterable[str], folds: int) -> list[tuple[list[str], list[str]]]:
    """(training ids, held-out ids) for each of ``folds`` folds, ids sorted within each list."""
    ids = sorted(set(document_ids), key=_order)
    if folds < 2 or folds > len(ids):
        raise ValueError(f"cannot make {folds} folds of {len(ids)} documents")
    held_out = [sorted(ids[fold::folds]) for fold in range(folds)]
    return [(sorted(set(ids) - set(part)), part) for part in held_out]
