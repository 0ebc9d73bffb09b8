"""Loading the release offline: typed features, one-call loader, fresh data after a rebuild."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newscorpus.build.release import write_release

_PROBE = """
import json, sys
import datasets
release, config, cache = sys.argv[1], sys.argv[2], sys.argv[3]
splits = datasets.load_dataset(release, config, cache_dir=cache)
data = splits["train"]
ids = sorted({i for split in splits.values() for i in split["document_id" if config != "documents" else "id"]})
print(json.dumps({"rows": data.num_rows, "features": repr(data.features), "first": data[0],
                  "splits": {name: split.num_rows for name, split in splits.items()}, "ids": ids}, default=str))
"""


def _load_in_fresh_process(release: Path, config: str, cache: Path) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(release), config, str(cache)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=release.parent,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _committed_records(repo_root: Path) -> list[dict]:
    return [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((repo_root / "corpus" / "records").glob("*.json"))
    ]


def test_load_dataset_on_the_committed_release_is_typed_and_holds_every_document(repo_root, tmp_path):
    records = _committed_records(repo_root)
    ids = sorted(record["id"] for record in records)
    assert len(ids) == 294
    loaded = _load_in_fresh_process(repo_root / "corpus" / "release", "documents", tmp_path / "cache")
    assert sum(loaded["splits"].values()) == 294 and loaded["ids"] == ids
    assert "ClassLabel(names=['PERSON', 'NORP'" in loaded["features"]
    assert "List({'start': Value('int32')" in loaded["features"]
    assert "'license_id': Value('string')" in loaded["features"]
    ner = _load_in_fresh_process(repo_root / "corpus" / "release", "ner", tmp_path / "cache")
    assert sum(ner["splits"].values()) == sum(len(r["layers"]["sentences"]["starts"]) for r in records)
    assert ner["ids"] == ids and "ClassLabel(names=['O', 'B-PERSON'" in ner["features"]
    coref = _load_in_fresh_process(repo_root / "corpus" / "release", "coref", tmp_path / "cache")
    assert coref["ids"] == ids
    quotes = _load_in_fresh_process(repo_root / "corpus" / "release", "quotes", tmp_path / "cache")
    assert quotes["ids"] == sorted(r["id"] for r in records if r["layers"]["quotations"]["items"])
    assert sum(quotes["splits"].values()) == sum(len(r["layers"]["quotations"]["items"]) for r in records)


def test_newscorpus_load_returns_every_config(repo_root, tmp_path):
    import newscorpus

    release = repo_root / "corpus" / "release"
    documents = newscorpus.load(release=release, cache_dir=str(tmp_path))
    assert list(documents) == ["train", "validation", "test"]
    assert sum(split.num_rows for split in documents.values()) == 294
    assert documents["train"].features["layers"]["entities"]["items"].feature["label"].names[0] == "PERSON"
    ner = newscorpus.load("ner", split="train", release=release, cache_dir=str(tmp_path))
    tag_names = ner.features["ner_tags"].feature.names
    assert any(tag_names[t] == "B-PERSON" for row in ner for t in row["ner_tags"])
    quotes = newscorpus.load("quotes", split="train", release=release, cache_dir=str(tmp_path))
    train_ids = set(documents["train"]["id"])
    records = [r for r in _committed_records(repo_root) if r["id"] in train_ids]
    assert quotes.num_rows == sum(len(r["layers"]["quotations"]["items"]) for r in records)
    coref = newscorpus.load("coref", split="train", release=release, cache_dir=str(tmp_path))
    assert len(coref[0]["clusters"]) > 0


def test_a_rebuilt_release_loads_fresh_data_through_the_same_cache(seed_record, tmp_path):
    """datasets keys its cache on the card's YAML; the content fingerprint in it must change."""
    release, cache = tmp_path / "release", tmp_path / "cache"
    write_release([seed_record], release)
    before = _load_in_fresh_process(release, "documents", cache)
    changed = json.loads(json.dumps(seed_record))
    changed["metadata"]["topics"] = changed["metadata"]["topics"][:1]
    write_release([changed], release)
    after = _load_in_fresh_process(release, "documents", cache)
    assert len(before["first"]["metadata"]["topics"]) > 1
    assert len(after["first"]["metadata"]["topics"]) == 1
