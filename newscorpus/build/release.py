"""Write the release folder: Parquet per config and split, dataset card, checksums.

The folder is written under a temporary name beside the release and swapped
into place, so readers see the previous release or the new one, never a mix.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.build.card import ConfigSummary, render_card
from newscorpus.build.parquet import rows_to_table, write_parquet
from newscorpus.build.rows import encode_value
from newscorpus.build.splits import SPLITS, split_of
from newscorpus.views import VIEWS, View

CHECKSUMS = "SHA256SUMS"
DOCUMENTS_PER_SHARD = 5_000


@dataclass(slots=True)
class ReleaseSummary:
    """What a build wrote."""

    documents: int = 0
    configs: dict[str, ConfigSummary] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256, every file but SHA256SUMS

    @property
    def files(self) -> list[str]:
        return [*sorted(self.digests), CHECKSUMS]


def _write_view(view: View, records: list[dict[str, Any]], out_dir: Path, digests: dict[str, str]) -> ConfigSummary:
    features = view.features()
    summary = ConfigSummary(view.name, view.description, features)
    by_split: dict[str, list[dict[str, Any]]] = {split: [] for split in SPLITS}
    for record in records:
        by_split[split_of(record["id"])].append(record)
    content = hashlib.sha256()  # over this config's file names and digests: its fingerprint
    for split in SPLITS:
        split_records = by_split[split]
        shards = [split_records[i : i + DOCUMENTS_PER_SHARD] for i in range(0, len(split_records), DOCUMENTS_PER_SHARD)]
        shard_rows = [
            [encode_value(row, features) for record in shard for row in view.rows(record)] for shard in shards
        ]
        shard_rows = [rows for rows in shard_rows if rows]
        if not shard_rows:
            continue  # a split with no rows is left out of the release and the card
        (out_dir / view.name).mkdir(exist_ok=True)
        examples = num_bytes = 0
        for index, rows in enumerate(shard_rows):
            table = rows_to_table(rows, features)
            name = f"{view.name}/{split}-{index:05d}-of-{len(shard_rows):05d}.parquet"
            write_parquet(out_dir / name, table)
            digests[name] = hashlib.sha256((out_dir / name).read_bytes()).hexdigest()
            content.update(f"{digests[name]}  {name}\n".encode())
            examples += table.num_rows
            num_bytes += table.nbytes
        summary.splits[split] = (examples, num_bytes)
    summary.fingerprint = content.hexdigest()[:16]
    return summary


def write_release_files(records: Iterable[dict[str, Any]], out_dir: Path) -> ReleaseSummary:
    """Write every config of the release into the empty folder ``out_dir``."""
    ordered = sorted(records, key=lambda record: record["id"])
    summary = ReleaseSummary(documents=len(ordered))
    for view in VIEWS:
        config = _write_view(view, ordered, out_dir, summary.digests)
        if config.splits:  # a config without rows (no layer annotated yet) is left out
            summary.configs[view.name] = config
    card = render_card(summary.configs, ordered).encode("utf-8")
    (out_dir / "README.md").write_bytes(card)
    summary.digests["README.md"] = hashlib.sha256(card).hexdigest()
    sums = "".join(f"{summary.digests[name]}  {name}\n" for name in sorted(summary.digests))
    (out_dir / CHECKSUMS).write_text(sums, encoding="utf-8")
    return summary


def recover_interrupted_swap(release_dir: Path) -> None:
    """Finish a swap that a crash interrupted: put the previous release back if none is in place."""
    backup = release_dir.with_name(f".{release_dir.name}.previous")
    if backup.is_dir() and not release_dir.exists():
        backup.rename(release_dir)
    elif backup.is_dir():
        shutil.rmtree(backup)


def temporary_release_dir(release_dir: Path) -> Path:
    """A fresh folder beside the release (same file system, so rename is atomic)."""
    release_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{release_dir.name}.building-", dir=release_dir.parent))


def write_release(records: Iterable[dict[str, Any]], release_dir: Path) -> ReleaseSummary:
    """Build the release in a temporary folder, then swap it into ``release_dir``."""
    recover_interrupted_swap(release_dir)
    staging = temporary_release_dir(release_dir)
    try:
        summary = write_release_files(records, staging)
        for path in staging.rglob("*"):
            if path.is_file():
                with path.open("rb") as handle:
                    os.fsync(handle.fileno())
        backup = release_dir.with_name(f".{release_dir.name}.previous")
        if release_dir.exists():
            release_dir.rename(backup)
        staging.rename(release_dir)
        if backup.exists():
            shutil.rmtree(backup)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return summary
