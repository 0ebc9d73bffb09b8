"""Number and gender: what a pronoun requires of its antecedent, and what is known of a person's gender.

A pronoun carries person, number and gender ("she": third person, singular,
feminine). A cluster's gender is learnt only from the text, never guessed
from a first name (no openly licensed first-name list ships with the
package): an honorific or gendered noun before or beside a name ("Mrs",
"actress", "his wife"), or a gendered pronoun already tied to the cluster.
Resolution then never puts "she" into a cluster whose pronouns are "he",
nor the reverse; a cluster with no evidence accepts either, and the first
pronoun it takes fixes its gender.
"""

from __future__ import annotations

from dataclasses import dataclass

from newscorpus.annotate.words import word_list

MASCULINE = "masculine"
FEMININE = "feminine"


@dataclass(frozen=True, slots=True)
class PronounFeatures:
    """Person (1, 2, 3), number (singular, plural) and gender (masculine, feminine, neuter, or None for any)."""

    person: int
    number: str
    gender: str | None


_FEATURES = {
    **dict.fromkeys(("he", "him", "his", "himself"), PronounFeatures(3, "singular", MASCULINE)),
    **dict.fromkeys(("she", "her", "hers", "herself"), PronounFeatures(3, "singular", FEMININE)),
    **dict.fromkeys(("it", "its", "itself"), PronounFeatures(3, "singular", "neuter")),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), PronounFeatures(3, "plural", None)),
    **dict.fromkeys(("i", "me", "my", "mine", "myself"), PronounFeatures(1, "singular", None)),
    **dict.fromkeys(("we", "us", "our", "ours", "ourselves"), PronounFeatures(1, "plural", None)),
    **dict.fromkeys(("you", "your", "yours", "yourself"), PronounFeatures(2, "singular", None)),
}

# Words before or beside a name that state a person's gender.
# Words before or beside a name that state a person's gender.
_GENDERED_WORDS = dict.fromkeys(word_list("masculine_words"), MASCULINE) | dict.fromkeys(
    word_list("feminine_words"), FEMININE
)


def pronoun_features(word: str) -> PronounFeatures | None:
    """The features of a personal, possessive or reflexive pronoun (lowercase), or None."""
    return _FEATURES.get(word)


def gender_of_word(word: str) -> str | None:
    """The gender a title or noun states ("Mrs" feminine, "spokesman" masculine), or None."""
    return _GENDERED_WORDS.get(word.lower())


def compatible(required: str | None, known: str | None) -> bool:
    """Whether a pronoun requiring ``required`` may join a cluster whose gender is ``known`` (None: unknown)."""
    return required is None or known is None or required == known
