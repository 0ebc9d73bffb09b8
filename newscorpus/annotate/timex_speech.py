"""Temporal expressions inside speech: deixis in quotations, and interview turns.

The guidelines (§7.11) resolve "today", "yesterday", "tomorrow" inside a
quotation against when the speaker spoke, not against the publication date.
News quotes what was said on the day of the event it reports, and states
that day first: "On Wednesday, Governor X signed the act ... She tweeted,
'Today, I signed ...'", written up on Saturday. So a deictic day or week
inside quotation marks resolves against the *lead day*, the first full date
the body states on or within a month before the publication date (the
dateline is the article's date, not the event's; dates inside quotations
and interview turns are not the narration's); with no lead day, against the
publication date.

An interview (guidelines §7.2) is held on a day the text rarely gives, and
its answers recount habits and stories ("we used to go in the morning and
come back in the evening", "the US Championship is held every day at 1
pm"): a part of the day or a clock time in a turn takes only a day named
beside it, else X digits (``XXXX-XX-XXTMO``, as §7.11 writes "the morning"
of an unnamed day), and never the narration's anchor. A bare "today" in a
turn is the present of the conversation ("Who helped you get where you are
today?"): ``PRESENT_REF``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newscorpus.annotate.article import Article
from newscorpus.annotate.interviews import find_turns
from newscorpus.annotate.marks import find_segments
from newscorpus.annotate.publication import date_in_opening_lines
from newscorpus.annotate.timex_anchors import Timex

LEAD_DAY_WINDOW = timedelta(days=31)  # an event reported more than a month late is no lead
_DEICTIC = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|this week|this weekend)\b", re.IGNORECASE)
_TODAY = re.compile(r"today", re.IGNORECASE)
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(T[\w:]+)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")


@dataclass(frozen=True, slots=True)
class Speech:
    """Where the article quotes speech: quotation passages and interview turns, as sorted character spans."""

    quotations: tuple[tuple[int, int], ...]
    turns: tuple[tuple[int, int], ...]

    @staticmethod
    def _inside(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
        index = bisect_right(spans, (offset, float("inf"))) - 1
        return index >= 0 and spans[index][0] <= offset < spans[index][1]

    def in_quotation(self, offset: int) -> bool:
        return self._inside(self.quotations, offset)

    def in_turn(self, offset: int) -> bool:
        return self._inside(self.turns, offset)


def speech_of(article: Article) -> Speech:
    quotations = sorted(
        (article.token_starts[passage.first], article.token_ends[passage.last]) for passage in find_segments(article)
    )
    return Speech(tuple(quotations), tuple(sorted(turn.content for turn in find_turns(article))))


def lead_day(article: Article, speech: Speech, timexes: list[Timex]) -> date | None:
    """The first full date the narration states, on or up to a month before the publication date."""
    published = article.published
    if published is None:
        return None
    dateline = date_in_opening_lines(article.text)
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.anchor is not None or timex.vague or article.role_at(timex.start) in ("dateline", "headline"):
            continue
        if dateline is not None and timex.start < dateline.end and dateline.start < timex.end:
            continue
        if speech.in_quotation(timex.start) or speech.in_turn(timex.start):
            continue
        day = _DAY.fullmatch(timex.value or "")
        if day and published - LEAD_DAY_WINDOW <= date.fromisoformat(day[1]) <= published:
            return date.fromisoformat(day[1])
    return None


def _moved(value: str, published: date, lead: date) -> str:
    """A day or week value resolved against ``published`` resolved against ``lead`` instead (others unchanged)."""
    if day := _DAY.fullmatch(value):
        return (date.fromisoformat(day[1]) + (lead - published)).isoformat() + (day[2] or "")
    if week := _WEEK.fullmatch(value):
        same_weekday = date.fromisocalendar(int(week[1]), int(week[2]), published.isoweekday())
        year, number, _ = (same_weekday + (lead - published)).isocalendar()
        return f"{year}-W{number:02d}{week[3] or ''}"
    return value


def spoken_values(article: Article, speech: Speech, timexes: list[Timex]) -> list[Timex]:
    """The expressions with deixis in quotations resolved against the lead day, "today" in a turn PRESENT_REF."""
    lead = lead_day(article, speech, timexes)
    published = article.published
    result = []
    for timex in timexes:
        text = article.text[timex.start : timex.end]
        if timex.value is None or timex.anchor is not None or not _DEICTIC.search(text):
            result.append(timex)
        elif speech.in_turn(timex.start):
            result.append(replace(timex, value="PRESENT_REF") if _TODAY.fullmatch(text) else timex)
        elif speech.in_quotation(timex.start) and lead and published and lead != published:
            result.append(replace(timex, value=_moved(timex.value, published, lead)))
        else:
            result.append(timex)
    return result
