"""Moving a pass made on an old text onto the record's new text, refusing what falls in changed text.

Offsets are mapped through the blocks ``difflib.SequenceMatcher`` finds equal
in the two texts. An item moves only when every character of each of its
spans lies in one equal block, so its text is the same in the new record; an
item touching changed text is refused, never guessed.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from difflib import SequenceMatcher
from typing import Any

from newscorpus.gold.passfile import PassFile, text_sha256
from newscorpus.problems.value import Problem, pointer


class OffsetMapper:
    """Old-text offsets to new-text offsets, through the equal blocks of the two texts."""

    def __init__(self, old: str, new: str) -> None:
        blocks = SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
        self._blocks = [(b.a, b.b, b.size) for b in blocks if b.size]
        self._starts = [a for a, _, _ in self._blocks]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The new offsets of old ``[start, end)``, or None when it is not inside one equal block."""
        index = bisect_right(self._starts, start) - 1
        if index < 0 or end <= start:
            return None
        old_start, new_start, size = self._blocks[index]
        if end > old_start + size:
            return None
        return new_start + start - old_start, new_start + end - old_start


def _spans_in(value: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every span object (one with start, end and text) inside ``value``, with its path."""
    if isinstance(value, dict):
        own = [(path, value)] if {"start", "end", "text"} <= value.keys() else []
        return own + [found for key, child in value.items() for found in _spans_in(child, (*path, key))]
    if isinstance(value, list):
        return [found for index, child in enumerate(value) for found in _spans_in(child, (*path, index))]
    return []


def reanchor(annotation: PassFile, old_text: str, new_text: str) -> tuple[PassFile | None, list[Problem]]:
    """The pass moved onto ``new_text``, or None and a problem per item in changed text."""
    if text_sha256(old_text) != annotation.data["text_sha256"]:
        message = "the old record's text is not the text the pass was made on either"
        return None, [Problem("pass.text-changed", message, pointer("text_sha256"))]
    mapper = OffsetMapper(old_text, new_text)
    moved = copy.deepcopy(annotation.data)
    problems = []
    for path, span in _spans_in(moved["layers"], ("layers",)):
        target = mapper.span(span["start"], span["end"])
        if target is None or new_text[target[0] : target[1]] != span["text"]:
            message = f"{span['text']!r} at {span['start']}-{span['end']} falls in text that changed"
            problems.append(Problem("pass.reanchor-refused", message, pointer(*path)))
            continue
        span["start"], span["end"] = target
    if problems:
        return None, problems
    moved["text_sha256"] = text_sha256(new_text)
    return PassFile(annotation.shown, moved), []
