"""A partial correction in BRAT: only what the annotator touched becomes gold, and convert remakes the rest.

The case of issue 15: on a Wikinews article with automatic entities, an
annotator relabels one entity, adds one and lengthens another, then imports.
Those three become gold; every other entity stays automatic with its tool's
provenance, and a later convert keeps the three and makes the others again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO

from newscorpus.cli import main
from newscorpus.io.commands import export_command, import_command
from newscorpus.record.provenance import entry_of
from newscorpus.validate import validate_record

RAW = "corpus/raw/wikinews/2020-07-08-11-month-old-baby-finds-illegal-drugs-in-playground-in-3bc805f9.txt"
TESTER = ["--annotator", "UT Tester", "--date", "2026-12-01"]


def _run(command: Any, args: list[str]) -> str:
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, (result.output, result.stderr)
    return result.output


@pytest.fixture
def wikinews_corpus(tmp_path: Path) -> Path:
    """A scratch corpus of one Wikinews article, converted there (so its automatic layers are that corpus's)."""
    root = tmp_path / "corpus-root"
    (root / RAW).parent.mkdir(parents=True)
    shutil.copy2(REPO / RAW, root / RAW)
    shutil.copytree(REPO / "corpus" / "profiles", root / "corpus" / "profiles")
    (root / "corpus" / "records").mkdir()
    _convert(root)
    return root


def _convert(root: Path) -> None:
    _run(main, ["convert", "--root", str(root), "-j", "1", "-q"])


def _record(root: Path) -> dict[str, Any]:
    (path,) = (root / "corpus" / "records").glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _token_after(record: dict[str, Any], end: int) -> tuple[int, int]:
    tokens = record["layers"]["tokens"]
    index = next(i for i, start in enumerate(tokens["starts"]) if start >= end)
    return tokens["starts"][index], tokens["ends"][index]


def _free_word(record: dict[str, Any]) -> tuple[int, int]:
    """A lowercase alphabetic token of the body that no entity touches, with free tokens either side."""
    text, tokens = record["text"], record["layers"]["tokens"]
    spans = [(e["start"], e["end"]) for e in record["layers"]["entities"]["items"]]
    pairs = list(zip(tokens["starts"], tokens["ends"], strict=True))
    for before, (start, end), after in zip(pairs, pairs[1:], pairs[2:], strict=False):
        word = text[start:end]
        free = not any(s < after[1] and before[0] < e for s, e in spans)
        if len(word) > 6 and word.isalpha() and word.islower() and free:
            return start, end
    raise AssertionError("no free word in the article")


def _corrections(record: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], tuple[int, int, str]]:
    """The entity to relabel, the entity to lengthen by one token, and the span to add (start, end, label)."""
    entities = record["layers"]["entities"]["items"]
    spans = [(e["start"], e["end"]) for e in entities]
    relabel = next(e for e in entities if e["label"] == "GPE")
    for entity in entities:
        if entity is relabel:
            continue
        start, end = _token_after(record, entity["end"])
        gap = record["text"][entity["end"] : start]
        if (
            gap == " "
            and record["text"][start:end].isalpha()
            and not any(s < end and entity["end"] < e for s, e in spans)
        ):
            lengthen = entity
            break
    else:
        raise AssertionError("no entity to lengthen")
    added = _free_word(record)
    return relabel, lengthen, (*added, "PRODUCT")


def _edit_brat(ann: Path, record: dict[str, Any]) -> dict[str, tuple[int, int, str]]:
    """Make the three corrections in the exported .ann; returns the corrected entities by what was done."""
    text = record["text"]
    relabel, lengthen, (add_start, add_end, add_label) = _corrections(record)
    new_label = "LOC"
    longer_end = _token_after(record, lengthen["end"])[1]
    lines = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[1] == f"{relabel['label']} {relabel['start']} {relabel['end']}":
            fields[1] = f"{new_label} {relabel['start']} {relabel['end']}"
        elif fields[1] == f"{lengthen['label']} {lengthen['start']} {lengthen['end']}":
            fields[1] = f"{lengthen['label']} {lengthen['start']} {longer_end}"
            fields[2] = text[lengthen["start"] : longer_end]
        lines.append("\t".join(fields))
    lines.append(f"T999\t{add_label} {add_start} {add_end}\t{text[add_start:add_end]}")
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "relabelled": (relabel["start"], relabel["end"], new_label),
        "lengthened": (lengthen["start"], longer_end, lengthen["label"]),
        "added": (add_start, add_end, add_label),
    }


def _key(entity: dict[str, Any]) -> tuple[int, int, str]:
    return entity["start"], entity["end"], entity["label"]


def _import_correction(root: Path, tmp_path: Path, *extra: str) -> tuple[dict[str, Any], dict[str, Any], dict]:
    before = _record(root)
    out = tmp_path / "brat"
    _run(export_command, ["--root", str(root), "--format", "brat", str(out)])
    corrected = _edit_brat(out / f"{before['id']}.ann", before)
    _run(import_command, ["--root", str(root), "--format", "brat", *TESTER, *extra, str(out)])
    return before, _record(root), corrected


def test_a_partial_brat_correction_makes_gold_only_the_touched_items(wikinews_corpus, tmp_path):
    before, after, corrected = _import_correction(wikinews_corpus, tmp_path)
    assert validate_record(after) == []
    layer = after["layers"]["entities"]
    assert layer["complete"] is False
    gold = {_key(e) for e in layer["items"] if e["gold"]}
    assert gold == set(corrected.values())
    for entity in layer["items"]:
        if entity["gold"]:
            assert entry_of(layer, entity)["annotators"] == ["UT Tester"]
            assert entry_of(layer, entity)["date"] == "2026-12-01"
    corrected_spans = [(start, end) for start, end, _ in corrected.values()]
    untouched = [  # the relabelled and the lengthened entity overlap their corrections; nothing else does
        e
        for e in before["layers"]["entities"]["items"]
        if not any(s < e["end"] and e["start"] < end for s, end in corrected_spans)
    ]
    assert len(untouched) == len(before["layers"]["entities"]["items"]) - 2
    auto_after = {_key(e): entry_of(layer, e) for e in layer["items"] if not e["gold"]}
    # Every untouched entity is still there, automatic, with its tool's provenance.
    tool_entry = before["layers"]["entities"]["provenance"][0]
    assert tool_entry["kind"] == "auto" and tool_entry["tool"].startswith("newscorpus.annotate.entities")
    assert {_key(e) for e in untouched} == set(auto_after)
    assert all(entry == tool_entry for entry in auto_after.values())
    for name in ("coreference", "quotations", "timex"):  # layers the import does not hold are left alone
        assert after["layers"][name] == before["layers"][name]


def test_convert_keeps_the_gold_items_and_regenerates_the_untouched_ones(wikinews_corpus, tmp_path):
    _, imported, corrected = _import_correction(wikinews_corpus, tmp_path)
    # Spoil an untouched automatic entity in the file: convert must make it again, not keep it.
    (path,) = (wikinews_corpus / "corpus" / "records").glob("*.json")
    spoiled = json.loads(path.read_text(encoding="utf-8"))
    victim = next(e for e in spoiled["layers"]["entities"]["items"] if not e["gold"])
    victim["label"] = "LANGUAGE" if victim["label"] != "LANGUAGE" else "LAW"
    path.write_text(json.dumps(spoiled), encoding="utf-8")
    _convert(wikinews_corpus)
    converted = _record(wikinews_corpus)
    assert validate_record(converted) == []
    layer = converted["layers"]["entities"]
    gold_before = [e for e in imported["layers"]["entities"]["items"] if e["gold"]]
    assert [e for e in layer["items"] if e["gold"]] == gold_before  # gold items unchanged, ids and all
    assert {_key(e) for e in gold_before} == set(corrected.values())
    regenerated = {_key(e) for e in layer["items"] if not e["gold"]}
    assert regenerated == {_key(e) for e in imported["layers"]["entities"]["items"] if not e["gold"]}
    assert _key(victim) not in regenerated  # the spoiled label is gone: the tool's comes back
    ids = [e["id"] for e in layer["items"]]
    assert len(ids) == len(set(ids))
    gold_spans = [(e["start"], e["end"]) for e in gold_before]
    for entity in layer["items"]:
        if not entity["gold"]:
            assert not any(s < entity["end"] and entity["start"] < e for s, e in gold_spans)


def test_complete_declares_the_layer_gold_and_convert_leaves_it_alone(wikinews_corpus, tmp_path):
    _, after, corrected = _import_correction(wikinews_corpus, tmp_path, "--complete")
    assert validate_record(after) == []
    layer = after["layers"]["entities"]
    assert layer["complete"] is True and all(e["gold"] for e in layer["items"])
    assert set(corrected.values()) <= {_key(e) for e in layer["items"]}
    _convert(wikinews_corpus)
    assert _record(wikinews_corpus)["layers"]["entities"] == layer


def test_linking_an_automatic_entity_confirms_it(wikinews_corpus, tmp_path):
    before = _record(wikinews_corpus)
    out = tmp_path / "brat"
    _run(export_command, ["--root", str(wikinews_corpus), "--format", "brat", str(out)])
    ann = out / f"{before['id']}.ann"
    target = before["layers"]["entities"]["items"][-1]
    line = next(
        line
        for line in ann.read_text(encoding="utf-8").splitlines()
        if line.split("\t")[1] == f"{target['label']} {target['start']} {target['end']}"
    )
    # A link without a QID: the annotator looked and could confirm no item (a note, no N line).
    ann.write_text(ann.read_text(encoding="utf-8") + f"#900\tAnnotatorNotes {line.split()[0]}\tno item confirmed\n")
    _run(import_command, ["--root", str(wikinews_corpus), "--format", "brat", *TESTER, str(out)])
    after = _record(wikinews_corpus)
    assert validate_record(after) == []
    # The linker's automatic links stay automatic; the one the annotator made is gold.
    (link,) = [item for item in after["layers"]["entity_links"]["items"] if item["gold"]]
    assert link["gold"] and link["qid"] is None and link["note"] == "no item confirmed"
    entities = after["layers"]["entities"]
    assert [e["id"] for e in entities["items"] if e["gold"]] == [link["entity"]] == [target["id"]]
    _convert(wikinews_corpus)
    converted = _record(wikinews_corpus)
    links = converted["layers"]["entity_links"]
    assert [item for item in links["items"] if item["gold"]] == [link]
    assert link["entity"] not in {item["entity"] for item in links["items"] if not item["gold"]}
    assert [e for e in converted["layers"]["entities"]["items"] if e["gold"]] == [
        e for e in entities["items"] if e["gold"]
    ]
