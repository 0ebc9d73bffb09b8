"""MUC, B-cubed and CEAF-e over predicted mentions, as the reference scorer counts them.

One implementation for both users: ``newscorpus evaluate`` (annotators
against gold) and ``newscorpus.gold.agreement`` (one annotator against
another).

Each metric returns the numerators and denominators of recall and precision,
so that several documents are micro-averaged by summing them, as the CoNLL
reference scorer (conll/reference-coreference-scorers) does. Mentions a
partition has and the other lacks are handled as in Pradhan et al. (2014),
"Scoring Coreference Partitions of Predicted Mentions: A Reference
Implementation": a twinless mention counts as its own singleton in MUC's
partitions, and scores nothing in B-cubed and CEAF. Mentions are any hashable
value (here: (start, end) spans).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

Cluster = frozenset[Hashable]


@dataclass(frozen=True, slots=True)
class Counts:
    """Recall numerator/denominator and precision numerator/denominator of one metric."""

    recall_num: float = 0.0
    recall_den: float = 0.0
    precision_num: float = 0.0
    precision_den: float = 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.recall_num + other.recall_num,
            self.recall_den + other.recall_den,
            self.precision_num + other.precision_num,
            self.precision_den + other.precision_den,
        )

    @property
    def recall(self) -> float:
        return self.recall_num / self.recall_den if self.recall_den else 0.0

    @property
    def precision(self) -> float:
        return self.precision_num / self.precision_den if self.precision_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _muc_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[int, int]:
    """MUC recall of ``response`` against ``key`` as (numerator, denominator): links kept over links needed."""
    cluster_of = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    numerator = denominator = 0
    for cluster in key:
        # A mention the response lacks is a partition of its own.
        partitions = {cluster_of.get(mention, ("missing", mention)) for mention in cluster}
        numerator += len(cluster) - len(partitions)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> Counts:
    recall = _muc_side(key, response)
    precision = _muc_side(response, key)
    return Counts(recall[0], recall[1], precision[0], precision[1])


def _b_cubed_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, int]:
    cluster_of = {mention: cluster for cluster in response for mention in cluster}
    total = 0.0
    for cluster in key:
        for mention in cluster:
            total += len(cluster & cluster_of.get(mention, frozenset())) / len(cluster)
    return total, sum(len(cluster) for cluster in key)


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> Counts:
    recall = _b_cubed_side(key, response)
    precision = _b_cubed_side(response, key)
    return Counts(recall[0], recall[1], precision[0], precision[1])


def _phi4(key: Cluster, response: Cluster) -> float:
    return 2 * len(key & response) / (len(key) + len(response))


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> Counts:
    """Entity-based CEAF with phi4: the best one-to-one alignment of clusters, its similarity over each count."""
    similarity = [[_phi4(k, r) for r in response] for k in key]
    best = max_weight_matching(similarity)
    return Counts(best, len(key), best, len(response))


def max_weight_matching(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns (Hungarian algorithm, O(n^3))."""
    if not weights or not weights[0]:
        return 0.0
    transpose = len(weights) > len(weights[0])
    rows = [list(column) for column in zip(*weights, strict=True)] if transpose else weights
    n, m = len(rows), len(rows[0])
    # Minimise cost = -weight over n <= m, with potentials u (rows) and v (columns); index 0 is a sentinel.
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    row_of = [0] * (m + 1)
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        row_of[0] = row
        column = 0
        least = [float("inf")] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[column] = True
            current, delta, next_column = row_of[column], float("inf"), 0
            for j in range(1, m + 1):
                if not used[j]:
                    cost = -rows[current - 1][j - 1] - u[current] - v[j]
                    if cost < least[j]:
                        least[j], way[j] = cost, column
                    if least[j] < delta:
                        delta, next_column = least[j], j
            for j in range(m + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            column = next_column
            if row_of[column] == 0:
                break
        while column:
            previous = way[column]
            row_of[column] = row_of[previous]
            column = previous
    return sum(rows[row_of[j] - 1][j - 1] for j in range(1, m + 1) if row_of[j])
