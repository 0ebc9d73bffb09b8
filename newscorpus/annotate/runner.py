"""Run every automatic annotator on a record: timex, entities, quotations, coreference, entity links.

The layers depend on each other in one direction: temporal expressions feed
DATE entities, entities give the names that quotation sources and
coreference build on, quotation sources are tied to coreference
mentions, and entity links are made last, from the entities and the
coreference clusters. A complete gold layer is read where a later annotator needs it and
is never rewritten; in a layer that is not complete, the gold items are kept
and the automatic ones made again around them (``newscorpus.record.around_gold``),
so a contributor's corrections always survive.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from newscorpus import __version__
from newscorpus.annotate.article import Article
from newscorpus.annotate.coref import CorefAnnotator, coreference_layer_items
from newscorpus.annotate.cues import load_cues
from newscorpus.annotate.entities import EntityAnnotator, entity_layer_items
from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, Gazetteer, own_gold_names
from newscorpus.annotate.knowledge_base import KB_ENV, SHIPPED_KB, load_knowledge_base
from newscorpus.annotate.linker import EntityLinker
from newscorpus.annotate.mentions import MentionFinder
from newscorpus.annotate.ner_model import NerModel, load_model
from newscorpus.annotate.quotes import Attribution, QuoteAnnotator, find_segments
from newscorpus.annotate.timex import find_timexes, timex_layer_items
from newscorpus.record.around_gold import merge_around_gold
from newscorpus.record.provenance import auto, is_gold, layer_of
from newscorpus.record.reader import read_record_file

ANNOTATED_LAYERS = ("entities", "coreference", "quotations", "timex", "entity_links")
PIPELINE_ENV = "NEWSCORPUS_SPACY_PIPELINE"
# "rules" turns the statistical NER model off; a folder names another trained model.
MODEL_ENV = "NEWSCORPUS_NER_MODEL"
RULES = "rules"
GAZETTEER_FOLDER = ("corpus", "gazetteers")


@dataclass(frozen=True, slots=True)
class AnnotateSettings:
    """What a user can configure: gazetteer files, a spaCy pipeline, and the NER model (folder, or "rules").

    ``ner_model`` None means the shipped model; with a spaCy pipeline the
    rules and that pipeline find entities instead, as before the model.
    """

    gazetteer_files: tuple[Path, ...] = ()
    spacy_pipeline: str | None = None
    ner_model: str | None = None
    knowledge_base: str | None = None  # a knowledge base file for the linker; None: the shipped one

    @property
    def uses_corpus_gold_names(self) -> bool:
        """Whether entities are looked up in the corpus's gold names: only without a model, which brings its own."""
        return bool(self.spacy_pipeline) or self.ner_model == RULES

    def model(self) -> NerModel | None:
        if self.uses_corpus_gold_names:
            return None
        return load_model(Path(self.ner_model) if self.ner_model else None)

    def linker(self) -> EntityLinker:
        return EntityLinker(load_knowledge_base(Path(self.knowledge_base) if self.knowledge_base else None))


class Annotators:
    """The annotators, built once (gazetteer matcher, optional pipeline) and applied to many records."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        spacy_pipeline: str | None = None,
        records_dir: Path | None = None,
        model: NerModel | None = None,
        linker: EntityLinker | None = None,
    ) -> None:
        self.entities = EntityAnnotator(gazetteer, spacy_pipeline, model)
        self.quotes = QuoteAnnotator(load_cues())
        self.coref = CorefAnnotator()
        self.linker = linker or EntityLinker(load_knowledge_base())
        self._records_dir = records_dir

    @classmethod
    def for_corpus(
        cls, records: Iterable[dict[str, Any]], settings: AnnotateSettings, records_dir: Path | None = None
    ) -> Annotators:
        """Annotators whose gazetteer holds the shipped names, the given files and the records' gold entities.

        ``records_dir`` is the folder the records were read from, if any (see ``with_gold_names``).
        """
        return cls.with_gold_names(Gazetteer.from_records(records), settings, records_dir)

    @classmethod
    def with_gold_names(
        cls, gold_names: Gazetteer, settings: AnnotateSettings, records_dir: Path | None = None
    ) -> Annotators:
        """Annotators whose gazetteer holds ``gold_names`` (from records), the shipped names and the files.

        When the gold names came from the records in ``records_dir``, the
        record there with an annotated article's id is that article's own gold,
        whose votes are left out even if the article is annotated without it.
        """
        gazetteer = gold_names.merged(Gazetteer.from_files([SHIPPED_GAZETTEER, *settings.gazetteer_files]))
        return cls(gazetteer, settings.spacy_pipeline, records_dir, settings.model(), settings.linker())

    def _own_gold_names(self, record: dict[str, Any]) -> set[tuple[str, str]]:
        """Gold names of the article: its record's, and those of the corpus record with its id (no leakage)."""
        names = own_gold_names(record)
        corpus_record = self._records_dir / f"{record['id']}.json" if self._records_dir else None
        if corpus_record is not None and corpus_record.is_file():
            previous, _ = read_record_file(corpus_record)
            names |= own_gold_names(previous) if previous is not None else set()
        return names

    def annotate_record(self, record: dict[str, Any], *, keep_gold: bool = True) -> dict[str, Any]:
        """A copy of ``record`` with automatic entity, coreference, quotation, timex and entity link layers.

        With ``keep_gold`` (what convert does) complete gold layers stay as
        they are, gold items of other layers are kept with automatic items
        around them, and later annotators build on the result; without it (to
        score against gold) every one of these layers is made afresh, entity
        links from the fresh entities.
        """
        # Layers are replaced, never changed in place, so a shallow copy leaves ``record`` as it was.
        layers = dict(record["layers"])
        result = {**record, "layers": layers}
        article = Article.from_record(result)

        def regenerate(name: str) -> bool:
            return not (keep_gold and is_gold(layers[name]))

        def around_gold(name: str, fresh: dict[str, Any]) -> dict[str, Any]:
            return merge_around_gold(name, layers[name], fresh) if keep_gold else fresh

        timexes = find_timexes(article)
        if regenerate("timex"):
            layers["timex"] = around_gold(
                "timex", _layer("newscorpus.annotate.timex", timex_layer_items(timexes, article.text))
            )
        if regenerate("entities"):
            entities = self.entities.annotate(article, timexes, self._own_gold_names(record))
            fresh = layer_of(
                entity_layer_items(entities, article.text), auto(self.entities.tool, self.entities.version)
            )
            layers["entities"] = around_gold("entities", fresh)
        entity_items = layers["entities"]["items"]
        finder = MentionFinder(article, [(e["start"], e["end"], e["label"]) for e in entity_items])
        attributions = self.quotes.annotate(article, finder)
        if regenerate("coreference"):
            quoted = {i for s in find_segments(article) for i in range(s.first, s.last + 1)}
            spoken = [(a.content, a.source, a.cue is not None) for a in attributions if a.source]
            clusters = self.coref.annotate(finder, [a.source for a in attributions if a.source], quoted, spoken)
            entity_ids = {(e["start"], e["end"]): e["id"] for e in entity_items}
            layers["coreference"] = around_gold(
                "coreference",
                _layer("newscorpus.annotate.coref", coreference_layer_items(clusters, article, entity_ids)),
            )
        if regenerate("quotations"):
            mention_ids = {
                (m["start"], m["end"]): m["id"]
                for cluster in layers["coreference"]["items"]
                for m in cluster["mentions"]
            }
            items = [_quotation_item(i, a, article, mention_ids) for i, a in enumerate(attributions, start=1)]
            layers["quotations"] = around_gold("quotations", _layer("newscorpus.annotate.quotes", items))
        if regenerate("entity_links"):
            fresh = self.linker.layer(layers["entities"]["items"], layers["coreference"]["items"], article.text)
            layers["entity_links"] = around_gold("entity_links", fresh)
        return result


def _layer(tool: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return layer_of(items, auto(tool, __version__))


def _span(article: Article, span: tuple[int, int]) -> dict[str, Any]:
    return {"start": span[0], "end": span[1], "text": article.text[span[0] : span[1]]}


def _quotation_item(
    number: int, attribution: Attribution, article: Article, mention_ids: dict[tuple[int, int], str]
) -> dict[str, Any]:
    source = None
    if attribution.source is not None:
        span = article.char_span(attribution.source.first, attribution.source.end - 1)
        source = {**_span(article, span), "mention": mention_ids.get(span)}
    return {
        "id": f"q{number}",
        "type": attribution.type,
        "content": _span(article, attribution.content),
        "cue": _span(article, attribution.cue) if attribution.cue else None,
        "source": source,
    }


def needs_annotation(record: dict[str, Any]) -> bool:
    """Whether some annotated layer of ``record`` is not complete gold (so that annotators have work to do)."""
    return not all(is_gold(record["layers"][name]) for name in ANNOTATED_LAYERS)


def settings_from_environment(root: Path) -> AnnotateSettings:
    """Settings for convert: corpus/gazetteers/*.tsv, $NEWSCORPUS_SPACY_PIPELINE, _NER_MODEL and _LINK_KB."""
    folder = root.joinpath(*GAZETTEER_FOLDER)
    files = tuple(sorted(folder.glob("*.tsv"))) if folder.is_dir() else ()
    return AnnotateSettings(
        gazetteer_files=files,
        spacy_pipeline=os.environ.get(PIPELINE_ENV) or None,
        ner_model=os.environ.get(MODEL_ENV) or None,
        knowledge_base=os.environ.get(KB_ENV) or None,
    )


def corpus_annotators(root: Path) -> Annotators:
    """Annotators for the corpus at ``root``, built once per process while its records folder is unchanged.

    The records folder's modification time changes whenever a record is
    added, removed or replaced (records are written by rename), which is
    when the gazetteer of gold names can change; a rebuilt knowledge base
    file has a new one too.
    """
    settings = settings_from_environment(root)
    records_dir = root / "corpus" / "records"
    knowledge_base = Path(settings.knowledge_base) if settings.knowledge_base else SHIPPED_KB
    stamp = tuple(
        (str(path), path.stat().st_mtime_ns)
        for path in (records_dir, *settings.gazetteer_files, knowledge_base)
        if path.exists()
    )
    return _cached_annotators(records_dir, settings, stamp)


def iter_readable_records(records_dir: Path) -> Iterator[dict[str, Any]]:
    """The records of ``records_dir`` in file name order, one at a time; unreadable files are validate's business.

    A generator, so that a gazetteer built from a corpus of any size holds
    the gold names it keeps, never the records.
    """
    for path in sorted(records_dir.glob("*.json")) if records_dir.is_dir() else ():
        record, _ = read_record_file(path)
        if record is not None:
            yield record


@lru_cache(maxsize=4)
def _cached_annotators(records_dir: Path, settings: AnnotateSettings, stamp: tuple[tuple[str, int], ...]) -> Annotators:
    return Annotators.for_corpus(iter_readable_records(records_dir), settings, records_dir)


@lru_cache(maxsize=2)
def _shipped_annotators(settings: AnnotateSettings) -> Annotators:
    return Annotators.for_corpus([], settings)


def shipped_annotators() -> Annotators:
    """Annotators without a corpus: the shipped gazetteer (and $NEWSCORPUS_SPACY_PIPELINE, if set)."""
    return _shipped_annotators(
        AnnotateSettings(
            spacy_pipeline=os.environ.get(PIPELINE_ENV) or None,
            ner_model=os.environ.get(MODEL_ENV) or None,
            knowledge_base=os.environ.get(KB_ENV) or None,
        )
    )
