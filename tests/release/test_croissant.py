"""croissant.json: Croissant 1.1 that mlcroissant validates and reads back as the seed's rows."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import mlcroissant
import numpy as np
import pytest
from datasets import List

from newscorpus.release.croissant import CONFORMS_TO, CROISSANT_FILE, write_croissant
from newscorpus.release.folder import write_release_files
from newscorpus.release.rows import encode_value
from newscorpus.views import VIEWS

MLCROISSANT = Path(sys.executable).with_name("mlcroissant")


@pytest.fixture(scope="module")
def release(tmp_path_factory, _seed_record):
    """A release of the seed with its croissant.json, and what the build reported."""
    folder = tmp_path_factory.mktemp("release")
    summary = write_release_files([_seed_record], folder)
    digest = write_croissant(folder, summary.configs)
    return folder, summary, digest


@pytest.fixture(scope="module")
def metadata(release):
    return json.loads((release[0] / CROISSANT_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dataset(release):
    return mlcroissant.Dataset(jsonld=str(release[0] / CROISSANT_FILE))


def test_mlcroissant_validate_passes_without_context_warnings(release):
    result = subprocess.run(
        [str(MLCROISSANT), "validate", "--jsonld", str(release[0] / CROISSANT_FILE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()
    assert "not standard" not in result.stderr  # the @context is the full 1.1 one


def test_declares_croissant_1_1(metadata):
    assert metadata["conformsTo"] == CONFORMS_TO == "http://mlcommons.org/croissant/1.1"
    context = metadata["@context"]
    for term in ("cr", "dct", "sc", "conformsTo", "citeAs", "recordSet", "field", "subField", "fileSet", "isArray"):
        assert term in context, term


def test_every_parquet_file_is_a_file_object_with_its_sha256(release, metadata):
    folder = release[0]
    objects = {d["contentUrl"]: d for d in metadata["distribution"] if d["@type"] == "cr:FileObject"}
    on_disk = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.parquet"))
    assert sorted(objects) == on_disk
    for name, file_object in objects.items():
        content = (folder / name).read_bytes()
        assert file_object["sha256"] == hashlib.sha256(content).hexdigest(), name
        assert file_object["contentSize"] == f"{len(content)} B"


def test_each_config_has_a_file_set_that_matches_exactly_its_files(release, metadata):
    objects = [d["contentUrl"] for d in metadata["distribution"] if d["@type"] == "cr:FileObject"]
    file_sets = {d["@id"]: d for d in metadata["distribution"] if d["@type"] == "cr:FileSet"}
    for config in release[1].configs:
        pattern = file_sets[f"{config}-parquet-files"]["includes"]
        assert [o for o in objects if fnmatch.fnmatch(o, pattern)] == [o for o in objects if o.startswith(f"{config}/")]


def test_writer_returns_the_digest_and_is_deterministic(release):
    folder, summary, digest = release
    first = (folder / CROISSANT_FILE).read_bytes()
    assert digest == hashlib.sha256(first).hexdigest()
    assert write_croissant(folder, summary.configs) == digest
    assert (folder / CROISSANT_FILE).read_bytes() == first


def test_known_digests_give_the_file_objects_reading_the_files_gives_and_spare_the_reading(tmp_path, _seed_record):
    folder = tmp_path / "release"
    folder.mkdir()
    summary = write_release_files([_seed_record], folder)
    documents = ["ATTRIBUTION.md"]
    read = write_croissant(folder, summary.configs, documents=documents)
    assert write_croissant(folder, summary.configs, documents=documents, digests=summary.digests) == read
    shard = next(name for name in summary.digests if name.endswith(".parquet"))
    wrong = {**summary.digests, shard: "0" * 64}  # a known digest is taken as it is: the file is not read
    write_croissant(folder, summary.configs, documents=documents, digests=wrong)
    objects = {o["@id"]: o for o in json.loads((folder / CROISSANT_FILE).read_text(encoding="utf-8"))["distribution"]}
    assert objects[shard]["sha256"] == "0" * 64
    assert objects[shard]["contentSize"] == f"{(folder / shard).stat().st_size} B"


def _feature_leaves(feature, path=()):
    inner = feature
    while isinstance(inner, List):
        inner = inner.feature
    if isinstance(inner, dict):
        return [leaf for key, child in inner.items() for leaf in _feature_leaves(child, (*path, key))]
    return [path]


def _croissant_leaves(fields, parents=()):
    for field in fields:
        if "subField" in field:
            yield from _croissant_leaves(field["subField"], (*parents, field))
        else:
            yield field, parents


def _plain(value):
    """mlcroissant's values as Python values: bytes as str, numpy scalars and arrays as int/list."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, list | np.ndarray):
        return [_plain(item) for item in value]
    return value


def _expected(value, keys):
    """The seed row's value at a field path, mapped over lists on the way (as Croissant nests them)."""
    if value is None:
        return None
    if not keys:
        return value
    if isinstance(value, list):
        return [_expected(item, keys) for item in value]
    return _expected(value[keys[0]], keys[1:])


def _read(record, field, parents):
    """A leaf's value in an mlcroissant record: at top level, or under its parent field's id."""
    if field["@id"] in record:
        return record[field["@id"]]
    holder = record[parents[-1]["@id"]]
    if isinstance(holder, list):
        return [item[field["@id"]] for item in holder]
    return holder[field["@id"]]


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_records_read_through_mlcroissant_are_the_seed_rows_leaf_for_leaf(view, seed_record, metadata, dataset):
    features = view.features()
    expected_rows = [encode_value(row, features) for row in view.rows(seed_record)]
    record_set = next(rs for rs in metadata["recordSet"] if rs["@id"] == view.name)
    leaves = [(f, p) for f, p in _croissant_leaves(record_set["field"]) if f["name"] != "split"]
    records = list(dataset.records(view.name))
    assert len(records) == len(expected_rows) > 0
    compared = 0
    for record, row in zip(records, expected_rows, strict=True):
        assert _plain(record[f"{view.name}/split"]) == "train"
        for field, parents in leaves:
            path = field["@id"].split("/")[1:]
            assert _plain(_read(record, field, parents)) == _expected(row, path), field["@id"]
            compared += 1
    assert compared >= len(expected_rows) * len(leaves)


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_record_sets_cover_every_feature_except_what_they_name_as_left_out(view, metadata):
    record_set = next(rs for rs in metadata["recordSet"] if rs["@id"] == view.name)
    described = {tuple(f["@id"].split("/")[1:]) for f, _ in _croissant_leaves(record_set["field"])} - {("split",)}
    left_out = ("layers", "coreference", "items", "mentions")
    expected = {leaf for leaf in _feature_leaves(dict(view.features())) if leaf[: len(left_out)] != left_out}
    assert described == expected
    names_left_out = ".".join(left_out) in record_set["description"]
    assert names_left_out == (view.name == "documents")


def test_split_record_set_maps_names_to_croissant_split_types(dataset):
    splits = {_plain(r["splits/name"]): _plain(r["splits/url"]) for r in dataset.records("splits")}
    assert splits == {"train": "cr:TrainingSplit", "validation": "cr:ValidationSplit", "test": "cr:TestSplit"}


def test_class_labels_are_integers_with_their_names_described(metadata):
    ner = next(rs for rs in metadata["recordSet"] if rs["@id"] == "ner")
    tags = next(f for f in ner["field"] if f["name"] == "ner_tags")
    assert tags["dataType"] == "cr:Int64" and tags["isArray"] is True
    assert "1 B-PERSON" in tags["description"]
