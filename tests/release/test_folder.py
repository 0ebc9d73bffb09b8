"""The release folder: determinism, Parquet, checksums, splits, configs, atomic writes, a build killed mid-write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import datasets
import pyarrow.parquet as pq
import pytest
import yaml
from datasets import Features, Value

from newscorpus.features import record_features
from newscorpus.problems.errors import UnusableInputError
from newscorpus.release.folder import recover_interrupted_swap, write_release, write_release_files
from newscorpus.release.splits import split_of


def test_release_card_features_are_the_derived_features(repo_root):
    card = (repo_root / "corpus" / "release" / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---")[1])
    documents = next(info for info in header["dataset_info"] if info["config_name"] == "documents")
    declared = Features._from_yaml_list(documents["features"])
    # The record's features, plus the one column derived at build: whether the text is openly licensed.
    assert declared == Features({**record_features(), "open_license": Value("bool")})


def test_two_builds_are_byte_identical(seed_record, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write_release_files([seed_record], first)
    write_release_files([seed_record], second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_parquet_is_zstd_with_fixed_row_groups(repo_root):
    parquet = next((repo_root / "corpus" / "release" / "ner").glob("*.parquet"))
    metadata = pq.ParquetFile(parquet).metadata
    assert metadata.row_group(0).column(0).compression == "ZSTD"
    assert b"huggingface" in metadata.metadata


def test_checksums_cover_every_file(repo_root):
    import hashlib

    release = repo_root / "corpus" / "release"
    listed = {}
    for line in (release / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        listed[name] = digest
    files = {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest


def test_a_failing_write_leaves_the_previous_release(seed_record, tmp_path, monkeypatch):
    import newscorpus.release.folder as release_module

    release = tmp_path / "release"
    write_release([seed_record], release)
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    real_close = release_module.ParquetShardWriter.close
    calls = []

    def failing_close(writer):
        calls.append(writer)
        if len(calls) == 2:  # the disk fills up half way through
            raise OSError(28, "No space left on device")
        return real_close(writer)

    monkeypatch.setattr(release_module.ParquetShardWriter, "close", failing_close)
    # The engine returns the OSError as its located error (newscorpus.problems.file_errors), code file.disk-full.
    with pytest.raises(UnusableInputError, match="No space") as raised:
        write_release([seed_record], release)
    assert raised.value.code == "file.disk-full"
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["release"]


def test_splits_depend_only_on_the_document_id():
    ids = [f"publisher-headline-{n:08x}" for n in range(2000)]
    assignment = {i: split_of(i) for i in ids}
    assert assignment == {i: split_of(i) for i in reversed(ids)}
    counts = {s: list(assignment.values()).count(s) for s in ("train", "validation", "test")}
    assert 1500 < counts["train"] < 1700 and 130 < counts["validation"] < 270 and 130 < counts["test"] < 270


def test_card_has_configs_with_a_default_and_only_nonempty_splits(repo_root):
    card = (repo_root / "corpus" / "release" / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---")[1])
    configs = {c["config_name"]: c for c in header["configs"]}
    assert configs["documents"]["default"] is True
    assert set(configs) == {"documents", "ner", "ner_conll2003", "quotes", "coref"}
    for config in configs.values():
        for entry in config["data_files"]:
            assert list(Path(repo_root / "corpus" / "release").glob(entry["path"])), entry
    for info in header["dataset_info"]:
        assert all(split["num_examples"] > 0 for split in info["splits"])


# Runs a real build in a child process, made to stop for good right after its first
# Parquet file is on disk, so that the parent can kill it mid-write.
_STALLED_BUILD = """
import json, sys, time
from pathlib import Path
import newscorpus.release.folder as release
real_close = release.ParquetShardWriter.close
def close_then_stall(writer):
    written = real_close(writer)
    if written is not None:
        Path(sys.argv[2]).touch()
        time.sleep(120)
    return written
release.ParquetShardWriter.close = close_then_stall
record = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
release.write_release([record], Path(sys.argv[1]))
"""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_sigkill_mid_build_leaves_the_previous_release_intact_and_loadable(seed_record, tmp_path):
    release = tmp_path / "corpus" / "release"
    write_release([seed_record], release)
    before = _snapshot(release)
    changed = json.loads(json.dumps(seed_record))
    changed["metadata"]["topics"] = []
    record_file = tmp_path / "changed.json"
    record_file.write_text(json.dumps(changed), encoding="utf-8")
    stalled = tmp_path / "stalled"
    child = subprocess.Popen([sys.executable, "-c", _STALLED_BUILD, str(release), str(stalled), str(record_file)])
    try:
        deadline = time.monotonic() + 120
        while not stalled.exists():
            assert child.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "the build never reached its first Parquet file"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _snapshot(release) == before
    leftovers = [p.name for p in release.parent.iterdir() if p != release]
    assert leftovers and all(name.startswith(".release.building-") for name in leftovers)
    loaded = datasets.load_dataset(str(release), "documents", split="train", cache_dir=str(tmp_path / "cache"))
    assert loaded[0]["id"] == seed_record["id"]
    assert len(loaded[0]["metadata"]["topics"]) == len(seed_record["metadata"]["topics"])
    write_release([changed], release)  # the next build cleans up what the killed one left
    assert [p.name for p in release.parent.iterdir()] == ["release"]


def test_a_swap_interrupted_between_its_two_renames_is_undone(seed_record, tmp_path):
    release = tmp_path / "release"
    write_release([seed_record], release)
    before = _snapshot(release)
    backup = release.with_name(".release.previous")
    release.rename(backup)  # the crash happened after moving the old release aside
    recover_interrupted_swap(release)
    assert _snapshot(release) == before
    assert not backup.exists()
