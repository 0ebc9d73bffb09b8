"""Provenance values: gold (by hand) or auto (a tool and its version), per layer or per item.

Segmentation layers and the publication date carry one provenance entry. The
span layers (``SPAN_LAYERS``) carry it per item: the layer lists its entries
once, every item names its entry by index (``provenance``) and says whether
it is gold (``gold``), and ``complete`` says that gold annotators declared
the layer done. A partial correction then makes gold only what a person
touched, and convert can make the rest again around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

SPAN_LAYERS = ("entities", "entity_links", "coreference", "quotations", "timex")
_NAME_SEPARATOR = "; "


def auto(tool: str, version: str) -> dict[str, Any]:
    """Provenance entry of annotation a tool made."""
    return {"kind": "auto", "annotators": None, "date": None, "tool": tool, "version": version}


def gold(annotators: str | Iterable[str], date: str) -> dict[str, Any]:
    """Provenance entry of annotation made, corrected or confirmed by hand (one or several annotators)."""
    names = [annotators] if isinstance(annotators, str) else list(annotators)
    return {"kind": "gold", "annotators": names, "date": date, "tool": None, "version": None}


def is_gold(value: Any) -> bool:
    """Whether a span layer is complete gold, or a value with one provenance (a date, a segmentation layer) is gold."""
    if not isinstance(value, dict):
        return False
    if "complete" in value:
        return value["complete"] is True
    provenance = value.get("provenance")
    return isinstance(provenance, dict) and provenance.get("kind") == "gold"


def empty_layer() -> dict[str, Any]:
    """A span layer without annotation."""
    return {"provenance": [], "complete": False, "items": []}


def layer_of(items: list[dict[str, Any]], entry: dict[str, Any], *, complete: bool = False) -> dict[str, Any]:
    """A span layer whose items all come from ``entry`` (items are copied, their provenance fields set)."""
    if not items and not complete:
        return empty_layer()
    flag = entry["kind"] == "gold"
    return {
        "provenance": [entry],
        "complete": complete,
        "items": [{**item, "provenance": 0, "gold": flag} for item in items],
    }


def with_provenance(layer: dict[str, Any], entry: dict[str, Any], *, complete: bool = False) -> dict[str, Any]:
    """A span layer's items, all given ``entry`` (e.g. to mark a whole layer automatic or gold)."""
    items = [{k: v for k, v in item.items() if k not in ("provenance", "gold")} for item in layer["items"]]
    return layer_of(items, entry, complete=complete)


def gold_items(layer: Any) -> list[dict[str, Any]]:
    """The gold items of a span layer, as they are."""
    items = layer.get("items") if isinstance(layer, dict) else None
    return [item for item in items or () if isinstance(item, dict) and item.get("gold") is True]


def entry_of(layer: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """The provenance entry an item of ``layer`` names."""
    return layer["provenance"][item["provenance"]]


def assemble_layer(
    parts: Iterable[tuple[dict[str, Any], dict[str, Any]]], *, complete: bool = False, entries: Iterable[Any] = ()
) -> dict[str, Any]:
    """A span layer from (item, entry) pairs, in the order given.

    Entries are listed gold first, then automatic, each in order of first use
    (after any ``entries`` that must stay listed, such as the gold entry of a
    complete layer with no items). So the same items always give the same
    layer, and a gold item's index depends on the gold items alone: convert,
    which makes the automatic items again, never changes a gold item.
    """
    parts = list(parts)
    listed: list[dict[str, Any]] = []
    for entry in [*entries, *(e for _, e in parts if e["kind"] == "gold"), *(e for _, e in parts)]:
        if entry not in listed:
            listed.append(entry)
    items = [{**item, "provenance": listed.index(entry), "gold": entry["kind"] == "gold"} for item, entry in parts]
    return {"provenance": listed, "complete": complete, "items": items}


def with_entries(layer: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(item, entry) pairs of a span layer, for ``assemble_layer``."""
    return [(item, entry_of(layer, item)) for item in layer["items"]]


def split_annotators(joined: str) -> list[str]:
    """Annotator names of a schema 1/2 provenance, which joined them with "; " (outside parentheses)."""
    names, depth, start = [], 0, 0
    for index, character in enumerate(joined):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth == 0 and joined.startswith(_NAME_SEPARATOR, index):
            names.append(joined[start:index])
            start = index + len(_NAME_SEPARATOR)
    names.append(joined[start:])
    return [name for name in names if name]


def upgrade_entry(provenance: Any) -> Any:
    """A schema 1/2 provenance object (``annotator``: one string) in the schema 3 shape; others as they are."""
    if not isinstance(provenance, dict) or "annotator" not in provenance:
        return provenance
    if provenance.get("kind") == "gold" and isinstance(provenance["annotator"], str):
        return gold(split_annotators(provenance["annotator"]), provenance.get("date"))
    if provenance.get("kind") == "auto":
        return auto(provenance.get("tool"), provenance.get("version"))
    return provenance  # malformed: validate reports it


def upgrade_span_layer(layer: Any) -> Any:
    """A schema 1/2 span layer (one provenance object) in the schema 3 shape: gold layers become complete."""
    if not isinstance(layer, dict) or "complete" in layer or not isinstance(layer.get("items"), list):
        return layer
    provenance = layer.get("provenance")
    if provenance is None:
        return empty_layer()
    if not isinstance(provenance, dict) or "annotator" not in provenance:
        return layer  # neither shape: kept_from refuses it
    if not all(isinstance(item, dict) for item in layer["items"]):
        return layer  # malformed items: kept_from refuses the layer rather than drop any
    entry = upgrade_entry(provenance)
    return layer_of(layer["items"], entry, complete=entry.get("kind") == "gold")


def max_id_number(items: Iterable[dict[str, Any]], prefix: str) -> int:
    """The highest number of an id ``<prefix><n>`` among ``items`` (0 when none)."""
    pattern = re.compile(rf"^{re.escape(prefix)}([0-9]+)$")
    return max((int(m[1]) for item in items if (m := pattern.match(str(item.get("id", ""))))), default=0)
