"""Record schema 2.0.0: licence and attribution as data, the dateline slot, and the upgrade of 1.0.0 records."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import SEED_RAW, SEED_RAW_RELATIVE

from newscorpus.convert import convert_raw_file
from newscorpus.features import record_features
from newscorpus.schema import enum_values, schema_version
from newscorpus.validate import validate_record

CC_BY = "https://creativecommons.org/licenses/by/2.5/"


def as_schema_1(record: dict[str, Any]) -> dict[str, Any]:
    """The record as schema 1.0.0 wrote it: without the fields 2.0.0 added."""
    old = copy.deepcopy(record)
    old["schema_version"] = "1.0.0"
    for key in ("license_id", "license_url", "attribution"):
        del old["source"][key]
    del old["metadata"]["dateline"]
    return old


def codes(record: dict[str, Any]) -> list[str]:
    return sorted(problem.code for problem in validate_record(record))


def test_schema_is_2_0_0_and_new_fields_are_required():
    assert schema_version() == "2.0.0"
    old = as_schema_1(convert_raw_file(SEED_RAW, SEED_RAW_RELATIVE))
    old["schema_version"] = "2.0.0"  # a 1.0.0 record claiming to be 2.0.0 is invalid: the bump is MAJOR
    assert codes(old) == ["schema.required"] * 4


def test_labels_are_appended_so_classlabel_ids_do_not_move():
    assert enum_values("paragraph_role")[:3] == ("headline", "credit", "body")
    assert enum_values("paragraph_role")[3:] == ("dateline", "caption")
    assert enum_values("boilerplate_kind") == ("banner", "trailer", "credit", "related", "header")
    features = record_features()
    assert features["source"]["license_id"].dtype == "string"
    assert set(features["source"]["attribution"]) == {"title", "author", "url", "license", "license_url", "changes"}


def test_a_schema_1_record_is_refused_by_validate_and_upgraded_by_convert(seed_record):
    old = as_schema_1(seed_record)
    assert codes(old) == ["record.unsupported-version"]
    upgraded = convert_raw_file(SEED_RAW, SEED_RAW_RELATIVE, old)
    assert upgraded == seed_record  # the committed seed is the upgrade of its 1.0.0 record
    assert upgraded["schema_version"] == "2.0.0"
    for name, layer in old["layers"].items():
        if layer["provenance"] and layer["provenance"]["kind"] == "gold":
            assert upgraded["layers"][name] == layer, name
    assert upgraded["metadata"]["publication_date"] == old["metadata"]["publication_date"]
    assert upgraded["metadata"]["topics"] == old["metadata"]["topics"]
    assert validate_record(upgraded) == []


def test_the_seed_is_not_openly_licensed(seed_record):
    source = seed_record["source"]
    assert (source["license_id"], source["license_url"], source["attribution"]) == (None, None, None)
    assert "The Moscow Times" in source["license"]
    assert seed_record["metadata"]["dateline"] is None


def _openly_licensed(record: dict[str, Any]) -> dict[str, Any]:
    licensed = copy.deepcopy(record)
    source = licensed["source"]
    source.update(license_id="CC-BY-2.5", license_url=CC_BY)
    source["attribution"] = {
        "title": licensed["metadata"]["headline"],
        "author": "Wikinews contributors",
        "url": source["url"],
        "license": "CC-BY-2.5",
        "license_url": CC_BY,
        "changes": "normalized and annotated",
    }
    return licensed


def test_an_openly_licensed_record_with_a_matching_attribution_is_valid(seed_record):
    assert codes(_openly_licensed(seed_record)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s.update(license_url=None), ["source.attribution-mismatch", "source.license-incomplete"]),
        (lambda s: s.update(attribution=None), ["source.attribution-missing"]),
        (lambda s: s["attribution"].update(license="CC-BY-4.0"), ["source.attribution-mismatch"]),
        (lambda s: s["attribution"].update(url="https://example.org/other"), ["source.attribution-mismatch"]),
        (lambda s: s["attribution"].update(title="Another title"), ["source.attribution-mismatch"]),
        (lambda s: s.update(license_id=None, license_url=None), ["source.attribution-mismatch"]),
        (lambda s: s.update(license_id="CC BY 2.5"), ["schema.pattern", "source.attribution-mismatch"]),
    ],
)
def test_licence_and_attribution_disagreements_are_reported(seed_record, change, expected):
    record = _openly_licensed(seed_record)
    change(record["source"])
    assert codes(record) == expected


def test_dateline_metadata_must_be_its_paragraph(seed_record):
    seed_record["metadata"]["dateline"] = "Saturday, August 15, 2020"
    assert codes(seed_record) == ["metadata.paragraph-mismatch"]


def test_dateline_and_caption_paragraphs_are_placed(seed_record):
    paragraphs = seed_record["layers"]["paragraphs"]["items"]
    record = copy.deepcopy(seed_record)
    record["layers"]["paragraphs"]["items"][2]["role"] = "dateline"  # after headline and credit: allowed
    record["metadata"]["dateline"] = record["text"][paragraphs[2]["start"] : paragraphs[2]["end"]]
    assert codes(record) == []
    record["layers"]["paragraphs"]["items"][5]["role"] = "dateline"  # a second one, in the body: refused
    assert codes(record) == ["paragraphs.role-order"]
    record = copy.deepcopy(seed_record)
    record["layers"]["paragraphs"]["items"][4]["role"] = "caption"
    assert codes(record) == []
