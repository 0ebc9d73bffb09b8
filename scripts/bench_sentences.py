"""Score the sentence splitter on the gold sentences: development folds and the fixed test set.

The gold: the reviewed sentence files in corpus/annotations/sentences/ (the
50 openly licensed Wikinews documents gold in every layer; docs/gold.md,
"Gold sentences"). The fixed test set is those of the release's ``test``
split; ``--test`` scores it, nothing else reads it. The others are dealt into
5 folds by document (``newscorpus.evaluate.folds``). The splitter's rules are
written by hand, not fitted: they were written from the errors of folds 0-2
only (``--errors`` prints those folds and refuses the others); folds 3-4 are
reported apart as held out.

Three splitters, each run paragraph by paragraph as convert runs it:
newscorpus (sentencex and ``newscorpus.convert.sentence_rules``, what the
records hold), sentencex alone (the splitter of main 3958ea0, before the
rules), and spaCy's ``blank("en")`` + sentencizer, the external check's
baseline. Measures (``newscorpus.evaluate.sentences``): boundary P/R/F1 over
every sentence end, F1 over the ends inside paragraphs, F1 of whole sentences.

    python scripts/bench_sentences.py              # development folds
    python scripts/bench_sentences.py --test       # also the fixed test set and all 50 (once, at the end)
    python scripts/bench_sentences.py --errors 1   # the shipped splitter's errors on fold 1 (folds 0-2 only)
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscorpus.convert.segment import segment_paragraph  # noqa: E402
from newscorpus.convert.sentence_rules import sentencex_starts  # noqa: E402
from newscorpus.evaluate.folds import document_folds  # noqa: E402
from newscorpus.evaluate.gold_sentences import SENTENCES_DIR, read_gold_sentences  # noqa: E402
from newscorpus.evaluate.matching import Score  # noqa: E402
from newscorpus.evaluate.sentences import boundary_scores, paragraph_ends, sentence_spans  # noqa: E402
from newscorpus.record.reader import read_record_or_raise  # noqa: E402
from newscorpus.release.splits import split_of  # noqa: E402

FOLDS = 5
READ_FOLDS = (0, 1, 2)  # the folds whose errors the rules were written from
Record = dict[str, Any]
Spans = list[tuple[int, int]]


def gold_documents() -> tuple[dict[str, Record], dict[str, Spans]]:
    """The records that have a gold sentence file, and their gold sentences."""
    files = sorted((ROOT / SENTENCES_DIR).glob("*.json"))
    records = {
        path.stem: read_record_or_raise(ROOT / "corpus" / "records" / path.name, f"corpus/records/{path.name}")
        for path in files
    }
    gold = read_gold_sentences(ROOT / SENTENCES_DIR, records)
    return records, {document_id: sentence_spans(entry.layer) for document_id, entry in gold.items()}


def _by_paragraph(record: Record, split: Callable[[str, int], Spans]) -> Spans:
    text = record["text"]
    spans: Spans = []
    for paragraph in record["layers"]["paragraphs"]["items"]:
        spans += split(text[paragraph["start"] : paragraph["end"]], paragraph["start"])
    return spans


def _segmented(starts_of: Callable[[str], list[int]] | None) -> Callable[[str, int], Spans]:
    def split(text: str, offset: int) -> Spans:
        found = segment_paragraph(text, offset) if starts_of is None else segment_paragraph(text, offset, starts_of)
        return list(zip(found.sentence_starts, found.sentence_ends, strict=True))

    return split


def _spacy_sentencizer() -> Callable[[str, int], Spans]:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def split(text: str, offset: int) -> Spans:
        spans = []
        for sentence in nlp(text).sents:
            stripped = sentence.text.strip()
            if stripped:
                start = sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
                spans.append((offset + start, offset + start + len(stripped)))
        return spans

    return split


SPLITTERS = {
    "newscorpus (sentencex + rules)": _segmented(None),
    "sentencex alone (main 3958ea0)": _segmented(sentencex_starts),
    "spaCy blank('en') + sentencizer": _spacy_sentencizer(),
}


def scores_of(ids: list[str], records: dict[str, Record], gold: dict[str, Spans], split: Any) -> dict[str, Score]:
    """Boundary scores summed over ``ids``."""
    total = {measure: Score() for measure in ("boundaries", "inner", "sentences")}
    for document_id in ids:
        record = records[document_id]
        found = boundary_scores(gold[document_id], _by_paragraph(record, split), paragraph_ends(record))
        for measure, score in found.items():
            total[measure].add(score)
    return total


def _line(name: str, scores: dict[str, Score]) -> str:
    b = scores["boundaries"]
    return (
        f"  {name:34} {b.precision:6.4f} {b.recall:6.4f} {b.f1:6.4f} {scores['inner'].f1:7.4f} "
        f"{scores['sentences'].f1:7.4f} {int(b.gold):6d}"
    )


def _errors(ids: list[str], records: dict[str, Record], gold: dict[str, Spans]) -> None:
    split = SPLITTERS["newscorpus (sentencex + rules)"]
    for document_id in ids:
        text = records[document_id]["text"]
        expected = {end for _, end in gold[document_id]}
        found = {end for _, end in _by_paragraph(records[document_id], split)}
        for kind, ends in (("missed", expected - found), ("extra", found - expected)):
            for end in sorted(ends):
                print(f"{kind:6} {document_id[:50]:50} {text[max(0, end - 50) : end]!r} | {text[end : end + 30]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test", action="store_true", help="also score the fixed test set and all documents")
    parser.add_argument("--errors", type=int, choices=READ_FOLDS, help="print the errors of this fold (0-2 only)")
    options = parser.parse_args()
    records, gold = gold_documents()
    development = sorted(i for i in gold if split_of(i) != "test")
    test = sorted(i for i in gold if split_of(i) == "test")
    folds = [held_out for _, held_out in document_folds(development, FOLDS)]
    if options.errors is not None:
        _errors(folds[options.errors], records, gold)
        return
    groups = {
        f"development, folds 0-2 (rules written from their errors; {sum(len(folds[k]) for k in READ_FOLDS)} docs)": [
            i for k in READ_FOLDS for i in folds[k]
        ],
        f"development, folds 3-4 (held out; {len(folds[3]) + len(folds[4])} docs)": folds[3] + folds[4],
        f"development, all ({len(development)} docs)": development,
    }
    if options.test:
        groups[f"fixed test set ({len(test)} docs)"] = test
        groups[f"all gold documents ({len(gold)} docs)"] = sorted(gold)
    header = f"  {'splitter':34} {'P':>6} {'R':>6} {'F1':>6} {'inner':>7} {'whole':>7} {'gold':>6}"
    for title, ids in groups.items():
        print(f"{title}: boundary P / R / F1, inner-boundary F1, whole-sentence F1")
        print(header)
        for name, split in SPLITTERS.items():
            print(_line(name, scores_of(ids, records, gold, split)))
    print("boundary F1 by development fold (mean +- s.d. over the 5 folds):")
    for name, split in SPLITTERS.items():
        values = [scores_of(fold, records, gold, split)["boundaries"].f1 for fold in folds]
        shown = " ".join(f"{value:.4f}" for value in values)
        print(f"  {name:34} {shown}  {statistics.mean(values):.4f} +- {statistics.stdev(values):.4f}")


if __name__ == "__main__":
    main()
