"""Coreference clusters from name aliases, appositions and pronoun resolution.

* Names: a person's full name, surname and possessive ("Alexander
  Lukashenko", "Lukashenko", "Lukashenko's") share a cluster; other names
  cluster by their words, and an acronym joins the name it abbreviates.
* Appositions: "his Belarusian counterpart Alexander Lukashenko" and
  "Wagner, a shadowy private army" put the description in the name's cluster.
* Pronouns: he/him/his/she/her go to the last person named; a sentence-initial
  "It" to the subject of the sentence before ("It said ..." after "The
  Kremlin ... said"); "its" to the last organisation or place in its
  sentence; other "it" and "they" only when they are a quotation's source, so
  that every pronoun source is tied to who it stands for. Pronouns inside
  quotation marks speak from the speaker's point of view and are left out.

Clusters with a single mention are dropped (guidelines: no singletons).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newscorpus.annotate.article import Article
from newscorpus.annotate.mentions import DETERMINERS, Mention, MentionFinder
from newscorpus.annotate.shapes import TITLES

# A person pronoun looks back this many paragraphs (counting from the last mention of the person).
PERSON_WINDOW_PARAGRAPHS = 3
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
_APPOSITION_STOPS = frozenset({",", ".", ";", ":", "who", "which", "that", "whose", "and", "or", "but"})


class _Clusters:
    """Mentions grouped by a cluster number, each span at most once."""

    def __init__(self) -> None:
        self.cluster_of: dict[tuple[int, int], int] = {}
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.count = 0

    def new(self) -> int:
        self.count += 1
        return self.count - 1

    def add(self, mention: Mention, cluster: int) -> None:
        span = (mention.first, mention.end)
        if span not in self.cluster_of:
            self.cluster_of[span] = cluster
            self.mentions[span] = mention

    def of(self, mention: Mention) -> int | None:
        return self.cluster_of.get((mention.first, mention.end))

    def groups(self) -> list[list[Mention]]:
        """Clusters of two or more mentions, each in text order, ordered by their first mention."""
        by_cluster: dict[int, list[Mention]] = {}
        for span in sorted(self.cluster_of):
            by_cluster.setdefault(self.cluster_of[span], []).append(self.mentions[span])
        return sorted((g for g in by_cluster.values() if len(g) > 1), key=lambda g: (g[0].first, g[0].end))


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _cluster_names(finder: MentionFinder, clusters: _Clusters) -> None:
    """Full name <-> surname for people; same words or acronym for everything else."""
    article = finder.article
    latest_with_surname: dict[str, int] = {}
    by_key: dict[str, int] = {}
    for name in finder.names():
        words = [article.token(i) for i in range(name.first, name.end)]
        key = " ".join(words).lower()
        if name.label == "PERSON" and len(words) == 1 and words[0] in latest_with_surname:
            cluster = latest_with_surname[words[0]]
        elif key in by_key:
            cluster = by_key[key]
        elif len(words) == 1 and words[0].isupper() and words[0].lower() in by_key:
            cluster = by_key[words[0].lower()]  # the acronym of a name seen before
        else:
            cluster = clusters.new()
        clusters.add(name, cluster)
        by_key.setdefault(key, cluster)
        if len(words) > 1:
            by_key.setdefault(_initials(words).lower(), cluster)
        if name.label == "PERSON":
            latest_with_surname[words[-1]] = cluster


def _appositions(finder: MentionFinder, clusters: _Clusters) -> None:
    """Descriptions glued to a name: "his Belarusian counterpart Alexander Lukashenko", "Wagner, a ... army"."""
    article = finder.article
    for name in finder.names():
        cluster = clusters.of(name)
        if cluster is None:
            continue
        role = name.first - 1
        if role > 0 and finder.word(role) in TITLES and article.token(role).islower():
            start = role
            while start > max(0, role - 4) and finder.word(start - 1) not in DETERMINERS:
                previous = article.token(start - 1)
                if not (previous.isalpha() and (previous.islower() or previous[:1].isupper())):
                    break
                start -= 1
            if start > 0 and finder.word(start - 1) in DETERMINERS:
                clusters.add(Mention(start - 1, role + 1, "nominal"), cluster)
        after = name.end
        if after + 2 < len(article) and article.token(after) == "," and finder.word(after + 1) in {"a", "an", "the"}:
            end = after + 2
            while end < len(article) and end - after < 7 and _apposition_word(article.token(end)):
                end += 1
            if end > after + 2:
                clusters.add(Mention(after + 1, end, "nominal"), cluster)


def _apposition_word(token: str) -> bool:
    """Words of a short description: lowercase, not a clause boundary, adverb (-ly) or participle (-ed)."""
    lower = token.lower()
    return token.isalpha() and token.islower() and lower not in _APPOSITION_STOPS and not lower.endswith(("ly", "ed"))


class CorefAnnotator:
    """Clusters the mentions of an article; sources of quotations are always considered."""

    def annotate(self, finder: MentionFinder, sources: Iterable[Mention], quoted: set[int]) -> list[list[Mention]]:
        """Clusters (lists of mentions in text order) of two or more mentions."""
        clusters = _Clusters()
        _cluster_names(finder, clusters)
        _appositions(finder, clusters)
        source_list = sorted(set(sources), key=lambda m: (m.first, m.end))
        self._resolve_pronouns(finder, clusters, source_list, quoted)
        for source in source_list:
            if clusters.of(source) is None:
                clusters.add(source, clusters.new())
        return clusters.groups()

    def _resolve_pronouns(
        self, finder: MentionFinder, clusters: _Clusters, sources: list[Mention], quoted: set[int]
    ) -> None:
        """Add each pronoun outside quotation marks to its antecedent's cluster, in text order."""
        article = finder.article
        source_tokens = {m.first for m in sources if m.end - m.first == 1}
        people = {
            name.first: name
            for name in finder.names()
            if name.label == "PERSON" and article.role_at(article.token_starts[name.first]) == "body"
        }
        last_person: tuple[int, int] | None = None  # (cluster, paragraph) of the person last mentioned
        for index in range(len(article)):
            paragraph = article.paragraph_of(article.token_starts[index])
            person = clusters.of(people[index]) if index in people else None
            if person is not None:
                last_person = (person, paragraph)
            pronoun = finder.pronoun_at(index)
            if pronoun is None or index in quoted:
                continue
            if finder.word(index) in PERSON_PRONOUNS:
                in_view = last_person is not None and paragraph - last_person[1] < PERSON_WINDOW_PARAGRAPHS
                antecedent = last_person[0] if in_view and last_person else None
                if antecedent is not None:
                    last_person = (antecedent, paragraph)  # a chain of pronouns keeps the person in view
            else:
                antecedent = self._antecedent(finder, clusters, pronoun, index in source_tokens, sources)
            if antecedent is not None:
                clusters.add(pronoun, antecedent)

    def _antecedent(
        self,
        finder: MentionFinder,
        clusters: _Clusters,
        pronoun: Mention,
        is_source: bool,
        sources: list[Mention],
    ) -> int | None:
        article = finder.article
        word = finder.word(pronoun.first)
        if word in {"it", "its"}:
            if article.is_sentence_start(pronoun.first) and word == "it":
                return self._previous_subject(finder, clusters, pronoun.first)
            if word == "its" or is_source:
                sentence = article.sentence_tokens(article.sentence_of(article.token_starts[pronoun.first]))
                local = self._last_thing(finder, clusters, range(sentence.start, pronoun.first))
                return local if local is not None else self._previous_subject(finder, clusters, pronoun.first)
            return None
        if word in {"they", "them", "their"} and is_source:
            earlier = [s for s in sources if s.end <= pronoun.first and s.kind in {"nominal", "name"}]
            return clusters.of(earlier[-1]) if earlier else None
        return None

    @staticmethod
    def _last_thing(finder: MentionFinder, clusters: _Clusters, tokens: range) -> int | None:
        for name in reversed(finder.names()):
            if tokens.start <= name.first and name.end <= tokens.stop and name.label != "PERSON":
                return clusters.of(name)
        return None

    @staticmethod
    def _previous_subject(finder: MentionFinder, clusters: _Clusters, index: int) -> int | None:
        article = finder.article
        sentence = article.sentence_of(article.token_starts[index])
        if sentence == 0 or article.role_at(article.sentence_starts[sentence - 1]) != "body":
            return None  # a headline or credit is not the discourse a pronoun continues
        previous = article.sentence_tokens(sentence - 1)
        subject = finder.subject(previous.start, previous.stop)
        if subject is None or subject.label == "PERSON":
            return None
        if subject.kind == "pronoun" and finder.word(subject.first) != "it":
            return None  # "He said ... It ...": "It" is not the person
        return clusters.of(subject)


def coreference_layer_items(
    clusters: list[list[Mention]], article: Article, entity_ids: dict[tuple[int, int], str]
) -> list[dict[str, Any]]:
    """The record's cluster items: ids c1.., mention ids m1.. in cluster order, entity ids by equal span."""
    items = []
    number = 0
    for index, mentions in enumerate(clusters, start=1):
        rendered = []
        for mention in mentions:
            number += 1
            start, end = article.char_span(mention.first, mention.end - 1)
            rendered.append(
                {
                    "id": f"m{number}",
                    "start": start,
                    "end": end,
                    "text": article.text[start:end],
                    "kind": mention.kind,
                    "entity": entity_ids.get((start, end)),
                }
            )
        items.append({"id": f"c{index}", "mentions": rendered})
    return items
