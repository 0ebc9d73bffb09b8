"""Score predicted records against gold records, layer by layer, summed over documents.

A document is scored in a layer only where the gold record's layer is
complete gold: an automatic layer, or a partly corrected one (which may miss
items), is no reference. A gold document without a
prediction counts as predicting nothing (recall falls); a prediction
without a gold document is ignored and listed. Sums of matches are added up
over documents before dividing (micro-averaging), so long articles weigh
more, as in the usual NER and coreference evaluations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newscorpus.evaluate.layers import LAYER_SCORERS
from newscorpus.evaluate.matching import Score, ScoreRow
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.provenance import is_gold

Record = dict[str, Any]
# In each layer: these measures, then one per type (alphabetical), then the trailing ones.
_LEADING = ("all", "content", "span", "content-span", "mentions", "qid", "coverage", "linked")
_TRAILING = ("value", "MUC", "B3", "CEAF-e", "cue", "source", "source-referent", "content-half", "speaker")


@dataclass(slots=True)
class Evaluation:
    """Score rows, and which documents were scored in which layer."""

    rows: list[ScoreRow] = field(default_factory=list)
    documents: int = 0
    layer_documents: dict[str, int] = field(default_factory=dict)
    gold_only: list[str] = field(default_factory=list)
    predicted_only: list[str] = field(default_factory=list)


def _empty_prediction(gold: Record) -> Record:
    """A prediction with nothing in any layer, for a gold document nobody annotated."""
    layers = {name: {**layer, "items": []} if "items" in layer else layer for name, layer in gold["layers"].items()}
    if "sentences" in layers:
        layers["sentences"] = {**layers["sentences"], "starts": [], "ends": []}  # no sentence found either
    return {**gold, "layers": layers}


def _order(row: ScoreRow) -> tuple[int, int, str]:
    if row.measure in _LEADING:
        rank = _LEADING.index(row.measure)
    elif row.measure in _TRAILING:
        rank = len(_LEADING) + 1 + _TRAILING.index(row.measure)
    else:
        rank = len(_LEADING)
    return list(LAYER_SCORERS).index(row.layer), rank, row.measure


def evaluate_records(gold: dict[str, Record], predicted: dict[str, Record]) -> Evaluation:
    """Scores of ``predicted`` against ``gold`` (both keyed by document id)."""
    shared = sorted(gold.keys() & predicted.keys())
    if not shared:
        raise UnusableInputError(
            "evaluate.no-shared-documents",
            "PRED",
            f"none of the {len(predicted)} predicted document id(s) is among the {len(gold)} gold one(s)",
        )
    evaluation = Evaluation(
        gold_only=sorted(gold.keys() - predicted.keys()), predicted_only=sorted(predicted.keys() - gold.keys())
    )
    rows: dict[tuple[str, str], ScoreRow] = {}
    for document_id in sorted(gold):
        gold_record = gold[document_id]
        predicted_record = predicted.get(document_id) or _empty_prediction(gold_record)
        if predicted_record["text"] != gold_record["text"]:
            raise UnusableInputError(
                "evaluate.text-mismatch", document_id, "the gold and the predicted record hold different texts"
            )
        evaluation.documents += 1
        for layer, scorer in LAYER_SCORERS.items():
            if not is_gold(gold_record["layers"].get(layer)):
                continue
            evaluation.layer_documents[layer] = evaluation.layer_documents.get(layer, 0) + 1
            for measure, scores in scorer(gold_record, predicted_record):
                row = rows.setdefault((layer, measure), ScoreRow(layer, measure))
                for mode, score in scores.items():
                    row.scores.setdefault(mode, Score()).add(score)
    evaluation.rows = sorted(rows.values(), key=_order)
    return evaluation
