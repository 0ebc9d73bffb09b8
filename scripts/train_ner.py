"""Train the shipped NER model from the corpus's gold: one command, deterministic, a minute or so on one core.

    python scripts/train_ner.py

Trains on every openly licensed record with gold entities and timex that is
not in the release's test split (scripts/ner_protocol.py), and writes
newscorpus/data/models/ner/ (model.crfsuite, model.json). Afterwards run
`newscorpus convert` and `newscorpus build`: the automatic entity layers change.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_protocol import development_and_test, gold_records

from newscorpus.annotate.ner_model import SHIPPED_MODEL, NerModel
from newscorpus.annotate.ner_training import train_model


def main() -> None:
    development, test = development_and_test(gold_records())
    began = time.perf_counter()
    train_model(development, SHIPPED_MODEL)
    model = NerModel(SHIPPED_MODEL)
    print(
        f"trained {model.name} {model.version} on {len(development)} documents "
        f"({len(test)} test documents left out) in {time.perf_counter() - began:.1f} s -> {SHIPPED_MODEL}"
    )


if __name__ == "__main__":
    main()
