"""Coreference of nominal mentions: the headline's bare noun phrases (guidelines 3.3) and chains in interview turns."""

from __future__ import annotations

from typing import Any

from conftest import cluster_texts

from newscorpus.annotate.runner import Annotators
from newscorpus.convert.decode import RawCapture
from newscorpus.convert.record import build_record
from newscorpus.validate import validate_record


def annotate_with_headline(annotators: Annotators, headline: str, body: str) -> dict[str, Any]:
    record = build_record(
        RawCapture("corpus/raw/test/article.txt", f"{headline}\n\n{body}", "0" * 64), None, annotators
    )
    record = annotators.annotate_record(record)
    assert validate_record(record) == []
    return record


def test_a_headline_noun_joins_the_body_phrase_with_its_head(annotators):
    body = "Police said a gunman was seen in a shop on Saturday. Officers arrested the gunman an hour later."
    clusters = cluster_texts(annotate_with_headline(annotators, "Gunman opens fire in shop", body))
    assert ["Gunman", "a gunman", "the gunman"] in clusters


def test_only_the_last_noun_of_a_headline_compound_is_a_head(annotators):
    body = "A small plane crashed on Saturday near the airport. The crash killed two. The plane was old."
    clusters = cluster_texts(annotate_with_headline(annotators, "Small plane crash kills two", body))
    assert ["Small plane crash", "The crash"] in clusters
    assert ["A small plane", "The plane"] in clusters  # "plane" modifies the headline's "crash"
    assert not any(cluster[0].endswith("kills two") for cluster in clusters)


def test_a_headline_verb_before_a_noun_stays_out_of_its_mention(annotators):
    body = "The council met on Monday and passed a budget. The budget adds two parks."
    clusters = cluster_texts(annotate_with_headline(annotators, "Council approves budget", body))
    assert ["budget", "a budget", "The budget"] in clusters


INTERVIEW = (
    "Anna Berg opened a show at the gallery on Monday. Wikinews spoke to Anna Berg.\n\n"
    "((Wikinews)) How did the opening go?\n\n"
    "((Anna Berg)) The weather was bad, but the weather never matters. The gallery was full."
)


def test_an_interview_turn_opens_no_chain_but_joins_one_the_narration_opened(annotators):
    clusters = cluster_texts(annotate_with_headline(annotators, "Painter opens show", INTERVIEW))
    assert not any("The weather" in cluster for cluster in clusters)  # talk: a repeated head may be generic
    assert ["the gallery", "The gallery"] in clusters


def test_a_possessive_clitic_closes_the_possessor_phrase(annotators):
    body = "A storm hit the city on Monday. The city's mayor said that the city would recover."
    clusters = cluster_texts(annotate_with_headline(annotators, "Storm hits coast", body))
    assert ["the city", "The city", "the city"] in clusters


def test_a_participle_after_a_known_noun_ends_the_phrase(annotators):
    body = "A plane crashed near the town. Witnesses saw the plane turned around before the plane fell."
    clusters = cluster_texts(annotate_with_headline(annotators, "Crash near town", body))
    assert ["A plane", "the plane", "the plane"] in clusters
