"""Token-level helpers shared by the training views."""

from __future__ import annotations

from typing import Any


def token_spans(record: dict[str, Any]) -> list[tuple[int, int]]:
    tokens = record["layers"]["tokens"]
    return list(zip(tokens["starts"], tokens["ends"], strict=True))


def sentence_token_ranges(record: dict[str, Any]) -> list[tuple[int, int]]:
    """For each sentence, the half-open range of token indices it holds."""
    index_of_start, _ = token_index(record)
    first = [index_of_start[start] for start in record["layers"]["sentences"]["starts"]]
    return list(zip(first, [*first[1:], len(index_of_start)], strict=True))


def token_index(record: dict[str, Any]) -> tuple[dict[int, int], dict[int, int]]:
    """Maps from a token's start offset and from its end offset to its index."""
    tokens = record["layers"]["tokens"]
    return (
        {start: index for index, start in enumerate(tokens["starts"])},
        {end: index for index, end in enumerate(tokens["ends"])},
    )
