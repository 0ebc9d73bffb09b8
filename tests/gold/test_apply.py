"""Applying gold passes to records, and convert keeping them with the automatic layers made around them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from newscorpus.cli import main
from newscorpus.convert.decode import read_raw
from newscorpus.convert.record import build_record
from newscorpus.gold.apply import plan_apply
from newscorpus.gold.passfile import GoldLayout, PassFile
from newscorpus.gold.reanchor import OffsetMapper, reanchor
from newscorpus.record.provenance import auto, gold, is_gold, with_provenance
from newscorpus.validate import validate_record

SPAN_LAYERS = ("entities", "entity_links", "coreference", "quotations", "timex")


def automatic(record):
    """The record as convert would leave an article nobody annotated: every span layer automatic."""
    for name in SPAN_LAYERS:
        record["layers"][name] = with_provenance(record["layers"][name], auto("newscorpus.annotate", "0.1.0"))
    record["metadata"]["publication_date"]["provenance"] = auto("newscorpus.convert", "0.1.0")
    return record


def record_path(root: Path, record) -> Path:
    return root / "corpus" / "records" / f"{record['id']}.json"


def write_record_file(root: Path, record) -> None:
    record_path(root, record).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def assert_no_dangling_references(record):
    entity_ids = {e["id"] for e in record["layers"]["entities"]["items"]}
    mentions = [m for c in record["layers"]["coreference"]["items"] for m in c["mentions"]]
    assert {m["entity"] for m in mentions} - {None} <= entity_ids
    assert {link["entity"] for link in record["layers"]["entity_links"]["items"]} <= entity_ids
    mention_ids = {m["id"] for m in mentions}
    sources = [q["source"] for q in record["layers"]["quotations"]["items"] if q["source"]]
    assert {s["mention"] for s in sources} - {None} <= mention_ids
    assert not [p for p in validate_record(record) if p.code.startswith(("reference", "id."))]


def test_apply_writes_a_single_pass_as_gold_and_remakes_the_automatic_layers(
    corpus_copy, seed_record, make_pass, put_pass
):
    record = automatic(seed_record)
    write_record_file(corpus_copy, record)
    data = make_pass(record, "A")
    dropped = data["layers"]["entities"].pop(3)
    data["layers"]["entities"].reverse()  # a pass's order is its own; ids follow the text
    put_pass(corpus_copy, data)
    result = CliRunner().invoke(main, ["gold", "apply", "--root", str(corpus_copy)])
    assert result.exit_code == 0, result.output
    applied = json.loads(record_path(corpus_copy, record).read_text(encoding="utf-8"))
    entities = applied["layers"]["entities"]
    assert is_gold(entities) and entities["provenance"] == [
        gold(["annotator A (pass A)"], entities["provenance"][0]["date"])
    ]
    assert all(e["gold"] and e["provenance"] == 0 for e in entities["items"])
    assert [e["id"] for e in entities["items"]] == [f"e{n}" for n in range(1, len(entities["items"]) + 1)]
    assert [(e["start"], e["end"]) for e in entities["items"]] == sorted(
        (e["start"], e["end"]) for e in entities["items"]
    )
    assert (dropped["start"], dropped["end"]) not in {(e["start"], e["end"]) for e in entities["items"]}
    assert is_gold(applied["layers"]["timex"]) and not is_gold(applied["layers"]["coreference"])
    assert applied["metadata"]["publication_date"]["evidence"] == "the dateline"
    assert is_gold(applied["metadata"]["publication_date"])
    assert_no_dangling_references(applied)
    assert validate_record(applied) == []


def test_convert_keeps_gold_entities_and_regenerates_coreference_around_them(seed_record, repo_root):
    record = automatic(seed_record)
    entities = with_provenance(
        record["layers"]["entities"], gold(["annotator A (pass A)"], "2026-12-01"), complete=True
    )
    record["layers"]["entities"] = entities
    del record["layers"]["entities"]["items"][0]  # coreference still names e1: convert must not keep that
    record["layers"]["entities"]["items"] = [
        dict(e, id=f"e{100 + n}") for n, e in enumerate(record["layers"]["entities"]["items"])
    ]
    raw = read_raw(repo_root / record["raw"]["path"], record["raw"]["path"])
    converted = build_record(raw, record)
    assert converted["layers"]["entities"] == record["layers"]["entities"]
    assert not is_gold(converted["layers"]["coreference"])
    assert converted["layers"]["coreference"]["items"], "coreference was made again"
    assert_no_dangling_references(converted)


def test_a_pass_on_changed_text_is_refused_and_reanchored_on_request(corpus_copy, seed_record, make_pass, put_pass):
    old = automatic(seed_record)
    old_path = corpus_copy / "old.json"
    old_path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    data = make_pass(old, "A")
    put_pass(corpus_copy, data)
    entity_spans = {i for e in data["layers"]["entities"] for i in range(e["start"], e["end"])}
    timex_spans = {i for t in data["layers"]["timex"] for i in range(t["start"], t["end"])}
    # One letter of a word no annotation covers changes; the text keeps its length and token edges.
    at = next(i for i, c in enumerate(old["text"]) if c == "a" and i > 200 and i not in entity_spans | timex_spans)
    new = json.loads(json.dumps(old))
    new["text"] = old["text"][:at] + "o" + old["text"][at + 1 :]
    write_record_file(corpus_copy, new)
    plan = plan_apply(GoldLayout(corpus_copy), old["id"], None)
    assert [p.code for p in plan.problems] == ["pass.text-changed"]
    result = CliRunner().invoke(main, ["gold", "apply", "--root", str(corpus_copy), "--reanchor", str(old_path)])
    assert result.exit_code == 0, result.output
    applied = json.loads(record_path(corpus_copy, new).read_text(encoding="utf-8"))
    assert len(applied["layers"]["entities"]["items"]) == len(data["layers"]["entities"])


def test_reanchoring_moves_spans_after_an_insertion_and_refuses_changed_ones(seed_record, make_pass):
    data = make_pass(seed_record, "A")
    old = seed_record["text"]
    timex_spans = [(t["start"], t["end"]) for t in data["layers"]["timex"]]
    first = data["layers"]["entities"][0]
    index, second = next(
        (i, e)
        for i, e in enumerate(data["layers"]["entities"])
        if i > 0 and not any(s < e["end"] and e["start"] < t for s, t in timex_spans)
    )
    new = "Update: " + old[: second["start"]] + second["text"].upper() + old[second["end"] :]
    moved, problems = reanchor(PassFile("a", data), old, new)
    assert moved is None
    assert [(p.code, p.path) for p in problems] == [("pass.reanchor-refused", f"/layers/entities/{index}")]
    new = "Update: " + old
    moved, problems = reanchor(PassFile("a", data), old, new)
    assert problems == [] and moved is not None
    assert moved.layers["entities"][0]["start"] == first["start"] + len("Update: ")
    assert all(new[e["start"] : e["end"]] == e["text"] for e in moved.layers["entities"])


def test_the_offset_mapper_refuses_a_span_across_changed_text():
    mapper = OffsetMapper("the cat sat", "the dog sat")
    assert mapper.span(8, 11) == (8, 11)
    assert mapper.span(4, 7) is None and mapper.span(0, 6) is None


def test_a_document_the_rule_annotates_twice_waits_for_its_adjudication(corpus_copy, repo_root, make_pass, put_pass):
    from newscorpus.gold.inputs import queue_rows

    wikinews = sorted((repo_root / "corpus" / "records").glob("wikinews-*.json"))[0]
    shutil.copy2(wikinews, corpus_copy / "corpus" / "records" / wikinews.name)
    first = next(row for row in queue_rows(corpus_copy) if len(row["needs_passes"]) > 1)
    record = json.loads(
        (corpus_copy / "corpus" / "records" / f"{first['document_id']}.json").read_text(encoding="utf-8")
    )
    before = record_path(corpus_copy, record).read_bytes()
    put_pass(corpus_copy, make_pass(record, "A"))
    result = CliRunner().invoke(main, ["gold", "apply", first["document_id"], "--root", str(corpus_copy)])
    assert result.exit_code == 0, result.output
    assert "awaits its second pass or its adjudication" in result.output and "0 record(s) written" in result.output
    assert record_path(corpus_copy, record).read_bytes() == before
