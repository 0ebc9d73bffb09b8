"""Reading a record file as data only, turning every way it can be unusable into problems.

``read_record_file`` returns the problems (validate reports them all);
``read_record_or_raise`` is for every other command, which cannot go on without
the record: it raises ``record.unreadable``, naming the problem's own code.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.value import Problem, pointer
from newscorpus.record.files import describe_file_type

MAX_RECORD_BYTES = 20_000_000
_INT64 = 2**63
# An integer of at most 18 digits fits 64 bits; 19 digits may not.
_LONG_DIGIT_RUN = b"0" * 19
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")


class RefusedText(Exception):
    """Raised from inside the JSON parser to stop at a value no record may hold; carries the problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise RefusedText(Problem("input.duplicate-key", f"key {key!r} appears twice in one object"))
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise RefusedText(Problem("input.nan", f"{name} is not valid JSON"))


def bounded_int(digits: str) -> int:
    """The integer ``digits`` spells, refused (RefusedText) outside the 64-bit range a record's integers fit."""
    try:
        value = int(digits)
    except ValueError as error:  # Python refuses to convert integers of more than 4300 digits
        raise RefusedText(Problem("input.integer-range", f"integer of {len(digits)} digits")) from error
    if not -_INT64 <= value < _INT64:
        raise RefusedText(Problem("input.integer-range", f"integer {digits[:30]} is outside the 64-bit range"))
    return value


class _Float:
    """A JSON number with a fraction or an exponent, kept as its text until it is refused with its pointer."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _float_pointers(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str, str]]:
    """(JSON pointer, number text) of every ``_Float`` in ``value``, in document order."""
    if isinstance(value, _Float):
        return [(pointer(*path), value.text)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _float_pointers(item, (*path, key))]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in _float_pointers(item, (*path, index))]
    return []


def _float_problems(value: Any) -> list[Problem]:
    # The schema has no number that is not an integer, so every float is refused, wherever it is:
    # 0.0 would pass a JSON Schema "integer" and 1e400 would become infinity.
    return [
        Problem("input.float", f"{text} is not an integer (every number in a record is one)", where)
        for where, text in _float_pointers(value)
    ]


def may_hold_long_integer(text: str) -> bool:
    """Whether the text has a run of 19 or more digits: without one, every integer in it fits 64 bits."""
    return _LONG_DIGIT_RUN in text.encode("utf-8", "surrogatepass").translate(_DIGITS_TO_ZERO)


def parse_record_text(text: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse JSON text into a record dict, or return the problems that stop it."""
    # Calling bounded_int for each of a record's thousands of integers doubled the parsing time;
    # it can refuse nothing in a text without a long digit run, so Python's own int then parses them.
    parse_int = bounded_int if may_hold_long_integer(text) else None
    floats: list[_Float] = []

    def parse_float(number: str) -> _Float:
        # Called only for numbers with a fraction or exponent: the integers of a record cost nothing.
        floats.append(_Float(number))
        return floats[-1]

    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
            parse_int=parse_int,
            parse_float=parse_float,
        )
    except RefusedText as refused:
        return None, [refused.problem]
    except json.JSONDecodeError as error:
        return None, [Problem("input.json", f"line {error.lineno}, column {error.colno}: {error.msg}")]
    except RecursionError:
        return None, [Problem("input.too-deep", "JSON nested too deeply to parse")]
    if floats:
        try:
            return None, _float_problems(value)
        except RecursionError:  # nested too deeply to walk for pointers: the first number still says why
            return None, [Problem("input.float", f"{floats[0].text} is not an integer")]
    if not isinstance(value, dict):
        return None, [Problem("input.not-object", f"top-level value is {type(value).__name__}, not an object")]
    return value, []


# O_NONBLOCK: opening a FIFO must not wait for a writer; the type is then checked on the descriptor.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC


def read_record_file(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and parse a record file; never raises for bad content, never waits on a FIFO or device."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return None, [Problem("input.unreadable", f"cannot read: {error.strerror}")]
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        return None, [Problem("input.not-regular-file", f"is {describe_file_type(info.st_mode)}, not a regular file")]
    with os.fdopen(descriptor, "rb") as handle:
        if info.st_size > MAX_RECORD_BYTES:
            return None, [Problem("input.too-large", f"{info.st_size:,} bytes; the limit is {MAX_RECORD_BYTES:,}")]
        try:
            data = handle.read(MAX_RECORD_BYTES + 1)
        except OSError as error:
            return None, [Problem("input.unreadable", f"cannot read: {error.strerror}")]
    if len(data) > MAX_RECORD_BYTES:
        return None, [Problem("input.too-large", f"more than {MAX_RECORD_BYTES:,} bytes")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem("input.encoding", f"not valid UTF-8 at byte {error.start}")]
    return parse_record_text(text.removeprefix("\ufeff"))


def read_record_or_raise(path: Path, shown: str | None = None) -> dict[str, Any]:
    """The record in ``path``, or UnusableInputError ``record.unreadable`` located at ``shown`` (default: the path)."""
    record, problems = read_record_file(path)
    if record is None:
        problem = problems[0]
        where = (shown or str(path)) + (f"#{problem.path}" if problem.path else "")
        raise UnusableInputError("record.unreadable", where, f"[{problem.code}] {problem.message}")
    return record
