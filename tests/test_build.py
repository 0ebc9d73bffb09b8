"""The release: features derived from the schema, determinism, check mode, atomicity, card."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from click.testing import CliRunner
from datasets import ClassLabel, Features, List

from newscorpus.build.features import record_features
from newscorpus.build.release import write_release, write_release_files
from newscorpus.build.splits import split_of
from newscorpus.cli import main
from newscorpus.errors import UnusableInputError
from newscorpus.schema import load_schema


def _schema_leaves(node: dict, schema: dict, prefix: tuple = ()) -> set[tuple]:
    """(path, kind) for every leaf of the schema; arrays add "[]" to the path, oneOf unites alternatives."""
    if "$ref" in node:
        node = {**schema["$defs"][node["$ref"].split("/")[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    if "oneOf" in node:
        return set().union(*(_schema_leaves(alt, schema, prefix) for alt in node["oneOf"]))
    kinds = node.get("type", "string" if "const" in node else None)
    kinds = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null"]
    if not kinds:
        return set()
    if node.get("x-classlabel"):
        return {(prefix, "classlabel:" + ",".join(node["enum"]))}
    if kinds == ["object"]:
        return set().union(*(_schema_leaves(c, schema, (*prefix, k)) for k, c in node["properties"].items()))
    if kinds == ["array"]:
        return _schema_leaves(node["items"], schema, (*prefix, "[]"))
    return {(prefix, {"integer": "int", "string": "string", "number": "float", "boolean": "bool"}[kinds[0]])}


def _feature_leaves(feature, prefix: tuple = ()) -> set[tuple]:
    if isinstance(feature, dict):
        return set().union(*(_feature_leaves(c, (*prefix, k)) for k, c in feature.items()))
    if isinstance(feature, List):
        return _feature_leaves(feature.feature, (*prefix, "[]"))
    if isinstance(feature, ClassLabel):
        return {(prefix, "classlabel:" + ",".join(feature.names))}
    dtype = feature.dtype
    kind = "int" if dtype.startswith("int") else "float" if dtype.startswith("float") else dtype
    return {(prefix, kind)}


def test_features_and_schema_agree_field_for_field():
    schema = load_schema()
    assert _feature_leaves(dict(record_features())) == _schema_leaves(schema, schema)


def test_release_card_features_are_the_derived_features(repo_root):
    card = (repo_root / "corpus" / "release" / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---")[1])
    documents = next(info for info in header["dataset_info"] if info["config_name"] == "documents")
    assert Features._from_yaml_list(documents["features"]) == record_features()


def test_two_builds_are_byte_identical(seed_record, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write_release_files([seed_record], first)
    write_release_files([seed_record], second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_parquet_is_zstd_with_fixed_row_groups(repo_root):
    parquet = next((repo_root / "corpus" / "release" / "ner").glob("*.parquet"))
    metadata = pq.ParquetFile(parquet).metadata
    assert metadata.row_group(0).column(0).compression == "ZSTD"
    assert b"huggingface" in metadata.metadata


def test_checksums_cover_every_file(repo_root):
    import hashlib

    release = repo_root / "corpus" / "release"
    listed = {}
    for line in (release / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        listed[name] = digest
    files = {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest


def test_build_check_passes_on_the_committed_corpus_and_catches_a_hand_edit(corpus_copy, repo_root):
    import shutil

    shutil.copytree(repo_root / "corpus" / "release", corpus_copy / "corpus" / "release")
    runner = CliRunner()
    clean = runner.invoke(main, ["build", "--check", "--root", str(corpus_copy)])
    assert clean.exit_code == 0, clean.output
    card = corpus_copy / "corpus" / "release" / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("newscorpus", "newscorpvs", 1), encoding="utf-8")
    edited = runner.invoke(main, ["build", "--check", "--root", str(corpus_copy)])
    assert edited.exit_code == 1
    assert "corpus/release/README.md: content differs" in edited.output


def test_build_check_catches_a_stale_record(corpus_copy, repo_root):
    import shutil

    shutil.copytree(repo_root / "corpus" / "release", corpus_copy / "corpus" / "release")
    record = next((corpus_copy / "corpus" / "records").glob("*.json"))
    data = json.loads(record.read_text(encoding="utf-8"))
    data["layers"]["tokens"]["ends"][0] = 3
    record.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--check", "--root", str(corpus_copy)])
    assert result.exit_code == 1
    assert "differs from what convert makes" in result.output


def test_build_prints_what_it_built(corpus_copy):
    result = CliRunner().invoke(main, ["build", "--root", str(corpus_copy)])
    assert result.exit_code == 0, result.output
    assert "1 document(s)" in result.output and "documents: 1 row(s)" in result.output
    assert (corpus_copy / "corpus" / "release" / "SHA256SUMS").is_file()


def test_invalid_gold_stops_the_build_and_leaves_the_release_untouched(corpus_copy):
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--root", str(corpus_copy)]).exit_code == 0
    release = corpus_copy / "corpus" / "release"
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    record = next((corpus_copy / "corpus" / "records").glob("*.json"))
    data = json.loads(record.read_text(encoding="utf-8"))
    data["layers"]["entities"]["items"][0]["label"] = "VILLAIN"
    record.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(main, ["build", "--root", str(corpus_copy)])
    assert result.exit_code == 1
    assert "[label.unknown]" in result.output and "release was not changed" in result.output
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before


def test_a_failing_write_leaves_the_previous_release(seed_record, tmp_path, monkeypatch):
    import newscorpus.build.release as release_module

    release = tmp_path / "release"
    write_release([seed_record], release)
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    real_close = release_module.ParquetShardWriter.close
    calls = []

    def failing_close(writer):
        calls.append(writer)
        if len(calls) == 2:  # the disk fills up half way through
            raise OSError(28, "No space left on device")
        return real_close(writer)

    monkeypatch.setattr(release_module.ParquetShardWriter, "close", failing_close)
    # The engine returns the OSError as its located error (newscorpus.file_errors), code file.disk-full.
    with pytest.raises(UnusableInputError, match="No space") as raised:
        write_release([seed_record], release)
    assert raised.value.code == "file.disk-full"
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["release"]


def test_splits_depend_only_on_the_document_id():
    ids = [f"publisher-headline-{n:08x}" for n in range(2000)]
    assignment = {i: split_of(i) for i in ids}
    assert assignment == {i: split_of(i) for i in reversed(ids)}
    counts = {s: list(assignment.values()).count(s) for s in ("train", "validation", "test")}
    assert 1500 < counts["train"] < 1700 and 130 < counts["validation"] < 270 and 130 < counts["test"] < 270


def test_card_has_configs_with_a_default_and_only_nonempty_splits(repo_root):
    card = (repo_root / "corpus" / "release" / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---")[1])
    configs = {c["config_name"]: c for c in header["configs"]}
    assert configs["documents"]["default"] is True
    assert set(configs) == {"documents", "ner", "ner_conll2003", "quotes", "coref"}
    for config in configs.values():
        for entry in config["data_files"]:
            assert list(Path(repo_root / "corpus" / "release").glob(entry["path"])), entry
    for info in header["dataset_info"]:
        assert all(split["num_examples"] > 0 for split in info["splits"])


def _properties_without_description(node: dict, path: str = "") -> list[str]:
    missing = []
    for key, child in node.get("properties", {}).items():
        if "description" not in child:
            missing.append(f"{path}/{key}")
        missing += _properties_without_description(child, f"{path}/{key}")
    for keyword in ("items",):
        if isinstance(node.get(keyword), dict):
            missing += _properties_without_description(node[keyword], path + "/[]")
    for alternative in node.get("oneOf", []):
        missing += _properties_without_description(alternative, path)
    return missing


def test_every_schema_property_has_a_description():
    schema = load_schema()
    missing = _properties_without_description(schema)
    for name, definition in schema["$defs"].items():
        missing += _properties_without_description(definition, f"$defs/{name}")
    assert missing == []


def test_a_second_concurrent_build_is_refused(corpus_copy):
    from newscorpus.layout import CorpusLayout
    from newscorpus.pipeline import corpus_lock

    with corpus_lock(CorpusLayout(corpus_copy)):
        result = CliRunner().invoke(main, ["build", "--root", str(corpus_copy)])
    assert result.exit_code == 2
    assert "[corpus.locked]" in result.output and "Traceback" not in result.output
    assert not (corpus_copy / "corpus" / "release").exists()
