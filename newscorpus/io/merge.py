"""Imported annotations into a record: gold exactly what the annotator touched, ids kept where unchanged.

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
- Provenance is per item. An imported item equal to a record item (same
  span and label, link target and QID, quotation parts and type) is untouched
  and keeps the record item as it is, automatic or gold; an item the
  annotator created or changed, or marked confirmed (BRAT's ``Gold``
  attribute), becomes gold with this import's entry. Items the annotator
  deleted go (an automatic one comes back at the next convert unless the layer
  is declared complete). With ``complete`` every imported layer is declared
  complete and each of its items becomes gold. A gold link makes its entity
  gold (linking it confirms it); a gold quotation's source or a gold
  cluster's mention refers to an item only when that item is gold.
- A layer whose items are the record's (in any order) stays as it was.
"""

from __future__ import annotations

import copy
import json
import re
from collections import defaultdict, deque
from collections.abc import Hashable, Iterator, Sequence
from typing import Any

from newscorpus.io.tool_annotations import ImportedDocument, ImportedQuote
from newscorpus.record.provenance import assemble_layer, entry_of
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


Part = tuple[dict[str, Any], dict[str, Any]]  # an item and its provenance entry


class _Provenance:
    """Decides each imported item's provenance: the record item's when untouched, else this import's."""

    def __init__(self, record: dict[str, Any], entry: dict[str, Any], complete: bool) -> None:
        self.entry, self.complete = entry, complete
        self._previous: dict[tuple[str, str], dict[str, Any]] = {}  # (layer, item as JSON) -> its entry
        for name, layer in record["layers"].items():
            if not isinstance(layer.get("provenance"), list):
                continue  # a segmentation layer: nothing to import into it
            for old in layer["items"]:
                self._previous.setdefault((name, _key(_content(old))), entry_of(layer, old))

    def part(self, layer: str, item: dict[str, Any], confirmed: bool = False) -> Part:
        """``item`` (without provenance fields) with its entry: the record's equal item's, or the import's."""
        entry = self._previous.get((layer, _key(item)))
        if entry is None or ((confirmed or self.complete) and entry["kind"] != "gold"):
            return item, self.entry
        return item, entry


def _key(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _content(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in ("provenance", "gold")}


def _entity_parts(record: dict[str, Any], imported: ImportedDocument, provenance: _Provenance) -> list[Part]:
    text = record["text"]
    entities = sorted(imported.entities, key=lambda e: (e.span.start, e.span.end))
    previous = [((e["start"], e["end"]), e["id"]) for e in record["layers"]["entities"]["items"]]
    keys = [(e.span.start, e.span.end) for e in entities]
    ids = _assign_ids(keys, previous, "e", _next_number(record, "e"))
    return [
        provenance.part("entities", {"id": item_id, **_span_dict(text, e.span), "label": e.label}, e.confirmed)
        for item_id, e in zip(ids, entities, strict=True)
    ]


def _link_parts(
    record: dict[str, Any],
    imported: ImportedDocument,
    entity_id_at: dict[tuple[int, int], str],
    provenance: _Provenance,
) -> list[Part]:
    entity_ids = [entity_id_at[link.entity.start, link.entity.end] for link in imported.links]
    previous = [(link["entity"], link["id"]) for link in record["layers"]["entity_links"]["items"]]
    ids = _assign_ids(entity_ids, previous, "l", _next_number(record, "l"))
    return [
        provenance.part("entity_links", {"id": item_id, "entity": entity_id, "qid": link.qid, "note": link.note})
        for item_id, entity_id, link in zip(ids, entity_ids, imported.links, strict=True)
    ]


def _quote_parts(
    record: dict[str, Any], imported: ImportedDocument, provenance: _Provenance, gold_mentions: set[str]
) -> list[Part]:
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
    parts = []
    for item_id, q in zip(ids, quotes, strict=True):
        item = {
            "id": item_id,
            "type": q.type,
            "content": _span_dict(text, q.content),
            "cue": None if q.cue is None else _span_dict(text, q.cue),
            "source": source(q),
        }
        item, entry = provenance.part("quotations", item, q.confirmed)
        mention = (item["source"] or {}).get("mention")
        if entry["kind"] == "gold" and mention is not None and mention not in gold_mentions:
            item = {**item, "source": {**item["source"], "mention": None}}  # convert remakes automatic mentions
        parts.append((item, entry))
    return parts


def _same_layer(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether ``new`` holds the items of ``old`` with the same provenance, in any order."""

    def key(layer: dict[str, Any]) -> list[str]:
        return sorted(repr((_content(item), entry_of(layer, item))) for item in layer["items"])

    return old["complete"] == new["complete"] and key(old) == key(new)


def _promote(parts: list[Part], ids: set[str], entry: dict[str, Any]) -> list[Part]:
    """Parts whose item id is in ``ids`` made gold with ``entry`` (already gold ones keep theirs)."""
    return [(item, entry if item["id"] in ids and e["kind"] != "gold" else e) for item, e in parts]


def merge_annotations(
    record: dict[str, Any], imported: ImportedDocument, provenance: dict[str, Any], *, complete: bool = False
) -> dict[str, Any]:
    """A copy of ``record`` with the imported annotations merged in (the record is not changed).

    ``provenance`` is this import's gold entry; ``complete`` declares every
    layer the import holds complete.
    """
    decide = _Provenance(record, provenance, complete)
    merged = copy.deepcopy(record)
    layers = merged["layers"]
    parts: dict[str, list[Part]] = {}
    if imported.entities:
        parts["entities"] = _entity_parts(record, imported, decide)
    entity_items = [item for item, _ in parts["entities"]] if "entities" in parts else layers["entities"]["items"]
    entity_id_at = {(e["start"], e["end"]): e["id"] for e in entity_items}
    if imported.links:
        parts["entity_links"] = _link_parts(record, imported, entity_id_at, decide)
    elif imported.entities:
        kept = set(entity_id_at.values())
        old_links = layers["entity_links"]
        parts["entity_links"] = [
            (link, entry_of(old_links, link)) for link in old_links["items"] if link["entity"] in kept
        ]
    gold_linked = {link["entity"] for link, entry in parts.get("entity_links", ()) if entry["kind"] == "gold"}
    if gold_linked:  # linking an entity confirms it
        entities = parts.get("entities") or [(e, entry_of(layers["entities"], e)) for e in layers["entities"]["items"]]
        parts["entities"] = _promote(entities, gold_linked, provenance)
    if "entities" in parts:
        gold_entities = {item["id"] for item, entry in parts["entities"] if entry["kind"] == "gold"}
        gold_entity_at = {span: i for span, i in entity_id_at.items() if i in gold_entities}
        for cluster in layers["coreference"]["items"]:
            refer_to = gold_entity_at if cluster["gold"] else entity_id_at
            for mention in cluster["mentions"]:
                mention["entity"] = refer_to.get((mention["start"], mention["end"]))
    if imported.quotes:
        gold_mentions = {m["id"] for c in layers["coreference"]["items"] if c["gold"] for m in c["mentions"]}
        parts["quotations"] = _quote_parts(record, imported, decide, gold_mentions)
    held = _imported_layers(imported)
    for name, layer_parts in parts.items():
        declared = complete and name in held
        still_complete = record["layers"][name]["complete"] and _all_gold(layer_parts)
        new = assemble_layer(layer_parts, complete=declared or still_complete, entries=[provenance] if declared else ())
        layers[name] = record["layers"][name] if _same_layer(record["layers"][name], new) else new
    return merged


def _all_gold(parts: list[Part]) -> bool:
    return all(entry["kind"] == "gold" for _, entry in parts)


def _imported_layers(imported: ImportedDocument) -> set[str]:
    """The layers an import holds annotation of (the ones ``complete`` applies to)."""
    held = {"entities"} if imported.entities else set()
    held |= {"entity_links"} if imported.links else set()
    return held | ({"quotations"} if imported.quotes else set())
