"""The gold sentence files: the committed ones hold for the committed records; bad ones are located errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorpus.evaluate.commands import evaluate
from newscorpus.evaluate.gold_sentences import (
    SENTENCES_DIR,
    cut_tokens,
    read_gold_sentences,
    sentence_file,
    sentence_problems,
)
from newscorpus.licensing import is_open_license
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.provenance import gold, is_gold
from newscorpus.record.writer import dumps_record, write_record

ENTRY = gold(["tester"], "2026-12-01")


@pytest.fixture(scope="module")
def committed(repo_root):
    """The committed records that have a gold sentence file, and what the files hold."""
    records = {}
    for path in sorted((repo_root / SENTENCES_DIR).glob("*.json")):
        records[path.stem] = json.loads((repo_root / "corpus" / "records" / path.name).read_text(encoding="utf-8"))
    return records, read_gold_sentences(repo_root / SENTENCES_DIR, records)


def test_every_all_layer_gold_document_has_a_checked_gold_sentence_file(repo_root, committed):
    records, files = committed
    all_layer_gold = set()
    for path in (repo_root / "corpus" / "records").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        if is_gold(record["layers"]["coreference"]) and is_open_license(record["source"]["license_id"]):
            all_layer_gold.add(record["id"])
    assert len(all_layer_gold) == 50
    assert set(files) == all_layer_gold
    for document_id, annotation in files.items():
        assert annotation.layer["provenance"]["annotators"] == ["sentence annotator (newscorpus team; helper agent)"]
        assert len(annotation.layer["starts"]) >= len(records[document_id]["layers"]["paragraphs"]["items"])


def test_no_gold_boundary_falls_inside_a_token(committed):
    """The one that did (a photo credit glued to its caption, "2020.Image:") is a token boundary since the tokenizer
    cuts a glued credit off; the gold still stays in files, since the annotators read the sentences layer."""
    records, files = committed
    conflicts = {i: cut_tokens(records[i], entry.layer) for i, entry in files.items()}
    assert {i: cut for i, cut in conflicts.items() if cut} == {}
    document_id = "wikinews-wikinews-interviews-jo-jorgensen-u-s-libertarian-party-7d9923ba"
    text, layer = records[document_id]["text"], files[document_id].layer
    sentences = [text[start:end] for start, end in zip(layer["starts"], layer["ends"], strict=True)]
    caption = sentences.index("Jorgensen in July 2020.")
    assert sentences[caption + 1] == "Image: Jo Jorgensen for President."
    tokens = records[document_id]["layers"]["tokens"]
    assert layer["ends"][caption] in tokens["ends"] and layer["starts"][caption + 1] in tokens["starts"]


def _write(folder: Path, record: dict, content: object) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{record['id']}.json"
    path.write_text(content if isinstance(content, str) else dumps_record(content), encoding="utf-8")
    return path


def _seed_file(seed_record: dict) -> dict:
    layer = seed_record["layers"]["sentences"]
    return sentence_file(seed_record, layer["starts"], layer["ends"], ENTRY, method="test")


def test_a_good_file_reads(seed_record, tmp_path):
    _write(tmp_path / "s", seed_record, _seed_file(seed_record))
    found = read_gold_sentences(tmp_path / "s", {seed_record["id"]: seed_record})
    assert found[seed_record["id"]].layer["starts"] == seed_record["layers"]["sentences"]["starts"]


@pytest.mark.parametrize(
    ("spoil", "code", "where"),
    [
        (lambda f, r: {**f, "format": "newscorpus-sentences/9"}, "gold-sentences.format", "#/format"),
        (lambda f, r: {**f, "colour": "red"}, "gold-sentences.format", "#/colour"),
        (
            lambda f, r: {**f, "layer": {**f["layer"], "provenance": r["layers"]["sentences"]["provenance"]}},
            "gold-sentences.format",
            "#/layer",
        ),
        (lambda f, r: {**f, "text_sha256": "0" * 64}, "gold-sentences.text-changed", "#/text_sha256"),
        (lambda f, r: {**f, "document_id": "nobody"}, "gold-sentences.no-record", "#/document_id"),
        # the first two sentences joined across the headline's paragraph break
        (
            lambda f, r: {
                **f,
                "layer": {**f["layer"], "starts": [0, *f["layer"]["starts"][2:]], "ends": f["layer"]["ends"][1:]},
            },
            "gold-sentences.invalid",
            "#/layer",
        ),
        (lambda f, r: '{"format": "newscorpus-sentences/1",}', "gold-sentences.unreadable", ""),
    ],
)
def test_a_bad_file_is_a_located_error(seed_record, tmp_path, spoil, code, where):
    path = _write(tmp_path / "s", seed_record, spoil(_seed_file(seed_record), seed_record))
    with pytest.raises(UnusableInputError) as raised:
        read_gold_sentences(tmp_path / "s", {seed_record["id"]: seed_record})
    assert raised.value.code == code
    assert raised.value.problem.file.startswith(str(path) + where)


def test_sentence_problems_names_the_validators_code(seed_record):
    spoilt = _seed_file(seed_record)
    spoilt["layer"]["ends"][0] += 3  # into the paragraph break
    problems = sentence_problems(spoilt, seed_record)
    assert problems and all(p.code == "gold-sentences.invalid" for p in problems)
    assert any("sentences.crosses-paragraph" in p.message or "sentences." in p.message for p in problems)


def _split_once(seed_record: dict) -> dict:
    """The seed's sentences with the last one cut in two at its last space: one boundary more."""
    layer, text = seed_record["layers"]["sentences"], seed_record["text"]
    start, end = layer["starts"][-1], layer["ends"][-1]
    space = text.rindex(" ", start, end)
    return sentence_file(seed_record, [*layer["starts"], space + 1], [*layer["ends"][:-1], space, end], ENTRY)


def test_evaluate_scores_the_splitter_against_gold_sentence_files(seed_record, seed_record_path, tmp_path):
    _write(tmp_path / "gold", seed_record, _split_once(seed_record))
    prediction = tmp_path / "pred"
    write_record(prediction / f"{seed_record['id']}.json", seed_record)
    shown = CliRunner().invoke(evaluate, [str(seed_record_path), str(prediction), "--format", "json"])
    assert shown.exit_code == 0 and "sentences" not in {r["layer"] for r in json.loads(shown.output)["scores"]}
    scored = CliRunner().invoke(
        evaluate,
        [str(seed_record_path), str(prediction), "--gold-sentences", str(tmp_path / "gold"), "--format", "json"],
    )
    assert scored.exit_code == 0, scored.output
    rows = {r["measure"]: r for r in json.loads(scored.output)["scores"] if r["layer"] == "sentences"}
    assert set(rows) == {"boundaries", "inner", "sentences"}
    found = len(seed_record["layers"]["sentences"]["ends"])
    assert rows["boundaries"]["exact"]["precision"] == 1.0
    assert rows["boundaries"]["exact"]["recall"] == round(found / (found + 1), 4)


def test_evaluate_refuses_a_bad_gold_sentence_file_without_a_traceback(seed_record, seed_record_path, tmp_path):
    _write(tmp_path / "gold", seed_record, {**_seed_file(seed_record), "text_sha256": "0" * 64})
    prediction = tmp_path / "pred"
    write_record(prediction / f"{seed_record['id']}.json", seed_record)
    result = CliRunner().invoke(
        evaluate, [str(seed_record_path), str(prediction), "--gold-sentences", str(tmp_path / "gold")]
    )
    assert result.exit_code == 2
    assert "[gold-sentences.text-changed]" in result.output and "Traceback" not in result.output
