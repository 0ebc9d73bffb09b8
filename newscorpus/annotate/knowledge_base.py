"""The knowledge base of confirmed Wikidata QIDs that the entity linker looks names up in.

A knowledge base is one JSON file (format ``newscorpus-kb/1``, described in
docs/preannotation.md): a list of entries, one per QID, each with the labels
and OntoNotes types under which gold links attest it, how many gold
documents attest it, and the evidence (record, link, annotators, note) that
confirmed it. The shipped one, ``newscorpus/data/kb/entities.json``, is made
by ``scripts/build_kb.py`` from the development gold only
(``newscorpus.annotate.kb_from_gold``); ``$NEWSCORPUS_LINK_KB`` names another
file of the same format.

Names are compared normalised (``normalise_name``): case, diacritics, a
leading "the", a possessive and full stops do not tell two names apart, so
"the U.S.'s" and "US" are one name. The linker links a name only when its
normalised form and type point at exactly one QID (``KnowledgeBase.qids``).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.problems.errors import UnusableInputError

KB_FORMAT = "newscorpus-kb/1"
SHIPPED_KB = Path(__file__).resolve().parent.parent / "data" / "kb" / "entities.json"
KB_ENV = "NEWSCORPUS_LINK_KB"
QID_PATTERN = re.compile(r"Q[1-9][0-9]*")
# Types whose mentions can denote a Wikidata item (guidelines section 2.1); dates and numbers are never linked.
LINKABLE_TYPES = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)

# A label is indexed when documents confirming it > NULL_WEIGHT x documents leaving the same name and type null.
NULL_WEIGHT = 2

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_SPACES = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """The form two names must share to be one name: no case, diacritics, leading "the", possessive or full stops."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = _SPACES.sub(" ", plain.replace(".", "")).strip()
    plain = _POSSESSIVE.sub("", plain).strip()
    if plain.startswith("the "):
        plain = plain[4:]
    return plain


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Entries by QID and the index of normalised (name, type) to QIDs; ``version`` is a hash of the file's bytes."""

    version: str
    entries: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    index: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: dict[str, Any], version: str) -> KnowledgeBase:
        """The index holds the labels that gold confirmed in more than twice as many documents as it left them null.

        A name that annotators often left null ("WN", the interviewer's
        marker, guidelines section 7.2; "New York", city or state) is not
        linked by name alone. The ratio was chosen by cross-validation on the
        development folds (docs/preannotation.md).
        """
        index: dict[tuple[str, str], set[str]] = defaultdict(set)
        entries = {}
        for entry in document["entries"]:
            entries[entry["qid"]] = entry
            for label in entry["labels"]:
                if label.get("null_documents", 0) * NULL_WEIGHT >= label["documents"]:
                    continue
                index[(normalise_name(label["text"]), label["type"])].add(entry["qid"])
        return cls(version, entries, {key: frozenset(qids) for key, qids in index.items()})

    def qids(self, name: str, entity_type: str) -> frozenset[str]:
        """Every QID the knowledge base holds for ``name`` (as written in the text) with ``entity_type``."""
        return self.index.get((normalise_name(name), entity_type), frozenset())

    def documents_of(self, qid: str) -> int:
        return int(self.entries[qid]["documents"]) if qid in self.entries else 0


def kb_bytes(document: dict[str, Any]) -> bytes:
    """The canonical bytes of a knowledge base document: sorted keys, two-space indent, a final newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def version_of(content: bytes) -> str:
    """The knowledge base's version as provenance names it: ``kb-`` and 12 hex digits of its SHA-256."""
    return "kb-" + hashlib.sha256(content).hexdigest()[:12]


def _problem(path: Path, message: str) -> UnusableInputError:
    return UnusableInputError("kb.invalid", str(path), message)


def _check(document: Any, path: Path) -> dict[str, Any]:
    """The document if it has what the linker reads; else a located ``kb.invalid``."""
    if not isinstance(document, dict) or document.get("format") != KB_FORMAT:
        raise _problem(path, f"not a knowledge base: the key 'format' must be {KB_FORMAT!r}")
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise _problem(path, "the key 'entries' must be a list")
    seen: set[str] = set()
    for number, entry in enumerate(entries):
        where = f"entries[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("qid"), str):
            raise _problem(path, f"{where} has no 'qid'")
        if not QID_PATTERN.fullmatch(entry["qid"]) or entry["qid"] in seen:
            raise _problem(path, f"{where}: {entry['qid']!r} is not a QID (Q and digits) or is listed twice")
        seen.add(entry["qid"])
        labels = entry.get("labels")
        if not isinstance(labels, list) or not labels:
            raise _problem(path, f"{where} ({entry['qid']}) needs a non-empty list 'labels'")
        for label in labels:
            if not isinstance(label, dict) or not isinstance(label.get("text"), str):
                raise _problem(path, f"{where} ({entry['qid']}): every label needs a 'text'")
            if label.get("type") not in LINKABLE_TYPES:
                raise _problem(path, f"{where} ({entry['qid']}): {label.get('type')!r} is not a linkable type")
        if type(entry.get("documents")) is not int or not isinstance(entry.get("evidence"), list):
            raise _problem(path, f"{where} ({entry['qid']}) needs 'documents' (a count) and 'evidence' (a list)")
        if not entry["evidence"]:
            raise _problem(path, f"{where} ({entry['qid']}) has no evidence: an unconfirmed QID is never linked")
    return document


def load_knowledge_base(path: Path | None = None) -> KnowledgeBase:
    """The knowledge base in ``path`` (default: the shipped one), checked; bad files give ``kb.invalid``."""
    path = path or SHIPPED_KB
    try:
        content = path.read_bytes()
    except OSError as error:
        raise UnusableInputError("kb.invalid", str(path), f"cannot read the knowledge base: {error.strerror}") from None
    try:
        document = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _problem(path, f"not UTF-8 JSON: {error}") from None
    return KnowledgeBase.from_document(_check(document, path), version_of(content))
