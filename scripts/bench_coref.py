"""Score the coreference annotator on the gold coreference: cross-validation folds and the fixed test set.

The gold: openly licensed records whose coreference layer is complete gold.
The fixed test set is those of the release's ``test`` split; ``--test``
scores it, nothing else reads it. The others are dealt into 5 folds by
document (``newscorpus.evaluate.folds``). The coreference rules are written
by hand, not fitted, so "training" means reading: rules are written from the
gold of folds 0-2 only (``--errors`` prints those folds and refuses the
others), and folds 3-4 are reported apart as held out. Each fold is scored on
its own; the summary gives the mean and standard deviation over folds.

Entities come from the shipped NER model, as convert runs it (what users
get), and, as an upper bound, from the gold entity layer (``--entities gold``).
The shipped model was trained on the development documents themselves, so on
the folds it gives back their gold entities; ``--entities fold-model`` is the
end-to-end cross-validation: each fold's documents are tagged by an NER model
trained on the NER development gold without them (``--ner-cache DIR`` keeps
the five models, as ``bench_links.py`` does).
Figures are F1 with mentions aligned on their head token, as the external
check aligns them, plus mention recall and B3 with exact spans.

    python scripts/bench_coref.py                  # folds, model entities and gold entities
    python scripts/bench_coref.py --test           # the fixed test set (once, at the end)
    python scripts/bench_coref.py --errors 1       # gold and predicted clusters of fold 1 (folds 0-2 only)
    python scripts/bench_coref.py --entities fold-model --ner-cache DIR   # end to end, NER trained per fold
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, Gazetteer  # noqa: E402
from newscorpus.annotate.runner import Annotators, shipped_annotators  # noqa: E402
from newscorpus.evaluate.folds import document_folds  # noqa: E402
from newscorpus.evaluate.scoring import evaluate_records  # noqa: E402
from newscorpus.licensing import is_open_license  # noqa: E402
from newscorpus.record.provenance import empty_layer, is_gold  # noqa: E402
from newscorpus.record.reader import read_record_or_raise  # noqa: E402
from newscorpus.release.splits import split_of  # noqa: E402

FOLDS = 5
DEVELOPMENT_FOLDS = (0, 1, 2)
# (name printed, measure, mode, statistic)
MEASURES = (
    ("B3", "B3", "head", "f1"),
    ("MUC", "MUC", "head", "f1"),
    ("CEAF-e", "CEAF-e", "head", "f1"),
    ("mention R", "mentions", "head", "recall"),
    ("mention F1", "mentions", "head", "f1"),
    ("B3 exact", "B3", "exact", "f1"),
)
Record = dict[str, Any]


def gold_coreference_records() -> dict[str, Record]:
    records = {}
    for path in sorted((ROOT / "corpus" / "records").glob("*.json")):
        record = read_record_or_raise(path)
        if is_gold(record["layers"]["coreference"]) and is_open_license(record["source"]["license_id"]):
            records[record["id"]] = record
    return records


def predict(records: dict[str, Record], entities: str) -> dict[str, Record]:
    """Coreference made afresh: on the model's entities (as users get them) or on the gold entities."""
    annotators = shipped_annotators()
    if entities == "model":
        return {i: annotators.annotate_record(r, keep_gold=False) for i, r in records.items()}
    predicted = {}
    for document_id, record in records.items():
        layers = {**record["layers"], "coreference": empty_layer(), "quotations": empty_layer()}
        predicted[document_id] = annotators.annotate_record({**record, "layers": layers}, keep_gold=True)
    return predicted


def predict_with_fold_models(development: dict[str, Record], folds: list[list[str]], cache: Path | None) -> dict:
    """Each fold's documents annotated afresh with an NER model trained on the NER development gold without them."""
    from bench_links import cached_model
    from ner_protocol import development_and_test, gold_records, train_temporary

    ner_development, _ = development_and_test(gold_records())
    predicted = {}
    for held_out in folds:
        training = [r for r in ner_development if r["id"] not in set(held_out)]
        model = cached_model(training, cache) if cache else train_temporary(training)
        annotators = Annotators(Gazetteer.from_files([SHIPPED_GAZETTEER]), model=model)
        predicted |= {i: annotators.annotate_record(development[i], keep_gold=False) for i in held_out}
    return predicted


def scores(gold: dict[str, Record], predicted: dict[str, Record]) -> dict[str, float]:
    rows = {(row.layer, row.measure): row.scores for row in evaluate_records(gold, predicted).rows}
    return {name: getattr(rows[("coreference", measure)][mode], stat) for name, measure, mode, stat in MEASURES}


def line(values: dict[str, float]) -> str:
    return ", ".join(f"{name} {value:.3f}" for name, value in values.items())


def print_errors(gold: dict[str, Record], predicted: dict[str, Record]) -> None:
    for document_id in sorted(gold):
        print(f"=== {document_id}")
        for side, record in (("G", gold[document_id]), ("P", predicted[document_id])):
            for cluster in record["layers"]["coreference"]["items"]:
                texts = [f"{m['text']}@{m['start']}/{m['kind'][:3]}" for m in cluster["mentions"]]
                print(f"{side} " + " | ".join(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="score the fixed test set")
    parser.add_argument("--entities", choices=("model", "gold", "both", "fold-model"), default="both")
    parser.add_argument("--ner-cache", type=Path, help="with --entities fold-model: keep and reuse the fold models")
    parser.add_argument("--errors", type=int, choices=DEVELOPMENT_FOLDS, help="print clusters of a development fold")
    args = parser.parse_args()
    if args.test and args.entities == "fold-model":
        parser.error("--test scores the shipped model's entities: it was trained without the test documents")
    records = gold_coreference_records()
    test = {i: r for i, r in records.items() if split_of(i) == "test"}
    development = {i: r for i, r in records.items() if split_of(i) != "test"}
    folds = [held_out for _, held_out in document_folds(development, FOLDS)]
    sources = ("model", "gold") if args.entities == "both" else (args.entities,)
    if args.errors is not None:
        members = {i: development[i] for i in folds[args.errors]}
        print_errors(members, predict(members, sources[0]))
        return
    for entities in sources:
        print(f"## entities from the {entities}")
        if args.test:
            print(f"test set ({len(test)} documents): " + line(scores(test, predict(test, entities))))
            continue
        if entities == "fold-model":
            predicted = predict_with_fold_models(development, folds, args.ner_cache)
        else:
            predicted = predict(development, entities)
        per_fold = []
        for fold, held_out in enumerate(folds):
            result = scores({i: development[i] for i in held_out}, {i: predicted[i] for i in held_out})
            per_fold.append(result)
            role = "development" if fold in DEVELOPMENT_FOLDS else "held out"
            print(f"fold {fold} ({len(held_out)} documents, {role}): {line(result)}")
        subsets = (
            ("all folds", range(FOLDS)),
            ("development folds 0-2", DEVELOPMENT_FOLDS),
            ("held-out folds 3-4", (3, 4)),
        )
        for subset, chosen in subsets:
            summary = []
            for name, *_ in MEASURES:
                values = [per_fold[f][name] for f in chosen]
                summary.append(f"{name} {statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}")
            print(f"{subset}: " + ", ".join(summary))


if __name__ == "__main__":
    main()
