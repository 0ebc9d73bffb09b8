"""Input and output of the commands that only look at the corpus (stats, view).

They trust the records' structure, so a record that does not pass validation
stops them with a located error instead of a traceback halfway; and they write
into a folder the user names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.reader import read_record_or_raise
from newscorpus.validate import validate_record


def read_valid_record(layout: CorpusLayout, path: Path) -> dict[str, Any]:
    """One record file, parsed and validated; UnusableInputError when it is unreadable or invalid."""
    shown = layout.relative(path)
    record = read_record_or_raise(path, shown)
    problems = validate_record(record)
    if problems:
        first = problems[0]
        raise UnusableInputError(
            "records.invalid",
            shown,
            f"{len(problems)} validation problem(s), first [{first.code}] at {first.path or '/'}: {first.message}",
        )
    return record


def read_valid_records(layout: CorpusLayout) -> list[dict[str, Any]]:
    """Every record in corpus/records/, in file name order, each validated."""
    layout.require_corpus()
    paths = layout.record_files()
    if not paths:
        raise UnusableInputError("records.none", layout.relative(layout.records_dir), "no record files")
    return [read_valid_record(layout, path) for path in paths]


def prepare_output_folder(out: Path) -> None:
    """Create ``out`` if needed; refuse a path that exists and is not a folder."""
    if out.exists() and not out.is_dir():
        raise UnusableInputError("output.not-a-folder", str(out), "exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
