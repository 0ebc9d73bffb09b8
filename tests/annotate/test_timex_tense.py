"""The direction of a bare weekday or a month without a year, from the tense word that governs it.

The publication date of every case is Saturday 2020-08-15 (``conftest.annotate``).
"""

from __future__ import annotations

import pytest
from conftest import annotate


def _values(record):
    return [(t["text"], t["value"]) for t in record["layers"]["timex"]["items"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "will" in a clause of its own does not make the reporting clause's weekday future.
        (
            "On Wednesday, the leader announced that her government will withdraw the bill.",
            [("Wednesday", "2020-08-12")],
        ),
        # "due to" is "because of", not "due on".
        ("The mathematician died on Thursday at home, reportedly due to complications.", [("Thursday", "2020-08-13")]),
        # A word of intention under a past form is past.
        ("Other games scheduled for Wednesday were still held.", [("Wednesday", "2020-08-12")]),
        (
            "Forecasters predicted that the storm would pass the island Thursday night.",
            [("Thursday night", "2020-08-13TNI")],
        ),
        # ... and on its own it points ahead; so does "is to".
        ("The final is to be played on Sunday.", [("Sunday", "2020-08-16")]),
        ("Parliament has proposed a bill that would fund the agency through September.", [("September", "2020-09")]),
        # The present tense and an end point take the nearest such month, ahead or just past.
        ("The preliminary court date is September 16.", [("September 16", "2020-09-16")]),
        ("The celebration, ongoing through April, drew thousands.", [("April", "2020-04")]),
        # A clause after a semicolon has its own tense; "since" and "back in" point back.
        ("Officials will say more; cases rose since October.", [("October", "2019-10")]),
        # The existing future cases still hold.
        ("The ministers will meet on Friday.", [("Friday", "2020-08-21")]),
        ("Elections are due in December.", [("December", "2020-12")]),
    ],
)
def test_the_tense_word_nearest_the_expression_decides_its_direction(annotators, body, expected):
    assert _values(annotate(annotators, body)) == expected


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # On a Monday, the week a past-tense "this week" speaks of has ended (ISO weeks start on Monday).
        ("This week saw a referendum on autonomy.", "2019-01-28", [("This week", "2019-W04")]),
        # ... but not when a word of intention governs it, nor on a later day of the week.
        (
            "The House issued a request for a deposition, scheduled for this week.",
            "2019-09-30",
            [("this week", "2019-W40")],
        ),
        ("This week saw a referendum on autonomy.", "2019-01-30", [("This week", "2019-W05")]),
        # A weekend said in the past is the one before a weekday of publication.
        ("The storm formed over the Bahamas this weekend.", "2019-07-23", [("this weekend", "2019-W29-WE")]),
        ("Protests grew over the weekend.", "2019-07-27", [("the weekend", "2019-W30-WE")]),
        ("Talks will be held this weekend.", "2019-07-23", [("this weekend", "2019-W30-WE")]),
        # "the coming week" said on a Monday is the week that starts that day.
        ("More subpoenas are likely in the coming week.", "2019-09-30", [("the coming week", "2019-W40")]),
        ("More subpoenas are likely in the coming week.", "2019-09-28", [("the coming week", "2019-W40")]),
    ],
)
def test_a_week_said_in_the_past_is_the_week_just_ended(annotators, body, published, expected):
    assert _values(annotate(annotators, body, published)) == expected


def test_later_this_week_looks_ahead_whatever_the_tense(annotators):
    body = "He said the plan was to be unveiled at the assembly later this week."
    assert _values(annotate(annotators, body, "2019-09-23")) == [("later this week", "2019-W39")]
