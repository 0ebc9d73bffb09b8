"""Capture: Wikinews CSV rows to header captures, lossless, reproducible, from the committed sources alone."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from newscorpus.capture.header import CaptureFormatError, HeaderCapture, format_capture, parse_capture
from newscorpus.capture.wikinews_csv import capture_file_name, capture_text, read_csv_rows, row_of_capture
from newscorpus.capture.writing import PROVENANCE_FILE, capture_wikinews_csv
from newscorpus.cli import main
from newscorpus.record.layout import CorpusLayout

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "corpus" / "sources" / "wikinews"
CSV_FILES = [SOURCES / "wikinews_2019.csv", SOURCES / "wikinews_2020.csv"]
CAPTURES = REPO / "corpus" / "raw" / "wikinews"
FILE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}\.txt")


def csv_rows(path: Path) -> list[dict[str, str]]:
    """The rows as the standard library's csv module reads them, independently of the capture code."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_committed_csvs_are_the_upstream_files():
    provenance = json.loads((CAPTURES / PROVENANCE_FILE).read_text(encoding="utf-8"))
    assert provenance["origin"]["repository"] == "https://github.com/vanatteveldt/wikinews"
    assert provenance["origin"]["commit"] == "347254178bf343f3801aac1d03c41cc09c35decb"
    import hashlib

    assert {f["file"]: f["sha256"] for f in provenance["files"]} == {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in CSV_FILES
    }
    assert [f["rows"] for f in provenance["files"]] == [171, 124]


def test_every_row_of_both_csvs_round_trips_through_its_capture():
    """Each article row is recovered exactly from its committed file; every row (test pages too) from its text."""
    recovered = 0
    for path in CSV_FILES:
        expected = csv_rows(path)
        rows = list(read_csv_rows(path))
        assert [(r.url, r.date, r.title, r.text) for r in rows] == [tuple(e.values()) for e in expected]
        for row in rows:
            text = capture_text(row)
            again = row_of_capture(text)
            assert (again.url, again.date, again.title, again.text) == (row.url, row.date, row.title, row.text)
            if row.title.startswith("TEST PAGE:"):
                assert not (CAPTURES / capture_file_name(row)).exists()
                continue
            committed = (CAPTURES / capture_file_name(row)).read_bytes().decode("utf-8")
            from_file = row_of_capture(committed)
            assert (from_file.url, from_file.date, from_file.title, from_file.text) == (
                row.url,
                row.date,
                row.title,
                row.text,
            )
            recovered += 1
    assert recovered == 293


def test_capture_from_the_committed_csvs_makes_exactly_the_committed_raw_files(tmp_path):
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    run = capture_wikinews_csv(CSV_FILES, CorpusLayout(tmp_path))
    assert run.captured == 293 and len(run.written) == 293
    assert [s.row.title for s in run.skipped] == ["TEST PAGE:Self-publish yesterday", "TEST PAGE:Self-publish today"]
    made = {p.name: p.read_bytes() for p in (tmp_path / "corpus" / "raw" / "wikinews").iterdir()}
    committed = {p.name: p.read_bytes() for p in CAPTURES.iterdir()}
    assert made.keys() == committed.keys()
    assert [name for name in made if made[name] != committed[name]] == []
    again = capture_wikinews_csv(CSV_FILES, CorpusLayout(tmp_path))
    assert again.written == [] and len(again.unchanged) == 293


def test_file_names_are_ascii_dated_slugged_and_hashed():
    names = sorted(p.name for p in CAPTURES.glob("*.txt"))
    assert len(names) == 293
    assert [n for n in names if not FILE_NAME.fullmatch(n)] == []
    assert names[0].startswith("2019-01-04-magnitogorsk-apartment-building-collapses")


def test_the_cli_prints_each_skip_with_its_reason(tmp_path):
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    result = CliRunner().invoke(main, ["capture", "wikinews-csv", "--root", str(tmp_path), *map(str, CSV_FILES)])
    assert result.exit_code == 0, result.output
    skips = [line for line in result.output.splitlines() if ": skipped " in line]
    assert len(skips) == 2 and all("a Wikinews test page" in line for line in skips)
    assert "captured 293 article(s)" in result.output


def _csv(path: Path, rows: list[list[str]], header: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header or ["url", "date", "title", "text"])
        writer.writerows(rows)
    return path


GOOD = ["https://en.wikinews.org//wiki/A_story", "2019-01-04", "A story", "Friday, January 4, 2019\n\nText.\n"]


@pytest.mark.parametrize(
    ("rows", "header", "code"),
    [
        ([GOOD], ["url", "date", "headline", "text"], "capture.bad-source"),
        ([[*GOOD[:2], "A\nstory", GOOD[3]]], None, "capture.bad-row"),
        ([[GOOD[0], "4 January 2019", *GOOD[2:]]], None, "capture.bad-row"),
        ([["https://example.org/a", *GOOD[1:]]], None, "capture.bad-row"),
        ([GOOD, GOOD], None, "capture.bad-row"),
        ([GOOD[:3]], None, "capture.bad-row"),
    ],
    ids=["wrong-columns", "title-with-line-break", "date-not-iso", "not-wikinews", "same-url-twice", "three-fields"],
)
def test_a_bad_source_is_refused_with_its_code_and_nothing_is_written(tmp_path, rows, header, code):
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    source = _csv(tmp_path / "bad.csv", rows, header)
    result = CliRunner().invoke(main, ["capture", "wikinews-csv", "--root", str(tmp_path), str(source)])
    assert result.exit_code == 2
    assert f"error [{code}]" in result.output and "Traceback" not in result.output
    assert str(source) in result.output
    assert not (tmp_path / "corpus" / "raw" / "wikinews").exists()


def test_a_capture_that_would_change_a_raw_file_is_refused(tmp_path):
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    source = _csv(tmp_path / "a.csv", [GOOD])
    capture_wikinews_csv([source], CorpusLayout(tmp_path))
    capture_file = next((tmp_path / "corpus" / "raw" / "wikinews").glob("*.txt"))
    capture_file.write_text(capture_file.read_text(encoding="utf-8") + "edited", encoding="utf-8")
    before = capture_file.read_bytes()
    result = CliRunner().invoke(main, ["capture", "wikinews-csv", "--root", str(tmp_path), str(source)])
    assert result.exit_code == 2 and "error [capture.conflict]" in result.output
    assert capture_file.read_bytes() == before


_LINE = st.text(st.characters(blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), min_size=1).filter(
    lambda s: s == s.strip()
)


@given(url=_LINE, date=_LINE, title=_LINE, text=st.text())
def test_header_format_round_trips_any_text(url, date, title, text):
    capture = HeaderCapture((("url", url), ("date", date)), title, text)
    assert parse_capture(format_capture(capture)) == capture


@pytest.mark.parametrize(
    "capture",
    [
        HeaderCapture((("url", "a\u2028b"),), "t", ""),
        HeaderCapture((("url", "u"),), " t", ""),
        HeaderCapture((("url", "u"),), "", "text"),
        HeaderCapture((("URL", "u"),), "t", ""),
        HeaderCapture((), "t", ""),
    ],
    ids=["line-separator-in-value", "title-with-edge-space", "empty-title", "uppercase-key", "no-header"],
)
def test_fields_the_format_cannot_hold_exactly_are_refused(capture):
    with pytest.raises(CaptureFormatError):
        format_capture(capture)


@pytest.mark.parametrize("text", ["url: u", "url u\n\nt\n\nx", "url: u\n\nt\nmore\n\nx", "url: u\n\nt"])
def test_files_not_in_the_format_are_refused(text):
    with pytest.raises(CaptureFormatError):
        parse_capture(text)


def test_a_source_that_is_not_utf8_is_refused(tmp_path):
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    source = tmp_path / "latin1.csv"
    source.write_bytes("url,date,title,text\nx,2019-01-01,Caf\u00e9,t\n".encode("latin-1"))
    result = CliRunner().invoke(main, ["capture", "wikinews-csv", "--root", str(tmp_path), str(source)])
    assert result.exit_code == 2 and "error [capture.bad-source]" in result.output and "UTF-8" in result.output


def test_every_capture_code_is_exercised():
    from newscorpus.problems.codes import CODES

    capture_codes = {name for name in CODES if name.startswith("capture.")}
    # Each is asserted by a test above; a new capture code has to be added here, with its test.
    assert capture_codes == {"capture.bad-source", "capture.bad-row", "capture.conflict"}
