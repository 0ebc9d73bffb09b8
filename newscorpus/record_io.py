"""Reading and writing record files: deterministic JSON, atomic writes."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def _is_flat(value: list[Any]) -> bool:
    return all(not isinstance(item, dict | list) for item in value)


def _encode(value: Any, indent: int) -> str:
    """JSON with two-space indents, except that lists of scalars stay on one line.

    Token offset arrays are thousands of numbers; one per line would make
    records unreadable for the people who review gold annotation in them.
    """
    if isinstance(value, dict) and value:
        inner = " " * (indent + 2)
        items = ",\n".join(
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {_encode(v, indent + 2)}" for k, v in value.items()
        )
        return "{\n" + items + "\n" + " " * indent + "}"
    if isinstance(value, list) and value and not _is_flat(value):
        inner = " " * (indent + 2)
        items = ",\n".join(inner + _encode(item, indent + 2) for item in value)
        return "[\n" + items + "\n" + " " * indent + "]"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def dumps_record(record: dict[str, Any]) -> str:
    """The canonical text of a record file (same record, same bytes)."""
    return _encode(record, 0) + "\n"


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_record(path: Path, record: dict[str, Any]) -> None:
    """Write a record file atomically in canonical form."""
    write_text_atomic(path, dumps_record(record))
