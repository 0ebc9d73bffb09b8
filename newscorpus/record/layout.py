"""Where things live in a corpus checkout, how raw files are found safely, and the corpus lock."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.files import RecordFolderListing, describe_file_type, list_record_folder, walk_raw_folder

__all__ = ["RAW_SUFFIX", "CorpusLayout", "corpus_lock", "find_record_files", "split_record_paths"]

RAW_SUFFIX = ".txt"


@dataclass(frozen=True, slots=True)
class CorpusLayout:
    """Paths of a corpus rooted at ``root`` (the folder holding ``corpus/``)."""

    root: Path

    @property
    def raw_dir(self) -> Path:
        return self.root / "corpus" / "raw"

    @property
    def records_dir(self) -> Path:
        return self.root / "corpus" / "records"

    @property
    def release_dir(self) -> Path:
        return self.root / "corpus" / "release"

    def require_corpus(self) -> None:
        if not self.raw_dir.is_dir():
            raise UnusableInputError(
                "corpus.missing",
                str(self.root),
                "no corpus/raw/ folder here",
                "run from the repository root or pass --root",
            )

    def relative(self, path: Path) -> str:
        """``path`` relative to the root, with forward slashes."""
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def raw_files(self) -> list[Path]:
        """Raw captures, sorted, by the corpus/raw/ rule of ``newscorpus.record.files``.

        Links (to files or folders) and files with a second hard link are
        refused: they may hold text from outside the corpus. FIFOs, sockets and
        devices named ``*.txt`` are refused too (reading one could wait for ever).
        """
        self.require_corpus()
        files = []
        for entry in walk_raw_folder(self.raw_dir, RAW_SUFFIX):
            shown = entry.path.relative_to(self.root).as_posix()
            if entry.is_link or (entry.is_regular and entry.links > 1):
                what = "a symbolic link" if entry.is_link else f"a file with {entry.links} hard links"
                raise UnusableInputError(
                    "raw.outside-corpus",
                    shown,
                    f"a raw capture is {what}: it may hold text from outside corpus/raw/",
                    "copy the file into corpus/raw/ instead of linking it",
                )
            if not entry.is_regular:
                raise UnusableInputError(
                    "raw.not-regular",
                    shown,
                    f"a raw capture is {describe_file_type(entry.mode)}, not a regular file",
                    "raw captures are regular files; remove it",
                )
            files.append(entry.path)
        return files

    def record_listing(self) -> RecordFolderListing:
        """corpus/records/ by its rule (``newscorpus.record.files``): records, refused entries, stray files."""
        if not self.records_dir.is_dir():
            return RecordFolderListing()
        return list_record_folder(self.records_dir)

    def record_files(self) -> list[Path]:
        """Record files, sorted; a link, folder or special file named *.json is refused."""
        listing = self.record_listing()
        if listing.refused:
            path, what = listing.refused[0]
            raise UnusableInputError(
                "input.not-regular-file",
                path.relative_to(self.root).as_posix(),
                f"is {what}, not a regular file",
                "corpus/records/ holds regular files only; remove it",
            )
        return listing.files

    def record_path(self, document_id: str) -> Path:
        return self.records_dir / f"{document_id}.json"


def split_record_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Record files named by ``paths`` (files as given, folders by their ``*.json`` regular files at any depth,
    sorted), and the paths that name nothing. A link or special file named ``*.json`` in a folder is refused
    (``newscorpus.record.files``), never opened."""
    files: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            listing = list_record_folder(path, recursive=True)
            if listing.refused:
                refused, what = listing.refused[0]
                raise UnusableInputError("input.not-regular-file", str(refused), f"is {what}, not a regular file")
            files += listing.files
        elif path.is_file():
            files.append(path)
        else:
            missing.append(path)
    return files, missing


def find_record_files(paths: Iterable[Path]) -> list[Path]:
    """Record files named by ``paths``, as ``split_record_paths`` finds them; UnusableInputError for a missing path."""
    files, missing = split_record_paths(paths)
    if missing:
        raise UnusableInputError("input.unreadable", str(missing[0]), "no such file or folder")
    return files


LOCK_FILE = ".lock"
# Never O_TRUNC, never follow a link: the lock is only ever an empty regular file of ours,
# and opening it must not change what any path points to. O_NONBLOCK: a FIFO put there must
# not make the open wait.
_LOCK_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


def _not_a_lock_file(lock_path: Path, what: str) -> UnusableInputError:
    return UnusableInputError(
        "corpus.lock-not-a-file",
        str(lock_path),
        f"the lock path is {what}, not a regular file; it is left as it is",
        "remove it; newscorpus makes the lock again as an empty regular file",
    )


@contextmanager
def corpus_lock(layout: CorpusLayout) -> Iterator[None]:
    """Hold the corpus lock; a second build, convert or check at the same time is refused.

    The lock file is opened without following a link and without truncating, so
    a link or a special file at corpus/.lock is refused and never written through.
    """
    layout.require_corpus()
    lock_path = layout.root / "corpus" / LOCK_FILE
    try:
        existing = os.lstat(lock_path)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise _not_a_lock_file(lock_path, describe_file_type(existing.st_mode))
    try:
        descriptor = os.open(lock_path, _LOCK_FLAGS, 0o644)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):  # replaced between lstat and open
            raise _not_a_lock_file(lock_path, "not a regular file") from error
        raise
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise _not_a_lock_file(lock_path, describe_file_type(os.fstat(descriptor).st_mode))
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise UnusableInputError(
                "corpus.locked",
                str(lock_path),
                "another newscorpus convert or build is running",
                "wait for it to finish",
            ) from error
        yield
    finally:
        os.close(descriptor)
