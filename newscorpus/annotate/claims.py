"""Nominal attributions: a noun of saying as the cue ("the protesters' demands for ...", "issued a claim that ...").

Guidelines 4.3: for a nominal attribution the cue is the noun. Two shapes
are found, both with propositional content (speech-act nouns without it,
"issued criticisms of Russia", are out of scope, 4.4):

* a possessor before the noun is the source: "Russia's claim that ...",
  "the protesters' demands for a new inquiry", "his promise to ...";
* the subject of a light verb is the source: "It issued an embarrassing
  claim on Tuesday that ...", "The minister made a pledge to ...", and,
  with a noun of attitude before "that" only, "Both sides expressed
  confidence that ...".

The content follows "that" (a clause), "for" (what is demanded) or "to"
(a to-infinitive), and ends where a reported clause ends.
"""

from __future__ import annotations

from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import CueLexicon
from newscorpus.annotate.indirect import clause_end, plain_subject
from newscorpus.annotate.mentions import POSSESSIVES, PREPOSITIONS, Mention, MentionFinder
from newscorpus.annotate.reported import Reported

MIN_CONTENT_TOKENS = 3
_LIGHT_VERBS = frozenset({"made", "makes", "issued", "issues", "repeated", "repeats", "voiced", "reiterated"})
_LIGHT_VERBS |= {"expressed", "expresses", "expressing", "voices", "raised", "raises"}  # "expressed confidence that"
_DETERMINERS = frozenset({"a", "an", "the"})
_POSSESSIVE_MARKS = frozenset({"'s", "\u2019s", "'", "\u2019"})
_MODIFIER_TOKENS = 3
_POSSESSOR_TOKENS = 2
_LIGHT_VERB_GAP = 5
_CONTENT_OPENERS = frozenset({"that", "for", "to"})
_SETTING_TOKENS = 5


def nominal_attributions(article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range) -> list[Reported]:
    """Every nominal attribution of the sentence ``tokens``, in text order."""
    found = []
    for index in tokens:
        cue_end = cues.phrase_at(article, index, cues.nominal)
        attitude = cue_end is None and (cue_end := cues.phrase_at(article, index, cues.attitude)) is not None
        if cue_end is None or cue_end >= tokens.stop:
            continue
        openers = {"that"} if attitude else _CONTENT_OPENERS  # "his hopes for a quick win" reports nothing
        opener = cue_end if finder.word(cue_end) in openers else None
        source = _possessor(finder, tokens.start, index) if opener is not None else None
        if source is None and (source := _light_verb_subject(finder, tokens.start, index)) is not None:
            # "issued an embarrassing claim on Tuesday that ...": the setting may stand before "that".
            window = range(cue_end, min(tokens.stop, cue_end + _SETTING_TOKENS))
            that = next((i for i in window if finder.word(i) == "that"), None)
            # "a claim to Russia that ...": "to" names the addressee; a noun of attitude needs "that".
            opener = that if that is not None or attitude else opener
            if any(finder.word(i) in {",", ";"} for i in range(cue_end, opener if opener is not None else cue_end)):
                opener = None
        if source is None or opener is None:
            continue
        first = opener + 1 if finder.word(opener) in {"that", "for"} else opener
        last = clause_end(article, cues, first, tokens.stop)
        if last - first >= MIN_CONTENT_TOKENS:
            found.append(Reported((first, last), (index, cue_end), source))
    return found


def _possessor(finder: MentionFinder, start: int, noun: int) -> Mention | None:
    """The possessor before a noun and its modifiers: "Russia's", "the protesters'", "his"."""
    index = noun - 1
    while index >= start and noun - index <= _MODIFIER_TOKENS and _modifier(finder.word(index)):
        index -= 1
    if index < start:
        return None
    word = finder.word(index)
    if word in POSSESSIVES:
        return Mention(index, index + 1, "possessive")
    if word not in _POSSESSIVE_MARKS or index == start:
        return None
    names = [m for m in finder.names() if m.end == index]
    if names:
        return names[-1]
    first = index
    while first > start and finder.word(first - 1).isalpha() and finder.word(first - 1) not in _DETERMINERS:
        if finder.word(first - 1) in PREPOSITIONS or index - first >= _POSSESSOR_TOKENS:
            break  # "did not accede to the protesters' demands": the possessor ends at "to"
        first -= 1
    if first > start and finder.word(first - 1) in _DETERMINERS:
        first -= 1
    return Mention(first, index, "nominal") if first < index else None


def _light_verb_subject(finder: MentionFinder, start: int, noun: int) -> Mention | None:
    """The subject of "made/issued ... <noun>" a few words before the noun."""
    for verb in range(noun - 1, max(start, noun - _LIGHT_VERB_GAP) - 1, -1):
        if finder.word(verb) in _LIGHT_VERBS:
            return plain_subject(finder, start, verb)
    return None


def _modifier(word: str) -> bool:
    """An adjective-like word between a possessor and its noun ("embarrassing", "repeated", "new")."""
    return word.isalpha() and word.islower() and word not in POSSESSIVES and word not in _DETERMINERS
