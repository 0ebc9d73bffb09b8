"""An evaluation as a table for people or as JSON for scripts."""

from __future__ import annotations

import json
from typing import Any

from newscorpus.evaluate.matching import HEAD, MODES, Score
from newscorpus.evaluate.scoring import Evaluation

_HEADER = ("layer", "measure", "gold", "pred", "exact P", "R", "F1", "overlap P", "R", "F1", "head P", "R", "F1")


def _count(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 4)


def _score_dict(score: Score) -> dict[str, Any]:
    return {
        "gold": _number(score.gold),
        "predicted": _number(score.predicted),
        "matched_gold": _number(score.matched_gold),
        "matched_predicted": _number(score.matched_predicted),
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
    }


def _documents(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "scored": evaluation.documents,
        "by_layer": evaluation.layer_documents,
        "gold_without_prediction": evaluation.gold_only,
        "prediction_without_gold": evaluation.predicted_only,
    }


def render_json(evaluation: Evaluation) -> str:
    """Every row with its match modes (exact, overlap; head for entities and coreference): counts, P, R, F1."""
    rows = [
        {
            "layer": row.layer,
            "measure": row.measure,
            **{mode: _score_dict(row.scores[mode]) for mode in (*MODES, HEAD) if mode in row.scores},
        }
        for row in evaluation.rows
    ]
    return json.dumps({"documents": _documents(evaluation), "scores": rows}, indent=2, ensure_ascii=False)


def render_table(evaluation: Evaluation) -> str:
    """Aligned columns; gold and pred are item counts (links for MUC, mentions for B3); head: entities, coreference."""
    lines = [_HEADER]
    for row in evaluation.rows:
        exact, overlap = row.scores["exact"], row.scores["overlap"]
        lines.append(
            (
                row.layer,
                row.measure,
                _count(exact.gold),
                _count(exact.predicted),
                *(f"{value:.3f}" for value in (exact.precision, exact.recall, exact.f1)),
                *(f"{value:.3f}" for value in (overlap.precision, overlap.recall, overlap.f1)),
                *(
                    (f"{value:.3f}" for value in (head.precision, head.recall, head.f1))
                    if (head := row.scores.get(HEAD))
                    else ("-", "-", "-")
                ),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(_HEADER))]
    rendered = [
        "  ".join(
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    ]
    summary = f"{evaluation.documents} document(s) scored; layers with gold: " + ", ".join(
        f"{layer} ({count})" for layer, count in evaluation.layer_documents.items()
    )
    if evaluation.gold_only:
        summary += f"\n{len(evaluation.gold_only)} gold document(s) without a prediction, counted as empty"
    if evaluation.predicted_only:
        summary += f"\n{len(evaluation.predicted_only)} prediction(s) without gold, ignored"
    return "\n".join([*rendered, "", summary])
