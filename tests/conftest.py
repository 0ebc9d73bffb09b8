"""Shared fixtures: the repository, the seed record, and a scratch copy of the corpus."""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

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
