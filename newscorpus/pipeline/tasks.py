"""The work one engine task does on a batch of files: index, convert, validate.

Each function takes one picklable task value and returns a picklable outcome,
so that this process, a worker process and a Ray task run the same code.
Expected bad input comes back as a value (the ``Problem`` an UnusableInputError
carries), not raised: the pipeline must report the first bad file in file order,
not the first to fail.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from newscorpus.annotate.gazetteer import Gazetteer
from newscorpus.annotate.runner import Annotators, settings_from_environment
from newscorpus.convert import convert_raw_file
from newscorpus.convert.dates import Notice
from newscorpus.convert.record import keeps_anything
from newscorpus.pipeline.cache import CachedConversion, read_entry, write_entry
from newscorpus.pipeline.cache_key import CacheUse
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


@dataclass(frozen=True, slots=True)
class IndexOutcome:
    """Per record file, up to the first unreadable one: the raw path it names (None if none) and
    whether convert keeps anything of it; and the gold entity names of the batch's records."""

    raw_files: list[str | None]
    keeps: list[bool]
    gold_names: Gazetteer
    failed: Problem | None = None


def index_records(task: IndexTask) -> IndexOutcome:
    """Read each record file once: the raw path it names, whether convert needs it, its gold names.

    Convert then reads again only the records it keeps something of, and
    the gazetteer of gold names is built here, batch by batch, instead of
    by every worker from the whole corpus.
    """
    raw_files: list[str | None] = []
    keeps: list[bool] = []
    failures: list[Problem] = []

    def readable_records() -> Iterator[dict[str, Any]]:
        # A generator, so that the batch's gazetteer holds names, never the records.
        for path in task.record_files:
            record, failed = read_previous_record(path, task.layout)
            if record is None:
                failures.append(failed)
                return
            raw = record.get("raw")
            raw_path = raw.get("path") if isinstance(raw, dict) else None
            raw_files.append(raw_path if isinstance(raw_path, str) else None)
            keeps.append(keeps_anything(record))
            yield record

    gold_names = Gazetteer.from_records(readable_records())
    return IndexOutcome(raw_files, keeps, gold_names, failures[0] if failures else None)


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
    documents: list[ConvertedDocument] = []
    for raw_file, previous_path, recorded_as in zip(task.raw_files, task.previous_records, recorded, strict=True):
        previous = None
        if previous_path is not None:
            previous, failed = read_previous_record(previous_path, layout)
            if failed is not None:
                return ConvertOutcome(documents, failed)
        key = task.cache.key_of(layout.root, raw_file, previous) if task.cache else None
        conversion = read_entry(task.cache.folder, key) if task.cache and key else None
        if conversion is not None and _reads_another_record(layout, conversion.document_id, recorded_as):
            conversion = None
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
