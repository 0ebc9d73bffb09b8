"""BRAT standoff: ``<id>.txt`` (the record's text exactly) and ``<id>.ann``, both ways.

What the ``.ann`` holds (docs/formats.md has an example):

- ``T`` lines for named entities, typed with their OntoNotes label, and for
  the parts of each quotation, typed ``Content``, ``Cue`` and ``Source``;
- ``A`` lines ``Type`` on each Content: the quote type (direct, indirect, mixed);
- ``A`` lines ``Gold`` (a binary attribute) on each gold entity and on the
  Content of each gold quotation; an annotator adds it to confirm an item
  without changing it, so that the import makes it gold (docs/formats.md);
- ``R`` lines ``Cue`` and ``Source`` from a Content to its cue and source;
- ``N`` lines ``Reference T1 Wikidata:Q7747`` for entity links, and
  ``AnnotatorNotes`` (``#`` lines) on the entity for the link's note; a link
  without a QID is an entity with a note and no ``N`` line.

Coreference and temporal expressions are not in the file; an import leaves
them as they are in the record. BRAT writes a newline inside a span's text as
a space; so do we.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.io.tool_annotations import (
    ImportedDocument,
    ImportedEntity,
    ImportedLink,
    PartRelation,
    QuotePart,
    assemble_quotes,
    read_import_text,
)
from newscorpus.labels import ENTITY_LABELS, QUOTE_TYPES
from newscorpus.problems.errors import UnusableInputError

QUOTE_PARTS = ("Content", "Cue", "Source")
TYPE_ATTRIBUTE = "Type"
GOLD_ATTRIBUTE = "Gold"
WIKIDATA = "Wikidata"


def _one_line(text: str) -> str:
    return text.replace("\n", " ")


def brat_ann(record: dict[str, Any]) -> str:
    """The ``.ann`` text of a record's entities, links and quotations."""
    layers = record["layers"]
    lines: list[str] = []
    counters = {"T": 0, "R": 0, "A": 0}

    def add(kind: str, body: str) -> str:
        counters[kind] += 1
        annotation_id = f"{kind}{counters[kind]}"
        lines.append(f"{annotation_id}\t{body}")
        return annotation_id

    def textbound(label: str, item: dict[str, Any]) -> str:
        return add("T", f"{label} {item['start']} {item['end']}\t{_one_line(item['text'])}")

    entities = {}
    for entity in layers["entities"]["items"]:
        target = textbound(entity["label"], entity)
        entities[entity["id"]] = (target, entity)
        if entity["gold"]:
            add("A", f"{GOLD_ATTRIBUTE} {target}")
    for quote in layers["quotations"]["items"]:
        content = textbound("Content", quote["content"])
        add("A", f"{TYPE_ATTRIBUTE} {content} {quote['type']}")
        if quote["gold"]:
            add("A", f"{GOLD_ATTRIBUTE} {content}")
        for role in ("Cue", "Source"):
            part = quote[role.lower()]
            if part is not None:
                add("R", f"{role} Arg1:{content} Arg2:{textbound(role, part)}")
    for number, link in enumerate(layers["entity_links"]["items"], start=1):
        target, entity = entities[link["entity"]]
        if link["note"] is not None or link["qid"] is None:
            lines.append(f"#{number}\tAnnotatorNotes {target}\t{_one_line(link['note'] or '')}")
        if link["qid"] is not None:
            lines.append(f"N{number}\tReference {target} {WIKIDATA}:{link['qid']}\t{_one_line(entity['text'])}")
    return "".join(line + "\n" for line in lines)


def annotation_conf() -> str:
    """BRAT's ``annotation.conf`` for the exported types, so that the folder opens in BRAT as it is."""
    return "\n".join(
        [
            "# newscorpus annotation scheme for brat (written by `newscorpus export --format brat`).",
            "[entities]",
            *ENTITY_LABELS,
            *QUOTE_PARTS,
            "",
            "[relations]",
            "Cue\tArg1:Content, Arg2:Cue",
            "Source\tArg1:Content, Arg2:Source",
            "# Entities and quotation parts overlap freely.",
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "",
            "[events]",
            "",
            "[attributes]",
            f"{TYPE_ATTRIBUTE}\tArg:Content, Value:{'|'.join(QUOTE_TYPES)}",
            f"{GOLD_ATTRIBUTE}\tArg:<ENTITY>",
            "",
        ]
    )


@dataclass(slots=True)
class _Parsed:
    """The annotations of one ``.ann`` file by BRAT id, with the line each came from."""

    entities: dict[str, ImportedEntity] = field(default_factory=dict)  # T id -> entity
    parts: dict[str, QuotePart] = field(default_factory=dict)  # T id -> quotation part
    quote_types: dict[str, str] = field(default_factory=dict)  # Content T id -> quote type
    relations: list[PartRelation] = field(default_factory=list)
    links: dict[str, dict[str, str | None]] = field(default_factory=dict)  # T id -> qid and note, in file order
    confirmed: set[str] = field(default_factory=set)  # T ids with the Gold attribute


def _malformed(where: str, message: str) -> UnusableInputError:
    return UnusableInputError("import.malformed", where, message)


def _parse_line(line: str, where: str, document: ImportedDocument, parsed: _Parsed) -> None:
    fields = line.split("\t")
    annotation_id, body = fields[0], fields[1] if len(fields) > 1 else ""
    words = body.split(" ")
    kind = annotation_id[:1]
    if kind == "T":
        if len(fields) != 3 or len(words) != 3:
            if ";" in body:
                raise UnusableInputError("import.unsupported", where, "discontinuous spans are not supported")
            raise _malformed(where, "a T line is 'T<n><TAB>Type start end<TAB>text'")
        label, start, end = words
        if label not in ENTITY_LABELS and label not in QUOTE_PARTS:
            raise UnusableInputError("import.unknown-label", where, f"{label!r} is no OntoNotes type nor quote part")
        offsets = [int(o) if o.isascii() and o.isdigit() else None for o in (start, end)]
        span = document.span(*offsets, fields[2], where)
        if label in QUOTE_PARTS:
            parsed.parts[annotation_id] = QuotePart(label, span, where)
        else:
            parsed.entities[annotation_id] = ImportedEntity(span, label)
    elif kind in ("A", "M") and words[0] == GOLD_ATTRIBUTE:  # M is BRAT's older name for an attribute
        if len(words) != 2:
            raise _malformed(where, f"the gold attribute is '{GOLD_ATTRIBUTE} T<n>', without a value")
        parsed.confirmed.add(words[1])
    elif kind in ("A", "M"):
        if len(words) != 3 or words[0] != TYPE_ATTRIBUTE:
            raise _malformed(where, f"attributes are '{TYPE_ATTRIBUTE} T<n> <quote type>' and '{GOLD_ATTRIBUTE} T<n>'")
        if words[2] not in QUOTE_TYPES:
            raise UnusableInputError(
                "import.unknown-label", where, f"quote type {words[2]!r} is not one of {QUOTE_TYPES}"
            )
        parsed.quote_types[words[1]] = words[2]
    elif kind == "R":
        if len(words) != 3 or not words[1].startswith("Arg1:") or not words[2].startswith("Arg2:"):
            raise _malformed(where, "an R line is 'R<n><TAB>Type Arg1:T<n> Arg2:T<n>'")
        if words[0] not in ("Cue", "Source"):
            raise UnusableInputError("import.unknown-label", where, f"relation {words[0]!r} is not Cue or Source")
        parsed.relations.append(PartRelation(words[1][5:], words[2][5:], words[0], where))
    elif kind == "N":
        database, _, qid = words[2].partition(":") if len(words) == 3 else ("", "", "")
        if words[0] != "Reference" or database != WIKIDATA:
            raise UnusableInputError("import.unsupported", where, f"links are 'Reference T<n> {WIKIDATA}:Q<n>'")
        parsed.links.setdefault(words[1], {"qid": None, "note": None})["qid"] = qid
    elif kind == "#":
        if len(words) != 2 or words[0] != "AnnotatorNotes":
            raise _malformed(where, "a note is '#<n><TAB>AnnotatorNotes T<n><TAB>note'")
        note = fields[2] if len(fields) > 2 and fields[2] else None
        parsed.links.setdefault(words[1], {"qid": None, "note": None})["note"] = note
    else:
        raise UnusableInputError(
            "import.unsupported", where, f"{annotation_id!r}: only T, A, R, N and # lines are read"
        )


def read_brat(ann_path: Path) -> ImportedDocument:
    """The annotations of a ``.ann`` file and its ``.txt``; the record id is the file name's stem.

    Raises UnusableInputError, located at the file and line, for anything
    that is not the layout above. Span texts are checked against the text by
    ``ImportedDocument.check_spans`` once the text is known to be the record's.
    """
    document = ImportedDocument(str(ann_path), read_import_text(ann_path.with_suffix(".txt")), ann_path.stem)
    parsed = _Parsed()
    # Lines end in \n (a \r before it is dropped); str.splitlines would also split at U+2028 inside a span.
    for number, line in enumerate(read_import_text(ann_path).split("\n"), start=1):
        if line.strip():
            _parse_line(line.removesuffix("\r"), f"{ann_path}:{number}", document, parsed)
    links = []
    for target, link in parsed.links.items():
        if target not in parsed.entities:
            raise _malformed(str(ann_path), f"a link or note points at {target}, which is no entity span")
        links.append(ImportedLink(parsed.entities[target].span, link["qid"], link["note"]))
    for target in parsed.confirmed - parsed.entities.keys():
        if parsed.parts.get(target) is None or parsed.parts[target].role != "Content":
            raise _malformed(str(ann_path), f"{GOLD_ATTRIBUTE} is given to {target}, which is no entity nor Content")
    document.entities = [
        ImportedEntity(entity.span, entity.label, key in parsed.confirmed) for key, entity in parsed.entities.items()
    ]
    document.links = links
    document.quotes = assemble_quotes(parsed.parts, parsed.quote_types, parsed.relations, parsed.confirmed)
    return document
