"""Which documents get gold, by a rule that anyone can re-run: hash order, not ease.

The candidates are the Wikinews records under an open licence. They are ordered
by the SHA-256 of their document id (so adding documents never moves one
already chosen ahead of another). In that order, the first ``ENTITY_GOLD``
(293, every candidate today) get gold entities, temporal expressions and publication date; the first
``FULL_GOLD`` (50) every layer; the first ``DOUBLE`` (20) two independent
passes (A and B) and an adjudication. The 50 must hold ``MIN_INTERVIEWS`` (5)
interviews, which are dense in Q/A quotations: when they do not, the first
interviews beyond the 50, in the same order, replace the last non-interviews
of the 50 (which stay among the ``ENTITY_GOLD``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

ENTITY_GOLD = 293
FULL_GOLD = 50
DOUBLE = 20
MIN_INTERVIEWS = 5
INTERVIEW_TURNS = 3
ENTITY_LAYERS = ("entities", "timex", "publication_date")
ALL_LAYERS = ("entities", "entity_links", "coreference", "quotations", "timex", "publication_date", "topics")
_OPEN_LICENCE = re.compile(r"\bCC[- ]BY\b|Creative Commons Attribution")
_TURN = re.compile(r"^\(\([^()\n]+\)\)")  # a paragraph opening "((Speaker))"


@dataclass(frozen=True, slots=True)
class Candidate:
    document_id: str
    interview: bool


@dataclass(frozen=True, slots=True)
class Assignment:
    """What one chosen document needs: its layers, and the passes to make."""

    document_id: str
    rank: int  # 1-based position in hash order
    interview: bool
    layers: tuple[str, ...]
    passes: tuple[str, ...]  # ("A",) or ("A", "B")

    @property
    def adjudicated(self) -> bool:
        return len(self.passes) > 1


def hash_order_key(document_id: str) -> str:
    return hashlib.sha256(document_id.encode("utf-8")).hexdigest()


def is_open_wikinews(record: dict[str, Any]) -> bool:
    """A Wikinews record whose licence is a Creative Commons one (the text may be redistributed)."""
    source = record.get("source") or {}
    licence = f"{source.get('license_id') or ''} {source.get('license') or ''}"
    return source.get("publisher") == "Wikinews" and bool(_OPEN_LICENCE.search(licence))


def is_interview(text: str, paragraphs: Iterable[dict[str, Any]]) -> bool:
    """At least ``INTERVIEW_TURNS`` paragraphs open with a ``((Speaker))`` turn marker."""
    turns = sum(1 for p in paragraphs if _TURN.match(text[p["start"] : p["end"]]))
    return turns >= INTERVIEW_TURNS


def candidate_of(record: dict[str, Any]) -> Candidate | None:
    if not is_open_wikinews(record):
        return None
    return Candidate(record["id"], is_interview(record["text"], record["layers"]["paragraphs"]["items"]))


def select(candidates: Iterable[Candidate]) -> list[Assignment]:
    """The chosen documents in hash order, each with what it needs."""
    ordered = sorted(candidates, key=lambda c: hash_order_key(c.document_id))
    chosen = ordered[:ENTITY_GOLD]
    full = list(ordered[:FULL_GOLD])
    missing = MIN_INTERVIEWS - sum(c.interview for c in full)
    if missing > 0:
        later = [c for c in ordered[FULL_GOLD:] if c.interview][:missing]
        replaced = [c for c in reversed(full[DOUBLE:]) if not c.interview][: len(later)]
        full = [c for c in full if c not in replaced] + later
        # A replacement interview beyond the first 150 is gold too.
        chosen = chosen + [c for c in later if c not in chosen]
    full_ids = {c.document_id for c in full}
    double_ids = {c.document_id for c in ordered[:DOUBLE]}
    rank = {c.document_id: index for index, c in enumerate(ordered, start=1)}
    return [
        Assignment(
            c.document_id,
            rank[c.document_id],
            c.interview,
            ALL_LAYERS if c.document_id in full_ids else ENTITY_LAYERS,
            ("A", "B") if c.document_id in double_ids else ("A",),
        )
        for c in sorted(chosen, key=lambda c: hash_order_key(c.document_id))
    ]
