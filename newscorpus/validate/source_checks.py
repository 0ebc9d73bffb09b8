"""Semantic checks of a record's source and metadata: licence, attribution, the paragraphs metadata repeats.

The schema says each field's type; these checks say that the fields agree:
an open licence has a URL and an attribution naming the same licence, the
article's title and its URL; headline, credit and dateline are the texts of
their paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newscorpus.problems.value import Problem, pointer
from newscorpus.validate.spans import layer_items

METADATA_ROLES = ("headline", "credit", "dateline")


def licence_problems(record: dict[str, Any], text: str, derived: object) -> Iterator[Problem]:
    """An open licence is complete and attributed; text without one carries no attribution."""
    source = record.get("source")
    if not isinstance(source, dict):
        return
    license_id, license_url = source.get("license_id"), source.get("license_url")
    attribution = source.get("attribution")
    if (license_id is None) != (license_url is None):
        yield Problem(
            "source.license-incomplete",
            f"license_id is {license_id!r} but license_url is {license_url!r}",
            pointer("source", "license_url" if license_url is None else "license_id"),
        )
    if license_id is None:
        if attribution is not None:
            yield Problem(
                "source.attribution-mismatch",
                "an attribution without an open licence (license_id is null)",
                pointer("source", "attribution"),
            )
        return
    if not isinstance(attribution, dict):
        yield Problem(
            "source.attribution-missing",
            f"the text is licensed {license_id} but has no attribution",
            pointer("source", "attribution"),
        )
        return
    expected = {
        "license": license_id,
        "license_url": license_url,
        "url": source.get("url"),
        "title": (record.get("metadata") or {}).get("headline"),
    }
    for key, value in expected.items():
        if attribution.get(key) != value:
            yield Problem(
                "source.attribution-mismatch",
                f"attribution {key} {attribution.get(key)!r} is not the record's {value!r}",
                pointer("source", "attribution", key),
            )


def metadata_paragraph_problems(record: dict[str, Any], text: str, derived: object) -> Iterator[Problem]:
    """metadata.headline, .credit and .dateline are the text of the first paragraph of that role, or null."""
    metadata = record.get("metadata")
    if not isinstance(metadata, dict):
        return
    found: dict[str, str] = {}
    for paragraph in layer_items(record, "paragraphs"):
        role = paragraph.get("role") if isinstance(paragraph, dict) else None
        if role in METADATA_ROLES and role not in found:
            found[role] = text[paragraph["start"] : paragraph["end"]]
    for role in METADATA_ROLES:
        if role in metadata and metadata[role] != found.get(role):
            yield Problem(
                "metadata.paragraph-mismatch",
                f"metadata {role} {metadata[role]!r} is not the {role} paragraph's text {found.get(role)!r}",
                pointer("metadata", role),
            )
