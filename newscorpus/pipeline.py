"""The corpus-level steps: convert every raw capture, validate, build the release.

These functions are what the CLI calls; they take a corpus layout and return
summaries, and raise UnusableInputError for input they cannot work on.
"""

from __future__ import annotations

import fcntl
import filecmp
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.build.release import ReleaseSummary, write_release, write_release_files
from newscorpus.convert import convert_raw_file
from newscorpus.errors import UnusableInputError
from newscorpus.layout import CorpusLayout
from newscorpus.record_io import dumps_record, write_record
from newscorpus.validate import Problem, validate_record
from newscorpus.validate.reader import read_record_file


@dataclass(slots=True)
class ConvertResult:
    """Records converted from the raw captures, and where they go."""

    records: dict[Path, dict[str, Any]] = field(default_factory=dict)
    stale: list[Path] = field(default_factory=list)

    @property
    def tokens(self) -> int:
        return sum(len(r["layers"]["tokens"]["starts"]) for r in self.records.values())

    @property
    def sentences(self) -> int:
        return sum(len(r["layers"]["sentences"]["starts"]) for r in self.records.values())


def _previous_records(layout: CorpusLayout) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Existing records by raw path, so that convert keeps their gold layers."""
    previous: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in layout.record_files():
        record, problems = read_record_file(path)
        if record is None:
            problem = problems[0]
            raise UnusableInputError("record.unreadable", layout.relative(path), f"[{problem.code}] {problem.message}")
        raw_path = (record.get("raw") or {}).get("path")
        if isinstance(raw_path, str):
            previous[raw_path] = (path, record)
    return previous


def convert_corpus(layout: CorpusLayout) -> ConvertResult:
    """Convert every raw capture in memory; gold layers of existing records are kept."""
    previous = _previous_records(layout)
    result = ConvertResult()
    raw_of_id: dict[str, str] = {}
    for raw_file in layout.raw_files():
        relative = layout.relative(raw_file)
        old_path, old_record = previous.get(relative, (None, None))
        record = convert_raw_file(raw_file, relative, old_record)
        if record["id"] in raw_of_id:
            raise UnusableInputError(
                "raw.duplicate",
                relative,
                f"same document id {record['id']!r} as {raw_of_id[record['id']]}",
                "the two captures are the same article; keep one",
            )
        raw_of_id[record["id"]] = relative
        path = layout.record_path(record["id"])
        result.records[path] = record
        if old_path is not None and old_path != path:
            result.stale.append(old_path)
    return result


def write_records(result: ConvertResult) -> int:
    """Write changed records (atomically) and remove renamed ones; returns files written."""
    written = 0
    for path, record in result.records.items():
        text = dumps_record(record)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_record(path, record)
            written += 1
    for path in result.stale:
        path.unlink(missing_ok=True)
    return written


def validate_converted(layout: CorpusLayout, result: ConvertResult) -> list[Problem]:
    """Validate converted records before anything is written."""
    problems = []
    for path, record in result.records.items():
        problems += [p.located(layout.relative(path), record["id"]) for p in validate_record(record, layout.root)]
    return problems


@contextmanager
def corpus_lock(layout: CorpusLayout) -> Iterator[None]:
    """Hold the corpus lock; a second build or convert at the same time is refused."""
    layout.require_corpus()
    lock_path = layout.root / "corpus" / ".lock"
    with lock_path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise UnusableInputError(
                "corpus.locked",
                str(lock_path),
                "another newscorpus convert or build is running",
                "wait for it to finish",
            ) from error
        yield


def build_corpus(layout: CorpusLayout) -> tuple[ConvertResult, ReleaseSummary | None, list[Problem]]:
    """Convert, validate and, when clean, write records and the release."""
    with corpus_lock(layout):
        result = convert_corpus(layout)
        problems = validate_converted(layout, result)
        if problems:
            return result, None, problems
        write_records(result)
        summary = write_release(result.records.values(), layout.release_dir)
        return result, summary, []


def check_corpus(layout: CorpusLayout) -> list[str]:
    """Differences between the committed records and release and what the inputs build."""
    result = convert_corpus(layout)
    differences = [
        f"{layout.relative(path)}: differs from what convert makes"
        for path, record in result.records.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != dumps_record(record)
    ]
    expected_records = set(result.records)
    differences += [
        f"{layout.relative(p)}: no raw capture converts to it"
        for p in layout.record_files()
        if p not in expected_records
    ]
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "release"
        fresh.mkdir()
        write_release_files(result.records.values(), fresh)
        differences += _compare_trees(fresh, layout.release_dir, "corpus/release")
    return differences


def _compare_trees(expected: Path, actual: Path, shown: str) -> list[str]:
    expected_files = {p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file()}
    actual_files = (
        {p.relative_to(actual).as_posix() for p in actual.rglob("*") if p.is_file()} if actual.is_dir() else set()
    )
    differences = [f"{shown}/{name}: missing" for name in sorted(expected_files - actual_files)]
    differences += [f"{shown}/{name}: not produced by the build" for name in sorted(actual_files - expected_files)]
    differences += [
        f"{shown}/{name}: content differs"
        for name in sorted(expected_files & actual_files)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return differences
