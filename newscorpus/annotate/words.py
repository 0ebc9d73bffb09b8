"""Closed word lists the rules read (titles, prepositions, number words, ...), from a data file."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "annotate" / "words.toml"


@cache
def _lists() -> dict[str, frozenset[str]]:
    with WORDS_FILE.open("rb") as handle:
        return {name: frozenset(words) for name, words in tomllib.load(handle).items()}


def word_list(name: str) -> frozenset[str]:
    """The list ``name`` of the shipped words file, as a set of lowercase words."""
    return _lists()[name]
