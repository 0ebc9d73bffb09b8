"""The ``annotate`` command over a corpus: streamed, each record once, duplicates refused."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newscorpus.annotate.commands import annotate
from newscorpus.annotate.runner import Annotators, settings_from_environment
from newscorpus.engines.local import LocalEngine
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.writer import dumps_record
from newscorpus.synth import write_synthetic_corpus


def test_annotate_command_streams_the_corpus_and_writes_what_it_wrote_before(tmp_path, seed_record):
    write_synthetic_corpus(tmp_path, 3, 9, LocalEngine(1))
    layout = CorpusLayout(tmp_path)
    records = [json.loads(path.read_text(encoding="utf-8")) for path in layout.record_files()]
    # Each record is both in the corpus and given to annotate (the default input): it must count once.
    annotators = Annotators.for_corpus(records, settings_from_environment(tmp_path))
    expected = {r["id"]: dumps_record(annotators.annotate_record(r, keep_gold=False)) for r in records}

    out = tmp_path / "out"
    result = CliRunner().invoke(annotate, ["--root", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"annotated {len(records)} record(s)" in result.output
    written = {path.stem: path.read_text(encoding="utf-8") for path in out.glob("*.json")}
    assert written == expected


def test_annotate_command_refuses_a_duplicate_corpus_record(tmp_path):
    write_synthetic_corpus(tmp_path, 2, 9, LocalEngine(1))
    layout = CorpusLayout(tmp_path)
    first = layout.record_files()[0]
    (layout.records_dir / "zz-copy.json").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    single = tmp_path / "one.json"
    single.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(annotate, ["--root", str(tmp_path), "--out", str(tmp_path / "out"), str(single)])
    assert result.exit_code == 2
    assert "appears twice" in result.output
