"""build refuses what validate refuses in corpus/records/, and build --check sees every entry of the release."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from reliability_helpers import built_corpus, error_codes, run_cli, snapshot


@pytest.fixture
def corpus(tmp_path):
    return built_corpus(tmp_path / "root")


def test_a_second_copy_of_a_record_under_another_name_stops_the_build(corpus):
    record = next((corpus / "corpus/records").glob("*.json"))
    shutil.copyfile(record, corpus / "corpus/records/copy.json")
    before = snapshot(corpus)
    validated = run_cli("validate", "--root", corpus, "-j", "1", corpus / "corpus/records")
    built = run_cli("build", "--root", corpus, "-j", "1", "-q")
    assert validated.exit_code == built.exit_code == 1
    assert sorted(error_codes(built.stderr)) == sorted(error_codes(validated.stdout))
    assert sorted(error_codes(built.stderr)) == ["id.duplicate-document", "id.filename-mismatch"]
    assert "corpus/records/copy.json" in built.stderr
    assert "build stopped: the release was not changed" in built.stderr
    assert snapshot(corpus) == before


def test_check_reports_a_stray_file_in_records(corpus):
    (corpus / "corpus/records/notes.txt").write_text("to do\n", encoding="utf-8")
    ran = run_cli("build", "--check", "--root", corpus, "-j", "1", "-q")
    assert ran.exit_code == 1
    assert "corpus/records/notes.txt: not a record file" in ran.stderr


def test_check_reports_a_release_file_replaced_by_a_link_to_an_identical_file(corpus, tmp_path):
    readme = corpus / "corpus/release/README.md"
    outside = tmp_path / "README.md"
    shutil.copyfile(readme, outside)
    readme.unlink()
    readme.symlink_to(outside)
    ran = run_cli("build", "--check", "--root", corpus, "-j", "1", "-q")
    assert ran.exit_code == 1
    assert "corpus/release/README.md: is a symbolic link, the build makes a regular file" in ran.stderr


def test_check_reports_an_extra_empty_folder_in_the_release(corpus):
    (corpus / "corpus/release/extra").mkdir()
    ran = run_cli("build", "--check", "--root", corpus, "-j", "1", "-q")
    assert ran.exit_code == 1
    assert "corpus/release/extra: not produced by the build (a folder)" in ran.stderr


def test_check_reports_a_stray_file_and_a_fifo_in_the_release(corpus):
    (corpus / "corpus/release/ner/notes.txt").write_text("x", encoding="utf-8")
    os.mkfifo(corpus / "corpus/release/pipe")
    ran = run_cli("build", "--check", "--root", corpus, "-j", "1", "-q")
    assert ran.exit_code == 1
    assert "corpus/release/ner/notes.txt: not produced by the build (a regular file)" in ran.stderr
    assert "corpus/release/pipe: not produced by the build (a FIFO (named pipe))" in ran.stderr


def test_check_of_the_committed_corpus_is_clean(corpus):
    ran = run_cli("build", "--check", "--root", corpus, "-j", "1", "-q")
    assert (ran.exit_code, ran.stderr) == (0, "")


def test_check_of_a_record_whose_gold_layer_is_invalid_lists_its_problems_instead_of_crashing(corpus):
    # Found by tests/test_fuzz_cli.py: a coreference cluster without its id crashed the quotes view.
    path = next((corpus / "corpus/records").glob("*.json"))
    record = json.loads(path.read_text(encoding="utf-8"))
    del record["layers"]["coreference"]["items"][1]["id"]
    path.write_text(json.dumps(record), encoding="utf-8")
    before = snapshot(corpus)
    checked = run_cli("build", "--check", "--root", corpus, "-j", "1", "-q")
    built = run_cli("build", "--root", corpus, "-j", "1", "-q")
    assert checked.exit_code == built.exit_code == 1
    assert error_codes(checked.stderr) == error_codes(built.stderr) == ["schema.required"]
    assert "/layers/coreference/items/1" in checked.stderr
    assert "corpus/release: not compared" in checked.stderr
    assert snapshot(corpus) == before


def test_convert_of_a_record_whose_entity_label_is_a_list_does_not_crash(corpus):
    # Found by the deep CLI fuzz run: the gazetteer of gold names hashed the label.
    path = next((corpus / "corpus/records").glob("*.json"))
    record = json.loads(path.read_text(encoding="utf-8"))
    record["layers"]["entities"]["items"][0]["label"] = ["ORG"]
    path.write_text(json.dumps(record), encoding="utf-8")
    converted = run_cli("convert", "--root", corpus, "-j", "1", "-q")
    built = run_cli("build", "--root", corpus, "-j", "1", "-q")
    assert converted.exit_code == 0
    assert built.exit_code == 1
    assert "schema.type" in error_codes(built.stderr)
