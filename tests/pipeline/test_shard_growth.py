"""Shards by hash bucket: adding or changing one article rewrites only its own shard, in every config."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline.corpus import build_corpus
from newscorpus.record.layout import CorpusLayout
from newscorpus.release import folder
from newscorpus.release.shards import ShardLimits, bucket_count, shard_bucket
from newscorpus.release.splits import split_of
from newscorpus.synth import write_synthetic_corpus
from newscorpus.synth.corpus import raw_path, synthetic_record

SEED = 3
DOCUMENTS = 12
# About two documents to a shard, so a corpus of a dozen has several shards in its train split.
LIMITS = ShardLimits(documents=4, record_bytes=2**40)
DERIVED = {"README.md", "croissant.json", "ATTRIBUTION.md"}  # what the merged tallies and digests make


def _build(root: Path) -> None:
    result = build_corpus(CorpusLayout(root), LocalEngine(1), limits=LIMITS)
    assert result.release is not None, result.converted.problems


def _sums(root: Path) -> dict[str, str]:
    lines = (root / "corpus" / "release" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("growth")
    write_synthetic_corpus(root, DOCUMENTS, SEED, LocalEngine(1))
    _build(root)
    return root


@pytest.fixture
def corpus(built_corpus, tmp_path) -> Path:
    shutil.copytree(built_corpus / "corpus", tmp_path / "corpus")
    return tmp_path


@pytest.fixture
def shard_writes(monkeypatch) -> list[Path]:
    """The Parquet files a build writes (not restored from the store)."""
    written: list[Path] = []
    real = folder.ParquetShardWriter
    monkeypatch.setattr(folder, "ParquetShardWriter", lambda path, *rest: written.append(path) or real(path, *rest))
    return written


def _split_sizes(root: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in CorpusLayout(root).records_dir.glob("*.json"):
        counts[split_of(path.stem)] = counts.get(split_of(path.stem), 0) + 1
    return counts


def _bucket_file(split: str, document_id: str, buckets: int) -> str:
    return f"{split}-{shard_bucket(document_id, buckets):05d}-of-{buckets:05d}.parquet"


def _a_new_train_article() -> tuple[int, str]:
    """The index and id of an added synthetic article in the train split (the one with several shards)."""
    index = DOCUMENTS
    while split_of((record := synthetic_record(SEED, index))[1]["id"]) != "train":
        index += 1
    return index, record[1]["id"]


def test_adding_an_article_rewrites_only_its_own_bucket_and_matches_a_clean_build(corpus, shard_writes, tmp_path):
    before = _sums(corpus)
    train = _split_sizes(corpus)["train"]
    buckets = bucket_count(train, 0, LIMITS)
    assert buckets > 1 and bucket_count(train + 1, 0, LIMITS) == buckets  # the count stays: only growth
    index, document_id = _a_new_train_article()
    raw = corpus / raw_path(index)
    raw.parent.mkdir(parents=True, exist_ok=True)
    raw.write_text(synthetic_record(SEED, index)[0], encoding="utf-8")
    _build(corpus)
    after = _sums(corpus)
    changed = {name for name in after if before.get(name) != after[name]} | (set(before) - set(after))
    expected = _bucket_file("train", document_id, buckets)
    assert {name for name in changed if name.endswith(".parquet")} == {
        name for name in after if name.endswith(f"/{expected}")
    }
    assert changed - {name for name in changed if name.endswith(".parquet")} <= DERIVED
    assert shard_writes and {path.parent.name for path in shard_writes} == {
        name.split("/")[0] for name in after if name.endswith(f"/{expected}")
    }
    assert len(shard_writes) == len({path.parent.name for path in shard_writes})  # one shard, once per config
    clean = tmp_path / "clean"
    shutil.copytree(corpus / "corpus", clean / "corpus", ignore=shutil.ignore_patterns(".cache", "release"))
    _build(clean)
    assert _files(clean / "corpus" / "release") == _files(corpus / "corpus" / "release")


def _record_ids(root: Path) -> set[str]:
    return {path.stem for path in CorpusLayout(root).records_dir.glob("*.json")}


def test_an_edited_article_rewrites_the_buckets_of_its_old_and_new_id_only(corpus, shard_writes):
    before, ids_before, sizes_before = _sums(corpus), _record_ids(corpus), _split_sizes(corpus)
    raw = corpus / raw_path(0)
    raw.write_text(raw.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")  # its id changes
    _build(corpus)
    ids_after, sizes_after = _record_ids(corpus), _split_sizes(corpus)
    (old_id,), (new_id,) = ids_before - ids_after, ids_after - ids_before
    touched = set()
    for document_id in (old_id, new_id):
        split = split_of(document_id)
        buckets = bucket_count(sizes_after[split], 0, LIMITS)
        assert bucket_count(sizes_before.get(split, 0), 0, LIMITS) == buckets  # no count changed here
        touched.add(_bucket_file(split, document_id, buckets))
    after = _sums(corpus)
    changed = {name for name in after if before.get(name) != after[name]} | (set(before) - set(after))
    shards = {name for name in changed if name.endswith(".parquet")}
    assert shards and {name.split("/")[-1] for name in shards} <= touched
    assert changed - shards <= DERIVED
    assert {path.name.split(".")[1] for path in shard_writes} <= {name.rsplit("-of-", 1)[0] for name in touched}
