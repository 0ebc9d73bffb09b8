"""Entity annotation throughput on the corpus's real articles: the shipped model against the rules alone.

    python scripts/bench_ner_speed.py [--repeat 3]

Runs in one process (one core): articles per second is articles per second
per core. Each system annotates every record of corpus/records/ (entities
only, then all automatic layers as convert runs them); the best of
``--repeat`` runs is reported. Timex detection, which both need, is included.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newscorpus.annotate.article import Article
from newscorpus.annotate.runner import AnnotateSettings, Annotators
from newscorpus.annotate.timex import find_timexes

RECORDS = Path(__file__).resolve().parent.parent / "corpus" / "records"


def best_of(repeat: int, work) -> float:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        timings.append(time.perf_counter() - began)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(RECORDS.glob("*.json"))]
    articles = [Article.from_record(record) for record in records]
    tokens = sum(len(article) for article in articles)
    print(f"{len(records)} articles, {tokens} tokens, best of {args.repeat}")
    for name, setting in (("rules", "rules"), ("model", None)):
        annotators = Annotators.for_corpus([], AnnotateSettings(ner_model=setting))

        def entities(annotators: Annotators = annotators) -> None:
            for article in articles:
                annotators.entities.annotate(article, find_timexes(article))

        def all_layers(annotators: Annotators = annotators) -> None:
            for record in records:
                annotators.annotate_record(record, keep_gold=False)

        for what, work in (("entities (with timex)", entities), ("all automatic layers", all_layers)):
            seconds = best_of(args.repeat, work)
            print(f"{name:6} {what:22} {seconds:7.2f} s  {len(records) / seconds:7.1f} articles/s/core")


if __name__ == "__main__":
    main()
