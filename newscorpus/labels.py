"""Label sets, all read from the schema so that there is one place to change them.

Besides the OntoNotes types this module holds the documented mapping to the
CoNLL-2003 types, and the BIO tag lists built from both.
"""

from __future__ import annotations

from newscorpus.schema import enum_values

ENTITY_LABELS: tuple[str, ...] = enum_values("entity_label")
QUOTE_TYPES: tuple[str, ...] = enum_values("quote_type")

CONLL2003_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")

# OntoNotes 5 -> CoNLL-2003. Numeric and temporal types have no CoNLL-2003
# counterpart and map to None (tagged O), as in the usual conversions.
ONTONOTES_TO_CONLL2003: dict[str, str | None] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    "DATE": None,
    "TIME": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
}


def bio_tags(labels: tuple[str, ...]) -> tuple[str, ...]:
    """IOB2 tag names for a label set: O first, then B-/I- per label."""
    return ("O", *(f"{prefix}-{label}" for label in labels for prefix in ("B", "I")))
