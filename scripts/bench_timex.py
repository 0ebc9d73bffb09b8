"""Score the timex annotator on the gold timex documents, without a hand-set publication date.

Gold documents: openly licensed records whose timex layer is gold. The fixed
test set is those of the release's ``test`` split; ``--test`` scores it and
nothing else reads it. Development: 5 folds by document over the others
(``newscorpus.evaluate.folds``). The rules are hand-written, not fitted, so a
fold is only scored; the rules of this version were written from the errors
of folds 0-2 (``--errors``), and folds 3-4 were only ever scored (their
figures are reported apart as "held out").

Each gold record is scored with its gold publication date REMOVED: the
annotator sees the date that convert establishes from the capture as the
source gives it (the header date, checked against the dateline) and from the
text itself. ``--date`` picks what the annotator sees:

* ``source`` (default): the gold date removed, the capture's header date present;
* ``text``: the gold date and the header date removed (only the article's text);
* ``gold``: the gold date kept (for reference only: a hand-set date).

    python scripts/bench_timex.py                 # folds
    python scripts/bench_timex.py --date text     # folds, from the text alone
    python scripts/bench_timex.py --test          # the fixed test set (once, at the end)
    python scripts/bench_timex.py --errors 0      # mismatches of development fold 0
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscorpus.annotate.article import Article  # noqa: E402
from newscorpus.annotate.timex import find_timexes, timex_layer_items  # noqa: E402
from newscorpus.convert.record import source_publication_date  # noqa: E402
from newscorpus.evaluate.folds import document_folds  # noqa: E402
from newscorpus.evaluate.matching import Item, align  # noqa: E402
from newscorpus.evaluate.scoring import evaluate_records  # noqa: E402
from newscorpus.licensing import is_open_license  # noqa: E402
from newscorpus.record.provenance import auto, is_gold  # noqa: E402
from newscorpus.release.splits import split_of  # noqa: E402

FOLDS = 5
DEVELOPMENT_FOLDS = (0, 1, 2)
MEASURES = ("span-overlap", "span-type-exact", "value-accuracy", "dated-value-accuracy", "span-value-exact")


def gold_timex_records() -> dict[str, dict[str, Any]]:
    records = {}
    for path in sorted((ROOT / "corpus" / "records").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if is_gold(record["layers"]["timex"]) and is_open_license(record["source"]["license_id"]):
            records[record["id"]] = record
    return records


def input_record(record: dict[str, Any], date_from: str) -> dict[str, Any]:
    """The record as the annotator gets it: the gold publication date replaced as ``date_from`` says."""
    metadata = dict(record["metadata"])
    if date_from == "source":
        metadata["publication_date"] = source_publication_date(ROOT, record["raw"]["path"], record["text"])
    elif date_from == "text":
        metadata["publication_date"] = source_publication_date(ROOT, None, record["text"])
    return {**record, "metadata": metadata}


def predicted_record(record: dict[str, Any], date_from: str) -> dict[str, Any]:
    article = Article.from_record(input_record(record, date_from))
    layers = dict(record["layers"])
    items = timex_layer_items(find_timexes(article), article.text)
    layers["timex"] = {"provenance": [auto("newscorpus.annotate.timex", "bench")], "items": items}
    return {**record, "layers": layers}


def value_accuracy(gold: dict[str, Any], predicted: dict[str, Any], dated_only: bool) -> tuple[int, int]:
    """(right, matched): of the gold timexes matched by span overlap, those whose value is the gold one.

    ``dated_only`` counts only gold timexes of type DATE or TIME with a value
    (the external check's "dated spans").
    """
    gold_items = gold["layers"]["timex"]["items"]
    predicted_items = predicted["layers"]["timex"]["items"]
    pairs = align(
        [Item(((t["start"], t["end"]),)) for t in gold_items],
        [Item(((t["start"], t["end"]),)) for t in predicted_items],
        "overlap",
    )
    right = matched = 0
    for g, p in pairs:
        if dated_only and (gold_items[g]["type"] not in ("DATE", "TIME") or gold_items[g]["value"] is None):
            continue
        matched += 1
        right += gold_items[g]["value"] == predicted_items[p]["value"]
    return right, matched


def scores(gold: dict[str, dict[str, Any]], date_from: str) -> dict[str, float]:
    predicted = {i: predicted_record(r, date_from) for i, r in gold.items()}
    rows = {(row.layer, row.measure): row.scores for row in evaluate_records(gold, predicted).rows}
    result = {
        "span-overlap": rows[("timex", "span")]["overlap"].f1,
        "span-type-exact": rows[("timex", "all")]["exact"].f1,
        "span-value-exact": rows[("timex", "value")]["exact"].f1,
    }
    for name, dated_only in (("value-accuracy", False), ("dated-value-accuracy", True)):
        counts = [value_accuracy(gold[i], predicted[i], dated_only) for i in gold]
        matched = sum(m for _, m in counts)
        result[name] = sum(r for r, _ in counts) / matched if matched else 0.0
    return {measure: result[measure] for measure in MEASURES}


def print_errors(gold: dict[str, dict[str, Any]], date_from: str) -> None:
    for document_id, record in gold.items():
        predicted = predicted_record(record, date_from)
        given = input_record(record, date_from)["metadata"]["publication_date"]["value"]
        text = record["text"]
        print(f"=== {document_id} (gold date {record['metadata']['publication_date']['value']}, seen {given})")
        items = [("G", t) for t in record["layers"]["timex"]["items"]]
        items += [("P", t) for t in predicted["layers"]["timex"]["items"]]
        predicted_keys = {(t["start"], t["end"], t["type"], t["value"]) for _, t in items if _ == "P"}
        gold_keys = {(t["start"], t["end"], t["type"], t["value"]) for _, t in items if _ == "G"}
        for side, t in sorted(items, key=lambda x: (x[1]["start"], x[0])):
            key = (t["start"], t["end"], t["type"], t["value"])
            if key in (predicted_keys if side == "G" else gold_keys):
                continue
            context = text[max(0, t["start"] - 40) : t["end"] + 40].replace("\n", " ")
            print(f"{side} {t['type']:8} {t['value']!s:20} {t['text']!r:32} :: {context!r}")


def summary(per_fold: list[dict[str, float]], folds: list[int]) -> str:
    parts = []
    for measure in MEASURES:
        values = [per_fold[f][measure] for f in folds]
        spread = statistics.stdev(values) if len(values) > 1 else 0.0
        parts.append(f"{measure} {statistics.mean(values):.3f} ± {spread:.3f}")
    return ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="score the fixed test set")
    parser.add_argument("--date", choices=("source", "text", "gold"), default="source", help="what date is seen")
    parser.add_argument("--errors", type=int, choices=DEVELOPMENT_FOLDS, help="print the mismatches of a fold")
    args = parser.parse_args()
    records = gold_timex_records()
    test = {i: r for i, r in records.items() if split_of(i) == "test"}
    development = {i: r for i, r in records.items() if split_of(i) != "test"}
    folds = [held for _, held in document_folds(development, FOLDS)]
    if args.errors is not None:
        print_errors({i: development[i] for i in folds[args.errors]}, args.date)
        return
    if args.test:
        result = scores(test, args.date)
        print(f"test set ({len(test)} documents): " + ", ".join(f"{k} {v:.3f}" for k, v in result.items()))
        return
    per_fold = []
    for fold, held in enumerate(folds):
        result = scores({i: development[i] for i in held}, args.date)
        per_fold.append(result)
        role = "development" if fold in DEVELOPMENT_FOLDS else "held out"
        print(f"fold {fold} ({len(held)} documents, {role}): " + ", ".join(f"{k} {v:.3f}" for k, v in result.items()))
    print("all folds: " + summary(per_fold, list(range(FOLDS))))
    print("development folds 0-2: " + summary(per_fold, list(DEVELOPMENT_FOLDS)))
    print("held-out folds 3-4: " + summary(per_fold, [f for f in range(FOLDS) if f not in DEVELOPMENT_FOLDS]))


if __name__ == "__main__":
    main()
