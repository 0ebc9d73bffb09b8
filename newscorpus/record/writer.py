"""Reading and writing record files: deterministic JSON, atomic writes."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

# Python's json encoder runs in C only without indentation, and a record's thousands of
# numbers through the pure-Python indenting encoder (or a per-value walk) cost milliseconds.
# So the walk below stays in Python only down to the containers that hold nothing but
# scalars, and hands each of those whole to the C encoder: a list of scalars goes on one
# line, and a dict of scalars has its indentation built into the item separator. In
# records those are token and offset arrays, entities, mentions and provenance.
_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_encode_one_line = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode


@cache
def _encode_lines(indent: str) -> Callable[[Any], str]:
    """Encode with each item of the outermost container on its own line at ``indent``.

    Exact only for containers of scalars: the separator is the same at every depth.
    """
    return json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",\n" + indent, ": ")).encode


def _holds_only_scalars(values: Iterable[Any]) -> bool:
    # Exact types, compared in C; a subclass or a container takes the general path.
    return _SCALAR_TYPES.issuperset(map(type, values))


def _is_scalar_dict(value: Any) -> bool:
    return type(value) is dict and bool(value) and _holds_only_scalars(value.values())


def _encode_dict(value: dict[str, Any], indent: str, out: list[str]) -> None:
    inner = indent + "  "
    if _holds_only_scalars(value.values()):
        out.append("{\n" + inner + _encode_lines(inner)(value)[1:-1] + "\n" + indent + "}")
        return
    separator = "{\n"
    for key, item in value.items():
        out.append(f"{separator}{inner}{encode_basestring(key)}: ")
        _encode(item, inner, out)
        separator = ",\n"
    out.append("\n" + indent + "}")


def _encode_list(value: list[Any], indent: str, out: list[str]) -> None:
    inner = indent + "  "
    if all(map(_is_scalar_dict, value)):
        # A list of dicts of scalars (entities, mentions) in one C call: between two dicts,
        # where "}" meets "{", the one separator is replaced by the closing and opening lines.
        # "}," ends a dict, never a scalar, as every string ends in a quote.
        deeper = inner + "  "
        body = _encode_lines(deeper)(value)[2:-2]
        body = body.replace("},\n" + deeper + "{", "\n" + inner + "},\n" + inner + "{\n" + deeper)
        out.append("[\n" + inner + "{\n" + deeper + body + "\n" + inner + "}\n" + indent + "]")
        return
    separator = "[\n"
    for item in value:
        out.append(separator + inner)
        _encode(item, inner, out)
        separator = ",\n"
    out.append("\n" + indent + "]")


def _encode(value: Any, indent: str, out: list[str]) -> None:
    """Append the text of ``value``, its nested lines at ``indent`` plus two spaces, to ``out``.

    JSON with two-space indents, except that lists of scalars stay on one line: token
    offset arrays are thousands of numbers, and one per line would make records
    unreadable for the people who review gold annotation in them.
    """
    if isinstance(value, dict) and value:
        _encode_dict(value, indent, out)
    elif (
        isinstance(value, list)
        and value
        and not _holds_only_scalars(value)
        and any(isinstance(item, dict | list) for item in value)
    ):
        _encode_list(value, indent, out)
    else:
        out.append(_encode_one_line(value))


def dumps_record(record: dict[str, Any]) -> str:
    """The canonical text of a record file (same record, same bytes).

    Keys are strings, as in any JSON object. Raises ValueError for a NaN or an
    infinite number, which JSON cannot hold.
    """
    out: list[str] = []
    _encode(record, "", out)
    out.append("\n")
    return "".join(out)


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
