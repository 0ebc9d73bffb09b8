"""Reported speech without quotation marks: "according to X" and a clause reported by a verb of saying.

Found per sentence that holds no quotation mark, as (content, cue, source)
token spans; the quotation annotator types them ``indirect``:

* "According to X, CLAUSE." and "CLAUSE, according to X." (guidelines 7.9):
  the cue is the phrase ``according to``, the source the mention after it,
  the content the clause on the other side of the comma;
* "CLAUSE, X said." (the reporting frame after the clause): the content is
  the clause before the comma.
"""

from __future__ import annotations

from dataclasses import dataclass

from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import CueLexicon
from newscorpus.annotate.marks import holds_quote_mark
from newscorpus.annotate.mentions import PREPOSITIONS, Mention, MentionFinder
from newscorpus.annotate.speakers import source_phrase, speaker_after, speaker_before

_END_PUNCTUATION = frozenset({".", "!", "?", ";", ",", ":"})
MIN_CONTENT_TOKENS = 3
MAX_FRAME_TOKENS = 10
MAX_BARE_TOKENS = 3
_DASHES = frozenset({"\u2014", "\u2013"})
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"})
_TIME_WORDS |= {"today", "tonight", "earlier", "later", "week", "weekend", "month", "morning", "evening", "night"}
# Words after which a phrase must go on ("including", "about", "than"), besides prepositions and -ly adverbs.
_DANGLING = frozenset({"including", "about", "than", "some", "nearly", "almost", "around", "over", "and", "or"})


@dataclass(frozen=True, slots=True)
class Reported:
    """Token ranges [first, end) of a reported clause, its cue, and its source mention."""

    content: tuple[int, int]
    cue: tuple[int, int]
    source: Mention


def _trimmed(article: Article, first: int, stop: int) -> tuple[int, int] | None:
    """[first, stop) without the punctuation around it, if enough words are left to be a claim."""
    while first < stop and article.token(first) in _END_PUNCTUATION:
        first += 1
    while stop > first and article.token(stop - 1) in _END_PUNCTUATION:
        stop -= 1
    return (first, stop) if stop - first >= MIN_CONTENT_TOKENS else None


def according_to(article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range) -> list[Reported]:
    """'According to X, ...' and '..., according to X.' in the sentence of ``tokens``."""
    found = []
    for index in tokens:
        if not cues.source_follows_at(article, index):
            continue
        cue_end = cues.cue_at(article, index)
        assert cue_end is not None
        source = finder.after(cue_end, tokens.stop) or speaker_after(finder, cue_end, tokens.stop)
        source = source or _bare_noun_phrase(finder, cue_end, tokens.stop)
        if source is None:
            continue
        source, phrase_end = source_phrase(finder, source, tokens.stop)
        # A clause of its own starts the sentence or follows a semicolon: "...; according to X, ..."
        clause_start = max([tokens.start, *(i + 1 for i in range(tokens.start, index) if article.token(i) == ";")])
        if index == clause_start:
            comma = next((i for i in range(phrase_end, tokens.stop) if article.token(i) == ","), None)
            content = _trimmed(article, comma + 1, tokens.stop) if comma is not None else None
        elif _interrupts_phrase(finder, index, phrase_end, tokens.stop):
            # "killed 62, including, according to reports, 54 children": the phrase it interrupts goes on after it.
            content = _trimmed(article, phrase_end + 1, tokens.stop)
        elif article.token(index - 1) == "," or _ends_sentence(article, phrase_end, tokens.stop):
            # "..., according to X." and, without the comma, "CLAUSE according to X."
            content = _trimmed(article, clause_start, index - (article.token(index - 1) == ","))
        else:
            content = None
        if content is not None:
            found.append(Reported(content, (index, cue_end), source))
    return found


def _interrupts_phrase(finder: MentionFinder, cue: int, phrase_end: int, stop: int) -> bool:
    """Whether ", according to X," stands inside a phrase: after a word that cannot end one, before its rest."""
    if cue < 2 or finder.word(cue - 1) != "," or phrase_end + 1 >= stop or finder.word(phrase_end) != ",":
        return False
    before = finder.word(cue - 2)
    return before in PREPOSITIONS | _DANGLING or (before.endswith("ly") and before.isalpha())


def _ends_sentence(article: Article, end: int, stop: int) -> bool:
    return all(article.token(i) in _END_PUNCTUATION for i in range(end, stop))


def _bare_noun_phrase(finder: MentionFinder, first: int, stop: int) -> Mention | None:
    """A source without determiner after "according to": "investigators", "government reports"."""
    end = first
    while end < stop and end - first < MAX_BARE_TOKENS and finder.word(end).isalpha():
        if not finder.article.token(end).islower() or finder.word(end) in PREPOSITIONS:
            break
        end += 1
    return Mention(first, end, "nominal") if end > first else None


def frame_after(article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range) -> list[Reported]:
    """'CLAUSE, X said.': a short frame of subject and verb of saying after the clause, closing the sentence.

    The frame may also close the clause before a dash or ", with ..." that
    adds the reporter's own words ("..., they said Sunday — murder carrying
    ...", "..., reported officials, with 25 others injured"), and may end in a
    time ("said Sunday", "said on Monday").
    """
    stop = tokens.stop
    while stop > tokens.start and article.token(stop - 1) in _END_PUNCTUATION:
        stop -= 1
    ends = [stop]
    for index in range(tokens.start + 1, stop):
        word = finder.word(index)
        if word in _DASHES or (word == "," and index + 1 < stop and finder.word(index + 1) == "with"):
            ends.append(index)
    for end in ends:
        found = _frame_ending_at(article, finder, cues, tokens.start, end)
        if found is not None:
            return [found]
    return []


def _frame_ending_at(
    article: Article, finder: MentionFinder, cues: CueLexicon, start: int, frame_end: int
) -> Reported | None:
    """The report whose frame (", X said") ends at token ``frame_end``, or None."""
    comma = next((i for i in range(frame_end - 1, start, -1) if article.token(i) == ","), None)
    if comma is None or frame_end - comma - 1 > MAX_FRAME_TOKENS:
        return None
    stop = _before_time(finder, comma + 1, frame_end)
    for index in range(comma + 1, stop):
        trusted = cues.cue_at(article, index, indirect=True)
        if trusted is None and index == comma + 1:
            trusted = cues.cue_at(article, index)  # inverted, its source must follow: ", reported officials,"
        # A verb closing the sentence after its subject may be any verb of saying: ", the motion reads."
        closing = cues.phrase_at(article, index, cues.reporting | cues.quoted)
        if trusted is None and closing != stop:
            continue
        if trusted is None and any(finder.word(i) in PREPOSITIONS for i in range(comma + 1, index)):
            return None  # ", a private army of the state.": "state" is a noun here, not the frame's verb
        cue_end = trusted or stop
        if cue_end == stop:
            source = speaker_before(finder, comma + 1, index, finder.subject(comma + 1, index, verb=index))
        else:  # inverted: ", said the spokesman."; after a participle or "told" the name is the addressee
            words = cues.words(index, cue_end, article)
            if words in cues.addressed or words[-1].endswith("ing") or index > comma + 1:
                return None  # "..., the Senate had not confirmed him.": a verb after its subject is not inverted
            source = finder.after(cue_end, stop) or speaker_after(finder, cue_end, stop)
            source = source or _bare_noun_phrase(finder, cue_end, stop)  # ", said officials."
            if source is not None and source.end != stop:
                return None
        content = _trimmed(article, start, comma)
        if source is None or content is None or holds_quote_mark(article, *content):
            return None  # a stray quotation mark: the passage is not the reporter's clause
        return Reported(content, (index, cue_end), source)
    return None


def _before_time(finder: MentionFinder, first: int, stop: int) -> int:
    """``stop`` moved before a time closing the frame: "said Sunday", "said on Monday", "said last week"."""
    end = stop
    if end - 1 > first and finder.word(end - 1) in _TIME_WORDS:
        end -= 1
        if end - 1 > first and finder.word(end - 1) in {"on", "last", "this", "early", "late"}:
            end -= 1
    return end
