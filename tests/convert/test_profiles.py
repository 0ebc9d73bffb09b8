"""Profiles as data: the corpus's own folder, the documented format, located errors, the new slots."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorpus.cli import main
from newscorpus.convert import convert_raw_file
from newscorpus.convert.profile_format import TABLES
from newscorpus.validate import validate_record

REPO = Path(__file__).resolve().parents[2]
DOCS = (REPO / "docs" / "profiles.md").read_text(encoding="utf-8")

GAZETTE = """id = "harbourgazette"
publisher = "The Harbour Gazette"
license = "Article text copyright The Harbour Gazette."

[header]
name = "capture-header"
url = "url"
published = "date"

[[header.url_rewrite]]
pattern = '^http://'
replacement = 'https://'

[dateline]
name = "dateline"
pattern = '(?P<weekday>[A-Z][a-z]+day), (?P<month>[A-Z][a-z]+) (?P<day>[0-9]{1,2}), (?P<year>[0-9]{4})'
split_line = true

[[caption]]
name = "image-caption"
pattern = '.{0,200}Image: [^\\n]{1,60}'
"""
BODY = "The ferry left the harbour on Monday, officials said.\n\nIt returned two days later."


def corpus_with(tmp_path: Path, profile: str | None, raw: str, name: str = "a.txt") -> Path:
    (tmp_path / "corpus" / "raw" / "harbourgazette").mkdir(parents=True)
    (tmp_path / "corpus" / "raw" / "harbourgazette" / name).write_text(raw, encoding="utf-8")
    if profile is not None:
        (tmp_path / "corpus" / "profiles").mkdir()
        (tmp_path / "corpus" / "profiles" / "harbourgazette.toml").write_text(profile, encoding="utf-8")
    return tmp_path


def convert(root: Path, name: str = "a.txt", notices: list | None = None) -> dict:
    relative = f"corpus/raw/harbourgazette/{name}"
    return convert_raw_file(root / relative, relative, notices=notices)


def capture(date: str, dateline: str) -> str:
    return f"url: http://gazette.example/ferry\ndate: {date}\n\nFerry returns\n\n{dateline}\n\n{BODY}\n"


def test_every_profile_key_is_documented():
    for table, keys in TABLES.items():
        for key in keys:
            assert f"`{key}`" in DOCS or f"`[{key}]`" in DOCS or f"`[[{key}]]`" in DOCS, (table, key)


def test_a_corpus_profile_is_read_from_the_corpus_root(tmp_path):
    root = corpus_with(tmp_path, GAZETTE, capture("2019-01-04", "Friday, January 4, 2019"))
    record = convert(root)
    assert record["source"]["profile"] == "harbourgazette"
    assert record["source"]["publisher"] == "The Harbour Gazette"
    assert validate_record(record, root) == []


def test_header_is_boilerplate_and_gives_url_and_date(tmp_path):
    root = corpus_with(tmp_path, GAZETTE, capture("2019-01-04", "Friday, January 4, 2019"))
    record = convert(root)
    assert "url:" not in record["text"] and record["text"].startswith("Ferry returns\n\n")
    header = record["boilerplate"][0]
    assert header["kind"] == "header" and header["rule"] == "harbourgazette:capture-header"
    raw = (root / record["raw"]["path"]).read_text(encoding="utf-8")
    assert raw[header["raw_start"] : header["raw_end"]] == "url: http://gazette.example/ferry\ndate: 2019-01-04"
    assert record["source"]["url"] == "https://gazette.example/ferry"  # the rewrite
    published = record["metadata"]["publication_date"]
    assert published["value"] == "2019-01-04"
    assert published["provenance"]["kind"] == "auto" and published["provenance"]["tool"] == "newscorpus.convert"
    assert "'date: 2019-01-04'" in published["evidence"] and "agrees" in published["evidence"]


def test_dateline_is_its_own_paragraph_and_one_date(tmp_path):
    root = corpus_with(tmp_path, GAZETTE, capture("2019-01-04", "Friday, January 4, 2019"))
    record = convert(root)
    text = record["text"]
    roles = [(p["role"], text[p["start"] : p["end"]]) for p in record["layers"]["paragraphs"]["items"]]
    assert roles[:2] == [("headline", "Ferry returns"), ("dateline", "Friday, January 4, 2019")]
    assert record["metadata"]["dateline"] == "Friday, January 4, 2019"
    dateline = roles[1][1]
    dates = [e for e in record["layers"]["entities"]["items"] if e["text"] == dateline]
    assert [e["label"] for e in dates] == ["DATE"]
    timexes = [t for t in record["layers"]["timex"]["items"] if t["start"] < len("Ferry returns") + 2 + len(dateline)]
    assert [(t["text"], t["value"]) for t in timexes] == [(dateline, "2019-01-04")]


@pytest.mark.parametrize(
    ("dateline", "reason"),
    [
        ("Saturday, January 5, 2019", "it names 2019-01-05"),
        ("Thursday, January 4, 2019", "Thursday is not the weekday of 2019-01-04 (Friday)"),
    ],
)
def test_a_dateline_that_disagrees_is_reported_not_hidden(tmp_path, dateline, reason):
    root = corpus_with(tmp_path, GAZETTE, capture("2019-01-04", dateline))
    notices: list = []
    record = convert(root, notices=notices)
    published = record["metadata"]["publication_date"]
    assert published["value"] == "2019-01-04"
    assert "DISAGREES" in published["evidence"] and reason in published["evidence"]
    assert [n.code for n in notices] == ["date.dateline-disagrees"]
    assert validate_record(record, root) == []
    result = CliRunner().invoke(main, ["convert", "--root", str(root), "-j", "1"])
    assert result.exit_code == 0
    assert "notice [date.dateline-disagrees]" in result.output and reason in result.output


def test_a_header_date_that_is_no_date_falls_back_to_the_dateline_with_a_notice(tmp_path):
    root = corpus_with(tmp_path, GAZETTE, capture("2019-02-30", "Friday, January 4, 2019"))
    notices: list = []
    record = convert(root, notices=notices)
    assert record["metadata"]["publication_date"]["value"] == "2019-01-04"
    assert "dateline" in record["metadata"]["publication_date"]["evidence"]
    assert [n.code for n in notices] == ["date.header-invalid"]


def test_a_dateline_on_the_first_line_of_a_paragraph_is_split_off(tmp_path):
    raw = capture("2019-01-04", "Friday, January 4, 2019 \nThe harbour master spoke first.")
    root = corpus_with(tmp_path, GAZETTE, raw)
    record = convert(root)
    text = record["text"]
    roles = [(p["role"], text[p["start"] : p["end"]]) for p in record["layers"]["paragraphs"]["items"]]
    assert roles[1:3] == [("dateline", "Friday, January 4, 2019"), ("body", "The harbour master spoke first.")]
    assert validate_record(record, root) == []


def test_captions_are_paragraphs_of_their_own_role(tmp_path):
    raw = capture("2019-01-04", "Friday, January 4, 2019") + "\nThe ferry at the quay. Image: J. Smith.\n\nMore text.\n"
    root = corpus_with(tmp_path, GAZETTE, raw)
    record = convert(root)
    text = record["text"]
    captions = [text[p["start"] : p["end"]] for p in record["layers"]["paragraphs"]["items"] if p["role"] == "caption"]
    assert captions == ["The ferry at the quay. Image: J. Smith."]
    assert validate_record(record, root) == []


def test_notices_after_the_headline_are_boilerplate_and_the_dateline_follows(tmp_path):
    profile = GAZETTE + '[[after_headline]]\nname = "review"\npattern = "This article awaits review."\n'
    raw = capture("2019-01-04", "This article awaits review.\n\nFriday, January 4, 2019")
    root = corpus_with(tmp_path, profile, raw)
    record = convert(root)
    assert [(b["kind"], b["rule"], b["text"]) for b in record["boilerplate"][1:]] == [
        ("banner", "harbourgazette:review", "This article awaits review.")
    ]
    assert "awaits review" not in record["text"] and record["metadata"]["dateline"] == "Friday, January 4, 2019"
    assert validate_record(record, root) == []


def test_without_the_corpus_profile_the_generic_one_is_used(tmp_path):
    root = corpus_with(tmp_path, None, capture("2019-01-04", "Friday, January 4, 2019"))
    record = convert(root)
    assert record["source"]["profile"] == "generic"
    # The generic profile reads no header date and knows no dateline; the text's own date line still dates it.
    published = record["metadata"]["publication_date"]
    assert published["value"] == "2019-01-04" and published["provenance"]["kind"] == "auto"
    assert "opening line 'Friday, January 4, 2019'" in published["evidence"]


BAD_PROFILES = [
    ("not-toml", 'id = "harbourgazette\n', "profile.invalid", "corpus/profiles/harbourgazette.toml:"),
    ("unknown-key", 'headline_rule = "x"\n' + GAZETTE, "profile.unknown-key", "[headline_rule]"),
    ("missing-license", GAZETTE.replace('license = "Article text copyright The Harbour Gazette."\n', ""),
     "profile.missing-key", "[license]"),
    ("rule-without-pattern", GAZETTE + '[credit]\nname = "c"\n', "profile.missing-key", "[credit.pattern]"),
    ("licence-without-url", GAZETTE.replace("[header]", 'license_id = "CC-BY-4.0"\n\n[header]'),
     "profile.missing-key", "[license_url]"),
    ("boolean-as-string", GAZETTE.replace("split_line = true", 'split_line = "yes"'), "profile.wrong-type",
     "[dateline.split_line]"),
    ("table-as-string", 'credit = "Photo"\n' + GAZETTE, "profile.wrong-type", "[credit]"),
    ("bad-id", GAZETTE.replace('id = "harbourgazette"', 'id = "Harbour Gazette"'), "profile.wrong-type", "[id]"),
    ("bad-kind", GAZETTE + '[[leading]]\nname = "b"\nkind = "advert"\npattern = "x"\n', "profile.wrong-type",
     "[leading[0].kind]"),
    ("bad-regex", GAZETTE + '[[caption]]\nname = "c2"\npattern = "(unclosed"\n', "profile.bad-pattern",
     "[caption[1].pattern]"),
    ("dateline-without-groups", GAZETTE.replace("(?P<year>[0-9]{4})", "[0-9]{4}"), "profile.bad-pattern",
     "[dateline.pattern]"),
    ("duplicate-id", GAZETTE.replace('id = "harbourgazette"', 'id = "generic"'), "profile.duplicate-id", "[id]"),
]  # fmt: skip


@pytest.mark.parametrize(("profile", "code", "where"), [c[1:] for c in BAD_PROFILES], ids=[c[0] for c in BAD_PROFILES])
def test_a_bad_profile_stops_convert_with_a_located_error(tmp_path, profile, code, where):
    root = corpus_with(tmp_path, profile, capture("2019-01-04", "Friday, January 4, 2019"))
    result = CliRunner().invoke(main, ["convert", "--root", str(root), "-j", "1"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    first = result.output.splitlines()[0]
    assert re.search(rf"error \[{re.escape(code)}\]", first), first
    assert first.startswith("corpus/profiles/harbourgazette.toml") and where in first, first
    assert not (root / "corpus" / "records").exists() or not any((root / "corpus" / "records").iterdir())


def test_the_wikinews_profile_is_a_corpus_profile_not_a_packaged_one():
    assert (REPO / "corpus" / "profiles" / "wikinews.toml").is_file()
    assert not (REPO / "newscorpus" / "data" / "profiles" / "wikinews.toml").exists()


def test_profiles_work_without_the_repository_checkout(tmp_path):
    """What a non-editable install sees: the packaged profiles and the corpus's, never the checkout's corpus."""
    corpus_with(tmp_path, None, "Ferry returns\n\n" + BODY + "\n")
    (tmp_path / "corpus" / "profiles").mkdir()
    shutil.copy2(REPO / "corpus" / "profiles" / "wikinews.toml", tmp_path / "corpus" / "profiles" / "wikinews.toml")
    (tmp_path / "corpus" / "raw" / "wikinews").mkdir()
    wikinews = next((REPO / "corpus" / "raw" / "wikinews").glob("2019-*.txt"))
    shutil.copy2(wikinews, tmp_path / "corpus" / "raw" / "wikinews" / wikinews.name)
    relative = f"corpus/raw/wikinews/{wikinews.name}"
    record = convert_raw_file(tmp_path / relative, relative)
    assert record["source"]["profile"] == "wikinews" and record["source"]["license_id"] == "CC-BY-2.5"
