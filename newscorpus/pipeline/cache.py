"""The conversion cache: what convert made of one raw capture, stored under the key of everything that fed it.

An entry is one file, ``corpus/.cache/convert/<key[:2]>/<key>``, named by its
key (``newscorpus.pipeline.cache_key``), so an entry is never updated in
place: a changed input is a new key. The file is its own checksum (the
SHA-256 of everything after the first line), written to a temporary file and
renamed into place, so a killed build leaves either the whole entry or none,
and a damaged entry is noticed on reading, removed and made again, never
served. Every writer holds the corpus lock (``corpus_lock``); pruning runs
under it too, after the build, so no entry is removed while a build reads it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscorpus.convert.dates import Notice
from newscorpus.problems.value import Problem

CACHE_FOLDER = ("corpus", ".cache", "convert")
INDEX_FOLDER = ("corpus", ".cache", "index")  # facts of record files (raw path, what convert keeps, gold names)
SHARD_FOLDER = ("corpus", ".cache", "shards")  # the release's written shards (``newscorpus.release.shard_store``)
ENTRY_FORMAT = 1
TEMPORARY_PREFIX = ".tmp-"
MAX_BYTES_ENV = "NEWSCORPUS_CACHE_MAX_BYTES"
DEFAULT_MAX_BYTES = 4 * 1024**3  # about 100 KB an article: room for 40k articles, or two versions of 20k


@dataclass(frozen=True, slots=True)
class CachedConversion:
    """One article's conversion: the record file's text and the facts the pipeline reports about it."""

    document_id: str
    record_text: str
    sentences: int
    tokens: int
    notices: tuple[Notice, ...] = ()
    problems: tuple[Problem, ...] | None = None  # unlocated validation problems; None if never validated


def cache_dir_of(root: Path) -> Path:
    return root.joinpath(*CACHE_FOLDER)


def index_dir_of(root: Path) -> Path:
    return root.joinpath(*INDEX_FOLDER)


def shard_store_dir_of(root: Path) -> Path:
    return root.joinpath(*SHARD_FOLDER)


def entry_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / key


def _header(entry: CachedConversion) -> str:
    problems = None if entry.problems is None else [[p.code, p.message, p.path, p.hint] for p in entry.problems]
    return json.dumps(
        {
            "format": ENTRY_FORMAT,
            "document_id": entry.document_id,
            "sentences": entry.sentences,
            "tokens": entry.tokens,
            "notices": [[n.code, n.location, n.message] for n in entry.notices],
            "problems": problems,
        },
        ensure_ascii=False,
    )


def _entry_from(header: dict[str, Any], record_text: str) -> CachedConversion:
    if header.get("format") != ENTRY_FORMAT:
        raise ValueError("another entry format")
    problems = header["problems"]
    return CachedConversion(
        document_id=str(header["document_id"]),
        record_text=record_text,
        sentences=int(header["sentences"]),
        tokens=int(header["tokens"]),
        notices=tuple(Notice(*notice) for notice in header["notices"]),
        problems=None if problems is None else tuple(Problem(c, m, p, hint=h) for c, m, p, h in problems),
    )


def read_blob(cache_dir: Path, key: str) -> bytes | None:
    """The bytes stored under ``key``, or None; an entry that fails its checksum is removed and None returned."""
    path = entry_path(cache_dir, key)
    try:
        data = path.read_bytes()
    except OSError:
        return None  # absent or unreadable: made again, and the new entry replaces it
    checksum, _, rest = data.partition(b"\n")
    if hashlib.sha256(rest).hexdigest().encode("ascii") != checksum:
        path.unlink(missing_ok=True)
        return None
    return rest


def write_blob(cache_dir: Path, key: str, content: bytes) -> None:
    """Store ``content`` under ``key``: a temporary file renamed into place, so readers see all of it or nothing.

    No fsync: an entry cut short by a crash fails its checksum and is made again.
    """
    path = entry_path(cache_dir, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(hashlib.sha256(content).hexdigest().encode("ascii") + b"\n" + content)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_entry(cache_dir: Path, key: str) -> CachedConversion | None:
    """The conversion stored under ``key``, or None (absent, damaged, or of another format: made again)."""
    rest = read_blob(cache_dir, key)
    if rest is None:
        return None
    try:
        header_line, _, record_text = rest.decode("utf-8").partition("\n")
        return _entry_from(json.loads(header_line), record_text)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        entry_path(cache_dir, key).unlink(missing_ok=True)
        return None


def write_entry(cache_dir: Path, key: str, entry: CachedConversion) -> None:
    """Store ``entry`` under ``key`` (``write_blob``)."""
    write_blob(cache_dir, key, f"{_header(entry)}\n{entry.record_text}".encode())


def max_cache_bytes() -> int:
    """The size the cache is pruned to: $NEWSCORPUS_CACHE_MAX_BYTES, else 4 GiB."""
    value = os.environ.get(MAX_BYTES_ENV, "")
    return int(value) if value.strip().isdigit() else DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class PruneSummary:
    entries: int  # entries left
    bytes: int  # their size
    removed: int


def _size_of(item: os.DirEntry[str]) -> int:
    """Bytes of an entry: a file, or a folder of files (a stored shard)."""
    if not item.is_dir(follow_symlinks=False):
        return item.stat(follow_symlinks=False).st_size
    return sum(inner.stat(follow_symlinks=False).st_size for inner in os.scandir(item.path))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def prune_cache(cache_dir: Path, live: Iterable[str], max_bytes: int) -> PruneSummary:
    """Remove leftover temporary files, then entries this build did not use, oldest first, down to ``max_bytes``.

    Entries of ``live`` keys (those the build just used) are never removed, so
    the next build of the same inputs is served whatever the limit; keeping
    the others up to the limit lets a build after switching branches back
    reuse what it made before.
    """
    live_keys = set(live)
    others: list[tuple[int, int, Path]] = []  # (mtime, size, path)
    total = kept = removed = 0
    if not cache_dir.is_dir():
        return PruneSummary(0, 0, 0)
    for folder in os.scandir(cache_dir):
        if not folder.is_dir(follow_symlinks=False):
            continue
        for item in os.scandir(folder.path):
            if item.name.startswith(TEMPORARY_PREFIX):  # a build was killed while writing it
                _remove(Path(item.path))
                continue
            stat = item.stat(follow_symlinks=False)
            size = _size_of(item)
            total += size
            kept += 1
            if item.name not in live_keys:
                others.append((stat.st_mtime_ns, size, Path(item.path)))
    for _, size, path in sorted(others):
        if total <= max_bytes:
            break
        _remove(path)
        total -= size
        kept -= 1
        removed += 1
    return PruneSummary(kept, total, removed)
