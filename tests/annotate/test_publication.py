"""The publication date an article's own opening lines give, and the timex values resolved against it."""

from __future__ import annotations

from datetime import date

import pytest

from newscorpus.annotate.article import Article
from newscorpus.annotate.publication import date_in_opening_lines
from newscorpus.annotate.timex import find_timexes
from newscorpus.convert.decode import RawCapture
from newscorpus.convert.record import build_record


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Headline\n\nFriday, January 4, 2019\n\nThe lead.", date(2019, 1, 4)),
        ("A Headline\n\nJanuary 4, 2019\n\nThe lead.", date(2019, 1, 4)),
        ("A Headline\n\n4 January 2019\n\nThe lead.", date(2019, 1, 4)),
        ("A Headline\n\n(January 4, 2019) The lead starts here.", date(2019, 1, 4)),
        ("A Headline\n\nWASHINGTON, January 4, 2019 \u2014 The lead starts here.", date(2019, 1, 4)),
        # A weekday that is not the date's own makes the line no witness.
        ("A Headline\n\nThursday, January 4, 2019\n\nThe lead.", None),
        # A date inside a sentence is an event's date, not the article's.
        ("A Headline\n\nOn January 4, 2019, the minister resigned.", None),
        ("A Headline\n\nNo date here at all.", None),
    ],
)
def test_date_in_opening_lines(text, expected):
    found = date_in_opening_lines(text)
    assert (found.value if found else None) == expected


def test_a_date_far_below_the_headline_is_not_the_articles(annotators):
    text = "A Headline\n\n" + "Body sentence without a date. " * 30 + "\n\nJanuary 4, 2019\n\nMore."
    assert date_in_opening_lines(text) is None


def test_a_capture_without_header_date_gets_its_dateline_as_automatic_publication_date(annotators):
    capture = RawCapture(
        "corpus/raw/test/article.txt",
        "Ferry Saved\n\nFriday, January 4, 2019\n\nThe council voted on Tuesday to keep the ferry.",
        "0" * 64,
    )
    record = build_record(capture, None, annotators)
    published = record["metadata"]["publication_date"]
    assert published["value"] == "2019-01-04"
    assert published["provenance"]["kind"] == "auto"
    assert "Friday, January 4, 2019" in published["evidence"]
    values = {t["text"]: t["value"] for t in record["layers"]["timex"]["items"]}
    assert values == {"Friday, January 4, 2019": "2019-01-04", "Tuesday": "2019-01-01"}


def test_the_annotator_resolves_against_the_opening_lines_when_the_record_has_no_date(annotators):
    capture = RawCapture(
        "corpus/raw/test/a.txt", "Ferry Saved\n\n4 January 2019\n\nThe council met on Tuesday.", "1" * 64
    )
    record = build_record(capture, None, annotators)
    record["metadata"]["publication_date"] = {"value": None, "evidence": "not established", "provenance": None}
    article = Article.from_record(record)
    assert article.published == date(2019, 1, 4)
    assert [t.value for t in find_timexes(article)] == ["2019-01-04", "2019-01-01"]
