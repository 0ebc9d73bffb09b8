"""Score every automatic layer on the fixed test set and store the figures for the dataset card.

    python scripts/write_annotator_scores.py

Runs the finished annotators, as convert runs them, on the gold documents of
the release's test split (each layer's own gold: sentences against the
reviewed gold boundaries of corpus/annotations/sentences/, timex with the gold
publication date removed, quotations, coreference on the model's entities,
entity links end to end) through the same functions as the benchmark scripts
(`bench_timex.py`, `bench_quotes.py`, `bench_coref.py`, `bench_links.py`), and
writes `newscorpus/data/annotate/test_scores.json`, which the card's
"Automatic annotators" section reads. Run it once per release of the
annotators, after development has stopped: it scores the test split.
The NER model's own scores are written by `bench_ner.py --test --write`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_coref  # noqa: E402
import bench_links  # noqa: E402
import bench_quotes  # noqa: E402
import bench_sentences  # noqa: E402
import bench_timex  # noqa: E402

from newscorpus.release.annotator_scores import SCORES_PATH  # noqa: E402
from newscorpus.release.splits import split_of  # noqa: E402

# The targets (issue 16), shown beside each figure on the card.
TARGETS = {
    ("sentences", "boundaries"): 0.96,
    ("timex", "span-overlap"): 0.85,
    ("timex", "value-accuracy"): 0.90,
    ("quotations", "content-half"): 0.80,
    ("quotations", "speaker"): 0.80,
    ("coreference", "B3"): 0.65,
    ("entity_links", "qid precision"): 0.95,
    ("entity_links", "coverage recall"): 0.50,
}
DESCRIPTIONS = {
    ("sentences", "boundaries"): "boundary F1, every sentence end",
    ("sentences", "inner"): "boundary F1, ends inside paragraphs",
    ("timex", "span-overlap"): "span overlap F1 (gold publication date removed)",
    ("timex", "span-type-exact"): "span and type, exact F1",
    ("timex", "value-accuracy"): "value accuracy on matched spans",
    ("quotations", "content-half"): "content overlap >= 50% F1",
    ("quotations", "speaker"): "speaker right, of matched quotations",
    ("quotations", "content-span"): "content exact span F1",
    ("coreference", "B3"): "B3 F1, mentions aligned on heads",
    ("coreference", "MUC"): "MUC F1, heads",
    ("coreference", "CEAF-e"): "CEAF-e F1, heads",
    ("entity_links", "qid precision"): "QID precision",
    ("entity_links", "coverage recall"): "named mentions given the right QID",
}


def layer_scores() -> list[dict[str, Any]]:
    timex = {i: r for i, r in bench_timex.gold_timex_records().items() if split_of(i) == "test"}
    quotes = {i: r for i, r in bench_quotes.gold_quotation_records().items() if split_of(i) == "test"}
    coref = {i: r for i, r in bench_coref.gold_coreference_records().items() if split_of(i) == "test"}
    link_records = bench_links.link_gold_records()
    development = list(bench_links.development(link_records))
    link_test = [r for r in link_records if split_of(r["id"]) == "test"]
    linker = bench_links.EntityLinker(bench_links.knowledge_base_of(development))
    fresh = bench_links.annotated(link_test, bench_links.base_annotators())
    sentence_records, gold_sentences = bench_sentences.gold_documents()
    sentence_test = sorted(i for i in gold_sentences if split_of(i) == "test")
    splitter = bench_sentences.SPLITTERS["newscorpus (sentencex + rules)"]
    sentences = bench_sentences.scores_of(sentence_test, sentence_records, gold_sentences, splitter)
    measured = {
        "sentences": (len(sentence_test), {measure: score.f1 for measure, score in sentences.items()}),
        "timex": (len(timex), bench_timex.scores(timex, "source")),
        "quotations": (len(quotes), bench_quotes.scores(quotes)),
        "coreference": (len(coref), bench_coref.scores(coref, bench_coref.predict(coref, "model"))),
        "entity_links": (
            len(link_test),
            bench_links.scores(link_test, {i: bench_links.with_links(r, linker) for i, r in fresh.items()}),
        ),
    }
    layers = []
    for layer, (documents, values) in measured.items():
        rows = [
            {"measure": DESCRIPTIONS[key], "value": round(float(values[key[1]]), 4), "target": TARGETS.get(key)}
            for key in DESCRIPTIONS
            if key[0] == layer
        ]
        layers.append({"layer": layer, "documents": documents, "measures": rows})
    return layers


def main() -> None:
    layers = layer_scores()
    SCORES_PATH.write_text(json.dumps({"layers": layers}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for layer in layers:
        for row in layer["measures"]:
            print(f"{layer['layer']:<13} {row['measure']:<50} {row['value']:.3f}  target {row['target']}")
    print(f"-> {SCORES_PATH}")


if __name__ == "__main__":
    main()
