"""Every view and export says what is gold: NER rows, quotations, coreference clusters, CoNLL-U and CoNLL-2003."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from newscorpus.annotate.runner import shipped_annotators
from newscorpus.io.conllu import conllu_document
from newscorpus.io.export import export_records
from newscorpus.record.provenance import assemble_layer, auto
from newscorpus.views.coref import coref_rows
from newscorpus.views.ner import conll2003_rows, ontonotes_rows
from newscorpus.views.quotes import quotes_rows

TOOL = auto("newscorpus.annotate.test", "0")


def _partly_gold(record: dict[str, Any], name: str, gold_count: int) -> dict[str, Any]:
    """A copy of ``record`` whose layer ``name`` keeps its first ``gold_count`` items gold, the rest automatic."""
    record = copy.deepcopy(record)
    layer = record["layers"][name]
    parts = [(item, layer["provenance"][0] if n < gold_count else TOOL) for n, item in enumerate(layer["items"])]
    record["layers"][name] = assemble_layer(parts)
    return record


def test_ner_rows_are_gold_only_where_the_entity_layer_is_complete(seed_record):
    rows = list(ontonotes_rows(seed_record))
    assert rows and all(row["sentence_gold"] and all(row["gold_tags"]) for row in rows)
    record = _partly_gold(seed_record, "entities", 3)
    gold_spans = [(e["start"], e["end"]) for e in record["layers"]["entities"]["items"][:3]]
    for rows_of in (ontonotes_rows, conll2003_rows):
        rows = list(rows_of(record))
        assert not any(row["sentence_gold"] for row in rows)
        for row in rows:
            assert len(row["gold_tags"]) == len(row["tokens"])
            for start, end, gold in zip(row["token_starts"], row["token_ends"], row["gold_tags"], strict=True):
                assert gold == any(s < end and start < e for s, e in gold_spans)
        assert sum(sum(row["gold_tags"]) for row in rows) > 0


def test_quotes_and_coref_rows_carry_item_flags(seed_record):
    record = _partly_gold(_partly_gold(seed_record, "quotations", 2), "coreference", 1)
    quotes = list(quotes_rows(record))
    assert [row["gold"] for row in quotes] == [n < 2 for n in range(len(quotes))]
    assert not any(row["layer_complete"] for row in quotes)
    (coref,) = coref_rows(record)
    assert coref["cluster_gold"] == [n < 1 for n in range(len(coref["cluster_ids"]))]
    assert coref["layer_complete"] is False
    (seed_coref,) = coref_rows(seed_record)
    assert seed_coref["layer_complete"] is True


def test_conllu_names_the_complete_layers_and_gold_sentences(seed_record):
    lines = conllu_document(seed_record).splitlines()
    assert "# complete_gold_layers = entities, entity_links, coreference, quotations, timex" in lines
    assert lines.count("# sentence_gold = true") == len(seed_record["layers"]["sentences"]["starts"])
    lines = conllu_document(_partly_gold(seed_record, "entities", 3)).splitlines()
    assert "# sentence_gold = true" not in lines
    assert "# complete_gold_layers = entity_links, coreference, quotations, timex" in lines


def test_conll2003_gold_only_leaves_out_what_is_not_gold(tmp_path: Path, seed_record, repo_root: Path):
    # Every committed Wikinews record has gold entities now: make one automatic, as a new article would be.
    wikinews = json.loads(next((repo_root / "corpus" / "records").glob("wikinews-*.json")).read_text(encoding="utf-8"))
    automatic = shipped_annotators().annotate_record(wikinews, keep_gold=False)
    assert not automatic["layers"]["entities"]["complete"]
    auto_path = tmp_path / "automatic.json"
    auto_path.write_text(json.dumps(automatic), encoding="utf-8")
    seed_path = tmp_path / "seed.json"
    seed_path.write_text(json.dumps(seed_record), encoding="utf-8")
    everything, gold = tmp_path / "all.conll", tmp_path / "gold.conll"
    assert export_records("conll2003", [seed_path, auto_path], everything) == 2
    assert export_records("conll2003", [seed_path, auto_path], gold, gold_only=True) == 1
    assert gold.read_text(encoding="utf-8").count("-DOCSTART-") == 1
    assert export_records("conll2003", [seed_path], tmp_path / "seed.conll") == 1
    assert gold.read_bytes() == (tmp_path / "seed.conll").read_bytes()


def test_docbin_names_the_gold_items_of_each_layer(seed_record):
    import spacy
    from spacy.tokens import DocBin

    from newscorpus.io.spacy_docbin import docbin_bytes

    record = _partly_gold(seed_record, "timex", 2)
    (doc,) = DocBin().from_bytes(docbin_bytes([record])).get_docs(spacy.blank("en").vocab)
    timex = record["layers"]["timex"]["items"]
    provenance = doc.user_data["provenance"]["timex"]
    assert provenance["complete"] is False and list(provenance["gold_ids"]) == [t["id"] for t in timex[:2]]
