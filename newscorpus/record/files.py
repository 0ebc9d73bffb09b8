"""Which files of a corpus folder are read, decided by file type before anything is opened.

Opening a FIFO waits for a writer for ever, a device may never end, a link
may lead anywhere: so every folder walk here looks at ``lstat`` (which never
follows a link and never blocks) first, and each corpus folder has one stated
rule (README, "Security"):

- ``corpus/raw/``: folders are walked; ``*.txt`` regular files are captures.
  A link (to a file or a folder) and a file with a second hard link are
  refused (``raw.outside-corpus``): either may hold text from outside the
  corpus. A FIFO, socket or device named ``*.txt`` is refused
  (``raw.not-regular``). Other files are not read.
- ``corpus/records/``: ``*.json`` regular files directly inside are records.
  A link, folder, FIFO, socket or device named ``*.json`` is refused
  (``input.not-regular-file``); any other entry not starting with ``.`` is a
  stray file (``folder.stray-file``), refused by validate and build.
- A folder given to ``validate`` or ``export``: ``*.json`` regular files at
  any depth; links and special files named ``*.json`` are refused as above.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

RECORD_SUFFIX = ".json"

_TYPE_NAMES = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISREG, "a regular file"),
)


def describe_file_type(mode: int) -> str:
    """What a file of ``st_mode`` is, in words: "a symbolic link", "a FIFO (named pipe)", ..."""
    return next((name for test, name in _TYPE_NAMES if test(mode)), "a special file")


@dataclass(slots=True)
class RecordFolderListing:
    """A folder's record files, what is refused (path, what it is), and stray entries."""

    files: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)
    stray: list[Path] = field(default_factory=list)


def list_record_folder(folder: Path, *, recursive: bool = False) -> RecordFolderListing:
    """The ``*.json`` regular files of ``folder`` (sorted), by the rule of the module docstring.

    Without ``recursive`` (corpus/records/), subfolders are stray entries.
    """
    listing = RecordFolderListing()
    _walk_records(folder, recursive, listing)
    listing.files.sort()
    listing.refused.sort()
    listing.stray.sort()
    return listing


def _walk_records(folder: Path, recursive: bool, listing: RecordFolderListing) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            path = folder / entry.name
            mode = entry.stat(follow_symlinks=False).st_mode
            if entry.name.endswith(RECORD_SUFFIX):
                if stat.S_ISREG(mode):
                    listing.files.append(path)
                else:
                    listing.refused.append((path, describe_file_type(mode)))
            elif recursive and stat.S_ISDIR(mode):
                _walk_records(path, recursive, listing)
            elif not recursive and not entry.name.startswith("."):
                # Names starting with "." are left alone: the temporary files of atomic writes.
                listing.stray.append(path)


@dataclass(frozen=True, slots=True)
class RawEntry:
    """An entry of corpus/raw/ that could be a capture: its path and what ``lstat`` said."""

    path: Path
    mode: int
    links: int

    @property
    def is_link(self) -> bool:
        return stat.S_ISLNK(self.mode)

    @property
    def is_regular(self) -> bool:
        return stat.S_ISREG(self.mode)


def walk_raw_folder(folder: Path, suffix: str) -> list[RawEntry]:
    """Every link anywhere under ``folder`` and every non-folder named ``*suffix``, sorted; links are not followed."""
    found: list[RawEntry] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                path = current / entry.name
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode):
                    pending.append(path)
                elif stat.S_ISLNK(info.st_mode) or entry.name.endswith(suffix):
                    found.append(RawEntry(path, info.st_mode, info.st_nlink))
    return sorted(found, key=lambda entry: entry.path)
