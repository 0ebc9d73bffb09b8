"""Semantic checks of values: TIMEX3 values, calendar dates, and that annotated layers say where they came from.

Part of the table ``CHECKS`` in ``newscorpus.validate.checks``; these checks need
nothing derived from the record, so they take (and ignore) its ``derived`` values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from newscorpus.problems.value import Problem, pointer
from newscorpus.validate.spans import layer_items

_TIMEX_VALUE = re.compile(
    # Calendar values: TIMEX3 writes X for any digit the text leaves open ("the morning" of an
    # unnamed day is XXXX-XX-XXTMO, "6am" on an unnamed day XXXX-XX-XXT06:00, "the 1990s" 199X).
    # A week may name its weekend ("this weekend" 2020-W35-WE) or its day (2020-W35-3).
    r"[\dX]{4}(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{2}(?:-WE|-[1-7X])?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"(?:T(?:[\dX]{2}(?::[\dX]{2}(?::[\dX]{2})?)?|MO|AF|EV|NI))?"
    # A century or a decade is written with its leading digits: "the 1800s" 18, "the 1990s" 199.
    r"|\d{2,3}"
    # Durations: TIMEX3 writes X for an amount the text leaves open, before a date unit
    # ("a few years", PXY) as before a time unit ("several hours", PTXH).
    # TIMEX3 also counts in decades, centuries and millennia ("decades" PXDE).
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|ML|[YMWD]))+(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+"
    r"|T\d{2}(?::\d{2})?|PRESENT_REF|PAST_REF|FUTURE_REF"
)


def value_problems(record: dict[str, Any], text: str, derived: object) -> Iterator[Problem]:
    for index, timex in enumerate(layer_items(record, "timex")):
        value = timex.get("value") if isinstance(timex, dict) else None
        if isinstance(value, str) and not _TIMEX_VALUE.fullmatch(value):
            yield Problem(
                "timex.value-invalid",
                f"{value!r} is not a TIMEX3 value",
                pointer("layers", "timex", "items", index, "value"),
            )
        elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            yield from _iso_date(value, ("layers", "timex", "items", index, "value"), "timex.value-invalid")
    published = (record.get("metadata") or {}).get("publication_date") or {}
    if isinstance(published, dict) and isinstance(published.get("value"), str):
        yield from _iso_date(published["value"], ("metadata", "publication_date", "value"), "date.invalid")
    for path, provenance in _iter_provenances(record):
        if isinstance(provenance, dict) and isinstance(provenance.get("date"), str):
            yield from _iso_date(provenance["date"], (*path, "date"), "date.invalid")


def _iso_date(value: str, path: tuple[str | int, ...], code: str) -> Iterator[Problem]:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("not YYYY-MM-DD")
        date.fromisoformat(value)
    except ValueError as error:
        yield Problem(code, f"{value!r} is not a calendar date: {error}", pointer(*path))


def _iter_provenances(record: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    layers = record.get("layers")
    if isinstance(layers, dict):
        for name, layer in layers.items():
            if isinstance(layer, dict) and isinstance(layer.get("provenance"), list):  # a span layer's entries
                for index, entry in enumerate(layer["provenance"]):
                    yield ("layers", name, "provenance", index), entry
            elif isinstance(layer, dict):
                yield ("layers", name, "provenance"), layer.get("provenance")
    published = (record.get("metadata") or {}).get("publication_date")
    if isinstance(published, dict):
        yield ("metadata", "publication_date", "provenance"), published.get("provenance")


def provenance_problems(record: dict[str, Any], text: str, derived: object) -> Iterator[Problem]:
    layers = record.get("layers") if isinstance(record.get("layers"), dict) else {}
    for name, layer in layers.items():
        if not isinstance(layer, dict) or layer.get("provenance") is not None or "complete" in layer:
            continue  # a span layer's items name their entries: newscorpus.validate.provenance_checks
        filled = bool(layer.get("items") or layer.get("starts"))
        if filled:
            yield Problem(
                "provenance.missing",
                f"layer {name} has annotation but no provenance",
                pointer("layers", name, "provenance"),
            )
    published = (record.get("metadata") or {}).get("publication_date")
    if isinstance(published, dict) and published.get("value") is not None and published.get("provenance") is None:
        yield Problem(
            "provenance.missing",
            "publication date has a value but no provenance",
            pointer("metadata", "publication_date", "provenance"),
        )
