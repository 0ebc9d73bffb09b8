"""The temporal expression annotator on hard cases: TIMEX3 types and values resolved against the publication date.

Each case is a small article converted like a contributor's capture; every
annotated record must also pass `newscorpus validate`.
"""

from __future__ import annotations

import pytest
from conftest import annotate


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Kremlin said Saturday that talks went well.", [("Saturday", "DATE", "2020-08-15")]),
        ("Voters went to the polls on Sunday.", [("Sunday", "DATE", "2020-08-09")]),
        ("The ministers will meet on Friday.", [("Friday", "DATE", "2020-08-21")]),
        ("He met her last Saturday.", [("last Saturday", "DATE", "2020-08-08")]),
        ("He has ruled for the past 26 years.", [("the past 26 years", "DURATION", "P26Y")]),
        ("Talks lasted three days.", [("three days", "DURATION", "P3D")]),
        ("It happened three days ago.", [("three days ago", "DATE", "2020-08-12")]),
        ("Sales fell last week.", [("last week", "DATE", "2020-W32")]),
        (
            "Sales fell last month and rose this year.",
            [("last month", "DATE", "2020-07"), ("this year", "DATE", "2020")],
        ),
        ("The vote was held on August 9, 2020.", [("August 9, 2020", "DATE", "2020-08-09")]),
        ("The law came into force on 1 July.", [("1 July", "DATE", "2020-07-01")]),
        ("Elections are due in December.", [("December", "DATE", "2020-12")]),
        (
            "The decline began in 1994 and peaked in the 1990s.",
            [("1994", "DATE", "1994"), ("the 1990s", "DATE", "199")],
        ),
        ("Problems will be resolved soon.", [("soon", "DATE", "FUTURE_REF")]),
        ("The session opens at 10 a.m. today.", [("10 a.m. today", "TIME", "2020-08-15T10:00")]),
        ("The report is published every year.", [("every year", "SET", "P1Y")]),
        ("He has since changed his rhetoric; it earlier issued a claim.", []),
    ],
)
def test_timex_extent_type_and_value_against_the_publication_date(annotators, body, expected):
    record = annotate(annotators, body)
    assert [(t["text"], t["type"], t["value"]) for t in record["layers"]["timex"]["items"]] == expected


def test_without_a_publication_date_relative_values_are_null_and_absolute_ones_kept(annotators):
    record = annotate(annotators, "They met on Friday and signed on August 9, 2020.", published=None)
    values = [(t["text"], t["value"]) for t in record["layers"]["timex"]["items"]]
    assert values == [("Friday", None), ("August 9, 2020", "2020-08-09")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I first heard of it on March 21st.", [("March 21st", "DATE", "2020-03-21")]),
        ("It opened on the 3rd of August, 2019.", [("3rd of August, 2019", "DATE", "2019-08-03")]),
        ("It opened on the 3rd of August.", [("3rd of August", "DATE", "2020-08-03")]),
        ("They met on August 2nd, 2019.", [("August 2nd, 2019", "DATE", "2019-08-02")]),
    ],
)
def test_a_day_with_an_ordinal_suffix_is_one_date(annotators, body, expected):
    record = annotate(annotators, body)
    assert [(t["text"], t["type"], t["value"]) for t in record["layers"]["timex"]["items"]] == expected
