"""The I/O error policy: every OSError from corpus files is a located error with its own code and exit 2.

The read-only and disk-full cases run the real command on a real file system:
a read-only bind mount and a small tmpfs, each in a private mount namespace
(``unshare``), so nothing outside the test sees them.
"""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_helpers import built_corpus, error_codes

from newscorpus.engines.local import LocalEngine
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.file_errors import unusable_from_os_error


@pytest.mark.parametrize(
    ("number", "code"),
    [
        (errno.EROFS, "file.read-only"),
        (errno.ENOSPC, "file.disk-full"),
        (errno.EDQUOT, "file.disk-full"),
        (errno.EACCES, "file.permission-denied"),
        (errno.EISDIR, "file.not-regular"),
        (errno.ENOENT, "file.missing"),
        (errno.EIO, "file.io"),
    ],
)
def test_each_kind_of_os_error_has_its_code_and_its_file(tmp_path, number, code):
    error = OSError(number, "what the system said", str(tmp_path / "corpus" / "records" / "x.json"))
    unusable = unusable_from_os_error(error, tmp_path)
    assert (unusable.code, unusable.location) == (code, "corpus/records/x.json")
    assert unusable.render().startswith(f"corpus/records/x.json: error [{code}] what the system said")


def _fill_the_disk(path: str) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", path)


def test_a_worker_out_of_space_comes_back_as_the_located_error_not_a_remote_traceback():
    engine = LocalEngine(2)
    try:
        with pytest.raises(UnusableInputError) as raised:
            list(engine.map(_fill_the_disk, ["corpus/release/a.parquet", "corpus/release/b.parquet"]))
    finally:
        engine.close()
    assert (raised.value.code, raised.value.location) == ("file.disk-full", "corpus/release/a.parquet")
    assert raised.value.__cause__ is None  # no _RemoteTraceback chained to it


def _namespaces_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


needs_namespaces = pytest.mark.skipif(
    not _namespaces_available(), reason="needs unshare -rm (a private mount namespace) to mount file systems"
)

# Runs inside the namespace: mounts, takes the checksums of records and release, runs the
# command, takes them again. Prints one JSON line.
_IN_NAMESPACE = r"""
import hashlib, json, os, subprocess, sys
from pathlib import Path
root, mode, command = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
corpus = root / "corpus"
if mode == "read-only":
    subprocess.run(["mount", "--bind", "-o", "ro", corpus, corpus], check=True)
else:
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", root], check=True)
    subprocess.run(["cp", "-r", os.environ["CORPUS_SOURCE"], corpus], check=True)
    free = os.statvfs(root).f_bavail * os.statvfs(root).f_frsize
    (root / "filler").write_bytes(b"\0" * max(0, free - 100_000))  # leave 100 kB: records fit, the release not
def sums():
    return {str(p.relative_to(corpus)): hashlib.sha256(p.read_bytes()).hexdigest()
            for part in ("records", "release") for p in sorted((corpus / part).rglob("*")) if p.is_file()}
before = sums()
done = subprocess.run([sys.executable, "-m", "newscorpus.cli", *command, "--root", str(root)],
                      capture_output=True, text=True, cwd=root)
print(json.dumps({"rc": done.returncode, "stderr": done.stderr, "same": sums() == before,
                  "entries": sorted(p.name for p in corpus.iterdir())}))
"""


def _run_in_namespace(root: Path, mode: str, *command: str, source: Path | None = None) -> dict:
    environment = {"CORPUS_SOURCE": str(source or ""), "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    done = subprocess.run(
        ["unshare", "-rm", sys.executable, "-c", _IN_NAMESPACE, str(root), mode, *command],
        capture_output=True,
        text=True,
        timeout=300,
        env={**environment, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@needs_namespaces
@pytest.mark.parametrize("command", [["build", "-q", "-j", "1"], ["convert", "-q", "-j", "1"]])
def test_a_read_only_corpus_is_a_located_error_and_nothing_changes(tmp_path, command):
    root = built_corpus(tmp_path / "root")
    outcome = _run_in_namespace(root, "read-only", *command)
    assert outcome["rc"] == 2, outcome["stderr"]
    assert "Traceback" not in outcome["stderr"]
    assert error_codes(outcome["stderr"]) == ["file.read-only"]
    assert outcome["stderr"].startswith("corpus/")  # located at the file it could not write
    assert outcome["same"]


@needs_namespaces
def test_a_disk_that_fills_during_a_parallel_build_is_a_located_error_and_nothing_changes(tmp_path):
    source = built_corpus(tmp_path / "source") / "corpus"
    shutil.rmtree(source / "release" / "ner_conll2003")  # the build must write a shard, in a worker
    root = tmp_path / "small-disk"
    root.mkdir()
    outcome = _run_in_namespace(root, "disk-full", "build", "-q", "-j", "2", source=source)
    assert outcome["rc"] == 2, outcome["stderr"]
    assert "Traceback" not in outcome["stderr"] and "RemoteTraceback" not in outcome["stderr"]
    assert error_codes(outcome["stderr"]) == ["file.disk-full"]
    assert outcome["same"]
    # No leftovers: the lock and the conversion cache (entries written by rename and checked on
    # read, tests/pipeline/test_cache_kill.py) are the only dot-entries a build leaves.
    assert [name for name in outcome["entries"] if name.startswith(".") and name not in (".lock", ".cache")] == []
