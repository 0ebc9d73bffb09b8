"""Nominal mentions without a parser: descriptors of names, definite descriptions, and chains of one head noun.

Rules, in the order coreference applies them (guidelines 3.2 and 7.14):

* Descriptors glued to a name: "astronomer Anthony Boccaletti", "his
  Belarusian counterpart Alexander Lukashenko", "news agency Interfax" (the
  words before the name, a title word directly before it left out: "former
  candidate Senator Ted Cruz" gives "former candidate"); appositions "Wagner,
  a shadowy private army" and "Tim Cook, the chief executive of Apple," (the
  description up to its head, without the prepositional tail). Each joins
  the name's cluster and records its head noun as a descriptor of it.
* Copulas: "Tim Cook is the chief executive" records "executive" as a
  descriptor of Tim Cook; the predicate nominal itself is no mention
  (guidelines 3.2).
* Definite descriptions: "the company", "the prime minister", "the
  university", "this telescope" join the most recent named cluster whose
  descriptors, name head ("University of Calgary" -> "university") or
  entity type ("the company" for an ORG, "the country" for a GPE) fit the
  head noun.
* Chains: the remaining noun phrases that share a head noun ("a study" ...
  "the study" ... "this study") form one cluster; an indefinite phrase after
  the first starts a new referent, and phrases with different capitalised
  modifiers ("the Mexican government", "the U.S. government") stay apart.

A phrase's head is its last word before a stop (a preposition, a verb of
saying or a common verb, punctuation, a clause word), less a last word in
"-ed" that reads as a verb ("the curator opened"); since there is no tagger,
a phrase whose end is unclear takes the rightmost word that alone ends a
phrase somewhere else in the article, or one of the known nouns.
A head is a lowercase word, or a capitalised title that does not stand
before a name ("the former Governor", "the Senate Majority Leader"), which
then finds its person by the title said of them ("Governor Gary Johnson").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newscorpus.annotate.clusters import Clusters
from newscorpus.annotate.cues import load_cues
from newscorpus.annotate.gender import gender_of_word
from newscorpus.annotate.mentions import AUXILIARIES, DETERMINERS, PREPOSITIONS, Mention, MentionFinder
from newscorpus.annotate.shapes import FUNCTION_WORDS, TITLES
from newscorpus.annotate.words import word_list

# Nouns that can stand for a named entity of each type ("the company" for an ORG).
# Nouns that can stand for a named entity of each type ("the company" for an ORG).
TYPE_NOUNS = {
    label: word_list(f"type_nouns_{label.lower()}")
    for label in ("ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
}
_KNOWN_NOUNS = set().union(*TYPE_NOUNS.values())
_NON_REFERRING_HEADS = word_list("non_referring_heads")
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "ess", "ee", "ant", "ent", "ive", "eur", "eon")
# Words ending like agent nouns that are not ("former", "other", "number").
_NOT_PERSON = {"after", "other", "over", "under", "never", "ever", "however", "whether", "order", "number", "paper"}
_NOT_PERSON |= {"former", "latter", "later", "together", "rather", "further", "either", "neither", "another"}
_NOT_PERSON |= {"matter", "letter", "water", "center", "centre", "power", "border", "member", "error", "floor"}
_NOT_PERSON |= {"career", "computer", "chapter", "quarter", "corner", "cancer", "weather", "summer", "winter"}
_NOT_PERSON |= {"dinner", "theater", "shelter", "tower", "cluster", "sector", "factor", "motor", "mirror", "minor"}
_NOT_PERSON |= {"major", "interior", "senior", "junior", "prior", "honor", "colour", "color", "labour", "labor"}
_NOT_PERSON |= {"event", "moment", "government", "parliament", "department", "agreement", "statement", "element"}
_PERSON_NOUNS = word_list("person_nouns")
_COLLECTIVE_NOUNS = {"police", "people", "team", "public", "crowd", "family", "couple", "staff", "military"}
_COPULAS = {"is", "was", "became", "becomes", "remains", "remained"}
_BE = {"are", "were", "be", "been", "being", "become"}
# "that" is left out: far more often it opens a clause ("said that the ...") than a noun phrase.
_DEFINITE = {"the", "this", "these", "those"}
_POSSESSIVE = {"my", "our", "your", "his", "her", "its", "their"}
_INDEFINITE = {"a", "an"}
_APPOSITION_OPENERS = {"a", "an", "the", "his", "her", "its", "their"}
_CLAUSE_WORDS = {"who", "which", "that", "whose", "whom", "where", "when", "and", "or", "but", "than", "as"}
_MAX_MODIFIERS = 4
_POSSESSIVE_CLITICS = frozenset({"'s", "\u2019s", "'", "\u2019"})
# A type noun ("the country") looks back this many paragraphs for the entity it stands for.
TYPE_NOUN_WINDOW = 3
_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


def _stops() -> frozenset[str]:
    cues = {words[0] for words in load_cues().quoted | load_cues().indirect if len(words) == 1}
    verbs = word_list("common_verbs")
    return frozenset(
        PREPOSITIONS | AUXILIARIES | FUNCTION_WORDS | DETERMINERS | _CLAUSE_WORDS | cues | _COPULAS | verbs
    )


def is_person_noun(word: str) -> bool:
    """Whether a head noun names a person: a title, a gendered noun, an agent noun ("driver", "astronomer")."""
    word = word.lower()
    if word in TITLES or word in _PERSON_NOUNS or gender_of_word(word) is not None:
        return True
    return word.isalpha() and word not in _NOT_PERSON and word not in _KNOWN_NOUNS and word.endswith(_PERSON_SUFFIXES)


def is_referring_head(head: str) -> bool:
    """Whether a head noun can name a discourse referent (not a time, quantity or placeholder: "the day")."""
    return head not in _NON_REFERRING_HEADS


def is_group_phrase(nominals: NominalFinder, phrase: Phrase) -> bool:
    """A definite phrase that "they" can stand for: a plural head ("the astronomers") or a collective one."""
    head = nominals.word(phrase.head)
    if phrase.determiner not in {"the", "these", "those"} or head in _NON_REFERRING_HEADS:
        return False
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "ics"))
    return plural or head in _COLLECTIVE_NOUNS


@dataclass(frozen=True, slots=True)
class Phrase:
    """A determiner phrase: tokens [first, end), its head token and its determiner (lowercase)."""

    first: int
    end: int
    head: int
    determiner: str

    def mention(self) -> Mention:
        return Mention(self.first, self.end, "nominal")


class NominalFinder:
    """Noun phrases of one article and the rules that put them into clusters."""

    def __init__(self, finder: MentionFinder) -> None:
        self.finder = finder
        self.article = finder.article
        self.stops = _stops()
        self.modifier_stops = self.stops - _NUMBER_WORDS  # "the two countries"
        self._name_tokens = {i for name in finder.names() for i in range(name.first, name.end)}
        runs = list(self._runs())
        # A word that alone follows a determiner and then a stop ("the study .") is a noun wherever it occurs.
        self.sure_heads = {self.word(run[-1]) for run, closed in runs if closed and len(run) == 2}
        self.sure_heads |= _KNOWN_NOUNS | TITLES
        self._noun_tokens = {i for i in range(len(self.article)) if self.word(i) in self.sure_heads}
        phrases = [p for p in (self._phrase(run, closed) for run, closed in runs) if p is not None]
        # Predicate nominals ("is the curator") are no mentions (guidelines 3.2), only descriptors of the subject.
        self.predicates = [p for p in phrases if p.first > 0 and self.word(p.first - 1) in _COPULAS | _BE]
        self.phrases = [p for p in phrases if p not in self.predicates]

    def word(self, index: int) -> str:
        return self.finder.word(index)

    def is_name_token(self, index: int) -> bool:
        return index in self._name_tokens

    def modifier(self, index: int, *, strict: bool = False) -> bool:
        """A word that may stand inside a noun phrase: lowercase words and numbers, or capitalised adjectives.

        ``strict`` refuses number words too (they open a phrase of their own before a name).
        """
        token = self.article.token(index)
        bare = token.replace("-", "").replace("\u2019", "").replace("'", "")
        if not bare.isalnum() or self.word(index) in (self.stops if strict else self.modifier_stops):
            return False
        return token.islower() or token[:1].isdigit() or not self.article.is_sentence_start(index)

    def _runs(self) -> Iterator[tuple[list[int], bool]]:
        """(tokens after a determiner, whether the run ended at a clear stop) for each determiner."""
        for index in range(len(self.article) - 1):
            if self.word(index) not in _DEFINITE | _INDEFINITE | _POSSESSIVE:
                continue
            run: list[int] = []
            position = index + 1
            while position < len(self.article) and len(run) < _MAX_MODIFIERS and self.modifier(position):
                if self.word(position) in _POSSESSIVE_CLITICS:
                    break  # "the city's population": the possessor "the city" is a phrase of its own
                run.append(position)
                position += 1
            closed = position >= len(self.article) or not self.article.token(position)[:1].isalpha()
            closed = closed or self.word(position) in _POSSESSIVE_CLITICS
            closed = closed or self.word(position) in self.stops
            if run:
                yield [index, *run], closed

    def _phrase(self, run: list[int], closed: bool) -> Phrase | None:
        determiner, words = run[0], run[1:]
        # A participle or past form right after a known noun starts the clause: "a man wearing a vest",
        # "the plane turned back", not a phrase headed by "wearing" or "back".
        verb = next(
            (
                k
                for k in range(1, len(words))
                if self.word(words[k]).endswith(("ing", "ed"))
                and words[k] not in self._noun_tokens
                and words[k - 1] in self._noun_tokens
            ),
            None,
        )
        if verb is not None:
            words, closed = words[:verb], True
        if closed:
            # The run took in a verb when its last word reads as one: "the curator opened a", "the minister left."
            while len(words) > 1 and self.word(words[-1]).endswith("ed") and words[-1] not in self._noun_tokens:
                words = words[:-1]
            head: int | None = words[-1]
        else:
            head = next((i for i in reversed(words) if self.word(i) in self.sure_heads), None)
        if head is None or head in self._name_tokens or not (self.article.token(head).islower() or self._title(head)):
            return None
        return Phrase(determiner, head + 1, head, self.word(determiner))

    def _title(self, head: int) -> bool:
        """A capitalised title heading a phrase of its own ("the former Governor"), not one before a name."""
        following = head + 1
        before_name = following < len(self.article) and (
            following in self._name_tokens or self.article.token(following)[:1].isupper()
        )
        return self.word(head) in TITLES and not before_name

    def capitalised_modifiers(self, phrase: Phrase) -> frozenset[str]:
        words = range(phrase.first + 1, phrase.head)
        return frozenset(self.word(i) for i in words if self.article.token(i)[:1].isupper())


def add_descriptors(finder: MentionFinder, clusters: Clusters, nominals: NominalFinder) -> None:
    """Descriptors before names, appositions after them, and copulas' predicates as descriptors only."""
    article = finder.article
    for name in finder.names():
        cluster = clusters.of(name)
        if cluster is None:
            continue
        before = name.first - 1
        if before >= 0:
            clusters.set_gender(cluster, gender_of_word(article.token(before)))
            if finder.word(before) in TITLES:
                clusters.describe(cluster, finder.word(before))
        descriptor = _descriptor_before(finder, nominals, name)
        if descriptor is not None and clusters.add(descriptor, cluster):
            _learn(clusters, cluster, finder.word(descriptor.end - 1))
        apposition = _apposition_after(finder, nominals, name.end, {","})
        if apposition is not None and clusters.add(apposition, cluster):
            _learn(clusters, cluster, finder.word(apposition.end - 1))
        if name.end + 1 < len(article) and finder.word(name.end) in _COPULAS:
            predicate = _apposition_after(finder, nominals, name.end, _COPULAS)
            if predicate is not None:
                clusters.describe(cluster, finder.word(predicate.end - 1))


def _learn(clusters: Clusters, cluster: int, head: str) -> None:
    clusters.describe(cluster, head)
    clusters.set_gender(cluster, gender_of_word(head))


def _descriptor_before(finder: MentionFinder, nominals: NominalFinder, name: Mention) -> Mention | None:
    """ "astronomer X", "his wife X", "former candidate Senator X": the words before a name, title words skipped."""
    article = finder.article
    role = name.first - 1
    while role >= 0 and finder.word(role) in TITLES and article.token(role)[:1].isupper():
        role -= 1  # a capitalised title directly before the name is part of neither (guidelines 7.14)
    if role < 0 or finder.word(role) in nominals.stops or finder.name_at(role) is not None:
        return None
    token = article.token(role)
    if not token.isalpha() or not (token.islower() or article.is_sentence_start(role)):
        return None
    if not (is_person_noun(token) or token.lower() in _KNOWN_NOUNS or token.lower() in {"magazine", "star"}):
        return None
    start = role
    while start > 0 and role - start < 3 and nominals.modifier(start - 1, strict=True):
        start -= 1
    if start > 0 and finder.word(start - 1) in DETERMINERS:
        start -= 1
    return Mention(start, role + 1, "nominal")


def _apposition_after(finder: MentionFinder, nominals: NominalFinder, after: int, joiners: set[str]) -> Mention | None:
    """ "X, a shadowy private army", "X, the chief executive of Y", "X is the president": the description's span."""
    article = finder.article
    if after + 2 >= len(article) or finder.word(after) not in joiners:
        return None
    opener = after + 1
    if finder.word(opener) not in _APPOSITION_OPENERS:
        return None
    phrase = next((p for p in [*nominals.phrases, *nominals.predicates] if p.first == opener), None)
    if phrase is None or phrase.end - phrase.first < 2:
        return None
    return phrase.mention()


def add_definite_descriptions(finder: MentionFinder, clusters: Clusters, nominals: NominalFinder) -> None:
    """ "the company", "the prime minister", "this telescope": joined to the named cluster they fit.

    A descriptor or the name's own head word ("the university" for the
    University of Calgary) picks the most recent cluster it fits, however far
    back; a mere type noun ("the country" for a GPE) picks, among the clusters
    of that type mentioned in the last three paragraphs, the one mentioned most
    so far (the place an article is about, not the town named in passing).
    """
    article = finder.article
    for phrase in nominals.phrases:
        if phrase.determiner not in {"the", "this"} or clusters.covers(phrase.first, phrase.end):
            continue
        head = nominals.word(phrase.head)
        if head in _NON_REFERRING_HEADS:
            continue
        paragraph = article.paragraph_of(article.token_starts[phrase.first])
        seen: dict[int, list[int]] = {}
        for (first, _), cluster in clusters.cluster_of.items():
            if first < phrase.first:
                seen.setdefault(cluster, []).append(first)
        ranked = []
        for cluster, firsts in seen.items():
            strength = _fit(finder, clusters, cluster, head)
            near = paragraph - article.paragraph_of(article.token_starts[max(firsts)]) < TYPE_NOUN_WINDOW
            if strength == 2:
                ranked.append((2, max(firsts), 0, cluster))
            elif strength == 1 and near:
                ranked.append((1, len(firsts), max(firsts), cluster))
        if ranked:
            clusters.add(phrase.mention(), max(ranked)[3])


def _fit(finder: MentionFinder, clusters: Clusters, cluster: int, head: str) -> int:
    """2: ``head`` is a descriptor of the cluster or its name's head word; 1: a noun for its type; 0: neither."""
    if head in clusters.descriptors.get(cluster, ()):
        return 2
    label = clusters.label.get(cluster)
    if label is None:
        return 0
    for (first, end), number in clusters.cluster_of.items():
        mention = clusters.mentions[(first, end)]
        if number == cluster and mention.kind == "name" and end - first > 1:
            words = [finder.word(i) for i in range(first, end)]
            core = words[: words.index("of")] if "of" in words[1:] else words
            if core[-1] == head:
                return 2
    return 1 if head in TYPE_NOUNS.get(label, ()) else 0


def add_chains(clusters: Clusters, nominals: NominalFinder, turns: frozenset[int] = frozenset()) -> None:
    """Noun phrases left over that share a head noun: one cluster per referent (see the module docstring).

    A phrase joins the open chain of its head when its capitalised modifiers
    are those of the chain or it has none ("the Chinese government" ... "the
    government"), never the other way round ("the government" ... "the
    Chinese government" are two referents, as often as not); a possessive
    phrase joins only a chain of the same possessor ("our community").
    Inside ``turns`` (tokens of unframed speech: interview answers and
    questions) a phrase joins a chain the narration opened but opens none:
    there, repeated heads are as often generic ("the conditions", "the age")
    as one referent (measured on development folds 0-2: B3 0.614 -> 0.631).
    """
    open_chains: dict[tuple[str, str], list[tuple[frozenset[str], int]]] = {}
    for phrase in nominals.phrases:
        if clusters.covers(phrase.first, phrase.end):
            continue
        head = nominals.word(phrase.head)
        if head in _NON_REFERRING_HEADS:
            continue
        modifiers = nominals.capitalised_modifiers(phrase)
        key = (head, phrase.determiner if phrase.determiner in _POSSESSIVE else "")
        chains = open_chains.setdefault(key, [])
        fitting = [cluster for chain_modifiers, cluster in chains if not modifiers or modifiers == chain_modifiers]
        if phrase.head in turns and (phrase.determiner in _INDEFINITE or not fitting):
            continue  # talk is full of generic phrases ("the conditions", "the age"): a turn opens no chain
        if phrase.determiner in _INDEFINITE or not fitting:
            if phrase.determiner in _INDEFINITE:
                chains.clear()  # "a study" introduces a new one
            cluster = clusters.new()
            chains.append((modifiers, cluster))
        else:
            cluster = fitting[-1]
        clusters.add(phrase.mention(), cluster)
