"""Evaluation: P/R/F1 per layer and type, exact and overlap matching, coreference metrics, inputs and CLI."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newscorpus.evaluate import evaluate_records, read_records
from newscorpus.evaluate.commands import evaluate
from newscorpus.evaluate.matching import Item, align, span_score
from newscorpus.record.provenance import auto, with_provenance
from newscorpus.record.writer import write_record


def scores(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """(layer, measure) -> {mode: Score} for one gold and one predicted record."""
    evaluation = evaluate_records({gold["id"]: gold}, {predicted["id"]: predicted})
    return {(row.layer, row.measure): row.scores for row in evaluation.rows}


def prf(score: Any) -> tuple[float, float, float]:
    return round(score.precision, 6), round(score.recall, 6), round(score.f1, 6)


def test_gold_against_itself_scores_one_everywhere_but_empty_rows(seed_record):
    result = scores(seed_record, copy.deepcopy(seed_record))
    for (layer, measure), by_mode in result.items():
        if layer == "entity_links" and measure != "qid":
            continue  # gold's own null links are never covered: tests/evaluate/test_links.py
        for mode, score in by_mode.items():
            assert prf(score) == (1.0, 1.0, 1.0), (layer, measure, mode)
    assert {layer for layer, _ in result} == {"entities", "entity_links", "coreference", "quotations", "timex"}


def test_a_missing_entity_lowers_recall_of_its_type_only(seed_record):
    predicted = copy.deepcopy(seed_record)
    items = predicted["layers"]["entities"]["items"]
    removed = next(e for e in items if e["label"] == "PERSON")
    items.remove(removed)
    result = scores(seed_record, predicted)
    persons = sum(e["label"] == "PERSON" for e in seed_record["layers"]["entities"]["items"])
    total = len(seed_record["layers"]["entities"]["items"])
    assert prf(result[("entities", "PERSON")]["exact"])[:2] == (1.0, round((persons - 1) / persons, 6))
    assert prf(result[("entities", "all")]["exact"])[:2] == (1.0, round((total - 1) / total, 6))
    assert prf(result[("entities", "GPE")]["exact"]) == (1.0, 1.0, 1.0)


def test_a_boundary_error_misses_exactly_but_matches_by_overlap(seed_record):
    predicted = copy.deepcopy(seed_record)
    duration = next(t for t in predicted["layers"]["timex"]["items"] if t["type"] == "DURATION")
    duration["start"] += len("the ")  # "past 26 years"
    duration["text"] = duration["text"][len("the ") :]
    result = scores(seed_record, predicted)
    assert result[("timex", "DURATION")]["exact"].matched_gold == 0
    assert result[("timex", "DURATION")]["overlap"].matched_gold == 1
    assert result[("timex", "value")]["overlap"].matched_gold == 5


def test_a_wrong_label_counts_against_the_typed_score_not_the_span_score(seed_record):
    predicted = copy.deepcopy(seed_record)
    kremlin = next(e for e in predicted["layers"]["entities"]["items"] if e["text"] == "Kremlin")
    kremlin["label"] = "FAC"
    result = scores(seed_record, predicted)
    total = len(seed_record["layers"]["entities"]["items"])
    assert result[("entities", "all")]["exact"].matched_gold == total - 1
    assert result[("entities", "span")]["exact"].matched_gold == total
    assert prf(result[("entities", "FAC")]["exact"]) == (0.0, 0.0, 0.0)


def test_quote_source_is_scored_apart_from_content_and_by_referent(seed_record):
    predicted = copy.deepcopy(seed_record)
    mentions = {m["id"]: m for c in predicted["layers"]["coreference"]["items"] for m in c["mentions"]}
    quotes = predicted["layers"]["quotations"]["items"]
    # Another mention of the same cluster: the source span is wrong, its referent right.
    kremlin_quote = next(q for q in quotes if q["source"]["mention"] == "m2")
    kremlin_quote["source"] = {**{k: mentions["m3"][k] for k in ("start", "end", "text")}, "mention": "m3"}
    # A mention of another cluster: both wrong.
    other_quote = next(q for q in quotes if q["source"]["mention"] == "m6")
    other_quote["source"] = {**{k: mentions["m8"][k] for k in ("start", "end", "text")}, "mention": "m8"}
    result = scores(seed_record, predicted)
    total = len(quotes)
    assert result[("quotations", "content")]["exact"].matched_gold == total
    assert result[("quotations", "source")]["exact"].matched_gold == total - 2
    assert result[("quotations", "source-referent")]["exact"].matched_gold == total - 1
    assert result[("quotations", "cue")]["exact"].matched_gold == total


def test_muc_and_b_cubed_follow_their_definitions_on_a_split_cluster(seed_record):
    predicted = copy.deepcopy(seed_record)
    clusters = predicted["layers"]["coreference"]["items"]
    kremlin = clusters[0]
    size = len(kremlin["mentions"])
    clusters.append({"id": "c99", "mentions": kremlin["mentions"][3:]})
    kremlin["mentions"] = kremlin["mentions"][:3]
    mentions = sum(len(c["mentions"]) for c in seed_record["layers"]["coreference"]["items"])
    gold_links = mentions - len(seed_record["layers"]["coreference"]["items"])
    result = scores(seed_record, predicted)
    muc = result[("coreference", "MUC")]["exact"]
    assert (muc.matched_gold, muc.gold) == (gold_links - 1, gold_links)  # one link lost
    assert muc.precision == 1.0  # every predicted link is right
    b3 = result[("coreference", "B3")]["exact"]
    lost = 3 * (1 - 3 / size) + (size - 3) * (1 - (size - 3) / size)  # recall each split mention loses
    assert b3.recall == pytest.approx((mentions - lost) / mentions)
    assert b3.precision == pytest.approx(1.0)


def test_overlap_alignment_is_one_to_one_and_prefers_identical_spans():
    gold = [Item(((0, 10),)), Item(((0, 5),))]
    predicted = [Item(((0, 5),)), Item(((2, 8),))]
    assert sorted(align(gold, predicted, "overlap")) == [(0, 1), (1, 0)]
    one_long = [Item(((0, 20),))]
    assert span_score(gold, one_long, "overlap").matched_gold == 1  # a long prediction is credited once


def test_only_layers_marked_gold_in_gold_are_scored(seed_record):
    gold = copy.deepcopy(seed_record)
    gold["layers"]["timex"] = with_provenance(gold["layers"]["timex"], auto("some.tool", "1"))
    evaluation = evaluate_records({gold["id"]: gold}, {gold["id"]: seed_record})
    assert "timex" not in {row.layer for row in evaluation.rows}
    assert "timex" not in evaluation.layer_documents


def test_a_gold_document_without_prediction_counts_as_empty(seed_record):
    other = copy.deepcopy(seed_record)
    other["id"] = "another-article-00000000"
    evaluation = evaluate_records({seed_record["id"]: seed_record, other["id"]: other}, {other["id"]: other})
    entities = next(row for row in evaluation.rows if (row.layer, row.measure) == ("entities", "all"))
    assert prf(entities.scores["exact"])[:2] == (1.0, 0.5)
    assert evaluation.gold_only == [seed_record["id"]]


def test_a_release_folder_reads_back_as_the_records_it_was_built_from(repo_root, seed_record):
    from_release = read_records(repo_root / "corpus" / "release")
    assert len(from_release) == 294 and from_release[seed_record["id"]] == seed_record
    assert from_release == read_records(repo_root / "corpus" / "records")


# The command


def _write(folder: Path, record: dict[str, Any]) -> Path:
    path = folder / f"{record['id']}.json"
    write_record(path, record)
    return path


def test_evaluate_prints_a_table_and_json(seed_record_path, tmp_path, seed_record):
    from newscorpus.release.folder import write_release

    predicted = copy.deepcopy(seed_record)
    predicted["layers"]["entities"]["items"] = predicted["layers"]["entities"]["items"][:10]
    prediction = _write(tmp_path, predicted)
    gold_release = tmp_path / "gold" / "release"
    write_release([seed_record], gold_release)
    table = CliRunner().invoke(evaluate, [str(seed_record_path), str(prediction)])
    assert table.exit_code == 0, table.output
    entities_row = next(line for line in table.output.splitlines() if line.split()[:2] == ["entities", "all"])
    assert entities_row.split()[2:5] == ["53", "10", "1.000"]
    as_json = CliRunner().invoke(evaluate, [str(gold_release), str(prediction), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.output)
    row = next(r for r in report["scores"] if (r["layer"], r["measure"]) == ("entities", "all"))
    assert row["exact"]["recall"] == round(10 / 53, 4) and row["overlap"]["precision"] == 1.0
    assert report["documents"]["scored"] == 1


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("missing", "input.unreadable"),
        ("empty-folder", "records.none"),
        ("not-json", "input.json"),
        ("schema", "records.invalid"),
        ("other-document", "evaluate.no-shared-documents"),
        ("other-text", "evaluate.text-mismatch"),
    ],
)
def test_unusable_input_exits_2_with_its_code_and_no_traceback(repo_root, tmp_path, seed_record, case, code):
    prediction = tmp_path / "pred"
    prediction.mkdir()
    record = copy.deepcopy(seed_record)
    if case == "missing":
        prediction = tmp_path / "nothing-here"
    elif case == "not-json":
        (prediction / "broken.json").write_text("{not json", encoding="utf-8")
    elif case == "schema":
        del record["layers"]["entities"]["items"][0]["label"]
        _write(prediction, record)
    elif case == "other-document":
        record["id"] = "another-article-00000000"
        _write(prediction, record)
    elif case == "other-text":
        record["text"] = record["text"].replace("Kremlin", "Kremlim", 1)
        _write(prediction, record)
    result = CliRunner().invoke(evaluate, [str(repo_root / "corpus" / "records"), str(prediction)])
    assert result.exit_code == 2
    assert f"[{code}]" in result.output and "Traceback" not in result.output


def _shift_content(quote: dict[str, Any], text: str, start: int, end: int) -> None:
    quote["content"] = {"start": start, "end": end, "text": text[start:end]}


def test_content_half_needs_half_of_the_longer_span_and_ignores_type(seed_record):
    predicted = copy.deepcopy(seed_record)
    text = seed_record["text"]
    quotes = predicted["layers"]["quotations"]["items"]
    total = len(quotes)
    first, second, third = quotes[0], quotes[1], quotes[2]
    start, end = first["content"]["start"], first["content"]["end"]
    length = end - start
    _shift_content(first, text, start, start + length // 2 + 1)  # just over half: still a match
    start, end = second["content"]["start"], second["content"]["end"]
    _shift_content(second, text, start, start + (end - start) // 2 - 1)  # just under half: no match
    third["type"] = "indirect" if third["type"] != "indirect" else "direct"  # the type does not count here
    result = scores(seed_record, predicted)
    half = result[("quotations", "content-half")]
    assert (half["overlap"].matched_gold, half["overlap"].gold, half["overlap"].predicted) == (total - 1, total, total)
    assert half["exact"].matched_gold == total - 2
    assert result[("quotations", "content-span")]["overlap"].matched_gold == total  # any shared character


def test_speaker_counts_right_sources_among_matched_quotations_by_cluster(seed_record):
    predicted = copy.deepcopy(seed_record)
    mentions = {m["id"]: m for c in predicted["layers"]["coreference"]["items"] for m in c["mentions"]}
    quotes = predicted["layers"]["quotations"]["items"]
    kremlin_quote = next(q for q in quotes if q["source"]["mention"] == "m2")
    kremlin_quote["source"] = {**{k: mentions["m3"][k] for k in ("start", "end", "text")}, "mention": "m3"}
    other_quote = next(q for q in quotes if q["source"]["mention"] == "m6")
    other_quote["source"] = {**{k: mentions["m8"][k] for k in ("start", "end", "text")}, "mention": "m8"}
    dropped = next(q for q in quotes if q is not kremlin_quote and q is not other_quote)
    quotes.remove(dropped)  # unmatched quotations do not count for or against the speaker
    result = scores(seed_record, predicted)
    speaker = result[("quotations", "speaker")]["overlap"]
    matched = len(quotes)
    assert (speaker.matched_gold, speaker.gold) == (matched - 1, matched)
    assert speaker.precision == speaker.recall == (matched - 1) / matched


def test_evaluate_scores_only_the_listed_documents(repo_root, tmp_path, seed_record):
    records = repo_root / "corpus" / "records"
    prediction = _write(tmp_path, copy.deepcopy(seed_record))
    listed = tmp_path / "ids.txt"
    listed.write_text(f"# one id\n{seed_record['id']}\n", encoding="utf-8")
    only = CliRunner().invoke(evaluate, [str(records), str(prediction), "--documents", str(listed), "--format", "json"])
    assert only.exit_code == 0, only.output
    report = json.loads(only.output)
    assert report["documents"]["scored"] == 1
    listed.write_text("no-such-document\n", encoding="utf-8")
    empty = CliRunner().invoke(evaluate, [str(records), str(prediction), "--documents", str(listed)])
    assert empty.exit_code == 2 and "[records.none]" in empty.output


def test_entities_are_scored_by_head_and_other_layers_are_not(seed_record):
    predicted = copy.deepcopy(seed_record)
    items = predicted["layers"]["entities"]["items"]
    text = seed_record["text"]
    # Widen one multi-word PERSON by its preceding token: exact misses it, the head still matches.
    tokens = seed_record["layers"]["tokens"]
    person = next(e for e in items if e["label"] == "PERSON" and " " in e["text"] and e["start"] in tokens["starts"])
    before = tokens["starts"][tokens["starts"].index(person["start"]) - 1]
    person["start"], person["text"] = before, text[before : person["end"]]
    result = scores(seed_record, predicted)
    total = len(items)
    assert result[("entities", "all")]["exact"].matched_gold == total - 1
    assert result[("entities", "all")]["head"].matched_gold == total
    assert result[("entities", "PERSON")]["head"].recall == 1.0
    assert "head" not in result[("timex", "all")]
