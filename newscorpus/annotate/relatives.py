"""Relative clauses of speakers: who "who" stands for, and where a restrictive relative clause ends.

"police, who said ..." (set off by commas) and "Belarus leader who claims to
have won ... said ..." (restrictive, no comma) both report for the noun
before "who" (guidelines 4.3: "the relative pronoun "who" is not a mention").
A restrictive clause sits inside its main clause, so what it reports ends
where the main clause's verb comes back: at a cue that has no subject of its
own ("... on Sunday [said] he needed ...") or at a second finite verb with
nothing between to be its subject ("Officials who said the dam was safe
[were] fired"). That verb's subject is the same noun.

A relative clause set off by commas inside a reported clause's subject
("said the road itself, which is straight there, will reopen") is part of
the content; one after the clause's verb describes, and the content ends
before it (guidelines 4.3).
"""

from __future__ import annotations

from collections.abc import Callable

from newscorpus.annotate.article import Article
from newscorpus.annotate.mentions import (
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    REFERENTIAL_LABELS,
    SUBJECT_PRONOUNS,
    Mention,
    MentionFinder,
)

MAX_ANTECEDENT_TOKENS = 4
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may"})
_FINITE |= {"might", "should", "must", "did", "does", "do"}
# Words that may stand right before a verb of the reported clause itself: its subject, a conjunction, a verb.
_CLAUSE_INNER = SUBJECT_PRONOUNS | AUXILIARIES | {"you", "there", "that", "who", "which", "and", "or", "but", "not"}
_CLAUSE_INNER |= {"to", ",", ";", ":", "\u2014", "\u2013"}


def antecedent(finder: MentionFinder, clause_start: int, relative: int) -> Mention | None:
    """What "who" refers to: the name or short noun phrase ending at token ``relative`` (the comma or "who")."""
    names = [m for m in finder.names() if m.end == relative and m.first >= clause_start]
    if names:
        return names[-1]
    first = relative
    while first > clause_start and relative - first < MAX_ANTECEDENT_TOKENS and finder.word(first - 1).isalpha():
        if finder.word(first - 1) in PREPOSITIONS:
            break
        first -= 1
        if finder.word(first) in DETERMINERS:
            break
    if first == relative:
        return None
    if finder.word(relative) == "who" and not _noun_phrase(finder, first, relative):
        return None  # "It is unclear who said ...", "asked who said": an indirect question, not a relative clause
    return Mention(first, relative, "nominal")


def _noun_phrase(finder: MentionFinder, first: int, end: int) -> bool:
    """Whether tokens [first, end) can be a noun phrase: no verb, auxiliary or pronoun among them."""
    words = [finder.word(i) for i in range(first, end)]
    return not words[-1].endswith("ed") and not any(w in AUXILIARIES or w in SUBJECT_PRONOUNS for w in words)


def restrictive_relative(finder: MentionFinder, clause_start: int, cue: int) -> bool:
    """Whether the cue at ``cue`` is the verb of a restrictive "who" clause: "who" right before it, no comma before."""
    return cue - 2 >= clause_start and finder.word(cue - 1) == "who" and finder.word(cue - 2).isalpha()


def main_verb_cut(finder: MentionFinder, first: int, last: int, is_cue: Callable[[int], bool]) -> int:
    """End of the content of a restrictive relative's cue, before the main clause's verb (see the module docstring)."""
    finite_seen = False
    for index in range(first + 1, last):
        word, before = finder.word(index), finder.word(index - 1)
        subject_before = before in _CLAUSE_INNER or _name_ends_at(finder, index)
        if word in _FINITE and not subject_before and finite_seen:
            return index
        if is_cue(index) and finder.article.token(index).islower() and not subject_before:
            return index
        finite_seen = finite_seen or word in _FINITE
        if word in {",", ";", ":"}:
            finite_seen = False
    return last


def relative_inside_subject(article: Article, first: int, comma: int, stop: int) -> bool:
    """Whether ", which/who ...," at ``comma`` sits inside the subject of a clause starting at ``first``.

    It does when no finite verb comes before it in the clause and one comes right after its closing comma.
    """

    def word(index: int) -> str:
        return article.token(index).lower()

    if any(word(i) in _FINITE for i in range(first, comma)):
        return False
    closing = next((i for i in range(comma + 2, stop - 1) if word(i) in {",", ";", ":"}), None)
    return closing is not None and word(closing) == "," and word(closing + 1) in _FINITE


def _name_ends_at(finder: MentionFinder, end: int) -> bool:
    """Whether a name that can be a subject (not a date: "on Sunday said") ends right before token ``end``."""
    return any(m.end == end and m.label in REFERENTIAL_LABELS for m in finder.names())
