"""The quotation annotator on hard cases: direct, mixed and indirect quotes, cues and sources.

Each case is a small article converted like a contributor's capture; every
annotated record must also pass `newscorpus validate`.
"""

from __future__ import annotations

from conftest import annotate, cluster_of_source, quotes

from newscorpus.convert.decode import RawCapture
from newscorpus.convert.record import build_record


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
    # The inner quote is a record of its own too, framed by "told" (guidelines 7.14).
    assert quotes(record) == [
        ("direct", "\u201cHe told me \u2018we are done,\u2019 and I believed him,\u201d", "said", "Smith"),
        ("direct", "\u2018we are done,\u2019", "told", "He"),
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
    # "my" inside the quote is the speaker's (guidelines 7.14), so it joins her cluster.
    assert cluster_of_source(record, 0) == ["Maria Lopez", "my", "she"]


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


def test_a_cue_that_ends_the_text_with_no_subject_before_it_attributes_nothing(annotators):
    # found by tests/test_fuzz.py: the subject search read the token after the last one
    record = annotate(annotators, "a\n\nsaid")
    assert record["layers"]["quotations"]["items"] == []
