"""Where sentences start in a paragraph: sentencex's boundaries, corrected by the classes of error it makes on news.

sentencex (Wikimedia) splits on per-language abbreviation lists. Scored
against the corpus's gold sentences (docs/guidelines.md section 8), it errs by
classes, each corrected here in general:

- it never splits inside double quotation marks or square brackets, so a
  quotation of several sentences stays one sentence (``"We will win. We are
  strong," he said.``), and so does a bracketed aside of several. Its input is
  therefore the paragraph with double quotation marks and the brackets of an
  aside that holds a sentence's end blanked out (replaced by spaces, so
  offsets stay put; other brackets stay, as in ``reserve[s].``); a sentence
  start is then moved back over the marks that open it;
- with the quotation marks gone, it would split where the sentence goes on:
  after a ``?``, ``!``, ellipsis or an initial's stop that a lowercase word
  continues (``"Why?" he asked``; ``Uhh... [laughs] because``; ``ESBL-E.
  coli``; an insertion that starts lowercase
  and a speaker marker ``((WN))`` are looked past), after a title it does
  not know (``Ms. Alvarez``, ``Amb.``, ``Atty.``: abbreviations that only
  stand before a name), and where no whitespace precedes the next word (an
  ellipsis glued to it);
- it takes "No." for "number", "Me." and "Ill." for US states even when they
  are the words that end a sentence (``No. I did not.``, ``help me. I agreed``);
- it does not split before an interview's speaker or language marker
  (``((hi))``) after a sentence's final punctuation, after an editorial
  bracketed stop (``incurable[.]" He``), after an omission mark glued to a
  word (``population[...] That's met``), or between a caption and the photo
  credit glued to it (``a facemask.Image: Gage Skidmore.``);
- a clock time's ``a.m.``/``p.m.`` before a time zone (``8:30 p.m. BST``) ends no sentence.
"""

from __future__ import annotations

import re

import sentencex

from newscorpus.text.tokens import CREDIT_WORDS

LANGUAGE = "en"
DOUBLE_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
_CLOSING = re.escape(DOUBLE_QUOTES) + r"'\u2019)\]"
_OPENING_MARKS = DOUBLE_QUOTES + "'\u2018([{"
_BLANK_QUOTES = str.maketrans(dict.fromkeys(DOUBLE_QUOTES, " "))
# A bracketed aside that holds a sentence's end ("[He said: It was bad. We left.]"), whose brackets are blanked.
_ASIDE = re.compile(r"\[(?=[^\]]*[.?!][" + re.escape(DOUBLE_QUOTES) + r"'\u2019)]*\s)[^\]]*\]")
_BEHIND = 40  # characters before a start that the rules below look at

# What a sentence's first word may hide behind: a speaker marker, an insertion that starts lowercase, opening marks.
_LEAD = re.compile(
    r"(?:\(\([^()]*\)\)\s*:?|\[(?=[^\W\d_A-Z])[^\]]*\]|[\s" + re.escape(DOUBLE_QUOTES + "'\u2018") + r"]|\((?!\())*"
)
# After these a lowercase first word continues the sentence: "?", "!", an ellipsis, an initial's stop ("E. coli").
_OPEN_ENDED = re.compile(r"(?:[?!\u2026]|\.\.\.|(?<![^\W\d_])[^\W\d_]\.)[" + _CLOSING + r"]*\s+$")
# Titles missing from sentencex's abbreviations: they stand before a name and end no sentence.
_TITLE = re.compile(r"(?<![\w.])(?:Ms|Mmes|Cpt|Atty|Ald|Amb|Gens|Ft|Ste)\.\s+$")
_CLOCK_TIME_END = re.compile(r"\b[ap]\.m\.\s*$", re.IGNORECASE)
_TIME_ZONE = re.compile(r"(?:[A-Z]{1,4}T|UTC)\b")

# Words sentencex takes for abbreviations ("No." for number, "Me."/"Ill." for states) ending a sentence.
_WORD_BEFORE_SENTENCE = re.compile(
    r"(?<![\w.])(?:[Nn]o|me|ill)\.\s+(?=[^\W\d_]|[" + re.escape(_OPENING_MARKS) + r"][^\W\d_])"
)
_BEFORE_SPEAKER_MARKER = re.compile(r"[.?!\u2026\u0964][" + _CLOSING + r"]*\s+(?=\(\()")
_AFTER_BRACKETED_STOP = re.compile(r"\[[.?!]\][" + re.escape(DOUBLE_QUOTES) + r"'\u2019]*\s+(?=[A-Z])")
_AFTER_GLUED_OMISSION = re.compile(r"(?<=[\w,;])\s?\[(?:\.{2,}|\u2026)\]\s+(?=[A-Z])")
# after a caption's full stop (glued: "a facemask.Image:", "in May 2020.Image:") or a space
_BEFORE_PHOTO_CREDIT = re.compile(rf"(?:(?<=[^\W_]\.)|(?<=\s))(?=(?:{'|'.join(CREDIT_WORDS)}): )")
_MISSED = (
    _WORD_BEFORE_SENTENCE,
    _BEFORE_SPEAKER_MARKER,
    _AFTER_BRACKETED_STOP,
    _AFTER_GLUED_OMISSION,
    _BEFORE_PHOTO_CREDIT,
)


def sentencex_starts(text: str) -> list[int]:
    """Where sentencex alone starts sentences (after their leading whitespace): the splitter without these rules."""
    starts: list[int] = []
    position = 0
    for piece in sentencex.segment(LANGUAGE, text):
        if piece.strip():
            starts.append(position + len(piece) - len(piece.lstrip()))
        position += len(piece)
    return starts


def _without_marks(text: str) -> str:
    """``text`` with double quotation marks and the brackets of asides blanked out, offsets unchanged."""
    blanked = text.translate(_BLANK_QUOTES)
    return _ASIDE.sub(lambda aside: f" {aside[0][1:-1]} ", blanked)


def _with_opening_marks(text: str, start: int) -> int:
    """``start`` moved back over the quotation marks and brackets that open its sentence."""
    position = start
    while position > 0 and text[position - 1] in _OPENING_MARKS:
        position -= 1
    if position == start or (position > 0 and not text[position - 1].isspace()):
        return start  # the marks close the sentence before (`win."Then`): the sentence starts at its word
    return position


def _continues(text: str, start: int) -> bool:
    """Whether a sentence sentencex starts at ``start`` is rather the continuation of the one before it."""
    if not text[start - 1].isspace():
        return True
    first = _LEAD.match(text, start).end()
    before = text[max(0, start - _BEHIND) : start]
    if first < len(text) and text[first].islower() and _OPEN_ENDED.search(before):
        return True
    if _TITLE.search(before):
        return True
    return bool(_CLOCK_TIME_END.search(before) and _TIME_ZONE.match(text, first))


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of a paragraph start, each after its leading whitespace, in order."""
    found = sentencex_starts(_without_marks(text))
    if not found:
        return []
    first = _with_opening_marks(text, found[0])
    starts = {start for start in (_with_opening_marks(text, s) for s in found[1:]) if not _continues(text, start)}
    starts |= {match.end() for pattern in _MISSED for match in pattern.finditer(text)}
    return [first, *sorted(start for start in starts if first < start < len(text))]
