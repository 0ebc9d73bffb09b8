"""Gold-like annotation layers of a synthetic article, in the record's layer format.

The generator knows where it put every name, pronoun, quotation and date, so
its layers are exact: entities (OntoNotes 5 types), entity links (no QID: the
names are invented), coreference clusters of people and of organisations and
places named more than once, quotations with cue and source, and TIMEX3 dates
resolved against the publication date. They are marked gold so that convert
keeps them; the annotator's name says they are generated.
"""

from __future__ import annotations

from typing import Any

from newscorpus.record.provenance import gold, layer_of
from newscorpus.synth.article import ArticleWriter
from newscorpus.text.offsets import Span

ANNOTATOR = "newscorpus synth (generated, gold-like)"
ANNOTATION_DATE = "2025-01-01"
LINKED_LABELS = ("PERSON", "ORG", "GPE")


def _span(text: str, span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _mention(article: ArticleWriter, index: int, identifier: str, entity_id: dict[int, str]) -> dict[str, Any]:
    mention = article.mentions[index]
    entity = entity_id[mention.entity] if mention.entity is not None else None
    return {"id": identifier, **_span(article.text, mention.span), "kind": mention.kind, "entity": entity}


def gold_layers(article: ArticleWriter) -> dict[str, Any]:
    """The entity, entity link, coreference, quotation and timex layers of ``article``."""
    text = article.text
    provenance = gold(ANNOTATOR, ANNOTATION_DATE)
    entity_order = sorted(range(len(article.entities)), key=lambda i: article.entities[i][0].start)
    entity_id = {index: f"e{number}" for number, index in enumerate(entity_order, start=1)}
    entities = [
        {"id": entity_id[i], **_span(text, article.entities[i][0]), "label": article.entities[i][1]}
        for i in entity_order
    ]
    links = [
        {"id": f"l{number}", "entity": entity["id"], "qid": None, "note": "synthetic name: no Wikidata item"}
        for number, entity in enumerate((e for e in entities if e["label"] in LINKED_LABELS), start=1)
    ]
    groups = [person.mentions for person in article.people if person.mentions]
    groups += [mentions for mentions in article.named_mentions.values() if len(mentions) > 1]
    groups.sort(key=lambda mentions: article.mentions[mentions[0]].span.start)
    in_clusters = sorted((i for group in groups for i in group), key=lambda i: article.mentions[i].span.start)
    mention_id = {index: f"m{number}" for number, index in enumerate(in_clusters, start=1)}
    clusters = [
        {"id": f"c{number}", "mentions": [_mention(article, i, mention_id[i], entity_id) for i in group]}
        for number, group in enumerate(groups, start=1)
    ]
    quotations = [
        {
            "id": f"q{number}",
            "type": quote.type,
            "content": _span(text, quote.content),
            "cue": _span(text, quote.cue),
            "source": {**_span(text, article.mentions[quote.source].span), "mention": mention_id[quote.source]},
        }
        for number, quote in enumerate(article.quotations, start=1)
    ]
    timexes = sorted(article.timexes, key=lambda timex: timex[0].start)
    timex = [
        {"id": f"t{number}", **_span(text, span), "type": "DATE", "value": value}
        for number, (span, value) in enumerate(timexes, start=1)
    ]
    # Gold even when empty: the generator knows there is nothing, and convert must not annotate it.
    return {
        name: layer_of(items, provenance, complete=True)
        for name, items in (
            ("entities", entities),
            ("entity_links", links),
            ("coreference", clusters),
            ("quotations", quotations),
            ("timex", timex),
        )
    }


def gold_metadata(article: ArticleWriter) -> dict[str, Any]:
    """Metadata with the generator's publication date, marked gold."""
    return {
        "publication_date": {
            "value": article.published.isoformat(),
            "evidence": "synthetic article: the generator drew the date",
            "provenance": gold(ANNOTATOR, ANNOTATION_DATE),
        },
        "topics": [],
    }
