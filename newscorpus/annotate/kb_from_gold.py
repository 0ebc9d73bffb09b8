"""A knowledge base made from the confirmed QIDs of gold entity links (and nothing recalled or guessed).

Only links a person confirmed count: a gold ``entity_links`` layer's items
whose QID is set (guidelines section 2.2: each carries the source that
confirmed it in its note). Each entry gathers a QID's labels as the gold
entities write them, with their types, the documents attesting each label
(and how many other gold documents left the same name and type null), and
one evidence item per attesting document. The shipped gazetteer adds no QID:
an entry only says which of its labels the gazetteer lists too, so that a
gazetteer name is linked only where gold attests it with the same type.

Which records feed it is the caller's choice: ``scripts/build_kb.py`` gives
the rule for the shipped one (openly licensed records with a complete gold
link layer outside the release's test split), and each cross-validation fold
of ``scripts/bench_links.py`` its training documents only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, read_gazetteer_file
from newscorpus.annotate.knowledge_base import KB_FORMAT, LINKABLE_TYPES, normalise_name

LICENCE = (
    "The QIDs are facts from Wikidata (CC0 1.0); the labels are names as written in the Wikinews articles "
    "(CC BY 2.5) that attest them; the evidence notes are the project's annotations (LICENSE-ANNOTATIONS)."
)


def _gold_links(record: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(link, its entity, its provenance entry) for each gold link of a linkable entity."""
    entities = {entity["id"]: entity for entity in record["layers"]["entities"]["items"]}
    layer = record["layers"]["entity_links"]
    for link in layer["items"]:
        entity = entities.get(link["entity"])
        if link["gold"] and entity is not None and entity["label"] in LINKABLE_TYPES:
            yield link, entity, layer["provenance"][link["provenance"]]


def _gazetteer_keys(path: Path) -> set[tuple[str, str]]:
    return {(normalise_name(name), label) for name, label in read_gazetteer_file(path).items()}


def build_knowledge_base(
    records: Iterable[dict[str, Any]], gazetteer: Path | None = SHIPPED_GAZETTEER
) -> dict[str, Any]:
    """The knowledge base document (format ``newscorpus-kb/1``) of the gold links of ``records``.

    Deterministic: records are read in id order, entries sorted by QID number
    and labels by type and name, so the same gold gives the same bytes.
    """
    by_id = {record["id"]: record for record in records}
    labels: dict[str, dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    documents: dict[str, set[str]] = defaultdict(set)
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    null_documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    for document_id in sorted(by_id):
        for link, entity, entry in _gold_links(by_id[document_id]):
            key = (normalise_name(entity["text"]), entity["label"])
            qid = link["qid"]
            if qid is None:
                null_documents[key].add(document_id)
                continue
            label = labels[qid].setdefault(key, {"text": entity["text"], "type": entity["label"], "documents": set()})
            label["documents"].add(document_id)
            if document_id not in documents[qid]:
                documents[qid].add(document_id)
                evidence[qid].append(
                    {
                        "record": document_id,
                        "link": link["id"],
                        "annotators": list(entry.get("annotators") or []),
                        "note": link["note"],
                    }
                )
    listed = _gazetteer_keys(gazetteer) if gazetteer is not None else set()
    entries = []
    for qid in sorted(labels, key=lambda q: int(q[1:])):
        entry_labels = [
            {
                "text": label["text"],
                "type": label["type"],
                "documents": len(label["documents"]),
                "null_documents": len(null_documents.get(key, set()) - label["documents"]),
                "gazetteer": key in listed,
            }
            for key, label in sorted(labels[qid].items(), key=lambda item: (item[0][1], item[0][0]))
        ]
        entries.append(
            {
                "qid": qid,
                "labels": entry_labels,
                "types": sorted({label["type"] for label in entry_labels}),
                "documents": len(documents[qid]),
                "evidence": evidence[qid],
            }
        )
    return {
        "format": KB_FORMAT,
        "licence": LICENCE,
        "built_from": {"documents": len(by_id), "records": sorted(by_id)},
        "entries": entries,
    }
