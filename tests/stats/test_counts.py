"""newscorpus stats: counts per layer, type and split; PNG plots and an HTML summary."""

from __future__ import annotations

import copy
import sys
from collections import Counter

import matplotlib.image
from click.testing import CliRunner

from newscorpus.record.provenance import SPAN_LAYERS, assemble_layer, auto
from newscorpus.record.writer import write_record
from newscorpus.release.splits import SPLITS, split_of
from newscorpus.stats import count_corpus, render_counts
from newscorpus.stats.commands import stats
from newscorpus.stats.counts import MENTION_KINDS, source_name
from newscorpus.stats.plots import LABELS_PNG, SOURCES_PNG, TOKENS_PNG


def _other_document(record: dict, new_id: str) -> dict:
    other = copy.deepcopy(record)
    other["id"] = new_id
    return other


def test_layer_counts_follow_the_records_and_their_provenance(seed_record):
    # Two entities corrected by hand, the rest automatic: counts follow the items, not the layer.
    entities = seed_record["layers"]["entities"]
    tool = auto("newscorpus.annotate.entities", "0")
    parts = [(item, entities["provenance"][0] if n < 2 else tool) for n, item in enumerate(entities["items"])]
    seed_record["layers"]["entities"] = assemble_layer(parts)
    counted = count_corpus([seed_record])
    for name, layer in seed_record["layers"].items():
        size = len(layer.get("items") or layer.get("starts") or [])
        count = counted.layers[name]
        assert count.items == size, name
        if name in SPAN_LAYERS:
            gold = sum(1 for item in layer["items"] if item["gold"])
        else:
            gold = size if layer["provenance"]["kind"] == "gold" else 0
        assert (count.gold, count.auto) == (gold, size - gold), name
    assert (counted.layers["entities"].gold, counted.layers["entities"].auto) == (2, len(entities["items"]) - 2)


def test_type_counts_are_the_labels_of_the_items(seed_record):
    counted = count_corpus([seed_record])
    layers = seed_record["layers"]
    assert counted.types["entity types"] == Counter(e["label"] for e in layers["entities"]["items"])
    assert counted.types["quotation types"] == Counter(q["type"] for q in layers["quotations"]["items"])
    assert counted.types["temporal expression types"] == Counter(t["type"] for t in layers["timex"]["items"])
    mentions = [m for c in layers["coreference"]["items"] for m in c["mentions"]]
    assert counted.types[MENTION_KINDS] == Counter(m["kind"] for m in mentions)


def test_split_counts_put_each_document_in_its_hash_split(seed_record):
    # Pick ids that land in different splits, so that the split columns are really exercised.
    ids = {}
    for number in range(200):
        ids.setdefault(split_of(f"doc-{number}"), f"doc-{number}")
    records = [_other_document(seed_record, ids[split]) for split in SPLITS]
    counted = count_corpus(records)
    tokens = len(seed_record["layers"]["tokens"]["starts"])
    for split in SPLITS:
        assert counted.splits[split]["documents"] == 1
        assert counted.splits[split]["tokens"] == tokens
    assert counted.tokens_per_document == [tokens] * 3
    assert counted.documents == 3


def test_quotes_are_counted_per_source_named_by_its_chain(seed_record):
    layers = seed_record["layers"]
    cluster_of = {m["id"]: c for c in layers["coreference"]["items"] for m in c["mentions"]}
    pronoun_source = next(
        q for q in layers["quotations"]["items"] if q["source"] and q["source"]["text"] in ("It", "he")
    )
    chain = cluster_of[pronoun_source["source"]["mention"]]
    expected = next(m["text"] for m in chain["mentions"] if m["kind"] == "name")
    assert source_name(seed_record, pronoun_source) == expected != pronoun_source["source"]["text"]
    counted = count_corpus([seed_record])
    assert sum(counted.quotes_per_source.values()) == len(layers["quotations"]["items"])
    unlinked = next(q for q in layers["quotations"]["items"] if q["source"] and q["source"]["mention"] is None)
    assert counted.quotes_per_source[unlinked["source"]["text"]] >= 1


def test_render_counts_prints_layers_types_and_splits(seed_record):
    text = render_counts(count_corpus([seed_record]))
    entities = len(seed_record["layers"]["entities"]["items"])
    assert any(line.split()[:2] == ["entities", str(entities)] for line in text.splitlines())
    assert "entity types: " in text and "quotation types: " in text
    for split in SPLITS:
        assert any(line.startswith(split) for line in text.splitlines()), split


def test_stats_command_prints_counts_and_writes_plots_and_html(corpus_copy, seed_record, tmp_path):
    out = tmp_path / "stats"
    result = CliRunner().invoke(stats, ["--root", str(corpus_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    tokens = len(seed_record["layers"]["tokens"]["starts"])
    assert any(line.split()[:2] == ["tokens", str(tokens)] for line in result.output.splitlines())
    for name in (LABELS_PNG, TOKENS_PNG, SOURCES_PNG):
        image = matplotlib.image.imread(out / name)
        height, width = image.shape[:2]
        assert width > 600 and height > 300, name
        assert image[..., :3].std() > 0.05, f"{name} is blank"
        assert f"wrote {(out / name).as_posix()}" in result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    for name in (LABELS_PNG, TOKENS_PNG, SOURCES_PNG):
        assert f'src="{name}"' in html
    assert f"<td>tokens</td><td>{tokens}</td>" in html


def test_stats_without_records_exits_2(corpus_copy, tmp_path):
    for path in (corpus_copy / "corpus" / "records").glob("*.json"):
        path.unlink()
    result = CliRunner().invoke(stats, ["--root", str(corpus_copy), "--out", str(tmp_path / "s")])
    assert result.exit_code == 2 and "[records.none]" in result.output


def test_stats_on_an_invalid_record_exits_2(corpus_copy, seed_record, tmp_path):
    seed_record["layers"]["quotations"]["items"][0]["cue"]["text"] = "not the text"
    write_record(next((corpus_copy / "corpus" / "records").glob("*.json")), seed_record)
    result = CliRunner().invoke(stats, ["--root", str(corpus_copy), "--out", str(tmp_path / "s")])
    assert result.exit_code == 2 and "[records.invalid]" in result.output
    assert "Traceback" not in result.output


def test_stats_on_unparsable_json_exits_2(corpus_copy, tmp_path):
    next((corpus_copy / "corpus" / "records").glob("*.json")).write_text("{", encoding="utf-8")
    result = CliRunner().invoke(stats, ["--root", str(corpus_copy), "--out", str(tmp_path / "s")])
    assert result.exit_code == 2 and "[record.unreadable]" in result.output


def test_stats_without_matplotlib_says_which_extra_to_install(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    result = CliRunner().invoke(stats, ["--root", str(corpus_copy), "--out", str(tmp_path / "s")])
    assert result.exit_code == 2 and "[stats.no-matplotlib]" in result.output
    assert "newscorpus[stats]" in result.output
