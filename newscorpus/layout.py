"""Where things live in a corpus checkout, and how raw files are found safely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newscorpus.corpus_files import RecordFolderListing, describe_file_type, list_record_folder, walk_raw_folder
from newscorpus.errors import UnusableInputError

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
        """Raw captures, sorted, by the corpus/raw/ rule of ``newscorpus.corpus_files``.

        Links (to files or folders) and files with a second hard link are
        refused: they may hold text from outside the corpus. FIFOs, sockets and
        devices named ``*.txt`` are refused too (reading one could wait for ever).
        """
        self.require_corpus()
        files = []
        for entry in walk_raw_folder(self.raw_dir, RAW_SUFFIX):
            shown = entry.path.relative_to(self.root).as_posix()
            if entry.is_link or (entry.is_regular and entry.links > 1):
                what = "a symbolic link" if entry.is_link else f"a file with {entry.links} hard links"
                raise UnusableInputError(
                    "raw.outside-corpus",
                    shown,
                    f"a raw capture is {what}: it may hold text from outside corpus/raw/",
                    "copy the file into corpus/raw/ instead of linking it",
                )
            if not entry.is_regular:
                raise UnusableInputError(
                    "raw.not-regular",
                    shown,
                    f"a raw capture is {describe_file_type(entry.mode)}, not a regular file",
                    "raw captures are regular files; remove it",
                )
            files.append(entry.path)
        return files

    def record_listing(self) -> RecordFolderListing:
        """corpus/records/ by its rule (``newscorpus.corpus_files``): records, refused entries, stray files."""
        if not self.records_dir.is_dir():
            return RecordFolderListing()
        return list_record_folder(self.records_dir)

    def record_files(self) -> list[Path]:
        """Record files, sorted; a link, folder or special file named *.json is refused."""
        listing = self.record_listing()
        if listing.refused:
            path, what = listing.refused[0]
            raise UnusableInputError(
                "input.not-regular-file",
                path.relative_to(self.root).as_posix(),
                f"is {what}, not a regular file",
                "corpus/records/ holds regular files only; remove it",
            )
        return listing.files

    def record_path(self, document_id: str) -> Path:
        return self.records_dir / f"{document_id}.json"
