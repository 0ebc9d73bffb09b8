"""Where things live in a corpus checkout, how raw files are found safely, and the corpus lock."""

from __future__ import annotations

import fcntl
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newscorpus.problems.errors import UnusableInputError

RAW_SUFFIX = ".txt"


@dataclass(frozen=True, slots=True)
class CorpusLayout:
    """Paths of a corpus rooted at ``root`` (the folder holding ``corpus/``)."""

    root: Path

    @property
    def raw_dir(self) -> Path:
        return self.root / "corpus" / "raw"

    @property
    def records_dir(self) -> Path:
        return self.root / "corpus" / "records"

    @property
    def release_dir(self) -> Path:
        return self.root / "corpus" / "release"

    def require_corpus(self) -> None:
        if not self.raw_dir.is_dir():
            raise UnusableInputError(
                "corpus.missing",
                str(self.root),
                "no corpus/raw/ folder here",
                "run from the repository root or pass --root",
            )

    def relative(self, path: Path) -> str:
        """``path`` relative to the root, with forward slashes."""
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def raw_files(self) -> list[Path]:
        """Raw captures, sorted, refusing links and files that resolve outside corpus/raw/."""
        self.require_corpus()
        raw_root = self.raw_dir.resolve()
        files = []
        for path in sorted(self.raw_dir.rglob(f"*{RAW_SUFFIX}")):
            if path.is_symlink() or not path.resolve().is_relative_to(raw_root):
                raise UnusableInputError(
                    "raw.outside-corpus",
                    path.relative_to(self.root).as_posix(),
                    "a raw capture is a link or lies outside corpus/raw/",
                    "copy the file into corpus/raw/ instead of linking it",
                )
            if path.is_file():
                files.append(path)
        return files

    def record_files(self) -> list[Path]:
        """Record files, sorted."""
        return sorted(self.records_dir.glob("*.json")) if self.records_dir.is_dir() else []

    def record_path(self, document_id: str) -> Path:
        return self.records_dir / f"{document_id}.json"


def split_record_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Record files named by ``paths`` (files as given, folders by their ``*.json`` files at any depth, sorted),
    and the paths that name nothing."""
    files: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(path.rglob("*.json"))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(path)
    return files, missing


def find_record_files(paths: Iterable[Path]) -> list[Path]:
    """Record files named by ``paths``, as ``split_record_paths`` finds them; UnusableInputError for a missing path."""
    files, missing = split_record_paths(paths)
    if missing:
        raise UnusableInputError("input.unreadable", str(missing[0]), "no such file or folder")
    return files


@contextmanager
def corpus_lock(layout: CorpusLayout) -> Iterator[None]:
    """Hold the corpus lock; a second build, convert or check at the same time is refused."""
    layout.require_corpus()
    lock_path = layout.root / "corpus" / ".lock"
    with lock_path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise UnusableInputError(
                "corpus.locked",
                str(lock_path),
                "another newscorpus convert or build is running",
                "wait for it to finish",
            ) from error
        yield
