"""What is measured of entity links: precision of the QIDs given, and how much of the named mentions they cover.

A predicted link counts only when it gives a QID, and it is right only when
its entity matches a gold entity (exactly, or by overlap, one to one) whose
gold link has the same QID. A QID predicted on an entity whose gold link is
null counts as wrong: null means no source confirmed a QID for that mention.
Measures (each with the exact and overlap modes of the other layers):

* ``qid``: predicted QIDs against the gold links that have a QID (precision:
  share of predicted QIDs that are right; recall: share of gold QIDs found);
* ``coverage``: the same predictions against every gold *named mention* (an
  entity of a linkable type, guidelines section 2.1, whatever its gold link
  says): recall is the share of named mentions that get the right QID;
* ``linked``: recall is the share of named mentions that get a QID at all,
  right or wrong (precision: share of predicted QIDs on a gold named mention);
* ``coverage-<TYPE>``: ``coverage`` restricted to gold named mentions of one
  type and to predicted links of entities of that type.

Gold named mentions whose gold link is null can never be covered, so the
share of gold links with a QID bounds ``coverage`` from above.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newscorpus.evaluate.matching import MODES, Extent, Item, Score, span_score

Record = dict[str, Any]
Measures = Iterator[tuple[str, dict[str, Score]]]
LINKABLE = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_NO_QID = object()  # the key of a gold mention without a QID: equal to no prediction's key


def _named_mentions(record: Record) -> list[tuple[Extent, str, Any]]:
    """(span, type, QID or the no-QID key) of every entity of a linkable type."""
    layers = record["layers"]
    qid_of = {link["entity"]: link["qid"] for link in layers["entity_links"]["items"] if link["qid"]}
    return [
        ((entity["start"], entity["end"]), entity["label"], qid_of.get(entity["id"], _NO_QID))
        for entity in layers["entities"]["items"]
        if entity["label"] in LINKABLE
    ]


def _predicted_links(record: Record) -> list[tuple[Extent, str, str]]:
    """(span, type, QID) of every predicted link that gives a QID to an entity of the record."""
    entities = {entity["id"]: entity for entity in record["layers"]["entities"]["items"]}
    return [
        ((entity["start"], entity["end"]), entity["label"], link["qid"])
        for link in record["layers"]["entity_links"]["items"]
        if link["qid"] and (entity := entities.get(link["entity"])) is not None
    ]


def _scores(gold: list[Item], predicted: list[Item]) -> dict[str, Score]:
    return {mode: span_score(gold, predicted, mode) for mode in MODES}


def score_entity_links(gold: Record, predicted: Record) -> Measures:
    mentions = _named_mentions(gold)
    links = _predicted_links(predicted)
    with_qid = [Item((span,), qid) for span, _, qid in mentions if qid is not _NO_QID]
    predicted_items = [Item((span,), qid) for span, _, qid in links]
    yield "qid", _scores(with_qid, predicted_items)
    yield "coverage", _scores([Item((span,), qid) for span, _, qid in mentions], predicted_items)
    yield "linked", _scores([Item((span,)) for span, _, _ in mentions], [Item((span,)) for span, _, _ in links])
    for entity_type in sorted({label for _, label, _ in mentions} | {label for _, label, _ in links}):
        typed_gold = [Item((span,), qid) for span, label, qid in mentions if label == entity_type]
        typed_predicted = [Item((span,), qid) for span, label, qid in links if label == entity_type]
        yield f"coverage-{entity_type}", _scores(typed_gold, typed_predicted)
