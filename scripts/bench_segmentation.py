"""Compare sentence splitters on tests/data/hard_sentences.jsonl: F1 and paragraphs/second.

Not a test: it needs the optional libraries it compares (pysbd, blingfire) and
measures time. Run: python scripts/bench_segmentation.py
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "hard_sentences.jsonl"


def _spans(text: str, pieces: list[str]) -> set[tuple[int, int]]:
    spans, position = set(), 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, position)
        if start < 0:  # the splitter changed the text; count as a miss
            continue
        spans.add((start, start + len(piece)))
        position = start + len(piece)
    return spans


def splitters() -> dict[str, Callable[[str], list[str]]]:
    found: dict[str, Callable[[str], list[str]]] = {}
    from newscorpus.convert.segment import segment_paragraph

    def ours(text: str) -> list[str]:
        result = segment_paragraph(text, 0)
        return [text[s:e] for s, e in zip(result.sentence_starts, result.sentence_ends, strict=True)]

    found["newscorpus (sentencex + rules + spaCy tokens)"] = ours
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    found["spaCy blank('en') + sentencizer"] = lambda text: [s.text for s in nlp(text).sents]
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = segmenter.segment
    except ImportError:
        pass
    try:
        import blingfire

        found["blingfire"] = lambda text: blingfire.text_to_sentences(text).split("\n")
    except ImportError:
        pass
    return found


def main() -> None:
    cases = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{len(cases)} paragraphs, {sum(len(c['sentences']) for c in cases)} gold sentences")
    print(f"{'splitter':42} {'P':>6} {'R':>6} {'F1':>6} {'paragraphs/s':>13}")
    for name, split in splitters().items():
        tp = predicted = gold = 0
        start = time.perf_counter()
        for case in cases:
            found = _spans(case["text"], split(case["text"]))
            expected = _spans(case["text"], case["sentences"])
            tp, predicted, gold = tp + len(found & expected), predicted + len(found), gold + len(expected)
        elapsed = time.perf_counter() - start
        precision, recall = tp / predicted, tp / gold
        f1 = 2 * precision * recall / (precision + recall)
        print(f"{name:42} {precision:6.3f} {recall:6.3f} {f1:6.3f} {len(cases) / elapsed:13.0f}")


if __name__ == "__main__":
    main()
