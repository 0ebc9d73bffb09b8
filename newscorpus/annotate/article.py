"""The read-only view of a record that every annotator works on: text, tokens, sentences, paragraphs, date.

Annotators never re-tokenize: they read the record's own token and sentence
layers, so that every span they write starts and ends on a token boundary,
which the validator and the training views require.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newscorpus.annotate.publication import date_in_opening_lines


@dataclass(frozen=True, slots=True)
class Article:
    """One record's text and segmentation, with lookups from offsets to tokens and sentences."""

    id: str
    text: str
    token_starts: list[int]
    token_ends: list[int]
    sentence_starts: list[int]
    sentence_ends: list[int]
    paragraph_starts: list[int]
    paragraph_ends: list[int]
    paragraph_roles: list[str]
    published: date | None  # the record's publication date, else the one its opening lines give
    _start_index: dict[int, int] = field(default_factory=dict, repr=False)
    _end_index: dict[int, int] = field(default_factory=dict, repr=False)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Article:
        """Read what annotators need from a (schema-valid) record."""
        layers = record["layers"]
        paragraphs = layers["paragraphs"]["items"]
        value = record["metadata"]["publication_date"]["value"]
        if not value and (found := date_in_opening_lines(record["text"])):
            value = found.value.isoformat()  # what convert would establish: the text's own dateline
        article = cls(
            id=record["id"],
            text=record["text"],
            token_starts=list(layers["tokens"]["starts"]),
            token_ends=list(layers["tokens"]["ends"]),
            sentence_starts=list(layers["sentences"]["starts"]),
            sentence_ends=list(layers["sentences"]["ends"]),
            paragraph_starts=[p["start"] for p in paragraphs],
            paragraph_ends=[p["end"] for p in paragraphs],
            paragraph_roles=[p["role"] for p in paragraphs],
            published=date.fromisoformat(value) if value else None,
        )
        article._start_index.update({start: i for i, start in enumerate(article.token_starts)})
        article._end_index.update({end: i for i, end in enumerate(article.token_ends)})
        return article

    def __len__(self) -> int:
        """Number of tokens."""
        return len(self.token_starts)

    def token(self, index: int) -> str:
        return self.text[self.token_starts[index] : self.token_ends[index]]

    def tokens(self) -> list[str]:
        return [self.token(i) for i in range(len(self))]

    def token_starting_at(self, offset: int) -> int | None:
        return self._start_index.get(offset)

    def token_ending_at(self, offset: int) -> int | None:
        return self._end_index.get(offset)

    def on_token_boundaries(self, start: int, end: int) -> bool:
        return start in self._start_index and end in self._end_index

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that lie inside [start, end)."""
        return range(bisect_left(self.token_starts, start), bisect_right(self.token_ends, end))

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``first`` .. ``last`` (inclusive)."""
        return self.token_starts[first], self.token_ends[last]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the one before it when between sentences)."""
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def sentence_tokens(self, sentence: int) -> range:
        return self.token_range(self.sentence_starts[sentence], self.sentence_ends[sentence])

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def role_at(self, offset: int) -> str:
        """Role (headline, credit, body) of the paragraph holding ``offset``."""
        return self.paragraph_roles[self.paragraph_of(offset)] if self.paragraph_roles else "body"

    def is_sentence_start(self, index: int) -> bool:
        """Whether token ``index`` opens a sentence, ignoring opening quotation marks before it."""
        position = index
        while position > 0 and self.token(position - 1) in OPENING_MARKS:
            position -= 1
        return self.token_starts[position] in self.sentence_starts

    def spacy_doc(self, vocab: Vocab) -> Doc:
        """A spaCy Doc over exactly this text with exactly these tokens (gaps become space tokens).

        Matching on this Doc, rather than re-tokenizing, guarantees that
        every match starts and ends on one of the record's token boundaries.
        """
        words: list[str] = []
        spaces: list[bool] = []
        for index, (start, end) in enumerate(zip(self.token_starts, self.token_ends, strict=True)):
            words.append(self.text[start:end])
            following = self.token_starts[index + 1] if index + 1 < len(self) else len(self.text)
            gap = self.text[end:following]
            spaces.append(gap == " ")
            if gap and gap != " ":
                words.append(gap)
                spaces.append(False)
        return Doc(vocab, words=words, spaces=spaces)


# Marks that open or close a quotation, straight and typographic.
OPENING_MARKS = frozenset({'"', "\u201c", "'", "\u2018", "\u00ab"})
