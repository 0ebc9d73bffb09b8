"""The header capture format: source metadata lines, a blank line, the title, a blank line, the text.

A capture made from a structured source (a CSV row, an API record) is::

    url: https://en.wikinews.org/wiki/Example
    date: 2019-01-04
    <blank line>
    Example title
    <blank line>
    The text, verbatim to the end of the file.

Header lines are ``key: value`` with a lowercase key; neither a header value
nor the title may hold a line break, so the first blank line ends the header
and the line after it is the title. The text is everything after the blank
line that follows the title, unchanged: its spaces, U+00A0, blank-line runs and
a missing or extra final newline all survive, so the row can be recovered
exactly (``parse_capture`` is the inverse of ``format_capture``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Every character normalize.py treats as ending a line: any of them inside a
# header value or the title would split it in two on conversion.
LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_KEY = re.compile(r"[a-z][a-z0-9_-]*")


class CaptureFormatError(ValueError):
    """A field cannot be written in the header format, or a file is not in it."""


@dataclass(frozen=True, slots=True)
class HeaderCapture:
    """One article as the header format holds it."""

    header: tuple[tuple[str, str], ...]  # (key, value), in file order
    title: str
    text: str

    def value(self, key: str) -> str | None:
        return next((value for name, value in self.header if name == key), None)


def _one_line(value: str, what: str) -> str:
    if LINE_BREAKS.search(value):
        raise CaptureFormatError(f"{what} holds a line break: {value!r}")
    if value != value.strip() or not value:
        raise CaptureFormatError(f"{what} is empty or starts or ends with white space: {value!r}")
    return value


def format_capture(capture: HeaderCapture) -> str:
    """The capture file's text; raises CaptureFormatError for a field the format cannot hold exactly."""
    if not capture.header:
        raise CaptureFormatError("a capture needs at least one header line")
    lines = []
    for key, value in capture.header:
        if not _KEY.fullmatch(key):
            raise CaptureFormatError(f"header key {key!r} is not lowercase letters, digits, - and _")
        lines.append(f"{key}: {_one_line(value, f'header {key}')}\n")
    return "".join(lines) + "\n" + _one_line(capture.title, "title") + "\n\n" + capture.text


def parse_capture(text: str) -> HeaderCapture:
    """The header, title and text of a capture file's text (the inverse of ``format_capture``)."""
    head, separator, rest = text.partition("\n\n")
    if not separator:
        raise CaptureFormatError("no blank line after the header")
    header = []
    for line in head.split("\n"):
        key, colon, value = line.partition(": ")
        if not colon or not _KEY.fullmatch(key):
            raise CaptureFormatError(f"header line {line!r} is not 'key: value'")
        header.append((key, value))
    title, separator, body = rest.partition("\n\n")
    if not separator or "\n" in title:
        raise CaptureFormatError("the title must be one line followed by a blank line")
    return HeaderCapture(tuple(header), title, body)
