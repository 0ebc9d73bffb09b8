"""Attributions nested inside a quotation (guidelines 7.14): the speaker's own "I think ...", a quote inside a quote.

Quoted passages are one sentence to the sentencizer however many they hold,
so they are cut into sentences first (after ".", "!" or "?" before a
capital); each is then searched as ``indirect`` searches a sentence.
"""

from __future__ import annotations

from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import CueLexicon
from newscorpus.annotate.indirect import cue_source, find_indirect
from newscorpus.annotate.mentions import MentionFinder
from newscorpus.annotate.reported import Reported


def nested_in_quote(article: Article, finder: MentionFinder, cues: CueLexicon, inner: range) -> list[Reported]:
    """Reported clauses inside a quotation's tokens ``inner`` (marks excluded), sentence by sentence."""
    found: list[Reported] = []
    sentence = article.sentence_of(article.token_starts[inner.start]) if inner else 0
    while inner and sentence < len(article.sentence_starts):
        tokens = article.sentence_tokens(sentence)
        if tokens.start >= inner.stop:
            break
        part = range(max(tokens.start, inner.start), min(tokens.stop, inner.stop))
        for piece in quoted_sentences(article, part):
            found += find_indirect(article, finder, cues, piece)
        sentence += 1
    return found


def quoted_in_quote(
    article: Article, finder: MentionFinder, cues: CueLexicon, inner: range, opening: int, closing: int
) -> Reported | None:
    """A quote inside a quote framed by a cue before it ("Many people would ask me, 'Is it true?'"), or None.

    The content is the inner quote, marks included; the source is the cue's
    subject within the outer quote's sentence.
    """
    pieces = [p for p in quoted_sentences(article, range(inner.start, opening)) if p]
    if not pieces:
        return None
    piece = pieces[-1]
    stop = opening
    while stop > piece.start and finder.word(stop - 1) in {",", ":"}:
        stop -= 1
    for index in range(stop - 1, piece.start - 1, -1):
        end = cues.cue_at(article, index) or cues.phrase_at(article, index, cues.reporting)
        if end is None or index == piece.start:
            continue
        if end == stop or ((words := cues.words(index, end, article)) and words in cues.addressed and end + 1 >= stop):
            source = cue_source(finder, cues, piece.start, index, [])
            return Reported((opening, closing + 1), (index, end), source) if source else None
    return None


def quoted_sentences(article: Article, part: range) -> list[range]:
    """``part`` cut after each ".", "!" or "?" that a capitalised word follows (the sentencizer keeps quotes whole)."""
    pieces, first = [], part.start
    for index in range(part.start, part.stop - 1):
        if article.token(index) in {".", "!", "?"} and article.token(index + 1)[:1].isupper():
            pieces.append(range(first, index + 1))
            first = index + 1
    return [*pieces, range(first, part.stop)]
