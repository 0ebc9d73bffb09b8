"""Checks that need more than one record, or the files around it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from newscorpus.problems.value import Problem, pointer


def iter_raw_problems(record: dict[str, Any], root: Path) -> Iterator[Problem]:
    """The record's raw file exists inside corpus/raw/ and still has the recorded hash."""
    raw = record.get("raw")
    if not isinstance(raw, dict) or not isinstance(raw.get("path"), str):
        return
    relative = PurePosixPath(raw["path"])
    if relative.is_absolute() or ".." in relative.parts or relative.parts[:2] != ("corpus", "raw"):
        yield Problem("raw.path-outside", f"{raw['path']!r} is not a path under corpus/raw/", pointer("raw", "path"))
        return
    path = root / relative
    if not path.is_file() or path.is_symlink():
        yield Problem("raw.missing", f"{raw['path']} does not exist (or is a link)", pointer("raw", "path"))
        return
    with path.open("rb") as handle:  # in chunks: memory stays small whatever the file's size
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    if isinstance(raw.get("sha256"), str) and digest != raw["sha256"]:
        yield Problem(
            "raw.hash-mismatch",
            f"{raw['path']} has SHA-256 {digest[:12]}..., the record says {raw['sha256'][:12]}...",
            pointer("raw", "sha256"),
        )


def iter_filename_problems(record: dict[str, Any], path: Path) -> Iterator[Problem]:
    identifier = record.get("id")
    if isinstance(identifier, str) and path.name != f"{identifier}.json":
        yield Problem("id.filename-mismatch", f"file {path.name} holds record {identifier!r}", pointer("id"))
