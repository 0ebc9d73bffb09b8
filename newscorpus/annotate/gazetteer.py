"""Names the entity annotator looks up: the shipped list, gazetteer files, and the corpus's gold entities.

Gold entities are remembered with the number of records that attest each name
and label; annotating an article subtracts the votes of that article's own
gold names (``own_gold_names``), so the names offered for it never include
what only its own gold contains: pre-annotating or scoring an article must
not read its answers (no leakage). Counts, not sets of document ids, keep the
gazetteer's size bounded by the names, not by the corpus.

A gazetteer file is UTF-8 text, one entry a line: an OntoNotes 5 label, a
tab, the name as written (``GPE<TAB>Belarus``); blank lines and lines
starting with ``#`` are skipped.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.labels import ENTITY_LABELS
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.provenance import gold_items, upgrade_span_layer

SHIPPED_GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteers" / "world.tsv"

# Only names are worth remembering: numbers and dates are found by shape rules,
# and a remembered "two" or "Friday" would be tagged everywhere.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
NAME_LABELS |= {"LANGUAGE"}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Names with labels from files, and from gold records with how many records attest each label."""

    listed: Mapping[str, str] = field(default_factory=dict)  # name -> label, files later in the list win
    attested: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # name -> label -> records attesting

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> Gazetteer:
        listed: dict[str, str] = {}
        for path in paths:
            listed.update(read_gazetteer_file(path))
        return cls(listed=listed)

    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any]]) -> Gazetteer:
        """Names of the gold entity layers of ``records``, each counted once per record that attests it."""
        attested: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for record in records:
            for name, label in own_gold_names(record):
                attested[name][label] += 1
        return cls(attested={name: dict(by_label) for name, by_label in attested.items()})

    def merged(self, other: Gazetteer) -> Gazetteer:
        """Both gazetteers; ``other``'s file entries win over this one's."""
        return Gazetteer.union([self, other])

    @classmethod
    def union(cls, parts: Iterable[Gazetteer]) -> Gazetteer:
        """Every part's names, their counts added (parts must hold different records).

        Sums do not depend on the order of ``parts`` (file entries of later
        parts win); names are kept in the order they first appear, as
        ``from_records`` keeps them, so the union of per-batch gazetteers in
        file order equals the gazetteer of every record at once.
        """
        listed: dict[str, str] = {}
        attested: dict[str, dict[str, int]] = {}
        for part in parts:
            listed.update(part.listed)
            for name, by_label in part.attested.items():
                counts = attested.setdefault(name, {})
                for label, count in by_label.items():
                    counts[label] = counts.get(label, 0) + count
        return cls(listed=listed, attested=attested)

    def attested_json(self) -> str:
        """The gold names as JSON (name -> label -> records attesting it), in name order; no file entries."""
        return json.dumps(self.attested, ensure_ascii=False)

    @classmethod
    def from_attested_json(cls, text: str) -> Gazetteer:
        """The gazetteer ``attested_json`` wrote."""
        return cls(attested=json.loads(text))

    def names(self) -> set[str]:
        """Every name the gazetteer knows, whichever document it is for."""
        return set(self.listed) | set(self.attested)

    def labels_for(self, own_names: Collection[tuple[str, str]] = frozenset()) -> dict[str, str]:
        """Name -> label usable when annotating an article whose own gold names are ``own_names``.

        The article's own gold votes are taken away (``own_gold_names`` of its
        record). A name attested by gold records gets the label most of them
        give it (ties: the label listed first in the schema); gold attestation
        wins over file entries, since it was checked by people on this corpus.
        """
        labels = dict(self.listed)
        for name, by_label in self.attested.items():
            votes = {label: count - ((name, label) in own_names) for label, count in by_label.items()}
            votes = {label: count for label, count in votes.items() if count > 0}
            if votes:
                labels[name] = min(votes, key=lambda label: (-votes[label], ENTITY_LABELS.index(label)))
        return labels


def own_gold_names(record: dict[str, Any]) -> set[tuple[str, str]]:
    """(name, label) of the record's gold entities worth remembering; none for a record without gold entities."""
    layer = upgrade_span_layer((record.get("layers") or {}).get("entities"))  # records of any schema version
    if not isinstance(layer, dict) or not isinstance(record.get("id"), str) or not isinstance(layer.get("items"), list):
        return set()  # a malformed record is validate's business; it teaches the gazetteer nothing
    names = set()
    for entity in gold_items(layer):  # gold items of a partly corrected layer count as much as a complete one's
        text, label = (entity.get("text"), entity.get("label")) if isinstance(entity, dict) else (None, None)
        if isinstance(text, str) and isinstance(label, str) and label in NAME_LABELS and any(map(str.isupper, text)):
            names.add((text, label))
    return names


def read_gazetteer_file(path: Path) -> dict[str, str]:
    """Entries of one gazetteer file; a malformed line stops with its file and line number."""
    try:
        lines = path.read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UnusableInputError("gazetteer.invalid", str(path), f"cannot read the file: {error}") from error
    entries: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        label, tab, name = line.partition("\t")
        name = name.strip()
        if not tab or not name:
            raise UnusableInputError("gazetteer.invalid", f"{path}:{number}", f"expected LABEL<tab>name, got {line!r}")
        if label not in ENTITY_LABELS:
            raise UnusableInputError(
                "gazetteer.invalid",
                f"{path}:{number}",
                f"{label!r} is not an OntoNotes 5 label",
                ", ".join(ENTITY_LABELS),
            )
        if entries.get(name, label) != label:
            raise UnusableInputError(
                "gazetteer.invalid", f"{path}:{number}", f"{name!r} is listed as {entries[name]} and as {label}"
            )
        entries[name] = label
    return entries
