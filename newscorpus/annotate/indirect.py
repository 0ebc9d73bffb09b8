"""Indirect speech: a verb of saying or thinking, its subject, and the clause it reports, with no quotation marks.

Found in sentences without quotation marks and inside quoted passages (the
speaker's own "I think ...", guidelines 7.14). For each cue, left to right:

* the source is the cue's subject: right before it ("Lukashenko has said"),
  before an apposition set off by commas ("Abdurrahman Mangal, spokesperson
  for the provincial governor, said"), the antecedent of "who" ("police,
  who said"), the main clause's subject for a participle (", saying ...")
  and the previous cue's source for a coordinated verb ("... but denied");
* the content starts after the cue, its addressee ("told reporters") and
  "that". Verbs of thinking, finding and reporting ("think", "found") count
  only when a clause follows ("that", or a pronoun or name as its subject);
  a to-infinitive counts only after cues that take one ("agreed to add");
* the content ends where the clause does: at the sentence's end, or before a
  relative clause (", which"), ", according to", a participial cue
  (", saying") or a coordinated cue ("but denied").
"""

from __future__ import annotations

from newscorpus.annotate.article import Article
from newscorpus.annotate.cues import CueLexicon
from newscorpus.annotate.marks import holds_quote_mark
from newscorpus.annotate.mentions import (
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    Mention,
    MentionFinder,
)
from newscorpus.annotate.relatives import antecedent, main_verb_cut, relative_inside_subject, restrictive_relative
from newscorpus.annotate.reported import Reported
from newscorpus.annotate.speakers import speaker_before

MIN_CONTENT_TOKENS = 3
MAX_SUBJECT_GAP = 10
MAX_APPOSITION_TOKENS = 12
_THAT_WINDOW = 5
_ADDRESSEE_TOKENS = 4
_PUNCTUATION = frozenset({".", "!", "?", ";", ",", ":"})
_QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"})
_COORDINATORS = frozenset({"and", "but"})
_RELATIVES = frozenset({"which", "who", "whose"})
# After a comma, these open the reporter's own description: ", which ...", ", with officials reporting ...".
_CLAUSE_ENDERS = _RELATIVES | {"with"}
# ", a shadowy private army ..." closing the sentence describes (guidelines 4.3); one closed by a comma is apposition.
_DESCRIPTION_OPENERS = frozenset({"a", "an"})
_CLAUSE_SUBJECTS = SUBJECT_PRONOUNS | {"there", "you"}
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "reporters", "journalists", "police"})
# Words before a cue that make it a noun or an infinitive, not a finite verb of the clause.
_NOT_BEFORE_VERB = DETERMINERS | {"to", "'s", "\u2019s", "of", "whose", "when", "while", "after", "before", "by"}
# A passive cue's subject is the addressee ("I have been told not to ..."), not the source.
_PASSIVE = frozenset({"been", "being", "be", "is", "are", "was", "were"})
# Finite verbs that show a clause follows an untrusted cue ("indicated the injuries were minor").
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may"})
_FINITE |= {"might", "should", "must", "did", "does", "do"}
_FINITE |= {"'s", "'ll", "'re", "'ve", "'m", "'d", "\u2019ll", "\u2019re", "\u2019ve", "\u2019m", "\u2019d"}
_CLAUSE_WINDOW = 6
_CONTRACTING = frozenset({"he", "she", "it", "that", "there", "what", "who", "here", "where", "this"})
_PARTICIPLE_SUBJECT_TOKENS = 4
_CLOSING_FRAME_TOKENS = 6
_PREDICATE_WINDOW = 8
_SUBORDINATORS = frozenset({"so", "because", "if", "when", "while", "after", "before", "since", "until", "although"})
# Words a participle of saying follows ("..., saying", "turned up here knowing"); a noun before it makes it a noun.
_BEFORE_PARTICIPLE = frozenset({",", "and", "but", "also", "while", "here", "there", "today", "now", "yesterday"})
_BEFORE_PARTICIPLE |= {"again", "out", "up", "down", "back", "off", "away"}
_BOUNDARIES = frozenset({",", ";", ":", "\u2014"})
_NOT_A_VERB = frozenset({",", ".", "or", "and", ")", ";", ":", "?", "!"})
_NOT_ASSERTING = frozenset({"if", "whether", "when", "unless", "how", "what"})
# A cue after one of these has its subject after it: "... did strike us because we thought it was binary".
_CLAUSE_SUBORDINATORS = frozenset({"because", "although", "though", "whereas"})
QUANTIFIERS = frozenset({"some", "others", "many", "several", "most", "both", "few", "all"})


def find_indirect(article: Article, finder: MentionFinder, cues: CueLexicon, tokens: range) -> list[Reported]:
    """Every reported clause of the sentence (or part of one) ``tokens``, in text order."""
    found: list[Reported] = []
    index = tokens.start
    while index < tokens.stop:
        reported = _reported_at(article, finder, cues, tokens, index, found)
        if reported is None:
            index += 1
            continue
        found.append(reported)
        index = reported.cue[1]  # a nested cue may follow inside the content
    return found


def _cue_at(article: Article, cues: CueLexicon, index: int, stop: int) -> tuple[int, bool] | None:
    """(end, trusted) of a cue at ``index``: trusted cues report any clause, the others only one that opens like one."""
    end = cues.phrase_at(article, index, cues.indirect)
    if end is not None:
        return end, True
    end = cues.phrase_at(article, index, cues.reporting) or cues.phrase_at(article, index, cues.predicative)
    if end is not None:
        return end, False
    end = cues.cue_at(article, index)
    that_follows = end is not None and end < stop and article.token(end).lower() == "that"
    return (end, False) if that_follows and end is not None and not cues.source_follows_at(article, index) else None


def _reported_at(
    article: Article,
    finder: MentionFinder,
    cues: CueLexicon,
    tokens: range,
    index: int,
    found: list[Reported],
) -> Reported | None:
    hit = _cue_at(article, cues, index, tokens.stop)
    if hit is None or (index > tokens.start and finder.word(index - 1) in (_NOT_BEFORE_VERB | _PASSIVE) - QUANTIFIERS):
        return None
    if index > tokens.start and (article.token(index)[:1].isupper() or article.token(index - 1)[:1].isdigit()):
        return None  # "United States" is no cue, nor "337 suspected users"
    if finder.word(index).endswith("ing") and not _participle_position(finder, tokens.start, index):
        return None  # "a flood warning covering ...": a noun, not a participle
    cue_end, trusted = hit
    if not trusted and cue_end < tokens.stop and finder.word(cue_end) == ",":
        return None  # a parenthetical "you know," or "I think,"
    # The clause a nested cue belongs to starts where the content holding it does.
    holders = [r for r in found if r.content[0] <= index < r.content[1]]
    clause_start = holders[-1].content[0] if holders else tokens.start
    source = cue_source(finder, cues, clause_start, index, found)
    if source is None:
        return None
    if source.first > clause_start and finder.word(source.first - 1) == "as" and finder.word(cue_end) != ",":
        return None  # "as cloaked as they think they are": a comparison; "as I said, ..." reports what follows
    words = cues.words(index, cue_end, article)
    first = cue_end
    if words in cues.addressed:
        first = _past_addressee(finder, first, tokens.stop)
        if first < tokens.stop and finder.word(first) in {"you", "him", "her", "them", "us", "me"}:
            return None  # "tell you one thing": an addressee and an object, no clause
    # Untrusted cues need "that" right after them or after an addressee ("indicate to the Ukrainians that").
    window = _THAT_WINDOW if trusted or finder.word(min(first, len(article) - 1)) == "to" else 1
    first, after_that = _content_start(finder, first, tokens.stop, window)
    if first >= tokens.stop:
        return None
    opening = finder.word(first)
    infinitive = opening == "to" and words in cues.infinitive  # "agreed to add two members"
    if opening in {"him", "them", "me", "us"}:
        return None  # "confirmed him, but ...": an object, no clause
    if not infinitive and (opening in PREPOSITIONS | {"as"} or article.token(first)[:1] in _QUOTE_MARKS):
        return None
    predicate = words in cues.predicative and _predicate_follows(finder, first, tokens.stop)
    if opening in _CLAUSE_SUBJECTS and first + 1 < tokens.stop and finder.word(first + 1) in _NOT_A_VERB:
        return None  # "whether you know it or not": the pronoun is an object
    clause = opening in _CLAUSE_SUBJECTS or finite_follows(finder, first)
    clause = clause or (words in cues.opinion and finder.word(source.first) in {"i", "we", "you"})  # "I think people"
    if not (infinitive or trusted or after_that or predicate or clause):
        return None
    # "Although officials said the dam was safe, residents fled": a fronted subordinate clause ends at its comma.
    fronted = finder.word(clause_start) in _SUBORDINATORS | _CLAUSE_SUBORDINATORS
    last = clause_end(article, cues, first, tokens.stop, comma_ends=infinitive or fronted)
    if restrictive_relative(finder, clause_start, index):
        last = main_verb_cut(finder, first, last, lambda i: _cue_at(article, cues, i, tokens.stop) is not None)
    if last - first < MIN_CONTENT_TOKENS or holds_quote_mark(article, first, last):
        return None  # a quote nested in a quote is not indirect speech
    return Reported((first, last), (index, cue_end), source)


def _closing_frame(article: Article, cues: CueLexicon, first: int, stop: int) -> bool:
    """Whether tokens [first, stop) are a short frame closing the sentence: "Tom Baker said."."""
    last = stop
    while last > first and article.token(last - 1) in _PUNCTUATION:
        last -= 1
    if not 0 < last - first <= _CLOSING_FRAME_TOKENS:
        return False
    return any(cues.phrase_at(article, i, cues.indirect) == last for i in range(first, last))


def _participle_position(finder: MentionFinder, start: int, index: int) -> bool:
    """Whether an -ing cue stands where a participle of saying does: after a comma, a conjunction or "with X"."""
    before = finder.word(index - 1) if index > start else ""
    if before in _BEFORE_PARTICIPLE or _adverb_like(before):
        return True
    return any(finder.word(i) == "with" for i in range(max(start, index - _PARTICIPLE_SUBJECT_TOKENS), index))


def _predicate_follows(finder: MentionFinder, first: int, stop: int) -> bool:
    """Whether "as" or "to be" follows a short object: "characterized the attack as ...", "considered it to be"."""
    for index in range(first + 1, min(stop - 1, first + _PREDICATE_WINDOW)):
        word = finder.word(index)
        if word == "as" or (word == "to" and finder.word(index + 1) == "be"):
            return True
        if word in {",", ";", ":"}:
            return False
    return False


def finite_follows(finder: MentionFinder, first: int) -> bool:
    """Whether a finite verb comes within a few words, before any comma: the content is a clause, not an object."""
    for index in range(first + 1, min(len(finder.article), first + _CLAUSE_WINDOW)):
        word = finder.word(index)
        if word in _FINITE and (word not in {"'s", "\u2019s"} or finder.word(index - 1) in _CONTRACTING):
            return True  # "it's", "there's"; "Navalny's blood" is a possessive
        if word in {",", ";", ":", "that", "to"} or word in _SUBORDINATORS:
            return False  # "declared last Friday so he could ...": the verb belongs to another clause
    return False


def _adverb_like(word: str) -> bool:
    return word in AUXILIARIES or (word.endswith("ly") and word.isalpha())


def cue_source(
    finder: MentionFinder, cues: CueLexicon, clause_start: int, index: int, found: list[Reported]
) -> Mention | None:
    """The cue's subject, by the shapes of the module docstring; None when it has none or asserts nothing.

    A subject after "if", "whether" or "when" is in a condition or a
    question ("whether you know it or not", "When you ask that question"),
    which attributes nothing, and so does one in a free relative ("How we
    concluded it is ...", "what they think"); "because the DMCA says"
    attributes to "the DMCA", and the subject is never sought before such a
    subordinator. A comment clause ("as the court put it") does attribute.
    """
    before_cue = range(index - 1, clause_start, -1)
    subordinator = next((i for i in before_cue if finder.word(i) in _CLAUSE_SUBORDINATORS), None)
    if subordinator is not None and finder.word(subordinator + 1) != "of":  # "because of the storm" is a preposition
        clause_start = subordinator
    subject = _subject_of_cue(finder, cues, clause_start, index, found)
    if subject is None:
        return None
    if finder.word(subject.first) in _NOT_ASSERTING or (
        subject.first > clause_start and finder.word(subject.first - 1) in _NOT_ASSERTING
    ):
        return None
    if finder.word(subject.first) in _SUBORDINATORS | {"as"} and subject.end - subject.first > 1:
        rest = subject.first + 1
        kind = "pronoun" if subject.end - rest == 1 and finder.pronoun_at(rest) else subject.kind
        return Mention(rest, subject.end, kind, subject.label)
    return subject


def _subject_of_cue(
    finder: MentionFinder, cues: CueLexicon, clause_start: int, index: int, found: list[Reported]
) -> Mention | None:
    end = index
    while end > clause_start and _adverb_like(finder.word(end - 1)):
        end -= 1
    before = finder.word(end - 1) if end > clause_start else ""
    if before in _COORDINATORS:
        # "said ... but denied that ...": the coordinated verb shares the subject, the clause's when no cue came first.
        if found and found[-1].cue[1] <= index:
            return found[-1].source
        return None if found else _shared_subject(finder, clause_start, end - 1)
    if before == "," and finder.word(index).endswith("ing"):
        main = finder.subject(clause_start, end - 1)
        return speaker_before(finder, clause_start, end - 1, main) if main else None
    if found and found[-1].content[1] == end and restrictive_relative(finder, clause_start, found[-1].cue[0]):
        return found[-1].source  # "Belarus leader who claims ... [said]": the main verb after the relative clause
    relative = end - 2 if end - 2 >= clause_start and finder.word(end - 2) == "," else end - 1
    if before in {"who", "which"} and relative > clause_start:
        return antecedent(finder, clause_start, relative)  # "police, who said", "Officials who said"
    if before == ",":
        return _subject_before_apposition(finder, cues, clause_start, end - 1)
    subject = plain_subject(finder, clause_start, index)
    if subject is None:
        # The subject of a later clause: "..., he knows his ...", "..., and the driver told ...".
        # Also after a coordinator: "... used extreme violence and detainees have reported ...".
        opens = _BOUNDARIES | _COORDINATORS
        boundary = next((i for i in range(end - 1, clause_start - 1, -1) if finder.word(i) in opens), None)
        if end - 1 == (clause_start if boundary is None else boundary + 1) and finder.word(end - 1) in QUANTIFIERS:
            return Mention(end - 1, end, "nominal")  # "Some called for ...": a quantifier as the whole subject
        if boundary is not None:
            start = boundary + 1
            while start < end and finder.word(start) in _COORDINATORS | {"with"}:
                start += 1
            subject = plain_subject(finder, start, index)
    return subject


def _shared_subject(finder: MentionFinder, clause_start: int, coordinator: int) -> Mention | None:
    """The subject of the first of two coordinated verbs: "The Arapaho have plans to ... and report they ..."."""
    subject = speaker_before(finder, clause_start, coordinator, finder.subject(clause_start, coordinator))
    if subject is None or any(finder.word(i) in _BOUNDARIES for i in range(subject.end, coordinator)):
        return None
    return subject


def plain_subject(finder: MentionFinder, clause_start: int, index: int) -> Mention | None:
    """The subject of a clause starting at ``clause_start`` whose verb is at ``index``, nothing but words between."""
    subject = speaker_before(finder, clause_start, index, finder.subject(clause_start, index, verb=index))
    if subject is None or subject.first < clause_start or subject.end > index:
        return None
    between = range(subject.end, index)
    if len(between) > MAX_SUBJECT_GAP or any(finder.word(i) in _BOUNDARIES for i in between):
        return None
    if any(finder.article.token(i) in _QUOTE_MARKS for i in between):
        return None
    return subject


def _subject_before_apposition(
    finder: MentionFinder, cues: CueLexicon, clause_start: int, comma: int
) -> Mention | None:
    """The subject of "NAME, APPOSITION, said": the mention that ends at the apposition's opening comma."""
    opening = next((i for i in range(comma - 1, clause_start - 1, -1) if finder.word(i) == ","), None)
    if opening is None or comma - opening - 1 > MAX_APPOSITION_TOKENS or comma - opening < 2:
        return None
    apposition = range(opening + 1, comma)
    if any(cues.phrase_at(finder.article, i, cues.indirect) for i in apposition):
        return None
    names = [m for m in finder.names() if m.end == opening and m.first >= clause_start]
    if names:
        return names[-1]
    subject = finder.subject(clause_start, opening, verb=opening)
    return subject if subject is not None and subject.end == opening else None


def _past_addressee(finder: MentionFinder, first: int, stop: int) -> int:
    """Past the addressee of "told reporters he ..." / "told the press his ...", when a clause follows it."""
    if first >= stop:
        return first
    name = finder.name_at(first)
    word = finder.word(first)
    if name is not None:
        after = name.end
    elif word in _OBJECT_PRONOUNS:
        after = first + 1
    elif word in DETERMINERS - {"that", "this", "these", "those"}:
        after = first + 1
        if (named := finder.name_at(after)) is not None:
            after = named.end  # "told the Nevada Independent"
        while after < min(stop, first + _ADDRESSEE_TOKENS) and _plain(finder.word(after)):
            after += 1
    elif _plain(word):
        after = first + 1
    else:
        return first
    if after >= stop or after == first or finder.word(after) in _PUNCTUATION:
        return after  # the addressee is all there is: no reported clause follows
    following = finder.word(after)
    if following == "that" or following in _CLAUSE_SUBJECTS or following in DETERMINERS:
        return after
    if finite_follows(finder, after - 1):
        return after  # "told reporters no deal was in sight"
    return after if finder.name_at(after) is not None else first


def _plain(word: str) -> bool:
    """A lowercase word that can be part of an addressee's noun phrase."""
    return word.isalpha() and word.islower() and word not in DETERMINERS | _CLAUSE_SUBJECTS | {"that", "to"}


def _content_start(finder: MentionFinder, after_cue: int, stop: int, window: int) -> tuple[int, bool]:
    """First content token after a cue, past "that" when it comes within ``window`` words; and whether it did."""
    for index in range(after_cue, min(stop, after_cue + window)):
        word = finder.word(index)
        if word == "that":
            # "I think that was fine": before a finite verb "that" is the clause's subject, not its complementizer.
            return (index, False) if finder.word(index + 1) in _FINITE else (index + 1, True)
        if word in {",", ":", ";"} or finder.article.token(index) in _QUOTE_MARKS:
            break
    index = after_cue
    while index < stop and finder.word(index) in {",", ":", "\u2014", "-"}:
        index += 1
    return index, False


def clause_end(article: Article, cues: CueLexicon, first: int, stop: int, *, comma_ends: bool = False) -> int:
    """End (exclusive token) of the reported clause that starts at ``first`` (an infinitive ends at a comma)."""
    for index in range(first + 1, stop - 1):
        word = article.token(index).lower()
        following = article.token(index + 1).lower()
        ends = comma_ends and following not in {"such", "including"}  # "agreed to support plans, such as ..."
        relative = following in _CLAUSE_ENDERS and not relative_inside_subject(article, first, index, stop)
        if word == "," and (ends or relative or cues.source_follows_at(article, index + 1)):
            return index
        if word == "," and _closing_frame(article, cues, index + 1, stop):
            return index  # "..., Tom Baker said."
        if word in {"\u2014", "\u2013"}:
            return index  # a dash opens an aside: "I was like those dolls \u2014 you know, ..."
        closed = any(article.token(i) == "," for i in range(index + 2, stop))
        if word == "," and following in _DESCRIPTION_OPENERS and not closed:
            return index
        if word in _COORDINATORS | {","}:
            # ", saying ...", ", he knows ...", "and he admits ...", "but denied ...", "but did not ...".
            verb = index + 1
            if verb < stop and article.token(verb).lower() in _CLAUSE_SUBJECTS:
                verb += 1
            while verb < stop and _adverb_like(article.token(verb).lower()):
                verb += 1
            if verb < stop and _cue_at(article, cues, verb, stop) is not None:
                return index - 1 if article.token(index - 1) == "," else index
            if word == "," and following.endswith("ing") and following.isalpha():
                return index  # ", reversing the convictions": the reporter's own participle clause
            if word == "but" and verb > index + 1 and article.token(index + 1).lower() in _FINITE:
                return index - 1 if article.token(index - 1) == "," else index
    last = stop
    while last > first and (article.token(last - 1) in _PUNCTUATION or article.token(last - 1) in _QUOTE_MARKS):
        last -= 1
    return last
