"""Score the entity linker on the gold links: 5-fold cross-validation by document, and the fixed test set once.

    python scripts/bench_links.py                 # cross-validation over the development documents
    python scripts/bench_links.py --test          # the fixed test set (KB from all development documents)
    python scripts/bench_links.py --errors 0      # wrong and missed links of fold 0 (development only)
    python scripts/bench_links.py --retrain-ner --ner-cache DIR   # per-fold NER models kept in DIR, reused

Documents: openly licensed records with a complete gold ``entity_links``
layer. The fixed test set is those of the release's test split; the others
are dealt into 5 folds by ``newscorpus.evaluate.folds``. In each fold the
knowledge base is built from that fold's training documents only, and the
held-out documents are linked with it. Two settings:

* ``end to end``: entities and coreference from the annotators as convert
  runs them (the shipped NER model, or with ``--retrain-ner`` a model
  trained per fold on the NER development gold minus the fold's held-out
  documents, so that no held-out document was seen by any part);
* ``gold entities``: the linker alone, on the gold entities and gold
  coreference of the held-out documents.

Training the five per-fold NER models takes most of ``--retrain-ner``'s
time; ``--ner-cache DIR`` keeps each in ``DIR`` under a key of its training
documents and feature version (``fold_model_key``) and reuses it, so the
linker can be varied without retraining. Keep ``DIR`` outside the
repository: a model trained on other code or gold has another key.

The baseline is version 0.1.0 (main at 12aae2b), which makes no links:
precision 0/0 and coverage 0 on every document.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_kb import development, link_gold_records
from ner_protocol import development_and_test, gold_records, train_temporary

from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, Gazetteer
from newscorpus.annotate.kb_from_gold import build_knowledge_base
from newscorpus.annotate.knowledge_base import KnowledgeBase, kb_bytes, version_of
from newscorpus.annotate.linker import EntityLinker
from newscorpus.annotate.ner_features import FEATURES_VERSION
from newscorpus.annotate.ner_model import META_FILE, NerModel
from newscorpus.annotate.ner_training import DEFAULT_PARAMS, train_model
from newscorpus.annotate.runner import AnnotateSettings, Annotators
from newscorpus.evaluate.folds import document_folds
from newscorpus.evaluate.scoring import evaluate_records
from newscorpus.release.splits import split_of

FOLDS = 5
Record = dict[str, Any]
MEASURES = (("qid", "precision"), ("coverage", "recall"), ("linked", "recall"), ("qid", "recall"))


def knowledge_base_of(records: list[Record]) -> KnowledgeBase:
    document = build_knowledge_base(records)
    return KnowledgeBase.from_document(document, version_of(kb_bytes(document)))


def with_links(record: Record, linker: EntityLinker) -> Record:
    layers = dict(record["layers"])
    layers["entity_links"] = linker.layer(layers["entities"]["items"], layers["coreference"]["items"], record["text"])
    return {**record, "layers": layers}


def annotated(records: list[Record], annotators: Annotators) -> dict[str, Record]:
    """Every record annotated afresh (entities, coreference, ...), as `newscorpus annotate` does."""
    return {record["id"]: annotators.annotate_record(record, keep_gold=False) for record in records}


def scores(gold: list[Record], predicted: dict[str, Record]) -> dict[str, Any]:
    rows = {
        row.measure: row.scores
        for row in evaluate_records({r["id"]: r for r in gold}, predicted).rows
        if row.layer == "entity_links"
    }
    result = {f"{measure} {side}": getattr(rows[measure]["exact"], side) for measure, side in MEASURES}
    result["predicted"] = rows["qid"]["exact"].predicted
    result["named mentions"] = rows["coverage"]["exact"].gold
    result["per type"] = {
        measure.removeprefix("coverage-"): (
            score["exact"].matched_gold,
            score["exact"].gold,
            score["exact"].matched_predicted,
            score["exact"].predicted,
        )
        for measure, score in rows.items()
        if measure.startswith("coverage-")
    }
    result["on gold QIDs"] = _precision_where_gold_has_a_qid(gold, predicted)
    return result


def _precision_where_gold_has_a_qid(gold: list[Record], predicted: dict[str, Record]) -> tuple[int, int, int]:
    """(right, predicted on entities whose gold link has a QID, predicted on gold-null entities), exact spans."""
    right = on_qid = on_null = 0
    for record in gold:
        spans = {e["id"]: (e["start"], e["end"]) for e in record["layers"]["entities"]["items"]}
        gold_qid = {spans[link["entity"]]: link["qid"] for link in record["layers"]["entity_links"]["items"]}
        layers = predicted[record["id"]]["layers"]
        predicted_spans = {e["id"]: (e["start"], e["end"]) for e in layers["entities"]["items"]}
        for link in layers["entity_links"]["items"]:
            span = predicted_spans[link["entity"]]
            if span not in gold_qid:
                continue
            if gold_qid[span] is None:
                on_null += 1
            else:
                on_qid += 1
                right += gold_qid[span] == link["qid"]
    return right, on_qid, on_null


def mean_and_spread(values: list[float]) -> str:
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}" if len(values) > 1 else f"{values[0]:.3f}"


def report(name: str, per_fold: list[dict[str, Any]]) -> None:
    print(f"\n== {name}")
    for key in (f"{m} {s}" for m, s in MEASURES):
        values = [fold[key] for fold in per_fold]
        print(f"  {key:<18} {mean_and_spread(values)}   folds: {' '.join(f'{v:.3f}' for v in values)}")
    print(
        f"  predicted QIDs: {[int(f['predicted']) for f in per_fold]}; "
        f"named mentions: {[int(f['named mentions']) for f in per_fold]}"
    )
    right = sum(f["on gold QIDs"][0] for f in per_fold)
    on_qid = sum(f["on gold QIDs"][1] for f in per_fold)
    on_null = sum(f["on gold QIDs"][2] for f in per_fold)
    print(f"  pooled: {right}/{on_qid} right where gold has a QID; {on_null} QIDs on entities gold left null")
    totals: dict[str, list[float]] = {}
    for fold in per_fold:
        for entity_type, counts in fold["per type"].items():
            totals.setdefault(entity_type, [0, 0, 0, 0])
            totals[entity_type] = [a + b for a, b in zip(totals[entity_type], counts, strict=True)]
    print("  pooled per type: coverage (right/named), precision (right/predicted)")
    for entity_type, (covered, named, right_p, predicted_n) in sorted(totals.items()):
        precision = f"{right_p / predicted_n:.3f}" if predicted_n else "-"
        print(
            f"    {entity_type:<12} {covered / named if named else 0:.3f} ({int(covered)}/{int(named)})  "
            f"P {precision} ({int(right_p)}/{int(predicted_n)})"
        )


def base_annotators() -> Annotators:
    return Annotators.with_gold_names(Gazetteer(), AnnotateSettings())


def cross_validation(
    records: list[Record], predict: Callable[[list[Record], list[Record]], dict[str, Record]]
) -> list[dict[str, Any]]:
    by_id = {r["id"]: r for r in records}
    per_fold = []
    for training_ids, held_out_ids in document_folds(by_id, FOLDS):
        training = [by_id[i] for i in training_ids]
        held_out = [by_id[i] for i in held_out_ids]
        per_fold.append(scores(held_out, predict(training, held_out)))
    return per_fold


def fold_model_key(training: list[Record]) -> str:
    """What a per-fold model depends on: its training documents' ids and text, the features and the parameters."""
    digest = hashlib.sha256(f"{FEATURES_VERSION}\n{sorted(DEFAULT_PARAMS.items())}\n".encode())
    digest.update(SHIPPED_GAZETTEER.read_bytes())
    for record in sorted(training, key=lambda r: r["id"]):
        digest.update(f"{record['id']}\n{record['text']}\n".encode())
        for entity in record["layers"]["entities"]["items"]:
            digest.update(f"{entity['start']} {entity['end']} {entity['label']}\n".encode())
    return digest.hexdigest()[:16]


def cached_model(training: list[Record], cache: Path) -> NerModel:
    """The model trained on ``training``, from ``cache`` if an earlier run trained it, else trained into it."""
    folder = cache / f"ner-{fold_model_key(training)}"
    if not (folder / META_FILE).is_file():
        partial = cache / f"{folder.name}.partial"
        train_model(training, partial)
        partial.replace(folder)
    return NerModel(folder)


def retrained(training: list[Record], held_out: list[Record], cache: Path | None = None) -> dict[str, Record]:
    """Held-out documents annotated by a model trained on the NER development gold without them."""
    held_out_ids = {r["id"] for r in held_out}
    ner_development, _ = development_and_test(gold_records())
    ner_training = [r for r in ner_development if r["id"] not in held_out_ids]
    model = cached_model(ner_training, cache) if cache else train_temporary(ner_training)
    annotators = Annotators(Gazetteer.from_files([SHIPPED_GAZETTEER]), model=model)
    annotators.linker = EntityLinker(knowledge_base_of(training))
    return annotated(held_out, annotators)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="score the fixed test set, once")
    parser.add_argument("--errors", type=int, help="print the wrong and missed links of this development fold")
    parser.add_argument("--retrain-ner", action="store_true", help="end to end with an NER model trained per fold")
    parser.add_argument("--ner-cache", type=Path, help="keep the per-fold NER models in this folder and reuse them")
    arguments = parser.parse_args()
    records = link_gold_records()
    dev = list(development(records))
    if arguments.test:
        test = [r for r in records if split_of(r["id"]) == "test"]
        linker = EntityLinker(knowledge_base_of(dev))
        print(f"test set: {len(test)} documents; knowledge base {linker.version} from {len(dev)} development documents")
        fresh = annotated(test, base_annotators())
        report("end to end (shipped NER model)", [scores(test, {i: with_links(r, linker) for i, r in fresh.items()})])
        report("gold entities and coreference", [scores(test, {r["id"]: with_links(r, linker) for r in test})])
        return
    print(f"cross-validation: {len(dev)} development documents, {FOLDS} folds")
    if arguments.errors is not None:
        print_errors(dev, arguments.errors)
        return
    report(
        "gold entities and coreference (the linker alone)",
        cross_validation(
            dev,
            lambda training, held_out: {
                r["id"]: with_links(r, EntityLinker(knowledge_base_of(training))) for r in held_out
            },
        ),
    )
    if arguments.retrain_ner:
        report(
            "end to end (NER model trained per fold without the held-out documents)",
            cross_validation(dev, functools.partial(retrained, cache=arguments.ner_cache)),
        )
        return
    fresh = annotated(dev, base_annotators())
    report(
        "end to end (shipped NER model: it saw these documents in training)",
        cross_validation(
            dev,
            lambda training, held_out: {
                r["id"]: with_links(fresh[r["id"]], EntityLinker(knowledge_base_of(training))) for r in held_out
            },
        ),
    )


def print_errors(dev: list[Record], fold: int) -> None:
    by_id = {r["id"]: r for r in dev}
    training_ids, held_out_ids = document_folds(by_id, FOLDS)[fold]
    linker = EntityLinker(knowledge_base_of([by_id[i] for i in training_ids]))
    for document_id in held_out_ids:
        record = by_id[document_id]
        entities = {e["id"]: e for e in record["layers"]["entities"]["items"]}
        gold = {link["entity"]: link["qid"] for link in record["layers"]["entity_links"]["items"]}
        predicted = {
            link["entity"]: link
            for link in linker.link(list(entities.values()), record["layers"]["coreference"]["items"], record["text"])
        }
        print(f"=== {document_id}")
        for entity_id, entity in entities.items():
            if entity_id not in gold:
                continue
            link = predicted.get(entity_id)
            if link is None and gold[entity_id] is None:
                continue
            if link is not None and link["qid"] == gold[entity_id]:
                continue
            shown = f"{link['qid']} ({link['note'].split(';')[0]})" if link else "-"
            print(f"  {entity['label']:<8} {entity['text']!r:<40} gold {gold[entity_id]}  predicted {shown}")


if __name__ == "__main__":
    main()
