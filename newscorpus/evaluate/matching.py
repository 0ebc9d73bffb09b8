"""Precision, recall and F1, and the one-to-one alignment of predicted spans with gold ones.

An item is one or more spans plus a key (a label, a type, a value): a
quotation's source is scored as the pair (content span, source span), so
that a right source for the wrong quote does not count. Two items match
*exactly* when every span is equal and the keys are equal, and *by overlap*
when every span shares at least one character with its counterpart and the
keys are equal. Overlap matching is one-to-one (a gold item is matched at
most once), choosing the pairs with the largest overlap first, so that a
long prediction covering two gold items is credited once.

Entities are also matched *by head* (``head_score``): a prediction matches a
gold entity of the same type when it contains the gold entity's head token
(``newscorpus.evaluate.heads``) and no other gold entity's head, one to one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

Extent = tuple[int, int]
MODES = ("exact", "overlap")
HEAD = "head"  # a third mode, for entities and coreference mentions


@dataclass(frozen=True, slots=True)
class Item:
    """Spans (compared position by position) and a key that must be equal."""

    spans: tuple[Extent, ...]
    key: Hashable = None


@dataclass(slots=True)
class Score:
    """Sums behind precision (matched predictions / predictions) and recall (matched gold / gold).

    The two numerators differ only for cluster metrics; for span matching
    both are the number of matched pairs. Sums add up across documents
    (micro-averaging).
    """

    matched_predicted: float = 0.0
    predicted: float = 0.0
    matched_gold: float = 0.0
    gold: float = 0.0

    def add(self, other: Score) -> None:
        self.matched_predicted += other.matched_predicted
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(slots=True)
class ScoreRow:
    """One line of the report: a layer, what is measured, and its exact and overlap scores."""

    layer: str
    measure: str
    scores: dict[str, Score] = field(default_factory=lambda: {mode: Score() for mode in MODES})


def _overlap(a: Extent, b: Extent) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def align(
    gold: Sequence[Item],
    predicted: Sequence[Item],
    mode: str,
    compatible: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of matching items.

    ``compatible(gold index, predicted index)`` adds a condition of the
    caller's (e.g. that two quotation sources denote the same referent).
    """
    candidates = []
    for g, gold_item in enumerate(gold):
        for p, predicted_item in enumerate(predicted):
            if gold_item.key != predicted_item.key or len(gold_item.spans) != len(predicted_item.spans):
                continue
            pairs = list(zip(gold_item.spans, predicted_item.spans, strict=True))
            if mode == "exact" and any(a != b for a, b in pairs):
                continue
            overlaps = [_overlap(a, b) for a, b in pairs]
            if any(size <= 0 for size in overlaps) or (compatible is not None and not compatible(g, p)):
                continue
            # Prefer identical spans, then the largest overlap, then the tightest fit.
            union = sum(max(a[1], b[1]) - min(a[0], b[0]) for a, b in pairs)
            candidates.append((any(a != b for a, b in pairs), -sum(overlaps), union, g, p))
    return one_to_one(candidates)


def one_to_one(candidates: list[tuple[Any, ...]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs from ``(*preference, gold, predicted)`` tuples, the most preferred first."""
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matched = []
    for *_, g, p in sorted(candidates):
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            matched.append((g, p))
    return matched


def span_score(
    gold: Sequence[Item],
    predicted: Sequence[Item],
    mode: str,
    compatible: Callable[[int, int], bool] | None = None,
) -> Score:
    """Matched pairs over predictions and over gold items."""
    matched = len(align(gold, predicted, mode, compatible))
    return Score(matched, len(predicted), matched, len(gold))


def keyed(items: Sequence[Item], key: Callable[[Item], Hashable]) -> list[Item]:
    """The same items with another key (e.g. None to score spans regardless of label)."""
    return [Item(item.spans, key(item)) for item in items]


def head_score(gold: Sequence[Item], gold_heads: Sequence[Extent], predicted: Sequence[Item]) -> Score:
    """Head matching of single-span items: ``gold_heads[g]`` is the head extent of ``gold[g]``.

    A prediction matches a gold item with an equal key when its span contains
    that item's head and no other gold item's head; pairs are one to one,
    identical spans first, then the tightest prediction.
    """

    def inside(head: Extent, span: Extent) -> bool:
        return span[0] <= head[0] and head[1] <= span[1]

    candidates = []
    for p, predicted_item in enumerate(predicted):
        span = predicted_item.spans[0]
        heads_inside = [g for g, head in enumerate(gold_heads) if inside(head, span)]
        if len(heads_inside) != 1:
            continue
        g = heads_inside[0]
        if gold[g].key == predicted_item.key:
            candidates.append((span != gold[g].spans[0], span[1] - span[0], g, p))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for *_, g, p in sorted(candidates):
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
    return Score(len(used_gold), len(predicted), len(used_gold), len(gold))
