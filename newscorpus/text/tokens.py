"""Tokens of a text: spaCy's rule-based English tokenizer, then a few finer cuts where it leaves two words in one.

spaCy gives the tokenization most English NER data and tools expect, with
exact character offsets. Where it glues words that a name or a number must
be able to end between, one token is cut into several; a token is never
merged with another (except the pieces of one emoji sequence, which spaCy
itself cuts apart), so a span on the old boundaries stays on the new ones.
One boundary of spaCy's moves: where it falls before a combining mark (a
punctuation mark cut off with the accent that follows it), the marks go with
the token before them, since no span may split a character from its marks.
The finer cuts:

- a zero-width format character at the edge of a word is a token of its own
  (``"\\u200dParis"`` -> ``"\\u200d"``, ``"Paris"``; ``"Arabia\\u200d"``): it is
  invisible markup, not part of the word. Between two letters or marks
  (a Devanagari conjunct) it stays inside the word, and in an emoji sequence
  it joins the emoji;
- a hyphen or dash after an abbreviation's period opens a new token
  (``"U.S.-led"`` -> ``"U.S."``, ``"-"``, ``"led"``), as spaCy already cuts
  ``"Kremlin-backed"``;
- a dash between two numbers is a range (``"2009\\u201311"`` -> ``"2009"``,
  ``"\\u2013"``, ``"11"``; ``"1990s\\u20132000s"``), as spaCy already cuts a
  hyphen there (``"3-2"``) but not an en or em dash;
- a double parenthesis glued to a word is a token of its own (``"hi))Hindi"``
  -> ``"hi"``, ``")"``, ``")"``, ``"Hindi"``): Wikinews interviews mark the speaker
  and the language of a turn as ``((hi))Hindi language:``, and the language
  name must be a token a span can start on;
- a caption's photo credit glued to its last word is cut off it
  (``"AccordsImage"`` + ``":"`` -> ``"Accords"``, ``"Image"``): Wikinews
  captions run into their credit ("... the Abraham AccordsImage: The White
  House."), and a name must be able to end before the credit word; this cut
  may also start a sentence;
- a single capital letter's period that ends a sentence is the full stop
  (``"World War I."`` -> ``"I"``, ``"."``): the caller says where sentences end.

Infix hyphens between letters are cut by spaCy (``"al-Assad"`` is ``"al"``,
``"-"``, ``"Assad"``); a name keeps all its parts as one entity span over
several tokens (guidelines 7.5).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import cache
from itertools import pairwise
from typing import Any

ZERO_WIDTH_JOINER = "\u200d"
# Invisible characters that carry no letter: joiners, non-joiners, the zero-width space, the word joiner, a BOM.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_DASHES = "\u2012\u2013\u2014\u2015\u2212"
# A period and a hyphen or dash glued to a word after it: the second half of "U.S.-led", "U.S.\u2013Mexico".
_AFTER_ABBREVIATION = re.compile(rf"(?<=\.)[-{_DASHES}](?=\w)")
# A dash between two numbers (or a decade): "2009\u201311", "15\u201375", "1990s\u20132000s".
_RANGE_DASH = re.compile(rf"(?:(?<=\d)|(?<=\ds))[{_DASHES}](?=\d)")
# A turn marker's double parenthesis glued to a word: "hi))Hindi", "Hindi((".
_GLUED_DOUBLE_PARENTHESIS = re.compile(r"(?<=\w)\)\)|\)\)(?=\w)|(?<=\w)\(\(|\(\((?=\w)")
# The words that open a caption's photo credit ("Image: Gage Skidmore"); the sentence rules split before them too.
CREDIT_WORDS = ("Image", "Photo", "Credit")
_GLUED_CREDIT = re.compile(rf"(?<=[a-z.])(?:{'|'.join(CREDIT_WORDS)})$")
_SINGLE_CAPITAL_WITH_PERIOD = re.compile(r"[A-Z]\.")


@cache
def _tokenizer() -> Any:
    from spacy.lang.en import English

    return English().tokenizer


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


def _is_word_part(char: str) -> bool:
    """A letter, digit or combining mark: what a zero-width character may sit between inside one word."""
    return unicodedata.category(char)[0] in "LMN"


def _zero_width_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside ``[start, end)`` where a zero-width character at a word's edge is cut off."""
    cuts = []
    for position in range(start, end):
        if text[position] not in ZERO_WIDTH:
            continue
        before = text[position - 1] if position > start else ""
        after = text[position + 1] if position + 1 < end else ""
        if before and after and _is_word_part(before) and _is_word_part(after):
            continue  # inside a word: a conjunct or a ligature control
        if _is_emoji_part(before or " ") or _is_emoji_part(after or " "):
            continue  # part of an emoji sequence, joined after the cuts
        cuts += [position, position + 1]
    return cuts


def _pattern_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside ``[start, end)`` around a dash after an abbreviation's period or between numbers, and ``))``."""
    token = text[start:end]
    cuts = []
    for pattern in (_AFTER_ABBREVIATION, _RANGE_DASH):
        for match in pattern.finditer(token):
            cuts += [start + match.start(), start + match.end()]
    for match in _GLUED_DOUBLE_PARENTHESIS.finditer(token):
        # one token per parenthesis, as spaCy cuts "((WN))" when no word is glued to it
        cuts += [start + match.start(), start + match.start() + 1, start + match.end()]
    return cuts


def _credit_cuts(text: str, start: int, end: int) -> list[int]:
    """The offset before a credit word glued to the end of ``[start, end)`` when a colon follows it."""
    if text[end : end + 1] != ":":
        return []
    match = _GLUED_CREDIT.search(text, start, end)
    if not match:
        return []
    cut = match.start()
    # the full stop of a caption ending in a number or word goes with neither ("2020.Image" -> "2020", ".", "Image")
    full_stop = text[cut - 1] == "." and cut - 2 >= start and text[cut - 2] in "0123456789abcdefghijklmnopqrstuvwxyz"
    return [cut - 1, cut] if full_stop else [cut]


def _cut(starts: list[int], ends: list[int], cuts_of: Any) -> tuple[list[int], list[int], set[int]]:
    """Every token cut at the offsets ``cuts_of(start, end)`` gives (empty pieces dropped), and the cuts made."""
    cut_starts: list[int] = []
    cut_ends: list[int] = []
    made: set[int] = set()
    for start, end in zip(starts, ends, strict=True):
        inner = sorted({offset for offset in cuts_of(start, end) if start < offset < end})
        made.update(inner)
        edges = [start, *inner, end]
        for piece_start, piece_end in pairwise(edges):
            cut_starts.append(piece_start)
            cut_ends.append(piece_end)
    return cut_starts, cut_ends, made


def _marks_with_their_base(text: str, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """Tokens whose boundary fell before a combining mark, moved after it (",\u0301" | "0", not "," | "\u03010").

    spaCy cuts punctuation off a word even where a combining mark follows the
    punctuation, so the next token would start inside a character (a base and
    its marks are one character to a reader, and spans must not split them).
    The marks go with the token before them, the base they modify; a token of
    marks alone joins it entirely. A mark after whitespace has no base in any
    token and stays where it is.
    """
    kept_starts, kept_ends = starts[:1], ends[:1]
    for start, end in zip(starts[1:], ends[1:], strict=True):
        if kept_ends[-1] == start and unicodedata.combining(text[start]):
            while start < end and unicodedata.combining(text[start]):
                start += 1
            kept_ends[-1] = start
            if start == end:
                continue
        kept_starts.append(start)
        kept_ends.append(end)
    return kept_starts, kept_ends


def tokenize_with_cuts(text: str, sentence_ends: Collection[int] = ()) -> tuple[list[int], list[int], frozenset[int]]:
    """``tokenize``, and the offsets where a spaCy token was cut finer (no sentence may start there)."""
    starts: list[int] = []
    ends: list[int] = []
    for token in _tokenizer()(text):
        if token.is_space:
            continue
        starts.append(token.idx)
        ends.append(token.idx + len(token.text))
    has_zero_width = not ZERO_WIDTH.isdisjoint(text)

    def cuts_of(start: int, end: int) -> list[int]:
        cuts = _pattern_cuts(text, start, end)
        if has_zero_width:
            cuts += _zero_width_cuts(text, start, end)
        if end in sentence_ends and _SINGLE_CAPITAL_WITH_PERIOD.fullmatch(text, start, end):
            cuts.append(end - 1)
        return cuts

    starts, ends, made = _cut(starts, ends, cuts_of)
    if ":" in text:
        # not recorded in ``made``: the credit may begin a sentence of its own
        starts, ends, _ = _cut(starts, ends, lambda start, end: _credit_cuts(text, start, end))
    if ZERO_WIDTH_JOINER in text or any(map(_modifies_what_precedes, text)):
        starts, ends = _joined_emoji(text, starts, ends)
    if any(map(unicodedata.combining, text)):
        starts, ends = _marks_with_their_base(text, starts, ends)
    return starts, ends, frozenset(made)


def tokenize(text: str, sentence_ends: Collection[int] = ()) -> tuple[list[int], list[int]]:
    """Token spans of ``text``, whitespace excluded; an emoji sequence is one token.

    ``sentence_ends`` are offsets where a sentence ends (after its last
    character): there the period of a single capital letter is a token of its own.
    """
    starts, ends, _ = tokenize_with_cuts(text, sentence_ends)
    return starts, ends


def name_words(name: str) -> tuple[str, ...]:
    """A name split as record text is tokenized, for gazetteer lookups over a record's tokens."""
    starts, ends = tokenize(name, sentence_ends=())
    return tuple(name[start:end] for start, end in zip(starts, ends, strict=True))
