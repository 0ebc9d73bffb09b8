"""The work one engine task does on a batch of files: index, convert, validate.

Each function takes one picklable task value and returns a picklable outcome,
so that this process, a worker process and a Ray task run the same code.
Expected bad input comes back as a value (the ``Problem`` an UnusableInputError
carries), not raised: the pipeline must report the first bad file in file order,
not the first to fail.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from newscorpus.annotate.gazetteer import Gazetteer, own_gold_names
from newscorpus.annotate.runner import Annotators, settings_from_environment
from newscorpus.convert import convert_raw_file
from newscorpus.convert.dates import Notice
from newscorpus.convert.record import keeps_anything
from newscorpus.pipeline.cache import CachedConversion, read_blob, read_entry, write_blob, write_entry
from newscorpus.pipeline.cache_key import CacheUse, index_key, kept_fingerprint
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.reader import read_record_or_raise
from newscorpus.record.writer import dumps_record
from newscorpus.validate import FileCheck, Problem, token_count, validate_file, validate_record


def read_previous_record(path: Path, layout: CorpusLayout) -> tuple[dict[str, Any], None] | tuple[None, Problem]:
    """An existing record, or why it cannot be read (convert cannot keep its gold layers then)."""
    try:
        return read_record_or_raise(path, layout.relative(path)), None
    except UnusableInputError as error:
        return None, error.problem


# Index: which raw capture each existing record was converted from.


@dataclass(frozen=True, slots=True)
class IndexTask:
    layout: CorpusLayout
    record_files: tuple[Path, ...]
    cache: Path | None = None  # where the facts of record files are kept by their bytes' digest; None: no cache


@dataclass(frozen=True, slots=True)
class IndexOutcome:
    """Per record file, up to the first unreadable one: the raw path it names (None if none),
    whether convert keeps anything of it and a hash of what (None if unhashable); and the gold
    entity names of the batch's records, and the index cache entries used."""

    raw_files: list[str | None]
    keeps: list[bool]
    gold_names: Gazetteer
    failed: Problem | None = None
    kept: list[str | None] = field(default_factory=list)
    cache_keys: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RecordFacts:
    """What the index pass learns from one record file."""

    raw_file: str | None
    keeps: bool
    kept: str | None  # ``kept_fingerprint`` of the record
    gold_names: list[tuple[str, str]]

    @classmethod
    def of(cls, record: dict[str, Any]) -> RecordFacts:
        raw = record.get("raw")
        raw_path = raw.get("path") if isinstance(raw, dict) else None
        try:
            kept: str | None = kept_fingerprint(record)
        except (AttributeError, TypeError):
            kept = None  # malformed: convert reads it again and says what is wrong
        return cls(
            raw_path if isinstance(raw_path, str) else None,
            keeps_anything(record),
            kept,
            sorted(own_gold_names(record)),
        )


def _facts_of(path: Path, task: IndexTask) -> tuple[RecordFacts | None, Problem | None, str | None]:
    """A record file's facts, from the index cache when its bytes were seen before; or why it is unreadable."""
    key = None
    if task.cache is not None:
        try:
            key = index_key(path.read_bytes())
        except OSError:
            key = None  # read_previous_record says what is wrong
        stored = read_blob(task.cache, key) if key else None
        if stored is not None:
            try:
                raw_file, keeps, kept, names = json.loads(stored)
                return RecordFacts(raw_file, keeps, kept, [tuple(name) for name in names]), None, key
            except (ValueError, TypeError):
                pass  # another layout: made again below
    record, failed = read_previous_record(path, task.layout)
    if record is None:
        return None, failed, None
    facts = RecordFacts.of(record)
    if task.cache is not None and key is not None:
        _store_facts(task.cache, key, facts)
    return facts, None, key


def _store_facts(index_folder: Path, key: str, facts: RecordFacts) -> None:
    stored_facts = [facts.raw_file, facts.keeps, facts.kept, facts.gold_names]
    write_blob(index_folder, key, json.dumps(stored_facts, ensure_ascii=False).encode("utf-8"))


def _remember_facts(index_folder: Path, text: str) -> None:
    """Index a record this build writes, so that the next build need not parse it to learn its facts."""
    key = index_key(text.encode("utf-8"))
    if read_blob(index_folder, key) is None:
        _store_facts(index_folder, key, RecordFacts.of(json.loads(text)))


def index_records(task: IndexTask) -> IndexOutcome:
    """Read each record file once: the raw path it names, whether convert needs it, its gold names.

    Convert then reads again only the records it keeps something of (and,
    with the cache, only those whose conversion is not cached), and the
    gazetteer of gold names is built here, batch by batch, instead of by
    every worker from the whole corpus. With a cache, a record file whose
    bytes were indexed before is not parsed again.
    """
    outcome = IndexOutcome([], [], Gazetteer())
    attested: dict[str, dict[str, int]] = {}
    for path in task.record_files:
        facts, failed, key = _facts_of(path, task)
        if facts is None:
            return replace(outcome, gold_names=Gazetteer(attested=attested), failed=failed)
        outcome.raw_files.append(facts.raw_file)
        outcome.keeps.append(facts.keeps)
        outcome.kept.append(facts.kept)
        if key is not None:
            outcome.cache_keys.append(key)
        for name, label in facts.gold_names:  # counted once per record, as Gazetteer.from_records counts
            by_label = attested.setdefault(name, {})
            by_label[label] = by_label.get(label, 0) + 1
    return replace(outcome, gold_names=Gazetteer(attested=attested))


# Convert: raw captures to records, staged when they differ from corpus/records/.


@dataclass(frozen=True, slots=True)
class ConvertTask:
    """Raw files (relative to the root) with the record each was converted to before, if any."""

    layout: CorpusLayout
    raw_files: tuple[str, ...]
    previous_records: tuple[Path | None, ...]  # only records convert keeps something of
    staging: Path
    validate: bool
    gold_names: Path  # the corpus's gold entity names as JSON (``save_gold_names``)
    recorded_as: tuple[Path | None, ...] = ()  # per raw file, the record naming it (kept or not); () for none
    kept: tuple[str | None, ...] = ()  # per raw file, ``kept_fingerprint`` of its previous record; () for none
    cache: CacheUse | None = None  # None: convert everything afresh, read and write no cache


@dataclass(frozen=True, slots=True)
class ConvertedDocument:
    """What convert made of one raw file; the record itself is in the staging folder if it changed."""

    raw_file: str
    document_id: str
    sentences: int
    tokens: int
    record_bytes: int
    changed: bool
    problems: tuple[Problem, ...]
    notices: tuple[Notice, ...] = ()
    cache_key: str | None = None  # the conversion cache entry that holds this record, if any
    converted: bool = True  # False when the record came from the cache, unconverted
    record_sha256: str = ""  # of the record file's bytes: what the release's stored shards are keyed by


@dataclass(frozen=True, slots=True)
class ConvertOutcome:
    """The documents of a batch, up to the first raw file that could not be converted."""

    documents: list[ConvertedDocument]
    failed: Problem | None = None


def _stage(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())  # the file is renamed into corpus/records/ later, as it is


def save_gold_names(gold_names: Gazetteer, path: Path) -> None:
    """Write the gazetteer of gold names once, for every convert task to load (it may be large for a task)."""
    path.write_text(gold_names.attested_json(), encoding="utf-8")


@lru_cache(maxsize=2)
def _annotators(gold_names: Path, written_ns: int, root: Path) -> Annotators:
    """The annotators of one convert run, built once per process (each run writes its own gold names file)."""
    names = Gazetteer.from_attested_json(gold_names.read_text(encoding="utf-8"))  # from save_gold_names
    return Annotators.with_gold_names(names, settings_from_environment(root), CorpusLayout(root).records_dir)


def _convert_afresh(
    task: ConvertTask, raw_file: str, previous: dict[str, Any] | None, make_annotators: Callable[[], Annotators]
) -> CachedConversion:
    """Convert one raw file (and validate its record when the task says so); raises UnusableInputError."""
    layout = task.layout
    notices: list[Notice] = []
    record = convert_raw_file(
        layout.root / raw_file, raw_file, previous, make_annotators=make_annotators, notices=notices
    )
    problems = tuple(validate_record(record, layout.root)) if task.validate else None
    return CachedConversion(
        record["id"],
        dumps_record(record),
        len(record["layers"]["sentences"]["starts"]),
        token_count(record),
        tuple(notices),
        problems,
    )


def _reads_another_record(layout: CorpusLayout, document_id: str, recorded_as: Path | None) -> bool:
    """Whether annotating the article reads a record its key does not cover.

    The annotators leave out the gold names of corpus/records/<id>.json; the
    key covers them only when that file is the record of this raw capture.
    """
    own = layout.record_path(document_id)
    return own != recorded_as and own.is_file()


def convert_batch(task: ConvertTask) -> ConvertOutcome:
    """Convert each raw file (keeping gold layers of its previous record); stage changed records.

    With a cache, a raw file whose key (``cache_key.document_key``) has an
    entry is not converted: the entry's record is used as it is.
    """
    layout = task.layout

    def make_annotators() -> Annotators:
        return _annotators(task.gold_names, task.gold_names.stat().st_mtime_ns, layout.root)

    recorded = task.recorded_as or (None,) * len(task.raw_files)
    kept_of = task.kept or (kept_fingerprint(None),) * len(task.raw_files)
    documents: list[ConvertedDocument] = []
    files = zip(task.raw_files, task.previous_records, recorded, kept_of, strict=True)
    for raw_file, previous_path, recorded_as, kept in files:
        key = task.cache.key_of(layout.root, raw_file, kept) if task.cache else None
        conversion = read_entry(task.cache.folder, key) if task.cache and key else None
        if conversion is not None and _reads_another_record(layout, conversion.document_id, recorded_as):
            conversion = None
        previous = None
        if conversion is None and previous_path is not None:  # read only when convert runs
            previous, failed = read_previous_record(previous_path, layout)
            if failed is not None:
                return ConvertOutcome(documents, failed)
        converted = store = conversion is None
        try:
            if conversion is None:
                conversion = _convert_afresh(task, raw_file, previous, make_annotators)
                if _reads_another_record(layout, conversion.document_id, recorded_as):
                    key = None  # this record depends on a file outside its key: never stored
            elif task.validate and conversion.problems is None:  # cached by a convert, which does not validate
                record = json.loads(conversion.record_text)
                conversion = replace(conversion, problems=tuple(validate_record(record, layout.root)))
                store = True
        except UnusableInputError as error:
            return ConvertOutcome(documents, error.problem)
        if task.cache and key and store:
            write_entry(task.cache.folder, key, conversion)
        text = conversion.record_text
        target = layout.record_path(conversion.document_id)
        changed = not target.is_file() or target.read_text(encoding="utf-8") != text
        if changed:
            _stage(task.staging / target.name, text)
            if task.cache is not None:
                _remember_facts(task.cache.index_folder, text)
        shown = layout.relative(target)
        problems = tuple(p.located(shown, conversion.document_id) for p in conversion.problems or ())
        documents.append(
            ConvertedDocument(
                raw_file,
                conversion.document_id,
                conversion.sentences,
                conversion.tokens,
                len(text.encode("utf-8")),
                changed,
                problems if task.validate else (),
                conversion.notices,
                key,
                converted,
                hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
    return ConvertOutcome(documents)


# Validate: record files, each on its own (ids across files are compared by the caller).


@dataclass(frozen=True, slots=True)
class ValidateTask:
    root: Path
    display_root: Path
    files: tuple[Path, ...]


def validate_batch(task: ValidateTask) -> list[FileCheck]:
    """Validate each file as ``newscorpus.validate.validate_files`` does, except ids across files."""
    return [validate_file(path, task.root, task.display_root) for path in task.files]
