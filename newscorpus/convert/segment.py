"""Sentences and tokens, made by established libraries and aligned to each other.

Tokens come from spaCy's rule-based English tokenizer (no model needed): the
tokenization most English NER data and tools expect, with exact character
offsets. Sentences come from sentencex (Wikimedia): rule-based with per-language
abbreviation lists, keeps closing quotation marks with their sentence, its
segments concatenate back to the input exactly, and its Rust core segments
thousands of articles a second. Sentence boundaries are then moved onto token
boundaries so that the two layers agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from typing import Any

import sentencex

LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Sentence and token spans of a text, as parallel start/end lists."""

    sentence_starts: list[int]
    sentence_ends: list[int]
    token_starts: list[int]
    token_ends: list[int]


@cache
def _tokenizer() -> Any:
    from spacy.lang.en import English

    return English().tokenizer


@cache
def tool_versions() -> dict[str, str]:
    """Versions of the segmentation libraries, for layer provenance."""
    return {"spacy": version("spacy"), "sentencex": version("sentencex")}


ZERO_WIDTH_JOINER = "\u200d"


def _modifies_what_precedes(char: str) -> bool:
    """Whether ``char`` only modifies the character before it in an emoji sequence.

    Variation selectors (U+FE00-U+FE0F), skin-tone modifiers (U+1F3FB-U+1F3FF),
    the keycap mark (U+20E3) and tag characters (U+E0020-U+E007F, flags of regions).
    """
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or code == 0x20E3 or 0xE0020 <= code <= 0xE007F


def _is_emoji_part(char: str) -> bool:
    """A pictograph (symbols U+2100-U+2BFF, U+1F000 and above, (c), (R)) or a modifier of one."""
    code = ord(char)
    return 0x2100 <= code <= 0x2BFF or code >= 0x1F000 or char in "\u00a9\u00ae" or _modifies_what_precedes(char)


def _joins(text: str, boundary: int) -> bool:
    """Whether the two tokens touching at ``boundary`` belong to one emoji sequence."""
    after = text[boundary]
    if _modifies_what_precedes(after):
        return True
    before = text[boundary - 1]
    if after == ZERO_WIDTH_JOINER:  # a joiner between two emoji; after a word ("Xtra\u200d's") it joins nothing
        return _is_emoji_part(before)
    if before == ZERO_WIDTH_JOINER:
        return boundary >= 2 and _is_emoji_part(text[boundary - 2]) and _is_emoji_part(after)
    return False


def _joined_emoji(text: str, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """Tokens with the pieces of one emoji sequence (👨‍👩‍👧, 👍🏽, ❤️) merged into one token.

    spaCy's tokenizer cuts such a sequence at every joiner and modifier; one
    general rule puts it back together: two touching tokens are one when the
    second starts with a modifier, or a zero width joiner stands between two
    emoji.
    """
    merged_starts, merged_ends = starts[:1], ends[:1]
    for start, end in zip(starts[1:], ends[1:], strict=True):
        if merged_ends[-1] == start and _joins(text, start):
            merged_ends[-1] = end
        else:
            merged_starts.append(start)
            merged_ends.append(end)
    return merged_starts, merged_ends


def tokenize(text: str) -> tuple[list[int], list[int]]:
    """Token spans of ``text``, whitespace excluded; an emoji sequence is one token."""
    starts: list[int] = []
    ends: list[int] = []
    for token in _tokenizer()(text):
        if token.is_space:
            continue
        starts.append(token.idx)
        ends.append(token.idx + len(token.text))
    if ZERO_WIDTH_JOINER in text or any(map(_modifies_what_precedes, text)):
        return _joined_emoji(text, starts, ends)
    return starts, ends


def _sentence_starts(text: str) -> list[int]:
    """Offsets where sentencex starts a sentence (after its leading whitespace)."""
    starts: list[int] = []
    position = 0
    for piece in sentencex.segment(LANGUAGE, text):
        content_start = position + len(piece) - len(piece.lstrip())
        if piece.strip():
            starts.append(content_start)
        position += len(piece)
    return starts


def segment_paragraph(text: str, offset: int) -> Segmentation:
    """Segment one paragraph; offsets are shifted by ``offset`` into the document."""
    token_starts, token_ends = tokenize(text)
    token_at_start = set(token_starts)
    boundaries: list[int] = []
    for start in _sentence_starts(text)[1:]:
        if start not in token_at_start:
            # sentencex cut inside a token: keep the token whole, cut after it.
            start = next((s for s in token_starts if s > start), len(text))
        if start < len(text) and (not boundaries or start > boundaries[-1]):
            boundaries.append(start)
    sentence_starts, sentence_ends = [], []
    token_index = 0
    for finish in [*boundaries, len(text)]:
        first = token_index
        while token_index < len(token_starts) and token_starts[token_index] < finish:
            token_index += 1
        if token_index > first:
            sentence_starts.append(token_starts[first] + offset)
            sentence_ends.append(token_ends[token_index - 1] + offset)
    return Segmentation(
        sentence_starts,
        sentence_ends,
        [s + offset for s in token_starts],
        [e + offset for e in token_ends],
    )
