"""Temporal expressions inside speech: deixis in quotations, and interview turns (guidelines §7.2, §7.11).

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
        # Deixis in a quotation is the lead day's, the day the narration first states.
        (
            'On Wednesday, the governor signed the act. She wrote, "Today, I signed the act."',
            [("Wednesday", "2020-08-12"), ("Today", "2020-08-12")],
        ),
        (
            'The fair opened on August 6. A vendor said, "This week has been busy; tomorrow I rest."',
            [("August 6", "2020-08-06"), ("This week", "2020-W32"), ("tomorrow", "2020-08-07")],
        ),
        # Outside quotations deixis stays the publication date's.
        (
            "On Wednesday, the governor signed the act. Protests continue today.",
            [("Wednesday", "2020-08-12"), ("today", "2020-08-15")],
        ),
        # No lead day (none stated, or only one long before): the publication date.
        ('He said, "Today we are trying."', [("Today", "2020-08-15")]),
        (
            'The plant opened on March 3, 2019. Its director said, "Today we are proud."',
            [("March 3, 2019", "2019-03-03"), ("Today", "2020-08-15")],
        ),
    ],
)
def test_deixis_in_a_quotation_resolves_against_the_lead_day(annotators, body, expected):
    assert _values(annotate(annotators, body)) == expected


def test_in_an_interview_parts_of_the_day_and_clock_times_take_only_a_day_named_beside_them(annotators):
    body = (
        "On Tuesday, the clinic closed.\n\n"
        "((WN)) What was a normal day like?\n\n"
        "((Asha Rao)) We used to go to work in the morning and come back in the evening. "
        "Training starts at 1 pm.\n\nOn Friday at 9 am we met again."
    )
    assert _values(annotate(annotators, body)) == [
        ("Tuesday", "2020-08-11"),
        ("the morning", "XXXX-XX-XXTMO"),
        ("the evening", "XXXX-XX-XXTEV"),
        ("1 pm", "XXXX-XX-XXT13:00"),
        ("Friday", "2020-08-14"),
        ("9 am", "2020-08-14T09:00"),
    ]


def test_today_in_an_interview_turn_is_the_present_of_the_conversation(annotators):
    body = "((WN)) Who helped you get where you are today?\n\n((Asha Rao)) My parents, and yesterday my coach."
    assert _values(annotate(annotators, body)) == [("today", "PRESENT_REF"), ("yesterday", "2020-08-14")]


def test_a_clock_time_beside_a_weekday_with_its_part_of_the_day_is_on_that_day(annotators):
    body = "The capsule docked at 2:49 a.m. local time on Saturday morning."
    assert _values(annotate(annotators, body)) == [
        ("2:49 a.m. local time", "2020-08-15T02:49"),
        ("Saturday morning", "2020-08-15TMO"),
    ]
