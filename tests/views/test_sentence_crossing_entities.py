"""An entity across a sentence boundary is valid; the sentence views and CoNLL-2003 split it, never opening with I-.

The decision (docs/guidelines.md, 1.2): sentences are automatic and redone by
every convert, so the annotation is kept and the views split the entity.
"""

from __future__ import annotations

import json

import pytest
from reliability_helpers import run_cli

from newscorpus.record.writer import write_record
from newscorpus.validate import validate_record
from newscorpus.views.ner import conll2003_rows, ontonotes_rows


def _split_inside_an_entity(record):
    """Cut the sentence holding the first multi-token ORG/GPE entity between that entity's tokens."""
    starts, ends = record["layers"]["tokens"]["starts"], record["layers"]["tokens"]["ends"]
    for entity in record["layers"]["entities"]["items"]:
        inside = [i for i, start in enumerate(starts) if entity["start"] <= start and ends[i] <= entity["end"]]
        if len(inside) >= 2 and entity["label"] in ("ORG", "GPE", "PERSON"):
            break
    else:
        raise AssertionError("the seed has no multi-token entity of these types")
    cut = inside[1]
    sentences = record["layers"]["sentences"]
    k = max(i for i, start in enumerate(sentences["starts"]) if start <= starts[cut])
    sentences["ends"].insert(k, ends[cut - 1])
    sentences["starts"].insert(k + 1, starts[cut])
    return entity, k + 1


@pytest.fixture
def crossing(seed_record):
    entity, opened = _split_inside_an_entity(seed_record)
    return seed_record, entity, opened


def test_the_record_with_a_crossing_entity_is_valid(crossing):
    record, _, _ = crossing
    assert validate_record(record) == []


@pytest.mark.parametrize("rows", [ontonotes_rows, conll2003_rows], ids=["ner", "ner_conll2003"])
def test_no_sentence_of_a_ner_view_opens_with_an_inside_tag(crossing, rows):
    record, entity, opened = crossing
    produced = list(rows(record))
    assert [row["sentence_index"] for row in produced if row["ner_tags"][0].startswith("I-")] == []
    # The entity is split: its part in the new sentence starts with B- of the same type.
    assert produced[opened]["token_starts"][0] > entity["start"]
    before, after = produced[opened - 1]["ner_tags"][-1], produced[opened]["ner_tags"][0]
    assert after.startswith("B-") and before[:2] in ("B-", "I-")
    assert before[2:] == after[2:]  # the same type on both sides of the cut


def test_the_conll2003_export_opens_no_sentence_with_an_inside_tag(crossing, tmp_path):
    record, _, opened = crossing
    write_record(tmp_path / f"{record['id']}.json", record)
    for config in ("ner", "ner_conll2003"):
        out = tmp_path / f"{config}.conll"
        ran = run_cli("export", "--format", "conll2003", "--config", config, out, tmp_path / f"{record['id']}.json")
        assert ran.exit_code == 0, ran.stderr
        sentences = out.read_text(encoding="utf-8").split("\n\n")[1:]
        first_tags = [sentence.split("\n")[0].split(" ")[-1] for sentence in sentences if sentence.strip()]
        assert len(first_tags) == len(record["layers"]["sentences"]["starts"])
        assert [tag for tag in first_tags if tag.startswith("I-")] == []
        assert first_tags[opened].startswith("B-")
    assert json.loads((tmp_path / f"{record['id']}.json").read_text(encoding="utf-8")) == record
