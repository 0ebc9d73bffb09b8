"""The committed corpus as a whole: every capture converts with the annotators, validates, and builds what is committed;
every Wikinews record says what its CSV row says."""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import shutil
import time
from pathlib import Path

import pytest

from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline.corpus import build_corpus
from newscorpus.record.layout import CorpusLayout

REPO = Path(__file__).resolve().parent.parent
CSV_FILES = sorted((REPO / "corpus" / "sources" / "wikinews").glob("wikinews_*.csv"))
CC_BY_25 = "https://creativecommons.org/licenses/by/2.5/"


def _csv_rows() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for path in CSV_FILES:
        with path.open(encoding="utf-8", newline="") as handle:
            rows |= {row["url"].replace("org//wiki/", "org/wiki/"): row for row in csv.DictReader(handle)}
    return rows


def _wikinews_records() -> list[dict]:
    paths = sorted((REPO / "corpus" / "records").glob("wikinews-*.json"))
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


ROWS = _csv_rows()
RECORDS = _wikinews_records()


def test_every_article_row_has_one_record_and_the_test_pages_none():
    articles = {url for url, row in ROWS.items() if not row["title"].startswith("TEST PAGE:")}
    assert len(articles) == 293 and len(ROWS) == 295
    assert sorted(record["source"]["url"] for record in RECORDS) == sorted(articles)


@pytest.mark.parametrize("record", RECORDS, ids=[record["id"] for record in RECORDS])
def test_a_wikinews_record_says_what_its_csv_row_says(record):
    row = ROWS[record["source"]["url"]]
    source, metadata = record["source"], record["metadata"]
    assert "//wiki" not in source["url"] and source["url"] == row["url"].replace("org//wiki/", "org/wiki/")
    assert metadata["headline"] == " ".join(row["title"].split())
    assert record["text"].startswith(metadata["headline"] + "\n\n")
    published = metadata["publication_date"]
    assert published["value"] == row["date"]
    if published["provenance"]["kind"] == "auto":  # established by convert from the capture header
        assert f"date: {row['date']}" in published["evidence"]
    else:  # confirmed by hand in an applied gold pass, with the annotators named
        assert published["provenance"]["kind"] == "gold" and published["provenance"]["annotators"]
        assert published["evidence"]
    assert (source["license_id"], source["license_url"]) == ("CC-BY-2.5", CC_BY_25)
    attribution = source["attribution"]
    assert attribution["title"] == metadata["headline"] and attribution["url"] == source["url"]
    assert attribution["author"] == "Wikinews contributors" and attribution["license"] == "CC-BY-2.5"
    assert "normalized" in attribution["changes"] and "annotated" in attribution["changes"]
    raw = (REPO / record["raw"]["path"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == record["raw"]["sha256"]
    header = record["boilerplate"][0]
    assert header["kind"] == "header" and header["text"] == f"url: {row['url']}\ndate: {row['date']}"
    assert "This article requires" not in record["text"] and "Article last amended" not in record["text"]


def test_the_datelines_of_2019_are_datelines_and_agree_with_the_published_date():
    with_dateline = [r for r in RECORDS if r["metadata"]["dateline"] is not None]
    # 2019: 170 paragraphs and one first line; 2020: two first lines, two after a review notice
    assert len(with_dateline) == 175
    for record in with_dateline:
        published = record["metadata"]["publication_date"]
        if published["provenance"]["kind"] == "auto":  # convert's cross-check, in its own words
            assert "agrees" in published["evidence"], record["id"]
        else:  # a date confirmed by hand: the dateline still names that day
            named = datetime.datetime.strptime(record["metadata"]["dateline"], "%A, %B %d, %Y").date()
            assert named.isoformat() == published["value"], record["id"]
        roles = [p["role"] for p in record["layers"]["paragraphs"]["items"]]
        assert roles[:2] == ["headline", "dateline"]
        start, end = (
            record["layers"]["paragraphs"]["items"][1]["start"],
            record["layers"]["paragraphs"]["items"][1]["end"],
        )
        dates = [t for t in record["layers"]["timex"]["items"] if (t["start"], t["end"]) == (start, end)]
        assert [t["value"] for t in dates] == [record["metadata"]["publication_date"]["value"]], record["id"]


def test_every_capture_converts_validates_and_builds_what_is_committed(tmp_path):
    """The whole corpus, as `newscorpus build --check` would see it: 294 articles, about 40 s on 2 cores."""
    # The annotations folder is an input too: the card repeats its agreement table.
    for part in ("raw", "records", "profiles", "annotations"):
        shutil.copytree(REPO / "corpus" / part, tmp_path / "corpus" / part)
    layout = CorpusLayout(tmp_path)
    started = time.perf_counter()
    engine = LocalEngine(2)
    try:
        result = build_corpus(layout, engine)
    finally:
        engine.close()
    elapsed = time.perf_counter() - started
    converted = result.converted
    assert converted.documents == 294
    assert [f"{p.file}: [{p.code}] {p.message}" for p in converted.problems] == []
    assert converted.changed == [], "committed records differ from what convert makes: run newscorpus build"
    assert converted.notices == []
    assert result.release is not None

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    built, committed = files(layout.release_dir), files(REPO / "corpus" / "release")
    assert built.keys() == committed.keys()
    assert [name for name in built if built[name] != committed[name]] == [], "run newscorpus build and commit"
    print(f"converted, validated and built 294 articles in {elapsed:.1f} s")
