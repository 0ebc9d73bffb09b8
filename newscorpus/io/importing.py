"""Importing annotations from a tool into the matching records, all or nothing.

Every imported document is matched to its record, its text compared with
the record's, its annotations merged (``newscorpus.io.merge``) and the
result validated. Records are written only when every document of the
import passed; otherwise nothing is written, so a failed import never leaves
a record half-changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.io.brat import read_brat
from newscorpus.io.labelstudio import read_labelstudio
from newscorpus.io.merge import merge_annotations
from newscorpus.io.tool_annotations import ImportedDocument, first_difference
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.reader import read_record_file, read_record_or_raise
from newscorpus.record.writer import write_record
from newscorpus.validate import Problem, validate_record

FORMATS = ("brat", "labelstudio")
# A document id is also a file name: this pattern (the schema's) keeps it inside corpus/records/.
_DOCUMENT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SHOWN = 30  # characters of context shown around a text difference


@dataclass(slots=True)
class ImportPlan:
    """What importing one document does: the record file, its new content, and what changed or is wrong."""

    source: str
    record_path: Path
    record: dict[str, Any]
    changed_layers: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_documents(import_format: str, path: Path) -> list[ImportedDocument]:
    """The documents of an import: a BRAT ``.ann`` file or folder of them, or a Label Studio JSON export."""
    if import_format == "labelstudio":
        return read_labelstudio(path)
    if import_format == "brat":
        if not path.is_dir():
            return [read_brat(path.with_suffix(".ann"))]
        documents = [read_brat(ann) for ann in sorted(path.glob("*.ann"))]
        if not documents:
            raise UnusableInputError("import.malformed", str(path), "the folder holds no .ann files")
        return documents
    raise ValueError(f"unknown import format {import_format!r}")


class _RecordFinder:
    """Finds the record of a document: by its id, else by exact text (read once, on first need)."""

    def __init__(self, layout: CorpusLayout) -> None:
        self._layout = layout
        self._paths_by_text: dict[str, list[Path]] | None = None

    def path_of(self, document: ImportedDocument) -> Path:
        if document.document_id is not None:
            path = self._layout.record_path(document.document_id)
            if _DOCUMENT_ID.match(document.document_id) and path.is_file():
                return path
            raise UnusableInputError("import.no-record", document.location, f"no record {document.document_id!r}")
        if self._paths_by_text is None:
            self._paths_by_text = {}
            for path in self._layout.record_files():
                record, _ = read_record_file(path)
                if record is not None and isinstance(record.get("text"), str):
                    self._paths_by_text.setdefault(record["text"], []).append(path)
        found = self._paths_by_text.get(document.text, [])
        if len(found) != 1:
            raise UnusableInputError(
                "import.no-record",
                document.location,
                f"{len(found)} records have exactly this text; name the record with data.document_id",
            )
        return found[0]


def _check_same_text(record: dict[str, Any], document: ImportedDocument) -> None:
    offset = first_difference(record["text"], document.text)
    if offset is not None:
        raise UnusableInputError(
            "import.text-mismatch",
            document.location,
            f"the text differs from record {record['id']} at offset {offset}: "
            f"record has {record['text'][offset : offset + _SHOWN]!r}, "
            f"import has {document.text[offset : offset + _SHOWN]!r}",
        )


def plan_import(
    documents: list[ImportedDocument], layout: CorpusLayout, provenance: dict[str, Any], *, complete: bool = False
) -> list[ImportPlan]:
    """The merged record of every document, validated; raises UnusableInputError for unusable input.

    Items the annotator touched become gold with ``provenance``; with
    ``complete``, every layer a document holds is declared complete
    (``newscorpus.io.merge``).
    """
    finder = _RecordFinder(layout)
    plans: list[ImportPlan] = []
    for document in documents:
        path = finder.path_of(document)
        if any(plan.record_path == path for plan in plans):
            raise UnusableInputError("import.ambiguous", document.location, f"a second document for {path.name}")
        record = read_record_or_raise(path)
        _check_same_text(record, document)
        document.check_spans()
        merged = merge_annotations(record, document, provenance, complete=complete)
        changed = [name for name, layer in merged["layers"].items() if layer != record["layers"][name]]
        plans.append(ImportPlan(document.location, path, merged, changed, validate_record(merged)))
    return plans


def write_plans(plans: list[ImportPlan]) -> int:
    """Write every changed record, only if no plan has problems; returns how many records were written."""
    if any(plan.problems for plan in plans):
        return 0
    changed = [plan for plan in plans if plan.changed_layers]
    for plan in changed:
        write_record(plan.record_path, plan.record)
    return len(changed)
