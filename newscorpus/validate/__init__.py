"""Validation: schema errors plus semantic checks, every problem at once, as values.

``validate_record`` checks one parsed record; ``validate_file`` reads one
file and checks its record, also against its raw capture and its file name;
``validate_files`` (and the pipeline's batches, which may run in other
processes) add each file's outcome to a ``Report``, which checks across files
that document ids are unique.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.problems.value import CODES, Problem, pointer
from newscorpus.record.reader import read_record_file
from newscorpus.schema import supported_schema_versions
from newscorpus.validate.checks import iter_semantic_problems
from newscorpus.validate.corpus_checks import iter_filename_problems, iter_raw_problems
from newscorpus.validate.schema_check import iter_schema_problems

INPUT_CODES = frozenset(code for code in CODES if code.startswith("input."))


def validate_record(record: dict[str, Any], root: Path | None = None) -> list[Problem]:
    """All problems of one record; with ``root``, also against its raw capture."""
    version = record.get("schema_version")
    if not isinstance(version, str) or version not in supported_schema_versions():
        return [
            Problem(
                "record.unsupported-version",
                f"schema version {version!r} is not one of {sorted(supported_schema_versions())}",
                pointer("schema_version"),
            )
        ]
    problems = list(iter_schema_problems(record))
    schema_valid = not problems
    problems += iter_semantic_problems(record, schema_valid=schema_valid)
    if root is not None:
        problems += (
            iter_raw_problems(record, root)
            if schema_valid
            else _tolerant(lambda: list(iter_raw_problems(record, root)))
        )
    return problems


def _tolerant(run: Callable[[], list[Problem]]) -> list[Problem]:
    try:
        return run()
    except (TypeError, AttributeError, KeyError, IndexError, ValueError):
        return []


@dataclass(frozen=True, slots=True)
class FileCheck:
    """One file's problems (located), its record id if it could be read as a record, and its tokens."""

    shown: str
    is_record: bool
    record_id: str | None
    tokens: int
    problems: tuple[Problem, ...]


def token_count(record: dict[str, Any]) -> int:
    """Tokens of a record that may be malformed (0 where there is no token list to count)."""
    layers = record.get("layers")
    tokens = layers.get("tokens") if isinstance(layers, dict) else None
    starts = tokens.get("starts") if isinstance(tokens, dict) else None
    return len(starts) if isinstance(starts, list) else 0


def validate_file(path: Path, root: Path, display_root: Path | None = None) -> FileCheck:
    """Every problem of one record file, located by its path relative to ``display_root`` (default ``root``).

    Everything but the uniqueness of document ids, which needs the other
    files: ``Report.add`` checks that.
    """
    try:
        shown = path.resolve().relative_to((display_root or root).resolve()).as_posix()
    except ValueError:
        shown = str(path)
    record, problems = read_record_file(path)
    if record is None:
        return FileCheck(shown, False, None, 0, tuple(p.located(shown, None) for p in problems))
    record_id = record.get("id") if isinstance(record.get("id"), str) else None
    found = [*validate_record(record, root), *iter_filename_problems(record, path)]
    return FileCheck(shown, True, record_id, token_count(record), tuple(p.located(shown, record_id) for p in found))


@dataclass(slots=True)
class Report:
    """Problems found in a set of files, and how many files and records were read."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    records: int = 0
    # Document id -> the first file that holds it: what ``add`` checks later files against.
    _first_file_of_id: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def unusable(self) -> bool:
        """Whether some input could not be read as a record at all (exit code 2)."""
        return any(problem.code in INPUT_CODES for problem in self.problems)

    @property
    def exit_code(self) -> int:
        return 2 if self.unusable else 1 if self.problems else 0

    def add(self, check: FileCheck) -> None:
        """Count one checked file and its problems, then ``id.duplicate-document`` if an earlier file has its id."""
        self.files += 1
        self.records += check.is_record
        self.problems += check.problems
        if check.record_id is None:
            return
        if check.record_id in self._first_file_of_id:
            duplicate = Problem(
                "id.duplicate-document",
                f"id {check.record_id!r} is also the id of {self._first_file_of_id[check.record_id]}",
                pointer("id"),
            )
            self.problems.append(duplicate.located(check.shown, check.record_id))
        self._first_file_of_id.setdefault(check.record_id, check.shown)


def validate_files(paths: Iterable[Path], root: Path, display_root: Path | None = None) -> Report:
    """Validate record files; problems carry the file (relative to ``display_root``) and record id."""
    report = Report()
    for path in paths:
        report.add(validate_file(path, root, display_root))
    return report


__all__ = ["FileCheck", "Problem", "Report", "token_count", "validate_file", "validate_files", "validate_record"]
