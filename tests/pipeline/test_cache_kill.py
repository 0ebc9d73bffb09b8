"""A build killed (SIGKILL) while writing a cache entry leaves nothing the next build serves wrongly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline.cache import cache_dir_of
from newscorpus.pipeline.corpus import build_corpus
from newscorpus.record.layout import CorpusLayout
from newscorpus.synth import write_synthetic_corpus
from newscorpus.synth.corpus import raw_path

# The child builds the corpus at argv[1] and stalls, half-way through writing an entry of the
# kind argv[3] names, after touching argv[2]; the test then kills it.
_STALLED_BUILD = """
import os, sys, tempfile, time
from pathlib import Path
from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline import cache
from newscorpus.pipeline.corpus import build_corpus
from newscorpus.record.layout import CorpusLayout
from newscorpus.release import shard_store

def stall():
    Path(sys.argv[2]).touch()
    time.sleep(600)

def half_written_entry(cache_dir, key, content):
    path = cache.entry_path(cache_dir, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, _ = tempfile.mkstemp(prefix=cache.TEMPORARY_PREFIX, dir=path.parent)
    os.write(descriptor, content[: len(content) // 2])
    stall()

def half_saved_shard(self, key, files, result):
    entry = self.entry(key)
    entry.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=shard_store.TEMPORARY_PREFIX, dir=entry.parent))
    (building / "documents.parquet").write_bytes(b"PAR1")
    stall()

if sys.argv[3] == "conversion":
    cache.write_blob = half_written_entry
else:
    shard_store.ShardStore.save = half_saved_shard
build_corpus(CorpusLayout(Path(sys.argv[1])), LocalEngine(1))
"""


def _outputs(root: Path) -> dict[str, bytes]:
    corpus = root / "corpus"
    return {
        p.relative_to(corpus).as_posix(): p.read_bytes()
        for folder in ("records", "release")
        for p in sorted((corpus / folder).rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("killed")
    write_synthetic_corpus(root, 3, 31, LocalEngine(1), gold=False)
    build_corpus(CorpusLayout(root), LocalEngine(1))
    return root


@pytest.mark.parametrize("entry", ["conversion", "shard"])
def test_a_build_killed_while_writing_an_entry_is_repaired_by_the_next(built_corpus, tmp_path, entry):
    root = tmp_path / "root"
    shutil.copytree(built_corpus, root)
    raw = root / raw_path(1)
    raw.write_text(raw.read_text(encoding="utf-8") + "\nA paragraph added before the kill.\n", encoding="utf-8")
    clean = tmp_path / "clean"
    shutil.copytree(root, clean)
    shutil.rmtree(cache_dir_of(clean).parent)
    before = _outputs(root)
    stalled = tmp_path / "stalled"
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    child = subprocess.Popen([sys.executable, "-c", _STALLED_BUILD, str(root), str(stalled), entry], env=environment)
    try:
        deadline = time.monotonic() + 300
        while not stalled.exists():
            assert child.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "the build never began writing the entry"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _outputs(root) == before  # the killed build changed neither records nor release
    assert any(p.name.startswith(".tmp-") for p in cache_dir_of(root).parent.rglob("*"))
    build_corpus(CorpusLayout(root), LocalEngine(1))
    build_corpus(CorpusLayout(clean), LocalEngine(1))
    assert _outputs(root) == _outputs(clean)
    assert not any(p.name.startswith(".tmp-") for p in cache_dir_of(root).parent.rglob("*"))
