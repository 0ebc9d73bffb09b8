"""The loader never serves rows the release folder does not hold now: damaged or missing files are errors.

SHA256SUMS does not change when a Parquet file is edited, replaced or removed
behind it, so the loader checks every file it names against it (a stat per
file on a warm load, a hash when size or time changed).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import newscorpus.loader as loader
from newscorpus.release.folder import write_release
from newscorpus.release.shards import ShardLimits
from newscorpus.synth import synthetic_record


@pytest.fixture
def release(tmp_path, _seed_record) -> Path:
    """A release of the seed and 12 synthetic articles, its own copy for each test (tests damage it)."""
    folder = tmp_path / "corpus" / "release"
    records = [json.loads(json.dumps(_seed_record)), *(synthetic_record(0, index)[1] for index in range(12))]
    write_release(records, folder, limits=ShardLimits(documents=4))
    return folder


@pytest.fixture
def cache(tmp_path) -> str:
    return str(tmp_path / "cache")


def _a_shard(release: Path, config: str = "ner") -> Path:
    return sorted((release / config).glob("train-*.parquet"))[0]


def _warm(release: Path, cache: str, config: str = "ner"):
    loaded = loader.load(config, release=release, cache_dir=cache)
    assert loader.load(config, release=release, cache_dir=cache)["train"].to_list() == loaded["train"].to_list()
    return loaded


def test_a_parquet_file_overwritten_with_garbage_is_an_error_naming_it(release, cache):
    _warm(release, cache)
    shard = _a_shard(release)
    shard.write_bytes(b"garbage" * 100)
    with pytest.raises(loader.DamagedReleaseError, match=str(shard)) as raised:
        loader.load("ner", release=release, cache_dir=cache)
    assert "differs from SHA256SUMS" in str(raised.value)


def test_a_parquet_file_edited_in_place_with_its_size_kept_is_noticed_by_its_time(release, cache):
    _warm(release, cache)
    shard = _a_shard(release)
    content = bytearray(shard.read_bytes())
    content[len(content) // 2] ^= 0xFF
    before = shard.stat()
    shard.write_bytes(bytes(content))
    os.utime(shard, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert shard.stat().st_size == before.st_size
    with pytest.raises(loader.DamagedReleaseError, match=str(shard)):
        loader.load("ner", release=release, cache_dir=cache)


def test_a_deleted_parquet_file_is_an_error_naming_it(release, cache):
    _warm(release, cache)
    shard = _a_shard(release)
    shard.unlink()
    with pytest.raises(loader.DamagedReleaseError, match=str(shard)):
        loader.load("ner", release=release, cache_dir=cache)


def test_a_file_of_another_config_damaged_is_also_refused(release, cache):
    # Every file SHA256SUMS names is checked: a release is one whole, and the card describes them all.
    _warm(release, cache)
    shard = _a_shard(release, "quotes")
    shard.write_bytes(b"")
    with pytest.raises(loader.DamagedReleaseError, match=str(shard)):
        loader.load("ner", release=release, cache_dir=cache)


def test_a_damaged_release_is_refused_on_its_first_load_too(release, cache):
    shutil.copyfile(_a_shard(release, "quotes"), _a_shard(release))  # a valid Parquet file, the wrong one
    with pytest.raises(loader.DamagedReleaseError, match=str(_a_shard(release))):
        loader.load("ner", release=release, cache_dir=cache)


def test_a_touched_file_with_the_same_content_is_hashed_once_then_served_by_stat(release, cache, monkeypatch):
    expected = _warm(release, cache)
    shard = _a_shard(release)
    os.utime(shard, ns=(shard.stat().st_atime_ns, shard.stat().st_mtime_ns + 5_000_000))
    hashed: list[str] = []
    real = loader._verify_file

    def counting(folder: Path, name: str, digest: str) -> tuple[int, int]:
        hashed.append(name)
        return real(folder, name, digest)

    monkeypatch.setattr(loader, "_verify_file", counting)
    assert loader.load("ner", release=release, cache_dir=cache)["train"].to_list() == expected["train"].to_list()
    assert hashed == [shard.relative_to(release).as_posix()]
    loader.load("ner", release=release, cache_dir=cache)
    assert hashed == [shard.relative_to(release).as_posix()]  # the index now holds the new time


def test_a_restored_file_is_served_again(release, cache):
    expected = _warm(release, cache)
    shard = _a_shard(release)
    kept = shard.read_bytes()
    shard.write_bytes(b"garbage")
    with pytest.raises(loader.DamagedReleaseError):
        loader.load("ner", release=release, cache_dir=cache)
    shard.write_bytes(kept)
    assert loader.load("ner", release=release, cache_dir=cache)["train"].to_list() == expected["train"].to_list()
