"""Records to score or annotate, from record files, folders of them, or a release folder.

A release folder (it holds ``README.md`` and ``documents/*.parquet``) is read
back into records: its ``documents`` rows are records with labels stored as
ClassLabel ids, which are turned back into their names. Every record must
follow the schema, so that scoring never trips over a malformed span.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import find_record_files
from newscorpus.record.reader import read_record_or_raise
from newscorpus.validate.schema_check import iter_schema_problems

Record = dict[str, Any]


def is_release(path: Path) -> bool:
    return path.is_dir() and (path / "README.md").is_file() and any((path / "documents").glob("*.parquet"))


def _decode(value: Any, feature: Any) -> Any:
    """A Parquet row value with ClassLabel ids turned back into label names."""
    from datasets import ClassLabel, List

    if value is None:
        return None
    if isinstance(feature, ClassLabel):
        return feature.int2str(value) if isinstance(value, int) else value
    if isinstance(feature, dict):
        return {key: _decode(value.get(key), sub) for key, sub in feature.items()}
    if isinstance(feature, List):
        return [_decode(item, feature.feature) for item in value]
    return value


def _release_records(folder: Path) -> list[tuple[str, Record]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newscorpus.features import record_features

    features = dict(record_features())
    found = []
    for shard in sorted((folder / "documents").glob("*.parquet")):
        try:
            rows = pq.read_table(shard).to_pylist()
        except (OSError, pa.ArrowException) as error:
            raise UnusableInputError("records.invalid", str(shard), f"cannot read the Parquet file: {error}") from error
        found += [(f"{shard}#{index}", _decode(row, features)) for index, row in enumerate(rows)]
    return found


def _record_file(path: Path) -> tuple[str, Record]:
    return str(path), read_record_or_raise(path)


def read_records(path: Path) -> dict[str, Record]:
    """Records by document id from a record file, a folder of record files, or a release folder."""
    located = _release_records(path) if is_release(path) else list(map(_record_file, find_record_files([path])))
    if not located:
        raise UnusableInputError(
            "records.none", str(path), "no records here", "pass record files, folders of records, or a release folder"
        )
    records: dict[str, Record] = {}
    for location, record in located:
        problem = next(iter_schema_problems(record), None)
        if problem is not None:
            raise UnusableInputError("records.invalid", location, f"[{problem.code}] {problem.path}: {problem.message}")
        if record["id"] in records:
            raise UnusableInputError("id.duplicate-document", location, f"document id {record['id']!r} appears twice")
        records[record["id"]] = record
    return records


def read_document_ids(path: Path) -> set[str]:
    """Document ids listed in ``path``, one a line (blank lines and ``#`` comments skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UnusableInputError(
            "records.invalid", str(path), f"cannot read the list of document ids: {error}"
        ) from error
    return {line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")}


def select_documents(records: dict[str, Record], wanted: set[str] | None, location: str) -> dict[str, Record]:
    """The records whose ids are in ``wanted`` (all of them when it is None); none left is an error."""
    kept = {i: r for i, r in records.items() if wanted is None or i in wanted}
    if not kept:
        raise UnusableInputError(
            "records.none", location, "no gold document is left after --documents", "check the listed ids"
        )
    return kept
