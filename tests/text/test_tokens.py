"""Tokens: spaCy's English tokenizer, cut finer where it glues two words, never coarser."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.convert.segment import segment_paragraph
from newscorpus.text.tokens import _tokenizer, name_words, tokenize


def _words(text: str, sentence_ends: frozenset[int] = frozenset()) -> list[str]:
    starts, ends = tokenize(text, sentence_ends)
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("\u200dParis is big", ["\u200d", "Paris", "is", "big"]),  # from a Wikinews capture: a joiner before a name
        ("Saudi Arabia\u200d said", ["Saudi", "Arabia", "\u200d", "said"]),
        ("a \u200b word", ["a", "\u200b", "word"]),  # a zero-width space alone is a token of its own, as before
        ("the U.S.-president said", ["the", "U.S.", "-", "president", "said"]),
        ("the U.S.-led coalition", ["the", "U.S.", "-", "led", "coalition"]),
        ("the U.S.\u2013Mexico border", ["the", "U.S.", "\u2013", "Mexico", "border"]),
        ("in 2009\u201311 and 15\u201375", ["in", "2009", "\u2013", "11", "and", "15", "\u2013", "75"]),
        ("the 1990s\u20132000s", ["the", "1990s", "\u2013", "2000s"]),
        ("won 3-2 at home", ["won", "3", "-", "2", "at", "home"]),  # spaCy's own cut, which the dash rule follows
        # a caption run into its photo credit, as Wikinews captures have it
        (
            "the Abraham AccordsImage: The White House.",
            ["the", "Abraham", "Accords", "Image", ":", "The", "White", "House", "."],
        ),
        ("in 2020.Image: Gage Skidmore", ["in", "2020", ".", "Image", ":", "Gage", "Skidmore"]),
        ("an iPhone: new", ["an", "iPhone", ":", "new"]),
        # an interview turn's language marker, as Wikinews writes it
        ("((hi))Hindi language: Namaste", ["(", "(", "hi", ")", ")", "Hindi", "language", ":", "Namaste"]),
        ("((ko))Korean language:", ["(", "(", "ko", ")", ")", "Korean", "language", ":"]),
    ],
)
def test_glued_words_are_cut(text, words):
    assert _words(text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Bashar al-Assad and Jean-Pierre", ["Bashar", "al", "-", "Assad", "and", "Jean", "-", "Pierre"]),
        ("अन्\u200dत्\u200dयोदय योजना", ["अन्\u200dत्\u200dयोदय", "योजना"]),  # joiners inside a Devanagari word
        ("in the U.S. today", ["in", "the", "U.S.", "today"]),
        ("Wayne A. I. Frederick spoke", ["Wayne", "A.", "I.", "Frederick", "spoke"]),  # initials stay whole
    ],
)
def test_words_that_belong_together_stay_as_spacy_makes_them(text, words):
    assert _words(text) == words


def test_a_single_capitals_period_at_a_sentence_end_is_the_full_stop():
    text = "He fought in World War I."
    assert _words(text, frozenset({len(text)}))[-2:] == ["I", "."]
    assert _words(text)[-1] == "I."  # no sentence end given: spaCy's token stays


def test_segmentation_gives_the_sentence_ends():
    text = "He fought in World War I. Then he came home to Wayne A. I. Frederick."
    result = segment_paragraph(text, 0)
    words = [text[start:end] for start, end in zip(result.token_starts, result.token_ends, strict=True)]
    assert words[:7] == ["He", "fought", "in", "World", "War", "I", "."]
    assert "I." in words  # the initial inside the second sentence
    assert words[-1] == "."
    assert set(result.sentence_ends) <= set(result.token_ends)


def test_names_split_as_records_are():
    assert name_words("U.S.-Mexico") == ("U.S.", "-", "Mexico")
    assert name_words("\u200dParis") == ("\u200d", "Paris")
    assert name_words("Bashar al-Assad") == ("Bashar", "al", "-", "Assad")


_PIECES = st.sampled_from(
    [
        "U.S.",
        "I.",
        "A",
        "al",
        "Assad",
        "2009",
        "11",
        "-",
        "\u2013",
        ".",
        " ",
        "\u200d",
        "\u200b",
        "x",
        "\u0928\u094d",
        ",",
        "\u0301",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.sets(st.integers(0, 40), max_size=3))
def test_tokens_are_never_coarser_than_spacys(text, sentence_ends):
    starts, ends = tokenize(text, frozenset(sentence_ends))
    spacy_tokens = [token for token in _tokenizer()(text) if not token.is_space]

    def inside_a_character(offset: int) -> bool:  # a boundary before a combining mark moves past it
        return 0 < offset < len(text) and unicodedata.combining(text[offset]) and not text[offset - 1].isspace()

    assert {t.idx for t in spacy_tokens if not inside_a_character(t.idx)} <= set(starts)
    assert {t.idx + len(t.text) for t in spacy_tokens if not inside_a_character(t.idx + len(t.text))} <= set(ends)
    assert not any(inside_a_character(offset) for offset in (*starts, *ends))
    covered = "".join(text[start:end] for start, end in zip(starts, ends, strict=True))
    assert covered == "".join(char for char in text if not char.isspace())
    assert all(text[start:end].strip() == text[start:end] for start, end in zip(starts, ends, strict=True))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (",\u03010", [",\u0301", "0"]),  # found by tests/test_fuzz.py: spaCy cut between the comma and its mark
        ("(\u0301\u0300x)", ["(\u0301\u0300", "x", ")"]),
        ("a \u0301b", ["a", "\u0301b"]),  # after a space the mark has no base in a token: it stays
    ],
)
def test_a_combining_mark_stays_with_the_character_before_it(text, words):
    assert _words(text) == words


def test_no_sentence_starts_inside_a_token_that_was_cut():
    # From a Wikinews article: sentencex cuts after "U.S." inside "then-U.S.-president"; the cut stays
    # after the whole word spaCy made, as before the finer cuts, never before the "-" they make.
    text = "Mendez was awarded a medal by then-U.S.-president Jimmy Carter. He kept it."
    result = segment_paragraph(text, 0)
    assert text.index("-president") not in result.sentence_starts
    assert text.index("-president") + 1 not in result.sentence_starts
    assert "president" in [text[s:e] for s, e in zip(result.token_starts, result.token_ends, strict=True)]
