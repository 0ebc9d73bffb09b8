"""A build killed with SIGKILL in the middle of writing leaves the previous release intact and loadable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import datasets

from newscorpus.release.folder import recover_interrupted_swap, write_release

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
