"""IOB2 tags from entity spans and back."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def spans_to_bio(token_spans: Sequence[tuple[int, int]], entities: Sequence[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags for tokens given character spans (start, end, label) on token boundaries."""
    tags = ["O"] * len(token_spans)
    starts = [start for start, _ in token_spans]
    for start, end, label in entities:
        index = bisect_left(starts, start)
        first = index
        while index < len(token_spans) and token_spans[index][1] <= end:
            tags[index] = f"{'B' if index == first else 'I'}-{label}"
            index += 1
    return tags


def bio_to_spans(token_spans: Sequence[tuple[int, int]], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Character spans (start, end, label) from IOB2 tags; a stray I- starts a new span."""
    spans: list[tuple[int, int, str]] = []
    current: list[object] | None = None
    for (start, end), tag in zip(token_spans, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and current is not None and current[2] == label:
            current[1] = end
            continue
        if current is not None:
            spans.append((current[0], current[1], current[2]))  # type: ignore[arg-type]
            current = None
        if prefix in ("B", "I"):
            current = [start, end, label]
    if current is not None:
        spans.append((current[0], current[1], current[2]))  # type: ignore[arg-type]
    return spans
