"""Scale: the synthetic corpus, shard plans, streaming Parquet, parallel builds, progress output."""

from __future__ import annotations

import json
import os
import pty
import random
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newscorpus.cli import main
from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline.corpus import STAGING_PREFIX, build_corpus, check_corpus
from newscorpus.record.layout import CorpusLayout
from newscorpus.release.folder import write_release_files
from newscorpus.release.parquet import open_parquet_writer
from newscorpus.release.rows import encode_value
from newscorpus.release.shards import ShardLimits, bucket_count, plan_shards, shard_bucket
from newscorpus.release.splits import SPLITS, split_of
from newscorpus.synth import synthetic_record, write_synthetic_corpus
from newscorpus.synth.commands import synth
from newscorpus.validate import validate_record
from newscorpus.views import SMALL_ROWS_PER_GROUP, VIEWS

SEED = 5
DOCUMENTS = 10
# Small shards, so that a corpus of a few documents has several shards per split.
SMALL = ShardLimits(documents=2, record_bytes=100_000)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synthetic_corpus(tmp_path_factory) -> Path:
    """A synthetic corpus (raw files and records, no release), written once for this module."""
    root = tmp_path_factory.mktemp("synthetic")
    write_synthetic_corpus(root, DOCUMENTS, SEED, LocalEngine(1))
    return root


@pytest.fixture
def corpus(synthetic_corpus, tmp_path) -> Path:
    shutil.copytree(synthetic_corpus / "corpus", tmp_path / "corpus")
    return tmp_path


@pytest.fixture(scope="module")
def sample_records() -> list[dict]:
    return [synthetic_record(SEED + 1, index)[1] for index in range(40)]


# The synthetic corpus


def test_the_generator_is_deterministic_per_seed_and_article():
    raw, record = synthetic_record(SEED, 3)
    assert synthetic_record(SEED, 3) == (raw, record)
    assert synthetic_record(SEED + 1, 3)[0] != raw
    assert synthetic_record(SEED, 4)[0] != raw


def test_a_synthetic_corpus_is_the_same_whatever_the_number_of_jobs(synthetic_corpus, tmp_path):
    engine = LocalEngine(2)
    try:
        write_synthetic_corpus(tmp_path, DOCUMENTS, SEED, engine)
    finally:
        engine.close()
    assert _files(tmp_path / "corpus") == _files(synthetic_corpus / "corpus")


def test_articles_have_realistic_lengths_quotes_and_annotation_densities(sample_records):
    words = [len(record["text"].split()) for record in sample_records]
    assert min(words) >= 300 and max(words) <= 1_500
    assert 450 <= statistics.median(words) <= 750
    tokens = sum(len(r["layers"]["tokens"]["starts"]) for r in sample_records)
    entities = sum(len(r["layers"]["entities"]["items"]) for r in sample_records)
    assert 10 <= tokens / entities <= 14  # about one entity per 12 tokens
    body = quoted = 0
    for record in sample_records:
        quotes = record["layers"]["quotations"]["items"]
        for paragraph in record["layers"]["paragraphs"]["items"]:
            if paragraph["role"] == "body":
                body += 1
                quoted += any(paragraph["start"] <= q["content"]["start"] < paragraph["end"] for q in quotes)
    assert 0.25 <= quoted / body <= 0.42  # quotations in about a third of the paragraphs
    texts = " ".join(record["text"] for record in sample_records)
    assert '"' in texts and "\u201c" in texts and "\u201d" in texts
    labels = {e["label"] for r in sample_records for e in r["layers"]["entities"]["items"]}
    assert {"PERSON", "ORG", "GPE", "DATE", "CARDINAL", "MONEY", "PERCENT", "NORP"} <= labels
    kinds = {m["kind"] for r in sample_records for c in r["layers"]["coreference"]["items"] for m in c["mentions"]}
    assert {"name", "pronoun"} <= kinds


def test_synthetic_records_pass_validation(sample_records):
    for record in sample_records[:12]:
        assert validate_record(record) == [], record["id"]


def test_synth_command_writes_a_corpus_and_refuses_to_mix_two(tmp_path):
    runner = CliRunner()
    first = runner.invoke(synth, ["--root", str(tmp_path), "--docs", "2", "--seed", "1", "--jobs", "1"])
    assert first.exit_code == 0, first.output
    assert "wrote 2 article(s)" in first.output
    assert len(list((tmp_path / "corpus" / "raw").rglob("*.txt"))) == 2
    assert len(list((tmp_path / "corpus" / "records").glob("*.json"))) == 2
    second = runner.invoke(synth, ["--root", str(tmp_path), "--docs", "2", "--seed", "2"])
    assert second.exit_code == 2 and "already holds a synthetic corpus" in second.output


# Shard plans


def test_shards_are_hash_buckets_in_id_order_and_independent_of_input_order():
    rng = random.Random(1)
    # Buckets of about a hundred documents, as real shards hold hundreds: then hash variation stays under the limits.
    sizes = [(f"doc-{n:05d}", rng.randrange(1_000, 60_000)) for n in range(5_000)]
    limits = ShardLimits(documents=400, record_bytes=6_000_000)
    plans = plan_shards(sizes, limits)
    assert plans == plan_shards(reversed(sizes), limits)
    size_of = dict(sizes)
    assert sorted(i for plan in plans for i in plan.ids) == sorted(size_of)
    for plan in plans:
        assert list(plan.ids) == sorted(plan.ids)
        assert all(split_of(i) == plan.split and shard_bucket(i, plan.buckets) == plan.index for i in plan.ids)
        assert len(plan.ids) <= limits.documents  # half the limit is the mean: hash variation stays under it
        assert sum(size_of[i] for i in plan.ids) <= limits.record_bytes
    assert [p.split for p in plans] == sorted((p.split for p in plans), key=SPLITS.index)
    for split in SPLITS:
        members = [(i, size) for i, size in sizes if split_of(i) == split]
        buckets = bucket_count(len(members), sum(size for _, size in members), limits)
        assert {p.buckets for p in plans if p.split == split} == {buckets}
        assert [p.index for p in plans if p.split == split] == sorted(p.index for p in plans if p.split == split)


def test_the_bucket_count_is_the_smallest_power_of_two_whose_mean_shard_is_half_the_limits():
    limits = ShardLimits(documents=100, record_bytes=1_000)
    assert bucket_count(0, 0, limits) == 1
    assert bucket_count(50, 500, limits) == 1
    assert bucket_count(51, 500, limits) == 2
    assert bucket_count(50, 501, limits) == 2
    assert bucket_count(401, 10, limits) == 16  # 401 / 8 > 50, 401 / 16 <= 50
    assert bucket_count(10, 64_000, limits) == 128


def test_adding_or_changing_one_document_leaves_every_other_shard_as_it_was():
    rng = random.Random(2)
    sizes = [(f"doc-{n:05d}", rng.randrange(1_000, 2_000)) for n in range(300)]
    limits = ShardLimits(documents=40, record_bytes=2**40)
    before = plan_shards(sizes, limits)
    grown = plan_shards([*sizes, ("doc-new", 1_500)], limits)
    split = split_of("doc-new")
    assert {p.buckets for p in grown if p.split == split} == {p.buckets for p in before if p.split == split}
    assert sum(p.split == split for p in before) > 1
    changed = [plan for plan in grown if plan not in before]
    assert len(changed) == 1 and "doc-new" in changed[0].ids
    assert set(before) - set(grown) == {p for p in before if (p.split, p.index) == (changed[0].split, changed[0].index)}
    resized = plan_shards([(i, size + 7 if i == "doc-00007" else size) for i, size in sizes], limits)
    assert resized == before  # a change of size alone moves no document


def test_when_the_bucket_count_doubles_each_shard_splits_in_two():
    ids = [f"doc-{n:05d}" for n in range(600)]
    for buckets in (1, 2, 8):
        for document_id in ids:
            assert shard_bucket(document_id, 2 * buckets) in {
                shard_bucket(document_id, buckets),
                shard_bucket(document_id, buckets) + buckets,
            }
    counts = [sum(shard_bucket(i, 8) == b for i in ids) for b in range(8)]
    assert min(counts) > 0.6 * 600 / 8 and max(counts) < 1.4 * 600 / 8  # spread evenly


# Streaming Parquet


def test_a_streamed_shard_is_byte_identical_to_writing_all_its_rows_at_once(sample_records, tmp_path, monkeypatch):
    import newscorpus.release.folder as release_module

    records = sample_records[:30]
    ner = replace(next(view for view in VIEWS if view.name == "ner"), rows_per_group=300)  # several groups
    monkeypatch.setattr(release_module, "VIEWS", tuple(ner if view.name == "ner" else view for view in VIEWS))
    out = tmp_path / "release"
    out.mkdir()
    write_release_files(records, out, limits=ShardLimits(documents=1_000, record_bytes=2**40))  # one shard per split
    features = ner.features()
    train = sorted((r for r in records if split_of(r["id"]) == "train"), key=lambda r: r["id"])
    rows = [encode_value(row, features) for record in train for row in ner.rows(record)]
    assert len(rows) > 3 * 300 and len(rows) % 300  # several full groups and a last partial one
    reference = tmp_path / "reference.parquet"
    with open_parquet_writer(reference, features.arrow_schema) as writer:  # every row at once
        writer.write_table(pa.Table.from_pylist(rows, schema=features.arrow_schema), row_group_size=300)
    written = out / "ner" / "train-00000-of-00001.parquet"
    assert pq.ParquetFile(written).metadata.num_row_groups == -(-len(rows) // 300)
    assert written.read_bytes() == reference.read_bytes()


def test_sentence_configs_get_large_row_groups_and_documents_small_ones():
    by_name = {view.name: view.rows_per_group for view in VIEWS}
    assert by_name["documents"] == by_name["coref"] == 1_000
    assert by_name["ner"] == by_name["ner_conll2003"] == by_name["quotes"] == SMALL_ROWS_PER_GROUP > 1_000


# Parallel builds


def test_builds_with_one_and_two_jobs_are_byte_identical(corpus, tmp_path_factory):
    twin = tmp_path_factory.mktemp("twin")
    shutil.copytree(corpus / "corpus", twin / "corpus")
    serial = build_corpus(CorpusLayout(corpus), LocalEngine(1), limits=SMALL)
    engine = LocalEngine(2)
    try:
        parallel = build_corpus(CorpusLayout(twin), engine, limits=SMALL)
    finally:
        engine.close()
    assert serial.release is not None and parallel.release is not None
    assert _files(corpus / "corpus") == _files(twin / "corpus")
    names = [n for n in serial.release.files if n.startswith("documents/train-")]
    assert len(names) > 1 and all(re.fullmatch(r"documents/train-\d{5}-of-\d{5}\.parquet", n) for n in names)
    buckets = {int(n[-13:-8]) for n in names}  # every file of a split names the split's bucket count
    assert len(buckets) == 1 and (count := buckets.pop()) >= len(names) and count & (count - 1) == 0
    assert check_corpus(CorpusLayout(twin), LocalEngine(1), limits=SMALL) == []


def test_the_build_command_with_jobs_writes_a_release_that_check_accepts(corpus):
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--root", str(corpus), "--jobs", "2"])
    assert built.exit_code == 0, built.output
    assert f"{DOCUMENTS} document(s)" in built.output
    checked = runner.invoke(main, ["build", "--check", "--root", str(corpus), "-j", "1"])
    assert checked.exit_code == 0, checked.output
    assert not list((corpus / "corpus").glob(f"{STAGING_PREFIX}*"))


def test_a_bad_raw_file_stops_convert_and_leaves_every_record_as_it_was(corpus):
    records = corpus / "corpus" / "records"
    before = _files(records)
    for path in records.glob("*.json"):  # stale automatic tokens: convert would rewrite every record ...
        record = json.loads(path.read_text(encoding="utf-8"))
        record["layers"]["tokens"]["ends"][0] += 1
        path.write_text(json.dumps(record), encoding="utf-8")
    stale = _files(records)
    binary = corpus / "corpus" / "raw" / "synthetic" / "0000" / "9999999.txt"
    binary.write_bytes(b"\x00\x01binary")  # ... but this file sorts last and cannot be converted
    result = CliRunner().invoke(main, ["convert", "--root", str(corpus), "--jobs", "2"])
    assert result.exit_code == 2 and "[raw.binary]" in result.output and "Traceback" not in result.output
    assert _files(records) == stale
    binary.unlink()
    assert CliRunner().invoke(main, ["convert", "--root", str(corpus)]).exit_code == 0
    assert _files(records) == before


def test_a_record_whose_id_changes_is_replaced_and_keeps_its_gold_layers(corpus):
    raw = sorted((corpus / "corpus" / "raw").rglob("*.txt"))[4]
    relative = raw.relative_to(corpus).as_posix()
    old_path = next(
        path
        for path in (corpus / "corpus" / "records").glob("*.json")
        if json.loads(path.read_text(encoding="utf-8"))["raw"]["path"] == relative
    )
    old = json.loads(old_path.read_text(encoding="utf-8"))
    raw.write_text(raw.read_text(encoding="utf-8") + "\nA paragraph added at the end.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", "--root", str(corpus), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "1 record file(s) written" in result.output
    assert not old_path.exists()  # the id holds the raw file's hash: the record moved
    new_path = next(
        p
        for p in (corpus / "corpus" / "records").glob("*.json")
        if p.name != old_path.name and json.loads(p.read_text(encoding="utf-8"))["raw"]["path"] == relative
    )
    new = json.loads(new_path.read_text(encoding="utf-8"))
    assert new["id"] != old["id"] and new["layers"]["entities"] == old["layers"]["entities"]
    assert len(list((corpus / "corpus" / "records").glob("*.json"))) == DOCUMENTS


def test_staging_folders_left_by_a_killed_run_are_removed(corpus):
    leftover = corpus / "corpus" / f"{STAGING_PREFIX}killed"
    leftover.mkdir()
    (leftover / "half-written.json").write_text("{", encoding="utf-8")
    assert CliRunner().invoke(main, ["convert", "--root", str(corpus), "-q"]).exit_code == 0
    assert not leftover.exists()


def test_validate_with_jobs_reports_the_same_problems_as_with_one(corpus):
    records = sorted((corpus / "corpus" / "records").glob("*.json"))
    broken = records[5].read_text(encoding="utf-8").replace('"label": "PERSON"', '"label": "VILLAIN"', 1)
    records[5].write_text(broken, encoding="utf-8")
    shutil.copy(records[2], corpus / "corpus" / "records" / "copy-of-a-record.json")
    runner = CliRunner()
    outputs = [
        runner.invoke(main, ["validate", "--root", str(corpus), "--format", "json", "--jobs", jobs])
        for jobs in ("1", "2")
    ]
    assert outputs[0].exit_code == outputs[1].exit_code == 1
    assert outputs[0].output == outputs[1].output
    assert "label.unknown" in outputs[0].output and "id.duplicate-document" in outputs[0].output


# Progress


def _run_on_a_terminal(arguments: list[str]) -> str:
    """Run the CLI with stderr on a pseudo-terminal; returns what it wrote there."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "newscorpus.cli", *arguments], stdout=subprocess.DEVNULL, stderr=terminal, env=env
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(controller)
    return b"".join(chunks).decode("utf-8", "replace")


def test_on_a_terminal_a_command_ends_with_a_summary_line_unless_quiet(corpus):
    shown = _run_on_a_terminal(["convert", "--root", str(corpus), "--jobs", "1"])
    summary = rf"{DOCUMENTS} document\(s\), [\d,]+ tokens, 0 error\(s\) in [\d.]+ s \([\d.,]+ documents/s\)"
    assert re.search(summary, shown), shown
    assert _run_on_a_terminal(["convert", "--root", str(corpus), "--jobs", "1", "--quiet"]) == ""


def test_without_a_terminal_there_are_no_bars_and_no_summary(corpus):
    result = CliRunner().invoke(main, ["convert", "--root", str(corpus), "--jobs", "1"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith(f"converted {DOCUMENTS} article(s): ")
    assert "\r" not in result.output and "documents/s" not in result.output
