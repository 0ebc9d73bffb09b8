"""Semantic checks of per-item provenance in the span layers.

Every item names an entry its layer lists and says gold exactly when that
entry is gold; a complete layer holds gold items only; and a gold item refers
only to gold items, because convert makes automatic items again and a gold
reference to one would dangle. Part of the table ``CHECKS`` in
``newscorpus.validate.checks``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newscorpus.problems.value import Problem, pointer
from newscorpus.record.provenance import SPAN_LAYERS


def _entries_and_items(record: dict[str, Any], name: str) -> tuple[list[Any], list[Any], bool] | None:
    layer = (record.get("layers") or {}).get(name)
    if not isinstance(layer, dict):
        return None
    entries, items = layer.get("provenance"), layer.get("items")
    if not isinstance(entries, list) or not isinstance(items, list):
        return None  # another shape: the schema reports it
    return entries, items, layer.get("complete") is True


def _layer_problems(name: str, entries: list[Any], items: list[Any], complete: bool) -> Iterator[Problem]:
    used: set[int] = set()
    for index, item in enumerate(items):
        if not isinstance(item, dict) or type(item.get("provenance")) is not int:
            continue
        entry_index = item["provenance"]
        if not 0 <= entry_index < len(entries) or not isinstance(entries[entry_index], dict):
            yield Problem(
                "provenance.unknown-entry",
                f"{name} item {index} names provenance entry {entry_index}; the layer lists {len(entries)}",
                pointer("layers", name, "items", index, "provenance"),
            )
            continue
        used.add(entry_index)
        entry_is_gold = entries[entry_index].get("kind") == "gold"
        if item.get("gold") is not entry_is_gold:
            yield Problem(
                "provenance.gold-mismatch",
                f"{name} item {index} says gold {item.get('gold')!r} "
                f"but its entry is {entries[entry_index].get('kind')!r}",
                pointer("layers", name, "items", index, "gold"),
            )
        elif complete and not entry_is_gold:
            yield Problem(
                "provenance.complete-not-gold",
                f"layer {name} is declared complete but item {index} is automatic",
                pointer("layers", name, "items", index, "gold"),
            )
    kinds = [entry.get("kind") for entry in entries if isinstance(entry, dict)]
    if complete and "gold" not in kinds:
        yield Problem(
            "provenance.complete-not-gold",
            f"layer {name} is declared complete but lists no gold entry",
            pointer("layers", name, "provenance"),
        )
    if not complete:
        for entry_index in sorted(set(range(len(entries))) - used):
            yield Problem(
                "provenance.unused-entry",
                f"layer {name} lists provenance entry {entry_index} but no item names it",
                pointer("layers", name, "provenance", entry_index),
            )


def _gold_ids(record: dict[str, Any]) -> tuple[dict[str, bool], dict[str, bool]]:
    """Entity ids and mention ids, each with whether it is gold (a mention is gold with its cluster)."""
    entities = {
        e["id"]: e.get("gold") is True
        for e in (record["layers"].get("entities") or {}).get("items") or ()
        if isinstance(e, dict) and isinstance(e.get("id"), str)
    }
    mentions = {}
    for cluster in (record["layers"].get("coreference") or {}).get("items") or ():
        if isinstance(cluster, dict) and isinstance(cluster.get("mentions"), list):
            for mention in cluster["mentions"]:
                if isinstance(mention, dict) and isinstance(mention.get("id"), str):
                    mentions[mention["id"]] = cluster.get("gold") is True
    return entities, mentions


def _references(record: dict[str, Any]) -> Iterator[tuple[str, int, tuple[str | int, ...], str, str]]:
    """(layer, item index, path inside the item, target layer, target id) of every reference a gold item makes."""
    layers = record["layers"]
    for index, link in enumerate((layers.get("entity_links") or {}).get("items") or ()):
        if isinstance(link, dict) and link.get("gold") is True and isinstance(link.get("entity"), str):
            yield "entity_links", index, ("entity",), "entities", link["entity"]
    for index, cluster in enumerate((layers.get("coreference") or {}).get("items") or ()):
        if isinstance(cluster, dict) and cluster.get("gold") is True:
            for number, mention in enumerate(cluster.get("mentions") or ()):
                if isinstance(mention, dict) and isinstance(mention.get("entity"), str):
                    yield "coreference", index, ("mentions", number, "entity"), "entities", mention["entity"]
    for index, quote in enumerate((layers.get("quotations") or {}).get("items") or ()):
        source = quote.get("source") if isinstance(quote, dict) else None
        if quote.get("gold") is True and isinstance(source, dict) and isinstance(source.get("mention"), str):
            yield "quotations", index, ("source", "mention"), "coreference", source["mention"]


def item_provenance_problems(record: dict[str, Any], text: str, derived: object) -> Iterator[Problem]:
    if not isinstance(record.get("layers"), dict):
        return
    for name in SPAN_LAYERS:
        found = _entries_and_items(record, name)
        if found is not None:
            yield from _layer_problems(name, *found)
    entity_gold, mention_gold = _gold_ids(record)
    for name, index, path, target, target_id in _references(record):
        is_gold = (entity_gold if target == "entities" else mention_gold).get(target_id)
        if is_gold is False:  # a reference to no item at all is reference.unresolved's to report
            yield Problem(
                "provenance.gold-refers-to-auto",
                f"gold {name} item {index} refers to {target_id}, an automatic item of {target}",
                pointer("layers", name, "items", index, *path),
            )
