"""Reading a raw capture: bytes to text, refusing what is not a UTF-8 article."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.files import describe_file_type

# A news article is tens of kilobytes; anything this large is a mistake (a
# dump, a binary) and would blow up memory in segmentation.
MAX_RAW_BYTES = 5_000_000

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
_NUL = b"\x00"


@dataclass(frozen=True, slots=True)
class RawCapture:
    """A raw file's text (decoded UTF-8, BOM kept as U+FEFF) and identity."""

    path: str
    text: str
    sha256: str


def decode_raw(data: bytes, location: str) -> str:
    """Decode a raw capture's bytes, or raise a located UnusableInputError."""
    if not data:
        raise UnusableInputError("raw.empty", location, "the file is empty", "add the article text")
    if len(data) > MAX_RAW_BYTES:
        raise _too_large(location, len(data))
    if data.startswith(_UTF16_BOMS) and not data.startswith(_UTF8_BOM):
        raise UnusableInputError(
            "raw.encoding",
            location,
            "the file is UTF-16 (it starts with a UTF-16 byte order mark)",
            "re-save the file as UTF-8",
        )
    if _NUL in data:
        raise UnusableInputError(
            "raw.binary",
            location,
            f"NUL byte at byte {data.index(_NUL)}: not a text file",
            "raw captures are UTF-8 text files",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnusableInputError(
            "raw.encoding",
            location,
            f"not valid UTF-8 at byte {error.start} ({data[error.start : error.start + 4]!r})",
            "re-save the file as UTF-8 (it may be Latin-1 or Windows-1252)",
        ) from error


def _too_large(location: str, size: int) -> UnusableInputError:
    return UnusableInputError(
        "raw.too-large",
        location,
        f"the file is {size:,} bytes; the limit is {MAX_RAW_BYTES:,}",
        "a raw capture holds one article; split or remove the file",
    )


# Never follow a link, never wait on a FIFO: the file's type is checked on the open descriptor.
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


def _read_capture_bytes(path: Path, location: str) -> bytes:
    """The bytes of a regular, singly linked file of at most MAX_RAW_BYTES, its size checked before reading."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnusableInputError("raw.outside-corpus", location, "a raw capture is a symbolic link") from error
        raise UnusableInputError("raw.unreadable", location, f"cannot read: {error.strerror}") from error
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise UnusableInputError(
            "raw.not-regular", location, f"a raw capture is {describe_file_type(info.st_mode)}, not a regular file"
        )
    with os.fdopen(descriptor, "rb") as handle:
        if info.st_nlink > 1:
            raise UnusableInputError(
                "raw.outside-corpus",
                location,
                f"a raw capture with {info.st_nlink} hard links may be a file from outside corpus/raw/",
            )
        if info.st_size > MAX_RAW_BYTES:
            raise _too_large(location, info.st_size)
        try:
            data = handle.read(MAX_RAW_BYTES + 1)  # one byte more: a file that grew since fstat is still refused
        except OSError as error:
            raise UnusableInputError("raw.unreadable", location, f"cannot read: {error.strerror}") from error
    return data


def read_raw(path: Path, relative_path: str) -> RawCapture:
    """Read and decode a raw capture; ``relative_path`` is how records name it."""
    data = _read_capture_bytes(path, relative_path)
    text = decode_raw(data, relative_path)
    return RawCapture(relative_path, text, hashlib.sha256(data).hexdigest())
