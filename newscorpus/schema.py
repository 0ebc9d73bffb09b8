"""Access to the record JSON Schema, the single source of truth for the record.

The schema file lives once, at ``schema/record.schema.json`` in the repository;
the wheel carries a copy at ``newscorpus/data/record.schema.json``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGED = Path(__file__).parent / "data" / "record.schema.json"
_REPOSITORY = Path(__file__).parent.parent / "schema" / "record.schema.json"


def schema_path() -> Path:
    """Path of the schema file: the repository's own when running from a checkout."""
    return _REPOSITORY if _REPOSITORY.is_file() else _PACKAGED


@cache
def load_schema() -> dict[str, Any]:
    """The record schema as a dict (cached; do not mutate)."""
    with schema_path().open(encoding="utf-8") as handle:
        return json.load(handle)


def schema_version() -> str:
    """The version of the record schema this package writes."""
    return load_schema()["x-schema-version"]


def supported_schema_versions() -> frozenset[str]:
    """Record schema versions this package can validate and build."""
    return frozenset({schema_version()})


def definition(name: str) -> dict[str, Any]:
    """A named ``$defs`` entry of the schema."""
    return load_schema()["$defs"][name]


def enum_values(name: str) -> tuple[str, ...]:
    """The allowed values of an enum in ``$defs`` (label sets live there only)."""
    return tuple(definition(name)["enum"])
