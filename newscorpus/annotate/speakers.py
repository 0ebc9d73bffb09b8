"""Who a cue attributes to, beyond the plain subject: the speaker, not a place or an outlet named beside them.

The subject finder takes the first name of a clause, which in news is often
a place or an organisation the speaker is described by ("Hong Kong director
of Amnesty International Man-kei Tam said", "Sea-Eye's spokesperson Anna
Weibl said"). A person named right before the cue is the speaker; a place
or nationality is never a speaker while a person or an organisation stands
between it and the cue. A determiner phrase with a prepositional tail ("A
source in the Interior Ministry reportedly said") is cut before the tail.
"""

from __future__ import annotations

from newscorpus.annotate.marks import mark_at
from newscorpus.annotate.mentions import AUXILIARIES, DETERMINERS, PREPOSITIONS, Mention, MentionFinder

SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
_NOT_SPEAKERS = frozenset({"GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_NEAR_TOKENS = 6
MAX_STRETCH_TOKENS = 12
_HEAD_TOKENS = 4
_CONJUNCTIONS = frozenset({"and", "or", "nor", "but", "between", "than"})


def _names_between(finder: MentionFinder, first: int, stop: int) -> list[Mention]:
    return [m for m in finder.names() if first <= m.first and m.end <= stop]


def _adverb_like(word: str) -> bool:
    return word in AUXILIARIES or (word.endswith("ly") and word.isalpha()) or word in {"also", "then", "later"}


def _described(finder: MentionFinder, name: Mention, first: int) -> bool:
    """Whether a name opens the clause or follows its descriptor, not a preposition or conjunction.

    "director of Amnesty International Man-kei Tam said" names the speaker;
    "The Kremlin in its account of the exchange between Putin and Lukashenko
    said" does not.
    """
    if name.first == first:
        return True
    word = finder.word(name.first - 1)
    if word in {":", ";"}:
        return True  # a clause of its own: "The researchers noted implications: Gownaris remarked, ..."
    return word.isalpha() and word not in PREPOSITIONS and word not in _CONJUNCTIONS


def speaker_before(finder: MentionFinder, first: int, cue: int, subject: Mention | None) -> Mention | None:
    """The source of a cue at token ``cue`` whose clause starts at ``first``, given the subject found there."""
    end = cue
    while end > first and _adverb_like(finder.word(end - 1)):
        end -= 1
    names = _names_between(finder, first, end)
    if names and names[-1].end == end and names[-1].label == "PERSON" and _described(finder, names[-1], first):
        return names[-1]  # "... director of Amnesty International Man-kei Tam said"
    if subject is not None and subject.kind == "name" and subject.label in _NOT_SPEAKERS:
        later = [m for m in names if m.first >= subject.end and m.label in SPEAKER_LABELS]
        if later:
            return later[-1]
    if subject is None and first < end and finder.word(first) in DETERMINERS:
        head = first + 1
        while head < end and head - first < _HEAD_TOKENS and finder.word(head).isalpha():
            if finder.word(head) in PREPOSITIONS | AUXILIARIES or finder.word(head) in {"who", "which", "that"}:
                break
            head += 1
        if head > first + 1 and finder.word(head - 1) not in DETERMINERS:
            return Mention(first, head, "nominal")
    return subject


def speaker_after(finder: MentionFinder, first: int, stop: int) -> Mention | None:
    """A person or organisation named within a few words after an inverted cue ("tweeted former executive Ken Gude")."""
    for mention in _names_between(finder, first, min(stop, first + _NEAR_TOKENS + 4)):
        if mention.first - first > _NEAR_TOKENS:
            break
        if any(finder.word(i) in {",", ";", ":"} for i in range(first, mention.first)):
            break
        if mention.label in SPEAKER_LABELS:
            return mention
    return None


def named_speaker(finder: MentionFinder, mention: Mention | None) -> Mention | None:
    """A person named inside a nominal source is the source: "a protester using the pseudonym Katya" -> Katya."""
    if mention is None or mention.kind != "nominal":
        return mention
    people = [m for m in _names_between(finder, mention.first, mention.end) if m.label == "PERSON"]
    return people[-1] if people else mention


def source_phrase(finder: MentionFinder, source: Mention, stop: int) -> tuple[Mention, int]:
    """The speaker of the phrase that ``source`` opens after "according to", and the token where the phrase ends.

    A person named later in the phrase is the speaker ("Samoa Observer editor
    Keni Lesa", "U.S. Attorney Bash"); so is one in an apposition ("the El
    Paso mayor, Dee Margo,"), and a relative clause (", which cited ...,")
    belongs to the phrase. A nominal keeps its hyphenated words
    ("a whistle-blower complaint") and stops before a participle ("a poll
    published by ...").
    """
    if source.kind == "nominal":
        end = source.end
        while end + 1 < stop and finder.word(end) == "-" and finder.word(end + 1).isalpha():
            end += 2
            while end < stop and finder.word(end).isalpha() and finder.word(end) not in PREPOSITIONS:
                end += 1
        words = [finder.word(i) for i in range(source.first, end)]
        cut = next((k for k, w in enumerate(words) if k > 1 and w.endswith("ed")), len(words))
        source = Mention(source.first, source.first + cut, "nominal")
    end = next((i for i in range(source.end, stop) if finder.word(i) in {",", ";", ":"}), stop)
    people = [m for m in _names_between(finder, source.first, end) if m.label == "PERSON"]
    if people and source.label != "PERSON":
        source = people[-1]
    if end + 1 < stop and finder.word(end) == ",":
        named = finder.name_at(end + 1)
        if named is not None and named.label == "PERSON" and named.end < stop and finder.word(named.end) == ",":
            return named, named.end
        if finder.word(end + 1) in {"which", "who"}:
            return source, next((i for i in range(end + 1, stop) if finder.word(i) == ","), end)
    return source, end


def stretch_source(finder: MentionFinder, stretch: range) -> Mention | None:
    """The whole subject before a nested cue ("President Vladimir Putin and his ... Lukashenko", "the two sides")."""
    if not 0 < len(stretch) <= MAX_STRETCH_TOKENS:
        return None
    words = [finder.word(i) for i in stretch]
    if "," in words or any(mark_at(finder.article, i) for i in stretch):
        return None
    names = [i for i in stretch if finder.name_at(i)]
    if names:
        only = finder.name_at(names[0])
        if len(names) == 1 and only is not None and (only.first, only.end) == (stretch.start, stretch.stop):
            return only
        return Mention(stretch.start, stretch.stop, "name")
    return finder.nominal_ending_before(stretch.start, stretch.stop) or finder.subject(stretch.start, stretch.stop)
