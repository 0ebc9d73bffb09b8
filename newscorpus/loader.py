"""Loading the release with ``datasets``, in one call, and fast once it has been loaded before.

The release folder is an ordinary Hugging Face dataset folder (Parquet plus a
card with typed features), so the first load of a config is a plain
``datasets.load_dataset`` call that knows where the release is. That call
spends a few tenths of a second setting up its builder (resolving data files,
parsing the card, finding its cache) even when the Arrow cache is already
built. So after it, a small index is written beside that cache, keyed by a
fingerprint of the release's ``SHA256SUMS`` (which names every file of the
release with its SHA-256): the Arrow files of each split. A later load of the
same release opens those files directly, memory-mapped, and returns the same
datasets (features, rows, order, info, split names and fingerprints) in a few
milliseconds, whatever the size of the release. A rebuilt release has new
checksums, hence a new fingerprint and a fresh load; a missing Arrow file or an
unreadable index also means a fresh load, which rewrites the index.

A loader must never serve rows that are not what the release folder holds
now, and ``SHA256SUMS`` does not change when a Parquet file is edited, replaced
or deleted behind it. So the index also records the size and modification
time of every file ``SHA256SUMS`` names, as they were when their content was
last checked against it; each warm load compares them with the files as they
are (a ``stat`` per file), and hashes again only a file whose size or time
changed. A fresh load checks every file's hash before ``load_dataset`` reads
it. A file that is missing or whose content differs from ``SHA256SUMS`` is a
``DamagedReleaseError`` naming the file: the release must be rebuilt or restored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import datasets
from datasets import Dataset, DatasetDict, DatasetInfo, DownloadMode, NamedSplit, load_dataset
from datasets.arrow_reader import ArrowReader
from datasets.table import concat_tables
from datasets.utils.info_utils import is_small_dataset

RELEASE_ENV = "NEWSCORPUS_RELEASE"
_CHECKOUT_RELEASE = Path(__file__).resolve().parent.parent / "corpus" / "release"
# Named as in newscorpus.release.folder (a test checks they agree); importing the
# build package here would cost a warm load a third of its time budget.
CHECKSUMS = "SHA256SUMS"
# Bump when the index's layout changes, so that older indexes are never read.
INDEX_FORMAT = 2
INDEX_FOLDER = "newscorpus-load-index"
# What datasets accepts as a split name (datasets.naming); anything else is a read instruction.
_SPLIT_NAME = re.compile(r"\w+(\.\w+)*")


class DamagedReleaseError(Exception):
    """A file of the release is missing, unreadable, or not what its ``SHA256SUMS`` says."""


# (size, modification time in ns) of a release file, as os.stat gives them
FileStamp = tuple[int, int]


def _checksums(text: bytes) -> dict[str, str]:
    """SHA256SUMS as {relative path: SHA-256}."""
    listed: dict[str, str] = {}
    for line in text.decode("utf-8", "replace").splitlines():
        digest, _, name = line.partition("  ")
        if name:
            listed[name] = digest
    return listed


def _stamp(folder: Path, name: str) -> FileStamp:
    try:
        info = (folder / name).stat()
    except OSError as error:
        raise DamagedReleaseError(
            f"{folder / name}: {error.strerror or 'cannot be read'}; the release is incomplete: "
            "rebuild it with `newscorpus build` or restore the file"
        ) from error
    return info.st_size, info.st_mtime_ns


def _verify_file(folder: Path, name: str, expected: str) -> FileStamp:
    """The file's stamp once its content has been checked against ``expected``; DamagedReleaseError if it differs."""
    stamp = _stamp(folder, name)
    try:
        with (folder / name).open("rb") as handle:
            actual = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as error:
        raise DamagedReleaseError(f"{folder / name}: cannot be read ({error.strerror})") from error
    if actual != expected:
        raise DamagedReleaseError(
            f"{folder / name}: its content differs from {CHECKSUMS} (SHA-256 {actual[:12]}..., listed "
            f"{expected[:12]}...); the release is damaged: rebuild it with `newscorpus build` or restore the file"
        )
    return stamp


def verified_stamps(folder: Path, checksums: dict[str, str], known: dict[str, FileStamp]) -> dict[str, FileStamp]:
    """Stamps of every file ``checksums`` names, hashing only those whose stamp is not in ``known``.

    Raises DamagedReleaseError for a file that is missing or differs from its checksum.
    """
    # os.stat on joined strings: a Path per file cost a warm load 12 microseconds a file (5 ms at 400 files).
    prefix = os.fspath(folder) + os.sep
    stamps: dict[str, FileStamp] = {}
    for name, expected in checksums.items():
        try:
            info = os.stat(prefix + name)  # noqa: PTH116
        except OSError:
            info = None
        stamp = (info.st_size, info.st_mtime_ns) if info is not None else None
        stamps[name] = stamp if stamp is not None and known.get(name) == stamp else _verify_file(folder, name, expected)
    return stamps


def find_release(release: str | Path | None = None) -> Path:
    """The release folder: ``release`` if given, else $NEWSCORPUS_RELEASE, ./corpus/release, or the checkout's."""
    candidates = [Path(release)] if release else []
    if not release and os.environ.get(RELEASE_ENV):
        candidates.append(Path(os.environ[RELEASE_ENV]))
    if not candidates:
        candidates += [Path("corpus/release"), _CHECKOUT_RELEASE]
    for candidate in candidates:
        if (candidate / "README.md").is_file():
            return candidate
    raise FileNotFoundError(
        f"no newscorpus release at {', '.join(str(c) for c in candidates)}; run `newscorpus build` or set {RELEASE_ENV}"
    )


def load(
    config: str = "documents", split: str | None = None, release: str | Path | None = None, **kwargs: Any
) -> Dataset | DatasetDict:
    """Load one config of the release: a DatasetDict of splits, or one Dataset when ``split`` is given.

    Extra keyword arguments go to ``datasets.load_dataset``. With none but
    ``cache_dir``, a release loaded before is reopened from its Arrow cache
    through the index (see the module docstring). Any other argument
    (``streaming``, ``download_mode``, ``keep_in_memory``, ...) changes how
    ``datasets`` loads, and a ``split`` that is a read instruction rather than
    a split name (``"train[:10%]"``, ``"train+test"``) selects rows, so those
    calls go to ``load_dataset`` unchanged.
    """
    folder = find_release(release)
    name = None if split is None else str(split)
    if set(kwargs) - {"cache_dir"} or (name is not None and not _SPLIT_NAME.fullmatch(name)):
        return load_dataset(str(folder), config, split=split, **kwargs)
    index = index_path(folder, config, kwargs.get("cache_dir"))
    checksums = _checksums((folder / CHECKSUMS).read_bytes()) if index is not None else {}
    indexed = _read_index(index) if index is not None else None
    entries, known = indexed if indexed is not None else (None, {})
    # Every file is checked before anything is served: unchanged stamps cost a stat, others a hash.
    stamps = verified_stamps(folder, checksums, known)
    if entries is not None and (name is None or name in entries):
        try:
            opened = _open_splits(entries, name)
        except FileNotFoundError:
            # datasets trusts a cache folder while its dataset_info.json is there, and
            # would fail on the missing Arrow file: have it prepare the folder afresh.
            kwargs = {**kwargs, "download_mode": DownloadMode.FORCE_REDOWNLOAD}
        else:
            if stamps != known and index is not None:
                _write_index(index, entries, stamps)  # files touched but the same: hash them once, not every load
            return opened
    # Every split is prepared whatever ``split`` asks for, so load them all and index them all.
    splits = load_dataset(str(folder), config, **kwargs)
    if index is not None:
        split_entries = _split_entries(splits)
        if split_entries is not None:
            _write_index(index, split_entries, stamps)
    if name is None:
        return splits
    # A name the release lacks: load_dataset joins every split for "all" and explains any other.
    return splits[name] if name in splits else load_dataset(str(folder), config, split=split, **kwargs)


def release_fingerprint(folder: Path, config: str) -> str | None:
    """What identifies one config's load: the release's checksums, its place, the config, ``datasets``'s version.

    None for a folder without ``SHA256SUMS`` (not written by ``newscorpus
    build``): its content cannot be told apart cheaply, so it is never indexed.
    """
    try:
        checksums = (folder / CHECKSUMS).read_bytes()
    except FileNotFoundError:
        return None
    digest = hashlib.sha256()
    # The folder's place is part of it because datasets names the dataset (and its
    # fingerprints) after the folder, and a load must return what load_dataset would.
    for part in (str(INDEX_FORMAT), datasets.__version__, str(folder.resolve()), config):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(checksums)
    return digest.hexdigest()


def index_path(folder: Path, config: str, cache_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """Where the index of a config's load lives: in the ``datasets`` cache that load_dataset uses."""
    fingerprint = release_fingerprint(folder, config)
    if fingerprint is None:
        return None
    cache = Path(cache_dir or datasets.config.HF_DATASETS_CACHE).expanduser()
    return cache / INDEX_FOLDER / f"{fingerprint}.json"


def _read_index(index: Path) -> tuple[dict[str, dict[str, Any]], dict[str, FileStamp]] | None:
    """The index's entry for each split, by name, and the release files' checked stamps.

    None if there is no index or it is not one this code wrote.
    """
    try:
        content = json.loads(index.read_text(encoding="utf-8"))
        entries = {entry["name"]: entry for entry in content["splits"]}
        stamps = {name: (int(size), int(mtime)) for name, (size, mtime) in content["release_files"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return entries, stamps


def _open_splits(entries: dict[str, dict[str, Any]], split: str | None) -> Dataset | DatasetDict:
    """Every split the index names (or one), reopened from its Arrow files; FileNotFoundError if one is gone."""
    wanted = list(entries) if split is None else [split]
    info = DatasetInfo.from_directory(entries[wanted[0]]["info_dir"])
    opened = {name: _open_split(entries[name], info) for name in wanted}
    return opened[split] if split is not None else DatasetDict(opened)


def _open_split(entry: dict[str, Any], info: DatasetInfo) -> Dataset:
    """One split as load_dataset builds it from its Arrow files: same tables, info, name and fingerprint."""
    in_memory = is_small_dataset(info.dataset_size)  # load_dataset's default when keep_in_memory is not given
    tables = [ArrowReader.read_table(file, in_memory=in_memory) for file in entry["files"]]
    return Dataset(concat_tables(tables), info=info, split=NamedSplit(entry["name"]), fingerprint=entry["fingerprint"])


def _split_entries(splits: DatasetDict) -> dict[str, dict[str, Any]] | None:
    """Each split's Arrow files, info folder and fingerprint; None when a split is held in memory."""
    entries: dict[str, dict[str, Any]] = {}
    for name, dataset in splits.items():
        files = [cache_file["filename"] for cache_file in dataset.cache_files]
        if not files:
            return None  # held in memory (HF_DATASETS_IN_MEMORY_MAX_SIZE): no files to reopen
        entries[name] = {
            "name": name,
            "files": files,
            "info_dir": str(Path(files[0]).parent),  # the builder's dataset_info.json sits beside its Arrow files
            "fingerprint": dataset._fingerprint,  # so that .map() caches made after a fresh load are found again
        }
    return entries


def _write_index(index: Path, entries: dict[str, dict[str, Any]], stamps: dict[str, FileStamp]) -> None:
    """Record each split's Arrow files and the release files' stamps, atomically (temporary file, then rename)."""
    index.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=index.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"splits": list(entries.values()), "release_files": stamps}, out)
        Path(temporary).replace(index)
    finally:
        Path(temporary).unlink(missing_ok=True)  # left behind only if writing failed
