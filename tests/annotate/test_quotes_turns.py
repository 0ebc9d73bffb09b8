"""Attributions inside interview turns and subordinate clauses: the marker is no part of a sentence's words."""

from __future__ import annotations

from conftest import annotate, quotes


def test_a_frame_inside_a_turn_never_takes_in_the_speaker_marker(annotators):
    body = "((WN))  Were you surprised?\n\n((Jane Doe))  Yes, I would say."
    assert quotes(annotate(annotators, body)) == [
        ("direct", "Were you surprised?", None, "WN"),
        ("direct", "Yes, I would say.", None, "Jane Doe"),
    ]


def test_a_quote_inside_a_question_is_attributed_to_its_subject_not_to_the_interviewer(annotators):
    body = '((WN))  On your website, you wrote "Melbourne is too precious to be a test lab." Why?\n\n((Jane Doe))  No.'
    found = quotes(annotate(annotators, body))
    assert ("direct", '"Melbourne is too precious to be a test lab."', "wrote", "you") in found


def test_a_cue_in_a_condition_or_a_question_attributes_nothing(annotators):
    assert quotes(annotate(annotators, "So whether you knew it or not, you were asking about copyright law.")) == []
    assert quotes(annotate(annotators, "When you ask that question, you are asking about patent law.")) == []


def test_a_subordinator_is_no_part_of_the_source(annotators):
    body = "Because the law says that copies are illegal, nobody shares music."
    assert [q[3] for q in quotes(annotate(annotators, body))] == ["the law"]


def test_a_participle_after_a_noun_reports_for_the_noun_and_the_noun_of_saying_adds_nothing(annotators):
    motion = annotate(annotators, "An environmental group filed a motion claiming the state of emergency is unlawful.")
    assert quotes(motion) == [("indirect", "the state of emergency is unlawful", "claiming", "a motion")]
    statement = annotate(annotators, "The council issued a statement saying that the bridge would reopen in May.")
    assert quotes(statement) == [("indirect", "the bridge would reopen in May", "saying", "a statement")]
    assert quotes(annotate(annotators, "A flood warning covering the coast was issued.")) == []


def test_in_an_interview_initials_or_a_name_and_a_colon_open_a_turn_too(annotators):
    body = (
        "((WN))  How did the study start?\n\nNatasha Gownaris: It started in 1982.\n\n"
        "((WN))  Why penguins?\n\nNG: Penguins eat fish.\n\nNote: the interview was edited."
    )
    assert quotes(annotate(annotators, body)) == [
        ("direct", "How did the study start?", None, "WN"),
        ("direct", "It started in 1982.", None, "Natasha Gownaris"),
        ("direct", "Why penguins?", None, "WN"),
        ("direct", "Penguins eat fish.\n\nNote: the interview was edited.", None, "NG"),
    ]


def test_a_name_and_a_colon_open_no_turn_outside_an_interview(annotators):
    assert quotes(annotate(annotators, "Jane Doe: a life in music.\n\nThe concert was held on Monday.")) == []


def test_a_speaker_named_after_a_colon_is_the_source(annotators):
    body = 'The researchers noted implications for penguins: Natasha Gownaris remarked, "The team has helped."'
    expected = ("direct", '"The team has helped."', "remarked", "Natasha Gownaris")
    assert expected in quotes(annotate(annotators, body))


def test_a_comparison_with_a_verb_of_thinking_is_no_report_but_a_comment_clause_is(annotators):
    assert quotes(annotate(annotators, "They are not as safe as they think they are.")) == []
    body = "We started, as I said, we did a lot of research on it."
    assert quotes(annotate(annotators, body)) == [("indirect", "we did a lot of research on it", "said", "I")]


def test_an_object_pronoun_or_a_verb_after_its_subject_makes_no_frame(annotators):
    body = "The House confirmed him on Friday, but the Senate had not confirmed him."
    assert quotes(annotate(annotators, body)) == []


def test_a_cue_after_a_number_is_an_adjective(annotators):
    body = "Officials said 337 suspected users in 38 countries were arrested."
    expected = [("indirect", "337 suspected users in 38 countries were arrested", "said", "Officials")]
    assert quotes(annotate(annotators, body)) == expected
