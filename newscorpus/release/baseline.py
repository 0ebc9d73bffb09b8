"""The card's baseline section: the shipped NER model's scores on the release's test split.

The scores are measured by ``scripts/bench_ner.py --test --write``, which
trains on the development gold (train and validation splits) and scores
the test split's gold documents, and are stored beside the model
(``newscorpus/data/models/ner/test_scores.json``). The card reads them
with the model's name, version and training data, so the baseline always
names the model whose output the release's automatic entity layers hold.
"""

from __future__ import annotations

import json
from typing import Any

from newscorpus.annotate.ner_model import META_FILE, SHIPPED_MODEL

SCORES_FILE = "test_scores.json"


def _read(name: str) -> dict[str, Any] | None:
    path = SHIPPED_MODEL / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def baseline_section() -> str:
    """Markdown: model, training data, test-split scores per measure and per label (head match)."""
    meta, scores = _read(META_FILE), _read(SCORES_FILE)
    if meta is None or scores is None:
        return "No NER baseline has been measured for this release."
    model = scores["model"]
    head = (model["entities_head_p"], model["entities_head_r"], model["entities_head_f1"])
    table = "| entities, head match with type | " + " | ".join(f"{value:.3f}" for value in head) + " |"
    per_label = ", ".join(
        f"{label} {f1:.2f}" for label, f1 in sorted(scores["per_label_head_f1"].items()) if label not in ("all", "span")
    )
    return f"""The automatic entity layers come from `{meta["name"]}`, a linear-chain CRF
({meta["trainer"]}) shipped in the newscorpus package, trained on the gold
entities of {meta["documents"]} openly licensed documents of the train and
validation splits (training data SHA-256 `{meta["training_data_sha256"][:16]}`).
On the {scores["documents"]} gold documents of the **test** split, which no
model, rule or gazetteer saw during development, it scores:

| measure | P | R | F1 |
|---|---|---|---|
{table}
| entities, exact span and type | | | {model["entities_exact_f1"]:.3f} |

Head F1 per type: {per_label}. Cross-validated figures and the
comparison with the rules are in docs/model-card-ner.md in the repository."""
