"""Timex extents widened to the TimeML extent: modifiers taken in, and pieces of one expression joined.

The finder's rules match the core of an expression ("August", "25 years",
"Saturday"). The guidelines' extent is wider (§5.2, §7.11, §7.12):
approximators and comparisons are inside ("about three years ago", "close to
25 years", "more than six minutes"), so are period modifiers ("late August",
"early yesterday afternoon", "the end of July"), and an expression written in
two pieces is one ("Saturday, April 27"; "March of this year"; "0300 UTC
Monday morning"; "the night of May 25", a TIME). Values stay those of the
core, except where the second piece gives what the first lacked (the year of
"March of last year", the day of a clock time, the part of the day).
"""

from __future__ import annotations

import re
from dataclasses import replace

from newscorpus.annotate.article import Article
from newscorpus.annotate.timex_anchors import Timex
from newscorpus.annotate.timex_fractions import joined_part_of_period, part_of_period

_APPROXIMATORS = r"about|around|approximately|roughly|nearly|almost|some|close to|just over|just under"
_APPROXIMATORS += r"|as early as|as late as"
# "over" stays out: in "over 18 months" it is as often the preposition of a period as a comparison.
_COMPARISONS = r"more than|less than|fewer than|at least|at most|up to|under|a maximum of|a minimum of"
_COMPARISONS += r"|(?:the )?(?:past|last|next|coming|previous)"
_PERIOD = r"early|late|mid|earlier|later|the end of|the beginning of|the start of|the middle of|the turn of"
# What may stand before an expression, by type: approximators before any, comparisons before periods,
# period modifiers before dates and times of day.
_BEFORE = {
    "DURATION": re.compile(rf"(?:^|(?<=\W))(?:(?:{_APPROXIMATORS}|{_COMPARISONS}) )+$", re.IGNORECASE),
    "DATE": re.compile(rf"(?:^|(?<=\W))(?:(?:{_APPROXIMATORS}|{_PERIOD})(?: |-))+$", re.IGNORECASE),
    "TIME": re.compile(rf"(?:^|(?<=\W))(?:(?:{_APPROXIMATORS}|early|late)(?: |-))+$", re.IGNORECASE),
}
_RELATIVE_YEAR = re.compile(r"(this|last|next) year", re.IGNORECASE)
_MONTH_VALUE = re.compile(r"[\dX]{4}(-\d{2}(?:-\d{2})?)")
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LOOK_BACK = 40
_PART_OF = re.compile(r"(?:^|(?<=\W))the (?P<part>morning|afternoon|evening|night) of $")
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _part_of_the_day(article: Article, timex: Timex, floor: int) -> Timex | None:
    """ "the night of May 25": one TIME, the part of that day (guidelines §7.12)."""
    if timex.type != "DATE" or not _FULL_DAY.fullmatch(timex.value or ""):
        return None
    found = _PART_OF.search(article.text, max(floor, timex.start - _LOOK_BACK), timex.start)
    if found is None or not article.on_token_boundaries(found.start(), timex.end):
        return None
    return replace(timex, start=found.start(), type="TIME", value=f"{timex.value}T{_PART_CODES[found['part']]}")


def _widen_left(article: Article, timex: Timex, floor: int) -> Timex:
    if (part := _part_of_the_day(article, timex, floor) or part_of_period(article, timex, floor)) is not None:
        return part
    pattern = _BEFORE.get(timex.type)
    if pattern is None or (timex.type == "DATE" and timex.vague):
        return timex
    window_start = max(floor, timex.start - _LOOK_BACK)
    found = pattern.search(article.text, window_start, timex.start)
    if found is None or not article.on_token_boundaries(found.start(), timex.end):
        return timex
    core = article.text[timex.start : timex.end].lower()
    if found[0].strip().lower() in ("earlier", "later") and not core.startswith(("this ", "last ", "next ")):
        return timex  # "earlier this year" is one expression; in "earlier that day" "earlier" orders events
    return replace(timex, start=found.start())


def _joined(article: Article, first: Timex, second: Timex) -> Timex | None:
    """One expression of two adjacent pieces, or None when they are two."""
    if (part := joined_part_of_period(article, first, second)) is not None:
        return part
    between = article.text[first.end : second.start]
    second_text = article.text[second.start : second.end]
    month = _MONTH_VALUE.fullmatch(first.value or "")
    if (
        first.type == "DATE"
        and month
        and between in (" of ", " ")
        and _RELATIVE_YEAR.fullmatch(second_text)
        and second.value
    ):
        return replace(first, end=second.end, value=second.value + month[1])
    weekday_then_date = first.type == "DATE" and between == ", " and second.type == "DATE"
    if weekday_then_date and _FULL_DAY.fullmatch(first.value or "X") and _FULL_DAY.fullmatch(second.value or "X"):
        return replace(first, end=second.end, value=second.value)
    if first.anchor == "clock" and between == " " and second.value and _FULL_DAY.match(second.value):
        return replace(first, end=second.end, value=second.value[:10] + (first.value or ""), anchor=None)
    return None


def widened(article: Article, timexes: list[Timex]) -> list[Timex]:
    """The expressions (in text order, not overlapping) with their modifiers and joined pieces."""
    joined: list[Timex] = []
    for timex in timexes:
        if joined and (merged := _joined(article, joined[-1], timex)) is not None:
            joined[-1] = merged
        else:
            joined.append(timex)
    result: list[Timex] = []
    for timex in joined:
        floor = result[-1].end if result else 0
        result.append(_widen_left(article, timex, floor))
    return result
