"""Coreference clusters from name aliases, nominal mentions and pronoun resolution with agreement.

* Names: a person's full name, surname and possessive ("Alexander
  Lukashenko", "Lukashenko", "Lukashenko's") share a cluster; other names
  cluster by their words or as written variants of one name
  (``newscorpus.annotate.name_variants``: "US" ... "United States", "US
  Supreme Court" ... "Supreme Court"). An interview's speaker marker joins
  the speaker's name.
* Nominal mentions (``newscorpus.annotate.nominals``): descriptors and
  appositions of names, definite descriptions that fit a named cluster
  ("the company", "the prime minister"), chains of one head noun, and the
  headline's bare nouns (``newscorpus.annotate.headline_nouns``: "Gunman
  opens fire ..." ... "the gunman").
* Pronouns agree in number and gender (``newscorpus.annotate.gender``):
  he/him/his/himself and she/her/herself go to the most recent person
  (named, or a person noun such as "the driver") whose known gender does not
  conflict, so "she" never joins a cluster whose pronouns are "he"; a
  sentence-initial "It" to the subject of the sentence before ("It said ..."
  after "The Kremlin ... said"); "its" to the last organisation or place in
  its sentence; other "it" only when it is a quotation's source; "they" to
  a quotation's source or a plural or collective phrase of this or the
  previous sentence ("the astronomers", "the police"), bare plurals
  included (``newscorpus.annotate.bare_nouns``: "Prosecutors said ... they"). Inside quotation
  marks, "it" and "they" are left out (they speak from the speaker's point
  of view), while he/she are resolved as outside, "I", "me", "my" join the
  quotation's source (guidelines 7.14), "we", "us", "our" the organisation
  the source speaks for (``newscorpus.annotate.speaker_groups``) and, in an interview, "you" in the
  interviewer's turn (an organisation's, or a question) joins the
  interviewee who answers, or, when no answer follows, the person the
  narration named last (guidelines 7.2).

Clusters with a single mention are dropped (guidelines: no singletons).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newscorpus.annotate.article import Article
from newscorpus.annotate.bare_nouns import add_bare_group_nouns
from newscorpus.annotate.clusters import Clusters
from newscorpus.annotate.gender import pronoun_features
from newscorpus.annotate.headline_nouns import add_headline_nouns
from newscorpus.annotate.mentions import Mention, MentionFinder
from newscorpus.annotate.name_variants import same_name
from newscorpus.annotate.nominals import (
    NominalFinder,
    add_chains,
    add_definite_descriptions,
    add_descriptors,
    is_group_phrase,
    is_person_noun,
)
from newscorpus.annotate.speaker_groups import add_group_pronouns

# A person pronoun looks back this many paragraphs (counting from the last mention of the person).
PERSON_WINDOW_PARAGRAPHS = 3
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "herself"})
# A person noun is a pronoun's antecedent only when definite ("the driver ... he"); "a music teacher" rarely is.
DEFINITE_PERSON_DETERMINERS = frozenset({"the", "this", "his", "her", "their"})
# "they", "them", "their", "themselves" go to a group phrase of this or the previous sentence ("the police").
# Organisations are left out: tried on the development folds, "they" -> the last ORG or NORP cost precision.
GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
GROUP_WINDOW_SENTENCES = 1
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
FIRST_PERSON = {"i": "pronoun", "me": "pronoun", "myself": "pronoun", "my": "possessive", "mine": "possessive"}
SECOND_PERSON = {"you": "pronoun", "yourself": "pronoun", "your": "possessive"}
# A quotation: its content (character span), its source, and whether a cue frames it (interview turns have none).
Quotation = tuple[tuple[int, int], Mention, bool]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _cluster_names(finder: MentionFinder, clusters: Clusters, markers: Sequence[Mention]) -> None:
    """Full name <-> surname for people; same words or acronym for everything else; markers join their name."""
    article = finder.article
    latest_with_surname: dict[str, int] = {}
    by_key: dict[str, int] = {}
    seen: list[tuple[list[str], str | None, int]] = []  # words, label and cluster of each name so far
    names = {(m.first, m.end): m for m in finder.names()}
    for marker in markers:
        if not any(a < marker.end and marker.first < b for a, b in names):
            names[(marker.first, marker.end)] = marker
    for _, name in sorted(names.items()):
        words = [article.token(i) for i in range(name.first, name.end)]
        key = " ".join(words).lower()
        if name.label == "PERSON" and len(words) == 1 and words[0] in latest_with_surname:
            cluster = latest_with_surname[words[0]]
        elif key in by_key:
            cluster = by_key[key]
        elif len(words) == 1 and words[0].isupper() and words[0].lower() in by_key:
            cluster = by_key[words[0].lower()]  # the acronym of a name seen before
        else:
            cluster = _variant_of(words, name.label, seen)
            if cluster is None:
                cluster = clusters.new()
        clusters.add(name, cluster)
        seen.append((words, name.label, cluster))
        by_key.setdefault(key, cluster)
        if len(words) > 1:
            by_key.setdefault(_initials(words).lower(), cluster)
        if name.label == "PERSON":
            latest_with_surname[words[-1]] = cluster


def _variant_of(words: list[str], label: str | None, seen: list[tuple[list[str], str | None, int]]) -> int | None:
    """The cluster of the latest earlier name of the same type that ``words`` is another written form of.

    Either may be the shorter: a headline's "US" comes before the body's
    "United States". People are left out (their short form is the surname).
    """
    if label == "PERSON":
        return None
    for other, other_label, cluster in reversed(seen):
        if other_label == label and (same_name(words, other) or same_name(other, words)):
            return cluster
    return None


class CorefAnnotator:
    """Clusters the mentions of an article; sources of quotations are always considered."""

    def annotate(
        self,
        finder: MentionFinder,
        sources: Iterable[Mention],
        quoted: set[int],
        quotations: Sequence[Quotation] = (),
    ) -> list[list[Mention]]:
        """Clusters (lists of mentions in text order) of two or more mentions."""
        clusters = Clusters()
        source_list = sorted(set(sources), key=lambda m: (m.first, m.end))
        _cluster_names(finder, clusters, [s for s in source_list if s.kind == "name" and s.label is not None])
        nominals = NominalFinder(finder)
        add_descriptors(finder, clusters, nominals)
        add_definite_descriptions(finder, clusters, nominals)
        add_chains(clusters, nominals, _unframed_speech(finder, quotations))
        bare_groups = add_bare_group_nouns(clusters, nominals)
        add_headline_nouns(clusters, nominals)
        self._resolve_pronouns(finder, clusters, nominals, source_list, quoted, bare_groups)
        for source in source_list:
            if clusters.of(source) is None:
                clusters.add(source, clusters.new())
        _speech_pronouns(finder, clusters, quotations)
        add_group_pronouns(finder, clusters, quotations)
        return clusters.groups()

    def _resolve_pronouns(
        self,
        finder: MentionFinder,
        clusters: Clusters,
        nominals: NominalFinder,
        sources: list[Mention],
        quoted: set[int],
        bare_groups: Sequence[Mention] = (),
    ) -> None:
        """Add each pronoun to its antecedent's cluster, in text order (in quotations: he and she only)."""
        article = finder.article
        source_tokens = {m.first for m in sources if m.end - m.first == 1}
        people: dict[int, Mention] = {
            p.head: p.mention()
            for p in nominals.phrases
            if p.determiner in DEFINITE_PERSON_DETERMINERS and is_person_noun(nominals.word(p.head))
        }
        groups: dict[int, Mention] = {p.head: p.mention() for p in nominals.phrases if is_group_phrase(nominals, p)}
        groups |= {m.first: m for m in bare_groups}
        for name in finder.names():
            if article.role_at(article.token_starts[name.first]) != "body":
                continue
            if name.label == "PERSON":
                people[name.end - 1] = name
        recent: dict[int, tuple[int, int]] = {}  # cluster -> (token, paragraph) of its latest mention
        recent_groups: dict[int, int] = {}  # cluster -> sentence of its latest mention
        for index in range(len(article)):
            paragraph = article.paragraph_of(article.token_starts[index])
            sentence = article.sentence_of(article.token_starts[index])
            for table, found in ((people, recent), (groups, recent_groups)):
                mention = table.get(index)
                if mention is None:
                    continue
                cluster = clusters.of(mention)
                if cluster is None and not clusters.covers(mention.first, mention.end):
                    cluster = clusters.new()
                    clusters.add(mention, cluster)
                if cluster is not None:
                    found[cluster] = (index, paragraph) if found is recent else sentence  # type: ignore[assignment]
            pronoun = _pronoun_at(finder, index)
            word = finder.word(index)
            if pronoun is None or (index in quoted and word not in PERSON_PRONOUNS):
                continue
            if word in PERSON_PRONOUNS:
                features = pronoun_features(word)
                gender = features.gender if features else None
                antecedent = _person_in_view(clusters, recent, paragraph, gender)
                if antecedent is not None:
                    clusters.set_gender(antecedent, gender)
                    recent[antecedent] = (index, paragraph)  # a chain of pronouns keeps the person in view
            else:
                antecedent = self._antecedent(finder, clusters, pronoun, index in source_tokens, sources)
                if antecedent is None and word in GROUP_PRONOUNS:
                    antecedent = _group_in_view(recent_groups, sentence)
                if antecedent is not None and word in GROUP_PRONOUNS:
                    recent_groups[antecedent] = sentence
            if antecedent is not None:
                clusters.add(pronoun, antecedent)

    def _antecedent(
        self,
        finder: MentionFinder,
        clusters: Clusters,
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
    def _last_thing(finder: MentionFinder, clusters: Clusters, tokens: range) -> int | None:
        for name in reversed(finder.names()):
            if tokens.start <= name.first and name.end <= tokens.stop and name.label != "PERSON":
                return clusters.of(name)
        return None

    @staticmethod
    def _previous_subject(finder: MentionFinder, clusters: Clusters, index: int) -> int | None:
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


def _unframed_speech(finder: MentionFinder, quotations: Sequence[Quotation]) -> frozenset[int]:
    """Tokens of quotations without a cue: interview turns, and a quote's sentences after its framed one."""
    article = finder.article
    return frozenset(i for content, _, framed in quotations if not framed for i in article.token_range(*content))


def _pronoun_at(finder: MentionFinder, index: int) -> Mention | None:
    """A third-person pronoun at ``index``, reflexives included (guidelines 7.14: kind pronoun)."""
    if finder.word(index) in REFLEXIVES:
        return Mention(index, index + 1, "pronoun")
    return finder.pronoun_at(index)


def _person_in_view(
    clusters: Clusters, recent: dict[int, tuple[int, int]], paragraph: int, gender: str | None
) -> int | None:
    """The person a pronoun of ``gender`` stands for, among those mentioned within the window.

    A person known to have that gender wins over one whose gender is unknown
    ("Day ... opposite James Cagney. She ..." is Day, whose "her" came
    before); otherwise the most recent person whose gender does not conflict.
    """
    in_view = [
        cluster
        for cluster, (_, seen) in sorted(recent.items(), key=lambda item: -item[1][0])
        if paragraph - seen < PERSON_WINDOW_PARAGRAPHS and clusters.accepts(cluster, gender)
    ]
    known = [cluster for cluster in in_view if gender is not None and clusters.gender.get(cluster) == gender]
    return (known or in_view or [None])[0]


def _group_in_view(recent_groups: dict[int, int], sentence: int) -> int | None:
    """The group ("the police", "the astronomers", an organisation) mentioned last in this or the previous sentence."""
    in_view = [(seen, cluster) for cluster, seen in recent_groups.items() if sentence - seen <= GROUP_WINDOW_SENTENCES]
    return max(in_view)[1] if in_view else None


def _speech_pronouns(finder: MentionFinder, clusters: Clusters, quotations: Sequence[Quotation]) -> None:
    """ "I", "me", "my" in a quotation join its source; "you" in an interviewer's turn joins the interviewee."""
    article = finder.article
    ordered = sorted(quotations, key=lambda q: q[0])
    for number, (content, source, framed) in enumerate(ordered):
        speaker = clusters.of(source)
        if speaker is None:
            continue
        addressee = None
        if not framed and (source.label == "ORG" or "?" in article.text[content[0] : content[1]]):
            addressee = _interviewee(finder, clusters, ordered, number, speaker)
        for index in article.token_range(*content):
            word = finder.word(index)
            if word in FIRST_PERSON:
                clusters.add(Mention(index, index + 1, FIRST_PERSON[word]), speaker)
            elif word in SECOND_PERSON and addressee is not None:
                clusters.add(Mention(index, index + 1, SECOND_PERSON[word]), addressee)


def _interviewee(
    finder: MentionFinder, clusters: Clusters, ordered: Sequence[Quotation], number: int, interviewer: int
) -> int | None:
    """Who the interviewer's turn ``number`` (an unframed question) addresses.

    The speaker of the next unframed turn who is a person other than the
    interviewer; when no answer follows (questions sent by email, answers
    elsewhere), the person last mentioned outside the turns before it
    ("Wikinews spoke with her by email:").
    """
    for _, source, framed in ordered[number + 1 :]:
        cluster = clusters.of(source)
        if not framed and source.label == "PERSON" and cluster not in (None, interviewer):
            return cluster
    article = finder.article
    in_turns = {i for content, _, framed in ordered if not framed for i in article.token_range(*content)}
    start = article.token_range(*ordered[number][0]).start
    before = [
        (first, cluster)
        for (first, _), cluster in clusters.cluster_of.items()
        if first < start
        and first not in in_turns
        and cluster != interviewer
        and clusters.label.get(cluster) == "PERSON"
    ]
    return max(before)[1] if before else None


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
