"""JSON Lines: one record per line, exactly as in its record file, for pandas, datasets or jq."""

from __future__ import annotations

import json
from typing import Any


def jsonl_line(record: dict[str, Any]) -> str:
    """The record as one line of compact JSON (UTF-8 text, no NaN), ending in a newline."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
