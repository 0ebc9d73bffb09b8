"""Convert at scale: the gazetteer of gold names built once in the parent, records read once, light --help."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorpus.annotate import runner
from newscorpus.annotate.commands import annotate
from newscorpus.annotate.gazetteer import Gazetteer
from newscorpus.annotate.runner import Annotators, settings_from_environment
from newscorpus.convert import convert_raw_file
from newscorpus.convert.record import keeps_anything
from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline import tasks
from newscorpus.pipeline.corpus import convert_corpus
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.writer import dumps_record
from newscorpus.synth import synthetic_record, write_synthetic_corpus

HEAVY_MODULES = ("datasets", "spacy", "pyarrow")

_HELP_IN_FRESH_INTERPRETER = f"""
import json, sys
from click.testing import CliRunner
from newscorpus.cli import main
result = CliRunner().invoke(main, [sys.argv[1], "--help"])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY_MODULES!r})
print(json.dumps({{"exit_code": result.exit_code, "help": result.output, "heavy": heavy}}))
"""


@pytest.mark.parametrize("name", ["export", "import", "synth", "annotate"])
def test_step_help_imports_no_heavy_module(name):
    completed = subprocess.run(
        [sys.executable, "-c", _HELP_IN_FRESH_INTERPRETER, name], capture_output=True, text=True, check=True, timeout=60
    )
    outcome = json.loads(completed.stdout)
    assert outcome["exit_code"] == 0, outcome["help"]
    assert f" {name} [OPTIONS]" in outcome["help"]
    assert outcome["heavy"] == []


def test_io_command_choices_equal_those_of_the_modules_that_define_them():
    from newscorpus.io import commands, conll2003, export, importing

    assert commands.EXPORT_FORMATS == export.FORMATS
    assert commands.IMPORT_FORMATS == importing.FORMATS
    assert set(commands.CONLL2003_CONFIGS) == set(conll2003.CONFIGS)
    assert commands.DEFAULT_CONLL2003_CONFIG == conll2003.DEFAULT_CONFIG


def test_keeps_anything_is_false_exactly_when_the_previous_record_changes_nothing(seed_record):
    _, record = synthetic_record(3, 0, gold=False)
    assert not keeps_anything(record)
    assert keeps_anything(seed_record)
    for change in (
        {"source": {**record["source"], "url": "https://example.org/a"}},
        {"metadata": {**record["metadata"], "topics": ["economy"]}},
        {"layers": {**record["layers"], "entities": synthetic_record(3, 0)[1]["layers"]["entities"]}},
    ):
        assert keeps_anything({**record, **change})


def test_a_previous_record_that_keeps_nothing_converts_as_no_record(tmp_path):
    raw_text, record = synthetic_record(3, 1, gold=False)
    raw = tmp_path / "corpus" / record["raw"]["path"].removeprefix("corpus/")
    raw.parent.mkdir(parents=True)
    raw.write_text(raw_text, encoding="utf-8")
    annotators = Annotators.for_corpus([], settings_from_environment(tmp_path))
    assert not keeps_anything(record)
    with_previous = convert_raw_file(raw, record["raw"]["path"], record, annotators)
    without = convert_raw_file(raw, record["raw"]["path"], None, annotators)
    assert dumps_record(with_previous) == dumps_record(without)


def test_union_of_batch_gazetteers_equals_the_gazetteer_of_all_records(seed_record):
    records = [seed_record, *(synthetic_record(5, index)[1] for index in range(4))]
    whole = Gazetteer.from_records(records)
    parts = [Gazetteer.from_records(records[:2]), Gazetteer.from_records(records[2:])]
    assert Gazetteer.union(parts) == whole
    assert list(Gazetteer.union(parts).attested) == list(whole.attested)  # same name order, same matcher
    assert Gazetteer.union(reversed(parts)) == whole  # the content does not depend on the order
    assert whole.attested  # the check is not of two empty gazetteers
    again = Gazetteer.from_attested_json(whole.attested_json())  # how the workers receive it
    assert again == whole and list(again.attested) == list(whole.attested)


@pytest.fixture
def corpus_needing_annotation(tmp_path: Path) -> tuple[Path, list[str]]:
    """Six synthetic articles, three of them without a record, one with a record that keeps nothing."""
    write_synthetic_corpus(tmp_path, 6, 23, LocalEngine(1))
    record_files = sorted((tmp_path / "corpus" / "records").glob("*.json"))
    removed = []
    for path in record_files[:3]:
        removed.append(json.loads(path.read_text(encoding="utf-8"))["raw"]["path"])
        path.unlink()
    index = int(Path(removed[0]).stem)
    (tmp_path / "corpus" / "records" / "stale-but-keeps-nothing.json").write_text(
        dumps_record(synthetic_record(23, index, gold=False)[1]), encoding="utf-8"
    )
    return tmp_path, removed


def test_convert_builds_the_gazetteer_from_the_index_pass_and_reads_kept_records_only(
    corpus_needing_annotation, monkeypatch
):
    root, annotated_raw_files = corpus_needing_annotation
    layout = CorpusLayout(root)
    gold_records = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in layout.record_files()
        if path.name != "stale-but-keeps-nothing.json"
    ]
    from_list = Annotators.for_corpus(gold_records, settings_from_environment(root))
    expected = [
        dumps_record(convert_raw_file(root / raw_file, raw_file, None, from_list)) for raw_file in annotated_raw_files
    ]

    def no_whole_corpus_read(records_dir: Path):
        raise AssertionError(f"a convert task read the whole corpus in {records_dir}")

    convert_reads: list[Path] = []
    original_read = tasks.read_previous_record

    def counting_read(path: Path, layout: CorpusLayout):
        convert_reads.append(path)
        return original_read(path, layout)

    monkeypatch.setattr(runner, "iter_readable_records", no_whole_corpus_read)
    monkeypatch.setattr(tasks, "read_previous_record", counting_read)
    engine = LocalEngine(1)
    try:
        convert_corpus(layout, engine)
    finally:
        engine.close()

    # The index pass reads every record; convert reads again only those holding something it keeps.
    reads = Counter(path.name for path in convert_reads)
    assert reads == {**{f"{r['id']}.json": 2 for r in gold_records}, "stale-but-keeps-nothing.json": 1}
    for text in expected:
        assert layout.record_path(json.loads(text)["id"]).read_text(encoding="utf-8") == text
    assert not (root / "corpus" / "records" / "stale-but-keeps-nothing.json").exists()


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
