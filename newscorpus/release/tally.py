"""The figures the dataset card shows, counted in one pass over the records.

Each shard task fills a tally while it writes its shard (it reads every record
of the shard once anyway); the release writer merges the shards' tallies and
hands the result to the card. The card thus never reads a record itself: a
100k-document build reads each record once, not once per figure.

Merging is order-independent (sums, unions, minima; the example row and layer
order come from the document with the smallest id), so a tally does not depend
on how shards were spread over workers.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newscorpus.licensing import is_open_license, needs_attribution

Row = dict[str, Any]
COUNTED_LABELS = (("entities", "label"), ("quotations", "type"), ("timex", "type"))


def layer_size(layer: dict[str, Any]) -> int:
    """Items of a layer: annotations, or spans for the offset-array layers (tokens, sentences, paragraphs)."""
    return len(layer.get("items") or layer.get("starts") or [])


def _document_id(attribution: tuple[str, dict[str, str]]) -> str:
    return attribution[0]


@dataclass(frozen=True, slots=True, order=True)
class ExampleRow:
    """A config's first row in a document; the card shows the one of the smallest document id."""

    document_id: str
    row: Row = field(compare=False)


@dataclass(slots=True)
class LayerTally:
    """One layer over the corpus: items and documents by provenance kind, and who made them."""

    items_by_kind: Counter[str] = field(default_factory=Counter)
    documents_by_kind: Counter[str] = field(default_factory=Counter)
    makers: set[str] = field(default_factory=set)
    items: int = 0

    def add(self, layer: dict[str, Any]) -> None:
        size = layer_size(layer)
        self.items += size
        provenance = layer.get("provenance")
        if isinstance(provenance, list):  # a span layer: provenance per item
            kinds = Counter("gold" if item["gold"] else "auto" for item in layer["items"])
            if layer["complete"] and not kinds:
                kinds["gold"] = 0  # declared complete with nothing to annotate: a gold document all the same
            used = {item["provenance"] for item in layer["items"]}
            entries = [entry for index, entry in enumerate(provenance) if index in used or layer["complete"]]
        elif provenance:
            kinds, entries = Counter({provenance["kind"]: size}), [provenance]
        else:
            return
        self.items_by_kind.update(kinds)
        self.documents_by_kind.update(kinds.keys())
        for entry in entries:
            self.makers.update(entry["annotators"] or [f"{entry['tool']} {entry['version']}"])

    def merge(self, other: LayerTally) -> None:
        self.items_by_kind.update(other.items_by_kind)
        self.documents_by_kind.update(other.documents_by_kind)
        self.makers |= other.makers
        self.items += other.items


@dataclass(slots=True)
class CardTally:
    """Counts over a set of records: documents, layers, labels, links, mentions, sources, licences, example rows."""

    documents: int = 0
    words: int = 0  # whitespace-separated words of the normalized text, headline and dateline included
    first_id: str | None = None
    layer_order: tuple[str, ...] = ()
    layers: dict[str, LayerTally] = field(default_factory=dict)
    labels: dict[str, Counter[str]] = field(default_factory=dict)  # "<layer>.<key>" -> label counts
    # "<layer>.<key>" -> (label, "gold" or "auto") -> items
    labels_by_kind: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    linked: int = 0  # entity links with a Wikidata id
    mentions: int = 0  # coreference mentions
    languages: set[str] = field(default_factory=set)
    publishers: Counter[str] = field(default_factory=Counter)
    first_date: str | None = None
    last_date: str | None = None
    undated: int = 0  # documents whose publication date was not established
    # (publisher, SPDX id or "" when the text is not openly licensed) -> documents: the parts of the corpus
    parts: Counter[tuple[str, str]] = field(default_factory=Counter)
    open_documents: int = 0  # documents whose text is openly licensed (newscorpus.licensing)
    attributions: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (id, attribution), by id
    examples: dict[str, ExampleRow] = field(default_factory=dict)  # config -> its first row

    @classmethod
    def of(cls, records: Iterable[dict[str, Any]], rows_by_config: dict[str, Any] | None = None) -> CardTally:
        """The tally of ``records``; ``rows_by_config`` maps a config to ``record -> encoded rows`` for examples."""
        tally = cls()
        for record in records:
            tally.add(record)
            for config, rows in (rows_by_config or {}).items():
                tally.offer_example(config, record["id"], rows(record))
        return tally

    def add(self, record: dict[str, Any]) -> None:
        """Count one record."""
        self.documents += 1
        if self.first_id is None or record["id"] < self.first_id:
            self.first_id, self.layer_order = record["id"], tuple(record["layers"])
        layers = record["layers"]
        for name, layer in layers.items():
            self.layers.setdefault(name, LayerTally()).add(layer)
        for layer, key in COUNTED_LABELS:
            self.labels.setdefault(f"{layer}.{key}", Counter()).update(item[key] for item in layers[layer]["items"])
            self.labels_by_kind.setdefault(f"{layer}.{key}", Counter()).update(
                (item[key], "gold" if item["gold"] else "auto") for item in layers[layer]["items"]
            )
        self.linked += sum(1 for link in layers["entity_links"]["items"] if link["qid"])
        self.mentions += sum(len(cluster["mentions"]) for cluster in layers["coreference"]["items"])
        source = record["source"]
        self.words += len(record["text"].split())
        self.languages.add(source["language"])
        publisher = source["publisher"] or "unknown publisher"
        self.publishers[publisher] += 1
        self.parts[publisher, source["license_id"] or ""] += 1
        if is_open_license(source["license_id"]):
            self.open_documents += 1
        if needs_attribution(source["license_id"]) and source["attribution"]:
            insort(self.attributions, (record["id"], source["attribution"]), key=_document_id)
        date = record["metadata"]["publication_date"]["value"]
        if date:
            self.first_date = min(self.first_date or date, date)
            self.last_date = max(self.last_date or date, date)
        else:
            self.undated += 1

    def offer_example(self, config: str, document_id: str, rows: Iterable[Row]) -> None:
        """Keep the document's first row as the config's example if no earlier document gave one."""
        kept = self.examples.get(config)
        if kept is not None and kept.document_id <= document_id:
            return
        first = next(iter(rows), None)
        if first is not None:
            self.examples[config] = ExampleRow(document_id, first)

    def merge(self, other: CardTally) -> None:
        """Add another tally's counts (of other documents) to this one."""
        self.documents += other.documents
        self.words += other.words
        if other.first_id is not None and (self.first_id is None or other.first_id < self.first_id):
            self.first_id, self.layer_order = other.first_id, other.layer_order
        for name, layer in other.layers.items():
            self.layers.setdefault(name, LayerTally()).merge(layer)
        for key, counts in other.labels.items():
            self.labels.setdefault(key, Counter()).update(counts)
        for key, by_kind in other.labels_by_kind.items():
            self.labels_by_kind.setdefault(key, Counter()).update(by_kind)
        self.linked += other.linked
        self.mentions += other.mentions
        self.languages |= other.languages
        self.publishers.update(other.publishers)
        self.parts.update(other.parts)
        self.open_documents += other.open_documents
        self.attributions = sorted([*self.attributions, *other.attributions], key=_document_id)
        self.undated += other.undated
        for date in (other.first_date, other.last_date):
            if date:
                self.first_date = min(self.first_date or date, date)
                self.last_date = max(self.last_date or date, date)
        for config, example in other.examples.items():
            if config not in self.examples or example < self.examples[config]:
                self.examples[config] = example


def most_common(counts: Counter[Any]) -> list[tuple[Any, int]]:
    """Counts from the largest, ties by name: the same order whatever order the counts were merged in."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
