"""Score the quotation annotator on the gold quotations: cross-validation folds and the fixed test set.

The rules are not fitted by this script, so "cross-validation" here means
scoring each of 5 folds of the non-test gold documents on its own (folds by
a hash of the document id) and reporting the mean and spread over folds;
rules were written while reading only the documents of folds 0-2 (see
docs/preannotation.md). The fixed test set is the gold documents of the
release's ``test`` split; ``--test`` scores it, nothing else reads it.

    python scripts/bench_quotes.py            # folds
    python scripts/bench_quotes.py --test     # the fixed test set
    python scripts/bench_quotes.py --errors 0 # print mismatches of fold 0 (development folds only)
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscorpus.annotate.runner import shipped_annotators  # noqa: E402
from newscorpus.evaluate.scoring import evaluate_records  # noqa: E402
from newscorpus.record.provenance import is_gold  # noqa: E402
from newscorpus.record.reader import read_record_or_raise  # noqa: E402
from newscorpus.release.splits import split_of  # noqa: E402

FOLDS = 5
DEVELOPMENT_FOLDS = (0, 1, 2)
MEASURES = (("content-half", "overlap"), ("speaker", "overlap"), ("content-span", "exact"), ("cue", "overlap"))


def gold_quotation_records() -> dict[str, dict[str, Any]]:
    records = {}
    for path in sorted((ROOT / "corpus" / "records").glob("*.json")):
        record = read_record_or_raise(path)
        if is_gold(record["layers"]["quotations"]):
            records[record["id"]] = record
    return records


def fold_of(document_id: str) -> int:
    return int.from_bytes(hashlib.sha256(b"quotes-cv:" + document_id.encode()).digest()[:8], "big") % FOLDS


def scores(gold: dict[str, dict[str, Any]]) -> dict[str, float]:
    annotators = shipped_annotators()
    predicted = {i: annotators.annotate_record(r, keep_gold=False) for i, r in gold.items()}
    rows = {(row.layer, row.measure): row.scores for row in evaluate_records(gold, predicted).rows}
    result = {}
    for measure, mode in MEASURES:
        score = rows[("quotations", measure)][mode]
        result[measure] = score.precision if measure == "speaker" else score.f1
    # Precision and recall of content-half, to tell false quotations from missed ones.
    half = rows[("quotations", "content-half")]["overlap"]
    result["content-half P"], result["content-half R"] = half.precision, half.recall
    return result


def print_errors(gold: dict[str, dict[str, Any]]) -> None:
    annotators = shipped_annotators()
    for document_id, record in gold.items():
        predicted = annotators.annotate_record(record, keep_gold=False)
        text = record["text"]
        print(f"=== {document_id}")
        items = [("G", q) for q in record["layers"]["quotations"]["items"]]
        items += [("P", q) for q in predicted["layers"]["quotations"]["items"]]
        for side, q in sorted(items, key=lambda x: (x[1]["content"]["start"], x[0])):
            c = q["content"]
            source = q["source"]["text"] if q["source"] else None
            cue = q["cue"]["text"] if q["cue"] else None
            quoted = text[c["start"] : c["end"]][:110]
            print(f"{side} {q['type'][:3]} [{c['start']},{c['end']}) cue={cue!r} src={source!r} :: {quoted!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="score the fixed test set")
    parser.add_argument("--errors", type=int, choices=DEVELOPMENT_FOLDS, help="print gold and predicted of a fold")
    args = parser.parse_args()
    records = gold_quotation_records()
    test = {i: r for i, r in records.items() if split_of(i) == "test"}
    development = {i: r for i, r in records.items() if split_of(i) != "test"}
    if args.errors is not None:
        print_errors({i: r for i, r in development.items() if fold_of(i) == args.errors})
        return
    if args.test:
        result = scores(test)
        print(f"test set ({len(test)} documents): " + ", ".join(f"{k} {v:.3f}" for k, v in result.items()))
        return
    per_fold = []
    for fold in range(FOLDS):
        members = {i: r for i, r in development.items() if fold_of(i) == fold}
        result = scores(members)
        per_fold.append(result)
        role = "development" if fold in DEVELOPMENT_FOLDS else "held out"
        print(
            f"fold {fold} ({len(members)} documents, {role}): " + ", ".join(f"{k} {v:.3f}" for k, v in result.items())
        )
    for subset, folds in (
        ("all folds", range(FOLDS)),
        ("development folds", list(DEVELOPMENT_FOLDS)),
        ("held-out folds", [f for f in range(FOLDS) if f not in DEVELOPMENT_FOLDS]),
    ):
        summary = []
        for measure in per_fold[0]:
            values = [per_fold[f][measure] for f in folds]
            spread = statistics.stdev(values) if len(values) > 1 else 0.0
            summary.append(f"{measure} {statistics.mean(values):.3f} ± {spread:.3f}")
        print(f"{subset}: " + ", ".join(summary))


if __name__ == "__main__":
    main()
