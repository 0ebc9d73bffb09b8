"""Reports by verbs of accusing: the content is the accused and what they are accused of.

"the second article accused [him of obstruction of Congress]", "changed his
rhetoric to blame [protests on provocateurs ...]" (guidelines 4.3: the
content of "blame" is its object and the blamed party). The verb must be
followed by a short object and then its own preposition (``accusing`` in
``cues.toml`` pairs them: "blamed ... on", "blamed ... for"); so "was accused
of fraud" (a passive with no agent) and "an accusation of fraud" (a noun)
are no reports. "charged ... with" is not a verb of accusing here: in news
it is mostly the legal act of police and prosecutors.
The source is the verb's subject, found as the other indirect rules find it.
"""

from __future__ import annotations

from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import CueLexicon
from newscorpus.annotate.indirect import clause_end, cue_source
from newscorpus.annotate.marks import holds_quote_mark
from newscorpus.annotate.mentions import AUXILIARIES, DETERMINERS, POSSESSIVES, PREPOSITIONS, MentionFinder
from newscorpus.annotate.reported import Reported

MAX_OBJECT_TOKENS = 5
MIN_ACCUSED_TOKENS = 1  # "of obstruction": at least one word after the preposition
# Before a finite verb or an infinitive there is a subject or "to"; these make the word a noun or a passive.
_NOT_BEFORE_VERB = DETERMINERS | POSSESSIVES.keys() | {"'s", "\u2019s", "of", "by", "is", "are", "was", "were"}
_NOT_BEFORE_VERB |= {"been", "being", "be", "get", "got", "gets"}
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "it", "himself", "herself", "themselves"})


def accusation_reports(
    article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range, found: list[Reported]
) -> list[Reported]:
    """Every accusation of the module docstring's shape in the sentence ``tokens``."""
    verbs: dict[str, set[str]] = {phrase[0]: set() for phrase in cues.accusing}
    for phrase in cues.accusing:
        verbs[phrase[0]].add(phrase[-1])
    reports: list[Reported] = []
    for index in range(tokens.start + 1, tokens.stop - 2):
        word = finder.word(index)
        if word not in verbs or not article.token(index).islower() or finder.word(index - 1) in _NOT_BEFORE_VERB:
            continue
        if word.endswith("ing") and finder.word(index - 1) != ",":
            continue  # "would consider charging the gunman with ...": a gerund, not ", accusing him of ..."
        preposition = _preposition_after_object(finder, index + 1, tokens.stop, verbs[word])
        if preposition is None:
            continue
        content = (index + 1, _accused_end(article, cues, finder, preposition + 1, tokens.stop))
        if content[1] - preposition - 1 < MIN_ACCUSED_TOKENS or holds_quote_mark(article, *content):
            continue
        holders = [r for r in found if r.content[0] <= index < r.content[1]]
        clause_start = holders[-1].content[0] if holders else tokens.start
        source = cue_source(finder, cues, clause_start, index, found + reports)
        if source is not None:
            reports.append(Reported(content, (index, index + 1), source))
    return reports


def _accused_end(article: Article, cues: CueLexicon, finder: MentionFinder, first: int, stop: int) -> int:
    """End of what is accused: the phrase after the preposition, up to a comma or a coordinated verb ("and would")."""
    last = clause_end(article, cues, first, stop, comma_ends=True)
    for index in range(first + 1, last - 1):
        if finder.word(index) in {"and", "but", "or"} and finder.word(index + 1) in AUXILIARIES:
            return index
    return last


def _preposition_after_object(finder: MentionFinder, first: int, stop: int, prepositions: set[str]) -> int | None:
    """The token of the verb's own preposition after a short object ("Trump", "him", "the protesters"), or None."""
    name = finder.name_at(first)
    if name is not None:
        end = name.end
    elif finder.word(first) in _OBJECT_PRONOUNS:
        end = first + 1
    else:
        end = first
        while end < stop and end - first < MAX_OBJECT_TOKENS and finder.word(end) not in prepositions:
            word = finder.word(end)
            if not word.isalpha() or (word in PREPOSITIONS and word != "of"):
                return None
            end += 1
    if end == first or end >= stop or finder.word(end) not in prepositions:
        return None
    return end
