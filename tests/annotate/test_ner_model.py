"""The NER model: BIO decoding, training on tiny data, determinism, and the shipped model file."""

from __future__ import annotations

import copy
import json

import pytest

from newscorpus.annotate.article import Article
from newscorpus.annotate.entities import EntityAnnotator
from newscorpus.annotate.gazetteer import Gazetteer
from newscorpus.annotate.ner_features import NameIndex, word_shape
from newscorpus.annotate.ner_model import (
    META_FILE,
    SHIPPED_MODEL,
    WEIGHTS_FILE,
    NerModel,
    decode_tags,
    load_model,
    shipped_model_version,
    training_data_hash,
)
from newscorpus.annotate.ner_training import gold_tags, train_model
from newscorpus.annotate.runner import AnnotateSettings, Annotators
from newscorpus.annotate.timex import find_timexes
from newscorpus.problems.errors import UnusableInputError
from newscorpus.release.splits import split_of

TINY = {"max_iterations": 30}


def test_word_shapes_fold_long_runs():
    assert [word_shape(w) for w in ("Lukashenko", "NATO", "2020", "U.S.", "al-Assad")] == [
        "Xxx",
        "XX",
        "dd",
        "X.X.",
        "xx-Xxx",
    ]


def test_the_name_index_tags_the_longest_name():
    index = NameIndex({("New", "York"): "GPE", ("New", "York", "Times"): "ORG", ("York",): "GPE"})
    assert index.tags(["The", "New", "York", "Times", "in", "York"]) == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE"]


def test_decoding_repairs_an_inside_tag_without_a_beginning(seed_record):
    article = Article.from_record(seed_record)
    indices = [0, 1, 2, 3]
    spans = decode_tags(article, indices, ["I-ORG", "I-ORG", "B-GPE", "I-PERSON"])
    starts, ends = article.token_starts, article.token_ends
    assert [(s.start, s.end, s.label) for s in spans] == [
        (starts[0], ends[1], "ORG"),
        (starts[2], ends[2], "GPE"),
        (starts[3], ends[3], "PERSON"),
    ]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, _seed_record):
    return NerModel(train_model([_seed_record], tmp_path_factory.mktemp("model"), TINY))


def test_a_model_trained_on_a_document_tags_most_of_it_back(tiny_model, _seed_record):
    article = Article.from_record(_seed_record)
    annotator = EntityAnnotator(Gazetteer(), model=tiny_model)  # the rules' output is a feature, as in training
    predicted = {(e.start, e.end, e.label) for e in annotator.annotate(article, find_timexes(article))}
    gold = {(e["start"], e["end"], e["label"]) for e in _seed_record["layers"]["entities"]["items"]}
    assert len(predicted & gold) >= 0.8 * len(gold)
    assert all(article.on_token_boundaries(start, end) for start, end, _ in predicted)


def test_training_records_its_data_and_is_deterministic(tmp_path, tiny_model, _seed_record):
    again = train_model([_seed_record], tmp_path / "again", TINY)
    assert (again / WEIGHTS_FILE).read_bytes() == (tiny_model.folder / WEIGHTS_FILE).read_bytes()
    assert (again / META_FILE).read_bytes() == (tiny_model.folder / META_FILE).read_bytes()
    assert tiny_model.meta["document_ids"] == [_seed_record["id"]]
    assert tiny_model.meta["training_data_sha256"] == training_data_hash([_seed_record["id"]])
    assert tiny_model.version.startswith("1docs.data-" + training_data_hash([_seed_record["id"]])[:12])


def test_gold_tags_follow_the_entities(_seed_record):
    article = Article.from_record(_seed_record)
    tags = gold_tags(article, _seed_record["layers"]["entities"]["items"])
    first = _seed_record["layers"]["entities"]["items"][0]
    index = article.token_starting_at(first["start"])
    assert tags[index] == f"B-{first['label']}"
    assert sum(tag.startswith("B-") for tag in tags) == len(_seed_record["layers"]["entities"]["items"])


def test_a_model_of_other_features_is_refused(tmp_path, tiny_model):
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / WEIGHTS_FILE).write_bytes((tiny_model.folder / WEIGHTS_FILE).read_bytes())
    (folder / META_FILE).write_text(json.dumps({**tiny_model.meta, "features_version": "0"}), encoding="utf-8")
    with pytest.raises(UnusableInputError) as raised:
        NerModel(folder)
    assert raised.value.code == "ner-model.unavailable" and "retrain" in raised.value.hint


def test_a_missing_model_is_refused(tmp_path):
    with pytest.raises(UnusableInputError, match="cannot read the model"):
        NerModel(tmp_path)


def test_the_shipped_model_never_saw_a_test_document():
    meta = load_model().meta
    assert meta["documents"] == len(meta["document_ids"]) > 0
    assert [i for i in meta["document_ids"] if split_of(i) == "test"] == []
    assert meta["training_data_sha256"] == training_data_hash(meta["document_ids"])
    assert (SHIPPED_MODEL / WEIGHTS_FILE).is_file()


def test_the_shipped_model_annotates_and_is_named_in_provenance(seed_record):
    record = copy.deepcopy(seed_record)
    annotated = Annotators.for_corpus([], AnnotateSettings()).annotate_record(record, keep_gold=False)
    layer = annotated["layers"]["entities"]
    assert layer["provenance"][0]["tool"] == "newscorpus.annotate.entities+newscorpus-ner-crf"
    assert layer["provenance"][0]["version"].endswith(load_model().version)
    assert shipped_model_version() == f"newscorpus-ner-crf/{load_model().version}"
    labels = {e["label"] for e in layer["items"]}
    assert {"PERSON", "GPE", "DATE"} <= labels


def test_rules_stay_available(seed_record):
    annotators = Annotators.for_corpus([], AnnotateSettings(ner_model="rules"))
    annotated = annotators.annotate_record(copy.deepcopy(seed_record), keep_gold=False)
    assert annotated["layers"]["entities"]["provenance"][0]["tool"] == "newscorpus.annotate.entities"
