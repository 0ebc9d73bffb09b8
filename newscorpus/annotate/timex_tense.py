"""The tense a date without its year or week is said in: it decides whether "Friday" or "July 16" is ahead or past.

A bare weekday or a month without a year is the nearest such day in the
direction the sentence speaks of (guidelines §5.3). A whole sentence is the
wrong unit to read the direction from: "On Wednesday, the leader announced
that her government will withdraw the bill" is past for "Wednesday" although
"will" is in the sentence, and "died on Saturday, reportedly due to
complications" has no future at all. The verb that governs the expression is
usually the tense word nearest to it, in the same stretch of the sentence
(quotation marks, colons and semicolons divide one stretch from the next),
so that word decides. Tense words are closed classes of English grammar:
auxiliaries and modals, irregular past forms, regular "-ed" past forms (not
after a determiner, where they are adjectives: "a proposed bill", nor after
a form of "be", where they are passive participles: "is expected"), and
present forms of "be" and "have". "planned", "scheduled" and "due" point
ahead only when no past auxiliary is nearer ("games scheduled for Wednesday
were still held" is past); "due to" is "because of" unless "be" follows.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from newscorpus.annotate.article import Article

Tense = Literal["future", "past", "present"]

_FUTURE = frozenset({"will", "'ll", "\u2019ll", "shall", "wo", "upcoming", "gonna"})
# Words of intention that point ahead only when no past form governs the expression more closely.
_FUTURE_PARTICIPLES = frozenset({"scheduled", "planned", "due", "slated", "set", "would"})
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't"})
_IRREGULAR_PAST_FORMS = (
    "said told began came went took gave made met won lost left saw found held led became fell rose got ran "
    "struck brought thought knew spoke wrote sent spent kept paid built caught chose drove flew fought forgot "
    "grew heard hid hung laid meant sat sold shot shook sought stood stole swore taught threw understood woke "
    "wore withdrew broke bought ate drew drank fled felt froze sank sang slid stuck swept swam tore overtook "
    "arose awoke bore beat bit bled blew bred dealt dug fed forbade forgave lay lent lit rode rang "
    "sprang stank strove stung strode swung wept wound wrung undertook upheld withheld overcame oversaw"
)
_IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_FORMS.split())
_PRESENT = frozenset({"is", "are", "am", "isn't", "aren't", "'s", "\u2019s", "has", "have", "says", "say"})
_BE_FORMS = frozenset({"is", "are", "am", "be", "been", "being", "was", "were", "'s", "\u2019s"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "these"})
_STRETCH_ENDS = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb", ":", ";", "(", ")"})


def _tense_word(article: Article, index: int) -> Tense | Literal["weak-future"] | None:
    word = article.token(index)
    lower = word.lower()
    previous = article.token(index - 1).lower() if index > 0 else ""
    following = article.token(index + 1).lower() if index + 1 < len(article) else ""
    if lower == "due" and following == "to":
        after = article.token(index + 2).lower() if index + 2 < len(article) else ""
        return "weak-future" if after == "be" else None  # "due to concerns": because of
    if lower in _FUTURE_PARTICIPLES:
        return "weak-future" if lower != "set" or following in ("to", "for") else None
    if lower in _FUTURE or (lower in ("is", "are", "am") and following == "to"):
        return "future"  # "Super Tuesday is to include 14 states"
    if lower in _PAST_AUXILIARIES or lower in _IRREGULAR_PAST:
        return "past"
    if lower in _PRESENT:
        return "present"
    regular_past = word.islower() and word.isalpha() and len(word) > 4 and lower.endswith("ed")
    if regular_past and not lower.endswith("eed") and previous not in _DETERMINERS | _BE_FORMS:
        return "present" if previous in ("has", "have") else "past"  # "has proposed": the present perfect
    return None


def _stretch(article: Article, start: int, end: int) -> range:
    """The tokens of the sentence around [start, end) up to a quotation mark, a colon or a semicolon."""
    sentence = article.sentence_tokens(article.sentence_of(start))
    inside = article.token_range(start, end)
    first = inside.start if inside else sentence.start
    last = inside.stop if inside else sentence.stop
    while first > sentence.start and article.token(first - 1) not in _STRETCH_ENDS:
        first -= 1
    while last < sentence.stop and article.token(last) not in _STRETCH_ENDS:
        last += 1
    return range(first, last)


def tense_at(article: Article, start: int, end: int, intention_ahead: bool = False) -> Tense | None:
    """The tense of the nearest tense word to the expression [start, end), or None when its stretch has none.

    ``intention_ahead``: a word of intention nearest ("scheduled for this week") points ahead whatever governs it.
    """
    inside = article.token_range(start, end)
    if not inside:
        return None
    nearest: list[tuple[int, int, str]] = []  # (distance, tie-break, tense)
    for index in _stretch(article, start, end):
        if index in inside:
            continue
        found = _tense_word(article, index)
        if found is None:
            continue
        distance = inside.start - index if index < inside.start else index - inside.stop + 1
        # A weak word of intention loses to a tense word at the same distance ("scheduled for Wednesday were").
        nearest.append((distance, 1 if found == "weak-future" else 0, found))
    if not nearest:
        return None
    decided = min(nearest)[2]
    if decided != "weak-future" or intention_ahead:
        return "future" if decided == "weak-future" else decided  # type: ignore[return-value]
    # "planned", "scheduled", "would" point ahead unless a past form governs them ("predicted that it would").
    stretch = [i for i in _stretch(article, start, end) if i not in inside]
    return "past" if any(_tense_word(article, i) == "past" for i in stretch) else "future"


def _ahead_in_stretch(article: Article, start: int, end: int) -> bool:
    inside = article.token_range(start, end)
    words = (_tense_word(article, i) for i in _stretch(article, start, end) if i not in inside)
    return any(word in ("future", "weak-future") for word in words)


# "earlier this week" too; "later this week" looks ahead whatever the tense.
_WEEK_SAID = re.compile(r"(?:earlier |early )?(?P<this>this|the) (?P<unit>week|weekend)|the coming week", re.IGNORECASE)


def week_in_past(article: Article, start: int, end: int, value: str) -> str:
    """The week of "this week", "this weekend", "the weekend" said in the past tense: the week just ended.

    Resolved against the publication date, "this week" is the date's own ISO
    week; but on a Monday the week that "This week saw a referendum" speaks
    of has ended, and "over the weekend" in a report of a weekday is the
    weekend before it (ISO weeks start on Monday). "the coming week" said on
    a Monday is the week that starts that day.
    """
    published = article.published
    said = _WEEK_SAID.fullmatch(article.text[start:end])
    week = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if published is None or said is None or week is None:
        return value
    monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
    if said["unit"] is None:
        ended = 1 if published.weekday() == 0 and monday > published else 0  # "the coming week", on a Monday
    elif tense_at(article, start, end, intention_ahead=True) != "past" or _ahead_in_stretch(article, start, end):
        return value  # "will be held this weekend": "held" is nearer, but the stretch speaks ahead
    elif monday > published:
        return value
    elif said["unit"].lower() == "week":
        ended = 1 if published.weekday() == 0 and said["this"].lower() == "this" else 0
    else:
        ended = 1 if published.weekday() < 5 else 0
    if not ended:
        return value
    year, number, _ = (monday - timedelta(weeks=ended)).isocalendar()
    return f"{year}-W{number:02d}{week[3] or ''}"
