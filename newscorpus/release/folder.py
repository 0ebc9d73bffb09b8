"""Write the release folder: Parquet shards per config and split, dataset card, attribution list, checksums.

Documents are written shard by shard (see ``newscorpus.release.shards``): a shard
task reads its records one at a time from a record source, turns each into the
rows of every config, streams them into one Parquet file per config, and counts
what the dataset card reports (``newscorpus.release.tally``). Shard tasks are
independent, so an engine can run them in any number of processes or on Ray;
the files are then given their final names, and the card, the attribution
list of the articles whose licence requires credit (``ATTRIBUTION.md``), the
Croissant metadata and the checksums are written. The folder is written under a temporary name beside the release and
swapped into place, so readers see the previous release or the new one, never
a mix.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from datasets import Features

from newscorpus.engines import Engine
from newscorpus.engines.local import LocalEngine
from newscorpus.record.writer import dumps_record
from newscorpus.release.card import ConfigSummary, render_card
from newscorpus.release.composition import ATTRIBUTION_FILE, croissant_licenses, render_attribution
from newscorpus.release.croissant import CROISSANT_FILE, write_croissant
from newscorpus.release.parquet import ParquetShardWriter, ShardFile
from newscorpus.release.shard_store import ShardStore, shard_key
from newscorpus.release.shards import DEFAULT_LIMITS, ShardLimits, ShardPlan, plan_shards
from newscorpus.release.sources import RecordsInMemory, RecordSource
from newscorpus.release.splits import SPLITS
from newscorpus.release.tally import CardTally
from newscorpus.views import VIEWS

CHECKSUMS = "SHA256SUMS"
CARD = "README.md"


@dataclass(slots=True)
class ReleaseSummary:
    """What a build wrote."""

    documents: int = 0
    configs: dict[str, ConfigSummary] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256, every file but SHA256SUMS
    shard_keys: list[str] = field(default_factory=list)  # the stored shards this release was made of

    @property
    def files(self) -> list[str]:
        return [*sorted(self.digests), CHECKSUMS]


@dataclass(frozen=True, slots=True)
class ShardTask:
    """Write one shard's documents, for every config, into ``out_dir``."""

    plan: ShardPlan
    source: RecordSource
    out_dir: Path
    store: ShardStore | None = None  # shards kept from earlier builds, and where this one is kept
    key: str | None = None  # the shard's key in ``store`` (``shard_key``)


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What a shard task wrote (config -> file) and the card's counts over its documents."""

    files: dict[str, ShardFile]
    tally: CardTally


@cache
def _features() -> dict[str, Features]:
    # Derived from the schema once per process: a worker writes many shards.
    return {view.name: view.features() for view in VIEWS}


def _unnamed_path(out_dir: Path, config: str, plan: ShardPlan) -> Path:
    """Where a shard task leaves its file until the number of shards is known."""
    return out_dir / config / f".{plan.split}-{plan.index:05d}.parquet.unnamed"


def write_shard(task: ShardTask) -> ShardResult:
    """Write the shard's file of every config that has rows for its documents; one pass over the records.

    With a store, a shard stored under the same key is taken from it instead, and a written one is stored.
    """
    paths = {view.name: _unnamed_path(task.out_dir, view.name, task.plan) for view in VIEWS}
    if task.store is not None and task.key is not None:
        restored = task.store.restore(task.key, paths)
        if restored is not None:
            return restored
    features = _features()
    writers = {
        view.name: ParquetShardWriter(paths[view.name], features[view.name], view.rows_per_group) for view in VIEWS
    }
    tally = CardTally()
    for document_id in task.plan.ids:
        record = task.source.load(document_id)
        tally.add(record)
        for view in VIEWS:
            rows = list(view.rows(record))
            writers[view.name].add(rows)
            tally.offer_example(view.name, document_id, rows)
    written = {name: file for name, writer in writers.items() if (file := writer.close()) is not None}
    result = ShardResult(written, tally)  # a config with no rows in this shard has no file in it
    if task.store is not None and task.key is not None:
        task.store.save(task.key, paths, result)
    return result


def _name_config(
    config: str, plans: Sequence[ShardPlan], results: Sequence[dict[str, ShardFile]], out_dir: Path
) -> tuple[dict[str, tuple[int, int]], dict[str, str]]:
    """Give a config's shard files their names ``<split>-<bucket>-of-<buckets>.parquet``; splits and digests.

    A name is fixed by the shard's bucket, so a shard that did not change keeps its name; an empty
    bucket (or one with no rows in this config) has no file, which leaves a gap in the numbers.
    """
    splits: dict[str, tuple[int, int]] = {}
    digests: dict[str, str] = {}
    for split in SPLITS:
        files = [
            (plan, written)
            for plan, result in zip(plans, results, strict=True)
            if plan.split == split and (written := result.get(config)) is not None
        ]
        for plan, written in files:
            name = f"{config}/{split}-{plan.index:05d}-of-{plan.buckets:05d}.parquet"
            _unnamed_path(out_dir, config, plan).rename(out_dir / name)
            digests[name] = written.digest
        if files:  # a split with no rows is left out of the release and the card
            splits[split] = (sum(w.rows for _, w in files), sum(w.num_bytes for _, w in files))
    return splits, digests


def assemble_release(
    out_dir: Path,
    plans: Sequence[ShardPlan],
    results: Sequence[ShardResult],
    agreement: str | None = None,
) -> ReleaseSummary:
    """Name the shard files, then write the card (from the shards' merged tallies) and the checksums."""
    tally = CardTally()
    for result in results:
        tally.merge(result.tally)
    summary = ReleaseSummary(documents=tally.documents)
    files = [result.files for result in results]
    features = _features()
    for view in VIEWS:
        config = ConfigSummary(view.name, view.description, features[view.name])
        config.splits, digests = _name_config(view.name, plans, files, out_dir)
        summary.digests.update(digests)
        content = hashlib.sha256()  # over this config's file names and digests: its fingerprint
        for name, digest in digests.items():
            content.update(f"{digest}  {name}\n".encode())
        config.fingerprint = content.hexdigest()[:16]
        if config.splits:  # a config without rows (no layer annotated yet) is left out
            summary.configs[view.name] = config
    for name, text in (
        (CARD, render_card(summary.configs, tally, agreement)),
        (ATTRIBUTION_FILE, render_attribution(tally)),
    ):
        content = text.encode("utf-8")
        (out_dir / name).write_bytes(content)
        summary.digests[name] = hashlib.sha256(content).hexdigest()
    summary.digests[CROISSANT_FILE] = write_croissant(
        out_dir, summary.configs, croissant_licenses(tally), [ATTRIBUTION_FILE], summary.digests
    )
    sums = "".join(f"{summary.digests[name]}  {name}\n" for name in sorted(summary.digests))
    (out_dir / CHECKSUMS).write_text(sums, encoding="utf-8")
    return summary


def write_release_from(
    source: RecordSource,
    sizes: Iterable[tuple[str, int]],
    out_dir: Path,
    engine: Engine,
    limits: ShardLimits = DEFAULT_LIMITS,
    on_shard: Callable[[int], None] = lambda documents: None,
    store: ShardStore | None = None,
    digests: Mapping[str, str] | None = None,
    agreement: str | None = None,
) -> ReleaseSummary:
    """Write the release of the documents ``(id, record bytes)`` read from ``source`` into ``out_dir``.

    ``on_shard`` is told the number of documents of each shard written (for progress bars). With a
    ``store`` and the records' SHA-256 ``digests`` (id -> digest), unchanged shards come from the store.
    """
    plans = plan_shards(sizes, limits)
    keyed = store is not None and digests is not None
    tasks = [
        ShardTask(plan, source, out_dir, store, shard_key(store.code_key, plan, digests) if keyed else None)
        for plan in plans
    ]
    results = []
    for task, result in zip(tasks, engine.map(write_shard, tasks), strict=True):
        results.append(result)
        on_shard(len(task.plan.ids))
    summary = assemble_release(out_dir, plans, results, agreement)
    summary.shard_keys = [task.key for task in tasks if task.key is not None]
    return summary


def record_size(record: dict[str, Any]) -> int:
    """Bytes of the record's canonical JSON: the measure shard sizes are bounded by."""
    return len(dumps_record(record).encode("utf-8"))


def write_release_files(
    records: Iterable[dict[str, Any]],
    out_dir: Path,
    engine: Engine | None = None,
    limits: ShardLimits = DEFAULT_LIMITS,
) -> ReleaseSummary:
    """Write every config of the release of in-memory ``records`` into the empty folder ``out_dir``."""
    ordered = sorted(records, key=lambda record: record["id"])
    source = RecordsInMemory({record["id"]: record for record in ordered})
    sizes = [(record["id"], record_size(record)) for record in ordered]
    return write_release_from(source, sizes, out_dir, engine or LocalEngine(), limits)


def recover_interrupted_swap(release_dir: Path) -> None:
    """Clean up after a killed build: put the previous release back if none is in place, drop staging folders.

    Call it only while holding the corpus lock, which guarantees that no other
    build is still writing into a staging folder.
    """
    backup = release_dir.with_name(f".{release_dir.name}.previous")
    if backup.is_dir() and not release_dir.exists():
        backup.rename(release_dir)
    elif backup.is_dir():
        shutil.rmtree(backup)
    for staging in release_dir.parent.glob(f".{release_dir.name}.building-*"):
        shutil.rmtree(staging, ignore_errors=True)


def temporary_release_dir(release_dir: Path) -> Path:
    """A fresh folder beside the release (same file system, so rename is atomic)."""
    release_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{release_dir.name}.building-", dir=release_dir.parent))


def publish_release(staging: Path, release_dir: Path) -> None:
    """Make the finished folder ``staging`` the release: flush it to disk, then swap it into place."""
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


def write_release(
    records: Iterable[dict[str, Any]],
    release_dir: Path,
    engine: Engine | None = None,
    limits: ShardLimits = DEFAULT_LIMITS,
) -> ReleaseSummary:
    """Build the release of in-memory ``records`` in a temporary folder, then swap it into ``release_dir``."""
    recover_interrupted_swap(release_dir)
    staging = temporary_release_dir(release_dir)
    try:
        summary = write_release_files(records, staging, engine, limits)
        publish_release(staging, release_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return summary
