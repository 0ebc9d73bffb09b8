"""The example row the card shows per config: the release's first row, cut to a readable size."""

from __future__ import annotations

import json
from typing import Any

from datasets import Features

from newscorpus.release.rows import encode_value
from newscorpus.release.tally import CardTally

_EXAMPLE_TEXT_LIMIT = 160
_EXAMPLE_VALUES = 8  # items shown of a list of values
_EXAMPLE_RECORDS = 2  # items shown of a list of records
_EXAMPLE_LINE = 120  # a flat record up to this long is shown on one line


def truncate_example(value: Any) -> Any:
    """An example value short enough to read: long strings and lists are cut, saying how much was cut."""
    if isinstance(value, str) and len(value) > _EXAMPLE_TEXT_LIMIT:
        return f"{value[:_EXAMPLE_TEXT_LIMIT]}… [{len(value)} characters]"
    if isinstance(value, dict):
        return {key: truncate_example(item) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    limit = _EXAMPLE_RECORDS if any(isinstance(item, dict) for item in value) else _EXAMPLE_VALUES
    kept = [truncate_example(item) for item in value[:limit]]
    return kept if len(value) <= limit else [*kept, f"… [{len(value) - limit} more, {len(value)} in all]"]


def example_json(value: Any, indent: str = "") -> str:
    """JSON laid out for reading: one line per field; lists of values and short flat records on one line."""
    inner = indent + "  "
    one_line = json.dumps(value, ensure_ascii=False)
    flat = isinstance(value, dict) and not any(isinstance(v, (dict, list)) for v in value.values())
    if flat and len(one_line) <= _EXAMPLE_LINE:
        return one_line
    if isinstance(value, dict) and value:
        fields = ",\n".join(f"{inner}{json.dumps(k)}: {example_json(v, inner)}" for k, v in value.items())
        return f"{{\n{fields}\n{indent}}}"
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        items = ",\n".join(inner + example_json(item, inner) for item in value)
        return f"[\n{items}\n{indent}]"
    return one_line


def example_row(config: str, features: Features, tally: CardTally) -> dict[str, Any] | None:
    """The first row of a config as ``datasets`` returns it (labels as ClassLabel ids), or None."""
    example = tally.examples.get(config)
    return None if example is None else encode_value(example.row, features)
