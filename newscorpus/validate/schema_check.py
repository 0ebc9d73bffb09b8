"""JSON Schema validation of a record, with jsonschema errors mapped to stable codes."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from newscorpus.problems.value import Problem, pointer
from newscorpus.schema import load_schema

_CODE_BY_VALIDATOR = {
    "required": "schema.required",
    "type": "schema.type",
    "additionalProperties": "schema.additional",
    "pattern": "schema.pattern",
    "enum": "label.unknown",
    "minimum": "schema.range",
    "maximum": "schema.range",
}
# Fields whose form has a code of its own, because contributors get them wrong in their own way.
_CODE_BY_FIELD = {("pattern", "qid"): "link.qid-malformed"}


@cache
def reference_validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


@cache
def _fast_validator() -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(load_schema())


def is_schema_valid(record: dict[str, Any]) -> bool:
    """Whether the record satisfies the schema, answered by the compiled validator.

    jsonschema-rs answers yes or no about 200 times faster than python-jsonschema
    on a whole record; the reference implementation then runs only on records
    that fail, so that every problem keeps its path, code and message.
    """
    try:
        return _fast_validator().is_valid(record)
    except (ValueError, TypeError, OverflowError):  # values it cannot convert: let the reference decide
        return False


def _problem(error: ValidationError) -> Problem:
    if error.validator in ("oneOf", "anyOf") and error.context:
        # "is not of type 'null'" from the null alternative of an optional object says nothing useful.
        informative = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        specific = best_match(informative or error.context)
        if specific is not None:
            error = specific
    field = error.absolute_path[-1] if error.absolute_path else ""
    code = _CODE_BY_FIELD.get((str(error.validator), str(field))) or _CODE_BY_VALIDATOR.get(
        str(error.validator), "schema.invalid"
    )
    return Problem(code, error.message[:300], pointer(*error.absolute_path))


def iter_schema_problems(record: dict[str, Any]) -> Iterator[Problem]:
    """Every schema violation of the record, in document order."""
    if is_schema_valid(record):
        return
    errors = sorted(reference_validator().iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        yield _problem(error)
