"""Corpus statistics: counts per layer, type and split, with plots and an HTML summary.

``count_corpus`` turns records into a ``CorpusStats`` value; ``render_counts``
prints it, ``write_plots`` draws it (matplotlib, the ``stats`` extra) and
``write_report`` writes the HTML page that shows both.
"""

from __future__ import annotations

from newscorpus.stats.counts import CorpusStats, count_corpus, render_counts

__all__ = ["CorpusStats", "count_corpus", "render_counts"]
