"""Temporal expressions (TIMEX3 type and value), resolved against the publication date.

Rules over the text cover what news prose uses most: weekdays, calendar
dates, months, years and decades, deictic words ("today", "last week"),
counted periods ("the past 26 years", "three days ago"), clock times, sets
("every year") and vague references ("soon", "recently"). Extents follow the
guidelines: prepositions stay outside, determiners and modifiers ("the past")
inside. A value that needs the publication date is null when the record has
none, rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from newscorpus.annotate.article import Article
from newscorpus.annotate.timex_anchors import ANCHORED_RULES, Timex, anchor_values
from newscorpus.annotate.timex_extents import widened
from newscorpus.annotate.timex_fractions import fraction_timexes
from newscorpus.annotate.timex_rules import MONTHS, RULES, VAGUE_VALUES, WEEKDAYS, RuleContext
from newscorpus.annotate.timex_speech import speech_of, spoken_values
from newscorpus.annotate.timex_tense import week_in_past
from newscorpus.annotate.timex_vague import indefinite_timexes

__all__ = ["MONTHS", "WEEKDAYS", "Timex", "find_timexes", "timex_layer_items"]

_VAGUE_PATTERN = re.compile(
    r"\b(?:right )?(?P<word>now|currently|recently|soon|presently|nowadays|the future)\b(?<!as soon)(?! as\b)", re.I
)


def _candidates(article: Article) -> Iterator[Timex]:
    text = article.text
    # Anchored and indefinite expressions first: where one ties in length with another reading ("the
    # next day", "one day" as a period), it wins.
    yield from indefinite_timexes(article)
    yield from fraction_timexes(article)
    for anchored_pattern, anchored in ANCHORED_RULES:
        for match in anchored_pattern.finditer(text):
            start, end = match.span()
            found = anchored(match) if article.on_token_boundaries(start, end) else None
            if found is not None:
                yield Timex(start, end, found[0], found[2], anchor=found[1])
    for pattern, resolve in RULES:
        for match in pattern.finditer(text):
            # A rule may match context it needs (a preposition) around the expression itself.
            start, end = match.span("extent" if "extent" in pattern.groupindex else 0)
            if not article.on_token_boundaries(start, end):
                continue
            resolved = resolve(RuleContext(article, match))
            if resolved is not None:
                yield Timex(start, end, resolved[0], resolved[1])
    for match in _VAGUE_PATTERN.finditer(text):
        start, end = match.span()
        if (
            article.on_token_boundaries(start, end)
            and _stands_alone(text, start, end)
            and not _discourse_now(article, match)
        ):
            yield Timex(start, end, "DATE", VAGUE_VALUES[match["word"].lower()], vague=True)


def _discourse_now(article: Article, match: re.Match[str]) -> bool:
    """ "now that" (a connective) and a sentence-opening "Now," or "Now it ..." (a discourse marker): no timex."""
    if match["word"].lower() != "now":
        return False
    if article.text.startswith(" that", match.end()):
        return True
    index = article.token_starting_at(match.start())
    return match["word"] == "Now" and index is not None and article.is_sentence_start(index)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Not glued to a hyphen ("now-defunct"), which makes the word part of a modifier."""
    return not (text[end : end + 1] == "-" or text[start - 1 : start] == "-")


def find_timexes(article: Article) -> list[Timex]:
    """Every temporal expression of the article, longest first where two overlap, in text order."""
    chosen: list[Timex] = []
    taken: set[int] = set()
    for timex in sorted(_candidates(article), key=lambda t: (-(t.end - t.start), t.start)):
        if article.role_at(timex.start) == "credit":
            continue
        if taken.isdisjoint(range(timex.start, timex.end)):
            chosen.append(timex)
            taken.update(range(timex.start, timex.end))
    speech = speech_of(article)
    timexes = spoken_values(article, speech, widened(article, sorted(chosen, key=lambda t: t.start)))
    timexes = [
        t
        if t.value is None or speech.in_quotation(t.start) or speech.in_turn(t.start)
        else replace(t, value=week_in_past(article, t.start, t.end, t.value))
        for t in timexes
    ]
    return anchor_values(article, timexes, speech.in_turn)


def timex_layer_items(timexes: list[Timex], text: str) -> list[dict[str, object]]:
    """The record's timex items (ids t1, t2, ... in text order)."""
    return [
        {
            "id": f"t{index}",
            "start": t.start,
            "end": t.end,
            "text": text[t.start : t.end],
            "type": t.type,
            "value": t.value,
        }
        for index, t in enumerate(timexes, start=1)
    ]
