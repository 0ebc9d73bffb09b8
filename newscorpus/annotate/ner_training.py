"""Train the NER model (``newscorpus.annotate.ner_model``) from records with gold entity layers.

The caller chooses the training records; ``scripts/train_ner.py`` passes
the corpus's openly licensed gold documents outside the release's test
split, and cross-validation (``scripts/bench_ner.py``) one fold's training
documents. The gazetteer feature of each training document is computed
without that document's own gold names, exactly as for an unseen article,
so the model learns how far the gazetteer can be trusted on new text; so
are the entity rules' output (a feature too), with the same gazetteer.

Training is deterministic: L-BFGS from zero weights, documents in id order,
no sampling. The same records give byte-identical model files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycrfsuite

from newscorpus.annotate.article import Article
from newscorpus.annotate.entities import EntityAnnotator
from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, Gazetteer, own_gold_names
from newscorpus.annotate.ner_features import FEATURES_VERSION, article_features
from newscorpus.annotate.ner_model import META_FILE, MODEL_NAME, WEIGHTS_FILE, name_index, training_data_hash
from newscorpus.annotate.timex import find_timexes
from newscorpus.labels import ENTITY_LABELS
from newscorpus.record.provenance import is_gold

# L1 and L2 penalties and iterations, chosen by cross-validation on the development documents.
DEFAULT_PARAMS: dict[str, Any] = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def gold_tags(article: Article, entities: Iterable[dict[str, Any]]) -> list[str]:
    """BIO tags of every token from gold entity items (on token boundaries, as validate guarantees)."""
    tags = ["O"] * len(article)
    for entity in entities:
        if entity["label"] not in ENTITY_LABELS:
            continue
        indices = list(article.token_range(entity["start"], entity["end"]))
        for position, index in enumerate(indices):
            tags[index] = f"{'B' if position == 0 else 'I'}-{entity['label']}"
    return tags


def training_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with a gold entity layer, in id order (the order training sees them)."""
    return sorted((r for r in records if is_gold(r["layers"]["entities"])), key=lambda r: r["id"])


def train_model(records: Sequence[dict[str, Any]], folder: Path, params: dict[str, Any] | None = None) -> Path:
    """Train on the gold entities of ``records`` and write the model folder; returns it."""
    chosen = training_records(records)
    gold_names = Gazetteer.from_records(chosen)
    gazetteer = gold_names.merged(Gazetteer.from_files([SHIPPED_GAZETTEER]))
    rules = EntityAnnotator(gazetteer)
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    for record in chosen:
        article = Article.from_record(record)
        own_names = own_gold_names(record)
        names = name_index(gazetteer.labels_for(own_names))
        timexes = find_timexes(article)
        rule_spans = [(e.start, e.end, e.label) for e in rules.annotate(article, timexes, own_names)]
        tags = gold_tags(article, record["layers"]["entities"]["items"])
        for sentence, rows in enumerate(article_features(article, names, timexes, rule_spans)):
            if rows:
                trainer.append(rows, [tags[i] for i in article.sentence_tokens(sentence)])
    folder.mkdir(parents=True, exist_ok=True)
    trainer.train(str(folder / WEIGHTS_FILE))
    meta = {
        "name": MODEL_NAME,
        "features_version": FEATURES_VERSION,
        "trainer": f"python-crfsuite {version('python-crfsuite')} (CRFsuite, L-BFGS)",
        "params": {**DEFAULT_PARAMS, **(params or {})},
        "documents": len(chosen),
        "training_data_sha256": training_data_hash(r["id"] for r in chosen),
        "document_ids": [r["id"] for r in chosen],
        "gold_names": json.loads(gold_names.attested_json()),
    }
    (folder / META_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
    return folder
