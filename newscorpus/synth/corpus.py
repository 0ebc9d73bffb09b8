"""Write a synthetic corpus: raw captures and their records, deterministic from a seed.

Article ``i`` of seed ``s`` is drawn from its own random generator, seeded with
``(s, i)``, so any batch of articles can be written by any worker and the
corpus is the same whatever the engine or the number of jobs. Raw files go to
``corpus/raw/synthetic/NNNN/NNNNNNN.txt`` (a thousand to a folder); records are
converted from them with their gold-like layers kept, or, without gold, with
the automatic annotators' layers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from pathlib import Path
from random import Random
from typing import Any

from newscorpus.record.layout import CorpusLayout
from newscorpus.record.writer import dumps_record
from newscorpus.synth.article import ArticleWriter, write_article
from newscorpus.synth.gold import gold_layers, gold_metadata

PUBLISHER_FOLDER = "synthetic"
FILES_PER_FOLDER = 1_000


@dataclass(slots=True)
class SynthStats:
    """Counts over the generated articles, to check lengths and annotation densities."""

    documents: int = 0
    words: int = 0
    tokens: int = 0
    entities: int = 0
    body_paragraphs: int = 0
    quoted_paragraphs: int = 0
    quotations: int = 0
    mentions: int = 0

    def merge(self, other: SynthStats) -> None:
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def raw_path(index: int) -> str:
    """Where article ``index`` goes, relative to the corpus root."""
    return f"corpus/raw/{PUBLISHER_FOLDER}/{index // FILES_PER_FOLDER:04d}/{index:07d}.txt"


def synthetic_article(seed: int, index: int) -> ArticleWriter:
    return write_article(Random(f"newscorpus-synth:{seed}:{index}"))


def synthetic_record(seed: int, index: int, gold: bool = True) -> tuple[str, dict[str, Any]]:
    """Article ``index`` of ``seed``: its raw text and its record (with gold-like layers when ``gold``)."""
    # Imported here, not at the top: convert loads spaCy, and `newscorpus synth --help` should not wait for it.
    from newscorpus.convert.decode import RawCapture
    from newscorpus.convert.record import build_record

    article = synthetic_article(seed, index)
    raw = article.text + "\n"
    capture = RawCapture(raw_path(index), raw, hashlib.sha256(raw.encode("utf-8")).hexdigest())
    previous = {"layers": gold_layers(article), "metadata": gold_metadata(article)} if gold else None
    record = build_record(capture, previous)
    if record["text"] != article.text:
        raise RuntimeError(f"synthetic article {index} is not in normalized form; its offsets would be wrong")
    return raw, record


@dataclass(frozen=True, slots=True)
class SynthTask:
    """Write articles ``start`` to ``stop`` (exclusive) of ``seed`` into the corpus at ``root``."""

    root: Path
    seed: int
    start: int
    stop: int
    gold: bool


def write_synthetic_batch(task: SynthTask) -> SynthStats:
    """Write the raw files and records of a range of articles; returns their counts."""
    layout = CorpusLayout(task.root)
    stats = SynthStats()
    for index in range(task.start, task.stop):
        raw, record = synthetic_record(task.seed, index, task.gold)
        raw_file = task.root / raw_path(index)
        raw_file.parent.mkdir(parents=True, exist_ok=True)
        raw_file.write_text(raw, encoding="utf-8")
        record_file = layout.record_path(record["id"])
        record_file.parent.mkdir(parents=True, exist_ok=True)
        record_file.write_text(dumps_record(record), encoding="utf-8")
        layers = record["layers"]
        paragraphs = layers["paragraphs"]["items"]
        stats.merge(
            SynthStats(
                documents=1,
                words=len(record["text"].split()),
                tokens=len(layers["tokens"]["starts"]),
                entities=len(layers["entities"]["items"]),
                body_paragraphs=sum(p["role"] == "body" for p in paragraphs),
                quoted_paragraphs=sum(
                    any(p["start"] <= q["content"]["start"] < p["end"] for q in layers["quotations"]["items"])
                    for p in paragraphs
                ),
                quotations=len(layers["quotations"]["items"]),
                mentions=sum(len(c["mentions"]) for c in layers["coreference"]["items"]),
            )
        )
    return stats
