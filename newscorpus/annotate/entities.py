"""Named entities (OntoNotes 5): the shipped statistical model, or dates, a gazetteer, spaCy and shape rules.

With a model (``newscorpus.annotate.ner_model``, the default in convert and
``annotate``), the CRF tags every token; the rules' temporal expressions and
the model's own gazetteer (generic names and its training documents' gold
names) are among its features, and found names are propagated as below.
Without one (``NEWSCORPUS_NER_MODEL=rules``), the rules run as before.
Evidence is applied strongest first, each step filling only tokens still
free: temporal expressions become DATE/TIME; gazetteer names are matched
with spaCy's ``PhraseMatcher``; a trained pipeline, when one is configured,
runs over that Doc through ``spacy.load`` and its NER respects the preset
entities; shape rules (numbers, titled names, name runs, credit lines) fill
the rest. Finally every surname and every found name is propagated to its
other occurrences, so that "Lukashenko" is a PERSON wherever "Alexander
Lukashenko" was found.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newscorpus import __version__
from newscorpus.annotate.article import Article
from newscorpus.annotate.gazetteer import Gazetteer
from newscorpus.annotate.ner_model import NerModel, name_words
from newscorpus.annotate.shapes import is_name_token, propose_entities
from newscorpus.annotate.timex import Timex
from newscorpus.labels import ENTITY_LABELS
from newscorpus.problems.errors import UnusableInputError

TOOL = "newscorpus.annotate.entities"
# Labels of pipelines trained on CoNLL-2003 style data, mapped to OntoNotes; others (MISC) are dropped.
_FOREIGN_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "LOC", "ORG": "ORG"}
_TIMEX_LABELS = {"DATE": "DATE", "DURATION": "DATE", "SET": "DATE", "TIME": "TIME"}
# Labels whose every occurrence is the same entity (numbers and dates are not propagated).
_NAME_LABELS = frozenset(ENTITY_LABELS) - {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str


def load_pipeline(name: str) -> Language:
    """``spacy.load(name)``: an installed package name or a saved pipeline folder; refused clearly if missing."""
    try:
        return spacy.load(name)
    except (OSError, ValueError, ImportError) as error:
        raise UnusableInputError("spacy-pipeline.unavailable", name, f"spaCy cannot load it: {error}") from error


class EntityAnnotator:
    """Finds entities in articles; built once per gazetteer and pipeline (or model), used for many articles."""

    def __init__(self, gazetteer: Gazetteer, spacy_pipeline: str | None = None, model: NerModel | None = None) -> None:
        self._model = model if not spacy_pipeline else None
        if self._model is not None:
            # The model's rules see what it was trained with: listed names and its training gold, not the corpus's.
            gazetteer = Gazetteer(listed=gazetteer.listed, attested=self._model.gold_names.attested)
        self._gazetteer = gazetteer
        self._trained = load_pipeline(spacy_pipeline) if spacy_pipeline else None
        self._vocab = self._trained.vocab if self._trained else spacy.blank("en").vocab
        # Patterns are tokenized like the records (spaCy's English tokenizer, cut finer: newscorpus.text.tokens).
        self._matcher = PhraseMatcher(self._vocab)
        for name in sorted(gazetteer.names()):
            self._matcher.add(name, [Doc(self._vocab, words=list(name_words(name)))])
        self.tool = TOOL
        self.version = __version__
        if self._trained is not None:
            meta = self._trained.meta
            self.tool = f"{TOOL}+spacy:{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
            self.version = f"{__version__}+{meta.get('version', '0.0.0')}+spacy-{version('spacy')}"
        elif model is not None:
            self.tool = f"{TOOL}+{model.name}"
            self.version = f"{__version__}+{model.version}"

    def annotate(
        self, article: Article, timexes: Iterable[Timex], own_names: Collection[tuple[str, str]] = frozenset()
    ) -> list[Entity]:
        """Entities of ``article``, flat and on token boundaries, in text order.

        ``own_names`` are the article's own gold names (``own_gold_names``): the gazetteer does not count them.
        """
        timexes = list(timexes)
        rules = self._rule_entities(article, timexes, own_names)
        if self._model is None:
            return rules
        rule_spans = [(e.start, e.end, e.label) for e in rules]
        predicted = self._model.predict(article, timexes, own_names, rule_spans)
        return _propagate(article, [Entity(s.start, s.end, s.label) for s in predicted])

    def _rule_entities(
        self, article: Article, timexes: list[Timex], own_names: Collection[tuple[str, str]]
    ) -> list[Entity]:
        known = self._gazetteer.labels_for(own_names)
        doc = article.spacy_doc(self._vocab)
        spans = [doc.char_span(t.start, t.end, label=_TIMEX_LABELS[t.type]) for t in timexes if not t.vague]
        doc.ents = filter_spans([s for s in spans if s is not None])
        doc.ents = _fill(doc, self._gazetteer_spans(doc, known))
        if self._trained is not None:
            doc = self._trained(doc)
        found = [
            Entity(ent.start_char, ent.end_char, label)
            for ent in doc.ents
            if (label := ent.label_ if ent.label_ in ENTITY_LABELS else _FOREIGN_LABELS.get(ent.label_))
        ]
        taken = _taken(found)
        for first, end, label in propose_entities(article, known):
            start, stop = article.token_starts[first], article.token_ends[end - 1]
            if taken.isdisjoint(range(start, stop)):
                found.append(Entity(start, stop, label))
                taken.update(range(start, stop))
        return _propagate(article, found)

    def _gazetteer_spans(self, doc: Doc, known: Mapping[str, str]) -> list[Span]:
        spans = []
        for match_id, start, end in self._matcher(doc):
            name = self._vocab.strings[match_id]
            if name in known:
                spans.append(Span(doc, start, end, label=known[name]))
        return spans


def _fill(doc: Doc, spans: list[Span]) -> list[Span]:
    """The doc's entities plus the longest of ``spans`` that overlap none of them."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    free = [s for s in spans if taken.isdisjoint(range(s.start, s.end))]
    return sorted([*doc.ents, *filter_spans(free)], key=lambda s: s.start)


def _taken(entities: Iterable[Entity]) -> set[int]:
    return {offset for e in entities for offset in range(e.start, e.end)}


def _propagate(article: Article, entities: list[Entity]) -> list[Entity]:
    """Add the other occurrences of found names: full names, PERSON surnames, in any paragraph."""
    aliases: dict[tuple[str, ...], str] = {}
    for entity in entities:
        if entity.label not in _NAME_LABELS:
            continue
        words = tuple(article.token(i) for i in article.token_range(entity.start, entity.end))
        aliases.setdefault(words, entity.label)
        if entity.label == "PERSON" and len(words) > 1 and is_name_token(words[-1]):
            aliases.setdefault(words[-1:], "PERSON")
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(aliases, key=len, reverse=True):  # longest first: "Vladimir Putin" before "Putin"
        by_first_word.setdefault(words[0], []).append(words)
    taken = _taken(entities)
    added = list(entities)
    for first in range(len(article)):
        for words in by_first_word.get(article.token(first), ()):
            last = first + len(words) - 1
            if last >= len(article) or tuple(article.token(i) for i in range(first, last + 1)) != words:
                continue
            start, end = article.token_starts[first], article.token_ends[last]
            if taken.isdisjoint(range(start, end)):
                added.append(Entity(start, end, aliases[words]))
                taken.update(range(start, end))
            break
    return sorted(added, key=lambda e: e.start)


def entity_layer_items(entities: list[Entity], text: str) -> list[dict[str, Any]]:
    """The record's entity items (ids e1, e2, ... in text order)."""
    return [
        {"id": f"e{index}", "start": e.start, "end": e.end, "text": text[e.start : e.end], "label": e.label}
        for index, e in enumerate(entities, start=1)
    ]
