"""Walk the span-bearing parts of a record: where they are and what they claim."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# layer name -> the keys, inside each item, that hold a span object ("" = the item itself)
_ITEM_SPANS: dict[str, tuple[str, ...]] = {
    "paragraphs": ("",),
    "entities": ("",),
    "quotations": ("content", "cue", "source"),
    "timex": ("",),
}


@dataclass(frozen=True, slots=True)
class SpanRef:
    """A span in a record: its JSON path, offsets and stored text (None when not stored)."""

    path: tuple[str | int, ...]
    start: int
    end: int
    text: str | None


def _as_span(path: tuple[str | int, ...], value: Any) -> SpanRef | None:
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    stored = value.get("text")
    return SpanRef(path, start, end, stored if isinstance(stored, str) else None)


def _layer_items(record: dict[str, Any], layer: str) -> list[Any]:
    items = ((record.get("layers") or {}).get(layer) or {}).get("items")
    return items if isinstance(items, list) else []


def iter_item_spans(record: dict[str, Any]) -> Iterator[SpanRef]:
    """Spans of the object layers (paragraphs, entities, quotation parts, timex, mentions)."""
    for layer, keys in _ITEM_SPANS.items():
        for index, item in enumerate(_layer_items(record, layer)):
            for key in keys:
                path: tuple[str | int, ...] = ("layers", layer, "items", index)
                value = item.get(key) if key and isinstance(item, dict) else item
                span = _as_span((*path, key) if key else path, value)
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
    if not all(isinstance(v, int) for v in starts) or not all(isinstance(v, int) for v in ends):
        return None
    return starts, ends
