"""Layer provenance values: gold (by hand) or auto (a tool and its version)."""

from __future__ import annotations

from typing import Any


def auto(tool: str, version: str) -> dict[str, Any]:
    """Provenance of a layer a tool made."""
    return {"kind": "auto", "annotator": None, "date": None, "tool": tool, "version": version}


def gold(annotator: str, date: str) -> dict[str, Any]:
    """Provenance of a layer made or corrected by hand."""
    return {"kind": "gold", "annotator": annotator, "date": date, "tool": None, "version": None}


def is_gold(layer: Any) -> bool:
    """Whether a layer (a dict with a provenance) is marked gold."""
    return (
        isinstance(layer, dict)
        and isinstance(layer.get("provenance"), dict)
        and layer["provenance"].get("kind") == "gold"
    )
