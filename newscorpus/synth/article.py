"""One synthetic news article: text from templates, with every entity, mention, quote and date located.

The writer appends text and records, as it goes, the offsets of what it put in:
entities, coreference mentions of people (names, pronouns, possessives) and of
repeated organisations and places, quotations with their cue and source, and
temporal expressions. The text is already in normalized form, so these offsets
are offsets into the record's text. Everything is drawn from one
``random.Random``, so an article depends only on its seed.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from random import Random
from typing import Any

from newscorpus.text.offsets import Span

VOCABULARY = Path(__file__).resolve().parent.parent / "data" / "synth_vocabulary.toml"
MIN_WORDS, MAX_WORDS = 300, 1_500
MEDIAN_WORDS = 600
QUOTE_SHARE = 1 / 3  # paragraphs that hold a quotation
_SLOT = re.compile(r"\{([A-Za-z_]+)\}")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@cache
def vocabulary() -> dict[str, Any]:
    """The generator's word lists and templates (``newscorpus/data/synth_vocabulary.toml``)."""
    text = unicodedata.normalize("NFC", VOCABULARY.read_text(encoding="utf-8"))
    return tomllib.loads(text)


@dataclass(slots=True)
class Person:
    first: str
    last: str
    pronoun: str  # "he" or "she"
    title: str
    mentions: list[int] = field(default_factory=list)  # indexes into ArticleWriter.mentions


@dataclass(slots=True)
class Mention:
    span: Span
    kind: str
    entity: int | None  # index into ArticleWriter.entities


@dataclass(slots=True)
class Quotation:
    type: str
    content: Span
    cue: Span
    source: int  # index into ArticleWriter.mentions


class ArticleWriter:
    """Writes one article paragraph by paragraph, keeping the annotation of what it writes."""

    def __init__(self, rng: Random, published: date, curly_quotes: bool) -> None:
        self.rng = rng
        self.published = published
        self.curly_quotes = curly_quotes
        self.words = vocabulary()
        self.text = ""
        self.paragraphs: list[Span] = []
        self.entities: list[tuple[Span, str]] = []
        self.mentions: list[Mention] = []
        self.named_mentions: dict[str, list[int]] = {}  # organisation or place -> its mentions
        self.people: list[Person] = []
        self.quotations: list[Quotation] = []
        self.timexes: list[tuple[Span, str]] = []  # span, TIMEX3 value (all of type DATE)
        self._last_person: Person | None = None

    # Writing text

    def _append(self, piece: str) -> Span:
        if piece.startswith(".") and self.text.endswith("."):
            piece = piece[1:]  # "the U.S." at the end of a sentence takes no second period
        start = len(self.text)
        self.text += piece
        return Span(start, len(self.text))

    def _entity(self, name: str, label: str) -> int:
        """Append a name as an entity; a leading "the" stays outside it."""
        if name.startswith("the "):
            self._append("the ")
            name = name[4:]
        self.entities.append((self._append(name), label))
        return len(self.entities) - 1

    def _mention(self, span: Span, kind: str, entity: int | None = None) -> int:
        self.mentions.append(Mention(span, kind, entity))
        return len(self.mentions) - 1

    def _choice(self, key: str) -> str:
        return self.rng.choice(self.words[key])

    # Slots

    def _new_person(self) -> Person:
        female = self.rng.random() < 0.5
        names = self.words["female_first" if female else "male_first"]
        title = self.rng.choice([*self.words["titles"]["female" if female else "male"], *self.words["titles"]["any"]])
        person = Person(self.rng.choice(names), self._choice("last"), "she" if female else "he", title)
        self.people.append(person)
        return person

    def _person(self) -> int:
        """Write a person's name (new, or one already named); returns the mention's index."""
        if not self.people or (len(self.people) < 6 and self.rng.random() < 0.35):
            person = self._new_person()
            if self.rng.random() < 0.5:
                self._append(f"{self._choice('roles')} ")
            name = f"{person.first} {person.last}"
        else:
            person = self.rng.choice(self.people)
            form = self.rng.random()
            if form < 0.3:
                self._append(f"{person.title} ")
            name = f"{person.first} {person.last}" if form > 0.8 else person.last
        entity = self._entity(name, "PERSON")
        mention = self._mention(self.entities[entity][0], "name", entity)
        person.mentions.append(mention)
        self._last_person = person
        return mention

    def _pronoun(self, capitalized: bool, possessive: bool = False) -> int | None:
        """He/she (or his/her) for the person last named; the first person is named instead."""
        person = self._last_person
        if person is None:
            return self._person()
        word = {"he": "his", "she": "her"}[person.pronoun] if possessive else person.pronoun
        span = self._append(word.capitalize() if capitalized else word)
        mention = self._mention(span, "possessive" if possessive else "pronoun")
        person.mentions.append(mention)
        return mention

    def _named(self, key: str, label: str) -> None:
        name = self._choice(key)
        entity = self._entity(name, label)
        self.named_mentions.setdefault(name, []).append(self._mention(self.entities[entity][0], "name", entity))

    def _day(self) -> None:
        weekday = self.rng.randrange(7)
        back = (self.published.weekday() - weekday) % 7 or 7  # the last such day before publication
        span = self.entities[self._entity(_WEEKDAYS[weekday], "DATE")][0]
        self.timexes.append((span, (self.published - timedelta(days=back)).isoformat()))

    def _month(self) -> None:
        month = self.rng.randrange(1, 13)
        year = self.published.year if month <= self.published.month else self.published.year - 1
        span = self.entities[self._entity(_MONTHS[month - 1], "DATE")][0]
        self.timexes.append((span, f"{year:04d}-{month:02d}"))

    def _slot(self, slot: str) -> int | None:
        """Write one slot; returns the mention index for slots that are a person."""
        simple = {"noun": "nouns", "nouns": "plurals", "plurals": "plurals", "adj": "adjs", "verb": "verbs"}
        if slot in simple:
            self._append(self._choice(simple[slot]))
        elif slot == "verbed":
            self._append(self._choice("verbed"))
        elif slot == "PERSON":
            return self._person()
        elif slot in ("Pron", "pron", "poss"):
            return self._pronoun(capitalized=slot == "Pron", possessive=slot == "poss")
        elif slot in ("ORG", "GPE", "NORP"):
            self._named({"ORG": "orgs", "GPE": "gpes", "NORP": "norps"}[slot], slot)
        elif slot == "DAY":
            self._day()
        elif slot == "MONTH":
            self._month()
        else:
            key = {"CARDINAL": "cardinals", "PERCENT": "percents", "MONEY": "money"}[slot]
            self._entity(self._choice(key), slot)
        return None

    def _template(self, template: str, special: dict[str, Any] | None = None) -> dict[str, Any]:
        """Write a template; returns what the special slots (QUOTE, CLAUSE, cue) and persons wrote."""
        written: dict[str, Any] = {}
        position = 0
        for match in _SLOT.finditer(template):
            self._append(template[position : match.start()])
            slot = match.group(1)
            if special and slot in special:
                written[slot] = special[slot](match.end() == len(template))
            else:
                mention = self._slot(slot)
                if mention is not None:
                    written["source"] = mention
            position = match.end()
        self._append(template[position:])
        return written

    # Sentences and paragraphs

    def _capitalize_from(self, start: int) -> None:
        if start < len(self.text):
            self.text = self.text[:start] + self.text[start].upper() + self.text[start + 1 :]

    def _sentence(self) -> None:
        start = len(self.text)
        self._template(self._choice("sentences"))
        self._capitalize_from(start)

    def _quoted(self, last: bool) -> Span:
        straight = not self.curly_quotes or self.rng.random() < 0.1
        opening, closing = ('"', '"') if straight else ("\u201c", "\u201d")
        start = len(self.text)
        self._append(opening)
        self._template(self._choice("direct_quotes"))
        self._append(("." if last else ",") + closing)
        self._capitalize_from(start + 1)
        return Span(start, len(self.text))

    def _quotation(self) -> None:
        start = len(self.text)
        direct = self.rng.random() < 0.6
        content: list[Span] = []
        cue: list[Span] = []

        def write_content(last: bool) -> None:
            if direct:
                content.append(self._quoted(last))
            else:
                clause_start = len(self.text)
                self._template(self._choice("clauses"))
                content.append(Span(clause_start, len(self.text)))

        def write_cue(last: bool) -> None:
            cue.append(self._append(self._choice("cues" if direct else "indirect_cues")))

        frame = self._choice("direct_frames" if direct else "indirect_frames")
        written = self._template(frame, {"QUOTE": write_content, "CLAUSE": write_content, "cue": write_cue})
        self._capitalize_from(start)
        self.quotations.append(Quotation("direct" if direct else "indirect", content[0], cue[0], written["source"]))

    def paragraph(self, sentences: int, quoted: bool) -> None:
        """Write a body paragraph of ``sentences`` sentences, one of them a quotation when ``quoted``."""
        if self.text:
            self._append("\n\n")
        start = len(self.text)
        quote_at = self.rng.randrange(sentences) if quoted else -1
        for index in range(sentences):
            if index:
                self._append(" ")
            self._quotation() if index == quote_at else self._sentence()
        self.paragraphs.append(Span(start, len(self.text)))

    def headline(self) -> None:
        self._template(self._choice("headlines"))
        self._capitalize_from(0)
        self.paragraphs.append(Span(0, len(self.text)))

    def credit(self) -> None:
        """A photo credit line, "Name Surname / Agency", which convert recognises as the credit."""
        self._append("\n\n")
        start = len(self.text)
        person = self._new_person()
        self.people.remove(person)  # the photographer takes no part in the story
        self._entity(f"{person.first} {person.last}", "PERSON")
        self._append(" / ")
        self._entity(self._choice("credits"), "ORG")
        self.paragraphs.append(Span(start, len(self.text)))

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def write_article(rng: Random) -> ArticleWriter:
    """A whole article: headline, sometimes a photo credit, then body paragraphs up to a drawn length."""
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(3_650))
    writer = ArticleWriter(rng, published, curly_quotes=rng.random() < 0.6)
    target = min(max(round(rng.lognormvariate(0, 0.35) * MEDIAN_WORDS), MIN_WORDS), MAX_WORDS - 100)
    writer.headline()
    if rng.random() < 0.4:
        writer.credit()
    while writer.word_count < target:
        writer.paragraph(sentences=rng.choice((1, 2, 2, 3, 3, 4)), quoted=rng.random() < QUOTE_SHARE)
    return writer
