"""A file name cannot forge an output line: locations and messages are written escaped, on one line."""

from __future__ import annotations

import json

from reliability_helpers import built_corpus, run_cli

from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.locations import escape_for_terminal
from newscorpus.validate import Problem, Report
from newscorpus.validate.report import render_text

FORGED = "x\nfake.txt: error [raw.ok] all fine.txt"


def test_a_raw_file_named_with_a_newline_gives_one_error_line(tmp_path):
    corpus = built_corpus(tmp_path)
    (corpus / "corpus/raw/themoscowtimes" / FORGED).write_bytes(b"")
    ran = run_cli("build", "--root", corpus, "-j", "1", "-q")
    assert ran.exit_code == 2
    lines = ran.stderr.splitlines()
    assert (
        lines[0]
        == "corpus/raw/themoscowtimes/x\\nfake.txt: error [raw.ok] all fine.txt: error [raw.empty] the file is empty"
    )
    assert [line for line in lines if line.startswith("fake.txt")] == []
    assert len(lines) == 2 and lines[1].startswith("  hint: ")


def test_a_record_file_named_with_a_newline_gives_one_error_line(tmp_path):
    (tmp_path / "a\nb.json").write_text(json.dumps({"x": 1}), encoding="utf-8")
    ran = run_cli("validate", "--root", tmp_path, "-j", "1", tmp_path)
    first = ran.stdout.splitlines()[0]
    assert "a\\nb.json#" in first and "error [" in first
    assert not any(line.startswith("b.json") for line in ran.stdout.splitlines())


def test_every_unprintable_character_is_escaped_and_printable_text_is_kept():
    assert escape_for_terminal("corpus/raw/caf\u00e9 n\u00b0 1.txt") == "corpus/raw/caf\u00e9 n\u00b0 1.txt"
    assert escape_for_terminal("a\rb\tc\x1b[31md") == "a\\rb\\tc\\x1b[31md"
    assert escape_for_terminal("p\u2029q\u2028r\x85s\u202et") == "p\\u2029q\\u2028r\\x85s\\u202et"
    assert escape_for_terminal("lone \udcff") == "lone \\udcff"
    for char in map(chr, range(0x110000)):
        if not char.isprintable() and char != " ":
            assert len(escape_for_terminal(char).splitlines()) == 1 and escape_for_terminal(char).isprintable()


def test_both_renderers_escape_location_and_message():
    error = UnusableInputError("raw.empty", "a\nb.txt", "message\nwith a break")
    assert error.render().splitlines()[0] == "a\\nb.txt: error [raw.empty] message\\nwith a break"
    report = Report([Problem("input.json", "bad\nline", file="c\nd.json")], 1, 0)
    assert render_text(report).splitlines()[0] == "c\\nd.json: error [input.json] bad\\nline"
