"""Entity link scores: precision of predicted QIDs, coverage of gold named mentions, per type."""

from __future__ import annotations

import copy
from typing import Any

from newscorpus.evaluate import evaluate_records
from newscorpus.record.provenance import auto, gold

GOLD = gold(["A. Person"], "2026-12-01")
TOOL = auto("newscorpus.annotate.linker", "test")
TEXT = "Putin met Lukashenko in Minsk on Friday; Belarusians and the Kremlin watched."


def _span(text: str, label: str, number: int) -> dict[str, Any]:
    start = TEXT.index(text)
    return {"id": f"e{number}", "start": start, "end": start + len(text), "text": text, "label": label}


ENTITIES = [
    _span("Putin", "PERSON", 1),
    _span("Lukashenko", "PERSON", 2),
    _span("Minsk", "GPE", 3),
    _span("Friday", "DATE", 4),
    _span("Belarusians", "NORP", 5),
    _span("Kremlin", "ORG", 6),
]


def record(links: dict[str, str | None], entry: dict[str, Any], entities: list[dict[str, Any]] = ENTITIES) -> dict:
    items = [
        {"id": f"l{n}", "entity": entity_id, "qid": qid, "note": "x", "provenance": 0, "gold": entry is GOLD}
        for n, (entity_id, qid) in enumerate(links.items(), start=1)
    ]
    complete = entry is GOLD
    layer = {
        "provenance": [entry],
        "complete": complete,
        "items": [{**e, "provenance": 0, "gold": complete} for e in entities],
    }
    return {
        "id": "doc",
        "text": TEXT,
        "layers": {
            "tokens": {"starts": [], "ends": []},
            "entities": layer,
            "entity_links": {"provenance": [entry], "complete": complete, "items": items},
            "coreference": {"provenance": [], "complete": False, "items": []},
            "quotations": {"provenance": [], "complete": False, "items": []},
            "timex": {"provenance": [], "complete": False, "items": []},
        },
    }


GOLD_RECORD = record({"e1": "Q7747", "e2": "Q2866", "e3": "Q2280", "e5": None, "e6": None}, GOLD)


def link_rows(predicted: dict[str, Any]) -> dict[str, Any]:
    evaluation = evaluate_records({"doc": GOLD_RECORD}, {"doc": predicted})
    return {row.measure: row.scores["exact"] for row in evaluation.rows if row.layer == "entity_links"}


def counts(score: Any) -> tuple[float, float, float, float]:
    return score.matched_predicted, score.predicted, score.matched_gold, score.gold


def test_a_qid_on_a_gold_null_mention_is_wrong_and_coverage_counts_every_named_mention():
    # Right for Putin, wrong for Lukashenko, a QID where gold says null (Kremlin), nothing for Minsk.
    predicted = record({"e1": "Q7747", "e2": "Q1", "e6": "Q1"}, TOOL)
    rows = link_rows(predicted)
    assert counts(rows["qid"]) == (1, 3, 1, 3)  # gold links with a QID: Putin, Lukashenko, Minsk
    assert counts(rows["coverage"]) == (1, 3, 1, 5)  # named mentions: five (Friday is a date)
    assert counts(rows["linked"]) == (3, 3, 3, 5)
    assert counts(rows["coverage-PERSON"]) == (1, 2, 1, 2)
    assert counts(rows["coverage-ORG"]) == (0, 1, 0, 1)
    assert counts(rows["coverage-GPE"]) == (0, 0, 0, 1)


def test_no_links_score_nothing_and_gold_against_itself_covers_what_gold_linked():
    assert counts(link_rows(record({}, TOOL))["coverage"]) == (0, 0, 0, 5)
    rows = link_rows(copy.deepcopy(GOLD_RECORD))
    assert counts(rows["qid"]) == (3, 3, 3, 3)
    assert counts(rows["coverage"]) == (3, 3, 3, 5)  # the two null links bound coverage at 3/5


def test_links_follow_their_entity_by_span_and_overlap_forgives_a_boundary():
    entities = copy.deepcopy(ENTITIES)
    entities[0] = {**entities[0], "id": "e9", "end": entities[0]["end"] + len(" met")}
    predicted = record({"e9": "Q7747"}, TOOL, entities)
    evaluation = evaluate_records({"doc": GOLD_RECORD}, {"doc": predicted})
    rows = {row.measure: row.scores for row in evaluation.rows if row.layer == "entity_links"}
    assert rows["coverage"]["exact"].matched_gold == 0
    assert rows["coverage"]["overlap"].matched_gold == 1
