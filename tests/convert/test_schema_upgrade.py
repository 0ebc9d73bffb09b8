"""Record schemas 2.0.0 and 3.0.0, and the upgrade of 1.0.0 and 2.0.0 records by convert.

2.0.0 added licence and attribution as data and the dateline slot; 3.0.0 made
provenance per item in the span layers and annotators a list.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import SEED_RAW, SEED_RAW_RELATIVE

from newscorpus.convert import convert_raw_file
from newscorpus.features import record_features
from newscorpus.record.provenance import SPAN_LAYERS
from newscorpus.schema import enum_values, schema_version
from newscorpus.validate import validate_record

CC_BY = "https://creativecommons.org/licenses/by/2.5/"


def _old_entry(entry: dict[str, Any] | None) -> dict[str, Any] | None:
    """A provenance entry as schemas 1 and 2 wrote it: one annotator string, "; "-joined."""
    if entry is None:
        return None
    annotators = entry["annotators"]
    old = {"kind": entry["kind"], "annotator": "; ".join(annotators) if annotators else None}
    return {**old, "date": entry["date"], "tool": entry["tool"], "version": entry["version"]}


def as_schema_2(record: dict[str, Any]) -> dict[str, Any]:
    """The record as schema 2.0.0 wrote it: one provenance per layer (complete gold or wholly automatic)."""
    old = copy.deepcopy(record)
    old["schema_version"] = "2.0.0"
    for name, layer in old["layers"].items():
        if name not in SPAN_LAYERS:
            layer["provenance"] = _old_entry(layer["provenance"])
            continue
        assert len(layer["provenance"]) <= 1, name  # a mixed layer has no schema 2 form
        entry = layer["provenance"][0] if layer["provenance"] else None
        items = [{k: v for k, v in item.items() if k not in ("provenance", "gold")} for item in layer["items"]]
        old["layers"][name] = {"provenance": _old_entry(entry), "items": items}
    published = old["metadata"]["publication_date"]
    published["provenance"] = _old_entry(published["provenance"])
    return old


def as_schema_1(record: dict[str, Any]) -> dict[str, Any]:
    """The record as schema 1.0.0 wrote it: schema 2's shape without the fields 2.0.0 added."""
    old = as_schema_2(record)
    old["schema_version"] = "1.0.0"
    for key in ("license_id", "license_url", "attribution"):
        del old["source"][key]
    del old["metadata"]["dateline"]
    return old


def codes(record: dict[str, Any]) -> list[str]:
    return sorted(problem.code for problem in validate_record(record))


def test_schema_is_3_0_0_and_the_old_shape_is_refused():
    assert schema_version() == "3.0.0"
    old = as_schema_2(convert_raw_file(SEED_RAW, SEED_RAW_RELATIVE))
    old["schema_version"] = "3.0.0"  # a 2.0.0 record claiming to be 3.0.0 is invalid: the bump is MAJOR
    found = codes(old)
    assert found and set(found) <= {"schema.required", "schema.type", "schema.additional-property", "schema.one-of"}


def test_labels_are_appended_so_classlabel_ids_do_not_move():
    assert enum_values("paragraph_role")[:3] == ("headline", "credit", "body")
    assert enum_values("paragraph_role")[3:] == ("dateline", "caption")
    assert enum_values("boilerplate_kind") == ("banner", "trailer", "credit", "related", "header")
    features = record_features()
    assert features["source"]["license_id"].dtype == "string"
    assert set(features["source"]["attribution"]) == {"title", "author", "url", "license", "license_url", "changes"}
    entities = features["layers"]["entities"]
    assert entities["complete"].dtype == "bool"
    assert entities["items"].feature["gold"].dtype == "bool"
    assert entities["provenance"].feature["annotators"].feature.dtype == "string"


@pytest.mark.parametrize("as_old", [as_schema_1, as_schema_2], ids=["schema-1", "schema-2"])
def test_an_old_record_is_refused_by_validate_and_upgraded_by_convert(seed_record, as_old):
    old = as_old(seed_record)
    assert codes(old) == ["record.unsupported-version"]
    upgraded = convert_raw_file(SEED_RAW, SEED_RAW_RELATIVE, old)
    assert upgraded == seed_record  # the committed seed is the upgrade of its old record
    assert upgraded["schema_version"] == "3.0.0"
    for name in SPAN_LAYERS:
        layer = upgraded["layers"][name]
        assert layer["complete"] and all(item["gold"] for item in layer["items"]), name
    assert upgraded["metadata"]["topics"] == old["metadata"]["topics"]
    assert validate_record(upgraded) == []


def test_a_joined_annotator_string_becomes_a_list_split_outside_parentheses(seed_record):
    names = ["annotator A (team; agent) (pass A)", "annotator B (pass B)", "adjudicated by C (team; agent)"]
    seed_record["layers"]["timex"]["provenance"][0]["annotators"] = names
    upgraded = convert_raw_file(SEED_RAW, SEED_RAW_RELATIVE, as_schema_2(seed_record))
    assert upgraded["layers"]["timex"]["provenance"][0]["annotators"] == names
    assert upgraded["layers"]["entities"]["provenance"] == seed_record["layers"]["entities"]["provenance"]


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
