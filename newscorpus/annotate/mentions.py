"""Mentions without a parser: names (from the entity layer), pronouns, and short nominal phrases.

Quotation sources and coreference both need "who is the subject here": the
first name, pronoun or determiner phrase of a clause, skipping an opening
prepositional phrase ("In a gesture towards Russia, Belarus ...") and
anything inside a later one ("The Kremlin in its account of the exchange
between Putin and Lukashenko said" -> the Kremlin). Spans are token ranges
of the article, so every mention lies on token boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newscorpus.annotate.article import Article
from newscorpus.annotate.words import word_list

# Pronoun -> the kind of referent it takes.
PRONOUNS = {"he": "person", "him": "person", "she": "person", "her": "person", "it": "thing"}
PRONOUNS |= {"they": "group", "them": "group"}
POSSESSIVES = {"his": "person", "her": "person", "its": "thing", "their": "group"}
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
DETERMINERS = word_list("determiners")
PREPOSITIONS = word_list("prepositions")
AUXILIARIES = word_list("auxiliaries")
CLAUSE_OPENERS = word_list("clause_openers")
_STOPS = PREPOSITIONS | AUXILIARIES | {"who", "which", "that", "whose", ",", ";", ":", "(", ")", "-", "\u2014"}
REFERENTIAL_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
MAX_NOMINAL_TOKENS = 6


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention as a token range [first, end) with its kind and, for names, the entity label."""

    first: int
    end: int
    kind: str  # name, nominal, pronoun, possessive
    label: str | None = None


class MentionFinder:
    """Mention lookups over one article and its entities (given as character spans with labels)."""

    def __init__(self, article: Article, entities: Iterable[tuple[int, int, str]]) -> None:
        self.article = article
        self._names: dict[int, Mention] = {}
        for start, end, label in entities:
            first, last = article.token_starting_at(start), article.token_ending_at(end)
            if first is not None and last is not None:
                self._names[first] = Mention(first, last + 1, "name", label)

    def word(self, index: int) -> str:
        return self.article.token(index).lower()

    def names(self) -> list[Mention]:
        """Name mentions of referential types (people, organisations, places, ...), in text order."""
        return [m for _, m in sorted(self._names.items()) if m.label in REFERENTIAL_LABELS]

    def name_at(self, index: int) -> Mention | None:
        mention = self._names.get(index)
        return mention if mention and mention.label in REFERENTIAL_LABELS else None

    def pronoun_at(self, index: int) -> Mention | None:
        """A personal or possessive pronoun at ``index`` ("her" is possessive before a word, else personal)."""
        word = self.word(index)
        if word == "her":
            following = self.word(index + 1) if index + 1 < len(self.article) else ""
            possessive = following.isalpha() and following not in _STOPS
            return Mention(index, index + 1, "possessive" if possessive else "pronoun")
        if word in POSSESSIVES:
            return Mention(index, index + 1, "possessive")
        if word in PRONOUNS or word in SUBJECT_PRONOUNS:
            return Mention(index, index + 1, "pronoun")
        return None

    def _skip_opening(self, first: int, stop: int) -> int:
        """Past an opening prepositional phrase or adverb and its comma: where the clause proper begins."""
        index = first
        while index < stop and self.word(index) in CLAUSE_OPENERS:
            index += 1
            if index < stop and self.word(index) == ",":
                index += 1
        if index < stop and self.word(index) in PREPOSITIONS | {"according", "as", "when", "while", "if"}:
            comma = next((i for i in range(index, stop) if self.word(i) == ","), None)
            if comma is not None:
                index = comma + 1
        return index

    def nominal_ending_before(self, first: int, verb: int) -> Mention | None:
        """A determiner phrase (or bare noun phrase) that starts at ``first`` and ends just before ``verb``.

        Auxiliaries and adverbs may stand between ("detainees have reported");
        nothing else may, so that only a phrase acting as the verb's subject
        is returned.
        """
        end = verb
        while end > first and self.word(end - 1) in AUXILIARIES:
            end -= 1
        if end <= first or end - first > MAX_NOMINAL_TOKENS:
            return None
        words = [self.word(i) for i in range(first, end)]
        if any(w in _STOPS or not (w.isalnum() or "-" in w) for w in words[1:]) or words[-1] in DETERMINERS:
            return None
        if words[0] in PRONOUNS or words[0] in SUBJECT_PRONOUNS or words[0] in _STOPS:
            return None
        return Mention(first, end, "nominal")

    def subject(self, first: int, stop: int, verb: int | None = None) -> Mention | None:
        """The subject-like mention of the clause in tokens [first, stop), or None.

        Names and subject pronouns qualify where they are not inside a
        prepositional phrase; a nominal phrase qualifies only when it runs
        right up to ``verb`` (then nothing else can be the subject).
        """
        index = self._skip_opening(first, stop)
        if verb is not None and index < verb:
            nominal = self.nominal_ending_before(index, verb)
            if nominal is not None and self.name_at(index) is None and self.word(index) not in SUBJECT_PRONOUNS:
                return _with_name_if_whole(nominal, self)
        in_phrase = False
        position = index
        while position < stop:
            word = self.word(position)
            name = self._names.get(position)
            if name is not None and not in_phrase:
                if name.label in REFERENTIAL_LABELS:
                    return name
                position = name.end
                continue
            if word in SUBJECT_PRONOUNS and not in_phrase:
                return Mention(position, position + 1, "pronoun")
            if word in PREPOSITIONS:
                in_phrase = True
            elif word == "," or word in AUXILIARIES:
                in_phrase = False
            position += 1
        return None

    def after(self, first: int, stop: int) -> Mention | None:
        """The mention that follows a cue ("said Mayor Ana Ruiz", "said the spokesman", "according to him")."""
        index = first
        while index < stop and (self.article.token(index)[:1].isupper() and self.name_at(index) is None):
            index += 1  # titles before a name: "Mayor", "Prime Minister"
        if index >= stop:
            return None
        if self.word(index) == "the" and index + 1 < stop and self.name_at(index + 1) is not None:
            index += 1  # names carry no determiner: "according to the Central Bank" -> Central Bank
        name = self.name_at(index)
        if name is not None:
            return name
        pronoun = self.pronoun_at(index)
        if pronoun is not None and pronoun.kind == "pronoun":
            return pronoun
        if self.word(index) in DETERMINERS:
            end = index + 1
            while end < stop and end - index < MAX_NOMINAL_TOKENS and self.word(end) not in _STOPS:
                if not self.word(end).isalpha():
                    break
                end += 1
            if end > index + 1:
                return Mention(index, end, "nominal")
        return None


def _with_name_if_whole(nominal: Mention, finder: MentionFinder) -> Mention:
    """A "nominal" that is exactly one name ("the Kremlin" minus "the") is that name."""
    for index in range(nominal.first, nominal.end):
        name = finder.name_at(index)
        if (
            name is not None
            and name.end == nominal.end
            and all(finder.word(i) in DETERMINERS for i in range(nominal.first, index))
        ):
            return name
    return nominal
