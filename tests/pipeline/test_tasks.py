"""Convert at scale: the gazetteer of gold names built once in the parent from the index pass, records read once."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from newscorpus.annotate import runner
from newscorpus.annotate.gazetteer import Gazetteer
from newscorpus.annotate.runner import Annotators, settings_from_environment
from newscorpus.convert import convert_raw_file
from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline import tasks
from newscorpus.pipeline.corpus import convert_corpus
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.writer import dumps_record
from newscorpus.synth import synthetic_record, write_synthetic_corpus


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
