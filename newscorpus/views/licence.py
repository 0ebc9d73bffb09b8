"""The licence columns every config carries, so that any config can be cut down to openly licensed text.

Each row says the licence of the article it comes from (``license_id``, the
record's ``source.license_id``) and whether that text is openly licensed
(``open_license``), decided by ``newscorpus.licensing.is_open_license`` alone:
``dataset.filter(lambda row: row["open_license"])`` keeps only text anyone may
redistribute, in every config alike.
"""

from __future__ import annotations

from typing import Any

from datasets import Value

from newscorpus.licensing import is_open_license

OPEN_LICENSE = "open_license"
LICENSE_ID = "license_id"
OPEN_LICENSE_FEATURE = Value("bool")


def licence_features() -> dict[str, Value]:
    """The features of the licence columns of a derived config."""
    return {LICENSE_ID: Value("string"), OPEN_LICENSE: OPEN_LICENSE_FEATURE}


def open_license(record: dict[str, Any]) -> bool:
    """Whether the record's text is openly licensed: the value of its rows' ``open_license`` column."""
    return is_open_license(record["source"]["license_id"])


def licence_columns(record: dict[str, Any]) -> dict[str, Any]:
    """The licence columns of every row a record gives in a derived config."""
    return {LICENSE_ID: record["source"]["license_id"], OPEN_LICENSE: open_license(record)}
