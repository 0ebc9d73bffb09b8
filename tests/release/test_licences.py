"""Licences of a mixed corpus: the column in every config, the card's declaration, the attribution list."""

from __future__ import annotations

import copy
import hashlib
import json

import datasets
import pytest
import yaml
from huggingface_hub import DatasetCard

from newscorpus.licensing import OPEN_LICENSES, hub_license_id, is_open_license, needs_attribution
from newscorpus.record.provenance import auto as automatic
from newscorpus.record.provenance import with_provenance
from newscorpus.release.composition import ATTRIBUTION_FILE, automatic_layers, render_attribution
from newscorpus.release.croissant import CROISSANT_FILE
from newscorpus.release.folder import write_release_files
from newscorpus.release.tally import CardTally
from newscorpus.views import VIEWS

CC_BY_25 = "https://creativecommons.org/licenses/by/2.5/"
CHANGES = "Normalized (Unicode NFC, spaces, paragraph breaks) and annotated by newscorpus."


def publisher_text(record):
    """The seed as the schema has it: the publisher's text, no open licence."""
    record = copy.deepcopy(record)
    record["source"].update(license_id=None, license_url=None, attribution=None)
    return record


def wikinews_like(record, number, title, *, date="2019-03-0{}", auto=("entities",)):
    """A CC BY 2.5 document built from the seed: its own id, title and URL, some layers automatic."""
    other = publisher_text(record)
    other["id"] = f"wikinews-{number:03d}-{title.lower().replace(' ', '-')[:20]}"
    url = f"https://en.wikinews.org/wiki/{title.replace(' ', '_')}"
    other["source"].update(
        publisher="Wikinews",
        url=url,
        license_id="CC-BY-2.5",
        license_url=CC_BY_25,
        attribution={
            "title": title,
            "author": "Wikinews contributors",
            "url": url,
            "license": "CC-BY-2.5",
            "license_url": CC_BY_25,
            "changes": CHANGES,
        },
    )
    other["metadata"]["publication_date"]["value"] = date.format(number) if date else None
    for layer in auto:
        other["layers"][layer] = with_provenance(other["layers"][layer], automatic("newscorpus-test", "0"))
    return other


@pytest.fixture(scope="module")
def mixed(_seed_record):
    seed = publisher_text(_seed_record)
    return [
        seed,
        wikinews_like(_seed_record, 1, "Penguins pine for *pairings*"),
        wikinews_like(_seed_record, 2, "Second story", date=None),
        wikinews_like(_seed_record, 3, "Third story", auto=("entities", "quotations")),
    ]


@pytest.fixture(scope="module")
def release(mixed, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed-release")
    summary = write_release_files(mixed, folder)
    card = (folder / "README.md").read_text(encoding="utf-8")
    return folder, summary, card, yaml.safe_load(card.split("---")[1])


def _section(card: str, heading: str) -> str:
    start = card.index(heading)
    following = card.find("\n## ", start + len(heading))
    return card[start : following if following != -1 else len(card)]


def test_only_licences_in_the_table_count_as_open():
    assert is_open_license("CC-BY-2.5") and is_open_license("CC0-1.0")
    assert not is_open_license(None)
    assert not is_open_license("CC-BY-NC-4.0")  # not in the table: never treated as open
    assert needs_attribution("CC-BY-2.5") and not needs_attribution("CC0-1.0") and not needs_attribution(None)
    assert hub_license_id("CC-BY-2.5") == "cc-by-2.5" and hub_license_id(None) == "other"
    assert all(entry.url.startswith("https://creativecommons.org/") for entry in OPEN_LICENSES.values())


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.name)
def test_every_config_says_per_row_whether_its_text_is_open(view, mixed):
    assert view.features()["open_license"] == datasets.Value("bool")
    for record in mixed:
        rows = list(view.rows(record))
        assert rows, f"{view.name} gives no row for {record['id']}"
        assert {row["open_license"] for row in rows} == {is_open_license(record["source"]["license_id"])}
        if view.name != "documents":  # documents carries the id in source.license_id
            assert {row["license_id"] for row in rows} == {record["source"]["license_id"]}


def test_the_card_declares_every_licence_as_the_hub_reads_it(release):
    _, _, card, header = release
    assert header["license"] == ["cc-by-2.5", "cc-by-4.0", "other"]
    assert header["license_name"] == "publisher-copyright"
    assert DatasetCard(card).data.license == ["cc-by-2.5", "cc-by-4.0", "other"]
    assert "Wikinews: 3 document(s), text CC-BY-2.5" in header["license_details"]
    assert "The Moscow Times: 1 document(s), text publisher's copyright" in header["license_details"]


def test_an_all_open_corpus_declares_no_other_licence(_seed_record, tmp_path):
    write_release_files([wikinews_like(_seed_record, 1, "Only story")], tmp_path)
    header = yaml.safe_load((tmp_path / "README.md").read_text(encoding="utf-8").split("---")[1])
    assert header["license"] == ["cc-by-2.5", "cc-by-4.0"]
    assert "license_name" not in header


def test_licensing_section_gives_each_part_with_its_count(release):
    licensing = _section(release[2], "## Licensing")
    assert f"| Wikinews | 3 | CC-BY-2.5 | <{CC_BY_25}> |" in licensing
    assert "| The Moscow Times | 1 | publisher's copyright (not openly licensed) | - |" in licensing
    assert "3 of 4 documents are openly licensed" in licensing
    assert "CC-BY-4.0 (<https://creativecommons.org/licenses/by/4.0/>) for all\n4 documents" in licensing
    assert ATTRIBUTION_FILE in licensing


def test_source_data_counts_publishers_dates_and_undated_documents(release):
    card = release[2]
    assert (
        "2 publisher(s), published 2019-03-01 to 2020-08-15 (3 dated document(s); 1 undated, "
        "their publication date not established). Wikinews: 3 article(s); The Moscow Times: 1 article(s)."
    ) in " ".join(card.split())


def test_limitations_name_every_automatic_layer_the_data_holds(release, mixed):
    limitations = " ".join(_section(release[2], "**Limitations.**").split())
    tally = CardTally.of(mixed)
    named = automatic_layers(tally)
    assert "entities (3 of 4)" in named and "quotations (1 of 4)" in named
    assert "paragraphs (every document)" in named and "tokens (every document)" in named
    assert "coreference" not in " ".join(named)  # gold everywhere in these records
    assert f"{', '.join(named)}." in limitations


def test_summary_counts_words_and_open_documents(release, mixed):
    words = sum(len(record["text"].split()) for record in mixed)
    assert f"| words | {words} |" in release[2]
    assert "| documents | 4 (3 openly licensed) |" in release[2]
    assert "| publishers | 2 (Wikinews 3, The Moscow Times 1) |" in release[2]
    assert "| publication dates | 2019-03-01 to 2020-08-15; 1 document(s) undated |" in release[2]


def test_attribution_list_names_every_cc_by_article_and_is_checksummed(release, mixed):
    folder, summary, _, _ = release
    text = (folder / ATTRIBUTION_FILE).read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(entries) == 3
    assert r"**Penguins pine for \*pairings\***" in entries[0]  # Markdown in a title shows as written
    for record, entry in zip(mixed[1:], entries, strict=True):
        attribution = record["source"]["attribution"]
        assert f"<{attribution['url']}>" in entry and "Wikinews contributors" in entry
        assert f"[CC-BY-2.5]({CC_BY_25})" in entry and CHANGES in entry and record["id"] in entry
    assert "Moscow" not in text
    sums = dict(line.split("  ")[::-1] for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert sums[ATTRIBUTION_FILE] == hashlib.sha256((folder / ATTRIBUTION_FILE).read_bytes()).hexdigest()
    assert ATTRIBUTION_FILE in summary.files


def test_croissant_lists_the_attribution_file_and_every_licence(release):
    folder = release[0]
    metadata = json.loads((folder / CROISSANT_FILE).read_text(encoding="utf-8"))
    files = {item["@id"]: item for item in metadata["distribution"]}
    assert files[ATTRIBUTION_FILE]["sha256"] == hashlib.sha256((folder / ATTRIBUTION_FILE).read_bytes()).hexdigest()
    urls = [item for item in metadata["license"] if isinstance(item, str)]
    assert urls == ["https://creativecommons.org/licenses/by/4.0/", CC_BY_25]
    assert any(
        "1 document(s) hold text that belongs to its publisher" in item.get("description", "")
        for item in metadata["license"]
        if isinstance(item, dict)
    )


def test_attribution_is_the_same_whatever_order_the_shards_were_merged(mixed):
    whole = CardTally.of(mixed)
    merged = CardTally()
    for record in reversed(mixed):
        merged.merge(CardTally.of([record]))
    assert render_attribution(merged) == render_attribution(whole)


@pytest.mark.parametrize("config", ["documents", "ner", "quotes", "coref"])
def test_the_readme_one_liner_keeps_only_the_open_documents(release, mixed, config, tmp_path):
    rows = datasets.load_dataset(str(release[0]), config, cache_dir=str(tmp_path))
    kept = {split: dataset.filter(lambda row: row["open_license"]) for split, dataset in rows.items()}
    key = "id" if config == "documents" else "document_id"
    kept_ids = {document for dataset in kept.values() for document in dataset[key]}
    assert kept_ids == {record["id"] for record in mixed if is_open_license(record["source"]["license_id"])}


def test_article_pages_show_the_licence_and_the_attribution_cc_by_asks_for(mixed):
    from newscorpus.viewer.page import render_document, render_index

    seed, wikinews = mixed[0], mixed[1]
    page = render_document(wikinews)
    assert f'text <a href="{CC_BY_25}">CC-BY-2.5</a>' in page
    assert "by Wikinews contributors, licensed under" in page and CHANGES in page
    assert wikinews["source"]["attribution"]["url"] in page
    closed = render_document(seed)
    assert "text © its publisher, not openly licensed" in closed and "licensed under" not in closed
    index = render_index(mixed)
    assert index.count("<td>CC-BY-2.5</td>") == 3 and index.count("<td>publisher</td>") == 1
    assert "<td>undated</td>" in index


def test_stats_count_publishers_licences_and_dates(mixed):
    from newscorpus.stats.counts import count_corpus, render_counts

    counted = count_corpus(mixed)
    assert counted.publishers == {"Wikinews": 3, "The Moscow Times": 1}
    assert counted.licences == {"CC-BY-2.5": 3, "publisher's copyright (not openly licensed)": 1}
    assert counted.date_range == ("2019-03-01", "2020-08-15")
    assert counted.dates == {"2019": 2, "2020": 1, "undated": 1}
    shown = render_counts(counted)
    assert "publishers: Wikinews 3, The Moscow Times 1" in shown
    assert "publication dates: 2019-03-01 to 2020-08-15; by year: 2019 2, 2020 1, undated 1" in shown
    assert f"{sum(len(r['text'].split()) for r in mixed)} words" in shown


def test_the_readme_gold_one_liner_keeps_only_complete_gold_sentences(release, mixed, tmp_path):
    rows = datasets.load_dataset(str(release[0]), "ner", cache_dir=str(tmp_path))
    kept = {split: dataset.filter(lambda row: row["sentence_gold"]) for split, dataset in rows.items()}
    kept_ids = {document for dataset in kept.values() for document in dataset["document_id"]}
    assert kept_ids == {record["id"] for record in mixed if record["layers"]["entities"]["complete"]}
    assert kept_ids and len(kept_ids) < len(mixed)  # the seed is gold, the documents made automatic are not


def test_the_card_counts_gold_and_automatic_items_per_layer_and_type(release, mixed):
    card = release[2]
    gold = sum(1 for record in mixed for e in record["layers"]["entities"]["items"] if e["gold"])
    automatic = sum(1 for record in mixed for e in record["layers"]["entities"]["items"] if not e["gold"])
    assert f"| entities | {gold} (" in card and f"| {automatic} (" in card
    persons = [e for record in mixed for e in record["layers"]["entities"]["items"] if e["label"] == "PERSON"]
    gold_persons = sum(1 for e in persons if e["gold"])
    assert f"| entities | label PERSON | {gold_persons} | {len(persons) - gold_persons} |" in card
