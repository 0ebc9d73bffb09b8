"""Indefinite times: "one day" opening a story, "some day", and "years ago" with no count.

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
        # "one day" opening a clause is a day the text does not give; elsewhere it is a period.
        ("One day you realise that it is broken.", [("One day", "DATE", None)]),
        ("I was living like this and one day he fell ill.", [("one day", "DATE", None)]),
        ("Oh, so, one day I was singing in a mall.", [("one day", "DATE", None)]),
        ("They kept me one day and let me go.", [("one day", "DURATION", "P1D")]),
        ("It took one day of talks.", [("one day", "DURATION", "P1D")]),
        ("I hope that some day I will play for them.", [("some day", "DATE", "FUTURE_REF")]),
        # A time ago with no count: only its direction.
        (
            "Neanderthals living tens of thousands of years ago made tools.",
            [("tens of thousands of years ago", "DATE", "PAST_REF")],
        ),
        ("He was convicted years ago.", [("years ago", "DATE", "PAST_REF")]),
        ("It began about a year or two ago.", [("about a year or two ago", "DATE", "PAST_REF")]),
        ("That started quite a while ago.", [("quite a while ago", "DATE", "PAST_REF")]),
        ("It happened several years ago.", [("several years ago", "DATE", "PAST_REF")]),
        # A counted one keeps its year.
        ("It happened three years ago.", [("three years ago", "DATE", "2017")]),
    ],
)
def test_indefinite_times(annotators, body, expected):
    assert _timexes(annotate(annotators, body)) == expected
