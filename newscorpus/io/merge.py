"""Imported annotations into a record: new gold layers, ids kept where the annotation is unchanged.

Rules, so that an import changes what the annotator changed and nothing else:

- A layer is replaced only when the imported document holds annotation of it
  (entities, entity links, quotations); other layers stay as they are.
- Ids survive a round trip: an imported entity takes the id of the record's
  entity with the same span, a link the id of the link of the same entity, a
  quotation the id of the quotation with the same content span. New items get
  fresh numbers above every number the record used, so an id never comes to
  mean something else.
- References that follow from spans are recomputed: a coreference mention's
  entity is the entity with the same span, a quote source's mention the
  coreference mention with the same span, and links of removed entities go.
- A layer whose items changed gets the gold provenance of this import; an
  unchanged layer keeps the provenance it had.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict, deque
from collections.abc import Hashable, Iterator, Sequence
from typing import Any

from newscorpus.io.tool_annotations import ImportedDocument, ImportedQuote
from newscorpus.text.offsets import Span

_ID = re.compile(r"^([a-z]+)([0-9]+)$")


def _record_ids(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            yield value["id"]
        for child in value.values():
            yield from _record_ids(child)
    elif isinstance(value, list):
        for child in value:
            yield from _record_ids(child)


def _next_number(record: dict[str, Any], prefix: str) -> int:
    numbers = [int(m[2]) for i in _record_ids(record["layers"]) if (m := _ID.match(i)) and m[1] == prefix]
    return max(numbers, default=0) + 1


def _assign_ids(
    keys: Sequence[Hashable], previous: Sequence[tuple[Hashable, str]], prefix: str, next_number: int
) -> list[str]:
    """Ids for new items with ``keys``: a previous item's id when its key matches (in order), else a fresh one."""
    available: dict[Hashable, deque[str]] = defaultdict(deque)
    for key, item_id in previous:
        available[key].append(item_id)
    ids = []
    for key in keys:
        if available[key]:
            ids.append(available[key].popleft())
        else:
            ids.append(f"{prefix}{next_number}")
            next_number += 1
    return ids


def _span_dict(text: str, span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _entity_items(record: dict[str, Any], imported: ImportedDocument) -> list[dict[str, Any]]:
    text = record["text"]
    entities = sorted(imported.entities, key=lambda e: (e.span.start, e.span.end))
    previous = [((e["start"], e["end"]), e["id"]) for e in record["layers"]["entities"]["items"]]
    keys = [(e.span.start, e.span.end) for e in entities]
    ids = _assign_ids(keys, previous, "e", _next_number(record, "e"))
    return [
        {"id": item_id, **_span_dict(text, e.span), "label": e.label} for item_id, e in zip(ids, entities, strict=True)
    ]


def _link_items(
    record: dict[str, Any], imported: ImportedDocument, entity_id_at: dict[tuple[int, int], str]
) -> list[dict[str, Any]]:
    entity_ids = [entity_id_at[link.entity.start, link.entity.end] for link in imported.links]
    previous = [(link["entity"], link["id"]) for link in record["layers"]["entity_links"]["items"]]
    ids = _assign_ids(entity_ids, previous, "l", _next_number(record, "l"))
    return [
        {"id": item_id, "entity": entity_id, "qid": link.qid, "note": link.note}
        for item_id, entity_id, link in zip(ids, entity_ids, imported.links, strict=True)
    ]


def _quote_items(record: dict[str, Any], imported: ImportedDocument) -> list[dict[str, Any]]:
    text = record["text"]
    mention_id_at = {
        (m["start"], m["end"]): m["id"]
        for cluster in record["layers"]["coreference"]["items"]
        for m in cluster["mentions"]
    }

    def source(quote: ImportedQuote) -> dict[str, Any] | None:
        if quote.source is None:
            return None
        return {**_span_dict(text, quote.source), "mention": mention_id_at.get((quote.source.start, quote.source.end))}

    quotes = sorted(imported.quotes, key=lambda q: (q.content.start, q.content.end))
    previous = [
        ((q["content"]["start"], q["content"]["end"]), q["id"]) for q in record["layers"]["quotations"]["items"]
    ]
    keys = [(q.content.start, q.content.end) for q in quotes]
    ids = _assign_ids(keys, previous, "q", _next_number(record, "q"))
    return [
        {
            "id": item_id,
            "type": q.type,
            "content": _span_dict(text, q.content),
            "cue": None if q.cue is None else _span_dict(text, q.cue),
            "source": source(q),
        }
        for item_id, q in zip(ids, quotes, strict=True)
    ]


def merge_annotations(record: dict[str, Any], imported: ImportedDocument, provenance: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``record`` with the imported annotations as its layers (the record is not changed)."""
    merged = copy.deepcopy(record)
    layers = merged["layers"]
    if imported.entities:
        layers["entities"]["items"] = _entity_items(record, imported)
    entity_id_at = {(e["start"], e["end"]): e["id"] for e in layers["entities"]["items"]}
    if imported.links:
        layers["entity_links"]["items"] = _link_items(record, imported, entity_id_at)
    elif imported.entities:
        kept = set(entity_id_at.values())
        layers["entity_links"]["items"] = [link for link in layers["entity_links"]["items"] if link["entity"] in kept]
    if imported.entities:
        for cluster in layers["coreference"]["items"]:
            for mention in cluster["mentions"]:
                mention["entity"] = entity_id_at.get((mention["start"], mention["end"]))
    if imported.quotes:
        layers["quotations"]["items"] = _quote_items(record, imported)
    for name, layer in layers.items():
        if layer.get("items") != record["layers"][name].get("items"):
            layer["provenance"] = provenance
    return merged
