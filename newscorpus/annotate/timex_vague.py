"""Indefinite times: "one day" opening a story, "some day", and "years ago" with no count.

"One day I was singing in a mall" names a day the text never gives: it is a
DATE whose value is unknown (null), not the duration P1D that "for one day"
is. It is that only where it opens a clause (at the start of a sentence or
after "and", "but", "so", "that", "then", "when" or a comma); elsewhere ("kept
me one day") it is a period. "some day", "someday" point ahead
(``FUTURE_REF``). A time in the past with no count ("years ago", "tens of
thousands of years ago", "a year or two ago", "a while ago") is ``PAST_REF``,
as a vague word is; a counted one ("three years ago") stays with the rules of
``newscorpus.annotate.timex_rules``, which give it its year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newscorpus.annotate.article import Article
from newscorpus.annotate.timex_anchors import Timex

_INDEFINITE_DAY = re.compile(
    r"\b(?P<word>[Oo]ne day|[Ss]ome day|[Ss]omeday)\b(?=[ ,])(?! (?:of|later|before|after|earlier|ago)\b)"
)
_CLAUSE_WORDS = frozenset({"and", "but", "so", "that", "then", "when"})
_UNITS = r"(?:years|months|weeks|days|decades|centuries|hours|minutes)"
_APPROXIMATORS = "about|around|some|roughly|nearly|almost|only|just"
_SINGULAR_UNITS = r"(?:year|month|week|day|decade|century|hour|minute)"
_COUNTLESS_AGO = re.compile(
    rf"(?:(?:tens|hundreds|thousands|millions|billions) of )*{_UNITS} ago"
    rf"|(?:(?:{_APPROXIMATORS}) )?(?:a|an|one|\d+) {_SINGULAR_UNITS}s? or (?:two|three|so|\d+)(?: {_UNITS})? ago"
    r"|(?:quite |a long |some )?(?:a while|a long time|some time|long) ago",
    re.IGNORECASE,
)


def indefinite_timexes(article: Article) -> Iterator[Timex]:
    """Candidate expressions of an indefinite time; the finder keeps the longest where they overlap."""
    for match in _INDEFINITE_DAY.finditer(article.text):
        start, end = match.span()
        if article.on_token_boundaries(start, end) and _opens_clause(article.text, start):
            yield Timex(start, end, "DATE", None if match["word"].lower() == "one day" else "FUTURE_REF")
    for match in _COUNTLESS_AGO.finditer(article.text):
        start, end = match.span()
        if article.on_token_boundaries(start, end):
            yield Timex(start, end, "DATE", "PAST_REF")


def _opens_clause(text: str, start: int) -> bool:
    before = text[:start].rstrip(" ")
    if not before or before[-1] in '\n.!?;:,"\u201c\u2014(':
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in _CLAUSE_WORDS
