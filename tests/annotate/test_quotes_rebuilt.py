"""The rebuilt quotation rules: interview turns, "according to", frames with a setting, speakers beside places."""

from __future__ import annotations

from conftest import annotate, quotes


def test_interview_turns_are_direct_quotations_of_the_marker_name_without_cue(annotators):
    body = (
        "Wikinews spoke to the scientist Jane Doe about her work.\n\n"
        "((WN)) What did you find?\n\n"
        "((Jane Doe)): We found water on the moon.\n\n"
        "It was a long search."
    )
    record = annotate(annotators, body)
    assert quotes(record)[-2:] == [
        ("direct", "What did you find?", None, "WN"),
        ("direct", "We found water on the moon.\n\nIt was a long search.", None, "Jane Doe"),
    ]


def test_according_to_before_or_after_a_clause_is_indirect(annotators):
    body = "According to Tom Baker, the bridge will reopen next week.\n\nThe fire was small, according to the police."
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "the bridge will reopen next week", "According to", "Tom Baker"),
        ("indirect", "The fire was small", "according to", "the police"),
    ]


def test_a_closing_frame_after_a_comma_reports_the_clause_before_it(annotators):
    body = "Three people were injured in the crash, Tom Baker said."
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "Three people were injured in the crash", "said", "Tom Baker")
    ]


def test_a_cue_with_a_setting_before_the_quote_is_direct_and_the_content_is_the_quote(annotators):
    body = 'Tom Baker said via Twitter: "The trains are cancelled today."'
    assert quotes(annotate(annotators, body)) == [("direct", '"The trains are cancelled today."', "said", "Tom Baker")]


def test_a_place_named_before_the_speaker_is_not_the_source(annotators):
    body = '"We will not give up," London police spokeswoman Jane Doe said.'
    [(kind, content, cue, source)] = quotes(annotate(annotators, body))
    assert (kind, content, cue, source) == ("direct", '"We will not give up,"', "said", "Jane Doe")


def test_a_mixed_quote_stops_at_the_comma_after_its_closing_mark(annotators):
    body = 'Tom Baker alleged the officials are "hiding the figures", which the ministry denies.'
    assert quotes(annotate(annotators, body))[0] == (
        "mixed",
        'the officials are "hiding the figures"',
        "alleged",
        "Tom Baker",
    )


def test_a_paragraph_ending_with_a_cue_and_colon_frames_the_next_paragraphs_quote(annotators):
    body = 'Tom Baker, the mayor, stated:\n\n"The roads will be closed until Monday."'
    assert quotes(annotate(annotators, body)) == [
        ("direct", '"The roads will be closed until Monday."', "stated", "Tom Baker")
    ]


def test_a_short_quoted_phrase_without_cue_or_speaker_is_a_scare_quote(annotators):
    body = 'The so-called "miracle cure" was sold in shops across the country.'
    assert quotes(annotate(annotators, body)) == []


def test_according_to_a_bare_plural_and_after_a_semicolon(annotators):
    body = "Two people were on board; according to investigators, one died at the scene."
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "one died at the scene", "according to", "investigators")
    ]
