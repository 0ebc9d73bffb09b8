"""Coreference scored against gold: mention detection, then MUC, B-cubed and CEAF-e over aligned mentions.

Predicted mentions are first aligned one to one with gold mentions, in each
of three modes:

* ``exact``: equal spans;
* ``overlap``: spans sharing a character, the largest overlap first;
* ``head``: equal head tokens (``newscorpus.evaluate.heads.head_of``: "the
  chief executive of Acme" -> "executive", "Vladimir Putin" -> "Putin"),
  identical spans first, then the tightest prediction. This is how the
  external check aligns mentions, and it forgives a determiner, a title or a
  post-modifier that the guidelines put inside or outside the span.

An aligned predicted mention takes its gold mention's identity; the others
stay twinless. The cluster metrics then run over both partitions exactly as
the CoNLL reference scorer does (``newscorpus.evaluate.coref_metrics``;
Pradhan et al. 2014): a twinless mention scores nothing in B-cubed and CEAF-e,
so a mention that was never found, or one that gold does not have, lowers
the score instead of counting as a correct singleton.

Measures: ``mentions`` (span), one per mention kind (span and kind, so a
pronoun found as a nominal counts against both), ``MUC``, ``B3``, ``CEAF-e``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

from newscorpus.evaluate.coref_metrics import Cluster, Counts, b_cubed, ceaf_e, muc
from newscorpus.evaluate.heads import head_of
from newscorpus.evaluate.matching import HEAD, MODES, Extent, Item, Score, align, one_to_one

Record = dict[str, Any]
COREF_MODES = (*MODES, HEAD)
METRICS = (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e))


def mentions_of(record: Record) -> list[tuple[Extent, str, int]]:
    """(span, kind, cluster index) of every coreference mention, in layer order."""
    return [
        ((m["start"], m["end"]), m["kind"], index)
        for index, cluster in enumerate(record["layers"]["coreference"]["items"])
        for m in cluster["mentions"]
    ]


def head_align(
    gold_heads: list[Extent], predicted: list[Extent], predicted_heads: list[Extent], gold: list[Extent]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of mentions with the same head token.

    Among candidates for a head, an identical span wins, then the prediction
    closest in length to the gold span.
    """
    by_head: dict[Extent, list[int]] = {}
    for g, head in enumerate(gold_heads):
        by_head.setdefault(head, []).append(g)
    candidates = []
    for p, head in enumerate(predicted_heads):
        for g in by_head.get(head, ()):
            size_gap = abs((predicted[p][1] - predicted[p][0]) - (gold[g][1] - gold[g][0]))
            candidates.append((predicted[p] != gold[g], size_gap, g, p))
    return one_to_one(candidates)


def _partitions(
    gold_clusters: list[int], predicted_clusters: list[int], pairs: list[tuple[int, int]]
) -> tuple[list[Cluster], list[Cluster]]:
    """Both clusterings over shared mention names: an aligned predicted mention takes its gold mention's name."""
    name_of_predicted: dict[int, Hashable] = {p: ("gold", g) for g, p in pairs}
    gold: dict[int, set[Hashable]] = {}
    for index, cluster in enumerate(gold_clusters):
        gold.setdefault(cluster, set()).add(("gold", index))
    predicted: dict[int, set[Hashable]] = {}
    for index, cluster in enumerate(predicted_clusters):
        predicted.setdefault(cluster, set()).add(name_of_predicted.get(index, ("predicted", index)))
    return [frozenset(c) for c in gold.values()], [frozenset(c) for c in predicted.values()]


def _as_score(counts: Counts) -> Score:
    return Score(counts.precision_num, counts.precision_den, counts.recall_num, counts.recall_den)


def score_coreference(gold: Record, predicted: Record) -> Iterator[tuple[str, dict[str, Score]]]:
    """Mention detection per kind and the three cluster metrics, each in the exact, overlap and head modes."""
    gold_mentions, predicted_mentions = mentions_of(gold), mentions_of(predicted)
    tokens = gold["layers"]["tokens"]

    def heads(mentions: list[tuple[Extent, str, int]]) -> list[Extent]:
        return [head_of(gold["text"], tokens["starts"], tokens["ends"], span) for span, _, _ in mentions]

    gold_heads, predicted_heads = heads(gold_mentions), heads(predicted_mentions)

    def pairs_of(mode: str, kind: str | None = None) -> tuple[list[tuple[int, int]], int, int]:
        """Aligned pairs (indices into the full mention lists), gold count and predicted count, of one kind or all."""
        g_index = [i for i, (_, k, _) in enumerate(gold_mentions) if kind is None or k == kind]
        p_index = [i for i, (_, k, _) in enumerate(predicted_mentions) if kind is None or k == kind]
        g_spans = [gold_mentions[i][0] for i in g_index]
        p_spans = [predicted_mentions[i][0] for i in p_index]
        if mode == HEAD:
            local = head_align(
                [gold_heads[i] for i in g_index], p_spans, [predicted_heads[i] for i in p_index], g_spans
            )
        else:
            local = align([Item((s,)) for s in g_spans], [Item((s,)) for s in p_spans], mode)
        return [(g_index[g], p_index[p]) for g, p in local], len(g_index), len(p_index)

    aligned = {}
    detection = {}
    for mode in COREF_MODES:
        aligned[mode], gold_count, predicted_count = pairs_of(mode)
        detection[mode] = Score(len(aligned[mode]), predicted_count, len(aligned[mode]), gold_count)
    yield "mentions", detection
    for kind in sorted({kind for _, kind, _ in [*gold_mentions, *predicted_mentions]}):
        by_mode = {}
        for mode in COREF_MODES:
            pairs, gold_count, predicted_count = pairs_of(mode, kind)
            by_mode[mode] = Score(len(pairs), predicted_count, len(pairs), gold_count)
        yield kind, by_mode
    gold_clusters = [cluster for _, _, cluster in gold_mentions]
    predicted_clusters = [cluster for _, _, cluster in predicted_mentions]
    partitions = {mode: _partitions(gold_clusters, predicted_clusters, aligned[mode]) for mode in COREF_MODES}
    for name, metric in METRICS:
        yield name, {mode: _as_score(metric(*partitions[mode])) for mode in COREF_MODES}
