"""Bare plural nouns as mentions: "Police said ...", "protesters ... the protesters", "investigators ... they".

News names groups of people without a determiner ("Police arrested a man",
"Protesters gathered", "State prosecutors said") and then refers to them
again by the same noun, with or without "the", or by "they". Determiner
phrases (``newscorpus.annotate.nominals``) miss the bare ones, so a group the
article speaks of by a bare plural loses those mentions, and "they" loses its
antecedent.

A bare group noun is one word standing as a noun phrase of its own: a plural
person noun ("protesters", "investigators", "officers") or "police", after a
stop (a preposition, a verb, a conjunction), punctuation or the start of a
sentence, and before a stop, punctuation or a verb in "-ed" ("Police closed
the road"). It joins the cluster of a determiner phrase with the same head
("the police") when the article has one; otherwise it is left for a pronoun
to find ("Prosecutors said ... they"). Bare occurrences are not chained among
themselves: on the development folds that measured slightly worse. A noun
with a modifier before it ("Armed officers", "State prosecutors") is left
out: without a tagger the modifier may as well be a verb.
"""

from __future__ import annotations

from newscorpus.annotate.clusters import Clusters
from newscorpus.annotate.mentions import DETERMINERS, Mention
from newscorpus.annotate.nominals import NominalFinder, is_person_noun

# Group nouns that are not plural in form but take "they" ("Police said they ...").
_COLLECTIVE_PLURALS = frozenset({"police"})


def singular_of(word: str) -> str | None:
    """The singular of a regular plural noun ("protesters" -> "protester", "authorities" -> "authority")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return None


def is_group_noun(word: str) -> bool:
    """A plural noun for a group of people: "police", or the plural of a person noun ("investigators")."""
    if word in _COLLECTIVE_PLURALS:
        return True
    singular = singular_of(word)
    return singular is not None and is_person_noun(singular)


def _past_form(word: str) -> bool:
    """A word in "-ed" after a plural noun is its verb: "Protesters gathered", "Police closed the road"."""
    return word.isalpha() and word.endswith("ed") and len(word) > 4


def bare_group_nouns(nominals: NominalFinder) -> list[Mention]:
    """Group nouns that stand alone as noun phrases (see the module docstring), in text order."""
    article = nominals.article
    found = []
    for index in range(len(article)):
        token = article.token(index)
        if not token.isalpha() or nominals.is_name_token(index):
            continue
        if not (token.islower() or article.is_sentence_start(index)) or not is_group_noun(nominals.word(index)):
            continue
        before = nominals.word(index - 1) if index > 0 else ""
        opens = index == 0 or article.is_sentence_start(index) or not before.isalnum()
        opens = opens or (before in nominals.stops and before not in DETERMINERS)
        following = nominals.word(index + 1) if index + 1 < len(article) else "."
        closes = not following[:1].isalnum() or following in nominals.stops or _past_form(following)
        if opens and closes:
            found.append(Mention(index, index + 1, "nominal"))
    return found


def add_bare_group_nouns(clusters: Clusters, nominals: NominalFinder) -> list[Mention]:
    """Bare group nouns joined to the cluster of a phrase with the same head; all of them, returned for pronouns."""
    bare = [m for m in bare_group_nouns(nominals) if not clusters.covers(m.first, m.end)]
    phrase_clusters: dict[str, int] = {}
    for span, mention in sorted(clusters.mentions.items()):
        if mention.kind == "nominal" and mention.end - mention.first > 1:
            phrase_clusters.setdefault(nominals.word(mention.end - 1), clusters.cluster_of[span])
    for mention in bare:
        cluster = phrase_clusters.get(nominals.word(mention.first))
        if cluster is not None:
            clusters.add(mention, cluster)
    return bare
