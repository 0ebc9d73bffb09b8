"""Sentence boundaries scored against gold: where each sentence ends, counted over documents.

A boundary is the offset where a sentence ends (after its last character,
before the whitespace to the next one), so a sentence split in two adds one
boundary and two merged lose one. Measures:

* ``boundaries``: every sentence end, the last one of each paragraph
  included; the usual boundary F1, in which a splitter that only found the
  paragraphs would still score on their ends;
* ``inner``: only the ends that fall inside a paragraph (before another
  sentence of it): what a splitter must find, as paragraphs are given;
* ``sentences``: whole sentences, both edges equal.

Boundaries are offsets, so exact and overlap matching are the same count.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newscorpus.evaluate.matching import MODES, Score

Record = dict[str, Any]
Extent = tuple[int, int]


def sentence_spans(layer: dict[str, Any]) -> list[Extent]:
    """The (start, end) of every sentence of a sentences layer."""
    return list(zip(layer["starts"], layer["ends"], strict=True))


def paragraph_ends(record: Record) -> set[int]:
    """Where the record's paragraphs end: sentence ends there come with the paragraphs."""
    return {paragraph["end"] for paragraph in record["layers"]["paragraphs"]["items"]}


def _score(gold: set[Any], predicted: set[Any]) -> Score:
    found = len(gold & predicted)
    return Score(found, len(predicted), found, len(gold))


def boundary_scores(gold: list[Extent], predicted: list[Extent], ends_of_paragraphs: set[int]) -> dict[str, Score]:
    """The three measures of the module docstring for one document's gold and predicted sentences."""
    gold_ends, predicted_ends = {end for _, end in gold}, {end for _, end in predicted}
    return {
        "boundaries": _score(gold_ends, predicted_ends),
        "inner": _score(gold_ends - ends_of_paragraphs, predicted_ends - ends_of_paragraphs),
        "sentences": _score(set(gold), set(predicted)),
    }


def score_sentences(gold: Record, predicted: Record) -> Iterator[tuple[str, dict[str, Score]]]:
    """The evaluate layer scorer: the predicted record's sentences against the gold record's."""
    scores = boundary_scores(
        sentence_spans(gold["layers"]["sentences"]),
        sentence_spans(predicted["layers"]["sentences"]),
        paragraph_ends(gold),
    )
    for measure, score in scores.items():
        yield measure, dict.fromkeys(MODES, score)
