"""NER evaluation: cross-validation by document on the development gold, or the fixed test set.

    python scripts/bench_ner.py                 # 5-fold CV, model against today's rules; per-type F1 pooled
    python scripts/bench_ner.py --folds 10
    python scripts/bench_ner.py --test          # the fixed test set (train on all development gold)
    python scripts/bench_ner.py --test --write  # ... and store the scores the dataset card reports

Every model and every rules gazetteer is built from the training documents of
its fold (or, for --test, from the development documents) and never sees the
documents it is scored on. See docs/model-card-ner.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_protocol import (
    development_and_test,
    gold_records,
    headline_scores,
    mean_and_spread,
    per_label_head_f1,
    predict_with_model,
    predict_with_rules,
    train_temporary,
)

from newscorpus.annotate.ner_model import SHIPPED_MODEL, NerModel
from newscorpus.evaluate.folds import document_folds

SCORES_FILE = SHIPPED_MODEL / "test_scores.json"


def cross_validate(folds: int, params: dict | None, rules: bool = True) -> dict:
    dev, _ = development_and_test(gold_records())
    by_id = {r["id"]: r for r in dev}
    results: dict[str, list[dict]] = {"model": [], **({"rules": []} if rules else {})}
    held_out: dict[str, dict] = {}  # every document's prediction by the model of the fold that held it out
    for number, (training_ids, held_ids) in enumerate(document_folds(by_id, folds), start=1):
        training = [by_id[i] for i in training_ids]
        held = [by_id[i] for i in held_ids]
        model = train_temporary(training, params)
        predicted = predict_with_model(model, held)
        held_out.update(predicted)
        results["model"].append(headline_scores(held, predicted))
        if rules:
            results["rules"].append(headline_scores(held, predict_with_rules(training, held), timex=True))
        # Each fold's scores as soon as they are known: a long run stopped early still says something.
        scores = {system: runs[-1] for system, runs in results.items()}
        print(f"fold {number}: {len(training)} train, {len(held)} held out: {json.dumps(scores)}", flush=True)
    summary = {"documents": len(dev), "folds": folds}
    for system, runs in results.items():
        summary[system] = {key: mean_and_spread([run[key] for run in runs]) for key in runs[0]}
    # Rare types have a handful of mentions per fold: their F1 is pooled over every held-out prediction.
    summary["model_per_label_head_f1_pooled"] = {
        label: round(f1, 3) for label, f1 in per_label_head_f1([by_id[i] for i in held_out], held_out).items()
    }
    return summary


def test_set(write: bool) -> dict:
    dev, test = development_and_test(gold_records())
    shipped = NerModel(SHIPPED_MODEL)
    # Training is deterministic: the shipped model is the one training on the development gold makes.
    model = shipped if shipped.meta["document_ids"] == [r["id"] for r in dev] else train_temporary(dev)
    predicted = predict_with_model(model, test)
    result = {
        "model_version": model.version,
        "documents": len(test),
        "training_documents": len(dev),
        "model": headline_scores(test, predicted),
        "model_per_label_head_f1": per_label_head_f1(test, predicted),
        "rules": headline_scores(test, predict_with_rules(dev, test), timex=True),
    }
    if write:
        stored = {
            "documents": len(test),
            "model": result["model"],
            "per_label_head_f1": result["model_per_label_head_f1"],
        }
        rounded = json.loads(json.dumps(stored), parse_float=lambda value: round(float(value), 4))
        SCORES_FILE.write_text(json.dumps(rounded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--test", action="store_true", help="score on the fixed test set (use sparingly)")
    parser.add_argument("--write", action="store_true", help="with --test: store the scores for the card")
    parser.add_argument("--no-rules", action="store_true", help="score the model only (faster)")
    parser.add_argument("--params", type=json.loads, default=None, help="CRF parameters as JSON, e.g. '{\"c1\": 0.1}'")
    args = parser.parse_args()
    result = test_set(args.write) if args.test else cross_validate(args.folds, args.params, not args.no_rules)
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
