"""The NER evaluation protocol, shared by scripts/train_ner.py and scripts/bench_ner.py.

Gold documents are those with a gold entity layer. The fixed test set is the
gold documents of the release's test split (``split_of(id) == "test"``);
nothing used in development reads them. Development measures by
cross-validation by document over the other gold documents (train and
validation splits). Only openly licensed gold trains or scores the model:
the seed article's text belongs to its publisher, and a model shipped with
the package must not be derived from it.
"""

from __future__ import annotations

import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from newscorpus.annotate.article import Article
from newscorpus.annotate.entities import EntityAnnotator, entity_layer_items
from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, Gazetteer, own_gold_names
from newscorpus.annotate.ner_model import NerModel
from newscorpus.annotate.ner_training import train_model
from newscorpus.annotate.timex import find_timexes, timex_layer_items
from newscorpus.evaluate import evaluate_records
from newscorpus.licensing import is_open_license
from newscorpus.record.provenance import auto, is_gold
from newscorpus.release.splits import split_of

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "corpus" / "records"


def gold_records(records_dir: Path = RECORDS) -> list[dict[str, Any]]:
    """Openly licensed records with gold entities and timex, in id order."""
    found = []
    for path in sorted(records_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        layers = record["layers"]
        if is_gold(layers["entities"]) and is_gold(layers["timex"]) and is_open_license(record["source"]["license_id"]):
            found.append(record)
    return found


def development_and_test(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dev = [r for r in records if split_of(r["id"]) != "test"]
    test = [r for r in records if split_of(r["id"]) == "test"]
    return dev, test


def with_entities(record: dict[str, Any], spans: list[Any], tool: str) -> dict[str, Any]:
    layers = dict(record["layers"])
    layers["entities"] = {"provenance": auto(tool, "eval"), "items": entity_layer_items(spans, record["text"])}
    return {**record, "layers": layers}


def predict_with_model(model: NerModel, records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The model as convert runs it (with the rules' output as features, names propagated)."""
    annotator = EntityAnnotator(Gazetteer.from_files([SHIPPED_GAZETTEER]), model=model)
    predicted = {}
    for record in records:
        article = Article.from_record(record)
        spans = annotator.annotate(article, find_timexes(article), own_gold_names(record))
        predicted[record["id"]] = with_entities(record, spans, "model")
    return predicted


def predict_with_rules(training: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Today's rules, their gazetteer holding the shipped names and the training documents' gold names only."""
    gazetteer = Gazetteer.from_records(training).merged(Gazetteer.from_files([SHIPPED_GAZETTEER]))
    annotator = EntityAnnotator(gazetteer)
    predicted = {}
    for record in records:
        article = Article.from_record(record)
        timexes = find_timexes(article)
        entities = annotator.annotate(article, timexes, own_gold_names(record))
        result = with_entities(record, entities, "rules")
        result["layers"]["timex"] = {
            "provenance": auto("rules", "eval"),
            "items": timex_layer_items(timexes, article.text),
        }
        predicted[record["id"]] = result
    return predicted


def headline_scores(
    gold: list[dict[str, Any]], predicted: dict[str, dict[str, Any]], timex: bool = False
) -> dict[str, float]:
    """F1 of entities (exact, head; all types) and, with ``timex``, of timex spans (exact, overlap)."""
    evaluation = evaluate_records({r["id"]: r for r in gold}, predicted)
    rows = {(row.layer, row.measure): row.scores for row in evaluation.rows}
    scores = {
        "entities_exact_f1": rows[("entities", "all")]["exact"].f1,
        "entities_head_f1": rows[("entities", "all")]["head"].f1,
        "entities_head_p": rows[("entities", "all")]["head"].precision,
        "entities_head_r": rows[("entities", "all")]["head"].recall,
    }
    if timex:
        scores["timex_all_exact_f1"] = rows[("timex", "all")]["exact"].f1
        scores["timex_span_overlap_f1"] = rows[("timex", "span")]["overlap"].f1
        scores["timex_value_exact_f1"] = rows[("timex", "value")]["exact"].f1
    return scores


def per_label_head_f1(gold: list[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> dict[str, float]:
    evaluation = evaluate_records({r["id"]: r for r in gold}, predicted)
    return {row.measure: row.scores["head"].f1 for row in evaluation.rows if row.layer == "entities"}


def train_temporary(records: list[dict[str, Any]], params: dict[str, Any] | None = None) -> NerModel:
    folder = Path(tempfile.mkdtemp(prefix="ner-fold-"))
    return NerModel(train_model(records, folder, params))


def mean_and_spread(values: list[float]) -> str:
    spread = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.mean(values):.3f} ± {spread:.3f}"
