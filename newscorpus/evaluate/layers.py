"""What is measured in each layer of one document: items, per-type subsets, and cluster metrics.

Each scorer takes the gold and the predicted record of one document and
yields (measure, scores by match mode). Measures:

* entities: ``all`` (span and label), ``span`` (span only), one per label,
  each also matched by head (``head`` mode: the prediction holds the gold
  entity's head token and no other's; ``newscorpus.evaluate.heads``);
* entity_links: ``qid`` (entity span and QID, links with a QID only),
  ``coverage`` and ``linked`` (of the gold named mentions), per type
  (``newscorpus.evaluate.links``);
* coreference: ``mentions`` (span), one per mention kind (span and kind),
  ``MUC``, ``B3`` and ``CEAF-e`` over mentions aligned exactly, by overlap or
  by head (``newscorpus.evaluate.coreference``);
* quotations: ``content`` (span and type), ``content-span``, one per type,
  ``cue`` and ``source`` (each paired with its content span), and
  ``source-referent``: the content matches and the predicted source's
  cluster shares a mention with the gold source's cluster (a source "It"
  tied to "the Kremlin" is right); ``content-half``: content spans regardless
  of type, matched by overlap only when the shared characters make up at
  least half of the longer span (the usual "content overlap >= 50%"); and
  ``speaker``: of the quotations matched by ``content-half``, the share whose
  source is right (equal span, or clusters sharing a mention), an accuracy
  reported as precision = recall;
* timex: ``all`` (span and type), ``span``, ``value`` (span and value), one
  per type;
* sentences: ``boundaries``, ``inner`` and ``sentences``
  (``newscorpus.evaluate.sentences``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from newscorpus.evaluate.coreference import score_coreference
from newscorpus.evaluate.heads import head_of
from newscorpus.evaluate.links import score_entity_links
from newscorpus.evaluate.matching import HEAD, MODES, Extent, Item, Score, align, head_score, keyed, span_score
from newscorpus.evaluate.sentences import score_sentences

Record = dict[str, Any]
Measures = Iterator[tuple[str, dict[str, Score]]]


def _items(record: Record, layer: str) -> list[dict[str, Any]]:
    return record["layers"][layer]["items"]


def _span(value: dict[str, Any]) -> Extent:
    return value["start"], value["end"]


def _by_mode(score: Callable[[str], Score]) -> dict[str, Score]:
    return {mode: score(mode) for mode in MODES}


def _typed(name: str, gold: list[Item], predicted: list[Item]) -> Measures:
    """``name`` (span and key), ``span`` (span only) and one measure per key."""
    yield name, _by_mode(lambda mode: span_score(gold, predicted, mode))
    untyped_gold, untyped_predicted = keyed(gold, lambda _: None), keyed(predicted, lambda _: None)
    yield "span", _by_mode(lambda mode: span_score(untyped_gold, untyped_predicted, mode))
    for key in sorted({str(item.key) for item in [*gold, *predicted]}):
        subset_gold = [item for item in gold if item.key == key]
        subset_predicted = [item for item in predicted if item.key == key]
        yield key, _by_mode(lambda mode, g=subset_gold, p=subset_predicted: span_score(g, p, mode))


def score_entities(gold: Record, predicted: Record) -> Measures:
    def items(record: Record) -> list[Item]:
        return [Item((_span(e),), e["label"]) for e in _items(record, "entities")]

    gold_items, predicted_items = items(gold), items(predicted)
    tokens = gold["layers"]["tokens"]
    heads = [head_of(gold["text"], tokens["starts"], tokens["ends"], item.spans[0]) for item in gold_items]
    by_head = {
        "all": head_score(gold_items, heads, predicted_items),
        "span": head_score(keyed(gold_items, lambda _: None), heads, keyed(predicted_items, lambda _: None)),
    }
    for key in {str(item.key) for item in [*gold_items, *predicted_items]}:
        chosen = [g for g, item in enumerate(gold_items) if item.key == key]
        # Other types' heads still count: a prediction spanning two gold names matches neither.
        subset_gold = [item if g in chosen else Item(item.spans, None) for g, item in enumerate(gold_items)]
        subset_predicted = [item for item in predicted_items if item.key == key]
        score = head_score(subset_gold, heads, subset_predicted)
        by_head[key] = Score(score.matched_predicted, score.predicted, score.matched_gold, len(chosen))
    for measure, scores in _typed("all", gold_items, predicted_items):
        yield measure, {**scores, HEAD: by_head[measure]}


def score_timex(gold: Record, predicted: Record) -> Measures:
    def items(record: Record, key: str) -> list[Item]:
        return [Item((_span(t),), t[key]) for t in _items(record, "timex")]

    yield from _typed("all", items(gold, "type"), items(predicted, "type"))
    gold_values, predicted_values = items(gold, "value"), items(predicted, "value")
    yield "value", _by_mode(lambda mode: span_score(gold_values, predicted_values, mode))


def _referents(record: Record) -> dict[str, frozenset[Extent]]:
    """Mention id -> the spans of every mention in its cluster."""
    referents = {}
    for cluster in _items(record, "coreference"):
        spans = frozenset(_span(m) for m in cluster["mentions"])
        referents.update({m["id"]: spans for m in cluster["mentions"]})
    return referents


def score_quotations(gold: Record, predicted: Record) -> Measures:
    gold_quotes, predicted_quotes = _items(gold, "quotations"), _items(predicted, "quotations")

    def items(quotes: list[dict[str, Any]]) -> list[Item]:
        return [Item((_span(q["content"]),), q["type"]) for q in quotes]

    measures = dict(_typed("content", items(gold_quotes), items(predicted_quotes)))
    measures["content-span"] = measures.pop("span")
    yield from measures.items()
    for part in ("cue", "source"):
        g = [Item((_span(q["content"]), _span(q[part]))) for q in gold_quotes if q[part]]
        p = [Item((_span(q["content"]), _span(q[part]))) for q in predicted_quotes if q[part]]
        yield part, _by_mode(lambda mode, g=g, p=p: span_score(g, p, mode))
    yield "source-referent", _source_referent(gold, predicted)
    yield from _half_overlap_and_speaker(gold, predicted)


HALF = 0.5


def _half_overlap_and_speaker(gold: Record, predicted: Record) -> Measures:
    """``content-half`` and ``speaker`` (see the module docstring)."""
    gold_quotes, predicted_quotes = _items(gold, "quotations"), _items(predicted, "quotations")
    gold_items = [Item((_span(q["content"]),)) for q in gold_quotes]
    predicted_items = [Item((_span(q["content"]),)) for q in predicted_quotes]

    def half(g: int, p: int) -> bool:
        (a,), (b,) = gold_items[g].spans, predicted_items[p].spans
        shared = min(a[1], b[1]) - max(a[0], b[0])
        return shared >= HALF * max(a[1] - a[0], b[1] - b[0])

    pairs = {
        "exact": align(gold_items, predicted_items, "exact"),
        "overlap": align(gold_items, predicted_items, "overlap", half),
    }
    yield (
        "content-half",
        {mode: Score(len(found), len(predicted_items), len(found), len(gold_items)) for mode, found in pairs.items()},
    )
    gold_referents, predicted_referents = _referents(gold), _referents(predicted)

    def referent(quote: dict[str, Any], referents: dict[str, frozenset[Extent]]) -> frozenset[Extent]:
        source = quote["source"]
        if not source:
            return frozenset()
        return referents.get(source["mention"] or "", frozenset()) | {_span(source)}

    speaker: dict[str, Score] = {}
    for mode, found in pairs.items():
        right = sum(
            bool(referent(gold_quotes[g], gold_referents) & referent(predicted_quotes[p], predicted_referents))
            for g, p in found
        )
        speaker[mode] = Score(right, len(found), right, len(found))
    yield "speaker", speaker


def _source_referent(gold: Record, predicted: Record) -> dict[str, Score]:
    """Quotes whose content matches and whose sources' clusters share a mention (or whose sources are equal)."""

    def sourced(record: Record) -> tuple[list[Item], list[frozenset[Extent]]]:
        referents = _referents(record)
        quotes = [q for q in _items(record, "quotations") if q["source"]]
        return [Item((_span(q["content"]),)) for q in quotes], [
            referents.get(q["source"]["mention"] or "", frozenset({_span(q["source"])})) for q in quotes
        ]

    gold_items, gold_referents = sourced(gold)
    predicted_items, predicted_referents = sourced(predicted)

    def same_referent(g: int, p: int) -> bool:
        return bool(gold_referents[g] & predicted_referents[p])

    return _by_mode(lambda mode: span_score(gold_items, predicted_items, mode, same_referent))


LAYER_SCORERS: dict[str, Callable[[Record, Record], Measures]] = {
    "entities": score_entities,
    "entity_links": score_entity_links,
    "coreference": score_coreference,
    "quotations": score_quotations,
    "timex": score_timex,
    "sentences": score_sentences,
}
