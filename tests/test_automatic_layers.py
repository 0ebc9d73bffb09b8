"""Automatic layers never make a record invalid: TIMEX3 values with X, and generated news-like articles."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.convert.decode import RawCapture
from newscorpus.convert.record import build_record
from newscorpus.validate import validate_record

REPO = Path(__file__).resolve().parent.parent


def _timex_codes(seed_record, value: str) -> list[str]:
    record = seed_record
    record["layers"]["timex"]["items"][0]["value"] = value
    return [p.code for p in validate_record(record) if p.code.startswith("timex.")]


@pytest.mark.parametrize(
    "value",
    [
        "PTXH",
        "PTXM",
        "PTXS",
        "PXY",
        "PXM",
        "PXW",
        "PXD",
        "PXYTXH",
        "P1DTXH",
        "P26Y",
        "PT2H30M",
        "PT1.5H",
        "P1DT12H",
        "PXDE",
        "P2CE",
        "P1ML",
    ],
)
def test_durations_with_an_unspecified_amount_are_timex3_values(seed_record, value):
    """TIMEX3 writes X for an amount the text leaves open, in a time unit as in a date unit."""
    assert _timex_codes(seed_record, value) == []


@pytest.mark.parametrize(
    "value", ["PT", "P", "PXH", "PTXY", "PTX", "PXXY", "PT X H", "ptxh", "PTXHX", "TXH", "PXDEC", "PTXDE"]
)
def test_malformed_durations_are_refused(seed_record, value):
    assert _timex_codes(seed_record, value) == ["timex.value-invalid"]


@pytest.mark.parametrize(
    "value",
    [
        "XXXX-XX-XXTMO",
        "XXXX-XX-XXT06:00",
        "XXXX-03-17",
        "XXXX-03-17T03:24:55",
        "199X",
        "19XX",
        "2019-XX-14",
        "18",
        "199",
    ],
)
def test_calendar_values_with_unspecified_digits_are_timex3_values(seed_record, value):
    """X stands for any digit the text leaves open, in a date as in a time of day."""
    assert _timex_codes(seed_record, value) == []


@pytest.mark.parametrize("value", ["2020-W35-WE", "2020-W35", "2020-W35-3", "XXXX-WXX-WE", "2019-SU", "2019-Q3"])
def test_weeks_with_their_weekend_or_day_and_seasons_are_timex3_values(seed_record, value):
    """TIMEX3 writes "this weekend" as the week's weekend (2020-W35-WE), a day of a week as its number."""
    assert _timex_codes(seed_record, value) == []


@pytest.mark.parametrize("value", ["2020-W35-WD", "2020-W35-8", "2020-05-WE", "2019-SU-01", "2020-W35-03"])
def test_weekends_of_months_days_of_seasons_and_two_digit_weekdays_are_refused(seed_record, value):
    assert _timex_codes(seed_record, value) == ["timex.value-invalid"]


@pytest.mark.parametrize(
    "value", ["XXX-XX-XX", "XXXX-XXX", "XXXX-XX-XXT6", "XXXX-XX-XXTX", "2019-13X", "xxxx", "1", "18-01"]
)
def test_malformed_calendar_placeholders_are_refused(seed_record, value):
    assert _timex_codes(seed_record, value) == ["timex.value-invalid"]


def _convert(text: str, folder: str = "odd") -> dict:
    data = text.encode("utf-8")
    capture = RawCapture(f"corpus/raw/{folder}/a.txt", text, hashlib.sha256(data).hexdigest())
    return build_record(capture, root=REPO)


def test_several_hours_is_annotated_ptxh_and_the_record_validates():
    record = _convert("Storm hits coast\n\nThe power was out for several hours on Monday, officials said.\n")
    values = {t["text"]: t["value"] for t in record["layers"]["timex"]["items"]}
    assert values["several hours"] == "PTXH"
    assert [p for p in validate_record(record) if p.code != "raw.missing"] == []


# Generated news: names, titles, numbers, dates, durations, quotations, datelines and captions,
# the things the annotators look for, in the arrangements articles put them.
NAMES = ["Vladimir Putin", "Angela Merkel", "the United Nations", "Wikinews", "Dr. Ada Lovelace", "Mr. Smith", "Iran"]
VERBS = ["said", "told reporters", "announced", "warned", "denied", "argued"]
TIMES = ["on Monday", "last week", "several hours", "a few years ago", "in 2019", "on January 4, 2019",
         "the past 26 years", "since the 1990s", "yesterday", "at 6am", "every year", "three days", "soon"]  # fmt: skip
NUMBERS = ["39", "1,000", "48 percent", "$2 million", "ten-storey", "first", "68 people", "7.5 million"]
_word = st.sampled_from(["the", "a", "building", "police", "vote", "in", "of", "and", "was", "were", "to", "city"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "quote", "curly", "reported", "question"]))
    name, verb, when = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(TIMES))
    words = " ".join(draw(st.lists(_word, min_size=2, max_size=10)))
    number = draw(st.sampled_from(NUMBERS))
    if kind == "quote":
        return f'"{words.capitalize()} {number}," {name} {verb} {when}.'
    if kind == "curly":
        return f"{name} {verb}: \u201c{words.capitalize()}.\u201d"
    if kind == "reported":
        return f"{name} {verb} that {words} {number} {when}."
    if kind == "question":
        return f"((WN)) {words.capitalize()} {when}?"
    return f"{words.capitalize()} {number} {when}."


@st.composite
def articles(draw: st.DrawFn) -> str:
    headline = draw(st.sampled_from(["Explosion kills 39 in Magnitogorsk", "Wikinews interviews a chess master"]))
    dateline = draw(st.sampled_from(["", "Friday, January 4, 2019\u00a0\n\n\n", "Monday, August 3, 2020 \n"]))
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
    caption = draw(st.sampled_from(["", "\n\nProtesters at the march. Image: Andrew Gray."]))
    separator = draw(st.sampled_from(["\n\n", "\n\n\n", "\n \n"]))
    return f"{headline}\n\n{dateline}" + separator.join(paragraphs) + caption + "\n"


EXAMPLES = settings(
    max_examples=int(os.environ.get("NEWSCORPUS_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@EXAMPLES
@given(articles())
def test_generated_news_converts_with_the_annotators_to_a_valid_record(article):
    record = _convert(article)
    assert [p for p in validate_record(record) if p.code != "raw.missing"] == []


@EXAMPLES
@given(articles(), st.sampled_from(["2019-01-04", "2020-08-03", "2019-01-05"]))
def test_generated_wikinews_captures_convert_to_valid_records(article, date):
    headline, _, text = article.partition("\n\n")
    capture = f"url: https://en.wikinews.org//wiki/{headline.replace(' ', '_')}\ndate: {date}\n\n{headline}\n\n{text}"
    record = _convert(capture, "wikinews")
    assert record["source"]["profile"] == "wikinews" and record["source"]["attribution"] is not None
    assert record["metadata"]["publication_date"]["value"] == date
    assert [p for p in validate_record(record) if p.code != "raw.missing"] == []
