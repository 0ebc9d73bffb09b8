"""The convert, validate and build commands over a corpus: check mode, output, refusals."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newscorpus.cli import main


def test_build_check_passes_on_a_built_corpus_and_catches_a_hand_edit(corpus_copy):
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--root", str(corpus_copy)]).exit_code == 0
    clean = runner.invoke(main, ["build", "--check", "--root", str(corpus_copy)])
    assert clean.exit_code == 0, clean.output
    card = corpus_copy / "corpus" / "release" / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("newscorpus", "newscorpvs", 1), encoding="utf-8")
    edited = runner.invoke(main, ["build", "--check", "--root", str(corpus_copy)])
    assert edited.exit_code == 1
    assert "corpus/release/README.md: content differs" in edited.output


def test_build_check_catches_a_stale_record(corpus_copy):
    assert CliRunner().invoke(main, ["build", "--root", str(corpus_copy)]).exit_code == 0
    record = next((corpus_copy / "corpus" / "records").glob("*.json"))
    data = json.loads(record.read_text(encoding="utf-8"))
    data["layers"]["tokens"]["ends"][0] = 3
    record.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--check", "--root", str(corpus_copy)])
    assert result.exit_code == 1
    assert "differs from what convert makes" in result.output


def test_build_prints_what_it_built(corpus_copy):
    result = CliRunner().invoke(main, ["build", "--root", str(corpus_copy)])
    assert result.exit_code == 0, result.output
    assert "1 document(s)" in result.output and "documents: 1 row(s)" in result.output
    assert (corpus_copy / "corpus" / "release" / "SHA256SUMS").is_file()


def test_invalid_gold_stops_the_build_and_leaves_the_release_untouched(corpus_copy):
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--root", str(corpus_copy)]).exit_code == 0
    release = corpus_copy / "corpus" / "release"
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    record = next((corpus_copy / "corpus" / "records").glob("*.json"))
    data = json.loads(record.read_text(encoding="utf-8"))
    data["layers"]["entities"]["items"][0]["label"] = "VILLAIN"
    record.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(main, ["build", "--root", str(corpus_copy)])
    assert result.exit_code == 1
    assert "[label.unknown]" in result.output and "release was not changed" in result.output
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before


def test_a_second_concurrent_build_is_refused(corpus_copy):
    from newscorpus.record.layout import CorpusLayout, corpus_lock

    with corpus_lock(CorpusLayout(corpus_copy)):
        result = CliRunner().invoke(main, ["build", "--root", str(corpus_copy)])
    assert result.exit_code == 2
    assert "[corpus.locked]" in result.output and "Traceback" not in result.output
    assert not (corpus_copy / "corpus" / "release").exists()
