"""Temporal expressions whose value hangs on another one: clock times, parts of a day, "the next day".

News narrates events on named days and then counts from them: "on Wednesday
... the next day", "two days later", "at 12:20 p.m. local time", "that
night". Their value comes from the *narrative anchor*, the last date with a
day the text stated before them (a calendar date, a weekday, "yesterday"),
not from the publication date; a clock time takes the day named in its own
sentence first (guidelines §7.10). The dateline is no anchor: it dates the
article, not an event. Without an anchor a relative day is null and a clock
time keeps unknown digits (``XXXX-XX-XXT06:00``), as TIMEX3 writes them.

The finder (``newscorpus.annotate.timex``) marks such expressions with an
``anchor`` instruction; :func:`anchor_values` turns it into a value once all
expressions of the article are known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from newscorpus.annotate.article import Article
from newscorpus.annotate.publication import date_in_opening_lines

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUMBERS |= {"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
_SPECIFIC = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?")
_MONTH_PREFIX = re.compile(r"\d{4}-\d{2}(?!\d)")
# A time in brackets right after another restates it ("8:00 p.m. AST on Wednesday (0000 UTC Thursday").
_RESTATEMENT = re.compile(r" ?\(")
_NEARBY = 80  # characters between a clock time and the day it is on
# A day, with a clock time or a part of the day ("Saturday morning" is on Saturday too).
_DAY_VALUE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})|T(?:MO|AF|EV|NI))?")
# "just" and "only" stay outside (guidelines §7.11); a comparison ("after 7:30 a.m.") is inside.
_APPROXIMATOR = r"(?:(?:around|about|approximately|roughly|nearly|almost|shortly after|after|shortly before) )?"
_ZONE = r"(?: (?:local time|[A-Z][a-z]+ time|(?:UTC|GMT)(?:[+-]\d{1,2})?|[A-Z]{2,4}T))?"
_MERIDIEM = r"(?P<meridiem>[ap]\.m\.?|[ap]m|[AP]M)"


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression; ``vague`` ones ("soon") are timex only, never DATE entities.

    ``anchor`` says how the value follows from the narrative anchor
    (:func:`anchor_values`); it is None once the value is final.
    """

    start: int
    end: int
    type: str
    value: str | None
    vague: bool = False
    anchor: str | None = None


# A rule's resolver gives (type, anchor instruction, value so far), or None to drop the match.
AnchoredRule = tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[str, str, str | None] | None]]


def _clock(match: re.Match[str]) -> tuple[str, str, str | None] | None:
    hour = int(match["hour"] or match["hour2"] or match["hour3"])
    minute = int(match["minute"] or match["minute2"] or match["minute3"] or 0)
    meridiem = (match["meridiem"] or "").lower()
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return "TIME", "clock", f"T{hour:02d}:{minute:02d}"


def _noon(match: re.Match[str]) -> tuple[str, str, str | None]:
    return "TIME", "clock", "T12:00" if match["word"].lower() == "noon" else "T00:00"


def _part(match: re.Match[str]) -> tuple[str, str, str | None]:
    return "TIME", "part", "T" + _PART_CODES[match["part"].lower()]


def _next_or_previous(match: re.Match[str]) -> tuple[str, str, str | None]:
    word = (match["direction"] or match["direction2"]).lower()
    step = -1 if word in ("previous", "prior", "before") else 1
    return "DATE", f"{(match['unit'] or match['unit2']).lower()}{step:+d}", None


def _counted(match: re.Match[str]) -> tuple[str, str, str | None] | None:
    amount_text = match["amount"].lower()
    amount = int(amount_text) if amount_text.isdigit() else _NUMBERS.get(amount_text)
    if amount is None:
        return "DATE", "unknown", None  # "a few days later": the day is not given
    step = -amount if match["direction"].lower() == "earlier" else amount
    unit = match["unit"].lower().rstrip("s")
    return ("TIME" if unit == "hour" else "DATE"), f"{unit}{step:+d}", None


def _same(match: re.Match[str]) -> tuple[str, str, str | None]:
    unit = match["unit"].lower()
    if unit in _PART_CODES:
        return "TIME", "part", "T" + _PART_CODES[unit]
    return "DATE", f"{unit}+0", None


def _at_the_time(match: re.Match[str]) -> tuple[str, str, str | None]:
    return "DATE", "same", None


_COUNT = r"(?P<amount>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
ANCHORED_RULES: tuple[AnchoredRule, ...] = (
    (
        re.compile(
            rf"{_APPROXIMATOR}(?P<hour>\d{{1,2}})(?::(?P<minute>[0-5]\d))? ?{_MERIDIEM}(?!\w){_ZONE}"
            rf"|{_APPROXIMATOR}(?P<hour2>[01]?\d|2[0-3]):(?P<minute2>[0-5]\d)(?![\d:]){_ZONE}"
            rf"|{_APPROXIMATOR}(?P<hour3>[01]\d|2[0-3])(?P<minute3>[0-5]\d) (?:UTC|GMT)"
        ),
        _clock,
    ),
    (re.compile(rf"{_APPROXIMATOR}(?P<word>noon|midnight)(?!\w){_ZONE}", re.IGNORECASE), _noon),
    (re.compile(r"(?:(?:early|late) )?(?:the|that) (?P<part>morning|afternoon|evening|night)(?! of)"), _part),
    (re.compile(r"(?P<part>overnight)"), _part),
    (
        re.compile(
            r"the (?P<direction>next|following|previous|prior) (?P<unit>day|week|month|year)"
            r"|the (?P<unit2>day|week|month|year) (?P<direction2>before|after)(?= [.,;:]|[.,;:]| and| but)",
            re.IGNORECASE,
        ),
        _next_or_previous,
    ),
    (
        re.compile(rf"{_COUNT} (?P<unit>days?|weeks?|months?|years?|hours?) (?P<direction>later|earlier)", re.I),
        _counted,
    ),
    (re.compile(r"(?:the same|that same|that) (?P<unit>day|week|month|year|morning|afternoon|evening|night)"), _same),
    (re.compile(r"(?<=[Aa]t )(?:the|that) time(?! of| when| to)"), _at_the_time),
)


def _day_of(value: str | None) -> date | None:
    match = _DAY_VALUE.fullmatch(value or "")
    return date.fromisoformat(match[1]) if match else None


def _shifted(anchor: str, unit: str, step: int) -> str | None:
    """``anchor`` (a specific value: a year, a month, a day, a day and clock) moved by ``step`` units.

    None when the anchor is too coarse for the unit ("the next day" after "In 2015").
    """
    day = _day_of(anchor)
    if unit == "year":
        return str(int(anchor[:4]) + step)
    if unit == "month" and _MONTH_PREFIX.match(anchor):
        index = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
    if day is None:
        return None
    if unit == "day":
        return (day + timedelta(days=step)).isoformat()
    if unit == "week":
        year, week, _ = (day + timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}"
    clock = _DAY_VALUE.fullmatch(anchor)
    if unit == "hour" and clock and clock[2]:
        moment = datetime.fromisoformat(f"{clock[1]}T{clock[2]}") + timedelta(hours=step)
        return moment.strftime("%Y-%m-%dT%H:%M")
    return None


def _day_prefix(anchor: str | None) -> str:
    """The date part a clock time takes from its anchor, X for what the anchor leaves open."""
    if anchor is None:
        return "XXXX-XX-XX"
    if _day_of(anchor) is not None:
        return anchor[:10]
    if _MONTH_PREFIX.match(anchor):
        return anchor[:7] + "-XX"
    return anchor[:4] + "-XX-XX"


def _sentence_day(article: Article, timex: Timex, timexes: list[Timex]) -> date | None:
    """The day named beside the clock time (same paragraph, a clause away), the nearest one to it.

    A window rather than the sentence: the sentencizer often ends a sentence
    at "p.m." ("11:00 p.m. EDT on Sunday").
    """
    paragraph = article.paragraph_of(timex.start)
    days = [
        (abs(other.start - timex.start), day)
        for other in timexes
        if other is not timex and other.anchor is None and article.paragraph_of(other.start) == paragraph
        if abs(other.start - timex.start) <= _NEARBY and (day := _day_of(other.value)) is not None
    ]
    return min(days)[1] if days else None


def anchor_values(
    article: Article, timexes: list[Timex], in_turn: Callable[[int], bool] = lambda offset: False
) -> list[Timex]:
    """The same expressions in text order, each anchored one given its value from its anchor.

    ``in_turn`` says whether an offset is in an interview turn, where a clock
    time or a part of the day takes only a day named beside it
    (``newscorpus.annotate.timex_speech``).
    """
    resolved: list[Timex] = []
    anchor: str | None = None  # the last specific value of the narration: a year, a month, a day, a moment
    last_value: tuple[str, str] | None = None  # (type, value) of the last specific date or time
    last_day: tuple[str, int] | None = None  # the last specific value with a day, and its paragraph
    first_day: str | None = None  # the first specific value with a day: the day the article reports
    dateline = date_in_opening_lines(article.text)
    previous_end = -1
    for timex in sorted(timexes, key=lambda t: t.start):
        restated = _RESTATEMENT.fullmatch(article.text, previous_end, timex.start) is not None
        previous_end = timex.end
        if timex.anchor is not None:
            # "The previous day" after "last October" steps from the last day stated close before it.
            near = last_day is not None and article.paragraph_of(timex.start) - last_day[1] <= 1
            fallback = last_day[0] if last_day is not None and near else None
            timex = _resolve(article, timex, timexes, (anchor, fallback, first_day), last_value, in_turn(timex.start))
        resolved.append(timex)
        in_dateline = dateline is not None and timex.start < dateline.end and dateline.start < timex.end
        if in_dateline or article.role_at(timex.start) == "dateline" or timex.vague or timex.value is None:
            continue
        if restated:
            continue  # "5:00 p.m. (2100 UTC)": the same moment in another zone, not a later step of the narration
        if timex.type not in ("DATE", "TIME"):
            continue
        day = _day_of(timex.value)
        if day is not None and first_day is None and not _after_publication(timex.value, article.published):
            first_day = timex.value  # the day the article reports, "Friday night" included
        if not _SPECIFIC.fullmatch(timex.value):
            continue
        if _after_publication(timex.value, article.published):
            continue  # a date after the publication date is a plan ("by 2025"), not a step of the narration
        if anchor is not None and anchor.startswith(timex.value + "T"):
            continue  # "8:00 p.m. on Wednesday": the day of the moment just stated, which stays the anchor
        anchor = timex.value
        last_value = (timex.type, timex.value)
        if day is not None:
            last_day = (timex.value, article.paragraph_of(timex.start))
    return resolved


def _after_publication(value: str, published: date | None) -> bool:
    """Whether a specific value (a year, a month, a day) lies wholly after the publication date."""
    if published is None:
        return False
    day = _day_of(value)
    if day is not None:
        return day > published
    if _MONTH_PREFIX.match(value):
        return value[:7] > published.isoformat()[:7]
    return int(value[:4]) > published.year


def _resolve(
    article: Article,
    timex: Timex,
    timexes: list[Timex],
    anchors: tuple[str | None, str | None, str | None],
    last_value: tuple[str, str] | None,
    in_turn: bool,
) -> Timex:
    anchor, day_fallback, first_day = anchors
    instruction = timex.anchor or ""
    if instruction in ("clock", "part"):
        # A clock time is on the day named beside it; "that night" points back to the narration's day,
        # except in an interview, whose answers have no narration to point back to.
        beside = _sentence_day(article, timex, timexes) if instruction == "clock" or in_turn else None
        if beside is None and not in_turn and instruction == "part" and _day_of(anchor) is None and first_day:
            # A part of the day is of a day: after a coarser background date ("in May") it is the reported day.
            anchor = first_day
        prefix = beside.isoformat() if beside else _day_prefix(None if in_turn else anchor)
        return replace(timex, value=f"{prefix}{timex.value}", anchor=None)
    if instruction == "same":
        kind, value = last_value if last_value else (timex.type, None)
        return replace(timex, type=kind, value=value, anchor=None)
    shift = re.fullmatch(r"([a-z]+)([+-]\d+)", instruction)
    if anchor is None or shift is None:
        return replace(timex, value=None, anchor=None)
    value = _shifted(anchor, shift[1], int(shift[2]))
    if value is None and day_fallback is not None:
        value = _shifted(day_fallback, shift[1], int(shift[2]))
    return replace(timex, value=value, anchor=None)
