"""Wikinews CSV rows (url, date, title, text) to header captures under corpus/raw/wikinews/.

The rows come from the ``vanatteveldt/wikinews`` scraper (see
corpus/sources/wikinews/). Each article becomes one file named
``<date>-<slug of the URL title>-<8 hex digits of the URL's SHA-256>.txt``:
ASCII, sorted by date, and the same for the same row on every machine. The
header keeps the row's URL and date exactly as the CSV has them (the profile
repairs the URL's doubled slash on conversion, so the capture stays lossless).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from newscorpus.capture.header import CaptureFormatError, HeaderCapture, format_capture, parse_capture
from newscorpus.problems.errors import UnusableInputError

COLUMNS = ("url", "date", "title", "text")
FOLDER = "wikinews"
SLUG_CHARACTERS = 60
# Rows that are not articles, with the reason a skip gives.
SKIP_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"TEST PAGE:"), "not an article: a Wikinews test page (its title starts with 'TEST PAGE:')"),
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"https://en\.wikinews\.org/+wiki/(?P<title>[^?#]+)")


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One row of a Wikinews CSV, as its four columns hold it."""

    file: str  # the CSV's path, as given
    line: int  # line of the CSV the row starts on (1 is the column names)
    url: str
    date: str
    title: str
    text: str

    def to_capture(self) -> HeaderCapture:
        return HeaderCapture((("url", self.url), ("date", self.date)), self.title, self.text)

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: CsvRow
    reason: str


def _slug(url_title: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", unquote(url_title)).encode("ascii", "ignore").decode("ascii")
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))
    if len(slug) > SLUG_CHARACTERS:
        slug = slug[:SLUG_CHARACTERS].rsplit("-", 1)[0]
    return slug or "untitled"


def capture_file_name(row: CsvRow) -> str:
    """``date-slug-hash8.txt``: the URL identifies the article, so its hash keeps two of a day apart."""
    match = _URL.fullmatch(row.url)
    if match is None:
        raise UnusableInputError(
            "capture.bad-row", row.location, f"url {row.url!r} is not an English Wikinews article URL"
        )
    digest = hashlib.sha256(row.url.encode("utf-8")).hexdigest()[:8]
    return f"{row.date}-{_slug(match['title'])}-{digest}.txt"


def read_csv_rows(path: Path) -> Iterator[CsvRow]:
    """The rows of a Wikinews CSV, checked for the four columns and an ISO date."""
    try:
        data = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise UnusableInputError("capture.bad-source", str(path), f"cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise UnusableInputError("capture.bad-source", str(path), f"not UTF-8 at byte {error.start}") from error
    reader = csv.reader(io.StringIO(data, newline=""), strict=True)
    try:
        columns = next(reader, None)
        if columns is None or tuple(columns) != COLUMNS:
            raise UnusableInputError(
                "capture.bad-source", f"{path}:1", f"columns are {columns!r}, not {list(COLUMNS)!r}"
            )
        line = reader.line_num + 1
        for fields in reader:
            if len(fields) != len(COLUMNS):
                raise UnusableInputError(
                    "capture.bad-row", f"{path}:{line}", f"{len(fields)} fields, not {len(COLUMNS)}"
                )
            row = CsvRow(str(path), line, *fields)
            if not _DATE.fullmatch(row.date):
                raise UnusableInputError("capture.bad-row", row.location, f"date {row.date!r} is not YYYY-MM-DD")
            yield row
            line = reader.line_num + 1
    except csv.Error as error:
        raise UnusableInputError(
            "capture.bad-source", f"{path}:{reader.line_num}", f"not valid CSV: {error}"
        ) from error


def skip_reason(row: CsvRow) -> str | None:
    """Why a row is not captured, or None for an article."""
    return next((reason for pattern, reason in SKIP_RULES if pattern.match(row.title)), None)


def capture_text(row: CsvRow) -> str:
    """The capture file's text for a row; checked to give the row back exactly."""
    try:
        text = format_capture(row.to_capture())
    except CaptureFormatError as error:
        raise UnusableInputError("capture.bad-row", row.location, str(error)) from error
    if row_of_capture(text, row.file, row.line) != row:
        raise AssertionError(f"{row.location}: the capture format lost part of the row")  # a bug, not input
    return text


def row_of_capture(text: str, file: str = "", line: int = 0) -> CsvRow:
    """The CSV row a capture was made from (``file`` and ``line`` are not in the capture)."""
    capture = parse_capture(text)
    url, date = capture.value("url"), capture.value("date")
    if url is None or date is None:
        raise CaptureFormatError("a Wikinews capture needs url and date header lines")
    return CsvRow(file, line, url, date, capture.title, capture.text)
