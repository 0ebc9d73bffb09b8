"""Token-level helpers shared by the training views."""

from __future__ import annotations

from typing import Any


def token_spans(record: dict[str, Any]) -> list[tuple[int, int]]:
    tokens = record["layers"]["tokens"]
    return list(zip(tokens["starts"], tokens["ends"], strict=True))


def sentence_token_ranges(record: dict[str, Any]) -> list[tuple[int, int]]:
    """For each sentence, the half-open range of token indices it holds."""
    starts = record["layers"]["tokens"]["starts"]
    index_of_start = {start: index for index, start in enumerate(starts)}
    sentences = record["layers"]["sentences"]
    first = [index_of_start[start] for start in sentences["starts"]]
    return list(zip(first, [*first[1:], len(starts)], strict=True))


def char_to_token_span(record: dict[str, Any], start: int, end: int) -> tuple[int, int]:
    """Token indices [first, last] (inclusive) covering a character span on token boundaries."""
    spans = token_spans(record)
    first = next(i for i, (s, _) in enumerate(spans) if s == start)
    last = next(i for i, (_, e) in enumerate(spans) if e == end)
    return first, last
