"""Exports of the seed, each read back by the library that reads the format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import conllu
import pyarrow.json
import pytest
import spacy
from click.testing import CliRunner
from spacy.tokens import DocBin
from spacy.training.converters import conll_ner_to_docs

from newscorpus.io.commands import export_command
from newscorpus.io.conll2003 import DOCSTART
from newscorpus.io.export import export_records
from newscorpus.io.labelstudio import labeling_config
from newscorpus.labels import CONLL2003_LABELS, ENTITY_LABELS, QUOTE_TYPES
from newscorpus.record.writer import write_record
from newscorpus.views.ner import conll2003_rows, ontonotes_rows


def _export(tmp_path: Path, record_path: Path, output_format: str, config: str | None = None) -> Path:
    out = tmp_path / f"out.{output_format}"
    assert export_records(output_format, [record_path], out, config) == 1
    return out


def _token_spans(record):
    tokens = record["layers"]["tokens"]
    return list(zip(tokens["starts"], tokens["ends"], strict=True))


def _gold_entities(record):
    return {(e["start"], e["end"], e["label"]) for e in record["layers"]["entities"]["items"]}


# CoNLL-2003


@pytest.mark.parametrize(("config", "rows"), [("ner", ontonotes_rows), ("ner_conll2003", conll2003_rows)])
def test_conll2003_agrees_with_its_view_token_for_token(tmp_path, seed_record_path, seed_record, config, rows):
    blocks = _export(tmp_path, seed_record_path, "conll2003", config).read_text(encoding="utf-8").split("\n\n")
    assert blocks[0] == DOCSTART
    sentences = [block.split("\n") for block in blocks[1:] if block.strip()]
    view = list(rows(seed_record))
    assert len(sentences) == len(view) == len(seed_record["layers"]["sentences"]["starts"])
    for lines, row in zip(sentences, view, strict=True):
        assert [line.split(" ") for line in lines] == [
            [token, "_", "_", tag] for token, tag in zip(row["tokens"], row["ner_tags"], strict=True)
        ]


def test_conll2003_is_read_by_spacys_converter_with_the_gold_entities(tmp_path, seed_record_path, seed_record):
    text = _export(tmp_path, seed_record_path, "conll2003").read_text(encoding="utf-8")
    (doc,) = conll_ner_to_docs(text, no_print=True)
    spans = _token_spans(seed_record)
    assert [token.text for token in doc] == [seed_record["text"][s:e] for s, e in spans]
    assert [sentence[0].i for sentence in doc.sents] == [
        [s for s, _ in spans].index(start) for start in seed_record["layers"]["sentences"]["starts"]
    ]
    recovered = {(spans[ent.start][0], spans[ent.end - 1][1], ent.label_) for ent in doc.ents}
    assert recovered == _gold_entities(seed_record)


def test_conll2003_refuses_a_token_holding_a_space(tmp_path, seed_record):
    tokens = seed_record["layers"]["tokens"]
    del tokens["ends"][1], tokens["starts"][2]  # "Predicts" + "Swift" -> "Predicts Swift"
    path = tmp_path / f"{seed_record['id']}.json"
    write_record(path, seed_record)
    result = CliRunner().invoke(export_command, ["--format", "conll2003", str(tmp_path / "out"), str(path)])
    assert result.exit_code == 2 and "[export.token-whitespace]" in result.stderr
    assert "'Predicts Swift'" in result.stderr


def test_conll2003_config_ner_conll2003_uses_the_conll_tag_set(tmp_path, seed_record_path):
    text = _export(tmp_path, seed_record_path, "conll2003", "ner_conll2003").read_text(encoding="utf-8")
    (doc,) = conll_ner_to_docs(text, no_print=True)
    assert doc.ents and {ent.label_ for ent in doc.ents} <= set(CONLL2003_LABELS)


# CoNLL-U


def _markables(sentences):
    """(eid, etype, wikidata, first char, last char) of every Entity= bracket, read back from MISC."""
    found, open_spans = [], {}
    for sentence in sentences:
        for token in sentence:
            start, end = (int(x) for x in token["misc"]["TokenRange"].split(":"))
            for single, opening, closing in re.findall(
                r"\(([^()]+)\)|\(([^()]+)|([^()]+)\)", token["misc"].get("Entity", "")
            ):
                if single:
                    found.append(((*single.split("-"), "", "")[:3], start, end))
                elif opening:
                    open_spans.setdefault(opening.split("-")[0], []).append(((*opening.split("-"), "", "")[:3], start))
                else:
                    fields, first = open_spans[closing].pop()
                    found.append((fields, first, end))
    assert not any(open_spans.values())
    return found


def test_conllu_parses_back_to_the_same_tokens_sentences_and_text(tmp_path, seed_record_path, seed_record):
    sentences = conllu.parse(_export(tmp_path, seed_record_path, "conllu").read_text(encoding="utf-8"))
    text = seed_record["text"]
    layer = seed_record["layers"]["sentences"]
    assert sentences[0].metadata["newdoc id"] == seed_record["id"]
    assert sentences[0].metadata["global.Entity"] == "eid-etype-wikidata"
    assert len({s.metadata["sent_id"] for s in sentences}) == len(sentences) == len(layer["starts"])
    assert [s.metadata["text"] for s in sentences] == [
        text[a:b].replace("\n", " ") for a, b in zip(layer["starts"], layer["ends"], strict=True)
    ]
    ranges = [tuple(int(x) for x in t["misc"]["TokenRange"].split(":")) for s in sentences for t in s]
    assert ranges == _token_spans(seed_record)
    assert [t["form"] for s in sentences for t in s] == [text[a:b] for a, b in ranges]
    assert sum("newpar id" in s.metadata for s in sentences) == len(seed_record["layers"]["paragraphs"]["items"])
    rebuilt = ""
    for token in (t for s in sentences for t in s):
        misc = token["misc"]
        after = misc.get("SpacesAfter", "" if misc.get("SpaceAfter") == "No" else " ")
        rebuilt += token["form"] + after.replace("\\n", "\n").replace("\\s", " ")
    assert rebuilt.rstrip(" ") == text


def test_conllu_entity_brackets_give_the_entities_links_and_clusters(tmp_path, seed_record_path, seed_record):
    sentences = conllu.parse(_export(tmp_path, seed_record_path, "conllu").read_text(encoding="utf-8"))
    markables = _markables(sentences)
    layers = seed_record["layers"]
    assert {(a, b, fields[1]) for fields, a, b in markables if fields[1]} == _gold_entities(seed_record)
    span_of = {e["id"]: (e["start"], e["end"]) for e in layers["entities"]["items"]}
    assert {(a, b, fields[2]) for fields, a, b in markables if fields[2]} == {
        (*span_of[link["entity"]], link["qid"]) for link in layers["entity_links"]["items"] if link["qid"]
    }
    clusters = {c["id"]: {(m["start"], m["end"]) for m in c["mentions"]} for c in layers["coreference"]["items"]}
    by_eid = {}
    for fields, a, b in markables:
        by_eid.setdefault(fields[0], set()).add((a, b))
    assert {eid: spans for eid, spans in by_eid.items() if eid in clusters} == clusters


def test_conllu_brackets_of_crossing_mentions_still_read_back(tmp_path, seed_record):
    start = seed_record["text"].index("Putin and")  # crosses "Vladimir Putin" (cluster c2)
    mention = {"id": "m999", "start": start, "end": start + 9, "text": "Putin and", "kind": "nominal", "entity": None}
    seed_record["layers"]["coreference"]["items"].append(
        {"id": "c999", "mentions": [mention], "provenance": 0, "gold": True}
    )
    path = tmp_path / f"{seed_record['id']}.json"
    write_record(path, seed_record)
    sentences = conllu.parse(_export(tmp_path, path, "conllu").read_text(encoding="utf-8"))
    spans = {(fields[0], a, b) for fields, a, b in _markables(sentences)}
    assert ("c999", start, start + 9) in spans
    assert ("c2", start - len("Vladimir "), start + len("Putin")) in spans


def test_export_refuses_a_record_whose_mention_cuts_a_token(tmp_path, seed_record, corpus_copy):
    mention = seed_record["layers"]["coreference"]["items"][0]["mentions"][0]
    mention["end"] -= 1  # "Kremlin" -> "Kremli"
    mention["text"] = seed_record["text"][mention["start"] : mention["end"]]
    mention["entity"] = None
    path = corpus_copy / "corpus" / "records" / f"{seed_record['id']}.json"
    write_record(path, seed_record)
    result = CliRunner().invoke(export_command, ["--root", str(corpus_copy), "--format", "conllu", str(tmp_path / "o")])
    assert result.exit_code == 2
    # The validator refuses the record before any format sees it (mention.token-boundary).
    assert "mention.token-boundary" in result.stderr
    assert not (tmp_path / "o").exists()


# spaCy DocBin


def test_docbin_loads_back_with_the_same_text_entities_and_sentences(tmp_path, seed_record_path, seed_record):
    data = _export(tmp_path, seed_record_path, "docbin").read_bytes()
    (doc,) = DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)
    layers = seed_record["layers"]
    assert doc.text == seed_record["text"]
    assert doc.user_data["document_id"] == seed_record["id"]
    provenance = doc.user_data["provenance"]
    assert provenance["entities"]["complete"] is True  # msgpack gives the id lists back as tuples
    assert list(provenance["entities"]["gold_ids"]) == [e["id"] for e in layers["entities"]["items"]]
    assert list(provenance["coreference"]["gold_ids"]) == [c["id"] for c in layers["coreference"]["items"]]
    qid = {link["entity"]: link["qid"] for link in layers["entity_links"]["items"] if link["qid"]}
    assert [(e.start_char, e.end_char, e.label_, e.kb_id_, e.id_) for e in doc.ents] == [
        (e["start"], e["end"], e["label"], qid.get(e["id"], ""), e["id"]) for e in layers["entities"]["items"]
    ]
    assert [(s.start_char, s.end_char) for s in doc.sents] == [
        (start, start + len(s.text)) for start, s in zip(layers["sentences"]["starts"], doc.sents, strict=True)
    ]
    assert [s.text.strip() for s in doc.sents] == [
        seed_record["text"][a:b]
        for a, b in zip(layers["sentences"]["starts"], layers["sentences"]["ends"], strict=True)
    ]


def test_docbin_holds_quotes_coreference_and_timex_as_span_groups(tmp_path, seed_record_path, seed_record):
    data = _export(tmp_path, seed_record_path, "docbin").read_bytes()
    (doc,) = DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)
    layers = seed_record["layers"]
    quotes = layers["quotations"]["items"]
    assert [(s.id_, s.label_, s.start_char, s.end_char) for s in doc.spans["quotes.content"]] == [
        (q["id"], q["type"], q["content"]["start"], q["content"]["end"]) for q in quotes
    ]
    for part in ("cue", "source"):
        assert [(s.id_, s.start_char, s.end_char) for s in doc.spans[f"quotes.{part}"]] == [
            (q["id"], q[part]["start"], q[part]["end"]) for q in quotes if q[part]
        ]
    for number, cluster in enumerate(layers["coreference"]["items"], start=1):
        group = doc.spans[f"coref_clusters_{number}"]
        assert group.attrs["id"] == cluster["id"]
        assert [(s.id_, s.label_, s.start_char, s.end_char) for s in group] == [
            (m["id"], m["kind"], m["start"], m["end"]) for m in cluster["mentions"]
        ]
    assert [(s.label_, s.kb_id_, s.start_char, s.end_char) for s in doc.spans["timex"]] == [
        (t["type"], t["value"] or "", t["start"], t["end"]) for t in layers["timex"]["items"]
    ]


# JSON Lines and Label Studio tasks


def test_jsonl_lines_are_the_records(tmp_path, seed_record_path, seed_record):
    out = _export(tmp_path, seed_record_path, "jsonl")
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == [seed_record]
    table = pyarrow.json.read_json(out)
    assert table.column("id").to_pylist() == [seed_record["id"]]
    assert table.column("text").to_pylist() == [seed_record["text"]]


def test_labelstudio_tasks_hold_text_id_and_predictions_with_known_labels(tmp_path, seed_record_path, seed_record):
    (task,) = json.loads(_export(tmp_path, seed_record_path, "labelstudio").read_text(encoding="utf-8"))
    assert task["data"] == {"text": seed_record["text"], "document_id": seed_record["id"]}
    results = task["predictions"][0]["result"]
    labels = {label for r in results if r["type"] == "labels" for label in r["value"]["labels"]}
    config_labels = set(re.findall(r'<Label value="([^"]+)"/>', labeling_config()))
    assert labels <= config_labels
    assert config_labels == {*ENTITY_LABELS, *(f"Content:{t}" for t in QUOTE_TYPES), "Cue", "Source"}
    for r in results:
        if r["type"] == "labels":
            assert seed_record["text"][r["value"]["start"] : r["value"]["end"]] == r["value"]["text"]


# The command


def test_export_command_writes_every_record_of_the_corpus(tmp_path, corpus_copy):
    out = tmp_path / "corpus.conllu"
    result = CliRunner().invoke(export_command, ["--root", str(corpus_copy), "--format", "conllu", str(out)])
    assert result.exit_code == 0, result.output
    records = len(list((corpus_copy / "corpus" / "records").glob("*.json")))
    assert f"exported {records} record(s)" in result.output
    assert out.read_text(encoding="utf-8").count("# newdoc id = ") == records


def test_export_refuses_an_invalid_record_and_leaves_out_untouched(tmp_path, seed_record):
    seed_record["layers"]["entities"]["items"][0]["end"] = len(seed_record["text"]) + 5
    bad = tmp_path / "bad.json"
    write_record(bad, seed_record)
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    result = CliRunner().invoke(export_command, ["--format", "jsonl", str(out), str(bad)])
    assert result.exit_code == 2
    assert "[export.invalid-record]" in result.stderr and "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_config_is_for_conll2003_only(tmp_path, seed_record_path):
    result = CliRunner().invoke(
        export_command, ["--format", "conllu", "--config", "ner", str(tmp_path / "o"), str(seed_record_path)]
    )
    assert result.exit_code == 2 and "--config and --gold-only apply to --format conll2003 only" in result.stderr


def test_export_to_a_folder_path_for_a_file_format_is_refused(tmp_path, seed_record_path):
    result = CliRunner().invoke(export_command, ["--format", "jsonl", str(tmp_path), str(seed_record_path)])
    assert result.exit_code == 2 and "[export.output]" in result.stderr


def test_formats_doc_shows_every_format_and_the_labeling_config(repo_root):
    doc = (repo_root / "docs" / "formats.md").read_text(encoding="utf-8")
    for name in ("conll2003", "conllu", "docbin", "brat", "jsonl", "labelstudio"):
        assert f"--format {name}" in doc
    assert labeling_config() in doc
