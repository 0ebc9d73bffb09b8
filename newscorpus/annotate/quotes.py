"""Quotations and attributions (PARC 3.0 style): content, cue and source, as the guidelines define them.

Quotation marks are paired first (straight, curly, single, guillemets),
keeping nested quotes inside the outer one and joining a quotation over
several paragraphs (each opens with a mark, only the last closes). Each
passage is attributed from the words around it in its sentence:

* a reporting frame before ("He said:", "said via Twitter:") or after
  (", the Kremlin said.") a passage that stands as an utterance makes a
  **direct** quote whose content is the passage, marks included; so does a
  paragraph ending "X stated:" for the quote filling the next paragraph;
* a passage embedded in the reporter's syntax makes a **mixed** quote whose
  content runs from after the cue (and "that") to the clause's punctuation
  after the closing mark; further cues in it give nested attributions;
* a passage with no frame continues the previous speaker's quote; one with
  no cue and no speaker is a scare quote or a title, not a quotation;
* without quotation marks, a verb of saying after its subject, "according
  to X" and a closing ", X said." make **indirect** quotes;
* interview turns ("((Name))") are direct quotes of the marker's name.

Sources are mentions: the subject of the cue, past places and outlets named
beside the speaker (``speakers``), or the name after an inverted cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from newscorpus.annotate.article import Article
from newscorpus.annotate.claims import nominal_attributions
from newscorpus.annotate.cues import CueLexicon
from newscorpus.annotate.indirect import find_indirect
from newscorpus.annotate.interviews import interview_turns, turn_openings
from newscorpus.annotate.marks import QuotedPassage, closes_sentence, find_segments, inner_passages, mark_at
from newscorpus.annotate.mentions import PREPOSITIONS, Mention, MentionFinder
from newscorpus.annotate.nested import nested_in_quote, quoted_in_quote
from newscorpus.annotate.objects import object_reports
from newscorpus.annotate.reported import according_to, frame_after
from newscorpus.annotate.speakers import SPEAKER_LABELS, named_speaker, source_phrase, stretch_source
from newscorpus.annotate.speakers import speaker_after as _speaker_after
from newscorpus.annotate.speakers import speaker_before as _speaker_before

_SENTENCE_PUNCTUATION = frozenset({".", "!", "?", ";", ",", ":"})
_FRAME_PUNCTUATION = frozenset({",", ":", "\u2014", "-"})
MAX_FRAME_TOKENS = 12
_THAT_WINDOW = 5
_SETTING_TOKENS = 6
_BEFORE_NAMING_VERB = frozenset({"and", "or", "also", "then", "he", "she", "they", "we", "i", "it"})
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One quotation: its type, content and cue as character spans, its source as a mention."""

    type: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: Mention | None


class QuoteAnnotator:
    """Finds attributions in an article, given its mentions and a cue lexicon."""

    def __init__(self, cues: CueLexicon) -> None:
        self._cues = cues

    def _sentence(self, article: Article, openings: list[int], offset: int) -> range:
        """Tokens of the sentence holding character ``offset``, starting no earlier than a turn's marker ends."""
        tokens = article.sentence_tokens(article.sentence_of(offset))
        start = max([tokens.start, *(o for o in openings if tokens.start < o < tokens.stop)])
        return range(start, tokens.stop)

    def annotate(self, article: Article, finder: MentionFinder) -> list[Attribution]:
        """Every attribution, in order of content start; nested ones follow the one holding them."""
        segments = find_segments(article)
        openings = turn_openings(article)  # derived per article and passed down, so one annotator serves many
        attributions: list[Attribution] = []
        covered_until = -1
        for position, segment in enumerate(segments):
            if article.token_starts[segment.first] < covered_until:
                continue  # already inside a mixed quote's content
            previous = attributions[-1] if attributions else None
            found = self._attribute(article, finder, segments, position, previous, openings)
            attributions += found
            covered_until = max([covered_until, *(a.content[1] for a in found)])
        # Every sentence a quoted passage touches, those inside a passage of several sentences too.
        quoted_sentences = {
            sentence
            for s in segments
            for sentence in range(
                article.sentence_of(article.token_starts[s.first]),
                article.sentence_of(article.token_starts[s.last]) + 1,
            )
        }
        for sentence in range(len(article.sentence_starts)):
            if article.role_at(article.sentence_starts[sentence]) != "body":
                continue
            tokens = self._sentence(article, openings, article.sentence_starts[sentence])
            if sentence not in quoted_sentences:
                attributions += self._unquoted(article, finder, tokens)
                continue
            # Before a sentence's first quote: 'He stated the trial would not be impartial, saying "..."'.
            first_mark = min((s.first for s in segments if s.first in tokens), default=tokens.start)
            before_quote = self._unquoted(article, finder, range(tokens.start, first_mark), closing_frame=False)
            attributions += [a for a in before_quote if not _repeats(a, attributions)]
            closing = [s for s in segments if s.last in tokens and closes_sentence(article, s, tokens.stop)]
            if closing:  # after a quote that closes a sentence the sentencizer did not split
                after_quote = self._unquoted(article, finder, range(closing[-1].last + 1, tokens.stop))
                attributions += [a for a in after_quote if not _repeats(a, attributions)]
        attributions += self._nested(article, finder, segments, attributions)
        # Attributions with no overt source are out of scope (guidelines 4.4).
        attributions = [a for a in _with_turns(article, attributions) if a.source is not None]
        return sorted(attributions, key=lambda a: (a.content[0], -a.content[1]))

    def _cues_in(self, article: Article, tokens: range) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        index = tokens.start
        while index < tokens.stop:
            end = self._cues.cue_at(article, index)
            if end is not None and end <= tokens.stop and not self._modifies_noun(article, index, end):
                found.append((index, end))
                index = end
            else:
                index += 1
        return found

    def _modifies_noun(self, article: Article, index: int, end: int) -> bool:
        """A naming participle after a noun ("a song called "...", a pattern called a "glider") names a term."""
        if index == 0 or self._cues.words(index, end, article) not in self._cues.naming:
            return False
        before = article.token(index - 1)
        if before == "-" or before.endswith("-"):
            return True  # "so-called"
        return before.isalpha() and before.islower() and before not in _BEFORE_NAMING_VERB

    def _source(self, finder: MentionFinder, clause: range, cue: tuple[int, int]) -> Mention | None:
        """Who a cue attributes to: after "according to", else its subject, else the name after it."""
        if self._cues.source_follows_at(finder.article, cue[0]):
            after = finder.after(cue[1], clause.stop) or _speaker_after(finder, cue[1], clause.stop)
            return source_phrase(finder, after, clause.stop)[0] if after else None
        subject = _speaker_before(finder, clause.start, cue[0], finder.subject(clause.start, cue[0], verb=cue[0]))
        if subject is None and (after := finder.after(cue[1], clause.stop)) is not None:
            subject = source_phrase(finder, after, clause.stop)[0]  # "said California Attorney General X"
        return named_speaker(finder, subject or _speaker_after(finder, cue[1], clause.stop))

    def _attribute(
        self,
        article: Article,
        finder: MentionFinder,
        segments: list[QuotedPassage],
        position: int,
        previous: Attribution | None,
        openings: list[int],
    ) -> list[Attribution]:
        segment = segments[position]
        opening = article.token_starts[segment.first]
        first_sentence = self._sentence(article, openings, opening)
        last_sentence = self._sentence(article, openings, article.token_starts[segment.last])
        left_start = first_sentence.start
        if position and segments[position - 1].last >= left_start:
            left_start = segments[position - 1].last + 1
        right_stop = last_sentence.stop
        if position + 1 < len(segments) and segments[position + 1].first < right_stop:
            right_stop = segments[position + 1].first
        if closes_sentence(article, segment, right_stop):
            right_stop = segment.last + 1  # '... level."  Amundson cited ...': the words after begin a sentence
        left, right = range(left_start, segment.first), range(segment.last + 1, right_stop)
        left_cues, right_cues = self._cues_in(article, left), self._cues_in(article, right)
        utterance = _opens_utterance(article, segment)
        quoted = (opening, article.token_ends[segment.last])
        right_words = [article.token(i) for i in right if any(c.isalnum() for c in article.token(i))]
        # The second half of a split quote ("We will," he said, "win.") continues an utterance.
        split = position > 0 and segments[position - 1].last >= first_sentence.start
        # A cue right before the quote frames it; a lowercase quote only when it is all the content ("saying "...").
        framed = bool(left_cues) and all(
            article.token(i) in _FRAME_PUNCTUATION for i in range(left_cues[-1][1], segment.first)
        )
        left_frame = (framed and (utterance or split)) or _framed_after_setting(article, left_cues, segment)
        # 'According to X, CLAUSE: "..."': a colon before a whole utterance introduces it.
        left_frame = left_frame or bool(left_cues and utterance and article.token(segment.first - 1) == ":")
        title = finder.name_at(segment.first + 1)
        if title is not None and title.label == "WORK_OF_ART" and title.end >= segment.last - 1:
            return []  # a title in quotation marks is an entity, not a quotation (guidelines 7.8)
        if not left and not right_words:
            if (introduced := self._introduced(article, finder, opening)) is not None:
                return [Attribution("direct", quoted, *introduced)]
            if previous is None or previous.source is None or _paragraphs_apart(article, previous, opening) > 1:
                return []
            return [Attribution("direct", quoted, None, previous.source)]
        # 'X said, "...", adding, "..."': a comma after the closing mark ends the utterance.
        if (left_frame or framed) and (not right_words or article.token(right.start) == ","):
            cue = left_cues[-1]
            # ', adding, "..."': a participle's subject is the speaker of the part before.
            source = self._source(finder, left, cue) or (previous.source if split and previous else None)
            return [Attribution("direct", quoted, _chars(article, cue), source)]
        # A quote ending in a comma inside its marks ('"...," the director ... said') stands as an utterance.
        longest = MAX_FRAME_TOKENS * (2 if article.token(segment.last - 1) == "," else 1)
        if (not left or left_frame) and right_cues and _frame_length(article, right, right_cues[0]) <= longest:
            cue = right_cues[0]
            frame = range(next(i for i in right if article.token(i) not in _FRAME_PUNCTUATION), right.stop)
            return [Attribution("direct", quoted, _chars(article, cue), self._source(finder, frame, cue))]
        content_end = _content_end(article, segment, last_sentence, finder, self._cues)
        if left_cues and self._cues.words(*left_cues[-1], article) in self._cues.naming:
            # 'called Biden a "decent man"': the content is the name given, its article and marks.
            first = segment.first - (article.token(segment.first - 1).lower() in {"a", "an", "the"})
            content = (article.token_starts[first], article.token_ends[segment.last])
            cue = left_cues[-1]
            return [Attribution("mixed", content, _chars(article, cue), self._source(finder, left, cue))]
        if left_cues:
            return self._mixed(article, finder, left, left_cues, content_end)
        if right_cues:
            cue = right_cues[0]
            source = self._source(finder, range(right.start, right.stop), cue)
            cut = next((i for i in right if article.token(i) == ","), cue[0])
            if source is not None and segment.last < source.first < cut:
                cut = source.first  # the content never takes in its speaker
            content = (article.token_starts[left.start if left else segment.first], article.token_ends[cut - 1])
            return [Attribution("mixed", content, _chars(article, cue), source)]
        return []  # quotation marks without any attribution: scare quotes or a title

    def _introduced(self, article: Article, finder: MentionFinder, opening: int) -> tuple[Span, Mention | None] | None:
        """Cue and source of a paragraph ending "X stated:" that introduces the quote opening the next one."""
        paragraph = article.paragraph_of(opening)
        if paragraph == 0 or article.paragraph_starts[paragraph] != opening:
            return None
        before = article.token_range(article.paragraph_starts[paragraph - 1], article.paragraph_ends[paragraph - 1])
        if not before or article.token(before.stop - 1) not in {":", ","}:
            return None
        sentence = article.sentence_tokens(article.sentence_of(article.token_starts[before.stop - 1]))
        clause = range(max(sentence.start, before.start), before.stop - 1)
        cues = self._cues_in(article, clause)
        if not cues or any(mark_at(article, i) for i in clause):
            return None
        return _chars(article, cues[-1]), self._source(finder, clause, cues[-1])

    def _mixed(
        self,
        article: Article,
        finder: MentionFinder,
        left: range,
        cues: list[tuple[int, int]],
        content_end: int,
    ) -> list[Attribution]:
        """The outer attribution of an embedded quote, and those nested in its content."""
        # 'stated the trial would not be fair, citing "..."': a cue after a comma opens the clause quoted.
        cues = cues[max((k for k, c in enumerate(cues) if k and article.token(c[0] - 1) == ","), default=0) :]
        outer = cues[0]
        content_first = self._content_start(article, outer[1], left.stop)
        if self._cues.source_follows_at(article, outer[0]) and (after := finder.after(outer[1], left.stop)):
            # "According to X, the ... "...": the content starts after the source's phrase, never takes it in.
            phrase_end = source_phrase(finder, after, left.stop)[1]
            content_first = phrase_end + 1 if phrase_end < left.stop and finder.word(phrase_end) == "," else phrase_end
        found = [
            Attribution(
                "mixed",
                (article.token_starts[content_first], content_end),
                _chars(article, outer),
                self._source(finder, left, outer),
            )
        ]
        for cue in cues[1:]:
            if cue[0] <= content_first:
                continue
            stretch = range(content_first, cue[0])
            source = stretch_source(finder, stretch)
            if source is None:
                break
            content_first = self._content_start(article, cue[1], left.stop)
            found.append(
                Attribution("mixed", (article.token_starts[content_first], content_end), _chars(article, cue), source)
            )
        return found

    def _content_start(self, article: Article, after_cue: int, stop: int) -> int:
        """First content token after a cue: past "that" when it comes within a few words, past a colon."""
        for index in range(after_cue, min(stop, after_cue + _THAT_WINDOW)):
            word = article.token(index).lower()
            if word == "that":
                return index + 1
            if word in {",", ":"} or mark_at(article, index):
                break
        index = after_cue
        while index < stop and article.token(index) in _FRAME_PUNCTUATION:
            index += 1
        return index

    def _unquoted(
        self, article: Article, finder: MentionFinder, tokens: range, *, closing_frame: bool = True
    ) -> list[Attribution]:
        """ "According to X", verbs of saying with their clauses, else a closing "..., X said." frame."""
        found = according_to(article, finder, self._cues, tokens) + find_indirect(article, finder, self._cues, tokens)
        found += object_reports(article, finder, self._cues, tokens, found)
        # "issued a statement saying that ...": the participle's report already holds what the noun would.
        found += [
            r
            for r in nominal_attributions(article, finder, self._cues, tokens)
            if r.content not in {f.content for f in found}
        ]
        if closing_frame:
            # "CLAUSE, X said." holds the clause's own attributions too ("We came knowing ..., X said.").
            taken = {f.cue for f in found}
            found += [r for r in frame_after(article, finder, self._cues, tokens) if r.cue not in taken]
        return [Attribution("indirect", _chars(article, r.content), _chars(article, r.cue), r.source) for r in found]

    def _nested(
        self, article: Article, finder: MentionFinder, segments: list[QuotedPassage], found: list[Attribution]
    ) -> list[Attribution]:
        """Reported clauses inside attributed quotations ("I think ...", guidelines 7.14), typed indirect."""
        nested = []
        for segment in segments:
            quoted = (article.token_starts[segment.first], article.token_ends[segment.last])
            if any(a.content[0] <= quoted[0] and quoted[1] <= a.content[1] and a.source for a in found):
                inner = range(segment.first + 1, segment.last)
                for r in nested_in_quote(article, finder, self._cues, inner):
                    nested.append(Attribution("indirect", _chars(article, r.content), _chars(article, r.cue), r.source))
                for passage in inner_passages(article, segment):
                    if q := quoted_in_quote(article, finder, self._cues, inner, passage.first, passage.last):
                        content, cue = _chars(article, q.content), _chars(article, q.cue)
                        nested.append(Attribution("direct", content, cue, q.source))
        return nested


def _repeats(attribution: Attribution, found: list[Attribution]) -> bool:
    """Whether an attribution found before a quote repeats one of the quote's: the same cue over the same words."""
    start, end = attribution.content
    return any(a.cue == attribution.cue and a.content[0] < end and start < a.content[1] for a in found)


def _opens_utterance(article: Article, segment: QuotedPassage) -> bool:
    """Whether the quoted passage starts like a sentence of its own (capital letter)."""
    for index in range(segment.first + 1, segment.last):
        letters = [c for c in article.token(index) if c.isalpha()]
        if letters:
            return letters[0].isupper()
    return False


def _content_end(
    article: Article, segment: QuotedPassage, sentence: range, finder: MentionFinder, cues: CueLexicon
) -> int:
    """End offset of a mixed quote's content: the words after the closing mark up to the clause's punctuation.

    "were "three terrorists" were killed." runs to "killed"; a comma after the
    mark ("... forces", whose ...") ends the content at the mark, leaving the
    reporter's description out; so does a frame after the mark (a cue, or a
    person or organisation named: the speaker), which the content never takes in.
    """
    last = segment.last
    while last + 1 < sentence.stop and article.token(last + 1) not in _SENTENCE_PUNCTUATION:
        if mark_at(article, last + 1) or len(range(segment.last, last)) >= MAX_FRAME_TOKENS:
            return article.token_ends[segment.last]
        speaker = finder.name_at(last + 1)
        if cues.cue_at(article, last + 1) is not None or (speaker is not None and speaker.label in SPEAKER_LABELS):
            return article.token_ends[segment.last]
        last += 1
    return article.token_ends[last]


def _frame_length(article: Article, right: range, cue: tuple[int, int]) -> int:
    """Tokens of a frame after a quote, up to the end of its cue's clause (", who ..." is not the frame)."""
    cut = next((i for i in range(cue[1], right.stop) if article.token(i) == ","), right.stop)
    return cut - right.start


def _framed_after_setting(article: Article, cues: list[tuple[int, int]], segment: QuotedPassage) -> bool:
    """A cue, a few words of setting, then a comma or colon and the quote ("said via Twitter: "...")."""
    if not cues or segment.first == 0 or article.token(segment.first - 1) not in {",", ":"}:
        return False
    between = range(cues[-1][1], segment.first - 1)
    # A prepositional phrase may be longer: 'said from La Fortaleza's Hall of Mirrors, "If ..."'.
    longest = _SETTING_TOKENS * (2 if between and article.token(between.start).lower() in PREPOSITIONS else 1)
    return len(between) <= longest and not any(mark_at(article, i) or article.token(i) in {",", ";"} for i in between)


def _chars(article: Article, tokens: tuple[int, int]) -> tuple[int, int]:
    return article.token_starts[tokens[0]], article.token_ends[tokens[1] - 1]


def _paragraphs_apart(article: Article, previous: Attribution, offset: int) -> int:
    return article.paragraph_of(offset) - article.paragraph_of(previous.content[1] - 1)


def _with_turns(article: Article, attributions: list[Attribution]) -> list[Attribution]:
    """Interview turns as quotations; inside a turn, quotes that only continue a previous speaker are dropped."""
    turns = interview_turns(article)
    if not turns:
        return attributions

    def inside(attribution: Attribution) -> bool:
        return any(start <= attribution.content[0] < end for (start, end), _ in turns)

    found = [Attribution("direct", content, None, speaker) for content, speaker in turns]
    return found + [a for a in attributions if a.cue is not None or not inside(a)]
