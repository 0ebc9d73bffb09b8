"""The publisher profile format: every key a profile file may hold, and the check of a parsed file.

A profile is a TOML file (see docs/profiles.md). This table is what the
loader accepts; a file with a key it does not name, without a key it
requires, with a value of another type or a pattern that is not a Python
regular expression is refused with a code of its own, located at the file
and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newscorpus.problems.errors import UnusableInputError
from newscorpus.schema import enum_values

STRING, PATTERN, BOOLEAN = "string", "pattern", "boolean"


@dataclass(frozen=True, slots=True)
class Key:
    """One key of a profile table: its type (a scalar, a table or an array of tables) and whether it is required."""

    kind: str  # STRING, PATTERN, BOOLEAN, or the name of a table in TABLES
    required: bool = False
    many: bool = False  # an array of tables ([[name]])


RULE = {"name": Key(STRING, required=True), "pattern": Key(PATTERN, required=True), "kind": Key(STRING)}
TABLES: dict[str, dict[str, Key]] = {
    "profile": {
        "id": Key(STRING, required=True),
        "publisher": Key(STRING),
        "language": Key(STRING),
        "license": Key(STRING, required=True),
        "license_id": Key(STRING),
        "license_url": Key(STRING),
        "attribution_author": Key(STRING),
        "detect": Key(PATTERN),
        "header": Key("header"),
        "leading": Key("rule", many=True),
        "trailing": Key("rule", many=True),
        "after_headline": Key("rule", many=True),
        "credit": Key("rule"),
        "dateline": Key("dateline"),
        "caption": Key("rule", many=True),
    },
    "rule": RULE,
    "header": {
        "name": Key(STRING, required=True),
        "url": Key(STRING),
        "published": Key(STRING),
        "url_rewrite": Key("rewrite", many=True),
    },
    "rewrite": {"pattern": Key(PATTERN, required=True), "replacement": Key(STRING, required=True)},
    "dateline": {
        "name": Key(STRING, required=True),
        "pattern": Key(PATTERN, required=True),
        "split_line": Key(BOOLEAN),
    },
}
_PYTHON_TYPES = {STRING: str, PATTERN: str, BOOLEAN: bool}
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
DATELINE_GROUPS = ("year", "month", "day")


def _refuse(code: str, source: str, key: str, message: str) -> UnusableInputError:
    return UnusableInputError(code, f"{source} [{key}]" if key else source, message)


def _check_table(data: dict[str, Any], table: str, source: str, prefix: str) -> None:
    keys = TABLES[table]
    for name in data:
        if name not in keys:
            known = ", ".join(keys)
            raise _refuse("profile.unknown-key", source, prefix + name, f"unknown key {name!r}; known: {known}")
    for name, key in keys.items():
        where = prefix + name
        if name not in data:
            if key.required:
                raise _refuse("profile.missing-key", source, where, f"required key {name!r} is missing")
            continue
        values = data[name]
        if key.many:
            if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
                raise _refuse("profile.wrong-type", source, where, f"must be an array of tables ([[{name}]])")
            for index, value in enumerate(values):
                _check_table(value, key.kind, source, f"{where}[{index}].")
        elif key.kind in TABLES:
            if not isinstance(values, dict):
                raise _refuse("profile.wrong-type", source, where, f"must be a table ([{name}])")
            _check_table(values, key.kind, source, where + ".")
        else:
            _check_scalar(values, key.kind, source, where)


def _check_scalar(value: Any, kind: str, source: str, where: str) -> None:
    if not isinstance(value, _PYTHON_TYPES[kind]):
        raise _refuse("profile.wrong-type", source, where, f"must be a {kind}, not {type(value).__name__}")
    if kind == PATTERN:
        try:
            re.compile(value)
        except re.error as error:
            raise _refuse("profile.bad-pattern", source, where, f"not a Python regular expression: {error}") from None


def check_profile(data: dict[str, Any], source: str) -> None:
    """Raise a located UnusableInputError for anything in ``data`` that is not a valid profile."""
    _check_table(data, "profile", source, "")
    if not _ID.fullmatch(data["id"]):
        raise _refuse("profile.wrong-type", source, "id", f"{data['id']!r} is not lowercase words joined by -")
    if ("license_id" in data) != ("license_url" in data):
        raise _refuse("profile.missing-key", source, "license_url", "license_id and license_url go together")
    if "attribution_author" in data and "license_id" not in data:
        raise _refuse("profile.missing-key", source, "license_id", "attribution_author needs an open licence")
    kinds = enum_values("boilerplate_kind")
    for side in ("leading", "trailing", "after_headline"):
        for index, rule in enumerate(data.get(side, [])):
            if rule.get("kind", "banner") not in kinds:
                where = f"{side}[{index}].kind"
                raise _refuse("profile.wrong-type", source, where, f"{rule['kind']!r} is not one of {list(kinds)}")
    dateline = data.get("dateline")
    if dateline is not None:
        missing = [g for g in DATELINE_GROUPS if g not in re.compile(dateline["pattern"]).groupindex]
        if missing:
            where = "dateline.pattern"
            raise _refuse("profile.bad-pattern", source, where, f"needs the named groups {missing} (?P<name>...)")
