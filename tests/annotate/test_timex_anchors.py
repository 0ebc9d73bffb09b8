"""Clock times, anchored relative expressions and widened extents (guidelines §7.10-§7.13).

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
        # A clock time takes the day named beside it, zones and approximators inside the span.
        (
            "At around 12:20 p.m. local time on Wednesday (1620 UTC) a man set himself on fire.",
            [
                ("around 12:20 p.m. local time", "TIME", "2020-08-12T12:20"),
                ("Wednesday", "DATE", "2020-08-12"),
                ("1620 UTC", "TIME", "2020-08-12T16:20"),
            ],
        ),
        (
            "The quake struck on Thursday at about 13:40 local time.",
            [
                ("Thursday", "DATE", "2020-08-13"),
                ("about 13:40 local time", "TIME", "2020-08-13T13:40"),
            ],
        ),
        # Clock time and the day after it are one expression.
        (
            "The advisory was released at 0300 UTC Monday morning.",
            [("0300 UTC Monday morning", "TIME", "2020-08-10T03:00")],
        ),
        ("The session opens at 10 am local time today.", [("10 am local time today", "TIME", "2020-08-15T10:00")]),
        # Without a day anywhere before it, a clock time keeps X digits for the date.
        (
            "Shops open at noon and close at midnight.",
            [
                ("noon", "TIME", "XXXX-XX-XXT12:00"),
                ("midnight", "TIME", "XXXX-XX-XXT00:00"),
            ],
        ),
        # The narrative anchor: the last stated day, not the publication date.
        (
            "The quake struck on Wednesday. Rescuers arrived the next day.",
            [
                ("Wednesday", "DATE", "2020-08-12"),
                ("the next day", "DATE", "2020-08-13"),
            ],
        ),
        (
            "The vote was on August 3, 2020. The results came two days later.",
            [
                ("August 3, 2020", "DATE", "2020-08-03"),
                ("two days later", "DATE", "2020-08-05"),
            ],
        ),
        (
            "He was arrested on July 1, 2020, and charged the day before.",
            [
                ("July 1, 2020", "DATE", "2020-07-01"),
                ("the day before", "DATE", "2020-06-30"),
            ],
        ),
        (
            "The party won in 2016. The following year it split.",
            [
                ("2016", "DATE", "2016"),
                ("The following year", "DATE", "2017"),
            ],
        ),
        (
            "The fire started on Tuesday. He died that night.",
            [
                ("Tuesday", "DATE", "2020-08-11"),
                ("that night", "TIME", "2020-08-11TNI"),
            ],
        ),
        (
            "The gunman struck on Friday, and a second attack came the same day.",
            [
                ("Friday", "DATE", "2020-08-14"),
                ("the same day", "DATE", "2020-08-14"),
            ],
        ),
        # Without a stated day, an anchored expression has no value (guidelines §7.10).
        ("The elephant died two days later.", [("two days later", "DATE", None)]),
        # Extents: modifiers inside, pieces joined, values of the core.
        ("In March of last year he resigned.", [("March of last year", "DATE", "2019-03")]),
        ("It was carried on Saturday, August 1 through the city.", [("Saturday, August 1", "DATE", "2020-08-01")]),
        ("He has acted for close to 25 years.", [("close to 25 years", "DURATION", "P25Y")]),
        (
            "The 60-year-old man died in late July.",
            [
                ("60-year-old", "DURATION", "P60Y"),
                ("late July", "DATE", "2020-07"),
            ],
        ),
        ("The pandemic was declared earlier this year.", [("earlier this year", "DATE", "2020")]),
        ("It took 4-5 years to recover.", [("4-5 years", "DURATION", "PXY")]),
        ("Survivors were trapped for hours.", [("hours", "DURATION", "PTXH")]),
        ("They met last Thursday.", [("last Thursday", "DATE", "2020-08-06")]),
        ("The festival is held this weekend.", [("this weekend", "DATE", "2020-W33-WE")]),
        ("Music of the 1980s and the 1800s.", [("the 1980s", "DATE", "198"), ("the 1800s", "DATE", "18")]),
        ("The funds last through September.", [("September", "DATE", "2020-09")]),
        ("Winds reached 75 miles per hour.", []),
        ("May he rest in peace; he died in May.", [("May", "DATE", "2020-05")]),
        ("As soon as he came, we left. Right now it is calm.", [("Right now", "DATE", "PRESENT_REF")]),
        ("She has worked there for the past 25-26 years.", [("the past 25-26 years", "DURATION", "PXY")]),
        ("Now, if you ask me, it works. Now that it is over, we rest.", []),
    ],
)
def test_anchored_values_and_extents(annotators, body, expected):
    assert _timexes(annotate(annotators, body)) == expected


def test_a_plan_after_the_publication_date_is_no_narrative_anchor(annotators):
    record = annotate(
        annotators, "The quake struck on Wednesday. A hearing is set for August 20, 2020. He died that night."
    )
    assert _timexes(record)[-1] == ("that night", "TIME", "2020-08-12TNI")


def test_the_dateline_is_one_date_and_no_narrative_anchor(annotators):
    record = annotate(annotators, "Saturday, August 15, 2020\n\nRescuers arrived the next day.")
    assert _timexes(record) == [
        ("Saturday, August 15, 2020", "DATE", "2020-08-15"),
        ("the next day", "DATE", None),
    ]


def test_a_year_after_the_publication_date_is_no_narrative_anchor_either(annotators):
    record = annotate(
        annotators, "The quake struck on Wednesday. A wall is due by 2025. Earlier that day, rescuers came."
    )
    assert _timexes(record)[-1] == ("that day", "DATE", "2020-08-12")


def test_a_day_step_after_a_coarser_anchor_steps_from_the_last_day_stated_close_before_it(annotators):
    record = annotate(
        annotators,
        "On Thursday, she addressed reporters. He was killed last October.\n\nThe previous day, a network reported it.",
    )
    assert _timexes(record) == [
        ("Thursday", "DATE", "2020-08-13"),
        ("last October", "DATE", "2019-10"),
        ("The previous day", "DATE", "2020-08-12"),
    ]


def test_a_part_of_a_named_day_is_one_time(annotators):
    record = annotate(annotators, "On the night of August 1, 2020, fans watched films.")
    assert _timexes(record) == [("the night of August 1, 2020", "TIME", "2020-08-01TNI")]


def test_a_part_of_the_day_after_a_coarser_background_date_is_on_the_reported_day(annotators):
    # "in May" is a month: "the night" is a night of the day the article reports, not of May.
    record = annotate(
        annotators,
        "Friday night was the fourth night of protests. Gatherings were allowed in May again.\n\n"
        "Officials said the night's clashes injured fourteen officers.",
    )
    assert _timexes(record)[-1] == ("the night", "TIME", "2020-08-14TNI")


def test_a_time_in_brackets_restates_the_one_before_it_and_moves_no_anchor(annotators):
    record = annotate(
        annotators,
        "The advisory, released at 8:00 p.m. AST on Wednesday (0000 UTC Thursday morning), placed the storm "
        "north of Bermuda. At the time, the storm had winds of 120 miles per hour.",
    )
    # The moment stated before the brackets, with its day, stays what "at the time" points back to.
    assert _timexes(record)[-1] == ("the time", "TIME", "2020-08-12T20:00")
