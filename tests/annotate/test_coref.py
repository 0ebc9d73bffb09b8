"""The coreference annotator on hard cases: aliases, appositions and pronouns.

Each case is a small article converted like a contributor's capture; every
annotated record must also pass `newscorpus validate`.
"""

from __future__ import annotations

from conftest import annotate, cluster_of_source, cluster_texts, quotes


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
