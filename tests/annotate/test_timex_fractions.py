"""Periods with a half in them, and parts of a year or a month named by their place (TIMEX3 H, Q and W values).

The publication date of every case is Saturday 2020-08-15 (``conftest.annotate``).
"""

from __future__ import annotations

import pytest
from conftest import annotate


def _timexes(record):
    return [(t["text"], t["type"], t["value"]) for t in record["layers"]["timex"]["items"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The trial took two and a half years.", [("two and a half years", "DURATION", "P2.5Y")]),
        # One and a half is written in the smaller unit where it is whole; modifiers are inside.
        ("It sold 22 units in the past year and a half.", [("the past year and a half", "DURATION", "P18M")]),
        ("The stay came an hour and a half after the ruling.", [("an hour and a half", "DURATION", "PT90M")]),
        ("The meeting lasted half an hour.", [("half an hour", "DURATION", "PT30M")]),
        ("The feud went on for more than half a century.", [("more than half a century", "DURATION", "P50Y")]),
        ("She gave a half-hour speech.", [("half-hour", "DURATION", "PT30M")]),
    ],
)
def test_a_period_with_a_half_is_one_duration(annotators, body, expected):
    assert _timexes(annotate(annotators, body)) == expected


@pytest.mark.parametrize(
    ("body", "text", "value"),
    [
        ("Cases in the first half of this year exceeded all of 2006.", "the first half of this year", "2020-H1"),
        ("Growth in the third quarter of 2019 was 2.1%.", "the third quarter of 2019", "2019-Q3"),
        ("The olympiad took place in the first week of April.", "the first week of April", "2020-W14"),
        # "the last week" on its own is a period; "of March" makes it a week of March (ISO week 13 of 2020).
        ("Shops closed in the last week of March.", "the last week of March", "2020-W13"),
    ],
)
def test_a_part_of_a_year_or_a_month_is_one_date_with_its_part(annotators, body, text, value):
    assert (text, "DATE", value) in _timexes(annotate(annotators, body))


def test_a_game_half_is_no_part_of_a_calendar_period(annotators):
    # Game periods are not timexes (guidelines §7.12): "the second half of the match" stays untagged.
    assert _timexes(annotate(annotators, "The second half of the match was dull.")) == []
