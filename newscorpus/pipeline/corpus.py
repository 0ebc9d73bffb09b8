"""The corpus-level steps: convert every raw capture, validate, build the release.

Every step streams. An engine (this process, worker processes, or Ray) runs the
files in batches (``newscorpus.pipeline.tasks``); records a step changes are written to
a staging folder beside corpus/records/ and moved into place only when the
whole step succeeded; the release is written shard by shard from record files.
Memory holds a few facts per document (id, size, whether it changed), never the
records. These functions are what the CLI calls; they raise
UnusableInputError for input they cannot work on.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.annotate.gazetteer import Gazetteer
from newscorpus.convert.dates import Notice
from newscorpus.engines import Engine
from newscorpus.engines.progress import SILENT, Progress
from newscorpus.pipeline.cache import cache_dir_of, index_dir_of, max_cache_bytes, prune_cache, shard_store_dir_of
from newscorpus.pipeline.cache_key import CacheUse, corpus_key, kept_fingerprint, release_code_key
from newscorpus.pipeline.tasks import (
    ConvertedDocument,
    ConvertTask,
    IndexTask,
    ValidateTask,
    convert_batch,
    index_records,
    save_gold_names,
    validate_batch,
)
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.value import pointer
from newscorpus.record.layout import CorpusLayout, corpus_lock
from newscorpus.release.agreement import read_agreement
from newscorpus.release.compare import compare_trees
from newscorpus.release.folder import (
    ReleaseSummary,
    publish_release,
    recover_interrupted_swap,
    temporary_release_dir,
    write_release_from,
)
from newscorpus.release.shard_store import ShardStore
from newscorpus.release.shards import DEFAULT_LIMITS, ShardLimits
from newscorpus.release.sources import RecordFiles
from newscorpus.validate import Problem, Report, validate_file

STAGING_PREFIX = ".records.staging-"
GOLD_NAMES_FILE = "gold-names.gazetteer"  # JSON, in the staging folder beside the staged records (never *.json)
# Files per task: large enough to amortise a task's overhead, small enough that
# every worker gets several tasks and the progress bar moves.
MAX_BATCH = 64
BATCHES_PER_JOB = 8


@dataclass(slots=True)
class ConvertedCorpus:
    """What converting the raw captures made: per-document facts, and records staged in ``staging``."""

    staging: Path
    sizes: list[tuple[str, int]] = field(default_factory=list)  # (document id, record bytes), raw file order
    changed: list[str] = field(default_factory=list)  # ids of records staged because they differ
    stale: list[Path] = field(default_factory=list)  # records of raw files whose document id changed
    problems: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)  # what convert reports without refusing a capture
    sentences: int = 0
    tokens: int = 0
    cache_keys: list[str] = field(default_factory=list)  # the conversion cache entries this conversion used
    reconverted: list[str] = field(default_factory=list)  # ids of records converted, not served by the cache
    digests: dict[str, str] = field(default_factory=dict)  # document id -> SHA-256 of its record file
    use_cache: bool = True  # whether the release may take unchanged shards from the cache
    index_keys: list[str] = field(default_factory=list)  # index cache entries of the records read

    @property
    def documents(self) -> int:
        return len(self.sizes)

    def add(self, document: ConvertedDocument) -> None:
        self.sizes.append((document.document_id, document.record_bytes))
        if document.changed:
            self.changed.append(document.document_id)
        self.problems += document.problems
        self.notices += document.notices
        self.sentences += document.sentences
        self.tokens += document.tokens
        if document.cache_key is not None:
            self.cache_keys.append(document.cache_key)
        if document.converted:
            self.reconverted.append(document.document_id)
        self.digests[document.document_id] = document.record_sha256


@dataclass(slots=True)
class BuildResult:
    """A build's conversion, and the release it wrote (None when validation stopped it)."""

    converted: ConvertedCorpus
    release: ReleaseSummary | None


def batches(items: Sequence[object], jobs: int) -> list[tuple[int, int]]:
    """``(start, end)`` ranges cutting ``items`` into tasks for ``jobs`` workers."""
    size = max(1, min(MAX_BATCH, math.ceil(len(items) / (jobs * BATCHES_PER_JOB))))
    return [(start, min(start + size, len(items))) for start in range(0, len(items), size)]


@contextmanager
def _staging_folder(layout: CorpusLayout) -> Iterator[Path]:
    """A fresh folder for changed records, beside corpus/records/ (so that moving them in is a rename).

    Called under the corpus lock: staging and release folders left by a killed
    run belong to no running process and are removed first.
    """
    corpus = layout.root / "corpus"
    for leftover in [*corpus.glob(f"{STAGING_PREFIX}*"), *corpus.glob(f".{layout.release_dir.name}.building-*")]:
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=corpus))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@dataclass(frozen=True, slots=True)
class PreviousRecords:
    """What the index pass learnt from the existing records."""

    by_raw_file: dict[str, Path]  # every record file naming a raw path: stale records are found with these
    kept: set[str]  # raw paths whose record holds something convert keeps (so convert reads it again)
    gold_names: Gazetteer  # the gold entity names of every record, for the automatic annotators
    kept_fingerprints: dict[str, str | None] = field(default_factory=dict)  # raw path -> ``kept_fingerprint``
    index_keys: list[str] = field(default_factory=list)  # index cache entries used


def _previous_records(
    layout: CorpusLayout, engine: Engine, progress: Progress, use_cache: bool = True
) -> PreviousRecords:
    """Existing record files by the raw path they name, so that convert keeps their gold layers."""
    files = layout.record_files()
    cache = index_dir_of(layout.root) if use_cache else None
    tasks = [IndexTask(layout, tuple(files[start:end]), cache) for start, end in batches(files, engine.jobs)]
    by_raw_file: dict[str, Path] = {}
    keeps_of: dict[str, bool] = {}  # a later record naming the same raw path wins, as in by_raw_file
    kept_fingerprints: dict[str, str | None] = {}
    index_keys: list[str] = []
    partial_gazetteers: list[Gazetteer] = []
    with progress.stage("read records", len(files)) as advance:
        for task, outcome in zip(tasks, engine.map(index_records, tasks), strict=True):
            facts = zip(task.record_files, outcome.raw_files, outcome.keeps, outcome.kept, strict=False)
            for path, raw_file, keeps, kept in facts:
                if raw_file is not None:
                    by_raw_file[raw_file] = path
                    keeps_of[raw_file] = keeps
                    kept_fingerprints[raw_file] = kept
            if outcome.failed is not None:
                raise UnusableInputError.of(outcome.failed)
            partial_gazetteers.append(outcome.gold_names)
            index_keys += outcome.cache_keys
            advance(len(task.record_files))
    kept = {raw_file for raw_file, keeps in keeps_of.items() if keeps}
    return PreviousRecords(by_raw_file, kept, Gazetteer.union(partial_gazetteers), kept_fingerprints, index_keys)


def _convert(
    layout: CorpusLayout, staging: Path, engine: Engine, progress: Progress, validate: bool, use_cache: bool = True
) -> ConvertedCorpus:
    """Convert every raw capture (and validate the records when asked), staging the changed records.

    With ``use_cache``, an article whose inputs are those of an entry of the
    conversion cache is taken from it; without, everything is converted and
    the cache is neither read nor written.
    """
    raw_files = [layout.relative(path) for path in layout.raw_files()]
    previous = _previous_records(layout, engine, progress, use_cache)
    no_previous = kept_fingerprint(None)
    gold_names = staging / GOLD_NAMES_FILE
    save_gold_names(previous.gold_names, gold_names)
    shared_key = corpus_key(layout.root, previous.gold_names)
    cache = CacheUse(cache_dir_of(layout.root), shared_key, index_dir_of(layout.root)) if use_cache else None
    tasks = [
        ConvertTask(
            layout,
            tuple(raw_files[start:end]),
            tuple(
                previous.by_raw_file[raw_file] if raw_file in previous.kept else None
                for raw_file in raw_files[start:end]
            ),
            staging,
            validate,
            gold_names,
            recorded_as=tuple(previous.by_raw_file.get(raw_file) for raw_file in raw_files[start:end]),
            kept=tuple(
                previous.kept_fingerprints.get(raw_file) if raw_file in previous.kept else no_previous
                for raw_file in raw_files[start:end]
            ),
            cache=cache,
        )
        for start, end in batches(raw_files, engine.jobs)
    ]
    converted = ConvertedCorpus(staging, use_cache=use_cache, index_keys=previous.index_keys)
    raw_file_of_id: dict[str, str] = {}
    with progress.stage("convert and validate" if validate else "convert", len(raw_files)) as advance:
        for outcome in engine.map(convert_batch, tasks):
            for document in outcome.documents:
                if document.document_id in raw_file_of_id:
                    raise UnusableInputError(
                        "raw.duplicate",
                        document.raw_file,
                        f"same document id {document.document_id!r} as {raw_file_of_id[document.document_id]}",
                        "the two captures are the same article; keep one",
                    )
                raw_file_of_id[document.document_id] = document.raw_file
                converted.add(document)
                old_path = previous.by_raw_file.get(document.raw_file)
                if old_path is not None and old_path != layout.record_path(document.document_id):
                    converted.stale.append(old_path)
            if outcome.failed is not None:
                raise UnusableInputError.of(outcome.failed)
            advance(len(outcome.documents))
    return converted


def record_folder_problems(layout: CorpusLayout, converted: ConvertedCorpus) -> list[Problem]:
    """What ``validate`` would refuse in corpus/records/ beyond the converted records: stray files, extra records.

    A record file that no raw capture converts to (a second copy of a record
    under another name, a record whose capture was removed) stays after a
    build unless it is refused here, and validate would then fail on it.
    """
    listing = layout.record_listing()
    problems = [
        Problem("folder.stray-file", "not a record file (<document id>.json)", file=layout.relative(path))
        for path in listing.stray
    ]
    produced = {layout.record_path(document_id): document_id for document_id, _ in converted.sizes}
    removed = set(converted.stale)
    for path in listing.files:
        if path in produced or path in removed:
            continue
        check = validate_file(path, layout.root)
        problems += check.problems
        if check.record_id is not None and layout.record_path(check.record_id) in produced:
            duplicate = Problem(
                "id.duplicate-document",
                f"id {check.record_id!r} is also the id of {layout.relative(layout.record_path(check.record_id))}",
                pointer("id"),
            )
            problems.append(duplicate.located(check.shown, check.record_id))
    return problems


def commit_records(layout: CorpusLayout, converted: ConvertedCorpus) -> int:
    """Move the staged records into corpus/records/ and remove stale ones; returns files written."""
    layout.records_dir.mkdir(parents=True, exist_ok=True)
    for document_id in converted.changed:
        target = layout.record_path(document_id)
        (converted.staging / target.name).replace(target)
    produced = {layout.record_path(document_id) for document_id, _ in converted.sizes}
    for path in converted.stale:
        if path not in produced:  # never remove what this conversion wrote or kept
            path.unlink(missing_ok=True)
    return len(converted.changed)


def convert_corpus(layout: CorpusLayout, engine: Engine, progress: Progress = SILENT) -> tuple[ConvertedCorpus, int]:
    """Convert every raw capture into corpus/records/; returns the conversion and the files written.

    Nothing in corpus/records/ changes unless every raw capture converts.
    """
    with corpus_lock(layout), _staging_folder(layout) as staging:
        converted = _convert(layout, staging, engine, progress, validate=False)
        written = commit_records(layout, converted)
        _prune(layout, converted, None)
        return converted, written


def _write_release(
    layout: CorpusLayout,
    converted: ConvertedCorpus,
    out_dir: Path,
    engine: Engine,
    progress: Progress,
    limits: ShardLimits,
) -> ReleaseSummary:
    source = RecordFiles((converted.staging, layout.records_dir))
    store = ShardStore(shard_store_dir_of(layout.root), release_code_key()) if converted.use_cache else None
    with progress.stage("write release", converted.documents) as advance:
        agreement = read_agreement(layout.root)
        return write_release_from(
            source, converted.sizes, out_dir, engine, limits, advance, store, converted.digests, agreement
        )


def _prune(layout: CorpusLayout, converted: ConvertedCorpus, release: ReleaseSummary | None) -> None:
    """Prune both caches to their limits after a build, under its lock; what this build used stays."""
    limit = max_cache_bytes()
    prune_cache(cache_dir_of(layout.root), converted.cache_keys, limit)
    prune_cache(index_dir_of(layout.root), converted.index_keys, limit)
    prune_cache(shard_store_dir_of(layout.root), release.shard_keys if release else (), limit)


def build_corpus(
    layout: CorpusLayout, engine: Engine, progress: Progress = SILENT, limits: ShardLimits = DEFAULT_LIMITS
) -> BuildResult:
    """Convert and validate; when every record is valid, write the records and swap in the new release.

    The release is written before anything is moved into place, so a build that
    fails or is killed leaves both corpus/records/ and the release as they were
    (a kill between the two moves leaves new records beside the old release,
    which the next build repairs).
    """
    with corpus_lock(layout), _staging_folder(layout) as staging:
        converted = _convert(layout, staging, engine, progress, validate=True)
        converted.problems += record_folder_problems(layout, converted)
        if converted.problems:
            return BuildResult(converted, None)
        recover_interrupted_swap(layout.release_dir)
        release_staging = temporary_release_dir(layout.release_dir)
        try:
            summary = _write_release(layout, converted, release_staging, engine, progress, limits)
            commit_records(layout, converted)
            publish_release(release_staging, layout.release_dir)
        except BaseException:
            shutil.rmtree(release_staging, ignore_errors=True)
            raise
        _prune(layout, converted, summary)
        return BuildResult(converted, summary)


def check_corpus(
    layout: CorpusLayout,
    engine: Engine,
    progress: Progress = SILENT,
    limits: ShardLimits = DEFAULT_LIMITS,
    full: bool = False,
) -> list[str]:
    """Differences between the committed records and release and what the inputs build.

    Records are validated as ``build`` validates them: a record build would
    refuse is a difference (its problems are listed), and then no release is
    written to compare, as ``build`` would write none. Articles whose inputs
    have a conversion cache entry are taken from it; with ``full`` every
    article is converted afresh and the cache is neither read nor written.
    """
    with corpus_lock(layout), _staging_folder(layout) as staging:
        converted = _convert(layout, staging, engine, progress, validate=True, use_cache=not full)
        differences = [
            f"{layout.relative(layout.record_path(document_id))}: differs from what convert makes"
            for document_id in converted.changed
        ]
        expected = {layout.record_path(document_id) for document_id, _ in converted.sizes}
        listing = layout.record_listing()
        differences += [
            f"{layout.relative(path)}: no raw capture converts to it" for path in listing.files if path not in expected
        ]
        differences += [f"{layout.relative(path)}: not a record file (<document id>.json)" for path in listing.stray]
        if converted.problems:
            differences += [
                f"{problem.file}{'#' + problem.path if problem.path else ''}: error [{problem.code}] {problem.message}"
                for problem in converted.problems
            ]
            differences.append(f"{layout.relative(layout.release_dir)}: not compared: build would stop on the records")
            return differences
        fresh = temporary_release_dir(layout.release_dir)
        try:
            _write_release(layout, converted, fresh, engine, progress, limits)
            differences += compare_trees(fresh, layout.release_dir, "corpus/release")
        finally:
            shutil.rmtree(fresh, ignore_errors=True)
        return differences


def validate_corpus(
    files: Sequence[Path], root: Path, display_root: Path, engine: Engine, progress: Progress = SILENT
) -> tuple[Report, int]:
    """Validate record files as ``newscorpus.validate.validate_files`` does; also returns the tokens read."""
    tasks = [ValidateTask(root, display_root, tuple(files[start:end])) for start, end in batches(files, engine.jobs)]
    report = Report()
    tokens = 0
    with progress.stage("validate", len(files)) as advance:
        for checks in engine.map(validate_batch, tasks):
            for check in checks:
                report.add(check)
                tokens += check.tokens
            advance(len(checks))
    return report, tokens
