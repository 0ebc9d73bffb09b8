"""The corpus gazetteer of gold names: streamed from the record files, built once per process."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from newscorpus.annotate.gazetteer import Gazetteer, own_gold_names
from newscorpus.annotate.runner import Annotators, iter_readable_records, settings_from_environment
from newscorpus.convert import convert_raw_file
from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline.corpus import convert_corpus
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.writer import dumps_record
from newscorpus.synth import synthetic_record, write_synthetic_corpus


def _attestations(gazetteer: Gazetteer) -> int:
    """How many (record, name, label) attestations the gazetteer counts."""
    return sum(count for by_label in gazetteer.attested.values() for count in by_label.values())


def test_streamed_gazetteer_equals_the_one_built_from_a_list(tmp_path, seed_record):
    records = [seed_record, *(synthetic_record(5, index)[1] for index in range(3))]
    for record in records:
        (tmp_path / f"{record['id']}.json").write_text(dumps_record(record), encoding="utf-8")
    (tmp_path / "zz-not-a-record.json").write_text("{not json", encoding="utf-8")

    stream = iter_readable_records(tmp_path)
    assert inspect.isgenerator(stream)  # records are read one at a time, never all at once
    streamed = Gazetteer.from_records(stream)
    from_list = Gazetteer.from_records(sorted(records, key=lambda record: record["id"]))
    assert streamed == from_list
    assert _attestations(streamed) == sum(len(own_gold_names(record)) for record in records) > 0


@pytest.fixture
def corpus_needing_annotation(tmp_path: Path) -> tuple[Path, list[str]]:
    """Five synthetic articles, three of them without a record (so that convert pre-annotates them)."""
    write_synthetic_corpus(tmp_path, 5, 17, LocalEngine(1))
    record_files = sorted((tmp_path / "corpus" / "records").glob("*.json"))
    removed = []
    for path in record_files[:3]:
        removed.append(json.loads(path.read_text(encoding="utf-8"))["raw"]["path"])
        path.unlink()
    return tmp_path, removed


def test_each_record_feeds_the_gazetteer_once_in_the_index_pass(corpus_needing_annotation, monkeypatch):
    root, annotated_raw_files = corpus_needing_annotation
    records_dir = root / "corpus" / "records"
    kept = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(records_dir.glob("*.json"))]
    # The records as convert annotated them when the gazetteer was built from a list of every record.
    from_list = Annotators.for_corpus(kept, settings_from_environment(root))
    expected = [
        dumps_record(convert_raw_file(root / raw_file, raw_file, None, from_list)) for raw_file in annotated_raw_files
    ]

    # The index pass learns each record's gold names once (RecordFacts.of, or the index cache when
    # the record's bytes were seen before) and counts them into one gazetteer: never a list of records.
    from newscorpus.pipeline import tasks

    seen: list[str] = []
    original = tasks.RecordFacts.of.__func__

    def counting(cls, record: dict[str, Any]):
        seen.append(record["id"])
        return original(cls, record)

    monkeypatch.setattr(tasks.RecordFacts, "of", classmethod(counting))
    monkeypatch.setattr(Gazetteer, "from_records", None)  # the index pass no longer needs the records at once
    engine = LocalEngine(1)  # in this process, one task per file: five batches
    try:
        _, written = convert_corpus(CorpusLayout(root), engine)
    finally:
        engine.close()

    assert written == len(annotated_raw_files) == 3
    assert sorted(seen[: len(kept)]) == sorted(record["id"] for record in kept)  # each record once, in the index
    layout = CorpusLayout(root)
    for text in expected:
        assert layout.record_path(json.loads(text)["id"]).read_text(encoding="utf-8") == text
