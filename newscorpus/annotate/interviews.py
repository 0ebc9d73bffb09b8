"""Interview turns: a paragraph opening with a speaker marker ("((WN))", "((Wayne Tseng)):", "NG:") is a quotation.

As the guidelines (section 7.2) define them, each turn is one direct
quotation with no cue: its content runs from the first character after the
marker (and its colon and spaces) to the end of the turn's last paragraph,
the turn lasting until the next paragraph that opens with a marker; its
source is the name inside the marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscorpus.annotate.article import Article
from newscorpus.annotate.mentions import Mention

# The publication asking the questions (guidelines 7.2: ORG); any other marker names a person.
_PUBLICATION_MARKERS = frozenset({"wn", "wikinews"})
_MARKER = re.compile(r"\(\(\s*([^()\n]{1,60}?)\s*\)\)\s*:?\s*")
# In an interview (a "((Name))" marker somewhere), a paragraph may open with initials or a full name and a colon
# instead: "NG: This study started ...", "Natasha Gownaris: I've wanted ..." (guidelines 7.2); one capitalised word
# alone ("Note:", "Update:") is no speaker.
_NAME_MARKER = re.compile(r"([A-Z]{2,4}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3})\s?:[ \t]+")


@dataclass(frozen=True, slots=True)
class Turn:
    """One interview turn: the marker's name and the turn's content, as character spans."""

    name: tuple[int, int]
    content: tuple[int, int]


def find_turns(article: Article) -> list[Turn]:
    """The turns of an interview, in text order; none when no body paragraph opens with a marker."""
    openings: list[tuple[int, tuple[int, int], int]] = []  # (paragraph, name span, content start)
    bodies = [index for index, role in enumerate(article.paragraph_roles) if role == "body"]
    interview = any(_MARKER.match(article.text, article.paragraph_starts[p], article.paragraph_ends[p]) for p in bodies)
    for paragraph in bodies:
        start, end = article.paragraph_starts[paragraph], article.paragraph_ends[paragraph]
        match = _MARKER.match(article.text, start, end) or (interview and _NAME_MARKER.match(article.text, start, end))
        if not match or match.end() >= end:
            continue
        name = (match.start(1), match.end(1))
        if article.token_starting_at(name[0]) is None or article.token_ending_at(name[1]) is None:
            continue  # the name must lie on token boundaries to be a source
        openings.append((paragraph, name, match.end()))
    turns = []
    for number, (paragraph, name, content_start) in enumerate(openings):
        following = openings[number + 1][0] if number + 1 < len(openings) else None
        last = paragraph
        for later in bodies:
            if later <= paragraph:
                continue
            if following is not None and later >= following:
                break
            last = later
        content_end = article.text[: article.paragraph_ends[last]].rstrip()
        turns.append(Turn(name, (content_start, len(content_end))))
    return turns


def interview_turns(article: Article) -> list[tuple[tuple[int, int], Mention]]:
    """(content span, source mention) of every turn: the source is the marker's name."""
    found = []
    for turn in find_turns(article):
        first, last = article.token_starting_at(turn.name[0]), article.token_ending_at(turn.name[1])
        assert first is not None and last is not None  # find_turns keeps names on token boundaries
        name = article.text[turn.name[0] : turn.name[1]].lower()
        found.append(
            (turn.content, Mention(first, last + 1, "name", "ORG" if name in _PUBLICATION_MARKERS else "PERSON"))
        )
    return found


def turn_openings(article: Article) -> list[int]:
    """Token index where each turn's content starts: a sentence never reaches back past its speaker's marker."""
    openings = []
    for turn in find_turns(article):
        first = article.token_starting_at(turn.content[0])
        if first is not None:
            openings.append(first)
    return openings
