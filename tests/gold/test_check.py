"""Reading and checking pass files: the format, the placement, the record's text, and items the validator refuses."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newscorpus.cli import main
from newscorpus.gold.check import check_pass
from newscorpus.gold.passfile import read_pass_file


def codes_at(problems) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in problems]


def test_a_pass_made_from_the_seeds_gold_is_clean(corpus_copy, seed_pass, put_pass):
    path = put_pass(corpus_copy, seed_pass)
    annotation, problems = check_pass(path, corpus_copy / "corpus" / "records")
    assert problems == []
    assert annotation is not None and len(annotation.layers["entities"]) == len(seed_pass["layers"]["entities"])


def test_a_pass_of_every_layer_is_clean_too(corpus_copy, seed_record, make_pass, put_pass):
    data = make_pass(seed_record, "A", ("entities", "entity_links", "coreference", "quotations", "timex"))
    _, problems = check_pass(put_pass(corpus_copy, data), corpus_copy / "corpus" / "records")
    assert problems == []


def test_every_key_is_checked(corpus_copy, seed_pass, put_pass):
    seed_pass["confidence"] = "high"  # an unknown key (a float would be refused by the reader: input.float)
    seed_pass["format"] = "newscorpus-annotation-pass/9"
    seed_pass["date"] = "2026-02-30"
    del seed_pass["annotator"]
    _, problems = read_pass_file(put_pass(corpus_copy, seed_pass))
    assert sorted(codes_at(problems)) == [("pass.format", ""), ("pass.format", "/confidence")]
    del seed_pass["confidence"]
    seed_pass["annotator"] = "x"
    _, problems = read_pass_file(put_pass(corpus_copy, seed_pass))
    assert sorted(codes_at(problems)) == [("pass.format", "/date"), ("pass.format", "/format")]


def test_bad_json_is_refused_with_the_readers_code(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"format": 1, "format": 2}', encoding="utf-8")
    _, problems = read_pass_file(path)
    assert [p.code for p in problems] == ["pass.unreadable"]
    assert "[input.duplicate-key]" in problems[0].message


def test_a_pass_in_the_wrong_folder_is_misplaced(corpus_copy, seed_pass, put_pass):
    path = put_pass(corpus_copy, seed_pass, folder="B")
    _, problems = read_pass_file(path)
    assert [p.code for p in problems] == ["pass.misplaced"]


def test_a_changed_text_is_its_own_code(corpus_copy, seed_pass, put_pass):
    seed_pass["text_sha256"] = "0" * 64
    _, problems = check_pass(put_pass(corpus_copy, seed_pass), corpus_copy / "corpus" / "records")
    assert codes_at(problems) == [("pass.text-changed", "/text_sha256")]


def test_items_are_held_to_what_the_validator_asks_of_a_record(corpus_copy, seed_pass, put_pass):
    entities, timex = seed_pass["layers"]["entities"], seed_pass["layers"]["timex"]
    entities[2]["text"] = "Nothing"
    entities[3]["end"] -= 1  # off a token edge
    entities[4]["label"] = "PERSONA"
    timex[0]["value"] = "last week"
    _, problems = check_pass(put_pass(corpus_copy, seed_pass), corpus_copy / "corpus" / "records")
    found = {(p.path, p.message.split("]")[0] + "]") for p in problems}
    assert {p.code for p in problems} == {"pass.invalid"}
    assert found == {
        ("/layers/entities/2/text", "[span.text-mismatch]"),
        ("/layers/entities/3/text", "[span.text-mismatch]"),
        ("/layers/entities/3", "[entity.token-boundary]"),
        ("/layers/entities/4/label", "[label.unknown]"),
        ("/layers/timex/0/value", "[timex.value-invalid]"),
    }
    assert all(p.file.endswith(".json") and p.record_id == seed_pass["document_id"] for p in problems)


def test_a_link_to_an_entity_the_pass_does_not_hold_dangles(corpus_copy, seed_record, make_pass, put_pass):
    data = make_pass(seed_record, "A", ("entities", "entity_links"))
    data["layers"]["entity_links"][0]["entity"] = "e999"
    _, problems = check_pass(put_pass(corpus_copy, data), corpus_copy / "corpus" / "records")
    assert [(p.code, p.path) for p in problems] == [("pass.invalid", "/layers/entity_links/0/entity")]


def test_a_pass_without_a_record(corpus_copy, seed_pass, put_pass):
    seed_pass["document_id"] = "wikinews-no-such-article-00000000"
    path = put_pass(corpus_copy, seed_pass)
    _, problems = check_pass(path, corpus_copy / "corpus" / "records")
    assert codes_at(problems) == [("pass.no-record", "/document_id")]


def test_gold_check_exits_0_1_and_2(corpus_copy, seed_pass, put_pass):
    runner = CliRunner()
    path = put_pass(corpus_copy, seed_pass)
    result = runner.invoke(main, ["gold", "check", "--root", str(corpus_copy)])
    assert (result.exit_code, result.output.strip().splitlines()[-1]) == (0, "1 file(s), 1 record(s): ok")
    seed_pass["layers"]["entities"][0]["start"] = 1
    path.write_text(json.dumps(seed_pass), encoding="utf-8")
    result = runner.invoke(main, ["gold", "check", "--root", str(corpus_copy)])
    assert result.exit_code == 1 and "error [pass.invalid]" in result.output
    assert "corpus/annotations/passes/A/" in result.output and "#/layers/entities/0" in result.output
    Path(path).write_text("{", encoding="utf-8")
    result = runner.invoke(main, ["gold", "check", str(path), "--root", str(corpus_copy)])
    assert result.exit_code == 2 and "[pass.unreadable]" in result.output and "Traceback" not in result.output
