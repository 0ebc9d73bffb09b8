"""The card's "Automatic annotators" section: each automatic layer's scores on the release's test split.

The figures are measured by ``scripts/write_annotator_scores.py`` on the gold
documents of the test split, which no rule, knowledge base or model saw during
development, and stored in the package (``newscorpus/data/annotate/test_scores.json``)
beside the issue's target for each. The card prints them as they are, a miss
included, so a user reads how good the non-gold layers are before using them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCORES_PATH = Path(__file__).resolve().parent.parent / "data" / "annotate" / "test_scores.json"
NOT_MEASURED = "The automatic layers other than entities have not been scored on the test split for this release."


def _row(layer: dict[str, Any], row: dict[str, Any]) -> str:
    target = "" if row["target"] is None else f"{row['target']:.2f}"
    met = "" if row["target"] is None else ("met" if row["value"] >= row["target"] else "missed")
    return f"| {layer['layer']} | {row['measure']} | {layer['documents']} | {row['value']:.3f} | {target} | {met} |"


def annotator_section(path: Path | None = None) -> str:
    """Markdown: one row per layer and measure, with the number of test documents and the target."""
    path = path or SCORES_PATH
    if not path.is_file():
        return NOT_MEASURED
    layers = json.loads(path.read_text(encoding="utf-8"))["layers"]
    rows = "\n".join(_row(layer, row) for layer in layers for row in layer["measures"])
    return f"""The layers that are not gold come from the annotators shipped in the newscorpus
package, as `newscorpus convert` runs them (each layer's provenance names the
tool and version). On the gold documents of the **test** split, which no rule,
knowledge base or model saw during development, they score:

| layer | measure | test documents | score | target | |
|---|---|---|---|---|---|
{rows}

The test split is small: read these figures beside the cross-validated ones in
docs/preannotation.md in the repository."""
