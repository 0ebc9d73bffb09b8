"""Validation: schema errors plus semantic checks, every problem at once, as values.

``validate_record`` checks one parsed record; ``validate_files`` reads files
and adds the checks across records (unique document ids) and against the raw
captures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.schema import supported_schema_versions
from newscorpus.validate.checks import iter_semantic_problems
from newscorpus.validate.corpus_checks import iter_filename_problems, iter_raw_problems
from newscorpus.validate.problems import CODES, Problem, pointer
from newscorpus.validate.reader import read_record_file
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


@dataclass(slots=True)
class Report:
    """Problems found in a set of files, and how many files and records were read."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    records: int = 0

    @property
    def unusable(self) -> bool:
        """Whether some input could not be read as a record at all (exit code 2)."""
        return any(problem.code in INPUT_CODES for problem in self.problems)

    @property
    def exit_code(self) -> int:
        return 2 if self.unusable else 1 if self.problems else 0


def validate_files(paths: Iterable[Path], root: Path, display_root: Path | None = None) -> Report:
    """Validate record files; problems carry the file (relative to ``display_root``) and record id."""
    report = Report()
    first_file_of_id: dict[str, str] = {}
    for path in paths:
        report.files += 1
        try:
            shown = path.resolve().relative_to((display_root or root).resolve()).as_posix()
        except ValueError:
            shown = str(path)
        record, problems = read_record_file(path)
        if record is None:
            report.problems += [p.located(shown, None) for p in problems]
            continue
        report.records += 1
        record_id = record.get("id") if isinstance(record.get("id"), str) else None
        problems = validate_record(record, root)
        problems += iter_filename_problems(record, path)
        if record_id is not None:
            if record_id in first_file_of_id:
                problems.append(
                    Problem(
                        "id.duplicate-document",
                        f"id {record_id!r} is also the id of {first_file_of_id[record_id]}",
                        pointer("id"),
                    )
                )
            first_file_of_id.setdefault(record_id, shown)
        report.problems += [p.located(shown, record_id) for p in problems]
    return report


__all__ = ["Problem", "Report", "validate_files", "validate_record"]
