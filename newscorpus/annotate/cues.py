"""The lexicon of attribution cues ("said", "told", "according to"), read from a data file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newscorpus.annotate.article import Article

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "annotate" / "cues.toml"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue phrases as lowercase token tuples, by what they may introduce (see the data file's comments).

    ``quoted``: quoted material; ``indirect``: a clause without quotation marks;
    ``source_follows``: "according to X"; ``reporting``: a clause only when it
    opens like one; ``addressed``: the addressee comes first ("told reporters");
    ``infinitive``: the content may be a to-infinitive ("agreed to add");
    ``naming``: the content is the name given ('called him a "decent man"');
    ``nominal``: nouns of saying ("claim", "demands") that cue an attribution;
    ``predicative``: verbs whose content is an object and what it is said to be
    ("characterized the attack as ..."); ``objects``: verbs of communication whose
    noun-phrase object is the content ("reported beatings"); ``object_infinitive``:
    verbs of asking and ordering whose object is the addressee of a to-infinitive
    ("asked Zelensky to investigate"); ``attitude``: nouns of attitude that cue an
    attribution before "that" ("expressed confidence that"); ``passive``: participles
    whose passive subject is what was said ("The charge was denied by X");
    ``accusing``: verbs of accusing with the preposition after their object
    ("accused of": "accused him of obstruction"); ``opinion``: verbs of opinion
    that report any clause after "I", "we" or "you" ("I think people want ...").
    """

    quoted: frozenset[tuple[str, ...]]
    indirect: frozenset[tuple[str, ...]]
    source_follows: frozenset[tuple[str, ...]]
    longest: int = 1
    reporting: frozenset[tuple[str, ...]] = frozenset()
    addressed: frozenset[tuple[str, ...]] = frozenset()
    infinitive: frozenset[tuple[str, ...]] = frozenset()
    naming: frozenset[tuple[str, ...]] = frozenset()
    nominal: frozenset[tuple[str, ...]] = frozenset()
    predicative: frozenset[tuple[str, ...]] = frozenset()
    objects: frozenset[tuple[str, ...]] = frozenset()
    object_infinitive: frozenset[tuple[str, ...]] = frozenset()
    attitude: frozenset[tuple[str, ...]] = frozenset()
    passive: frozenset[tuple[str, ...]] = frozenset()
    accusing: frozenset[tuple[str, ...]] = frozenset()
    opinion: frozenset[tuple[str, ...]] = frozenset()

    def cue_at(self, article: Article, index: int, *, indirect: bool = False) -> int | None:
        """End (exclusive token index) of the cue starting at token ``index``, or None."""
        allowed = self.indirect if indirect else self.quoted | self.source_follows
        for length in range(self.longest, 0, -1):
            if index + length > len(article):
                continue
            words = tuple(article.token(i).lower() for i in range(index, index + length))
            if words in allowed:
                return index + length
        return None

    def phrase_at(self, article: Article, index: int, phrases: frozenset[tuple[str, ...]]) -> int | None:
        """End (exclusive token index) of the longest phrase of ``phrases`` starting at token ``index``, or None."""
        for length in range(self.longest, 0, -1):
            words = tuple(article.token(i).lower() for i in range(index, min(index + length, len(article))))
            if len(words) == length and words in phrases:
                return index + length
        return None

    def words(self, first: int, end: int, article: Article) -> tuple[str, ...]:
        """The cue [first, end) as lowercase words, to look it up in one of the lists."""
        return tuple(article.token(i).lower() for i in range(first, end))

    def source_follows_at(self, article: Article, index: int) -> bool:
        """Whether the cue at ``index`` puts its source after it ("according to X")."""
        end = self.cue_at(article, index)
        return end is not None and tuple(article.token(i).lower() for i in range(index, end)) in self.source_follows


def _phrases(values: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(value.lower().split()) for value in values)


@cache
def load_cues(path: Path = CUES_FILE) -> CueLexicon:
    """The cue lexicon of ``path`` (the shipped one by default)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    quoted, indirect, source_follows = (_phrases(data[key]) for key in ("quoted", "indirect", "source_follows"))
    optional_keys = (
        "reporting",
        "addressed",
        "infinitive",
        "naming",
        "nominal",
        "predicative",
        "objects",
        "object_infinitive",
        "attitude",
        "passive",
        "accusing",
        "opinion",
    )
    optional = {key: _phrases(data.get(key, [])) for key in optional_keys}
    opening_cues = (
        quoted,
        indirect,
        source_follows,
        *(optional[key] for key in ("reporting", "objects", "object_infinitive")),
    )
    longest = max(len(cue) for cues in opening_cues for cue in cues)
    return CueLexicon(quoted, indirect, source_follows, longest, **optional)
