"""Writing captures into a corpus: all checked first, then each file replaced atomically, then the provenance.

Raw captures never change once written (a record's id carries the hash of its
capture), so a capture that would overwrite a different file is refused
before anything is written. The provenance file beside the captures says
where they came from: the origin of the source files (their ORIGIN.toml),
the SHA-256 of each, and every skipped row with its reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.capture.wikinews_csv import (
    FOLDER,
    CsvRow,
    SkippedRow,
    capture_file_name,
    capture_text,
    read_csv_rows,
    skip_reason,
)
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import CorpusLayout

PROVENANCE_FILE = "PROVENANCE.json"
ORIGIN_FILE = "ORIGIN.toml"


@dataclass(slots=True)
class CaptureRun:
    """What a capture made: files written or already identical, and rows skipped."""

    folder: Path
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)

    @property
    def captured(self) -> int:
        return len(self.written) + len(self.unchanged)


def _origin(path: Path) -> dict[str, Any] | None:
    origin = path.parent / ORIGIN_FILE
    if not origin.is_file():
        return None
    try:
        return tomllib.loads(origin.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UnusableInputError("capture.bad-source", str(origin), f"not valid TOML: {error}") from error


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _provenance(files: list[Path], rows: dict[str, list[CsvRow]], run: CaptureRun) -> str:
    skipped_by_file: dict[str, list[dict[str, Any]]] = {}
    for skip in run.skipped:
        entry = {"line": skip.row.line, "url": skip.row.url, "title": skip.row.title, "reason": skip.reason}
        skipped_by_file.setdefault(Path(skip.row.file).name, []).append(entry)
    document = {
        "source": "wikinews-csv",
        "origin": _origin(files[0]),
        "files": [
            {
                "file": path.name,
                "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                "rows": len(rows[path.name]),
                "captured": len(rows[path.name]) - len(skipped_by_file.get(path.name, [])),
                "skipped": skipped_by_file.get(path.name, []),
            }
            for path in files
        ],
        "captures": run.captured,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def capture_wikinews_csv(files: list[Path], layout: CorpusLayout) -> CaptureRun:
    """Capture every article row of ``files`` into corpus/raw/wikinews/; raise UnusableInputError, writing nothing,
    for a source that cannot be read, a row that cannot be captured exactly, or a capture that would change."""
    layout.require_corpus()
    if len({path.name for path in files}) != len(files):
        raise UnusableInputError("capture.bad-source", str(files[-1]), "two source files have the same name")
    run = CaptureRun(layout.raw_dir / FOLDER)
    rows = {path.name: list(read_csv_rows(path)) for path in files}  # names are unique (checked above)
    planned: dict[str, tuple[CsvRow, str]] = {}
    for row in (row for path in files for row in rows[path.name]):
        reason = skip_reason(row)
        if reason is not None:
            run.skipped.append(SkippedRow(row, reason))
            continue
        name = capture_file_name(row)
        if name in planned:
            raise UnusableInputError(
                "capture.bad-row", row.location, f"the same article (URL) as {planned[name][0].location}"
            )
        planned[name] = (row, capture_text(row))
    for name, (row, text) in planned.items():
        target = run.folder / name
        if target.is_file() and target.read_bytes() != text.encode("utf-8"):
            raise UnusableInputError(
                "capture.conflict",
                layout.relative(target),
                f"a different capture of {row.location} is already there",
                "raw captures never change: remove the file (and its record) first if the source was corrected",
            )
    run.folder.mkdir(parents=True, exist_ok=True)
    for name, (_row, text) in sorted(planned.items()):
        target = run.folder / name
        if target.is_file():
            run.unchanged.append(name)
        else:
            _write_atomically(target, text)
            run.written.append(name)
    _write_atomically(run.folder / PROVENANCE_FILE, _provenance(files, rows, run))
    return run
