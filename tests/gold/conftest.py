"""Passes made from the seed record's gold layers, in a scratch corpus: what the gold tests build on."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from newscorpus.gold.passfile import FORMAT, text_sha256

ITEM_KEYS = {"entities": ("start", "end", "text", "label"), "timex": ("start", "end", "text", "type", "value")}


def pass_of(record: dict[str, Any], name: str, layers: tuple[str, ...] = ("entities", "timex")) -> dict[str, Any]:
    """A format-1 pass holding ``layers`` of ``record`` (ids kept where other layers refer to them)."""
    items: dict[str, Any] = {}
    for layer in layers:
        found = copy.deepcopy(record["layers"][layer]["items"])
        if layer in ITEM_KEYS and not {"entity_links", "coreference"} & set(layers):
            found = [{key: item[key] for key in ITEM_KEYS[layer]} for item in found]
        items[layer] = found
    return {
        "format": FORMAT,
        "document_id": record["id"],
        "text_sha256": text_sha256(record["text"]),
        "pass": name,
        "annotator": f"annotator {name}",
        "date": "2026-12-01",
        "method": "from scratch",
        "layers": items,
        "publication_date": {"value": record["metadata"]["publication_date"]["value"], "evidence": "the dateline"},
        "changes": {},
        "notes": [],
    }


def write_pass(root: Path, data: dict[str, Any], folder: str | None = None) -> Path:
    """Write ``data`` where the layout puts it (or into ``folder`` under passes/)."""
    if data["pass"] == "adjudicated":
        path = root / "corpus" / "annotations" / "adjudicated" / f"{data['document_id']}.json"
    else:
        path = root / "corpus" / "annotations" / "passes" / (folder or data["pass"]) / f"{data['document_id']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def make_pass():
    return pass_of


@pytest.fixture
def put_pass():
    return write_pass


@pytest.fixture
def seed_pass(seed_record: dict[str, Any]) -> dict[str, Any]:
    return pass_of(seed_record, "A")
