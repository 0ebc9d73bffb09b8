"""A synthetic corpus for benchmarks and scale tests: realistic lengths, names, quotes and annotation densities.

Articles of 300 to 1,500 words (median about 600) with a headline, sometimes a
photo credit, paragraphs of one to four sentences, straight and curly
quotation marks, people, organisations, places, dates and numbers; about one
entity per 12 tokens and a quotation in about a third of the paragraphs. Each
article comes with gold-like layers that pass ``newscorpus validate``.
"""

from __future__ import annotations

from pathlib import Path

from newscorpus.engines import Engine
from newscorpus.engines.progress import SILENT, Progress
from newscorpus.synth.corpus import SynthStats, SynthTask, raw_path, synthetic_record, write_synthetic_batch

BATCH = 50


def write_synthetic_corpus(
    root: Path, documents: int, seed: int, engine: Engine, gold: bool = True, progress: Progress = SILENT
) -> SynthStats:
    """Write ``documents`` articles (raw files and records) into the corpus at ``root``."""
    tasks = [SynthTask(root, seed, start, min(start + BATCH, documents), gold) for start in range(0, documents, BATCH)]
    stats = SynthStats()
    with progress.stage("generate", documents) as advance:
        for batch in engine.map(write_synthetic_batch, tasks):
            stats.merge(batch)
            advance(batch.documents)
    return stats


__all__ = ["SynthStats", "raw_path", "synthetic_record", "write_synthetic_corpus"]
