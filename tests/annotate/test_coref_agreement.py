"""Coreference: nominal mentions, number and gender agreement, appositions, copulas, speech pronouns.

Each case is a small article annotated as convert does (entities from the
rules, so that the names are known); each asserts what the rule adds and,
where a rule could overreach, what it must not do.
"""

from __future__ import annotations

from conftest import annotate, cluster_texts

from newscorpus.annotate.gender import FEMININE, MASCULINE, compatible, gender_of_word, pronoun_features


def cluster_with(record: dict, text: str) -> list[str]:
    """The texts of the (first) cluster holding a mention with ``text``; empty when none does."""
    return next((cluster for cluster in cluster_texts(record) if text in cluster), [])


def test_she_never_joins_a_cluster_known_to_be_masculine(annotators):
    record = annotate(annotators, "Anna Berg met Mr Tom Hale on Monday. She thanked him.")
    assert "She" not in cluster_with(record, "Tom Hale")
    assert cluster_with(record, "Anna Berg") == ["Anna Berg", "She"]
    assert cluster_with(record, "Tom Hale") == ["Tom Hale", "him"]


def test_a_person_known_to_be_a_woman_wins_over_a_more_recent_person_of_unknown_gender(annotators):
    body = "Anna Berg said her plan would work. She spoke opposite Tom Hale. She smiled."
    record = annotate(annotators, body)
    assert cluster_with(record, "Anna Berg") == ["Anna Berg", "her", "She", "She"]
    assert "She" not in cluster_with(record, "Tom Hale")


def test_gender_follows_from_the_first_pronoun_and_blocks_the_other(annotators):
    record = annotate(annotators, "Tom Hale arrived late. He apologised. Sam Lee waved. She left.")
    # Sam Lee's gender is unknown: "She" may join Sam Lee, never Tom Hale (now known as "he").
    assert cluster_with(record, "Tom Hale") == ["Tom Hale", "He"]
    assert cluster_with(record, "Sam Lee") == ["Sam Lee", "She"]


def test_a_reflexive_is_a_pronoun_mention_of_its_antecedent(annotators):
    record = annotate(annotators, "Tom Hale hurt himself on Monday.")
    assert cluster_with(record, "Tom Hale") == ["Tom Hale", "himself"]
    kinds = {m["text"]: m["kind"] for c in record["layers"]["coreference"]["items"] for m in c["mentions"]}
    assert kinds["himself"] == "pronoun"


def test_a_definite_description_joins_the_organisation_it_fits(annotators):
    record = annotate(annotators, "Acme Corporation reported a loss on Monday. The company blamed the weather.")
    assert cluster_with(record, "Acme Corporation") == ["Acme Corporation", "The company"]


def test_a_title_before_a_name_lets_a_later_description_find_the_person(annotators):
    body = "Prime Minister Boris Johnson spoke in London. Later the prime minister left."
    record = annotate(annotators, body)
    assert cluster_with(record, "Boris Johnson") == ["Boris Johnson", "the prime minister"]


def test_an_apposition_stops_before_its_prepositional_tail(annotators):
    record = annotate(annotators, "Tim Cook, the chief executive of Apple, spoke on Monday.")
    assert cluster_with(record, "Tim Cook") == ["Tim Cook", "the chief executive"]


def test_a_copula_describes_the_name_without_making_the_predicate_a_mention(annotators):
    body = "Jane Roe is the curator of the museum. On Monday the curator opened a new wing."
    record = annotate(annotators, body)
    assert cluster_with(record, "Jane Roe") == ["Jane Roe", "the curator"]  # the later description, not the predicate
    assert cluster_with(record, "Jane Roe")[1] == "the curator"
    starts = [m["start"] for c in record["layers"]["coreference"]["items"] for m in c["mentions"]]
    assert record["text"].index("the curator of") not in starts


def test_a_descriptor_before_a_name_is_a_nominal_mention_and_a_title_word_is_not(annotators):
    record = annotate(annotators, "The talk was given by astronomer Anna Berg and by Senator Ted Cruz.")
    assert cluster_with(record, "Anna Berg") == ["astronomer", "Anna Berg"]
    assert cluster_with(record, "Ted Cruz") == []  # "Senator" alone is part of neither (guidelines 7.14)


def test_phrases_with_one_head_noun_chain_and_an_indefinite_one_starts_a_new_referent(annotators):
    body = "A study was published on Monday. The study found little. A study in May found more."
    record = annotate(annotators, body)
    assert ["A study", "The study"] in cluster_texts(record)
    assert not any("A study" in c and len(c) > 2 for c in cluster_texts(record))


def test_a_more_specific_phrase_does_not_join_a_bare_one(annotators):
    body = "The government met on Monday. The Mexican government protested. The Mexican government left."
    record = annotate(annotators, body)
    assert ["The Mexican government", "The Mexican government"] in cluster_texts(record)
    assert not any("The government" in c and "The Mexican government" in c for c in cluster_texts(record))


def test_first_person_in_a_quotation_joins_its_source(annotators):
    record = annotate(annotators, "\u201cI am tired of my job,\u201d Anna Berg said on Monday.")
    assert cluster_with(record, "Anna Berg") == ["I", "my", "Anna Berg"]


def test_you_in_an_interviewers_question_joins_the_interviewee(annotators):
    body = "((WN)) Where were you born?\n\n((Anna Berg)) I was born in Oslo."
    record = annotate(annotators, body)
    assert cluster_with(record, "I") == ["you", "Anna Berg", "I"]


def test_pronoun_features_and_gender_words():
    assert pronoun_features("she").gender == FEMININE
    assert pronoun_features("their").number == "plural"
    assert pronoun_features("myself").person == 1
    assert pronoun_features("table") is None
    assert gender_of_word("Mrs.") == FEMININE and gender_of_word("spokesman") == MASCULINE
    assert gender_of_word("president") is None
    assert compatible(FEMININE, None) and compatible(None, MASCULINE) and not compatible(FEMININE, MASCULINE)


def test_they_goes_to_a_plural_phrase_of_the_sentence_before_and_not_further(annotators):
    body = "The astronomers watched the sky. They saw nothing. Anna Berg left on Monday. Tom Hale stayed. They slept."
    record = annotate(annotators, body)
    assert cluster_with(record, "The astronomers") == ["The astronomers", "They"]  # the second "They" is too far


def test_he_inside_a_quotation_is_resolved_while_it_is_left_out(annotators):
    body = "Tom Hale lost on Monday. \u201cHe played well and it showed,\u201d the coach said."
    record = annotate(annotators, body)
    assert cluster_with(record, "Tom Hale") == ["Tom Hale", "He"]
    assert cluster_with(record, "it") == []
