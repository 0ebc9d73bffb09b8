"""Label Studio: records as tasks to annotate, and its JSON export back as entities and quotations.

``labelstudio_task`` makes a task from a record, with the record's entities
and quotations as a prediction (pre-annotation) in the labeling config of
``labeling_config``, so annotators correct rather than start over.

Label Studio's JSON export is a list of tasks. Each task's ``data`` holds the article
``text`` and, to name its record, ``document_id``; without it the record is
the one whose text is exactly the task's. Of a task's ``annotations`` the one
not cancelled is read (with several, the one marked ``ground_truth``). Its
``result`` items are read as follows (docs/formats.md shows a labeling
config that produces them):

- ``type: labels`` regions (``value.start``, ``value.end``, ``value.text``,
  ``value.labels``): an OntoNotes 5 label (PERSON, ORG, ...) makes a named
  entity; ``Content:direct``, ``Content:indirect`` or ``Content:mixed`` the
  content of a quotation of that type; ``Cue`` and ``Source`` its parts. A
  region holds one label, or one entity type and one quotation part (an
  ``ORG`` that is a quote's ``Source``); an empty ``labels`` list, two entity
  types or two parts, and a result without its value or type are refused
  (``import.malformed``), so nothing is imported from the export.
- ``type: relation`` items (``from_id``, ``to_id``, ``labels``) join a
  Content to its Cue or Source, in either direction; ``labels``, if given,
  must name the part (``cue`` or ``source``).

Offsets are code points, as current Label Studio writes them; older versions
counted UTF-16 units, and the span text check refuses what that shifted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newscorpus.io.tool_annotations import (
    ImportedDocument,
    ImportedEntity,
    PartRelation,
    QuotePart,
    assemble_quotes,
    read_import_text,
)
from newscorpus.labels import ENTITY_LABELS, QUOTE_TYPES
from newscorpus.problems.errors import UnusableInputError

CONTENT_LABELS = {f"Content:{quote_type}": quote_type for quote_type in QUOTE_TYPES}
PART_LABELS = ("Cue", "Source")
# The names of the Labels and Text tags in the labeling config, as results refer to them.
FROM_NAME = "label"
TO_NAME = "text"


def labeling_config() -> str:
    """The Label Studio labeling config whose results this import reads (paste it into the project settings)."""
    labels = [*ENTITY_LABELS, *CONTENT_LABELS, *PART_LABELS]
    return "\n".join(
        [
            "<View>",
            "  <Relations>",
            *(f'    <Relation value="{part.lower()}"/>' for part in PART_LABELS),
            "  </Relations>",
            f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">',
            *(f'    <Label value="{label}"/>' for label in labels),
            "  </Labels>",
            f'  <Text name="{TO_NAME}" value="$text"/>',
            "</View>",
            "",
        ]
    )


def _region(region_id: str, span: dict[str, Any], label: str) -> dict[str, Any]:
    value = {"start": span["start"], "end": span["end"], "text": span["text"], "labels": [label]}
    return {"id": region_id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "value": value}


def labelstudio_task(record: dict[str, Any]) -> dict[str, Any]:
    """A Label Studio task for a record: its text and id as data, its entities and quotations as a prediction."""
    results = [_region(e["id"], e, e["label"]) for e in record["layers"]["entities"]["items"]]
    for quote in record["layers"]["quotations"]["items"]:
        content_id = f"{quote['id']}-content"
        results.append(_region(content_id, quote["content"], f"Content:{quote['type']}"))
        for part in PART_LABELS:
            if quote[part.lower()] is not None:
                part_id = f"{quote['id']}-{part.lower()}"
                results.append(_region(part_id, quote[part.lower()], part))
                results.append(
                    {
                        "from_id": content_id,
                        "to_id": part_id,
                        "type": "relation",
                        "direction": "right",
                        "labels": [part.lower()],
                    }
                )
    return {
        "data": {"text": record["text"], "document_id": record["id"]},
        "predictions": [{"model_version": "newscorpus record", "result": results}],
    }


def _malformed(where: str, message: str) -> UnusableInputError:
    return UnusableInputError("import.malformed", where, message)


def _annotation(task: dict[str, Any], where: str) -> dict[str, Any] | None:
    annotations = task.get("annotations", [])
    if not isinstance(annotations, list) or not all(isinstance(a, dict) for a in annotations):
        raise _malformed(where, "'annotations' is not a list of objects")
    kept = [a for a in annotations if not a.get("was_cancelled")]
    if len(kept) > 1:
        kept = [a for a in kept if a.get("ground_truth")]
        if len(kept) != 1:  # not exactly one marked ground truth
            raise UnusableInputError("import.ambiguous", where, f"{len(kept)} ground-truth annotations of several")
    return kept[0] if kept else None


def _region_labels(labels: list[Any], where: str) -> list[str]:
    """A region's labels: at most one entity type and at most one quotation part, at least one in all.

    An empty list would delete the region's entity without a word (and with
    it its link and the coreference mention's entity), and two entity types
    on one region cannot both be right.
    """
    shown = json.dumps(labels, ensure_ascii=False)[:80]
    if not labels or not all(isinstance(label, str) for label in labels) or len(set(labels)) != len(labels):
        raise _malformed(
            where, f"value.labels must name one label (or one entity type and one quote part), not {shown}"
        )
    for label in labels:
        if label not in ENTITY_LABELS and label not in CONTENT_LABELS and label not in PART_LABELS:
            raise UnusableInputError("import.unknown-label", where, f"label {label!r} is not in the mapping")
    entity_types = [label for label in labels if label in ENTITY_LABELS]
    if len(entity_types) > 1 or len(labels) - len(entity_types) > 1:
        raise _malformed(where, f"a region holds one entity type and one quote part at most, not {shown}")
    return labels


def _task_document(task: object, where: str) -> ImportedDocument:
    data = task.get("data") if isinstance(task, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise _malformed(where, "a task needs data.text")
    document_id = data.get("document_id")
    if document_id is not None and not isinstance(document_id, str):
        raise _malformed(where, "data.document_id is not a string")
    text = data["text"]
    document = ImportedDocument(where, text, document_id)
    annotation = _annotation(task, where)
    results = annotation.get("result", []) if annotation else []
    if not isinstance(results, list):
        raise _malformed(where, "'result' is not a list")
    parts: dict[str, QuotePart] = {}
    quote_types: dict[str, str] = {}
    relations: list[PartRelation] = []
    for index, item in enumerate(results):
        item_where = f"{where}, result {index} (id {item.get('id')})" if isinstance(item, dict) else where
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "relation":
            labels = item.get("labels") or []
            relations.append(
                PartRelation(
                    str(item.get("from_id")), str(item.get("to_id")), labels[0] if labels else None, item_where
                )
            )
            continue
        if kind is None:
            raise _malformed(item_where, "a result needs a type (labels or relation)")
        if kind != "labels":
            raise UnusableInputError("import.unsupported", item_where, f"result type {kind!r} is not read")
        value = item.get("value")
        if not isinstance(value, dict) or not isinstance(value.get("labels"), list) or not item.get("id"):
            raise _malformed(item_where, "a labels result needs an id and value.start/end/text/labels")
        labels = _region_labels(value["labels"], item_where)
        span = document.span(value.get("start"), value.get("end"), value.get("text"), item_where)
        for label in labels:
            if label in ENTITY_LABELS:
                document.entities.append(ImportedEntity(span, label))
            elif label in CONTENT_LABELS or label in PART_LABELS:
                key = str(item["id"])
                if key in parts:
                    raise UnusableInputError("import.quote-structure", item_where, "a region with two quotation parts")
                parts[key] = QuotePart("Content" if label in CONTENT_LABELS else label, span, item_where)
                if label in CONTENT_LABELS:
                    quote_types[key] = CONTENT_LABELS[label]
            else:
                raise UnusableInputError("import.unknown-label", item_where, f"label {label!r} is not in the mapping")
    document.quotes = assemble_quotes(parts, quote_types, relations)
    return document


def read_labelstudio(path: Path) -> list[ImportedDocument]:
    """One imported document per task of a Label Studio JSON export, in file order."""
    try:
        tasks = json.loads(read_import_text(path))
    except json.JSONDecodeError as error:
        raise _malformed(str(path), f"not JSON: line {error.lineno}, column {error.colno}: {error.msg}") from error
    except RecursionError as error:
        raise _malformed(str(path), "JSON nested too deeply") from error
    if not isinstance(tasks, list):
        raise _malformed(str(path), "a Label Studio JSON export is a list of tasks")
    return [
        _task_document(task, f"{path}: task {task.get('id', number) if isinstance(task, dict) else number}")
        for number, task in enumerate(tasks, start=1)
    ]
