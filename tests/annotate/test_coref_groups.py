"""Coreference: "we" in a quotation joins the speaker's organisation (guidelines 7.14), bare plurals, titles."""

from __future__ import annotations

from conftest import annotate, cluster_texts

from newscorpus.annotate.bare_nouns import is_group_noun, singular_of


def cluster_with(record: dict, text: str) -> list[str]:
    return next((cluster for cluster in cluster_texts(record) if text in cluster), [])


def test_we_in_a_quote_by_an_organisations_spokesperson_joins_the_organisation(annotators):
    body = 'Acme Corporation spokesperson Jane Doe said: "We will rebuild our factory."'
    cluster = cluster_with(annotate(annotators, body), "Acme Corporation")
    assert "We" in cluster
    assert "our" in cluster


def test_we_in_a_quote_by_a_person_in_an_apposition_of_an_organisation_joins_it(annotators):
    body = (
        "The Metropolitan Police said the attack was over. John Smith, the head of the Metropolitan Police, "
        'said: "We recovered a notepad from his home."'
    )
    assert "We" in cluster_with(annotate(annotators, body), "Metropolitan Police")


def test_we_in_a_quote_by_a_person_with_no_organisation_is_left_out(annotators):
    body = 'A witness, John Smith, said: "We ran for our lives."'
    clusters = cluster_texts(annotate(annotators, body))
    assert not any("We" in cluster for cluster in clusters)


def test_a_bare_plural_joins_the_phrase_with_its_head(annotators):
    body = "Police closed the road on Monday. The police said the driver had fled. Police found him later."
    cluster = cluster_with(annotate(annotators, body), "The police")
    assert cluster.count("Police") == 2


def test_a_bare_plural_of_a_person_noun_is_the_antecedent_of_they(annotators):
    body = "Prosecutors charged the man on Friday. They said the case was strong."
    assert ["Prosecutors", "They"] in cluster_texts(annotate(annotators, body))


def test_group_nouns_are_plural_person_nouns_or_police():
    assert is_group_noun("protesters") and is_group_noun("investigators") and is_group_noun("police")
    assert not is_group_noun("roads") and not is_group_noun("protester") and not is_group_noun("bus")
    assert singular_of("authorities") == "authority"


def test_a_definite_phrase_headed_by_a_capitalised_title_joins_the_person_it_describes(annotators):
    body = "Governor Gary Johnson spoke on Monday. Voters cheered when the former Governor arrived."
    assert "the former Governor" in cluster_with(annotate(annotators, body), "Gary Johnson")
