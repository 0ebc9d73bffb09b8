"""Head matching of entities: the head of a span, and the head scorer, on hand-made examples."""

from __future__ import annotations

import re

import pytest

from newscorpus.evaluate.heads import head_of
from newscorpus.evaluate.matching import Item, head_score


def tokens_of(text: str) -> tuple[list[int], list[int]]:
    """Word and punctuation tokens, the possessive split off as spaCy does."""
    found = list(re.finditer(r"'s|\w+|[^\w\s]", text))
    return [m.start() for m in found], [m.end() for m in found]


def head(text: str, name: str) -> str:
    starts, ends = tokens_of(text)
    start = text.index(name)
    found = head_of(text, starts, ends, (start, start + len(name)))
    return text[found[0] : found[1]]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Vladimir Putin", "Putin"),
        ("the Greek Ministry of Foreign Affairs", "Ministry"),
        ("Bank of England", "Bank"),
        ("Bosnia and Herzegovina", "Bosnia"),
        ("Reuters's", "Reuters"),
        ("15 August 2020", "2020"),
        ("Minsk", "Minsk"),
        ("Kennedy Space Center,", "Center"),
    ],
)
def test_the_head_is_the_last_word_before_any_tail(name, expected):
    assert head(f"He saw {name} today.", name) == expected


def test_a_span_without_a_whole_token_is_its_own_head():
    text = "Hyphen-ated"
    assert head_of(text, [0], [len(text)], (0, 6)) == (0, 6)


# "The Greek Ministry of Foreign Affairs said Putin met Lukashenko Image"
TEXT = "The Greek Ministry of Foreign Affairs said Putin met Lukashenko Image"
STARTS, ENDS = tokens_of(TEXT)


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


GOLD = [Item((span("Greek Ministry of Foreign Affairs"),), "ORG"), Item((span("Putin"),), "PERSON")]
GOLD += [Item((span("Lukashenko"),), "PERSON")]
HEADS = [head_of(TEXT, STARTS, ENDS, item.spans[0]) for item in GOLD]


def test_a_prediction_holding_the_head_with_the_right_type_matches():
    predicted = [Item((span("The Greek Ministry"),), "ORG"), Item((span("Lukashenko Image"),), "PERSON")]
    score = head_score(GOLD, HEADS, predicted)
    assert (score.matched_gold, score.predicted, score.gold) == (2, 2, 3)


def test_the_wrong_type_or_a_missed_head_does_not_match():
    predicted = [Item((span("Greek"),), "NORP"), Item((span("Greek Ministry"),), "NORP")]
    assert head_score(GOLD, HEADS, predicted).matched_gold == 0


def test_a_prediction_spanning_two_gold_heads_matches_neither():
    predicted = [Item((span("Putin met Lukashenko"),), "PERSON")]
    assert head_score(GOLD, HEADS, predicted).matched_gold == 0


def test_head_matching_is_one_to_one():
    predicted = [Item((span("Putin"),), "PERSON"), Item((span("said Putin"),), "PERSON")]
    score = head_score(GOLD, HEADS, predicted)
    assert (score.matched_gold, score.matched_predicted, score.predicted) == (1, 1, 2)
