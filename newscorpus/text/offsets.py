"""The offset map: where each part of the normalized text comes from in the raw capture.

The map is a list of segments, like the opcodes of a diff. Segment ``k`` covers
``text[norm_starts[k]:norm_starts[k + 1]]`` and came from
``raw[raw_starts[k]:raw_ends[k]]``. When the two have the same length the
segment maps character by character; otherwise (a composed character, a
paragraph break that replaced a run of raw whitespace) the whole text segment
maps to the whole raw range. Characters dropped by normalization fall between
segments and belong to none.

Known limit: when NFC reorders combining marks without changing the length
("q\u0301\u0323" becomes "q\u0323\u0301"), the segment looks one to one, so
a single mark inside it maps to the wrong raw mark. Spans that keep a
combining sequence whole map exactly, and validation refuses spans that
split one (``span.splits-character``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character span ``[start, end)`` of a text (code point offsets)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """One aligned piece: normalized text ``text`` came from ``raw[raw_start:raw_end]``."""

    text: str
    raw_start: int
    raw_end: int

    @property
    def is_linear(self) -> bool:
        return len(self.text) == self.raw_end - self.raw_start


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Alignment of a normalized text of length ``text_length`` to its raw capture."""

    norm_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]
    text_length: int

    @classmethod
    def from_segments(cls, segments: list[Segment]) -> OffsetMap:
        """Build the map from consecutive segments, merging those that continue each other."""
        norm_starts: list[int] = []
        raw_starts: list[int] = []
        raw_ends: list[int] = []
        position = 0
        previous_linear = False
        for segment in segments:
            if not segment.text:
                continue
            linear = segment.is_linear
            if previous_linear and linear and raw_ends[-1] == segment.raw_start:
                raw_ends[-1] = segment.raw_end
            else:
                norm_starts.append(position)
                raw_starts.append(segment.raw_start)
                raw_ends.append(segment.raw_end)
            previous_linear = linear
            position += len(segment.text)
        return cls(tuple(norm_starts), tuple(raw_starts), tuple(raw_ends), position)

    @classmethod
    def from_dict(cls, data: dict[str, list[int]], text_length: int) -> OffsetMap:
        return cls(
            tuple(data["norm_starts"]),
            tuple(data["raw_starts"]),
            tuple(data["raw_ends"]),
            text_length,
        )

    def to_dict(self) -> dict[str, list[int]]:
        return {
            "norm_starts": list(self.norm_starts),
            "raw_starts": list(self.raw_starts),
            "raw_ends": list(self.raw_ends),
        }

    def _segment_end(self, index: int) -> int:
        last = len(self.norm_starts) - 1
        return self.text_length if index == last else self.norm_starts[index + 1]

    def _char_raw_range(self, position: int) -> tuple[int, int]:
        if not 0 <= position < self.text_length:
            raise IndexError(f"offset {position} outside text of length {self.text_length}")
        index = bisect_right(self.norm_starts, position) - 1
        norm_start = self.norm_starts[index]
        raw_start, raw_end = self.raw_starts[index], self.raw_ends[index]
        if self._segment_end(index) - norm_start == raw_end - raw_start:
            raw_position = raw_start + position - norm_start
            return raw_position, raw_position + 1
        return raw_start, raw_end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` of the raw capture that the normalized span ``[start, end)`` came from."""
        if not 0 <= start < end <= self.text_length:
            raise IndexError(f"span [{start}, {end}) is not a non-empty span of the text")
        return self._char_raw_range(start)[0], self._char_raw_range(end - 1)[1]
