"""The entity annotator on hard cases: token boundaries, gazetteer, shapes and propagation.

Each case is a small article converted like a contributor's capture; every
annotated record must also pass `newscorpus validate`.
"""

from __future__ import annotations

import itertools
from typing import Any

from conftest import annotate

from newscorpus.convert.decode import RawCapture
from newscorpus.convert.record import build_record


def entities(record: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["text"], e["label"]) for e in record["layers"]["entities"]["items"]]


def test_titles_stay_outside_a_person_and_the_surname_is_found_again(annotators):
    body = "President Vladimir Putin spoke. Later Putin left, and Putin\u2019s aides stayed."
    assert entities(annotate(annotators, body)) == [
        ("Vladimir Putin", "PERSON"),
        ("Putin", "PERSON"),
        ("Putin", "PERSON"),
    ]


def test_gazetteer_names_numbers_and_dates_get_their_ontonotes_types(annotators):
    body = "Belarus detained 33 Russians on Friday, a rise of 5 percent, costing $2 million."
    assert entities(annotate(annotators, body)) == [
        ("Belarus", "GPE"),
        ("33", "CARDINAL"),
        ("Russians", "NORP"),
        ("Friday", "DATE"),
        ("5 percent", "PERCENT"),
        ("$2 million", "MONEY"),
    ]


def test_a_credit_line_gives_the_photographer_and_the_agency(annotators):
    record = build_record(
        RawCapture("corpus/raw/test/c.txt", "Storm Hits Coast\n\nJane Roe / AFP\n\nThe storm hit.", "0" * 64),
        None,
        annotators,
    )
    assert entities(record)[:2] == [("Jane Roe", "PERSON"), ("AFP", "ORG")]


def test_vague_time_words_are_timex_but_not_date_entities(annotators):
    record = annotate(annotators, "The problems will be resolved soon.")
    assert entities(record) == []
    assert [t["text"] for t in record["layers"]["timex"]["items"]] == ["soon"]


def test_entities_are_flat_and_on_token_boundaries(annotators):
    record = annotate(annotators, "The European Union and the U.S. met in New York; EU officials from Port Ellis came.")
    spans = [(e["start"], e["end"]) for e in record["layers"]["entities"]["items"]]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    tokens = record["layers"]["tokens"]
    assert {s for s, _ in spans} <= set(tokens["starts"]) and {e for _, e in spans} <= set(tokens["ends"])
    assert ("European Union", "ORG") in entities(record) and ("U.S.", "GPE") in entities(record)
