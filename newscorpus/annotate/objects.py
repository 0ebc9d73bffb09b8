"""Reports whose content is no clause right after the cue: an object, an infinitive after an object, a late clause.

``indirect`` finds a cue's clause when it follows the cue (past "that" or an
addressee). Four shapes of reported speech it leaves are found here, each
from the grammar of the cue, never from the words of the content:

* a **noun-phrase object** of a verb of communication is the content
  (guidelines 4.2: "detainees have reported [beatings and torture in
  prison]"; PARC's "denied the charge", "cited improvements", "called for
  younger leadership"). Only verbs whose object is a message take one
  (``object`` in ``cues.toml``); verbs of finding and thinking do not ("police
  found a body" is no report);
* an **object before a to-infinitive** of a verb of asking or ordering is the
  addressee, and the infinitive is the content: "Trump asks Zelensky [to
  investigate ...]", "ordered his staff [to delay ...]" (``object_infinitive``);
* a **participle after a noun** whose clause follows is a reduced relative
  clause, the noun its source: "filed a motion claiming [the state of
  emergency is unconstitutional]", "a statement saying [...]";
* a **clause after a short adjunct and a comma**: "X noted on Monday, [the
  fatalities were all unvaccinated]", "Al Jazeera reported on Thursday,
  [coverage had risen to 55 percent]"; the clause must open like one (a
  subject and a finite verb), so ", adding ..." or ", in a statement" is not it.

The source is the cue's subject, found as ``indirect`` finds it; a cue with
no subject (a passive, a noun) reports nothing here.
"""

from __future__ import annotations

from newscorpus.annotate.accusations import accusation_reports
from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import CueLexicon
from newscorpus.annotate.indirect import QUANTIFIERS, clause_end, cue_source, finite_follows
from newscorpus.annotate.marks import holds_quote_mark
from newscorpus.annotate.mentions import DETERMINERS, POSSESSIVES, PREPOSITIONS, SUBJECT_PRONOUNS, MentionFinder
from newscorpus.annotate.passives import passive_reports
from newscorpus.annotate.relatives import antecedent
from newscorpus.annotate.reported import Reported

MIN_CONTENT_TOKENS = 3
MIN_OBJECT_TOKENS = 2  # "called for [younger leadership]": a noun phrase may be short
MAX_OBJECT_TOKENS = 5
MAX_ADJUNCT_TOKENS = 4
_QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"})
_PUNCTUATION = frozenset({".", "!", "?", ";", ",", ":", "\u2014", "\u2013", "-", "(", ")"})
# Before a finite verb of the clause there is a subject; these make the cue a noun, an infinitive or a passive.
_NOT_BEFORE_VERB = DETERMINERS | POSSESSIVES.keys() | {"to", "'s", "\u2019s", "of", "by", "been", "being", "be"}
_NOT_BEFORE_VERB |= {"is", "are", "was", "were"}
# An object pronoun alone ("denied it", "reported them") says nothing of what was reported.
_OBJECT_PRONOUNS = frozenset({"it", "him", "her", "them", "us", "me", "you", "this", "that", "these", "those"})
_OBJECT_PRONOUNS |= {"himself", "herself", "itself", "themselves", "so", "nothing", "something", "anything"}
_CLAUSE_SUBJECTS = SUBJECT_PRONOUNS | {"there", "you"}
_LIST_OPENERS = frozenset({"including", "such"})
_TIME_WORDS = frozenset({"yesterday", "today", "tonight", "earlier", "later", "monday", "tuesday", "wednesday"})
_TIME_WORDS |= {"thursday", "friday", "saturday", "sunday", "again", "also", "too"}


def object_reports(
    article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range, found: list[Reported]
) -> list[Reported]:
    """Reports of the four shapes of the module docstring in the sentence ``tokens``, whose cues ``found`` lacks."""
    taken = {r.cue[0] for r in found}
    reports: list[Reported] = []
    for index in tokens:
        if index in taken or not _verb_position(article, finder, tokens.start, index):
            continue
        report = _object_infinitive(article, finder, cues, tokens, index, found)
        report = report or _noun_phrase_object(article, finder, cues, tokens, index, found)
        report = report or _clause_after_adjunct(article, finder, cues, tokens, index, found)
        report = report or _reduced_relative(article, finder, cues, tokens, index)
        if report is not None:
            reports.append(report)
    # The passive and accusing shapes have modules of their own; their cues are no cue of ``found``.
    others = passive_reports(article, finder, cues, tokens) + accusation_reports(article, finder, cues, tokens, found)
    return reports + [r for r in others if r.cue[0] not in taken | {r.cue[0] for r in reports}]


def _verb_position(article: Article, finder: MentionFinder, start: int, index: int) -> bool:
    """Whether token ``index`` can be a finite verb after its subject: lowercase, not after a determiner or "was"."""
    if index == start or not article.token(index)[:1].islower():
        return False
    return finder.word(index - 1) not in _NOT_BEFORE_VERB - QUANTIFIERS  # "Some called for ..."


def _noun_phrase_object(
    article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range, index: int, found: list[Reported]
) -> Reported | None:
    """ "detainees have reported beatings and torture in prison": the object of a verb of communication."""
    cue_end = cues.phrase_at(article, index, cues.objects)
    if cue_end is None or cue_end >= tokens.stop or not _opens_noun_phrase(article, finder, cue_end):
        return None
    content = (cue_end, _noun_phrase_end(article, finder, cues, cue_end, tokens.stop))
    return _report(finder, cues, tokens, (index, cue_end), content, found, MIN_OBJECT_TOKENS)


def _object_infinitive(
    article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range, index: int, found: list[Reported]
) -> Reported | None:
    """ "asks Zelensky to investigate ...": the object is the addressee, the infinitive the content."""
    cue_end = cues.phrase_at(article, index, cues.object_infinitive)
    if cue_end is None:
        return None
    to = _end_of_object(finder, cue_end, tokens.stop)
    if to is None or to + 1 >= tokens.stop or finder.word(to) != "to":
        return None
    verb = article.token(to + 1)
    if not (verb.isalpha() and verb.islower()) or verb in DETERMINERS | POSSESSIVES.keys():
        return None  # "urged them to the border": "to" is a preposition here
    content = (to, clause_end(article, cues, to, tokens.stop, comma_ends=True))
    return _report(finder, cues, tokens, (index, cue_end), content, found)


def _clause_after_adjunct(
    article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range, index: int, found: list[Reported]
) -> Reported | None:
    """ "noted on Monday, the fatalities were all unvaccinated": a short adjunct, a comma, then a clause."""
    cue_end = cues.phrase_at(article, index, cues.indirect) or cues.phrase_at(article, index, cues.reporting)
    if cue_end is None or cue_end >= tokens.stop:
        return None
    comma = _end_of_adjunct(finder, cue_end, tokens.stop)
    if comma is None or comma + 1 >= tokens.stop:
        return None
    first = comma + 1
    if not (finder.word(first) in _CLAUSE_SUBJECTS or finite_follows(finder, first)):
        return None
    content = (first, clause_end(article, cues, first, tokens.stop))
    return _report(finder, cues, tokens, (index, cue_end), content, found)


def _reduced_relative(
    article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range, index: int
) -> Reported | None:
    """ "filed a motion claiming the state of emergency is unconstitutional": the noun before the participle speaks."""
    if not finder.word(index).endswith("ing") or index - 1 <= tokens.start:
        return None
    cue_end = cues.phrase_at(article, index, cues.indirect) or cues.phrase_at(article, index, cues.reporting)
    before = finder.word(index - 1)
    if cue_end is None or cue_end >= tokens.stop or not (before.isalpha() and article.token(index - 1).islower()):
        return None
    if cues.words(index, cue_end, article) in cues.nominal:
        return None  # "a flood warning covering ...": the -ing word is a noun
    first = cue_end + (finder.word(cue_end) == "that")
    if first >= tokens.stop or not (
        first > cue_end or finder.word(first) in _CLAUSE_SUBJECTS or finite_follows(finder, first)
    ):
        return None  # "a warning covering the coast": no clause follows, so no report
    source = antecedent(finder, tokens.start, index)
    last = clause_end(article, cues, first, tokens.stop)
    if source is None or last - first < MIN_CONTENT_TOKENS or holds_quote_mark(article, first, last):
        return None
    return Reported((first, last), (index, cue_end), source)


def _report(
    finder: MentionFinder,
    cues: CueLexicon,
    tokens: range,
    cue: tuple[int, int],
    content: tuple[int, int],
    found: list[Reported],
    shortest: int = MIN_CONTENT_TOKENS,
) -> Reported | None:
    """The report of ``cue`` with ``content`` (token spans), when the cue has a subject and the content enough words."""
    first, last = content
    if last - first < shortest or holds_quote_mark(finder.article, first, last):
        return None
    holders = [r for r in found if r.content[0] <= cue[0] < r.content[1]]
    clause_start = holders[-1].content[0] if holders else tokens.start
    source = cue_source(finder, cues, clause_start, cue[0], found)
    return Reported(content, cue, source) if source is not None else None


def _noun_phrase_end(article: Article, finder: MentionFinder, cues: CueLexicon, first: int, stop: int) -> int:
    """End of an object's noun phrase: a reported clause's end, past ", including", before "but" or a new clause."""
    last = clause_end(article, cues, first, stop)
    while last + 2 < stop and article.token(last) == "," and finder.word(last + 1) in _LIST_OPENERS:
        last = clause_end(article, cues, last + 2, stop)  # "more cases of measles, including 165 in ..."
    for index in range(first + 1, last):
        word = finder.word(index)
        if word in {";", "but"}:
            return index  # "called for X to reduce corruption but at the same time interfered ..."
        if word == "," and index + 1 < last and finder.word(index + 1) in {"while", "whereas"}:
            return index  # "reported wanting to draft articles, while others preferred ..."
        if word == "," and index + 1 < last:
            following = index + 2 if finder.word(index + 1) in {"and", "but", "while", "or"} else index + 1
            if following < last and (finder.word(following) in _CLAUSE_SUBJECTS or finite_follows(finder, following)):
                return index  # "which cited sources close to the investigation, the man had converted ..."
    return last


def _opens_noun_phrase(article: Article, finder: MentionFinder, first: int) -> bool:
    """Whether a noun phrase (not a clause, a preposition, a bare pronoun or a quote) starts at ``first``."""
    word, token = finder.word(first), article.token(first)
    if token in _PUNCTUATION or token in _QUOTE_MARKS or word in _OBJECT_PRONOUNS | _CLAUSE_SUBJECTS:
        return False
    if word in PREPOSITIONS or word in _TIME_WORDS or word in {"that", "whether", "if", "not", "no", "how", "what"}:
        return word == "no"  # "found no such action" opens a noun phrase; "reported on", "denied that" do not
    if finite_follows(finder, first):
        return False  # "reported the driver was ...": a clause, the indirect rules' to take
    return any(c.isalnum() for c in token)


def _end_of_object(finder: MentionFinder, first: int, stop: int) -> int | None:
    """Token after a short object noun phrase ("Zelensky", "his staff", "security agencies"), or None."""
    if first >= stop:
        return None
    name = finder.name_at(first)
    if name is not None:
        return name.end
    if finder.word(first) in _OBJECT_PRONOUNS - {"this", "that", "so", "nothing", "something", "anything"}:
        return first + 1
    end = first
    while end < stop and end - first < MAX_OBJECT_TOKENS and finder.word(end) != "to":
        word = finder.word(end)
        if not word.isalpha() or word in PREPOSITIONS - {"of"} or word in _CLAUSE_SUBJECTS | {"that", "and"}:
            return None
        end += 1
    return end if end > first else None


def _end_of_adjunct(finder: MentionFinder, first: int, stop: int) -> int | None:
    """The comma closing a short adjunct after a cue ("on Monday,", "in a statement on Tuesday,", "yesterday,")."""
    word = finder.word(first)
    if word not in PREPOSITIONS and word not in _TIME_WORDS:
        return None
    for index in range(first + 1, min(stop, first + MAX_ADJUNCT_TOKENS + 1)):
        if finder.word(index) == ",":
            return index
        if _breaks_adjunct(finder, index):
            return None
    return None


def _breaks_adjunct(finder: MentionFinder, index: int) -> bool:
    """Whether the token at ``index`` cannot be inside an adjunct: punctuation other than a comma, a quote, "that"."""
    token = finder.article.token(index)
    return token in _PUNCTUATION or token in _QUOTE_MARKS or finder.word(index) == "that"
