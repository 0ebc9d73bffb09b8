"""The head token of an entity span, for head matching (``newscorpus evaluate``'s ``head`` mode).

The head of a name is the token that carries it: the last word, before any
prepositional tail and without trailing punctuation or a possessive.
"Vladimir Putin" -> "Putin"; "the Greek Ministry of Foreign Affairs" ->
"Ministry"; "Bank of England" -> "Bank"; "Bosnia and Herzegovina" ->
"Bosnia"; "Reuters'" -> "Reuters"; "15 August 2020" -> "2020". Head matching
forgives boundary disagreements that leave the name's core intact (a
title, a determiner, a trailing "Image" of a photo credit taken in) while
still requiring the right type and refusing a prediction that spans two
gold names (see ``newscorpus.evaluate.matching.head_score``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

Extent = tuple[int, int]
# Words that open a prepositional or coordinated tail: the head lies before them.
TAIL_OPENERS = frozenset({"of", "for", "on", "at", "in", "and", "&", "to", "from"})
# Tokens that never carry a name: possessive endings and punctuation-only tokens.
_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})


def _carries_name(word: str) -> bool:
    return word not in _POSSESSIVES and any(character.isalnum() for character in word)


def head_of(text: str, token_starts: Sequence[int], token_ends: Sequence[int], span: Extent) -> Extent:
    """The character extent of the head token of ``span`` (the span itself when it holds no whole token)."""
    first, stop = bisect_left(token_starts, span[0]), bisect_right(token_ends, span[1])
    words = [(token_starts[i], token_ends[i]) for i in range(first, stop)]
    words = [extent for extent in words if _carries_name(text[extent[0] : extent[1]])]
    if not words:
        return span
    for position, (start, end) in enumerate(words[1:], start=1):
        if text[start:end].lower() in TAIL_OPENERS:
            words = words[:position]
            break
    return words[-1]
