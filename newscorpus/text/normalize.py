"""Text normalization with an exact map back to the raw capture.

Rules, in order: split into lines (CRLF, CR, LF and the Unicode line and
paragraph separators all end a line: every break ``str.splitlines`` knows);
a paragraph break (U+2029 PARAGRAPH SEPARATOR, and the file, group and record
separators U+001C-U+001E) also ends the paragraph, as a blank line does, so
that a headline ended by U+2029 never swallows the first sentence; drop invisible format and control
characters (soft hyphen, zero-width space, BOM, bidi controls); fold every other
space character (tab, U+00A0, U+2000-U+200A, ...) to U+0020; strip each line;
compose to NFC; a run of non-blank lines is a paragraph, its lines joined by
``\\n``; paragraphs are joined by exactly one blank line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newscorpus.text.offsets import OffsetMap, Segment

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# The breaks that end a paragraph, not only a line: the separators named for more than a line.
PARAGRAPH_BREAKS = frozenset("\x1c\x1d\x1e\u2029")
_ODD_SPACES = frozenset(
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_DROPPED = frozenset(
    "\u00ad\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
    + "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c\x1c\x1d\x1e")
    + "\x7f"
    + "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85)
)
_SPECIAL = re.compile("[" + re.escape("".join(sorted(_ODD_SPACES | _DROPPED))) + "]")

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class NormalizedParagraph:
    """A paragraph's normalized text and the segments it came from."""

    text: str
    segments: tuple[Segment, ...]

    @property
    def raw_start(self) -> int:
        return self.segments[0].raw_start

    @property
    def raw_end(self) -> int:
        return self.segments[-1].raw_end


def _is_composition_boundary(char: str) -> bool:
    # NFC never composes across a starter, except Hangul vowel/trailing jamo.
    return unicodedata.combining(char) == 0 and not ("\u1160" <= char <= "\u11ff")


def _compose(chars: list[tuple[str, int]]) -> list[Segment]:
    """NFC-compose a cleaned line given as (character, raw index) pairs."""
    line = "".join(char for char, _ in chars)
    if unicodedata.is_normalized("NFC", line):
        return [Segment(char, index, index + 1) for char, index in chars]
    chunks: list[list[tuple[str, int]]] = []
    for pair in chars:
        if not chunks or _is_composition_boundary(pair[0]):
            chunks.append([pair])
        else:
            chunks[-1].append(pair)
    segments: list[Segment] = []
    for chunk in chunks:
        chunk_text = "".join(char for char, _ in chunk)
        composed = unicodedata.normalize("NFC", chunk_text)
        if composed == chunk_text:
            segments.extend(Segment(char, index, index + 1) for char, index in chunk)
        else:
            segments.append(Segment(composed, chunk[0][1], chunk[-1][1] + 1))
    if "".join(segment.text for segment in segments) != unicodedata.normalize("NFC", line):
        # Composition reached across our chunks: align the line as one block.
        return [Segment(unicodedata.normalize("NFC", line), chars[0][1], chars[-1][1] + 1)]
    return segments


def _normalize_line(raw: str, start: int, end: int) -> list[Segment]:
    """Segments of one line's normalized content; empty for a blank line."""
    content = raw[start:end]
    if not _SPECIAL.search(content) and unicodedata.is_normalized("NFC", content):
        stripped_start = len(content) - len(content.lstrip(" "))
        stripped = content.strip(" ")
        if not stripped:
            return []
        first = start + stripped_start
        return [Segment(stripped, first, first + len(stripped))]
    chars = [
        (" " if char in _ODD_SPACES else char, start + offset)
        for offset, char in enumerate(content)
        if char not in _DROPPED
    ]
    while chars and chars[0][0] == " ":
        chars.pop(0)
    while chars and chars[-1][0] == " ":
        chars.pop()
    return _compose(chars) if chars else []


def _line_ranges(raw: str) -> list[tuple[int, int, bool]]:
    """(start, end, whether the break after it ends the paragraph) of every line."""
    ranges: list[tuple[int, int, bool]] = []
    position = 0
    for match in _LINE_BREAK.finditer(raw):
        ranges.append((position, match.start(), match.group() in PARAGRAPH_BREAKS))
        position = match.end()
    ranges.append((position, len(raw), True))
    return ranges


def normalize_paragraphs(raw: str) -> list[NormalizedParagraph]:
    """Split a raw capture into normalized paragraphs, each aligned to the raw text."""
    paragraphs: list[NormalizedParagraph] = []
    current: list[Segment] = []

    def close_paragraph() -> None:
        if current:
            paragraphs.append(NormalizedParagraph("".join(s.text for s in current), tuple(current)))
            current.clear()

    for start, end, ends_paragraph in _line_ranges(raw):
        line = _normalize_line(raw, start, end)
        if not line:
            close_paragraph()
            continue
        if current:
            current.append(Segment("\n", current[-1].raw_end, line[0].raw_start))
        current.extend(line)
        if ends_paragraph:
            close_paragraph()
    return paragraphs


def join_paragraphs(paragraphs: list[NormalizedParagraph]) -> tuple[str, OffsetMap]:
    """Join paragraphs with one blank line; the separator maps to the raw text between them."""
    segments: list[Segment] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            previous_end = paragraphs[index - 1].raw_end
            segments.append(Segment(PARAGRAPH_SEPARATOR, previous_end, paragraph.raw_start))
        segments.extend(paragraph.segments)
    text = PARAGRAPH_SEPARATOR.join(paragraph.text for paragraph in paragraphs)
    return text, OffsetMap.from_segments(segments)


def normalize_text(raw: str) -> tuple[str, OffsetMap]:
    """Normalize a whole raw capture (no boilerplate removal) and return text and map."""
    return join_paragraphs(normalize_paragraphs(raw))
