"""Imports from BRAT and Label Studio: round trips, gold layers, and refusals that leave records unchanged."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.io.brat import brat_ann, read_brat
from newscorpus.io.commands import export_command, import_command
from newscorpus.io.merge import merge_annotations
from newscorpus.record.provenance import entry_of, gold
from newscorpus.record.writer import dumps_record

LS_EXPORT = REPO / "tests" / "data" / "io" / "labelstudio_export.json"
ANNOTATOR = ["--annotator", "Test Annotator", "--date", "2026-12-01"]


def _record_path(root: Path, record: dict) -> Path:
    return root / "corpus" / "records" / f"{record['id']}.json"


def _export_brat(root: Path, tmp_path: Path) -> Path:
    out = tmp_path / "brat"
    result = CliRunner().invoke(export_command, ["--root", str(root), "--format", "brat", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def _import(root: Path, import_format: str, source: Path):
    return CliRunner().invoke(import_command, ["--root", str(root), "--format", import_format, *ANNOTATOR, str(source)])


def _lines(ann: Path) -> list[str]:
    return ann.read_text(encoding="utf-8").splitlines()


# BRAT


def test_record_to_brat_and_back_is_identical(tmp_path, corpus_copy, seed_record):
    record_path = _record_path(corpus_copy, seed_record)
    before = record_path.read_bytes()
    out = _export_brat(corpus_copy, tmp_path)
    assert (out / f"{seed_record['id']}.txt").read_bytes() == seed_record["text"].encode("utf-8")
    assert (out / "annotation.conf").is_file()
    result = _import(corpus_copy, "brat", out)
    assert result.exit_code == 0, result.stderr
    assert "no change" in result.output and "0 record(s) written" in result.output
    assert record_path.read_bytes() == before


def test_brat_reading_and_merging_gives_the_same_record(tmp_path, seed_record):
    (tmp_path / "doc.txt").write_text(seed_record["text"], encoding="utf-8", newline="")
    (tmp_path / "doc.ann").write_text(brat_ann(seed_record), encoding="utf-8")
    document = read_brat(tmp_path / "doc.ann")
    document.check_spans()
    merged = merge_annotations(seed_record, document, gold("someone else", "2030-01-01"))
    assert dumps_record(merged) == dumps_record(seed_record)


def test_brat_edits_become_gold_layers_and_keep_ids(tmp_path, corpus_copy, seed_record):
    out = _export_brat(corpus_copy, tmp_path)
    ann = out / f"{seed_record['id']}.ann"
    entities = seed_record["layers"]["entities"]["items"]
    relabelled, removed = entities[2], entities[3]  # Sergei Supinsky, AFP
    original = [line.split("\t") for line in _lines(ann)]
    removed_t = next(f[0] for f in original if f[1] == f"{removed['label']} {removed['start']} {removed['end']}")
    lines = []
    for fields in original:
        if fields[0] == removed_t or fields[1].split(" ")[1] == removed_t:
            continue  # the entity goes, and its link's note and N line with it
        if fields[1] == f"PERSON {relabelled['start']} {relabelled['end']}":
            fields[1] = f"ORG {relabelled['start']} {relabelled['end']}"
        lines.append("\t".join(fields))
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _import(corpus_copy, "brat", ann)
    assert result.exit_code == 0, result.stderr
    assert "entities, entity_links" in result.output
    after = json.loads(_record_path(corpus_copy, seed_record).read_text(encoding="utf-8"))
    layers, before = after["layers"], seed_record["layers"]
    assert [e["id"] for e in layers["entities"]["items"]] == [e["id"] for e in entities if e is not removed]
    assert next(e for e in layers["entities"]["items"] if e["id"] == relabelled["id"])["label"] == "ORG"
    assert removed["id"] not in {link["entity"] for link in layers["entity_links"]["items"]}
    import_entry, seed_entry = gold("Test Annotator", "2026-12-01"), before["entities"]["provenance"][0]
    for item in layers["entities"]["items"]:  # only the relabelled entity was touched; the layer stays complete
        assert entry_of(layers["entities"], item) == (import_entry if item["id"] == relabelled["id"] else seed_entry)
    assert layers["entities"]["complete"] and layers["entity_links"]["complete"]
    assert layers["entity_links"]["provenance"] == before["entity_links"]["provenance"]  # a link went, none changed
    for name in ("quotations", "coreference", "timex", "tokens"):
        assert layers[name] == before[name]


def test_brat_span_with_different_text_is_refused_with_its_offset(tmp_path, corpus_copy, seed_record):
    record_path = _record_path(corpus_copy, seed_record)
    before = record_path.read_bytes()
    out = _export_brat(corpus_copy, tmp_path)
    ann = out / f"{seed_record['id']}.ann"
    entity = seed_record["layers"]["entities"]["items"][6]  # Vladimir Putin
    wrong = entity["text"][:-2] + entity["text"][-1] + entity["text"][-2]  # "Vladimir Putni"
    ann.write_text(
        ann.read_text(encoding="utf-8").replace(f"\t{entity['text']}\n", f"\t{wrong}\n", 1), encoding="utf-8"
    )
    result = _import(corpus_copy, "brat", ann)
    assert result.exit_code == 2
    assert "[import.span-mismatch]" in result.stderr and "Traceback" not in result.stderr
    assert f"at offset {entity['end'] - 2}" in result.stderr
    assert f"{ann}:" in result.stderr  # located at the file and line
    assert record_path.read_bytes() == before


def test_brat_text_that_differs_from_the_record_is_refused_at_the_first_difference(tmp_path, corpus_copy, seed_record):
    record_path = _record_path(corpus_copy, seed_record)
    before = record_path.read_bytes()
    out = _export_brat(corpus_copy, tmp_path)
    txt = out / f"{seed_record['id']}.txt"
    offset = seed_record["text"].index('"problems"')
    txt.write_text(seed_record["text"][:offset] + "\u201c" + seed_record["text"][offset + 1 :], encoding="utf-8")
    result = _import(corpus_copy, "brat", out)
    assert result.exit_code == 2
    assert "[import.text-mismatch]" in result.stderr and f"at offset {offset}" in result.stderr
    assert record_path.read_bytes() == before


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda lines: [*lines, "T999\tPerson 0 7\tKremlin"], "import.unknown-label"),
        (lambda lines: [*lines, "T999\tORG 0 3;4 7\tKre lin"], "import.unsupported"),
        (lambda lines: [*lines, "T999\tSource 0 7\tKremlin"], "import.quote-structure"),
        (lambda lines: [*lines, "E1\tEvent:T1"], "import.unsupported"),
        (lambda lines: [*lines, "T999\tORG zero 7\tKremlin"], "import.malformed"),
        (lambda lines: [line for line in lines if "\tType " not in line], "import.quote-structure"),
        (lambda lines: [*lines, "N999\tReference T1 Wikipedia:Kremlin\tKremlin"], "import.unsupported"),
    ],
    ids=["unknown-type", "discontinuous", "dangling-source", "event", "bad-offset", "untyped-content", "not-wikidata"],
)
def test_bad_brat_lines_are_refused_with_their_code(tmp_path, corpus_copy, seed_record, edit, code):
    record_path = _record_path(corpus_copy, seed_record)
    before = record_path.read_bytes()
    out = _export_brat(corpus_copy, tmp_path)
    ann = out / f"{seed_record['id']}.ann"
    ann.write_text("\n".join(edit(_lines(ann))) + "\n", encoding="utf-8")
    result = _import(corpus_copy, "brat", ann)
    assert result.exit_code == 2, result.output
    assert f"[{code}]" in result.stderr and "Traceback" not in result.stderr
    assert record_path.read_bytes() == before


def test_brat_import_that_would_make_the_record_invalid_writes_nothing(tmp_path, corpus_copy, seed_record):
    record_path = _record_path(corpus_copy, seed_record)
    before = record_path.read_bytes()
    out = _export_brat(corpus_copy, tmp_path)
    ann = out / f"{seed_record['id']}.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + "T999\tORG 0 3\tKre\n", encoding="utf-8")  # cuts a token
    result = _import(corpus_copy, "brat", ann)
    assert result.exit_code == 1
    assert "[entity.token-boundary]" in result.stderr and "no record was changed" in result.stderr
    assert record_path.read_bytes() == before


def test_brat_file_for_an_unknown_document_is_refused(tmp_path, corpus_copy, seed_record):
    out = _export_brat(corpus_copy, tmp_path)
    for suffix in (".txt", ".ann"):
        (out / f"{seed_record['id']}{suffix}").rename(out / f"no-such-article{suffix}")
    result = _import(corpus_copy, "brat", out / "no-such-article.ann")
    assert result.exit_code == 2 and "[import.no-record]" in result.stderr


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_brat_round_trip_of_any_subset_of_entities_and_quotes_keeps_ids(tmp_path, seed_record, data):
    layers = seed_record["layers"]
    kept_entities = data.draw(st.lists(st.sampled_from(layers["entities"]["items"]), min_size=1, unique_by=id))
    kept_quotes = data.draw(st.lists(st.sampled_from(layers["quotations"]["items"]), min_size=1, unique_by=id))
    edited = copy.deepcopy(seed_record)
    kept_ids = {e["id"] for e in kept_entities}
    edited["layers"]["entities"]["items"] = [e for e in layers["entities"]["items"] if e["id"] in kept_ids]
    edited["layers"]["entity_links"]["items"] = [
        link for link in layers["entity_links"]["items"] if link["entity"] in kept_ids
    ]
    edited["layers"]["quotations"]["items"] = [q for q in layers["quotations"]["items"] if q in kept_quotes]
    (tmp_path / "doc.txt").write_text(seed_record["text"], encoding="utf-8", newline="")
    (tmp_path / "doc.ann").write_text(brat_ann(edited), encoding="utf-8")
    document = read_brat(tmp_path / "doc.ann")
    document.check_spans()
    merged = merge_annotations(seed_record, document, gold("x", "2030-01-01"))
    for name in ("entities", "entity_links", "quotations"):
        assert merged["layers"][name]["items"] == edited["layers"][name]["items"]


# Label Studio


def entities_named(record: dict, text: str) -> list[dict]:
    return [e for e in record["layers"]["entities"]["items"] if e["text"] == text]


def test_labelstudio_export_imports_into_gold_layers(corpus_copy, seed_record):
    result = _import(corpus_copy, "labelstudio", LS_EXPORT)
    assert result.exit_code == 0, result.stderr
    after = json.loads(_record_path(corpus_copy, seed_record).read_text(encoding="utf-8"))
    layers, before = after["layers"], seed_record["layers"]
    # What the annotator did in the fixture: removed "two" (the first CARDINAL), made "union state" a GPE,
    # added "presidential election" as an EVENT, and made the quote on "all the problems ..." mixed.
    task = json.loads(LS_EXPORT.read_text(encoding="utf-8"))[0]
    regions = [r for r in task["annotations"][1]["result"] if r["type"] == "labels"]
    labelled = {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in regions}
    entities = {(e["start"], e["end"], e["label"]) for e in layers["entities"]["items"]}
    assert entities == {span for span in labelled if ":" not in span[2] and span[2] not in ("Cue", "Source")}
    old_entities = {(e["start"], e["end"]): e for e in before["entities"]["items"]}
    new = [e for e in layers["entities"]["items"] if (e["start"], e["end"]) not in old_entities]
    assert [(e["text"], e["label"], e["id"]) for e in new] == [("presidential election", "EVENT", "e54")]
    assert all(e["id"] == old_entities[e["start"], e["end"]]["id"] for e in layers["entities"]["items"] if e not in new)
    assert {q["id"]: q["type"] for q in layers["quotations"]["items"]} == {
        q["id"]: "mixed" if q["content"]["text"].startswith("all the problems") else q["type"]
        for q in before["quotations"]["items"]
    }
    import_entry = gold("Test Annotator", "2026-12-01")
    touched = {(e["start"], e["end"], e["label"]) for e in new} | {
        (e["start"], e["end"], "GPE") for e in entities_named(after, "union state")
    }
    for item in layers["entities"]["items"]:
        assert (entry_of(layers["entities"], item) == import_entry) == (
            (item["start"], item["end"], item["label"]) in touched
        )
    mixed = [q for q in layers["quotations"]["items"] if entry_of(layers["quotations"], q) == import_entry]
    assert [q["content"]["text"][:16] for q in mixed] == ["all the problems"]
    assert layers["timex"] == before["timex"] and layers["entity_links"] == before["entity_links"]


def test_labelstudio_tasks_annotated_as_predicted_import_without_change(tmp_path, corpus_copy, seed_record):
    record_path = _record_path(corpus_copy, seed_record)
    before = record_path.read_bytes()
    tasks = tmp_path / "tasks.json"
    result = CliRunner().invoke(export_command, ["--root", str(corpus_copy), "--format", "labelstudio", str(tasks)])
    assert result.exit_code == 0, result.stderr
    exported = json.loads(tasks.read_text(encoding="utf-8"))
    for task in exported:  # the annotator accepts every pre-annotation, as Label Studio then exports it
        task["annotations"] = [{"id": 1, "result": task.pop("predictions")[0]["result"], "was_cancelled": False}]
        del task["data"]["document_id"]  # and the record is found by its text
    tasks.write_text(json.dumps(exported), encoding="utf-8")
    result = _import(corpus_copy, "labelstudio", tasks)
    assert result.exit_code == 0, result.stderr
    assert record_path.read_bytes() == before


def _labelstudio_task(seed_record, results, annotations=None):
    annotation = {"id": 1, "result": results, "was_cancelled": False, "ground_truth": False}
    return [
        {
            "id": 1,
            "data": {"text": seed_record["text"], "document_id": seed_record["id"]},
            "annotations": annotations or [annotation],
        }
    ]


def _region(region_id, start, end, text, label):
    value = {"start": start, "end": end, "text": text, "labels": [label]}
    return {"id": region_id, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


@pytest.mark.parametrize(
    ("results", "code"),
    [
        ([_region("a", 0, 7, "Kremlin", "Organisation")], "import.unknown-label"),
        ([_region("a", 0, 7, "Kremlni", "ORG")], "import.span-mismatch"),
        ([_region("a", 0, 7, "Kremlin", "Cue")], "import.quote-structure"),
        (
            [_region("a", 0, 7, "Kremlin", "ORG"), {"from_id": "a", "to_id": "b", "type": "relation"}],
            "import.quote-structure",
        ),
        ([{"id": "c", "type": "choices", "value": {"choices": ["politics"]}}], "import.unsupported"),
    ],
    ids=["unknown-label", "shifted-span", "dangling-cue", "relation-to-nothing", "choices"],
)
def test_bad_labelstudio_results_are_refused_with_their_code(tmp_path, corpus_copy, seed_record, results, code):
    record_path = _record_path(corpus_copy, seed_record)
    before = record_path.read_bytes()
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_labelstudio_task(seed_record, results)), encoding="utf-8")
    result = _import(corpus_copy, "labelstudio", export)
    assert result.exit_code == 2, result.output
    assert f"[{code}]" in result.stderr and "Traceback" not in result.stderr
    assert record_path.read_bytes() == before


def test_labelstudio_task_with_two_annotations_and_no_ground_truth_is_refused(tmp_path, corpus_copy, seed_record):
    annotation = {"id": 1, "result": [_region("a", 0, 7, "Kremlin", "ORG")], "was_cancelled": False}
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_labelstudio_task(seed_record, [], [annotation, {**annotation, "id": 2}])), "utf-8")
    result = _import(corpus_copy, "labelstudio", export)
    assert result.exit_code == 2 and "[import.ambiguous]" in result.stderr


def test_labelstudio_text_mismatch_names_the_first_differing_offset(tmp_path, corpus_copy, seed_record):
    tasks = _labelstudio_task(seed_record, [])
    tasks[0]["data"]["text"] = seed_record["text"][:100] + "X" + seed_record["text"][101:]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    result = _import(corpus_copy, "labelstudio", export)
    assert result.exit_code == 2 and "[import.text-mismatch]" in result.stderr and "at offset 100" in result.stderr


def test_import_date_must_be_iso(corpus_copy):
    result = CliRunner().invoke(
        import_command,
        [
            "--root",
            str(corpus_copy),
            "--format",
            "labelstudio",
            "--annotator",
            "a",
            "--date",
            "1/12/2026",
            str(LS_EXPORT),
        ],
    )
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_every_interchange_code_is_exercised():
    """Each export./import. code registered in newscorpus.problems.codes has a test in test_io.py or this file."""
    from newscorpus.problems.codes import CODES

    tested = {"export.invalid-record", "export.unaligned-span", "export.token-whitespace", "export.output"}
    tested |= {"import.malformed", "import.unsupported", "import.unknown-label", "import.no-record"}
    tested |= {"import.text-mismatch", "import.span-mismatch", "import.quote-structure", "import.ambiguous"}
    assert {name for name in CODES if name.startswith(("export.", "import."))} == tested
