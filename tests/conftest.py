"""Shared fixtures: the repository, the seed record, and a scratch copy of the corpus."""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from newscorpus.annotate.runner import Annotators
from newscorpus.convert.decode import RawCapture
from newscorpus.convert.record import build_record
from newscorpus.record.provenance import gold
from newscorpus.validate import validate_record

# Tests never reach a hub: everything they load is built here.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"

REPO = Path(__file__).resolve().parent.parent
SEED_RAW = REPO / "corpus" / "raw" / "themoscowtimes" / "000_b7662e16b4581a0c.txt"
SEED_RAW_RELATIVE = "corpus/raw/themoscowtimes/000_b7662e16b4581a0c.txt"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seed_record_path() -> Path:
    return next((REPO / "corpus" / "records").glob("themoscowtimes-*.json"))


@pytest.fixture(scope="session")
def _seed_record(seed_record_path: Path) -> dict[str, Any]:
    return json.loads(seed_record_path.read_text(encoding="utf-8"))


@pytest.fixture
def seed_record(_seed_record: dict[str, Any]) -> dict[str, Any]:
    """A fresh deep copy of the committed seed record, safe to modify."""
    return copy.deepcopy(_seed_record)


@pytest.fixture
def corpus_copy(tmp_path: Path, seed_record_path: Path) -> Path:
    """A scratch corpus root holding the seed: its raw capture and its record (one article, converted in a second).

    The whole committed corpus (294 articles) is converted once, by tests/test_corpus_records.py.
    """
    (tmp_path / "corpus" / "raw" / "themoscowtimes").mkdir(parents=True)
    (tmp_path / "corpus" / "records").mkdir()
    shutil.copy2(SEED_RAW, tmp_path / SEED_RAW_RELATIVE)
    shutil.copy2(seed_record_path, tmp_path / "corpus" / "records" / seed_record_path.name)
    return tmp_path


# Helpers of the annotator tests (tests/annotate/), imported from here: `from conftest import annotate`.


def annotate(annotators: Annotators, body: str, published: str | None = "2020-08-15") -> dict[str, Any]:
    """Convert a headline plus ``body`` and annotate it with a publication date; the result must validate."""
    record = build_record(
        RawCapture("corpus/raw/test/article.txt", f"Test Headline\n\n{body}", "0" * 64), None, annotators
    )
    record["metadata"]["publication_date"] = {
        "value": published,
        "evidence": "set by the test",
        "provenance": gold("test", "2026-01-01") if published else None,
    }
    record = annotators.annotate_record(record)
    assert validate_record(record) == []
    return record


def quotes(record: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    """(type, content, cue, source) of each quotation, as text."""
    return [
        (
            q["type"],
            q["content"]["text"],
            q["cue"]["text"] if q["cue"] else None,
            q["source"]["text"] if q["source"] else None,
        )
        for q in record["layers"]["quotations"]["items"]
    ]


def cluster_texts(record: dict[str, Any]) -> list[list[str]]:
    return [[m["text"] for m in c["mentions"]] for c in record["layers"]["coreference"]["items"]]


def cluster_of_source(record: dict[str, Any], quote_index: int) -> list[str]:
    mention = record["layers"]["quotations"]["items"][quote_index]["source"]["mention"]
    for cluster in record["layers"]["coreference"]["items"]:
        if mention in {m["id"] for m in cluster["mentions"]}:
            return [m["text"] for m in cluster["mentions"]]
    raise AssertionError(f"source mention {mention!r} is in no cluster")
