"""The record files a ``validate`` run reads, and the problems of the folders it lists.

corpus/records/ is read by its rule (``newscorpus.record.files``): records
directly inside, stray entries reported; any other folder is searched for
``*.json`` files at every depth. In both, a link, folder or special file
named ``*.json`` is reported (``input.not-regular-file``), never opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newscorpus.problems.value import Problem
from newscorpus.record.files import list_record_folder


def _shown(path: Path, display_root: Path) -> str:
    try:
        return path.resolve().relative_to(display_root.resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def files_to_validate(paths: Sequence[Path], records_dir: Path, display_root: Path) -> tuple[list[Path], list[Problem]]:
    """Record files named by ``paths`` (files as given, folders listed), and the problems of the listing."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            is_records_dir = path.resolve() == records_dir.resolve()
            listing = list_record_folder(path, recursive=not is_records_dir)
            files += listing.files
            problems += [
                Problem("input.not-regular-file", f"is {what}, not a regular file", file=_shown(refused, display_root))
                for refused, what in listing.refused
            ]
            problems += [
                Problem("folder.stray-file", "not a record file (<document id>.json)", file=_shown(stray, display_root))
                for stray in listing.stray
            ]
        elif path.is_file():
            files.append(path)
        elif path.exists() or path.is_symlink():
            # A FIFO, socket or device (or a link to nothing) named on the command line: reported, not opened.
            problems.append(Problem("input.not-regular-file", "not a regular file", file=str(path)))
        else:
            problems.append(Problem("input.unreadable", "no such file or folder", file=str(path)))
    return files, problems
