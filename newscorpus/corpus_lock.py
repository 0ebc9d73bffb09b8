"""The corpus lock: one convert, build, check or import at a time, and a lock path that is never written through."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newscorpus.corpus_files import describe_file_type
from newscorpus.errors import UnusableInputError
from newscorpus.layout import CorpusLayout

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
