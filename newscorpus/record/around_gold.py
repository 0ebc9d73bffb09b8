"""Automatic items merged around the gold items of a span layer that is not complete.

Convert keeps every gold item as it is and makes the automatic ones again;
this module decides which automatic items may stand beside the gold ones:

- an automatic entity, temporal expression or quotation (by its content)
  overlapping a gold one is dropped: the person's span wins;
- an automatic entity link of an entity that has a gold link is dropped
  (the person's QID, or null, wins);
- an automatic coreference mention with the same span as a gold mention is
  dropped (nested mentions are normal in coreference, so only the same span
  conflicts), and a cluster left without mentions goes;
- automatic items are numbered after the highest gold number of their
  prefix, so ids stay unique and a gold id never changes.

Automatic references (a mention's entity, a quote source's mention) are made
by the annotators from the merged layers they build on, so they never point
at a dropped item; gold items refer only to gold items (validate checks it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newscorpus.record.provenance import assemble_layer, gold_items, max_id_number, with_entries

Item = dict[str, Any]
_PREFIX = {"entities": "e", "timex": "t", "quotations": "q", "entity_links": "l", "coreference": "c"}
MENTION_PREFIX = "m"


def _span(item: Item) -> tuple[int, int]:
    return item["start"], item["end"]


def _content_span(item: Item) -> tuple[int, int]:
    return _span(item["content"])


def _first_mention(cluster: Item) -> tuple[int, int]:
    return min(_span(mention) for mention in cluster["mentions"])


_SPAN_OF: dict[str, Callable[[Item], tuple[int, int]]] = {
    "entities": _span,
    "timex": _span,
    "quotations": _content_span,
    "coreference": _first_mention,
}


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in others)


def _renumbered(items: list[Item], prefix: str, after: int) -> list[Item]:
    return [{**item, "id": f"{prefix}{number}"} for number, item in enumerate(items, start=after + 1)]


def _auto_clusters(gold: list[Item], fresh: list[Item]) -> list[Item]:
    gold_spans = {_span(mention) for cluster in gold for mention in cluster["mentions"]}
    next_mention = max_id_number((m for cluster in gold for m in cluster["mentions"]), MENTION_PREFIX)
    clusters = []
    for cluster in fresh:
        mentions = []
        for mention in cluster["mentions"]:
            if _span(mention) not in gold_spans:
                next_mention += 1
                mentions.append({**mention, "id": f"{MENTION_PREFIX}{next_mention}"})
        if mentions:
            clusters.append({**cluster, "mentions": mentions})
    return clusters


def merge_around_gold(name: str, kept: dict[str, Any], fresh: dict[str, Any]) -> dict[str, Any]:
    """Layer ``name`` with the gold items of ``kept`` and the items of ``fresh`` (automatic) that do not conflict.

    A complete ``kept`` layer is returned as it is. Items are ordered by
    position, gold and automatic alike; entity links, which have no span of
    their own, gold ones first as kept, then automatic ones.
    """
    if kept.get("complete"):
        return kept
    gold = [(item, entry) for item, entry in with_entries(kept) if item["gold"]]
    gold_only = [item for item, _ in gold]
    # An annotator's layer comes from one tool: one automatic entry for all its items.
    automatic = [item for item in fresh["items"] if not item["gold"]]
    if name == "coreference":
        standing = _auto_clusters(gold_only, automatic)
    elif name in _SPAN_OF:
        spans = [_SPAN_OF[name](item) for item in gold_only]
        standing = [item for item in automatic if not _overlaps(_SPAN_OF[name](item), spans)]
    else:
        linked = {item["entity"] for item in gold_only}
        standing = [item for item in automatic if item["entity"] not in linked]
    prefix = _PREFIX[name]
    renumbered = _renumbered(standing, prefix, max_id_number(gold_only, prefix))
    parts = gold + [(item, fresh["provenance"][item["provenance"]]) for item in renumbered]
    order = _SPAN_OF.get(name)
    if order is not None:
        parts.sort(key=lambda part: order(part[0]))
    return assemble_layer(parts)


def _span_ok(value: Any) -> bool:
    return isinstance(value, dict) and type(value.get("start")) is int and type(value.get("end")) is int


def _item_ok(name: str, item: Any) -> bool:
    """Whether an item has what merging reads of it (ids and spans); the rest is validate's business."""
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return False
    if name == "coreference":
        mentions = item.get("mentions")
        return isinstance(mentions, list) and bool(mentions) and all(_span_ok(m) for m in mentions)
    if name == "quotations":
        return _span_ok(item.get("content"))
    return name == "entity_links" or _span_ok(item)


def _claims_gold(layer: dict[str, Any]) -> bool:
    provenance = layer.get("provenance")
    items = layer.get("items") if isinstance(layer.get("items"), list) else []
    return (
        layer.get("complete") is True
        or (isinstance(provenance, dict) and provenance.get("kind") == "gold")
        or any(isinstance(item, dict) and item.get("gold") is True for item in items)
    )


def malformation(name: str, layer: Any) -> str | None:
    """Why the gold items of a span layer cannot be read for keeping; None when they can, or need not be.

    A complete layer is kept whole, as it is: validate reports what is wrong in
    it. A malformed layer that claims no gold is made again, as an automatic one
    always is. Only a partly gold layer has its items read (to merge them).
    """
    if not isinstance(layer, dict) or not _claims_gold(layer) or layer.get("complete") is True:
        return None
    if not isinstance(layer.get("items"), list):
        return "the layer has no list of items"
    entries = layer.get("provenance")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "kind" in e for e in entries):
        return "its provenance is not a list of entries"
    if not isinstance(layer.get("complete"), bool):
        return "its complete flag is not true or false"
    for index, item in enumerate(layer["items"]):
        if not isinstance(item, dict):
            return f"item {index} is not an object"
        if item.get("gold") is not True:
            continue  # an automatic item: not kept, so not read
        at = item.get("provenance")
        if type(at) is not int or not 0 <= at < len(entries) or not _item_ok(name, item):
            return f"item {index} names no entry or lacks its id or spans"
    return None


def kept_gold(layer: Any) -> dict[str, Any] | None:
    """What convert keeps of a previous span layer: all of a complete one, else its gold items (None if none).

    The layer must pass ``malformation``.
    """
    if not isinstance(layer, dict):
        return None
    if layer.get("complete") is True:
        return layer
    gold = gold_items(layer)
    if not gold:
        return None
    return assemble_layer([(item, layer["provenance"][item["provenance"]]) for item in gold])
