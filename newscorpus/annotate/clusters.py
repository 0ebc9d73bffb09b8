"""The clusters coreference builds: mentions by cluster number, with what is known of each referent.

Besides its mentions, a cluster keeps the evidence later rules need: its
gender (``newscorpus.annotate.gender``), the descriptor nouns said of it
("the company", "the prime minister" can then find it), and its entity label.
"""

from __future__ import annotations

from newscorpus.annotate.gender import compatible
from newscorpus.annotate.mentions import Mention


class Clusters:
    """Mentions grouped by a cluster number, each span at most once."""

    def __init__(self) -> None:
        self.cluster_of: dict[tuple[int, int], int] = {}
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.gender: dict[int, str] = {}
        self.descriptors: dict[int, set[str]] = {}
        self.label: dict[int, str] = {}
        self.count = 0

    def new(self) -> int:
        self.count += 1
        return self.count - 1

    def add(self, mention: Mention, cluster: int) -> bool:
        """Put ``mention`` into ``cluster`` unless its span is in a cluster already; whether it was added."""
        span = (mention.first, mention.end)
        if span in self.cluster_of:
            return False
        self.cluster_of[span] = cluster
        self.mentions[span] = mention
        if mention.label is not None:
            self.label.setdefault(cluster, mention.label)
        return True

    def join_alone(self, mention: Mention, cluster: int) -> bool:
        """Put ``mention`` into ``cluster``, taking it from a cluster it is alone in; whether it is there now.

        A mention made its own cluster for want of a referent (a quotation's
        source "we") may still find one later; one that shares a cluster stays.
        """
        span = (mention.first, mention.end)
        current = self.cluster_of.get(span)
        if current is not None and current != cluster:
            if any(number == current for other, number in self.cluster_of.items() if other != span):
                return False
            del self.cluster_of[span], self.mentions[span]
        return self.add(mention, cluster) or current == cluster

    def of(self, mention: Mention) -> int | None:
        return self.cluster_of.get((mention.first, mention.end))

    def covers(self, first: int, end: int) -> bool:
        """Whether a mention already in a cluster overlaps tokens [first, end)."""
        return any(a < end and first < b for a, b in self.cluster_of)

    def set_gender(self, cluster: int, gender: str | None) -> None:
        if gender is not None:
            self.gender.setdefault(cluster, gender)

    def accepts(self, cluster: int, gender: str | None) -> bool:
        """Whether a pronoun of ``gender`` may join ``cluster`` ("she" never joins a cluster known to be "he")."""
        return compatible(gender, self.gender.get(cluster))

    def describe(self, cluster: int, noun: str) -> None:
        self.descriptors.setdefault(cluster, set()).add(noun.lower())

    def groups(self) -> list[list[Mention]]:
        """Clusters of two or more mentions, each in text order, ordered by their first mention."""
        by_cluster: dict[int, list[Mention]] = {}
        for span in sorted(self.cluster_of):
            by_cluster.setdefault(self.cluster_of[span], []).append(self.mentions[span])
        return sorted((g for g in by_cluster.values() if len(g) > 1), key=lambda g: (g[0].first, g[0].end))
