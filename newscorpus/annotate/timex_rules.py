"""The rules of the timex finder: one pattern per kind of expression, each with the resolver of its value.

Values are resolved against the publication date (``Article.published``):
a bare weekday in past narration is the most recent such day on or before
it, in a future-tense sentence the next one; a month or a day without a
year is the nearest such one in the sentence's direction. Expressions whose
value hangs on another expression of the text are in
``newscorpus.annotate.timex_anchors``; the finder is ``newscorpus.annotate.timex``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from newscorpus.annotate.article import Article
from newscorpus.annotate.timex_tense import Tense, tense_at

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
_MONTH_ABBREVIATIONS |= {"oct": 10, "nov": 11, "dec": 12}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_UNIT_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "Y", "hour": "H", "minute": "M"}
_UNIT_CODES |= {"second": "S"}
# A word right before a month or a date that makes it ahead of the publication date ("until his next hearing on").
_FUTURE_BEFORE = frozenset({"next", "upcoming", "coming"})
# An end point ("through April", "till August") is the nearest such month, ahead or just past.
_UNTIL = frozenset({"until", "through", "till"})
_PAST_BEFORE = frozenset({"since", "back"})  # "since October", "back in February"
VAGUE_VALUES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF", "soon": "FUTURE_REF"}
VAGUE_VALUES |= {"presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "the future": "FUTURE_REF"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH += r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = (
    r"(?:\d+|" + "|".join(sorted(set(NUMBER_WORDS) - {"a", "an"}, key=len, reverse=True)) + r"|several|a few|few|many)"
)
_NUMBER = rf"(?:{_COUNT}|an|a)"
_UNIT = r"(?:year|month|week|day|decade|hour|minute|second)s?"


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a resolver sees: the article (its publication date, its sentences) and the rule's match."""

    article: Article
    match: re.Match[str]

    @property
    def published(self) -> date | None:
        return self.article.published

    def tense(self) -> Tense | None:
        """The tense the match is said in (``newscorpus.annotate.timex_tense``): decides "Friday" and "May"."""
        return tense_at(self.article, *self.match.span())

    def future_tense(self) -> bool:
        return self.tense() == "future"

    def word_before(self, words: frozenset[str]) -> bool:
        """Whether one of the four words before the match, in its sentence, is one of ``words``."""
        sentence_start = self.article.sentence_starts[self.article.sentence_of(self.match.start())]
        window_start = max(sentence_start, self.match.start() - 40)
        return bool(set(self.article.text[window_start : self.match.start()].lower().split()[-4:]) & words)


Resolution = tuple[str, str | None] | None
Rule = tuple[re.Pattern[str], Callable[[RuleContext], Resolution]]


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else _MONTH_ABBREVIATIONS[key]


def _amount(word: str) -> str:
    word = word.lower()
    if word.isdigit():
        return str(int(word))
    return str(NUMBER_WORDS[word]) if word in NUMBER_WORDS else "X"


def _weekday(context: RuleContext) -> Resolution:
    modifier = (context.match["modifier"] or "").lower()
    published = context.published
    part = _PARTS_OF_DAY.get((context.match["part"] or "").lower())
    if published is None:
        return ("TIME" if part else "DATE"), None
    target = WEEKDAYS.index(context.match["day"].lower())
    back = (published.weekday() - target) % 7
    if modifier == "last":
        # "last Thursday" is the Thursday of the week before the publication date's week.
        day = published - timedelta(days=published.weekday()) - timedelta(days=7 - target)
    elif modifier == "next" or (modifier != "this" and context.future_tense()):
        day = published + timedelta(days=(target - published.weekday()) % 7 or (7 if modifier == "next" else 0))
    else:
        day = published - timedelta(days=back)
    return ("TIME", f"{day.isoformat()}T{part}") if part else ("DATE", day.isoformat())


def _calendar_date(context: RuleContext) -> Resolution:
    month = _month_number(context.match["month"] or context.match["month2"])
    day = int(context.match["day"] or context.match["day2"])
    year_text = context.match["year"] or context.match["year2"]
    if year_text:
        year: str = year_text
    elif context.published:
        year = str(_year_of_month(context, month))
    else:
        year = "XXXX"
    try:
        if year != "XXXX":
            date(int(year), month, day)
    except ValueError:
        return None
    return "DATE", f"{year}-{month:02d}-{day:02d}"


def _year_of_month(context: RuleContext, month: int) -> int:
    """The year of a month named without one: the nearest such month in the sentence's direction."""
    published = context.published
    assert published is not None
    tense = context.tense()
    if tense == "future" or context.word_before(_FUTURE_BEFORE):
        return published.year if month >= published.month else published.year + 1
    if context.word_before(_PAST_BEFORE):
        return published.year if month <= published.month else published.year - 1
    if tense == "present" or context.word_before(_UNTIL):
        # Said in the present or as an end point ("is July 16", "through April"): the nearest such month.
        return min(
            (published.year - 1, published.year, published.year + 1),
            key=lambda y: abs(_months_between(published, y, month)),
        )
    return published.year if month <= published.month else published.year - 1


def _months_between(published: date, year: int, month: int) -> int:
    return (year - published.year) * 12 + month - published.month


def _month(context: RuleContext) -> Resolution:
    month = _month_number(context.match["month"] or "May")
    year = context.match["year"] or context.match["year2"]
    if year:
        return "DATE", f"{year}-{month:02d}"
    if context.published is None:
        return "DATE", f"XXXX-{month:02d}"
    return "DATE", f"{_year_of_month(context, month)}-{month:02d}"


def _year(context: RuleContext) -> Resolution:
    return "DATE", context.match["extent"]


def _decade(context: RuleContext) -> Resolution:
    """TIMEX3's short forms (guidelines §7.11): "the 1990s" 199, "the 80s" 198, "the 1800s" 18."""
    decade = context.match["decade"]
    if len(decade) == 2:
        return "DATE", "19" + decade[0]
    return "DATE", decade[:2] if decade.endswith("00") and not decade.startswith("20") else decade[:3]


def _deictic_day(context: RuleContext) -> Resolution:
    word = context.match["word"].lower()
    part = _PARTS_OF_DAY.get((context.match["part"] or "").lower()) or ("NI" if word == "tonight" else None)
    if context.published is None:
        return ("TIME" if part else "DATE"), None
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    day = (context.published + timedelta(days=shift)).isoformat()
    return ("TIME", f"{day}T{part}") if part else ("DATE", day)


def _weekend(context: RuleContext) -> Resolution:
    """ "this weekend", "last weekend": TIMEX3's weekend of an ISO week."""
    if context.published is None:
        return "DATE", None
    step = {"last": -1, "next": 1}.get(context.match["modifier"].lower(), 0)
    year, week, _ = (context.published + timedelta(weeks=step)).isocalendar()
    return "DATE", f"{year}-W{week:02d}-WE"


def _named_month(context: RuleContext) -> Resolution:
    """ "last March", "this past December", "next May": the nearest such month before or after the date."""
    month = _month_number(context.match["month"])
    published = context.published
    if published is None:
        return "DATE", f"XXXX-{month:02d}"
    if context.match["modifier"].lower() == "next":
        return "DATE", f"{published.year if month > published.month else published.year + 1}-{month:02d}"
    return "DATE", f"{published.year if month < published.month else published.year - 1}-{month:02d}"


def _modifier_duration(context: RuleContext) -> Resolution:
    """A period adjective, "a six-year term", "a 60-year-old man": TIMEX3 DURATION (guidelines §7.11, §7.12)."""
    unit = context.match["unit"].lower()
    amount = _amount(context.match["amount"])
    prefix = "PT" if unit in ("hour", "minute") else "P"
    return "DURATION", f"{prefix}{amount}{_UNIT_CODES[unit]}"


def _open_amount(context: RuleContext) -> Resolution:
    """A period with no count, "for hours", "decades of conflict": an X amount."""
    unit = context.match["unit"].lower().rstrip("s")
    if unit == "decade":
        return "DURATION", "PXDE"
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    return "DURATION", f"{prefix}X{_UNIT_CODES[unit]}"


def _part_of_day(context: RuleContext) -> Resolution:
    part = _PARTS_OF_DAY[context.match["part"].lower()]
    if context.published is None:
        return "TIME", None
    shift = -1 if context.match["modifier"].lower() == "last" else 0
    return "TIME", f"{(context.published + timedelta(days=shift)).isoformat()}T{part}"


def _relative_unit(context: RuleContext) -> Resolution:
    """A calendar unit next to the publication date: "last week", "this month", "next year", "this decade"."""
    published = context.published
    if published is None:
        return "DATE", None
    step = {"last": -1, "this": 0, "next": 1, "coming": 1}[context.match["modifier"].lower()]
    return "DATE", _calendar_unit(published, context.match["unit"].lower(), step)


def _calendar_unit(day: date, unit: str, step: int) -> str:
    if unit == "week":
        year, week, _ = (day + timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        index = day.year * 12 + day.month - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "decade":
        return f"{day.year // 10 + step:03d}X"
    return str(day.year + step)


def _season(context: RuleContext) -> Resolution:
    if context.published is None:
        return "DATE", None
    step = {"last": -1, "this": 0, "next": 1}[context.match["modifier"].lower()]
    return "DATE", f"{context.published.year + step}-{_SEASONS[context.match['season'].lower()]}"


def _duration(context: RuleContext) -> Resolution:
    """A period, TIMEX3 DURATION: "the past 26 years", "three weeks", "the last decade"."""
    unit = context.match["unit"].lower().rstrip("s")
    amount = _amount(context.match["amount"]) if context.match["amount"] else "1"
    if unit == "decade":
        amount = "X" if amount == "X" else str(int(amount) * 10)
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    return "DURATION", f"{prefix}{amount}{_UNIT_CODES[unit]}"


def _range_duration(context: RuleContext) -> Resolution:
    """A range of amounts, "4-5 years", "30 to 60 minutes": one DURATION with an X amount (guidelines §7.12)."""
    return _open_amount(context)


def _ago(context: RuleContext) -> Resolution:
    """A date counted back from the publication date: "three days ago"."""
    amount = _amount(context.match["amount"])
    unit = context.match["unit"].lower().rstrip("s")
    if amount == "X":
        return "DATE", "PAST_REF"  # "several years ago": no count, so only the direction (as timex_vague)
    if context.published is None or unit in ("hour", "minute"):
        return "DATE", None
    count = int(amount)
    if unit == "day":
        return "DATE", (context.published - timedelta(days=count)).isoformat()
    return "DATE", _calendar_unit(context.published, unit, -count)


def _set(context: RuleContext) -> Resolution:
    word = (context.match["unit"] or context.match["unit2"] or context.match["adverb"]).lower()
    if word == "hour":
        return "SET", "PT1H"
    code = {"day": "D", "daily": "D", "week": "W", "weekly": "W", "month": "M", "monthly": "M"}.get(word, "Y")
    return "SET", f"P1{code}"


RULES: tuple[Rule, ...] = (
    # A full date with its weekday ("Friday, January 4, 2019", a dateline) is one expression.
    (
        re.compile(rf"(?P<weekday>{_WEEKDAY}), (?P<month>{_MONTH}) (?P<day>\d{{1,2}}), (?P<year>(?:19|20)\d\d)"),
        _calendar_date,
    ),
    (
        re.compile(
            rf"(?:(?P<modifier>last|next|this) )?(?P<day>{_WEEKDAY})(?: (?P<part>morning|afternoon|evening|night))?",
            re.IGNORECASE,
        ),
        _weekday,
    ),
    (
        re.compile(
            rf"(?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:, (?P<year>(?:19|20)\d\d))?"
            rf"|(?P<day2>\d{{1,2}})(?:(?:st|nd|rd|th)(?: of)?)? (?P<month2>{_MONTH})(?:,? (?P<year2>(?:19|20)\d\d))?"
        ),
        _calendar_date,
    ),
    # "May" before a pronoun is the modal verb ("May he rest in peace").
    (
        re.compile(
            rf"(?P<month>{_MONTH})(?: (?P<year>(?:19|20)\d\d))?(?<!May)"
            r"|May(?: (?P<year2>(?:19|20)\d\d))?(?! (?:he|she|it|they|we|I|you|God|the)\b)"
        ),
        _month,
    ),
    (
        re.compile(
            r"\b(?:[Ii]n|[Ss]ince|[Bb]y|until|[Uu]ntil|from|[Ff]rom|to|of|before|after|during|early|late"
            r"|and|between|[Bb]efore|[Aa]fter|[Dd]uring|[Mm]id|throughout) "
            r"(?P<extent>(?:19|20)\d\d)\b(?![-%.,]\d|\s*(?:%|percent|people|km|miles))"
        ),
        _year,
    ),
    (
        # After a determiner, a year before a capitalised word is part of a name ("the 2019 Atlantic
        # hurricane season", guidelines §7.11): not a timex.
        re.compile(
            r"\b(?:the|[Tt]he|a|an|'s|\u2019s) (?P<extent>(?:19|20)\d\d)\b"
            r"(?![-%.,]\d|\s*(?:%|percent|people|km|miles)| [A-Z])"
        ),
        _year,
    ),
    (re.compile(r"the (?:(?:early|mid|late)[ -])?(?:'|\u2019)?(?P<decade>(?:1[0-9]|20)\d0|[2-9]0)s\b"), _decade),
    (
        re.compile(r"(?P<word>yesterday|today|tomorrow|tonight)(?: (?P<part>morning|afternoon|evening|night))?", re.I),
        _deictic_day,
    ),
    (re.compile(r"(?P<modifier>this|last) (?P<part>morning|afternoon|evening|night)", re.IGNORECASE), _part_of_day),
    (re.compile(r"(?P<modifier>last|this|next) (?P<unit>week|month|year|decade)", re.IGNORECASE), _relative_unit),
    (re.compile(r"the (?P<modifier>coming) (?P<unit>week|month|year)", re.IGNORECASE), _relative_unit),
    (
        re.compile(rf"(?P<low>{_COUNT})(?:-|\u2013| to | or )(?P<high>{_COUNT}) (?P<unit>{_UNIT})(?! ago| old)", re.I),
        _range_duration,
    ),
    (re.compile(r"(?P<modifier>last|this|next) (?P<season>spring|summer|autumn|fall|winter)", re.IGNORECASE), _season),
    (
        re.compile(rf"the (?:past|last|next|previous|coming) (?:(?P<amount>{_COUNT}) )?(?P<unit>{_UNIT})", re.I),
        _duration,
    ),
    (re.compile(rf"(?P<amount>{_COUNT}) (?P<unit>{_UNIT})(?! ago| old)", re.IGNORECASE), _duration),
    (re.compile(rf"(?P<amount>{_NUMBER}) (?P<unit>{_UNIT}) ago", re.IGNORECASE), _ago),
    (
        re.compile(
            r"(?:[Ee]very|[Ee]ach) (?P<unit>hour|day|week|month|year)\b|per (?P<unit2>day|week|month|year)\b"
            r"|\b(?P<adverb>daily|weekly|monthly|annually|annual|yearly)\b"
        ),
        _set,
    ),
    (re.compile(r"(?P<modifier>this|last|next|the) weekend", re.IGNORECASE), _weekend),
    (re.compile(rf"(?P<modifier>[Ll]ast|[Tt]his past|[Nn]ext) (?P<month>{_MONTH})"), _named_month),
    (
        re.compile(rf"(?P<amount>\d+|{_COUNT})-(?P<unit>year|month|week|day|hour|minute)(?:s?-old)?\b", re.I),
        _modifier_duration,
    ),
    (
        re.compile(
            r"\b(?:for|in|within|over|after|of) (?P<extent>(?P<unit>years|months|weeks|days|hours|minutes|seconds))\b"
        ),
        _open_amount,
    ),
    (re.compile(r"(?P<extent>(?P<unit>decades)) of\b"), _open_amount),
    (re.compile(r"(?P<unit>Hours|Days|Weeks|Months|Years|Minutes) (?=after|later|before|earlier)"), _open_amount),
    (
        re.compile(
            r"\b(?:least|than|about|around|nearly|almost|within|for|over|under|in|after|only) "
            r"(?P<extent>(?P<amount>a|an) (?P<unit>year|month|week|day|decade|hour|minute))\b(?! ago| or so)"
        ),
        _duration,
    ),
)
