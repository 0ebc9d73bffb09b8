"""Annotation throughput on the corpus's real articles: the shipped NER model against the rules alone.

    python scripts/bench_ner_speed.py [--repeat 3] [--json]

Runs in one process on one core. The figure is **CPU time of this process**
(``time.process_time``: user + system time of the annotating process only),
so articles per CPU-second is articles per second per core, and other jobs
on a shared machine do not count against it; wall time is printed beside it
for reference only. Each system annotates every record of corpus/records/
afresh: the entity layer alone (with the timex rules both systems need),
then every automatic layer as convert runs them (timex, entities,
quotations, coreference). The best of ``--repeat`` runs is reported.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

from newscorpus.annotate.article import Article
from newscorpus.annotate.runner import AnnotateSettings, Annotators
from newscorpus.annotate.timex import find_timexes

RECORDS = Path(__file__).resolve().parent.parent / "corpus" / "records"


def best_of(repeat: int, work: Callable[[], None]) -> tuple[float, float]:
    """Least CPU seconds (and the wall seconds of that run) over ``repeat`` runs of ``work``."""
    timings = []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        timings.append((time.process_time() - cpu, time.perf_counter() - wall))
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    records = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(RECORDS.glob("*.json"))]
    articles = [Article.from_record(record) for record in records]
    tokens = sum(len(article) for article in articles)
    print(f"{len(records)} articles, {tokens} tokens, best of {args.repeat}; CPU time of this process")
    figures = []
    for name, setting in (("rules", "rules"), ("model", None)):
        annotators = Annotators.for_corpus([], AnnotateSettings(ner_model=setting))
        annotators.entities.annotate(articles[0], find_timexes(articles[0]))  # load once, outside the timing

        def entities(annotators: Annotators = annotators) -> None:
            for article in articles:
                annotators.entities.annotate(article, find_timexes(article))

        def all_layers(annotators: Annotators = annotators) -> None:
            for record in records:
                annotators.annotate_record(record, keep_gold=False)

        for what, work in (("entities (with timex)", entities), ("all automatic layers", all_layers)):
            cpu, wall = best_of(args.repeat, work)
            rate = len(records) / cpu
            figures.append({"system": name, "layers": what, "cpu_s": cpu, "wall_s": wall, "articles_per_cpu_s": rate})
            print(
                f"{name:6} {what:22} {cpu:7.2f} s CPU ({wall:7.2f} s wall)  {rate:7.1f} articles/s/core"
                f"  {tokens / cpu:8.0f} tokens/s/core"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    if args.json:
        print(json.dumps({"articles": len(records), "tokens": tokens, "figures": figures}, indent=1))


if __name__ == "__main__":
    main()
