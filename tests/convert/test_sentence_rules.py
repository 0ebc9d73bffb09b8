"""The sentence splitter's corrections of sentencex, one class of error each (docs/guidelines.md section 8)."""

from __future__ import annotations

import pytest

from newscorpus.convert.segment import segment_paragraph
from newscorpus.convert.sentence_rules import sentence_starts, sentencex_starts


def sentences(text: str) -> list[str]:
    found = segment_paragraph(text, 0)
    return [text[start:end] for start, end in zip(found.sentence_starts, found.sentence_ends, strict=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation of several sentences is several sentences; the frame stays with the last
        (
            'He said, "We will win. We are strong," and left.',
            ['He said, "We will win.', 'We are strong," and left.'],
        ),
        (
            "She wrote: \u201cIt is over. We lost.\u201d Then she left.",
            ["She wrote: \u201cIt is over.", "We lost.\u201d", "Then she left."],
        ),
        # the opening quotation mark starts the next sentence
        ('They won. "It is a great day. Thank you."', ["They won.", '"It is a great day.', 'Thank you."']),
        # a lowercase frame continues a quotation ending in ? or !, a capitalised word does not
        ('"Why?" he asked. Nobody knew.', ['"Why?" he asked.', "Nobody knew."]),
        ('"Is it over?" Residents asked again.', ['"Is it over?"', "Residents asked again."]),
        ("Uhh... [laughs] because it's fun.", ["Uhh... [laughs] because it's fun."]),
        # a bracketed aside of several sentences
        (
            "[He said: It was bad. We left early.] Then it rained.",
            ["[He said: It was bad.", "We left early.]", "Then it rained."],
        ),
        # "No.", "me.", "ill." that end a sentence; "No." before a number does not
        ("No. I did not go.", ["No.", "I did not go."]),
        ("He might help me. I agreed.", ["He might help me.", "I agreed."]),
        ("It was No. 5 on the list.", ["It was No. 5 on the list."]),
        # a title sentencex does not know
        ("I listened, Ms. Alvarez said.", ["I listened, Ms. Alvarez said."]),
        # an interview's speaker or language marker starts a sentence
        ("((WN))  Are you married? ((hi))Hindi language: x.", ["((WN))  Are you married?", "((hi))Hindi language: x."]),
        # an omission mark glued to a word, and an editorial bracketed stop, end a sentence before a capital
        ("a civilian population[...] That is met here.", ["a civilian population[...]", "That is met here."]),
        ('we will say it is incurable[.]" He went on.', ['we will say it is incurable[.]"', "He went on."]),
        # an omission mark between sentences goes with the next one
        (
            "They never back down. [...] For as long as it lasts.",
            ["They never back down.", "[...] For as long as it lasts."],
        ),
        # an initial's stop before a lowercase word ends nothing; a word's stop before a lowercase name does
        ('"The route for ESBL-E. coli is direct," he said.', ['"The route for ESBL-E. coli is direct," he said.']),
        ("It is on Vimeo. youtube-dl is free.", ["It is on Vimeo.", "youtube-dl is free."]),
        # brackets inside a word stay brackets: the stop after them ends the sentence
        ("It has rare earth reserve[s].  It has land.", ["It has rare earth reserve[s].", "It has land."]),
        # a clock time before a time zone ends nothing
        ("It happened at 8:30 p.m. BST on Tuesday.", ["It happened at 8:30 p.m. BST on Tuesday."]),
        # a photo credit glued to its caption is a sentence of its own
        ("Jorgensen with a supporter.Image: Gage Skidmore.", ["Jorgensen with a supporter.", "Image: Gage Skidmore."]),
        ("Protesters in May 2020.Image: Gage Skidmore.", ["Protesters in May 2020.", "Image: Gage Skidmore."]),
    ],
)
def test_each_class_of_sentencex_error_is_corrected(text, expected):
    assert sentences(text) == expected


def test_sentencex_alone_makes_those_errors():
    """The classes above are sentencex's: without the rules, the quotation and the "No." stay whole."""
    assert sentencex_starts('He said, "We will win. We are strong," and left.') == [0]
    assert sentencex_starts("No. I did not go.") == [0]


def test_starts_are_in_order_and_after_whitespace():
    text = ' "Yes." No. I left. "Why?" he asked. ((WN))  Fine. [...] Good.'
    starts = sentence_starts(text)
    assert starts == sorted(set(starts))
    assert all(text[start].strip() for start in starts)
    assert sentence_starts("") == [] and sentence_starts("   ") == []
