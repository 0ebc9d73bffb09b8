"""The loader's index: a second load reopens the Arrow cache directly and returns what load_dataset would.

Loading offline: typed features, the one-call loader, fresh data after a rebuild (was test_load.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import datasets
import pytest
from datasets import Dataset, DatasetDict

import newscorpus.loader as loader
from newscorpus.release.folder import CHECKSUMS, write_release
from newscorpus.release.shards import ShardLimits
from newscorpus.release.splits import SPLITS, split_of
from newscorpus.synth import synthetic_record
from newscorpus.views import VIEWS

CONFIGS = [view.name for view in VIEWS]
# Two documents to a Parquet shard, so that a split has several files.
SMALL_SHARDS = ShardLimits(documents=2)


def _records(seed_record: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """The seed and ``count`` synthetic articles: enough for every split to have documents."""
    records = [seed_record, *(synthetic_record(0, index)[1] for index in range(count))]
    assert {split_of(record["id"]) for record in records} == set(SPLITS)
    return records


@pytest.fixture(scope="module")
def release(tmp_path_factory, _seed_record) -> Path:
    """A release of 13 documents in all three splits, written once for this module (tests only read it)."""
    folder = tmp_path_factory.mktemp("corpus") / "release"
    write_release(_records(json.loads(json.dumps(_seed_record)), 12), folder, limits=SMALL_SHARDS)
    return folder


@pytest.fixture
def cache(tmp_path) -> str:
    return str(tmp_path / "cache")


@pytest.fixture
def load_dataset_calls(monkeypatch) -> list[dict[str, Any]]:
    """Every call the loader makes to ``datasets.load_dataset``, with its split and keyword arguments."""
    calls: list[dict[str, Any]] = []
    real = loader.load_dataset

    def spy(path: str, config: str, **kwargs: Any) -> Dataset | DatasetDict:
        calls.append(kwargs)
        return real(path, config, **kwargs)

    monkeypatch.setattr(loader, "load_dataset", spy)
    return calls


def _assert_same(loaded: Dataset, expected: Dataset) -> None:
    """Same rows in the same order, same features, and the same identity as far as datasets can tell."""
    assert loaded.features == expected.features
    assert loaded.to_list() == expected.to_list()
    assert loaded.split == expected.split
    assert loaded.info == expected.info
    assert loaded._fingerprint == expected._fingerprint


def _indexes(cache: str) -> list[Path]:
    return sorted((Path(cache) / loader.INDEX_FOLDER).glob("*.json"))


def test_a_second_load_of_every_config_comes_from_the_index_with_the_same_data(release, cache, load_dataset_calls):
    for config in CONFIGS:
        first = loader.load(config, release=release, cache_dir=cache)
        calls_after_first = len(load_dataset_calls)
        second = loader.load(config, release=release, cache_dir=cache)
        assert len(load_dataset_calls) == calls_after_first, f"{config}: the second load called load_dataset"
        expected = datasets.load_dataset(str(release), config, cache_dir=cache)
        assert isinstance(second, DatasetDict)
        assert list(first) == list(second) == list(expected) == list(SPLITS)
        for split in SPLITS:
            _assert_same(second[split], expected[split])
            _assert_same(first[split], expected[split])
    assert len(_indexes(cache)) == len(CONFIGS)


def test_a_split_loads_from_the_index_as_load_dataset_gives_it(release, cache, load_dataset_calls):
    cold = loader.load("ner", split="validation", release=release, cache_dir=cache)
    assert len(load_dataset_calls) == 1
    for split in SPLITS:
        warm = loader.load("ner", split=split, release=release, cache_dir=cache)
        assert isinstance(warm, Dataset)
        _assert_same(warm, datasets.load_dataset(str(release), "ner", split=split, cache_dir=cache))
    assert len(load_dataset_calls) == 1
    _assert_same(cold, loader.load("ner", split=datasets.Split.VALIDATION, release=release, cache_dir=cache))


def test_a_slice_of_a_split_goes_straight_to_load_dataset(release, cache, load_dataset_calls):
    whole = loader.load("quotes", split="train", release=release, cache_dir=cache)
    head = loader.load("quotes", split="train[:2]", release=release, cache_dir=cache)
    assert load_dataset_calls[1:] == [{"split": "train[:2]", "cache_dir": cache}]
    assert head.to_list() == whole.to_list()[:2]


def test_an_unknown_split_is_refused_as_load_dataset_refuses_it(release, cache):
    loader.load("quotes", release=release, cache_dir=cache)
    with pytest.raises(ValueError, match='Unknown split "dev"'):
        loader.load("quotes", split="dev", release=release, cache_dir=cache)


def test_a_split_of_several_arrow_files_is_reopened_whole(release, cache, monkeypatch):
    # datasets starts a new Arrow file when one passes this size; tiny, it writes one per Parquet shard.
    monkeypatch.setattr(datasets.config, "MAX_SHARD_SIZE", 1)
    cold = loader.load("documents", split="train", release=release, cache_dir=cache)
    assert len(cold.cache_files) > 1
    _assert_same(loader.load("documents", split="train", release=release, cache_dir=cache), cold)


def test_a_rebuilt_release_gets_a_new_fingerprint_and_loads_fresh(seed_record, tmp_path, cache):
    folder = tmp_path / "release"
    write_release([seed_record], folder)
    before = loader.load("documents", split="train", release=folder, cache_dir=cache)
    loader.load("documents", split="train", release=folder, cache_dir=cache)
    changed = json.loads(json.dumps(seed_record))
    changed["metadata"]["topics"] = changed["metadata"]["topics"][:1]
    write_release([changed], folder)
    after = loader.load("documents", split="train", release=folder, cache_dir=cache)
    assert len(before[0]["metadata"]["topics"]) > 1
    assert after[0]["metadata"]["topics"] == changed["metadata"]["topics"]
    assert len(_indexes(cache)) == 2
    again = loader.load("documents", split="train", release=folder, cache_dir=cache)
    assert again[0]["metadata"]["topics"] == changed["metadata"]["topics"]


def test_a_deleted_arrow_file_falls_back_to_load_dataset_and_reindexes(release, cache, load_dataset_calls):
    first = loader.load("coref", release=release, cache_dir=cache)
    expected = {split: first[split].to_list() for split in first}
    Path(first["test"].cache_files[0]["filename"]).unlink()
    second = loader.load("coref", release=release, cache_dir=cache)
    assert len(load_dataset_calls) == 2
    assert {split: second[split].to_list() for split in second} == expected
    third = loader.load("coref", release=release, cache_dir=cache)
    assert len(load_dataset_calls) == 2
    assert {split: third[split].to_list() for split in third} == expected


def test_an_unreadable_index_falls_back_to_load_dataset(release, cache, load_dataset_calls):
    loader.load("ner_conll2003", release=release, cache_dir=cache)
    (index,) = _indexes(cache)
    index.write_text("{not json", encoding="utf-8")
    loaded = loader.load("ner_conll2003", split="train", release=release, cache_dir=cache)
    assert len(load_dataset_calls) == 2
    _assert_same(loaded, datasets.load_dataset(str(release), "ner_conll2003", split="train", cache_dir=cache))
    assert json.loads(index.read_text(encoding="utf-8"))["splits"][0]["name"] == "train"


def test_other_arguments_go_straight_to_load_dataset(release, cache, load_dataset_calls):
    loader.load("ner", release=release, cache_dir=cache)
    loaded = loader.load("ner", split="train", release=release, cache_dir=cache, keep_in_memory=True)
    assert load_dataset_calls[-1] == {"split": "train", "cache_dir": cache, "keep_in_memory": True}
    assert loaded.cache_files == []


def test_the_default_cache_is_the_one_datasets_uses(release, tmp_path, monkeypatch, load_dataset_calls):
    default_cache = tmp_path / "default-cache"
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", str(default_cache))
    loader.load("quotes", release=release)
    warm = loader.load("quotes", release=release)
    assert len(load_dataset_calls) == 1
    assert len(_indexes(str(default_cache))) == 1
    assert all(Path(file["filename"]).is_relative_to(default_cache) for file in warm["train"].cache_files)


def test_a_folder_without_checksums_is_never_indexed(release, tmp_path, cache, load_dataset_calls):
    folder = tmp_path / "release"
    shutil.copytree(release, folder)
    (folder / CHECKSUMS).unlink()
    loader.load("quotes", release=folder, cache_dir=cache)
    loader.load("quotes", release=folder, cache_dir=cache)
    assert len(load_dataset_calls) == 2
    assert _indexes(cache) == []


def test_the_loader_reads_the_checksums_the_build_writes():
    assert loader.CHECKSUMS == CHECKSUMS


_PROBE = """
import json, sys
import datasets
release, config, cache = sys.argv[1], sys.argv[2], sys.argv[3]
splits = datasets.load_dataset(release, config, cache_dir=cache)
data = splits["train"]
ids = sorted({i for split in splits.values() for i in split["document_id" if config != "documents" else "id"]})
print(json.dumps({"rows": data.num_rows, "features": repr(data.features), "first": data[0],
                  "splits": {name: split.num_rows for name, split in splits.items()}, "ids": ids}, default=str))
"""


def _load_in_fresh_process(release: Path, config: str, cache: Path) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(release), config, str(cache)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=release.parent,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _committed_records(repo_root: Path) -> list[dict]:
    return [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((repo_root / "corpus" / "records").glob("*.json"))
    ]


def test_load_dataset_on_the_committed_release_is_typed_and_holds_every_document(repo_root, tmp_path):
    records = _committed_records(repo_root)
    ids = sorted(record["id"] for record in records)
    assert len(ids) == 294
    loaded = _load_in_fresh_process(repo_root / "corpus" / "release", "documents", tmp_path / "cache")
    assert sum(loaded["splits"].values()) == 294 and loaded["ids"] == ids
    assert "ClassLabel(names=['PERSON', 'NORP'" in loaded["features"]
    assert "List({'start': Value('int32')" in loaded["features"]
    assert "'license_id': Value('string')" in loaded["features"]
    ner = _load_in_fresh_process(repo_root / "corpus" / "release", "ner", tmp_path / "cache")
    assert sum(ner["splits"].values()) == sum(len(r["layers"]["sentences"]["starts"]) for r in records)
    assert ner["ids"] == ids and "ClassLabel(names=['O', 'B-PERSON'" in ner["features"]
    coref = _load_in_fresh_process(repo_root / "corpus" / "release", "coref", tmp_path / "cache")
    assert coref["ids"] == ids
    quotes = _load_in_fresh_process(repo_root / "corpus" / "release", "quotes", tmp_path / "cache")
    assert quotes["ids"] == sorted(r["id"] for r in records if r["layers"]["quotations"]["items"])
    assert sum(quotes["splits"].values()) == sum(len(r["layers"]["quotations"]["items"]) for r in records)


def test_newscorpus_load_returns_every_config(repo_root, tmp_path):
    import newscorpus

    release = repo_root / "corpus" / "release"
    documents = newscorpus.load(release=release, cache_dir=str(tmp_path))
    assert list(documents) == ["train", "validation", "test"]
    assert sum(split.num_rows for split in documents.values()) == 294
    assert documents["train"].features["layers"]["entities"]["items"].feature["label"].names[0] == "PERSON"
    ner = newscorpus.load("ner", split="train", release=release, cache_dir=str(tmp_path))
    tag_names = ner.features["ner_tags"].feature.names
    assert any(tag_names[t] == "B-PERSON" for row in ner for t in row["ner_tags"])
    quotes = newscorpus.load("quotes", split="train", release=release, cache_dir=str(tmp_path))
    train_ids = set(documents["train"]["id"])
    records = [r for r in _committed_records(repo_root) if r["id"] in train_ids]
    assert quotes.num_rows == sum(len(r["layers"]["quotations"]["items"]) for r in records)
    coref = newscorpus.load("coref", split="train", release=release, cache_dir=str(tmp_path))
    assert len(coref[0]["clusters"]) > 0


def test_a_rebuilt_release_loads_fresh_data_through_the_same_cache(seed_record, tmp_path):
    """datasets keys its cache on the card's YAML; the content fingerprint in it must change."""
    release, cache = tmp_path / "release", tmp_path / "cache"
    write_release([seed_record], release)
    before = _load_in_fresh_process(release, "documents", cache)
    changed = json.loads(json.dumps(seed_record))
    changed["metadata"]["topics"] = changed["metadata"]["topics"][:1]
    write_release([changed], release)
    after = _load_in_fresh_process(release, "documents", cache)
    assert len(before["first"]["metadata"]["topics"]) > 1
    assert len(after["first"]["metadata"]["topics"]) == 1
