"""Gold sentence boundaries kept as reviewed files beside the records, for scoring the sentence splitter.

``corpus/annotations/sentences/<document_id>.json`` holds one document's
sentences as a person decided them (docs/guidelines.md section 8), in the
shape of the record's ``sentences`` layer with a gold provenance entry, and
the SHA-256 of the text they were made on.

They are not written into the records' ``sentences`` layer, for two reasons.
A record's tokens are cut by the automatic splitter's boundaries and need
not fall where a person puts one (``cut_tokens`` lists such sentences; since
the tokenizer cuts a photo credit off the caption it is glued to, "July
2020.Image: ...", no committed gold boundary is inside a token). And every
other annotator reads the record's sentences, so gold sentences in the
records would feed them what they never get on a new article, while they are
scored on these very documents.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.value import Problem, pointer
from newscorpus.record.provenance import is_gold
from newscorpus.record.reader import read_record_file
from newscorpus.validate import validate_record

FORMAT = "newscorpus-sentences/1"
SENTENCES_DIR = Path("corpus") / "annotations" / "sentences"
_KEYS = {"format": str, "document_id": str, "text_sha256": str, "layer": dict, "method": str, "notes": list}
_REQUIRED = ("format", "document_id", "text_sha256", "layer")
# The validator's problems of a sentence layer that a gold file may have: see the module docstring.
_TOLERATED = {"sentences.token-boundary"}

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class GoldSentences:
    """One document's gold sentence layer, read from its file."""

    document_id: str
    layer: dict[str, Any]  # {"provenance": gold entry, "starts": [...], "ends": [...]}
    path: str


def text_sha256(text: str) -> str:
    """The SHA-256 of a record's text in UTF-8, as pass files hold it (docs/gold.md)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sentence_file(record: Record, starts: list[int], ends: list[int], entry: dict[str, Any], **extra: Any) -> Record:
    """A gold sentence file for ``record``: its id, text hash and the layer (``extra``: method, notes)."""
    return {
        "format": FORMAT,
        "document_id": record["id"],
        "text_sha256": text_sha256(record["text"]),
        "layer": {"provenance": entry, "starts": list(starts), "ends": list(ends)},
        **extra,
    }


def with_sentences(record: Record, layer: dict[str, Any]) -> Record:
    """A copy of ``record`` whose sentences layer is ``layer`` (the other layers shared, not copied)."""
    return {**record, "layers": {**record["layers"], "sentences": layer}}


def _format_problems(annotation: Any) -> list[Problem]:
    if not isinstance(annotation, dict):
        return [Problem("gold-sentences.format", "the file is not a JSON object")]
    problems = [
        Problem("gold-sentences.format", f"{key!r} is missing", pointer(key))
        for key in _REQUIRED
        if key not in annotation
    ]
    for key, value in annotation.items():
        if key not in _KEYS:
            problems.append(Problem("gold-sentences.format", f"unknown key {key!r}", pointer(key)))
        elif not isinstance(value, _KEYS[key]):
            problems.append(Problem("gold-sentences.format", f"{key!r} is not a {_KEYS[key].__name__}", pointer(key)))
    if annotation.get("format") not in (None, FORMAT):
        problems.append(Problem("gold-sentences.format", f"format is not {FORMAT!r}", pointer("format")))
    layer = annotation.get("layer")
    if isinstance(layer, dict) and not is_gold(layer):
        problems.append(Problem("gold-sentences.format", "the layer's provenance is not gold", pointer("layer")))
    return problems


def sentence_problems(annotation: Any, record: Record) -> list[Problem]:
    """What is wrong with a gold sentence file against its record: format, text, the layer as validate sees it."""
    problems = _format_problems(annotation)
    if problems:
        return problems
    if annotation["text_sha256"] != text_sha256(record["text"]):
        return [Problem("gold-sentences.text-changed", "the record's text has another SHA-256", pointer("text_sha256"))]
    checked = validate_record(with_sentences(record, annotation["layer"]))
    return [
        Problem("gold-sentences.invalid", f"[{p.code}] {p.message}", p.path.replace("/layers/sentences", "/layer", 1))
        for p in checked
        if p.path.startswith("/layers/sentences") and p.code not in _TOLERATED
    ]


def cut_tokens(record: Record, layer: dict[str, Any]) -> list[int]:
    """Indexes of the sentences of ``layer`` whose start or end falls inside one of the record's tokens."""
    tokens = record["layers"]["tokens"]
    starts, ends = set(tokens["starts"]), set(tokens["ends"])
    spans = enumerate(zip(layer["starts"], layer["ends"], strict=True))
    return [index for index, (start, end) in spans if start not in starts or end not in ends]


def read_gold_sentences(folder: Path, records: dict[str, Record], *, strict: bool = True) -> dict[str, GoldSentences]:
    """Every gold sentence file in ``folder``, checked against ``records`` (by document id).

    A file that cannot be used raises UnusableInputError with its first
    problem, located at the file and key: a score must not rest on it. A file
    whose document is not in ``records`` is such a file when ``strict``, and
    is passed over otherwise (scoring a few of the documents).
    """
    found: dict[str, GoldSentences] = {}
    for path in sorted(folder.glob("*.json")):
        annotation, unreadable = read_record_file(path)
        if annotation is None:
            problem = unreadable[0]
            raise UnusableInputError("gold-sentences.unreadable", str(path), f"[{problem.code}] {problem.message}")
        document_id = annotation.get("document_id") if isinstance(annotation, dict) else None
        record = records.get(document_id) if isinstance(document_id, str) else None
        if record is None and not strict and not _format_problems(annotation):
            continue
        if record is None:
            problems = _format_problems(annotation) or [
                Problem("gold-sentences.no-record", f"no record has the id {document_id!r}", pointer("document_id"))
            ]
        else:
            problems = sentence_problems(annotation, record)
        if problems:
            first = problems[0]
            raise UnusableInputError(first.code, f"{path}#{first.path}", first.message, first.hint)
        found[document_id] = GoldSentences(document_id, annotation["layer"], str(path))
    return found
