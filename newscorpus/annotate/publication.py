"""The publication date an article's own first lines give: a dateline, or a date written near the top.

News text states its date near the top: a dateline paragraph ("Friday,
January 4, 2019"), a date line under the headline ("January 4, 2019", "4
January 2019"), or a date in parentheses opening the lead ("(January 4,
2019)"). When the source's metadata gives no date, this is the best witness
the text has, and relative dates ("Friday", "last week") can only be
resolved against some date. A date whose weekday disagrees with its calendar
date is no witness. A date inside a body sentence is an event's date, not the
article's, so only a line that is the date alone, or opens with it, counts.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

OPENING_CHARACTERS = 600  # the headline, a credit and the dateline fit; most of a lead does not
_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_WEEKDAY = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? )?"
_DATE = re.compile(
    rf"(?P<open>\()?{_WEEKDAY}(?:(?P<month>{_MONTH}) (?P<day>\d{{1,2}}),? (?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}}) (?P<month2>{_MONTH}),? (?P<year2>(?:19|20)\d\d))"
)
# What may stand before the date on its line: nothing, or a place dateline ("WASHINGTON, ", "Moscow (AP) - ").
_PLACE_BEFORE = re.compile(r"(?:[A-Z][\w.'\- ]{0,40}?(?: \([^)\n]{1,20}\))?(?:,| [\u2014\u2013-]) ?)?")
# The date stands alone on its line, or opens it before a dash, a colon or a closing parenthesis.
_LINE_AFTER = re.compile(r"\s*(?:$|\n|[)\u2014\u2013:-])")


@dataclass(frozen=True, slots=True)
class TextDate:
    """A date the text gives for itself, with where it stands and what it says."""

    value: date
    start: int
    end: int
    evidence: str


def named_date(year: int, month: int, day: int, weekday: str | None) -> tuple[date | None, str]:
    """The calendar date named, or None, with what is wrong with it ('' when nothing): a date or a weekday."""
    try:
        named = date(year, month, day)
    except ValueError:
        return None, f"{year:04d}-{month:02d}-{day:02d} is not a calendar date"
    if weekday and weekday.lower() != calendar.day_name[named.weekday()].lower():
        return named, f"{weekday} is not the weekday of {named.isoformat()} ({calendar.day_name[named.weekday()]})"
    return named, ""


def _calendar_date(match: re.Match[str]) -> date | None:
    month = list(calendar.month_name).index(match["month"] or match["month2"])
    named, problem = named_date(
        int(match["year"] or match["year2"]), month, int(match["day"] or match["day2"]), match["weekday"]
    )
    return None if problem else named


def date_in_opening_lines(text: str) -> TextDate | None:
    """The first date in the opening lines that stands on a line of its own or opens one, else None."""
    for match in _DATE.finditer(text, 0, OPENING_CHARACTERS):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not _PLACE_BEFORE.fullmatch(text, line_start, match.start()):
            continue  # inside a sentence: an event's date
        if not _LINE_AFTER.match(text, match.end()):
            continue
        named = _calendar_date(match)
        if named is None:
            continue
        start = match.start() + (1 if match["open"] else 0)
        return TextDate(named, start, match.end(), f"the text's opening line {text[start : match.end()]!r}")
    return None
