"""Sentences and tokens, made by established libraries and aligned to each other.

Tokens come from spaCy's rule-based English tokenizer (no model needed): the
tokenization most English NER data and tools expect, with exact character
offsets, cut finer in a few places (``newscorpus.text.tokens``). Sentences
come from sentencex (Wikimedia): rule-based with per-language abbreviation
lists, keeps closing quotation marks with their sentence, its segments
concatenate back to the input exactly, and its Rust core segments
thousands of articles a second; ``newscorpus.convert.sentence_rules``
corrects the classes of error it makes on news (quotations of several
sentences kept whole, "No." taken for "number", ...). Sentence boundaries are
then moved onto token boundaries so that the two layers agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

from newscorpus.convert.sentence_rules import sentence_starts as corrected_sentence_starts
from newscorpus.text.tokens import tokenize, tokenize_with_cuts

__all__ = ["Segmentation", "segment_paragraph", "tokenize", "tool_versions"]


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Sentence and token spans of a text, as parallel start/end lists."""

    sentence_starts: list[int]
    sentence_ends: list[int]
    token_starts: list[int]
    token_ends: list[int]


@cache
def tool_versions() -> dict[str, str]:
    """Versions of the segmentation libraries, for layer provenance."""
    return {"spacy": version("spacy"), "sentencex": version("sentencex")}


def segment_paragraph(
    text: str, offset: int, starts_of: Callable[[str], list[int]] = corrected_sentence_starts
) -> Segmentation:
    """Segment one paragraph; offsets are shifted by ``offset`` into the document.

    ``starts_of`` finds where sentences start (benchmarks pass another splitter).
    """
    sentence_starts = starts_of(text)
    # Where each sentence found ends: its last non-space character, before the next one starts.
    ends_found = [len(text[:start].rstrip()) for start in sentence_starts[1:]] + [len(text.rstrip())]
    token_starts, token_ends, cuts = tokenize_with_cuts(text, frozenset(ends_found))
    # Where a sentence may start: a token start that spaCy made (inside "then-U.S.-president" none may).
    allowed = set(token_starts) - cuts
    boundaries: list[int] = []
    for start in sentence_starts[1:]:
        if start not in allowed:
            # sentencex cut inside a (spaCy) token: keep the token whole, cut after it.
            start = next((s for s in token_starts if s > start and s in allowed), len(text))
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
