"""The I/O error policy: every OSError from reading or writing corpus files is a located error.

A file system can refuse anything: a read-only mount, a full disk, a missing
permission, a folder where a file should be. None of these is a bug, so none
may end a command with a traceback. ``unusable_from_os_error`` is the one place
that turns an ``OSError`` into an ``UnusableInputError`` with a code of its own
(``file.read-only``, ``file.disk-full``, ...), located at the file it names;
the command group (``newscorpus.cli``) and the engines' task wrapper
(``newscorpus.engines.outcomes``, for errors in worker processes) call it, so
that the functions doing the work need no ``try`` of their own. docs/errors.md
lists the codes; README's Security section states the policy.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newscorpus.problems.errors import UnusableInputError

_CODE_OF_ERRNO = {
    errno.EROFS: "file.read-only",
    errno.ENOSPC: "file.disk-full",
    errno.EDQUOT: "file.disk-full",
    errno.EFBIG: "file.disk-full",
    errno.EACCES: "file.permission-denied",
    errno.EPERM: "file.permission-denied",
    errno.EISDIR: "file.not-regular",
    errno.ENOTDIR: "file.not-regular",
    errno.ELOOP: "file.not-regular",  # O_NOFOLLOW met a symbolic link
    errno.ENXIO: "file.not-regular",  # a FIFO without a writer, a socket, a device without its driver
    errno.ENOENT: "file.missing",
}


def _shown(filename: object, root: Path | None) -> str:
    if filename is None:
        return str(root or ".")
    path = Path(os.fsdecode(filename)) if isinstance(filename, str | bytes | os.PathLike) else Path(str(filename))
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError):
            pass
    return str(path)


def unusable_from_os_error(error: OSError, root: Path | None = None) -> UnusableInputError:
    """The located error for ``error``: a code by its errno, the file it names (relative to ``root``)."""
    code = _CODE_OF_ERRNO.get(error.errno or 0, "file.io")
    reason = error.strerror or str(error) or type(error).__name__
    location = _shown(error.filename, root)
    if error.filename2 is not None:
        reason += f" (with {_shown(error.filename2, root)})"
    unusable = UnusableInputError(code, location, reason)
    unusable.__cause__ = None
    return unusable


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """Give an OSError raised inside the block the file name ``path`` when it has none.

    For libraries that report I/O errors without the file (pyarrow's writers do),
    so that the located error still says which file could not be written.
    """
    try:
        yield
    except OSError as error:
        if error.filename is not None:
            raise
        raise OSError(error.errno, error.strerror or str(error), str(path)) from error
