"""Convert keeps gold items as they are and makes the automatic ones again around them.

Automatic items that overlap a gold item of their layer go, ids stay unique,
and no reference (a mention's entity, a quote source's mention) dangles.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.annotate.runner import shipped_annotators
from newscorpus.convert.decode import read_raw
from newscorpus.convert.record import build_record, keeps_anything, kept_from
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.around_gold import merge_around_gold
from newscorpus.record.provenance import assemble_layer, auto, gold, layer_of
from newscorpus.validate import validate_record

RAW = "corpus/raw/wikinews/2020-07-08-11-month-old-baby-finds-illegal-drugs-in-playground-in-3bc805f9.txt"
PERSON = gold(["A. Person"], "2026-12-01")
TOOL = auto("some.tool", "1")


@pytest.fixture(scope="module")
def converted() -> dict[str, Any]:
    return build_record(read_raw(REPO / RAW, RAW), None, shipped_annotators())


def _convert(previous: dict[str, Any]) -> dict[str, Any]:
    return build_record(read_raw(REPO / RAW, RAW), previous, shipped_annotators())


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _with_gold_entities(record: dict[str, Any], gold_items: list[dict[str, Any]]) -> dict[str, Any]:
    """``record`` whose entity layer holds ``gold_items`` as gold beside its automatic items."""
    previous = copy.deepcopy(record)
    layer = previous["layers"]["entities"]
    parts = [(item, layer["provenance"][item["provenance"]]) for item in layer["items"]]
    parts += [(item, PERSON) for item in gold_items]
    previous["layers"]["entities"] = assemble_layer(sorted(parts, key=lambda part: part[0]["start"]))
    return previous


def test_gold_entities_survive_unchanged_and_overlapping_automatic_ones_go(converted):
    text = converted["text"]
    automatic = converted["layers"]["entities"]["items"]
    widened = next(e for e in automatic if e["label"] == "GPE")
    start = widened["start"]
    end = text.index(" ", widened["end"] + 1)  # the entity and the next word: overlaps the automatic one
    # A gold id that the annotator also uses ("e1"): the automatic items must be numbered around it.
    gold_item = {"id": "e1", "start": start, "end": end, "text": text[start:end], "label": "FAC"}
    previous = _with_gold_entities(converted, [gold_item])
    previous["layers"]["entities"]["items"] = [
        e for e in previous["layers"]["entities"]["items"] if e["gold"] or not _overlaps(e, gold_item)
    ]
    record = _convert(previous)
    assert validate_record(record) == []
    layer = record["layers"]["entities"]
    gold_after = [e for e in layer["items"] if e["gold"]]
    assert gold_after == [{**gold_item, "provenance": gold_after[0]["provenance"], "gold": True}]
    assert layer["provenance"][gold_after[0]["provenance"]] == PERSON
    assert not any(_overlaps(e, gold_item) for e in layer["items"] if not e["gold"])
    ids = [e["id"] for e in layer["items"]]
    assert len(ids) == len(set(ids)) and ids.count("e1") == 1
    # What convert keeps is exactly the gold item, so that a cache key on kept_from sees it.
    kept = kept_from(record).layers
    assert list(kept) == ["entities"] and kept["entities"]["items"] == gold_after
    # Automatic coreference and quotations were made from the merged entities: every reference resolves.
    entity_ids = set(ids)
    for cluster in record["layers"]["coreference"]["items"]:
        assert all(m["entity"] is None or m["entity"] in entity_ids for m in cluster["mentions"])


def test_the_same_gold_items_convert_to_the_same_record(converted):
    text = converted["text"]
    start = text.index("baby")
    gold_item = {"id": "e900", "start": start, "end": start + 4, "text": "baby", "label": "PERSON"}
    once = _convert(_with_gold_entities(converted, [gold_item]))
    assert _convert(once) == once  # convert is stable: its own output converts to itself


def test_a_gold_mention_takes_its_span_from_the_automatic_clusters():
    gold_cluster = {"id": "c7", "mentions": [{"id": "m7", "start": 0, "end": 4, "text": "Baby", "kind": "name"}]}
    fresh_clusters = [
        {"id": "c1", "mentions": [{"id": "m1", "start": 0, "end": 4, "text": "Baby", "kind": "name"}]},
        {
            "id": "c2",
            "mentions": [
                {"id": "m2", "start": 0, "end": 4, "text": "Baby", "kind": "name"},
                {"id": "m3", "start": 10, "end": 12, "text": "it", "kind": "pronoun"},
            ],
        },
    ]
    kept = layer_of([gold_cluster], PERSON)
    merged = merge_around_gold("coreference", kept, layer_of(fresh_clusters, TOOL))
    assert [c["id"] for c in merged["items"]] == ["c7", "c8"]  # c1 lost its only mention; c2 renumbered after c7
    assert merged["items"][0] == {**gold_cluster, "provenance": 0, "gold": True}
    assert [m["id"] for m in merged["items"][1]["mentions"]] == ["m8"]  # the duplicate span went, ids after m7
    assert merged["provenance"] == [PERSON, TOOL]


def test_a_complete_layer_is_not_touched():
    kept = layer_of([{"id": "t1", "start": 0, "end": 4, "text": "2020", "type": "DATE", "value": "2020"}], PERSON)
    kept["complete"] = True
    fresh = layer_of([{"id": "t1", "start": 5, "end": 9, "text": "2021", "type": "DATE", "value": "2021"}], TOOL)
    assert merge_around_gold("timex", kept, fresh) is kept


def test_an_automatic_link_of_an_entity_with_a_gold_link_goes():
    def link(number: int, entity: str, qid: str | None) -> dict[str, Any]:
        return {"id": f"l{number}", "entity": entity, "qid": qid, "note": "n"}

    kept = layer_of([link(4, "e1", None)], PERSON)
    fresh = layer_of([link(1, "e1", "Q159"), link(2, "e2", "Q7747")], TOOL)
    merged = merge_around_gold("entity_links", kept, fresh)
    assert [(item["id"], item["entity"], item["qid"], item["gold"]) for item in merged["items"]] == [
        ("l4", "e1", None, True),
        ("l5", "e2", "Q7747", False),
    ]
    assert merged["provenance"] == [PERSON, TOOL]


def test_an_automatic_quotation_overlapping_a_gold_one_goes():
    def quote(number: int, start: int, end: int) -> dict[str, Any]:
        return {
            "id": f"q{number}",
            "type": "direct",
            "content": {"start": start, "end": end, "text": "x" * (end - start)},
            "cue": None,
            "source": None,
        }

    kept = layer_of([quote(1, 10, 20)], PERSON)
    merged = merge_around_gold("quotations", kept, layer_of([quote(1, 15, 30), quote(2, 40, 50)], TOOL))
    assert [(q["id"], q["gold"], q["content"]["start"]) for q in merged["items"]] == [
        ("q1", True, 10),
        ("q2", False, 40),
    ]


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12)


def _entities(spans: list[tuple[int, int]], prefix_number: int) -> list[dict[str, Any]]:
    return [
        {"id": f"e{prefix_number + n}", "start": s, "end": s + w, "text": "x" * w, "label": "ORG"}
        for n, (s, w) in enumerate(spans)
    ]


@settings(max_examples=200, deadline=None)
@given(gold_spans=_SPANS, auto_spans=_SPANS, first_gold=st.integers(1, 5))
def test_merging_keeps_every_gold_item_and_no_conflicting_automatic_one(gold_spans, auto_spans, first_gold):
    gold_items = _entities(gold_spans, first_gold)
    merged = merge_around_gold("entities", layer_of(gold_items, PERSON), layer_of(_entities(auto_spans, 1), TOOL))
    kept = [
        {k: v for k, v in item.items() if k not in ("provenance", "gold")} for item in merged["items"] if item["gold"]
    ]
    assert sorted(kept, key=lambda e: e["id"]) == sorted(gold_items, key=lambda e: e["id"])  # unchanged, all there
    automatic = [item for item in merged["items"] if not item["gold"]]
    assert not any(_overlaps(a, g) for a in automatic for g in gold_items)
    assert len(automatic) == sum(1 for a in _entities(auto_spans, 1) if not any(_overlaps(a, g) for g in gold_items))
    ids = [item["id"] for item in merged["items"]]
    assert len(ids) == len(set(ids))
    assert [item["start"] for item in merged["items"]] == sorted(item["start"] for item in merged["items"])
    for item in merged["items"]:
        assert merged["provenance"][item["provenance"]] == (PERSON if item["gold"] else TOOL)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda layer: layer.update(provenance={"kind": "gold"}),  # the list of entries became one object
        lambda layer: layer.pop("complete"),
        lambda layer: layer["items"][0].update(provenance=7),
        lambda layer: layer["items"][0].pop("start"),
        lambda layer: layer["items"].append("e99"),
    ],
    ids=["entries-not-a-list", "no-complete-flag", "entry-out-of-range", "item-without-start", "item-not-object"],
)
def test_gold_convert_cannot_read_is_refused_with_a_located_error(seed_record, spoil):
    seed_record["layers"]["entities"]["complete"] = False  # partly gold: its gold items are read to be kept
    spoil(seed_record["layers"]["entities"])
    with pytest.raises(UnusableInputError) as raised:
        kept_from(seed_record)
    assert raised.value.problem.code == "record.malformed-gold"
    assert "layers/entities" in str(raised.value.problem.file or raised.value)
    assert keeps_anything(seed_record)  # the index pass sends it to convert, which reports it


def test_a_complete_layer_is_kept_whole_even_when_malformed(seed_record):
    del seed_record["layers"]["coreference"]["items"][1]["id"]  # validate reports it (schema.required)
    assert kept_from(seed_record).layers["coreference"] is seed_record["layers"]["coreference"]


def test_a_malformed_layer_claiming_no_gold_is_simply_made_again(converted):
    previous = copy.deepcopy(converted)
    previous["layers"]["quotations"]["provenance"] = "garbage"
    assert "quotations" not in kept_from(previous).layers
    assert validate_record(_convert(previous)) == []
