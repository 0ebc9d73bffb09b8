"""Reports with no clause right after the cue: noun-phrase objects, infinitives after an object, late clauses."""

from __future__ import annotations

from conftest import annotate, quotes


def test_a_noun_phrase_object_of_a_verb_of_communication_is_the_content(annotators):
    # Guidelines 4.2 give this one as indirect speech.
    body = "Police have used extreme violence and detainees have reported beatings and torture in prison."
    expected = [("indirect", "beatings and torture in prison", "reported", "detainees")]
    assert quotes(annotate(annotators, body)) == expected


def test_a_noun_phrase_object_of_a_verb_of_finding_or_a_bare_pronoun_is_no_report(annotators):
    assert quotes(annotate(annotators, "Police found a body in the river.")) == []
    assert quotes(annotate(annotators, "Jane Doe confirmed it.")) == []


def test_called_for_takes_its_object_and_a_quantifier_can_be_the_subject(annotators):
    body = "The choice was not uncontested. Some called for younger leadership."
    assert quotes(annotate(annotators, body)) == [("indirect", "younger leadership", "called for", "Some")]


def test_a_noun_phrase_content_stops_before_a_contrasting_clause(annotators):
    body = "Some reported wanting to draft new laws, while others preferred an inquiry."
    assert quotes(annotate(annotators, body)) == [("indirect", "wanting to draft new laws", "reported", "Some")]


def test_the_object_before_a_to_infinitive_is_the_addressee_not_the_content(annotators):
    asked = annotate(annotators, "Tom Baker asked the mayor to close the bridge.")
    assert quotes(asked) == [("indirect", "to close the bridge", "asked", "Tom Baker")]
    ordered = annotate(annotators, "Shortly before the call, Trump had ordered his staff to delay the aid.")
    assert quotes(ordered) == [("indirect", "to delay the aid", "ordered", "Trump")]
    assert quotes(annotate(annotators, "The minister urged them to the border.")) == []


def test_a_clause_after_a_short_adjunct_and_a_comma_is_the_content(annotators):
    body = "Jane Doe noted on Monday, the fatalities were all unvaccinated."
    expected = [("indirect", "the fatalities were all unvaccinated", "noted", "Jane Doe")]
    assert quotes(annotate(annotators, body)) == expected


def test_a_sentence_after_a_quote_that_ends_its_own_sentence_is_not_the_quote_frame(annotators):
    # The sentencizer keeps the two sentences together; the second is a report of its own.
    body = (
        'The foundation was among the first groups, which "led to dozens of bills and rules." '
        "Amundson cited improvements to the treatment of research chimpanzees."
    )
    assert quotes(annotate(annotators, body)) == [
        ("indirect", "improvements to the treatment of research chimpanzees", "cited", "Amundson")
    ]


def test_an_infinitive_goes_on_past_such_as_and_a_plural_possessive_is_no_quotation_mark(annotators):
    body = "Nancy Pelosi had agreed to support some of her opponents' plans, such as term limits for speakers."
    expected = "to support some of her opponents' plans, such as term limits for speakers"
    assert quotes(annotate(annotators, body)) == [("indirect", expected, "agreed", "Nancy Pelosi")]


def test_a_verb_coordinated_with_a_verb_that_is_no_cue_shares_the_clause_subject(annotators):
    body = "The Arapaho have plans to widen the buffalo range to 600 acres and report they are considering a merger."
    expected = [("indirect", "they are considering a merger", "report", "Arapaho")]
    assert quotes(annotate(annotators, body)) == expected


def test_according_to_inside_a_phrase_attributes_the_rest_of_the_phrase(annotators):
    body = "The outbreak killed at least 62, including, according to government reports, 54 small children."
    expected = [("indirect", "54 small children", "according to", "government reports")]
    assert quotes(annotate(annotators, body)) == expected


def test_a_closing_frame_may_end_in_a_time_and_stand_before_a_dash(annotators):
    body = "State prosecutors charged the suspect with murder, they said Sunday \u2014 a crime with the death penalty."
    expected = [("indirect", "State prosecutors charged the suspect with murder", "said", "they")]
    assert quotes(annotate(annotators, body)) == expected


def test_an_inverted_frame_may_stand_before_a_with_clause(annotators):
    body = "A gunman shot shoppers at a store in El Paso on Saturday, reported officials, with 25 others injured."
    expected = [("indirect", "A gunman shot shoppers at a store in El Paso on Saturday", "reported", "officials")]
    assert quotes(annotate(annotators, body)) == expected


def test_a_noun_of_attitude_after_a_light_verb_cues_a_that_clause_only(annotators):
    body = "Both sides expressed confidence that all the problems will be resolved soon."
    expected = [("indirect", "all the problems will be resolved soon", "confidence", "Both sides")]
    assert quotes(annotate(annotators, body)) == expected
    assert quotes(annotate(annotators, "His hopes for a quick win faded.")) == []
