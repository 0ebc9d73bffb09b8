"""Walk the span-bearing parts of a record (where they are, what they claim) and test columnar layers in bulk."""

from __future__ import annotations

import operator
from collections.abc import Iterator
from itertools import chain, repeat
from typing import Any

# layer name -> the keys, inside each item, that hold a span object ("" = the item itself)
_ITEM_SPANS: dict[str, tuple[str, ...]] = {
    "paragraphs": ("",),
    "entities": ("",),
    "quotations": ("content", "cue", "source"),
    "timex": ("",),
}


# A span in a record: (JSON path, start, end, stored text or None when not stored). A plain
# tuple: a record holds a few hundred spans, and a named tuple or a dataclass instance
# costs ten times as much to make.
SpanRef = tuple[tuple[str | int, ...], int, int, str | None]


def _as_span(path: tuple[str | int, ...], value: Any) -> SpanRef | None:
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    stored = value.get("text")
    return path, start, end, stored if isinstance(stored, str) else None


def _layer_items(record: dict[str, Any], layer: str) -> list[Any]:
    items = ((record.get("layers") or {}).get(layer) or {}).get("items")
    return items if isinstance(items, list) else []


def iter_item_spans(record: dict[str, Any]) -> Iterator[SpanRef]:
    """Spans of the object layers (paragraphs, entities, quotation parts, timex, mentions)."""
    for layer, keys in _ITEM_SPANS.items():
        for index, item in enumerate(_layer_items(record, layer)):
            for key in keys:
                if key:
                    value = item.get(key) if isinstance(item, dict) else item
                    span = _as_span(("layers", layer, "items", index, key), value)
                else:
                    span = _as_span(("layers", layer, "items", index), item)
                if span:
                    yield span
    for cluster_index, cluster in enumerate(_layer_items(record, "coreference")):
        mentions = cluster.get("mentions") if isinstance(cluster, dict) else None
        for mention_index, mention in enumerate(mentions if isinstance(mentions, list) else []):
            path = ("layers", "coreference", "items", cluster_index, "mentions", mention_index)
            span = _as_span(path, mention)
            if span:
                yield span


def layer_items(record: dict[str, Any], layer: str) -> list[Any]:
    """A layer's items, or an empty list when the layer is malformed (schema reports that)."""
    return _layer_items(record, layer)


def columns(record: dict[str, Any], layer: str) -> tuple[list[int], list[int]] | None:
    """A columnar layer's (starts, ends), or None when malformed."""
    data = (record.get("layers") or {}).get(layer)
    if not isinstance(data, dict):
        return None
    starts, ends = data.get("starts"), data.get("ends")
    if not isinstance(starts, list) or not isinstance(ends, list):
        return None
    if not _all_ints(starts) or not _all_ints(ends):
        return None
    return starts, ends


def _all_ints(values: list[Any]) -> bool:
    # isinstance mapped in C: half the time of a generator over thousands of offsets.
    return all(map(isinstance, values, repeat(int)))


# Columnar layers hold thousands of spans. The two tests below decide, with loops that run
# in C (map, all, join), what holds for nearly every record, so that only a record with a
# problem pays for a Python loop over its spans to find and describe it.


def in_order(text: str, starts: list[int], ends: list[int]) -> bool:
    """Whether every span is non-empty, inside the text, not before the previous end, without edge whitespace.

    That is, whether a columnar layer's per-span check would find nothing. ``starts``
    and ``ends`` have the same length. Spans so ordered end in increasing order, so
    the last end is the largest; the text is indexed only once that is known.
    """
    return (
        (not ends or ends[-1] <= len(text))
        and all(map(operator.lt, starts, ends))
        and all(map(operator.le, chain((0,), ends), starts))
        and not any(map(str.isspace, map(text.__getitem__, starts)))
        and not any(map(str.isspace, map(text.__getitem__, map(operator.sub, ends, repeat(1)))))
    )


def first_uncovered(text: str, starts: list[int], ends: list[int], ordered: bool) -> int | None:
    """Offset of the first non-whitespace character outside every span, or None.

    ``ordered`` says that ``in_order`` holds: then the text outside the spans is the
    gaps between them, and one ``isspace`` on their concatenation settles most records.
    """
    if ordered:
        gaps = "".join(map(text.__getitem__, map(slice, chain((0,), ends), chain(starts, (len(text),)))))
        if not gaps or gaps.isspace():
            return None
    covered = bytearray(len(text))
    for start, end in zip(starts, ends, strict=True):
        start, end = max(0, start), min(end, len(text))
        if start < end:
            covered[start:end] = b"\x01" * (end - start)
    return next((i for i, char in enumerate(text) if not covered[i] and not char.isspace()), None)
