"""The card's figures come from one pass over the records, merged across shards in any grouping."""

from __future__ import annotations

import copy

import pytest

from newscorpus.release.card import render_card
from newscorpus.release.folder import write_release_files
from newscorpus.release.shards import ShardLimits
from newscorpus.release.tally import CardTally, most_common
from newscorpus.views import VIEWS

ROWS = {view.name: view.rows for view in VIEWS}


def _variant(record, number, publisher, date, label):
    other = copy.deepcopy(record)
    other["id"] = f"{record['id'][:-4]}{number:04x}"
    other["source"]["publisher"] = publisher
    other["metadata"]["publication_date"]["value"] = date
    other["layers"]["entities"]["items"][0]["label"] = label
    return other


@pytest.fixture(scope="module")
def records(_seed_record):
    variants = [
        _variant(_seed_record, 1, "Another Publisher", "2019-01-02", "ORG"),
        _variant(_seed_record, 2, "Another Publisher", None, "GPE"),
        _variant(_seed_record, 3, "Third Press", "2021-12-31", "ORG"),
    ]
    return [_seed_record, *variants]


def _shape(tally: CardTally):
    return (
        tally.documents,
        tally.first_id,
        tally.layer_order,
        {
            name: (dict(layer.items_by_kind), dict(layer.documents_by_kind), layer.makers, layer.items)
            for name, layer in tally.layers.items()
        },
        {key: dict(counts) for key, counts in tally.labels.items()},
        tally.linked,
        tally.mentions,
        tally.languages,
        dict(tally.publishers),
        tally.first_date,
        tally.last_date,
        tally.undated,
        tally.words,
        dict(tally.parts),
        tally.open_documents,
        tally.attributions,
        {config: (example.document_id, example.row) for config, example in tally.examples.items()},
    )


def test_merged_tallies_equal_one_tally_of_all_records_in_any_grouping(records):
    whole = CardTally.of(records, ROWS)
    for groups in ([records[:1], records[1:]], [records[3:], records[:2], records[2:3]], [[r] for r in records]):
        merged = CardTally()
        for group in groups:
            merged.merge(CardTally.of(group, ROWS))
        assert _shape(merged) == _shape(whole)


def test_the_tally_counts_what_the_records_hold(records, seed_record):
    tally = CardTally.of(records, ROWS)
    layers = seed_record["layers"]
    assert tally.documents == 4
    assert tally.layers["tokens"].items == 4 * len(layers["tokens"]["starts"])
    assert tally.layers["entities"].items_by_kind["gold"] == 4 * len(layers["entities"]["items"])
    assert tally.linked == 4 * sum(1 for link in layers["entity_links"]["items"] if link["qid"])
    assert tally.mentions == 4 * sum(len(c["mentions"]) for c in layers["coreference"]["items"])
    assert (tally.first_date, tally.last_date) == ("2019-01-02", "2021-12-31")
    assert tally.publishers["Another Publisher"] == 2
    assert tally.undated == 1 and tally.words == 4 * len(seed_record["text"].split())
    assert tally.parts == {("The Moscow Times", ""): 1, ("Another Publisher", ""): 2, ("Third Press", ""): 1}
    assert tally.layers["entities"].documents_by_kind == {"gold": 4}
    smallest = min(r["id"] for r in records)
    assert tally.first_id == smallest and tally.examples["documents"].document_id == smallest


def test_ties_are_ordered_by_name_whatever_the_merge_order():
    assert most_common(CardTally.of([]).publishers) == []
    first, second = CardTally(), CardTally()
    first.publishers.update({"b": 1, "a": 1})
    second.publishers.update({"c": 2})
    first.merge(second)
    assert most_common(first.publishers) == [("c", 2), ("a", 1), ("b", 1)]


def _figures(card: str) -> str:
    """The card without what depends on the files (fingerprints, Arrow bytes): summary to splits, creation on."""
    return (
        card[card.index("## Dataset summary") : card.index("## Data splits")]
        + card[card.index("## Dataset creation") :]
    )


def test_the_card_figures_are_the_same_however_many_shards_the_release_has(records, tmp_path):
    one, many = tmp_path / "one", tmp_path / "many"
    one.mkdir(), many.mkdir()
    summary = write_release_files(records, one, limits=ShardLimits(documents=1_000, record_bytes=2**40))
    write_release_files(records, many, limits=ShardLimits(documents=1, record_bytes=2**40))
    card = (one / "README.md").read_text(encoding="utf-8")
    assert _figures(card) == _figures((many / "README.md").read_text(encoding="utf-8"))
    assert card == render_card(summary.configs, CardTally.of(records, ROWS))
    assert "| documents | 4 (0 openly licensed) |" in card
    assert "3 publisher(s), published 2019-01-02 to 2021-12-31 (3 dated document(s); 1 undated," in card
