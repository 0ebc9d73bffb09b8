"""Fractions and parts of periods: "two and a half years", "half an hour", "the first half of this year".

A period with a half in it is one DURATION (TimeML's extent): "two and a
half years" is ``P2.5Y``; "a year and a half" is written in the smaller unit
where that is whole ("the past year and a half" ``P18M``, "an hour and a
half" ``PT90M``), as TimeML's corpora write it; "half an hour" is ``PT30M``.
A part of a calendar period named by its place ("the first half of 2019",
"the third quarter of 2020", "the first week of April") is one DATE with
TIMEX3's value for that part: ``2019-H1``, ``2020-Q3``, the ISO week with
most of its days in the first week of April (``2019-W14``). The finder
(``newscorpus.annotate.timex``) takes the durations among its candidates; the
extents (``newscorpus.annotate.timex_extents``) widen a year or a month to the
part of it named before it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from newscorpus.annotate.article import Article
from newscorpus.annotate.timex_anchors import Timex
from newscorpus.annotate.timex_rules import NUMBER_WORDS

_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M", "decade": "DE"}
_CODES |= {"century": "CE"}
_TIME_UNITS = frozenset({"hour", "minute"})
# One and a half, and a half, in the next smaller unit where the result is whole.
_ONE_AND_A_HALF = {"year": "P18M", "day": "PT36H", "hour": "PT90M", "minute": "PT90S", "decade": "P15Y"}
_ONE_AND_A_HALF |= {"century": "P150Y"}
_HALF = {"year": "P6M", "day": "PT12H", "hour": "PT30M", "minute": "PT30S", "decade": "P5Y", "century": "P50Y"}
_UNITS = r"(?P<unit>year|month|week|day|hour|minute|decade|centur(?=y|ies))(?:s|y|ies)?"
_COUNT = r"(?P<amount>\d+|" + "|".join(sorted(set(NUMBER_WORDS) - {"a", "an"}, key=len, reverse=True)) + ")"
_FRACTIONS = tuple(
    re.compile(rf"\b{pattern}\b", re.IGNORECASE)
    for pattern in (
        rf"{_COUNT} and a half {_UNITS}",
        rf"(?:(?:a|an|one) )?{_UNITS} and a half",
        rf"half (?:a|an) {_UNITS}(?! ago)",
        rf"(?<=\b[Aa] )half-{_UNITS}",
    )
)
_PART_OF_PERIOD = re.compile(
    r"(?:^|(?<=\W))the (?P<place>first|second|third|fourth|final|last) (?P<part>half|quarter|week) of $", re.IGNORECASE
)
_PLACES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 0, "last": 0}
_LOOK_BACK = 40


def fraction_timexes(article: Article) -> Iterator[Timex]:
    """The durations with a half in them, as candidates of the finder."""
    for match in (m for pattern in _FRACTIONS for m in pattern.finditer(article.text)):
        start, end = match.span()
        if not article.on_token_boundaries(start, end):
            continue
        unit = match["unit"].lower()
        if unit.startswith("centur"):
            unit = "century"
        text = match[0].lower()
        if "amount" in match.re.groupindex:
            amount = match["amount"].lower()
            count = int(amount) if amount.isdigit() else NUMBER_WORDS[amount]
            value = _duration(f"{count}.5", unit)
        elif text.startswith("half"):
            value = _HALF.get(unit) or _duration("0.5", unit)
        elif text.endswith("and a half"):
            value = _ONE_AND_A_HALF.get(unit) or _duration("1.5", unit)
        else:
            value = _HALF.get(unit) or _duration("0.5", unit)  # "a half-hour"
        yield Timex(start, end, "DURATION", value)


def _duration(amount: str, unit: str) -> str:
    return f"{'PT' if unit in _TIME_UNITS else 'P'}{amount}{_CODES[unit]}"


def part_of_period(article: Article, timex: Timex, floor: int) -> Timex | None:
    """ "the first half of this year", "the third quarter of 2020", "the first week of April": one DATE, or None."""
    found = _PART_OF_PERIOD.search(article.text, max(floor, timex.start - _LOOK_BACK), timex.start)
    if found is None or not article.on_token_boundaries(found.start(), timex.end):
        return None
    value = _part_value(found["place"], found["part"], timex)
    return None if value is None else replace(timex, start=found.start(), value=value)


def joined_part_of_period(article: Article, first: Timex, second: Timex) -> Timex | None:
    """ "the last week" + " of " + "March": the finder took "the last week" for a period; it is a part of March."""
    found = _PART_OF_PERIOD.fullmatch(article.text[first.start : second.start])
    value = _part_value(found["place"], found["part"], second) if found else None
    return None if value is None else replace(second, start=first.start, value=value)


def _part_value(place_word: str, part: str, period: Timex) -> str | None:
    """TIMEX3's value of the part of ``period`` (a year for a half or a quarter, a month for a week)."""
    if period.type != "DATE" or period.value is None:
        return None
    place = _PLACES[place_word.lower()]
    part = part.lower()
    year = re.fullmatch(r"\d{4}", period.value)
    month = re.fullmatch(r"(\d{4})-(\d{2})", period.value)
    if part == "half" and year and place <= 2:
        return f"{period.value}-H{place or 2}"
    if part == "quarter" and year:
        return f"{period.value}-Q{place or 4}"
    if part == "week" and month:
        first_year, first_month = int(month[1]), int(month[2])
        last = calendar.monthrange(first_year, first_month)[1]
        # The week with most of its days in the month, as ISO counts a year's first week (its fourth day).
        day = last - 3 if place == 0 else 4 + 7 * (place - 1)
        iso_year, week, _ = date(first_year, first_month, day).isocalendar()
        return f"{iso_year}-W{week:02d}"
    return None
