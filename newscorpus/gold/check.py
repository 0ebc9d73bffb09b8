"""Checking a pass against its record: same text, and its layers valid where the record's layers would be.

The pass's layers are put into a copy of the record (ids kept where the pass
gives them, local ones assigned where it does not) and the record's own schema
and semantic checks run on it, so a pass item is held to exactly what a record
item is: offsets in range, stored text equal to the text, entity edges on token
edges, labels from the scheme, TIMEX3 values, references that resolve. Problems
are reported at the pass's own JSON pointers.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from newscorpus.gold.passfile import PASS_LAYERS, PassFile, read_pass_file, text_sha256
from newscorpus.problems.value import Problem, pointer
from newscorpus.record.provenance import empty_layer, gold, layer_of
from newscorpus.record.reader import read_record_file
from newscorpus.validate import validate_record

ID_PREFIXES = {"entities": "e", "entity_links": "l", "coreference": "c", "quotations": "q", "timex": "t"}
MENTION_PREFIX = "m"


def with_local_ids(layer: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of ``items`` with an id each: the pass's own, else ``<prefix><n>`` by position (local to the pass)."""
    result = []
    for number, item in enumerate(items, start=1):
        filled = {"id": f"{ID_PREFIXES[layer]}{number}", **copy.deepcopy(item)}
        if layer == "coreference" and isinstance(filled.get("mentions"), list):
            filled["mentions"] = [
                {"id": f"{MENTION_PREFIX}{number}.{index}", **m} if isinstance(m, dict) else m
                for index, m in enumerate(filled["mentions"], start=1)
            ]
        result.append(filled)
    return result


def record_with_pass(record: dict[str, Any], annotation: PassFile) -> dict[str, Any]:
    """A copy of ``record`` whose span layers are the pass's (layers the pass lacks left empty: nothing refers
    across a pass and the record), with its publication date and topics; made for checking, never written."""
    result = copy.deepcopy(record)
    provenance = gold(annotation.data["annotator"], annotation.data["date"])
    for name in PASS_LAYERS:
        items = annotation.layers.get(name)
        result["layers"][name] = (
            layer_of(with_local_ids(name, items), provenance, complete=True) if items else empty_layer()
        )
    metadata = result.setdefault("metadata", {})
    if "publication_date" in annotation.data:
        metadata["publication_date"] = {**annotation.data["publication_date"], "provenance": provenance}
    if "topics" in annotation.data:
        metadata["topics"] = annotation.data["topics"]
    return result


def _pass_pointer(record_pointer: str) -> str | None:
    """The pass's pointer for a problem at ``record_pointer`` in the copy, or None if it is not about the pass."""
    parts = record_pointer.split("/")[1:]
    if parts[:1] == ["layers"] and len(parts) >= 2 and parts[1] in PASS_LAYERS:
        rest = parts[3:] if parts[2:3] == ["items"] else parts[2:]
        return "/" + "/".join(["layers", parts[1], *rest])
    if parts[:2] in (["metadata", "publication_date"], ["metadata", "topics"]):
        return "/" + "/".join(parts[1:])
    return None


def iter_record_problems(annotation: PassFile, record: dict[str, Any]) -> list[Problem]:
    """What is wrong with the pass on ``record``: a changed text, or items the validator refuses."""
    if text_sha256(record["text"]) != annotation.data["text_sha256"]:
        return [
            Problem(
                "pass.text-changed",
                f"text_sha256 {annotation.data['text_sha256'][:12]}... is not the record's "
                f"{text_sha256(record['text'])[:12]}...",
                pointer("text_sha256"),
            )
        ]
    problems = []
    for problem in validate_record(record_with_pass(record, annotation)):
        if problem.code == "record.unsupported-version":
            message = f"the record cannot be checked: [{problem.code}] {problem.message}"
            return [Problem("pass.no-record", message, pointer("document_id"))]
        where = _pass_pointer(problem.path)
        if where is None or where.split("/")[1] not in ("layers", *annotation.data):
            continue  # the record's own problems are validate's to report
        problems.append(Problem("pass.invalid", f"[{problem.code}] {problem.message}", where))
    return problems


def load_record(records_dir: Path, document_id: str) -> dict[str, Any] | None:
    """The record of ``document_id`` in ``records_dir``, or None when there is none readable."""
    path = records_dir / f"{document_id}.json"
    if not path.is_file():
        return None
    record, _ = read_record_file(path)
    return record


def check_pass(path: Path, records_dir: Path, shown: str | None = None) -> tuple[PassFile | None, list[Problem]]:
    """The pass in ``path`` and all its problems: format, placement, record, items (located)."""
    annotation, problems = read_pass_file(path, shown)
    if annotation is None:
        return None, problems
    record = load_record(records_dir, annotation.document_id)
    if record is None or not isinstance(record.get("text"), str):
        missing = Problem("pass.no-record", f"no readable record {annotation.document_id!r}", pointer("document_id"))
        return annotation, [*problems, missing.located(annotation.shown, annotation.document_id)]
    found = iter_record_problems(annotation, record)
    return annotation, [*problems, *(p.located(annotation.shown, annotation.document_id) for p in found)]
