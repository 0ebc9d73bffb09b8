"""Exporting records: read and validate each, turn it into the format, write the output atomically.

Single-file formats stream record by record into a temporary file that
replaces OUT only when every record was written, so a failed export leaves
OUT as it was. BRAT writes a folder: the files are made in a temporary
folder first and moved into OUT at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from newscorpus.io.brat import annotation_conf, brat_ann
from newscorpus.io.conll2003 import DEFAULT_CONFIG, conll2003_document
from newscorpus.io.conllu import conllu_document
from newscorpus.io.jsonl import jsonl_line
from newscorpus.io.labelstudio import labelstudio_task
from newscorpus.io.spacy_docbin import docbin_bytes
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.files import describe_file_type
from newscorpus.record.reader import read_record_or_raise
from newscorpus.validate import validate_record

FORMATS = ("conll2003", "conllu", "docbin", "brat", "jsonl", "labelstudio")


def iter_valid_records(files: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Each file's record, refusing one that cannot be read or is not valid (exports assume validity)."""
    for path in files:
        record = read_record_or_raise(path)
        problems = validate_record(record)
        if problems:
            first = problems[0]
            where = f"{path}#{first.path}" if first.path else str(path)
            message = f"{first.message} ({len(problems)} problem(s), first: {first.code})"
            raise UnusableInputError("export.invalid-record", where, message)
        yield record


def _unwritable(out: Path, error: OSError) -> UnusableInputError:
    return UnusableInputError("export.output", str(out), f"cannot write: {error.strerror}")


def _existing_type(out: Path) -> int | None:
    """``st_mode`` of what is at ``out`` now (a link is not followed), or None if nothing is."""
    try:
        return os.lstat(out).st_mode
    except FileNotFoundError:
        return None


def refuse_what_is_not_ours(out: Path, expected: Callable[[int], bool], wanted: str) -> None:
    """Refuse an existing ``out`` that is not what the export writes: it is replaced only if it is.

    Without this, /dev/full or a FIFO would be renamed over by a regular file,
    and a link would be replaced instead of the file it points to.
    """
    mode = _existing_type(out)
    if mode is not None and not expected(mode):
        raise UnusableInputError(
            "export.output",
            str(out),
            f"is {describe_file_type(mode)}; export replaces only {wanted}, so it is left as it is",
            "give a new path, or the path of a file an earlier export wrote",
        )


@contextmanager
def _atomic_output(out: Path) -> Iterator[IO[bytes]]:
    """A binary handle whose content replaces ``out`` only when the block ends without an error."""
    if out.is_dir() and not out.is_symlink():
        raise UnusableInputError("export.output", str(out), "is a folder; this format writes one file")
    refuse_what_is_not_ours(out, stat.S_ISREG, "a regular file")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as error:
        raise _unwritable(out, error) from error
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            os.fchmod(handle.fileno(), 0o644)  # mkstemp makes files private; an export is for sharing
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(out)
    except OSError as error:
        raise _unwritable(out, error) from error
    finally:
        temporary.unlink(missing_ok=True)


def _write_text_stream(
    out: Path,
    records: Iterable[dict[str, Any]],
    chunk: Callable[[dict[str, Any]], str],
    frame: tuple[str, str, str] = ("", "", ""),
) -> int:
    """Write each record's chunk; ``frame`` is (before all, between two, after all), e.g. a JSON list's.

    A record whose chunk is empty (nothing of it selected) is not written nor counted.
    """
    before, between, after = frame
    count = 0
    with _atomic_output(out) as handle:
        handle.write(before.encode("utf-8"))
        for record in records:
            text = chunk(record)
            if not text:
                continue
            handle.write(((between if count else "") + text).encode("utf-8"))
            count += 1
        handle.write(after.encode("utf-8"))
    return count


def _write_brat(out: Path, records: Iterable[dict[str, Any]]) -> int:
    if out.is_file() and not out.is_symlink():
        raise UnusableInputError("export.output", str(out), "is a file; brat writes a folder")
    refuse_what_is_not_ours(out, stat.S_ISDIR, "a folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    except OSError as error:
        raise _unwritable(out, error) from error
    try:
        count = 0
        for record in records:
            # newline="" keeps the text byte for byte: BRAT offsets count every character.
            (staging / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8", newline="")
            (staging / f"{record['id']}.ann").write_text(brat_ann(record), encoding="utf-8", newline="")
            count += 1
        (staging / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
        out.mkdir(exist_ok=True)
        for path in sorted(staging.iterdir()):
            path.replace(out / path.name)
    except OSError as error:
        raise _unwritable(out, error) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


def _labelstudio_json(record: dict[str, Any]) -> str:
    return json.dumps(labelstudio_task(record), ensure_ascii=False)


def export_records(
    output_format: str, files: Sequence[Path], out: Path, config: str | None = None, gold_only: bool = False
) -> int:
    """Write the records in ``files`` to ``out`` in ``output_format``; returns how many were written.

    ``config`` selects the tag set of CoNLL-2003 (``ner`` or ``ner_conll2003``),
    ``gold_only`` keeps only its gold sentences (the format has no provenance column).
    """
    records = iter_valid_records(files)
    if output_format == "conll2003":
        tag_config = config or DEFAULT_CONFIG
        return _write_text_stream(out, records, lambda record: conll2003_document(record, tag_config, gold_only))
    if output_format == "conllu":
        return _write_text_stream(out, records, conllu_document)
    if output_format == "jsonl":
        return _write_text_stream(out, records, jsonl_line)
    if output_format == "labelstudio":
        return _write_text_stream(out, records, _labelstudio_json, ("[\n", ",\n", "\n]\n"))
    if output_format == "brat":
        return _write_brat(out, records)
    if output_format == "docbin":
        collected = list(records)  # a DocBin is serialized whole
        with _atomic_output(out) as handle:
            handle.write(docbin_bytes(collected))
        return len(collected)
    raise ValueError(f"unknown export format {output_format!r}")
