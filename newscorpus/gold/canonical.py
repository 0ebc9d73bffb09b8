"""A pass's items as id-free values, so that two passes (whose ids are each their own) can be compared.

References are resolved to what they point at: a link names its entity's span,
a coreference mention its entity's span, a quote source its span. Two items
are the same annotation exactly when their canonical values are equal.
"""

from __future__ import annotations

from typing import Any

from newscorpus.gold.check import with_local_ids

Span = tuple[int, int]


def span_of(item: dict[str, Any] | None) -> Span | None:
    return None if item is None else (item["start"], item["end"])


def entity_key(entity: dict[str, Any]) -> tuple[int, int, str]:
    return entity["start"], entity["end"], entity["label"]


def timex_key(timex: dict[str, Any]) -> tuple[int, int, str, str | None]:
    return timex["start"], timex["end"], timex["type"], timex["value"]


def _entity_spans(layers: dict[str, list[dict[str, Any]]]) -> dict[str, Span]:
    return {e["id"]: (e["start"], e["end"]) for e in with_local_ids("entities", layers.get("entities", []))}


def link_key(link: dict[str, Any], entity_spans: dict[str, Span]) -> tuple[Span | None, str | None]:
    return entity_spans.get(link["entity"]), link["qid"]


def cluster_key(cluster: dict[str, Any], entity_spans: dict[str, Span]) -> frozenset[tuple[Any, ...]]:
    return frozenset(
        (m["start"], m["end"], m["kind"], entity_spans.get(m["entity"]) if m["entity"] else None)
        for m in cluster["mentions"]
    )


def quote_key(quote: dict[str, Any]) -> tuple[Any, ...]:
    return quote["type"], span_of(quote["content"]), span_of(quote["cue"]), span_of(quote["source"])


def canonical_items(layers: dict[str, list[dict[str, Any]]], layer: str) -> list[Any]:
    """The canonical value of every item of ``layer``, in the pass's order."""
    items = layers.get(layer, [])
    if layer == "entities":
        return [entity_key(e) for e in items]
    if layer == "timex":
        return [timex_key(t) for t in items]
    entity_spans = _entity_spans(layers)
    if layer == "entity_links":
        return [link_key(link, entity_spans) for link in items]
    if layer == "coreference":
        return [cluster_key(cluster, entity_spans) for cluster in items]
    if layer == "quotations":
        return [quote_key(quote) for quote in items]
    if layer == "topics":
        return [topic["code"] for topic in items]
    raise ValueError(f"unknown layer {layer!r}")


def item_span(layer: str, item: dict[str, Any]) -> Span | None:
    """The span an item is placed at, for pairing items of two passes that differ (None: no span)."""
    if layer in ("entities", "timex"):
        return item["start"], item["end"]
    if layer == "quotations":
        return span_of(item["content"])
    if layer == "coreference" and item["mentions"]:
        return min(m["start"] for m in item["mentions"]), max(m["end"] for m in item["mentions"])
    return None
