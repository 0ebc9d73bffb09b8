"""Written shards kept between builds: a shard whose records are unchanged is copied, not written again.

A shard's Parquet files and card tally depend only on its split, the records
it holds (in order) and the code that writes them, so they are stored under a
key of exactly those (``shard_key``): the record digests and a ``code_key``
the caller makes from the package's bytes and the Parquet library versions.
An entry is a folder ``<key[:2]>/<key>/`` holding each config's file and a
``shard.pickle`` with the ``ShardResult`` (file digests, rows, tally), whose
first line is the SHA-256 of the rest. It is made under a temporary name and
renamed into place. Files are hard links where the file system allows
(the release's files and the entry's share their bytes; a release file is
only ever replaced, never written in place), and on restore every file is
read back and checked against its digest, so a damaged entry is removed and
the shard written again, never served. The cache is trusted as the checkout is (it is pickled
by this package, in the corpus folder); the checksums catch damage.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscorpus.release.shards import ShardPlan

# What is stored is ``newscorpus.release.folder.ShardResult`` (files: config -> ShardFile, tally);
# it is not imported here, since folder imports this module.
ShardResult = Any

RESULT_FILE = "shard.pickle"
TEMPORARY_PREFIX = ".tmp-"
BLOCK = 1 << 20


def shard_key(code_key: str, plan: ShardPlan, digests: Mapping[str, str]) -> str:
    """The key of a shard: the writing code, its split and its documents' record digests, in order."""
    content = hashlib.sha256(f"newscorpus-shard-1\0{code_key}\0{plan.split}\0".encode())
    for document_id in plan.ids:
        content.update(f"{document_id}\0{digests[document_id]}\0".encode())
    return content.hexdigest()


def _sha256_of(path: Path) -> str:
    content = hashlib.sha256()
    with path.open("rb") as reading:
        for block in iter(lambda: reading.read(BLOCK), b""):
            content.update(block)
    return content.hexdigest()


def _place_checked(source: Path, target: Path, digest: str) -> bool:
    """Put ``source`` at ``target`` (a hard link: no bytes copied, none to flush); whether it has ``digest``.

    The stored file is read back once to check it, so a damaged entry is
    never served; a file system without hard links gets a copy.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        target.hardlink_to(source)
    except OSError:
        shutil.copyfile(source, target)
    return _sha256_of(target) == digest


@dataclass(frozen=True, slots=True)
class ShardStore:
    """Stored shards in ``folder``, valid for the code named by ``code_key`` (picklable, for workers)."""

    folder: Path
    code_key: str

    def entry(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def restore(self, key: str, files: Mapping[str, Path]) -> ShardResult | None:
        """Put the stored file of each config at ``files[config]``; the shard's result, or None if absent or damaged."""
        entry = self.entry(key)
        try:
            data = (entry / RESULT_FILE).read_bytes()
        except OSError:
            return None
        checksum, _, pickled = data.partition(b"\n")
        try:
            if hashlib.sha256(pickled).hexdigest().encode("ascii") != checksum:
                raise ValueError("checksum mismatch")
            result: ShardResult = pickle.loads(pickled)  # our own entry, its checksum verified
            for config, written in result.files.items():
                if not _place_checked(entry / f"{config}.parquet", files[config], written.digest):
                    raise ValueError(f"{config}.parquet damaged")
        except (OSError, ValueError, KeyError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            for path in files.values():
                path.unlink(missing_ok=True)
            shutil.rmtree(entry, ignore_errors=True)
            return None
        return result

    def save(self, key: str, files: Mapping[str, Path], result: ShardResult) -> None:
        """Keep the shard just written (``files[config]`` for each config of ``result``): made aside, renamed in."""
        entry = self.entry(key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=entry.parent))
        try:
            for config in result.files:
                try:
                    (building / f"{config}.parquet").hardlink_to(files[config])
                except OSError:
                    shutil.copyfile(files[config], building / f"{config}.parquet")
            pickled = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            checksum = hashlib.sha256(pickled).hexdigest().encode("ascii")
            (building / RESULT_FILE).write_bytes(checksum + b"\n" + pickled)
            shutil.rmtree(entry, ignore_errors=True)  # a damaged one, or none
            building.rename(entry)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
