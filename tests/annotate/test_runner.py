"""Pre-annotation end to end: the seed's quotations, no leakage, convert's gold handling, gazetteers, spaCy, CLI."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner
from conftest import SEED_RAW, SEED_RAW_RELATIVE

from newscorpus.annotate.commands import annotate
from newscorpus.annotate.gazetteer import SHIPPED_GAZETTEER, Gazetteer, own_gold_names, read_gazetteer_file
from newscorpus.annotate.runner import AnnotateSettings, Annotators
from newscorpus.convert import convert_raw_file
from newscorpus.convert.decode import RawCapture
from newscorpus.convert.record import build_record
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.provenance import auto, with_provenance
from newscorpus.record.writer import dumps_record
from newscorpus.validate import validate_record


@pytest.fixture(scope="module")
def seed_annotators(_seed_record) -> Annotators:
    """The rules, whose corpus is the seed alone: its gold must never reach its own annotation.

    The rules, because their gazetteer is the one built from the corpus's gold; the model's holds its
    training documents' names only (tests/annotate/test_ner_model.py).
    """
    return Annotators.for_corpus([_seed_record], AnnotateSettings(ner_model="rules"))


@pytest.fixture(scope="module")
def seed_prediction(seed_annotators, _seed_record) -> dict[str, Any]:
    return seed_annotators.annotate_record(_seed_record, keep_gold=False)


def _cluster_spans(record: dict[str, Any]) -> dict[str, set[tuple[int, int]]]:
    """Mention id -> spans of every mention of its cluster."""
    spans = {}
    for cluster in record["layers"]["coreference"]["items"]:
        members = {(m["start"], m["end"]) for m in cluster["mentions"]}
        spans.update({m["id"]: members for m in cluster["mentions"]})
    return spans


def test_the_five_quoted_passages_of_the_seed_are_found_with_cue_and_a_source_tied_to_the_kremlin(
    seed_record, seed_prediction
):
    gold_clusters = _cluster_spans(seed_record)
    kremlin = next(
        spans for spans in gold_clusters.values() if any(seed_record["text"][s:e] == "Kremlin" for s, e in spans)
    )
    # The gold attributions whose source is the Kremlin: the direct quote and the partial quotes it made.
    expected = [
        q
        for q in seed_record["layers"]["quotations"]["items"]
        if q["source"]["mention"] in {mention_id for mention_id, spans in gold_clusters.items() if spans == kremlin}
    ]
    assert len(expected) == 5 and all('"' in q["content"]["text"] for q in expected)
    predicted_clusters = _cluster_spans(seed_prediction)
    predicted = {
        (q["content"]["start"], q["content"]["end"]): q for q in seed_prediction["layers"]["quotations"]["items"]
    }
    for gold_quote in expected:
        found = predicted[(gold_quote["content"]["start"], gold_quote["content"]["end"])]
        assert found["type"] == gold_quote["type"]
        assert found["cue"] == gold_quote["cue"]
        mention = found["source"]["mention"]
        assert mention is not None and predicted_clusters[mention] & kremlin, found["source"]


def test_the_seed_prediction_validates_and_every_layer_is_auto(seed_prediction):
    assert validate_record(seed_prediction) == []
    for name in ("entities", "coreference", "quotations", "timex", "entity_links"):
        layer = seed_prediction["layers"][name]
        assert [entry["kind"] for entry in layer["provenance"]] == ["auto"], name
        assert not layer["complete"] and not any(item["gold"] for item in layer["items"]), name


def test_no_leakage_the_gazetteer_leaves_out_the_annotated_article_own_gold(seed_record, seed_prediction):
    own_only = {"Wagner", "union state"}  # gold names of the seed that no shape rule or shipped name finds
    assert own_only <= {e["text"] for e in seed_record["layers"]["entities"]["items"]}
    assert not own_only & {e["text"] for e in seed_prediction["layers"]["entities"]["items"]}
    # The same gold in another record of the corpus is fair evidence and is used.
    other = copy.deepcopy(seed_record)
    other["id"] = "another-article-00000000"
    rules = AnnotateSettings(ner_model="rules")  # the corpus's gold names feed the rules' gazetteer, not the model's
    with_other = Annotators.for_corpus([seed_record, other], rules).annotate_record(seed_record, keep_gold=False)
    assert ("Wagner", "ORG") in {(e["text"], e["label"]) for e in with_other["layers"]["entities"]["items"]}


def test_gazetteer_votes_leave_out_the_document_asked_about(seed_record):
    gazetteer = Gazetteer.from_records([seed_record])
    assert gazetteer.labels_for()["Wagner"] == "ORG"  # for another article
    assert "Wagner" not in gazetteer.labels_for(own_gold_names(seed_record))
    twice = Gazetteer.from_records([seed_record, {**seed_record, "id": "another-article-00000000"}])
    assert twice.labels_for(own_gold_names(seed_record))["Wagner"] == "ORG"  # the other article's vote stays


def test_convert_keeps_gold_layers_and_annotates_the_others_against_them(seed_record):
    previous = copy.deepcopy(seed_record)
    previous["layers"]["quotations"] = with_provenance(previous["layers"]["quotations"], auto("someone.else", "1"))
    converted = convert_raw_file(SEED_RAW, SEED_RAW_RELATIVE, previous)
    for name in ("entities", "entity_links", "coreference", "timex"):
        assert converted["layers"][name] == seed_record["layers"][name]
    quotations = converted["layers"]["quotations"]
    assert [entry["tool"] for entry in quotations["provenance"]] == ["newscorpus.annotate.quotes"]
    gold_mentions = {m["id"]: m for c in seed_record["layers"]["coreference"]["items"] for m in c["mentions"]}
    kremlin_sources = [q for q in quotations["items"] if q["source"] and q["source"]["text"] == "Kremlin"]
    assert len(kremlin_sources) == 3
    for quote in kremlin_sources:  # the source is the gold mention with its span
        mention = gold_mentions[quote["source"]["mention"]]
        assert (mention["start"], mention["end"]) == (quote["source"]["start"], quote["source"]["end"])
    assert validate_record(converted) == []


def test_annotation_is_deterministic(seed_annotators, seed_record, seed_prediction):
    again = seed_annotators.annotate_record(seed_record, keep_gold=False)
    assert dumps_record(again) == dumps_record(seed_prediction)
    assert seed_record["layers"]["entities"]["complete"]  # the input is not changed


@pytest.mark.parametrize(
    "body",
    [
        '"Unclosed quote at the end',
        "\u201cOne.\u201d \u201cTwo.\u201d \u201cThree,\u201d they said, \u201cfour.\u201d",
        "'Single', 'quoted' 'words' \u2018everywhere\u2019 and \u201990s \u2018 stray.",
        'He said "" and "  " and ".',
        "It said. It said it. Its. They said: \u201cWe.\u201d Their \u201cthey\u201d said.",
        "According to, said said said \u201c\u201d.\n\n\u201cNext paragraph, said Mr.",
        "The 33 Russians, 7-2, $5, 10% and 2020 on Monday 1 January 2021 at 12 p.m. every week.",
    ],
)
def test_awkward_articles_get_valid_auto_layers(tmp_path, body):
    raw = tmp_path / "corpus" / "raw" / "odd" / "article.txt"
    raw.parent.mkdir(parents=True)
    raw.write_text(f"Odd Headline\n\n{body}\n\nJohn Smith said so.", encoding="utf-8")
    record = convert_raw_file(raw, "corpus/raw/odd/article.txt")
    assert validate_record(record, tmp_path) == []


def test_a_gazetteer_file_in_the_corpus_is_used_by_convert(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCORPUS_NER_MODEL", "rules")  # for the model, listed names are evidence, not decisions
    raw = tmp_path / "corpus" / "raw" / "local" / "a.txt"
    raw.parent.mkdir(parents=True)
    raw.write_text("Ferry News\n\nThe Harbour Trust met the crew of Bluewing.", encoding="utf-8")
    before = convert_raw_file(raw, "corpus/raw/local/a.txt")
    assert ("Bluewing", "PRODUCT") not in {(e["text"], e["label"]) for e in before["layers"]["entities"]["items"]}
    folder = tmp_path / "corpus" / "gazetteers"
    folder.mkdir()
    (folder / "local.tsv").write_text("# local names\nPRODUCT\tBluewing\nORG\tHarbour Trust\n", encoding="utf-8")
    after = convert_raw_file(raw, "corpus/raw/local/a.txt")
    labels = {(e["text"], e["label"]) for e in after["layers"]["entities"]["items"]}
    assert {("Bluewing", "PRODUCT"), ("Harbour Trust", "ORG")} <= labels


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("PERSON Ana Ruiz\n", "expected LABEL<tab>name"),
        ("Person\tAna Ruiz\n", "not an OntoNotes 5 label"),
        ("PERSON\tAna Ruiz\nORG\tAna Ruiz\n", "listed as PERSON and as ORG"),
        ("PERSON\t   \n", "expected LABEL<tab>name"),
    ],
)
def test_a_bad_gazetteer_line_is_refused_with_its_line_number(tmp_path, content, problem):
    path = tmp_path / "names.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnusableInputError) as raised:
        read_gazetteer_file(path)
    assert raised.value.code == "gazetteer.invalid"
    assert problem in raised.value.message
    assert raised.value.location.startswith(f"{path}:")


def test_the_shipped_gazetteer_is_valid_and_holds_no_numbers_or_dates():
    entries = read_gazetteer_file(SHIPPED_GAZETTEER)
    assert len(entries) > 500
    assert set(entries.values()) <= {"GPE", "NORP", "LOC", "ORG"}


@pytest.fixture(scope="module")
def tiny_pipeline(tmp_path_factory) -> Path:
    """A trained-pipeline stand-in saved to disk: blank English plus an entity ruler, no download."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PRODUCT", "pattern": "Zorblax 9"}, {"label": "PER", "pattern": [{"ORTH": "Ruiz"}]}])
    nlp.meta.update({"name": "tiny_test", "version": "0.0.1"})
    path = tmp_path_factory.mktemp("pipelines") / "tiny"
    nlp.to_disk(path)
    return path


def test_a_spacy_pipeline_is_loaded_with_spacy_load_and_its_entities_used(tiny_pipeline):
    capture = RawCapture("corpus/raw/x/t.txt", "Sales Up\n\nThe Zorblax 9 sold well, and Ruiz was pleased.", "0" * 64)
    without = build_record(capture, None, Annotators(Gazetteer()))
    with_pipeline = build_record(capture, None, Annotators(Gazetteer(), str(tiny_pipeline)))
    found = {(e["text"], e["label"]) for e in with_pipeline["layers"]["entities"]["items"]}
    assert {("Zorblax 9", "PRODUCT"), ("Ruiz", "PERSON")} <= found  # PER from CoNLL-style labels becomes PERSON
    assert not {"Zorblax 9", "Ruiz"} & {e["text"] for e in without["layers"]["entities"]["items"]}
    assert (
        with_pipeline["layers"]["entities"]["provenance"][0]["tool"]
        == "newscorpus.annotate.entities+spacy:en_tiny_test"
    )
    assert validate_record(with_pipeline) == []


def test_convert_uses_the_pipeline_named_in_the_environment(tmp_path, monkeypatch, tiny_pipeline):
    raw = tmp_path / "corpus" / "raw" / "x" / "a.txt"
    raw.parent.mkdir(parents=True)
    raw.write_text("Sales Up\n\nThe Zorblax 9 sold well.", encoding="utf-8")
    monkeypatch.setenv("NEWSCORPUS_SPACY_PIPELINE", str(tiny_pipeline))
    record = convert_raw_file(raw, "corpus/raw/x/a.txt")
    assert ("Zorblax 9", "PRODUCT") in {(e["text"], e["label"]) for e in record["layers"]["entities"]["items"]}


def test_a_pipeline_that_cannot_be_loaded_is_refused_clearly():
    with pytest.raises(UnusableInputError) as raised:
        Annotators(Gazetteer(), "no_such_pipeline_installed_here")
    assert raised.value.code == "spacy-pipeline.unavailable"
    assert raised.value.location == "no_such_pipeline_installed_here"


# The annotate command


def test_annotate_command_writes_predictions_for_every_record(corpus_copy, tmp_path, seed_prediction):
    out = tmp_path / "predictions"
    result = CliRunner().invoke(annotate, ["--root", str(corpus_copy), "--out", str(out), "--ner-model", "rules"])
    assert result.exit_code == 0, result.output
    written = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert dumps_record(written) == dumps_record(seed_prediction)  # the seed's own gold stays out
    assert "annotated 1 record(s)" in result.output


def test_annotate_command_uses_the_shipped_model_by_default(corpus_copy, tmp_path):
    out = tmp_path / "predictions"
    result = CliRunner().invoke(annotate, ["--root", str(corpus_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert written["layers"]["entities"]["provenance"][0]["tool"] == "newscorpus.annotate.entities+newscorpus-ner-crf"


def test_annotate_command_takes_a_user_gazetteer(corpus_copy, tmp_path):
    names = tmp_path / "names.tsv"
    names.write_text("ORG\tWagner\n", encoding="utf-8")
    out = tmp_path / "predictions"
    arguments = ["--root", str(corpus_copy), "--out", str(out), "--gazetteer", str(names), "--ner-model", "rules"]
    result = CliRunner().invoke(annotate, arguments)
    assert result.exit_code == 0, result.output
    written = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert ("Wagner", "ORG") in {(e["text"], e["label"]) for e in written["layers"]["entities"]["items"]}


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        (["--out", "{root}/corpus/records"], "annotate.output"),
        (["--out", "{tmp}/out", "{tmp}/missing.json"], "input.unreadable"),
        (["--out", "{tmp}/out", "--spacy-pipeline", "no_such_pipeline_installed_here"], "spacy-pipeline.unavailable"),
    ],
)
def test_annotate_command_refuses_unusable_input_without_a_traceback(corpus_copy, tmp_path, arguments, code):
    filled = [a.format(root=corpus_copy, tmp=tmp_path) for a in arguments]
    result = CliRunner().invoke(annotate, ["--root", str(corpus_copy), *filled])
    assert result.exit_code == 2
    assert f"[{code}]" in result.output and "Traceback" not in result.output
    assert len(list((corpus_copy / "corpus" / "records").glob("*.json"))) == 1
