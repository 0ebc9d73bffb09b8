"""The automatic annotators on hard cases, layer by layer: quotations, timex, entities, coreference.

Each case is a small article converted like a contributor's capture; every
annotated record must also pass `newscorpus validate`.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from newscorpus.annotate.runner import AnnotateSettings, Annotators
from newscorpus.convert.decode import RawCapture
from newscorpus.convert.record import build_record
from newscorpus.record.provenance import gold
from newscorpus.validate import validate_record


@pytest.fixture(scope="module")
def annotators() -> Annotators:
    return Annotators.for_corpus([], AnnotateSettings())


def annotate(annotators: Annotators, body: str, published: str | None = "2020-08-15") -> dict[str, Any]:
    """Convert a headline plus ``body`` and annotate it with a publication date; the result must validate."""
    record = build_record(
        RawCapture("corpus/raw/test/article.txt", f"Test Headline\n\n{body}", "0" * 64), None, annotators
    )
    record["metadata"]["publication_date"] = {
        "value": published,
        "evidence": "set by the test",
        "provenance": gold("test", "2026-01-01") if published else None,
    }
    record = annotators.annotate_record(record)
    assert validate_record(record) == []
    return record


def quotes(record: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    """(type, content, cue, source) of each quotation, as text."""
    return [
        (
            q["type"],
            q["content"]["text"],
            q["cue"]["text"] if q["cue"] else None,
            q["source"]["text"] if q["source"] else None,
        )
        for q in record["layers"]["quotations"]["items"]
    ]


def cluster_texts(record: dict[str, Any]) -> list[list[str]]:
    return [[m["text"] for m in c["mentions"]] for c in record["layers"]["coreference"]["items"]]


def cluster_of_source(record: dict[str, Any], quote_index: int) -> list[str]:
    mention = record["layers"]["quotations"]["items"][quote_index]["source"]["mention"]
    for cluster in record["layers"]["coreference"]["items"]:
        if mention in {m["id"] for m in cluster["mentions"]}:
            return [m["text"] for m in cluster["mentions"]]
    raise AssertionError(f"source mention {mention!r} is in no cluster")


# Quotations


def test_he_said_after_the_quote_is_direct_and_the_pronoun_is_tied_to_the_speaker(annotators):
    record = annotate(annotators, "Jane Doe spoke to reporters.\n\n\u201cWe will rebuild the bridge,\u201d she said.")
    assert quotes(record) == [("direct", "\u201cWe will rebuild the bridge,\u201d", "said", "she")]
    assert cluster_of_source(record, 0) == ["Jane Doe", "she"]


def test_he_said_before_the_quote_is_direct_and_the_pronoun_is_tied_to_the_speaker(annotators):
    record = annotate(annotators, 'Tom Baker arrived late.\n\nHe said: "The trains were cancelled."')
    assert quotes(record) == [("direct", '"The trains were cancelled."', "said", "He")]
    assert cluster_of_source(record, 0) == ["Tom Baker", "He"]


def test_inverted_frame_names_the_speaker_without_the_title(annotators):
    record = annotate(annotators, "\u201cWe cannot leave people stranded,\u201d said Mayor Ana Ruiz.")
    assert quotes(record) == [("direct", "\u201cWe cannot leave people stranded,\u201d", "said", "Ana Ruiz")]


def test_a_split_quote_gives_two_direct_parts_with_one_cue_and_source(annotators):
    record = annotate(annotators, 'Tom Baker was calm. "We will," he said, "win this match."')
    assert quotes(record) == [
        ("direct", '"We will,"', "said", "he"),
        ("direct", '"win this match."', "said", "he"),
    ]


def test_nested_quotes_stay_inside_the_outer_quote(annotators):
    body = "\u201cHe told me \u2018we are done,\u2019 and I believed him,\u201d Smith said."
    record = annotate(annotators, body)
    assert quotes(record) == [
        ("direct", "\u201cHe told me \u2018we are done,\u2019 and I believed him,\u201d", "said", "Smith")
    ]


def test_nested_straight_quotes_stay_inside_the_outer_quote(annotators):
    record = annotate(annotators, "\"I heard him shout 'run' twice,\" the guard said.")
    assert quotes(record) == [("direct", "\"I heard him shout 'run' twice,\"", "said", "the guard")]


def test_a_quote_spanning_paragraphs_is_one_quote_with_the_frame_of_its_last_paragraph(annotators):
    body = (
        "Maria Lopez spoke on Tuesday.\n\n"
        "\u201cThe first part of my answer is long.\n\n"
        "\u201cThe second part ends here,\u201d she said."
    )
    record = annotate(annotators, body)
    content = "\u201cThe first part of my answer is long.\n\n\u201cThe second part ends here,\u201d"
    assert quotes(record) == [("direct", content, "said", "she")]
    assert cluster_of_source(record, 0) == ["Maria Lopez", "she"]


def test_a_quote_left_open_at_a_paragraph_end_without_continuation_is_not_a_quote(annotators):
    record = annotate(annotators, '"This never closes, said nobody.\n\nThe next paragraph is plain narration.')
    assert quotes(record) == []


def test_a_quote_without_a_frame_continues_the_previous_speaker(annotators):
    record = annotate(annotators, '"It is our road," said Mayor Ana Ruiz. "We will keep it."')
    assert quotes(record) == [
        ("direct", '"It is our road,"', "said", "Ana Ruiz"),
        ("direct", '"We will keep it."', None, "Ana Ruiz"),
    ]


def test_partial_quote_after_said_that_is_mixed_and_runs_to_the_sentence_end(annotators):
    record = annotate(annotators, 'The Kremlin said on Saturday that the "problems" in Belarus would be resolved.')
    assert quotes(record) == [("mixed", 'the "problems" in Belarus would be resolved', "said", "Kremlin")]


def test_a_nested_attribution_inside_a_mixed_quote_gets_its_own_source_and_cue(annotators):
    body = 'It said the two sides agreed to continue their "regular contacts."'
    record = annotate(annotators, f"The Kremlin issued a statement.\n\n{body}")
    assert quotes(record) == [
        ("mixed", 'the two sides agreed to continue their "regular contacts."', "said", "It"),
        ("mixed", 'to continue their "regular contacts."', "agreed", "the two sides"),
    ]
    assert cluster_of_source(record, 0) == ["Kremlin", "It"]


def test_according_to_puts_the_source_after_the_cue(annotators):
    record = annotate(annotators, '"Prices will fall," according to the Central Bank.')
    assert quotes(record) == [("direct", '"Prices will fall,"', "according to", "Central Bank")]


def test_scare_quotes_and_apostrophes_are_not_quotations(annotators):
    body = "The so-called \u201creform\u201d passed in the \u201990s."
    body += " The players\u2019 union and Lukashenko\u2019s aides left."
    assert quotes(annotate(annotators, body)) == []


def test_the_headline_is_not_annotated_for_attribution(annotators):
    record = build_record(
        RawCapture("corpus/raw/test/h.txt", '"We Will Win," Says Mayor\n\nThe vote is on Monday.', "0" * 64),
        None,
        annotators,
    )
    assert record["layers"]["quotations"]["items"] == []


def test_indirect_speech_needs_its_subject_right_before_the_verb(annotators):
    record = annotate(annotators, "Lukashenko has said that he opposes full unification with Russia.")
    assert quotes(record) == [("indirect", "he opposes full unification with Russia", "said", "Lukashenko")]


# Temporal expressions


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Kremlin said Saturday that talks went well.", [("Saturday", "DATE", "2020-08-15")]),
        ("Voters went to the polls on Sunday.", [("Sunday", "DATE", "2020-08-09")]),
        ("The ministers will meet on Friday.", [("Friday", "DATE", "2020-08-21")]),
        ("He met her last Saturday.", [("last Saturday", "DATE", "2020-08-08")]),
        ("He has ruled for the past 26 years.", [("the past 26 years", "DURATION", "P26Y")]),
        ("Talks lasted three days.", [("three days", "DURATION", "P3D")]),
        ("It happened three days ago.", [("three days ago", "DATE", "2020-08-12")]),
        ("Sales fell last week.", [("last week", "DATE", "2020-W32")]),
        (
            "Sales fell last month and rose this year.",
            [("last month", "DATE", "2020-07"), ("this year", "DATE", "2020")],
        ),
        ("The vote was held on August 9, 2020.", [("August 9, 2020", "DATE", "2020-08-09")]),
        ("The law came into force on 1 July.", [("1 July", "DATE", "2020-07-01")]),
        ("Elections are due in December.", [("December", "DATE", "2020-12")]),
        (
            "The decline began in 1994 and peaked in the 1990s.",
            [("1994", "DATE", "1994"), ("the 1990s", "DATE", "199X")],
        ),
        ("Problems will be resolved soon.", [("soon", "DATE", "FUTURE_REF")]),
        ("The session opens at 10 a.m. today.", [("10 a.m.", "TIME", "T10:00"), ("today", "DATE", "2020-08-15")]),
        ("The report is published every year.", [("every year", "SET", "P1Y")]),
        ("He has since changed his rhetoric; it earlier issued a claim.", []),
    ],
)
def test_timex_extent_type_and_value_against_the_publication_date(annotators, body, expected):
    record = annotate(annotators, body)
    assert [(t["text"], t["type"], t["value"]) for t in record["layers"]["timex"]["items"]] == expected


def test_without_a_publication_date_relative_values_are_null_and_absolute_ones_kept(annotators):
    record = annotate(annotators, "They met on Friday and signed on August 9, 2020.", published=None)
    values = [(t["text"], t["value"]) for t in record["layers"]["timex"]["items"]]
    assert values == [("Friday", None), ("August 9, 2020", "2020-08-09")]


# Entities


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


# Coreference


def test_full_name_surname_and_possessive_name_are_one_cluster(annotators):
    body = "Alexander Lukashenko won. Lukashenko\u2019s rivals fled, and Lukashenko stayed."
    assert cluster_texts(annotate(annotators, body)) == [["Alexander Lukashenko", "Lukashenko", "Lukashenko"]]


def test_sentence_initial_it_goes_to_the_subject_of_the_sentence_before(annotators):
    body = "In a gesture towards Russia, Belarus on Friday released the men. It earlier claimed they were spies."
    clusters = cluster_texts(annotate(annotators, body))
    assert ["Belarus", "It"] in clusters
    assert not any("Russia" in cluster for cluster in clusters)  # a singleton is not kept


def test_pleonastic_it_is_not_a_mention(annotators):
    body = "Alexander Lukashenko plays Russia off against the European Union when it suits him."
    assert cluster_texts(annotate(annotators, body)) == [["Alexander Lukashenko", "him"]]


def test_an_acronym_joins_the_name_it_abbreviates_and_appositions_join_their_name(annotators):
    body = "The European Union met. EU ministers agreed. His counterpart Alexander Stubb and Alexander Stubb spoke."
    clusters = cluster_texts(annotate(annotators, body))
    assert ["European Union", "EU"] in clusters
    assert ["His counterpart", "Alexander Stubb", "Alexander Stubb"] in clusters


def test_a_pronoun_source_of_a_quote_is_linked_to_its_antecedent(annotators):
    body = 'The Kremlin in its account of the call between Putin and Lukashenko said that "all is well."'
    record = annotate(annotators, f"{body} It said the talks were \u201cconstructive.\u201d")
    assert [q[3] for q in quotes(record)] == ["Kremlin", "It"]
    assert cluster_of_source(record, 1) == ["Kremlin", "its", "It"]
