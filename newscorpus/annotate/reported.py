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
from newscorpus.annotate.mentions import PREPOSITIONS, Mention, MentionFinder
from newscorpus.annotate.speakers import source_phrase, speaker_after, speaker_before

_END_PUNCTUATION = frozenset({".", "!", "?", ";", ",", ":"})
MIN_CONTENT_TOKENS = 3
MAX_FRAME_TOKENS = 10
MAX_BARE_TOKENS = 3


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
        elif article.token(index - 1) == "," or _ends_sentence(article, phrase_end, tokens.stop):
            # "..., according to X." and, without the comma, "CLAUSE according to X."
            content = _trimmed(article, clause_start, index - (article.token(index - 1) == ","))
        else:
            content = None
        if content is not None:
            found.append(Reported(content, (index, cue_end), source))
    return found


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
    """'CLAUSE, X said.': a short frame of subject and verb of saying closing the sentence."""
    stop = tokens.stop
    while stop > tokens.start and article.token(stop - 1) in _END_PUNCTUATION:
        stop -= 1
    comma = next((i for i in range(stop - 1, tokens.start, -1) if article.token(i) == ","), None)
    if comma is None or stop - comma - 1 > MAX_FRAME_TOKENS:
        return []
    for index in range(comma + 1, stop):
        trusted = cues.cue_at(article, index, indirect=True)
        # A verb closing the sentence after its subject may be any verb of saying: ", the motion reads."
        closing = cues.phrase_at(article, index, cues.reporting | cues.quoted)
        if trusted is None and closing != stop:
            continue
        if trusted is None and any(finder.word(i) in PREPOSITIONS for i in range(comma + 1, index)):
            return []  # ", a private army of the state.": "state" is a noun here, not the frame's verb
        cue_end = trusted or stop
        if cue_end == stop:
            source = speaker_before(finder, comma + 1, index, finder.subject(comma + 1, index, verb=index))
        else:  # inverted: ", said the spokesman."; after a participle or "told" the name is the addressee
            words = cues.words(index, cue_end, article)
            if words in cues.addressed or words[-1].endswith("ing"):
                return []
            source = finder.after(cue_end, stop) or speaker_after(finder, cue_end, stop)
            if source is not None and source.end != stop:
                return []
        content = _trimmed(article, tokens.start, comma)
        if source is None or content is None:
            return []
        return [Reported(content, (index, cue_end), source)]
    return []
