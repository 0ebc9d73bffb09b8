"""Integers in records are integers: a JSON float is refused at parse time by every command, with its pointer."""

from __future__ import annotations

import pytest
from reliability_helpers import built_corpus, error_codes, run_cli, snapshot

from newscorpus.record.reader import parse_record_text

ENTITY_START = "/layers/entities/items/0/start"


def _with_first_entity_start(corpus, number: str):
    path = next((corpus / "corpus/records").glob("*.json"))
    text = path.read_text(encoding="utf-8")
    at = text.index('"start": ', text.index('"entities"'))
    end = text.index(",", at)
    path.write_text(text[:at] + f'"start": {number}' + text[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize("number", ["1e400", "0.0", "0e0", "-0.0", "1E2"])
@pytest.mark.parametrize("command", [["validate"], ["convert"], ["build"], ["build", "--check"]])
def test_a_float_offset_in_a_gold_entity_is_refused_by_every_command(tmp_path, number, command):
    corpus = built_corpus(tmp_path)
    path = _with_first_entity_start(corpus, number)
    before = snapshot(corpus)
    ran = run_cli(*command, "--root", corpus, "-j", "1", *(["-q"] if command[0] != "validate" else [path]))
    output = ran.stdout + ran.stderr
    assert ran.exit_code == 2, output
    if command == ["validate"]:
        assert error_codes(output) == ["input.float"]
    else:  # convert reads the record to keep its gold layers, and cannot
        assert error_codes(output) == ["record.unreadable"]
        assert "[input.float]" in output
    assert f"#{ENTITY_START}" in output
    assert snapshot(corpus) == before


def test_every_float_is_reported_with_its_pointer():
    record, problems = parse_record_text('{"a": [1, {"b": 2.5}], "c": 0.0, "d": 3}')
    assert record is None
    assert [(p.code, p.path) for p in problems] == [("input.float", "/a/1/b"), ("input.float", "/c")]


def test_integers_still_parse_as_integers():
    record, problems = parse_record_text('{"start": 0, "end": 12, "big": 9223372036854775807}')
    assert (record, problems) == ({"start": 0, "end": 12, "big": 9223372036854775807}, [])
