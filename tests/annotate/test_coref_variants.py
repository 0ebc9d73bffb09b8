"""Coreference of name variants: acronyms either way round, acronyms inside names, shortened names."""

from __future__ import annotations

from conftest import annotate, cluster_texts

from newscorpus.annotate.name_variants import acronym_of, same_name


def _tokens(name: str) -> list[str]:
    return name.split()


def test_an_acronym_written_before_its_full_name_joins_it(annotators):
    body = "The US economy grew. The United States reported the figures on Monday."
    clusters = cluster_texts(annotate(annotators, body))
    assert ["US", "United States"] in clusters


def test_a_name_with_part_of_it_as_an_acronym_is_the_full_name():
    assert same_name(_tokens("US House of Representatives"), _tokens("United States House of Representatives"))
    assert same_name(_tokens("116th U.S. Congress"), _tokens("116th United States Congress"))
    assert acronym_of(["United", "States"]) == "us"
    assert acronym_of(["Reuters"]) == ""


def test_a_name_shortened_to_its_last_words_is_the_full_name():
    assert same_name(_tokens("Supreme Court"), _tokens("US Supreme Court"))
    assert same_name(["Centre"], _tokens("Toronto Congress Centre"))


def test_dropping_a_names_last_words_keeps_it_only_when_they_are_a_type_word():
    assert same_name(_tokens("Eastern Shoshone"), _tokens("Eastern Shoshone Tribe"))
    assert not same_name(_tokens("Metropolitan Police"), _tokens("Metropolitan Police Counter Terrorism Command"))
    assert not same_name(_tokens("North Korea"), _tokens("South Korea"))
