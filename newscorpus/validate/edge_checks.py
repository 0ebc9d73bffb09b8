"""Spans of coreference mentions and quotations fall on token boundaries, as entity spans do.

A mention found by searching for its word ("he") can land inside a longer token
("w|he|n"): its stored text still equals ``text[start:end]``, so only the token
layer shows the span is wrong. The training views index tokens by these offsets,
so a span off the token edges is refused here rather than failing in a build.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from newscorpus.problems.value import Problem, pointer
from newscorpus.validate.spans import layer_items


class _TokenEdges(Protocol):
    @property
    def token_boundaries(self) -> tuple[set[int], set[int]] | None: ...


_QUOTE_PARTS = ("content", "cue", "source")


def _cuts(span: dict[str, Any], boundaries: tuple[set[int], set[int]]) -> bool:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False  # malformed: the schema reports it
    return start not in boundaries[0] or end not in boundaries[1]


def _described(span: dict[str, Any]) -> str:
    return f"[{span.get('start')}, {span.get('end')}) {span.get('text')!r}"


def edge_problems(record: dict[str, Any], text: str, derived: _TokenEdges) -> Iterator[Problem]:
    boundaries = derived.token_boundaries
    if boundaries is None:
        return
    for index, cluster in enumerate(layer_items(record, "coreference")):
        mentions = cluster.get("mentions") if isinstance(cluster, dict) else None
        for mention_index, mention in enumerate(mentions if isinstance(mentions, list) else []):
            if isinstance(mention, dict) and _cuts(mention, boundaries):
                yield Problem(
                    "mention.token-boundary",
                    f"mention {mention.get('id')} {_described(mention)} does not start and end on token boundaries",
                    pointer("layers", "coreference", "items", index, "mentions", mention_index),
                )
    for index, quote in enumerate(layer_items(record, "quotations")):
        for part in _QUOTE_PARTS:
            span = quote.get(part) if isinstance(quote, dict) else None
            if isinstance(span, dict) and _cuts(span, boundaries):
                yield Problem(
                    "quote.token-boundary",
                    f"quotation {quote.get('id')} {part} {_described(span)} does not start and end on token boundaries",
                    pointer("layers", "quotations", "items", index, part),
                )
