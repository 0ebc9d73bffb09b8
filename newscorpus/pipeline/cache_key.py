"""The conversion cache's key: a hash of everything that feeds an article's record.

Two parts. The corpus part is the same for every article of a build: the
package (its version and the bytes of its code and data, so an edited
annotator or a retrained model shipped in the package is a new key even
before a version bump), the versions of the segmentation libraries and of
any trained spaCy pipeline, the record schema, every publisher profile, the
gazetteer files, the entity linker's knowledge base (the shipped one or
``$NEWSCORPUS_LINK_KB``), and, when the rules find entities without the model, the
gazetteer of gold entity names made from all the records: then a gold change
in one record re-makes the others, whose automatic entities are looked up in
it. The shipped model brings its own training names, so with it that part is
empty. The article part is
the raw capture (path and bytes) and what convert keeps of its previous
record (``kept_from``: gold layers, gold date, topics, URL).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import newscorpus
from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, Gazetteer
from newscorpus.annotate.knowledge_base import SHIPPED_KB
from newscorpus.annotate.runner import PIPELINE_ENV, settings_from_environment
from newscorpus.convert import record as convert_record
from newscorpus.convert import segment
from newscorpus.convert.profiles import profile_files
from newscorpus.schema import schema_path

KEY_FORMAT = 1
PACKAGE_DIR = Path(newscorpus.__file__).resolve().parent


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _folder_fingerprint(folder: Path) -> str:
    """SHA-256 over every file's relative path and bytes (compiled bytecode left out)."""
    digest = hashlib.sha256()
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )
    for path in files:
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(_sha256_of(path).encode("ascii"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """The package's code and data (profiles, gazetteers, word lists, models), once per process."""
    return _folder_fingerprint(PACKAGE_DIR)


def _spacy_pipeline(name: str | None) -> Any:
    """What a trained spaCy pipeline is: a folder's bytes, or an installed package's name and version."""
    if name is None:
        return None
    path = Path(name)
    if path.is_dir():
        return {"folder": _folder_fingerprint(path)}
    try:
        return {"package": name, "version": version(name)}
    except PackageNotFoundError:
        return {"package": name, "version": None}


def tool_versions() -> dict[str, Any]:
    """Every tool and model in the chain that the package's own bytes do not already cover."""
    return {
        "newscorpus": newscorpus.__version__,
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "segmentation": segment.tool_versions(),
        "spacy_pipeline": _spacy_pipeline(os.environ.get(PIPELINE_ENV) or None),
    }


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    raise TypeError(f"cannot hash a {type(value).__name__} into a cache key")


def _knowledge_base_hash(path: Path) -> str | None:
    """The linker's knowledge base file; None if it cannot be read (convert then stops with ``kb.invalid``)."""
    try:
        return _sha256_of(path)
    except OSError:
        return None


def corpus_key(root: Path, gold_names: Gazetteer) -> str:
    """The part of every article's key that the whole corpus shares (computed once per build)."""
    settings = settings_from_environment(root)
    gazetteer_files = [SHIPPED_GAZETTEER, *settings.gazetteer_files]
    # The model's entity rules see its own training names, never the corpus's (annotate/entities.py):
    # with the model, a gold entity elsewhere in the corpus changes no other article.
    names = gold_names.attested if settings.uses_corpus_gold_names else {}
    inputs = {
        "format": KEY_FORMAT,
        "package": package_fingerprint(),
        "tools": tool_versions(),
        "schema": _sha256_of(schema_path()),
        "profiles": [(shown, _sha256_of(path)) for path, shown in profile_files(root)],
        "gazetteer_files": [(path.name, _sha256_of(path)) for path in gazetteer_files],
        "knowledge_base": _knowledge_base_hash(
            Path(settings.knowledge_base) if settings.knowledge_base else SHIPPED_KB
        ),
        "gold_names": hashlib.sha256(_canonical(names).encode("utf-8")).hexdigest(),
    }
    return hashlib.sha256(_canonical(inputs).encode("utf-8")).hexdigest()


def release_code_key() -> str:
    """What the release's stored shards depend on besides their records: the package and the Parquet libraries."""
    inputs = {
        "format": KEY_FORMAT,
        "package": package_fingerprint(),
        "pyarrow": version("pyarrow"),
        "datasets": version("datasets"),
    }
    return hashlib.sha256(_canonical(inputs).encode("utf-8")).hexdigest()


def kept_fingerprint(previous: dict[str, Any] | None) -> str:
    """A hash of what convert keeps of ``previous``: convert's own selection, so the two cannot disagree."""
    return hashlib.sha256(_canonical(convert_record.kept_from(previous)).encode("utf-8")).hexdigest()


def document_key(shared: str, raw_file: str, raw_sha256: str, kept: str) -> str:
    """The key of one article's record: the corpus part, its raw capture, and what is kept of its last record."""
    parts = [f"newscorpus-convert-{KEY_FORMAT}", shared, raw_file, raw_sha256, kept]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def index_key(record_bytes: bytes) -> str:
    """The key of a record file's facts in the index cache: its bytes, and the code that reads them."""
    content = hashlib.sha256(f"newscorpus-index-{KEY_FORMAT}\0{package_fingerprint()}\0".encode())
    content.update(record_bytes)
    return content.hexdigest()


@dataclass(frozen=True, slots=True)
class CacheUse:
    """The cache a convert run reads and writes, and the corpus part of its keys (picklable, for workers)."""

    folder: Path
    shared_key: str
    index_folder: Path  # where record files' facts are kept (the records this build writes are indexed too)

    def key_of(self, root: Path, raw_file: str, kept: str | None) -> str | None:
        """The key of the raw file's record, given ``kept_fingerprint`` of its previous record (or of None).

        None if the raw file cannot be read or ``kept`` is None (a malformed
        previous record): convert then runs and says what is wrong.
        """
        if kept is None:
            return None
        try:
            raw_sha256 = _sha256_of(root / raw_file)
        except OSError:
            return None
        return document_key(self.shared_key, raw_file, raw_sha256, kept)
