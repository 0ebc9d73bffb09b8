"""Reports in the passive voice: the source is the agent after "by", never the subject before the verb.

The active rules leave a passive cue alone ("I have been told not to ..."
has no source before the verb). When the agent is named ("by X"), the
passive is a report all the same, in two shapes:

* the **subject is what was said**: "The charge was denied by [X]" reports
  "[The charge]", as "X denied the charge" would (guidelines 4.2). Only the
  verbs of ``passive`` in ``cues.toml`` take a message as their subject;
  "The bill was passed by the Senate" is no report;
* the **clause after the agent is what was said**: "Reporters were told by
  [X] that [...]", "It was announced by X that [...]"; then the subject is
  the addressee or a dummy "it", and any cue of saying will do.
"""

from __future__ import annotations

from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import CueLexicon
from newscorpus.annotate.indirect import clause_end
from newscorpus.annotate.marks import holds_quote_mark
from newscorpus.annotate.mentions import AUXILIARIES, SUBJECT_PRONOUNS, Mention, MentionFinder
from newscorpus.annotate.reported import Reported
from newscorpus.annotate.speakers import source_phrase, speaker_after

MIN_SUBJECT_TOKENS = 2  # "The charge": a pronoun alone ("It was denied by ...") says nothing of what was said
MIN_CLAUSE_TOKENS = 3
MAX_SUBJECT_TOKENS = 12
_BE = frozenset({"is", "are", "was", "were", "been", "being", "be"})
# Where a passive's subject starts: after punctuation, a subordinator or a coordinator.
_SUBJECT_BOUNDARIES = frozenset({",", ";", ":", "(", ")", "\u2014", "\u2013", "and", "but", "that", "after", "before"})
_SUBJECT_BOUNDARIES |= {"because", "since", "while", "when", "although", "though", "if", "as", "who", "which"}
_QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"})


def passive_reports(article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range) -> list[Reported]:
    """Every passive report with a named agent in the sentence ``tokens`` (the two shapes of the module docstring)."""
    found: list[Reported] = []
    for index in range(tokens.start + 1, tokens.stop - 2):
        if finder.word(index + 1) != "by" or not article.token(index)[:1].islower() or not _after_be(finder, index):
            continue
        cue = (index, index + 1)
        said = cues.words(*cue, article) in cues.passive
        if not (said or cues.phrase_at(article, index, cues.quoted) == index + 1):
            continue
        agent = finder.after(index + 2, tokens.stop) or speaker_after(finder, index + 2, tokens.stop)
        if agent is None or (agent.first != index + 2 and finder.word(index + 2) != "the"):
            continue  # "was denied by a court in May": the agent follows "by" at once
        source, that = _agent(finder, agent, tokens.stop)
        if that is not None:
            first = that + 1
            content = (first, clause_end(article, cues, first, tokens.stop))
            shortest = MIN_CLAUSE_TOKENS
        elif said:
            content = (_subject_start(finder, tokens.start, index), _auxiliaries_start(finder, tokens.start, index))
            shortest = MIN_SUBJECT_TOKENS
        else:
            continue
        enough = content[1] - content[0] >= shortest and finder.word(content[0]) not in SUBJECT_PRONOUNS
        # A subject holding a verb is no noun phrase: "The excerpts, which are only ... words were reported by".
        enough = enough and (that is not None or not any(finder.word(i) in _BE for i in range(*content)))
        if enough and not holds_quote_mark(article, *content):
            found.append(Reported(content, cue, source))
    return found


def _after_be(finder: MentionFinder, index: int) -> bool:
    """Whether the participle at ``index`` follows a form of "be", adverbs allowed between ("was strongly denied")."""
    before = index - 1
    while before > 0 and finder.word(before).endswith("ly") and finder.word(before) not in _BE:
        before -= 1
    return finder.word(before) in _BE


def _agent(finder: MentionFinder, agent: Mention, stop: int) -> tuple[Mention, int | None]:
    """The agent's speaker, and the "that" opening the clause said after it, if one follows the agent's phrase.

    "by Irma Tchkadua, Basilashvili's lawyer, that ..." opens its clause past the apposition.
    """
    source, phrase_end = source_phrase(finder, agent, stop)
    for that in (agent.end, phrase_end + 1 if phrase_end < stop and finder.word(phrase_end) == "," else phrase_end):
        if that < stop and finder.word(that) == "that":
            return source, that
    return source, None


def _auxiliaries_start(finder: MentionFinder, start: int, index: int) -> int:
    """First token of the verb group ending at the participle ("has been", "was later", "were")."""
    first = index
    while first > start and (finder.word(first - 1) in AUXILIARIES | _BE or finder.word(first - 1).endswith("ly")):
        first -= 1
    return first


def _subject_start(finder: MentionFinder, start: int, index: int) -> int:
    """First token of the passive's subject: back from the verb group to a boundary, at most a few words."""
    verb_group = _auxiliaries_start(finder, start, index)
    first = verb_group
    while first > start and verb_group - first < MAX_SUBJECT_TOKENS:
        word = finder.word(first - 1)
        if word in _SUBJECT_BOUNDARIES or finder.article.token(first - 1) in _QUOTE_MARKS:
            break
        first -= 1
    return first if verb_group - first < MAX_SUBJECT_TOKENS or first == start else verb_group
