"""The dataset card is generated from the data; documentation, citation and version agree with it."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
import yaml
from datasets import List

from newscorpus import __version__
from newscorpus.release.card import (
    CITATION_AUTHOR,
    CITATION_TITLE,
    example_json,
    example_row,
    render_card,
    truncate_example,
)
from newscorpus.release.folder import write_release_files
from newscorpus.release.tally import CardTally
from newscorpus.views import VIEWS

SECTIONS = (
    "## Dataset summary",
    "## Languages",
    "## Dataset structure",
    "## Data splits",
    "## Dataset creation",
    "## Considerations for using the data",
    "## Licensing",
    "## Citation",
)


def _tally(records):
    return CardTally.of(records, {view.name: view.rows for view in VIEWS})


@pytest.fixture(scope="module")
def built(tmp_path_factory, _seed_record):
    folder = tmp_path_factory.mktemp("release")
    summary = write_release_files([_seed_record], folder)
    return summary, (folder / "README.md").read_text(encoding="utf-8")


def _section(card: str, heading: str) -> str:
    start = card.index(heading)
    following = card.find("\n#", start + len(heading))
    return card[start : following if following != -1 else len(card)]


def test_card_has_the_sections_hub_users_expect_in_order(built):
    card = built[1]
    positions = [card.index(f"\n{heading}\n") for heading in SECTIONS]
    assert positions == sorted(positions)


def test_each_config_description_keeps_its_content_fingerprint(built):
    summary, card = built
    header = yaml.safe_load(card.split("---")[1])
    for config in header["configs"]:
        fingerprint = summary.configs[config["config_name"]].fingerprint
        assert len(fingerprint) == 16
        assert config["description"].endswith(f"(content {fingerprint})")


def test_each_config_shows_its_first_real_row_as_json(built, seed_record):
    summary, card = built
    tokens = seed_record["layers"]["tokens"]
    text, spans = seed_record["text"], list(zip(tokens["starts"], tokens["ends"], strict=True))
    first_sentence_end = seed_record["layers"]["sentences"]["ends"][0]
    for name, config in summary.configs.items():
        block = _section(card, f"### `{name}`").split("```json\n")[1].split("\n```")[0]
        shown = json.loads(block)
        row = example_row(name, config.features, _tally([seed_record]))
        assert shown == truncate_example(row)
        assert shown.get("document_id", shown.get("id")) == seed_record["id"]
    ner = json.loads(_section(card, "### `ner`").split("```json\n")[1].split("\n```")[0])
    headline_tokens = [text[s:e] for s, e in spans if e <= first_sentence_end]
    assert ner["tokens"][:3] == headline_tokens[:3]


def test_long_values_are_cut_saying_how_much_and_short_ones_kept():
    long_text, numbers = "x" * 1000, list(range(50))
    cut = truncate_example({"text": long_text, "starts": numbers, "items": [{"a": 1}] * 9, "short": "ok"})
    assert cut["text"].startswith("x" * 100) and "[1000 characters]" in cut["text"] and len(cut["text"]) < 200
    assert cut["starts"][:8] == numbers[:8] and "50 in all" in cut["starts"][-1]
    assert len(cut["items"]) == 3 and "9 in all" in cut["items"][-1]
    assert cut["short"] == "ok"
    assert json.loads(example_json(cut)) == cut


def _leaf_paths(feature, path=()):
    inner = feature
    while isinstance(inner, List):
        inner = inner.feature
    if isinstance(inner, dict):
        return [p for key, child in inner.items() for p in _leaf_paths(child, (*path, key))]
    return [path]


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_every_field_is_listed_with_a_meaning(built, view):
    section = _section(built[1], f"### `{view.name}`")
    rows = {m.group(1): m.group(2).strip() for m in re.finditer(r"^\| `([^`]+)` \| [^|]+ \|(.*)\|$", section, re.M)}
    for path in _leaf_paths(dict(view.features())):
        name = ".".join(path)
        assert name in rows, name
        assert len(rows[name]) > 5, f"{name} has no meaning"


def test_class_label_names_are_spelled_out(built):
    section = _section(built[1], "### `ner`")
    assert "0 O, 1 B-PERSON, 2 I-PERSON" in section


def test_summary_figures_are_counted_from_the_records(built, seed_record):
    summary = _section(built[1], "## Dataset summary")
    layers = seed_record["layers"]
    mentions = sum(len(c["mentions"]) for c in layers["coreference"]["items"])
    assert f"| tokens | {len(layers['tokens']['starts'])} |" in summary
    assert f"| entities | {len(layers['entities']['items'])} (" in summary
    assert f"| coreference | {len(layers['coreference']['items'])} clusters, {mentions} mentions |" in summary
    assert f"| quotations | {len(layers['quotations']['items'])} (" in summary


def test_a_second_document_changes_the_figures(seed_record, built):
    other = json.loads(json.dumps(seed_record))
    other["id"] = "another-article"
    other["source"]["publisher"] = "Another Publisher"
    card = render_card(built[0].configs, _tally([seed_record, other]))
    assert "| documents | 2 (0 openly licensed) |" in card
    assert "2 publisher(s)" in card


def test_card_names_no_local_paths(built):
    assert not re.search(r"(/tmp/|/work/|/home/|[A-Z]:\\)", built[1])


def test_card_cites_the_release_as_citation_cff_does(built, repo_root):
    citation = yaml.safe_load((repo_root / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["title"] == CITATION_TITLE
    assert citation["version"] == __version__
    assert citation["authors"] == [{"name": CITATION_AUTHOR}]
    cited = _section(built[1], "## Citation")
    assert CITATION_TITLE in cited and f"version      = {{{__version__}}}" in cited


def test_versions_agree_across_package_changelog_and_citation(repo_root):
    pyproject = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))
    changelog = (repo_root / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\]", changelog, re.M)
    assert pyproject["project"]["version"] == __version__ == released[0]
    assert "bump" in (repo_root / "docs" / "versioning.md").read_text(encoding="utf-8").lower()


def test_licence_files_hold_the_licences_the_card_declares(repo_root):
    code = (repo_root / "LICENSE").read_text(encoding="utf-8")
    annotations = (repo_root / "LICENSE-ANNOTATIONS").read_text(encoding="utf-8")
    assert "Apache License" in code and "Version 2.0, January 2004" in code and "END OF TERMS AND CONDITIONS" in code
    assert "Creative Commons Attribution 4.0 International Public License" in annotations
    assert "Section 8 -- Interpretation." in annotations
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in annotations


def test_datasheet_figures_are_the_seed_record(repo_root, seed_record):
    datasheet = (repo_root / "DATASHEET.md").read_text(encoding="utf-8")
    layers = seed_record["layers"]
    mentions = sum(len(c["mentions"]) for c in layers["coreference"]["items"])
    expected = [
        f"{len(seed_record['text']):,} characters",
        f"{len(layers['sentences']['starts'])} sentences",
        f"{len(layers['tokens']['starts'])} tokens",
        f"{len(layers['entities']['items'])} entities",
        f"{len(layers['entity_links']['items'])} entity links",
        f"{len(layers['coreference']['items'])} coreference clusters with {mentions} mentions",
        f"{len(layers['quotations']['items'])} attributions",
        f"{len(layers['timex']['items'])} temporal expressions",
    ]
    for phrase in expected:
        assert phrase in datasheet, phrase


def test_datasheet_reports_the_review_agreement_of_the_guidelines(repo_root):
    guidelines = (repo_root / "docs" / "guidelines.md").read_text(encoding="utf-8")
    review = guidelines[guidelines.index("### Independent review") :]
    datasheet = (repo_root / "DATASHEET.md").read_text(encoding="utf-8")
    figures = re.findall(r"\b(\d+/\d+)\b", review.split("* How to read this")[0])
    assert figures
    for figure in figures:
        assert figure in datasheet, figure
    for heading in ("## Motivation", "## Composition", "## Collection process", "## Uses", "## Distribution"):
        assert heading in datasheet
    assert "## Preprocessing" in datasheet and "## Maintenance" in datasheet


def test_datasheet_composition_is_the_committed_corpus(repo_root):
    """The datasheet's table of parts gives the corpus's articles per publisher and year, as the records have them."""
    from collections import Counter

    datasheet = " ".join((repo_root / "DATASHEET.md").read_text(encoding="utf-8").split())
    records = [
        json.loads(path.read_text(encoding="utf-8")) for path in (repo_root / "corpus" / "records").glob("*.json")
    ]
    publishers = Counter(record["source"]["publisher"] for record in records)
    years = Counter(
        (record["metadata"]["publication_date"]["value"] or "undated")[:4]
        for record in records
        if record["source"]["publisher"] == "Wikinews"
    )
    assert f"stands in the next release: {len(records)} English news articles" in datasheet
    assert (
        f"| English Wikinews | {publishers['Wikinews']} ({years['2019']} of 2019, {years['2020']} of 2020) |"
        in datasheet
    )
    assert f"| The Moscow Times | {publishers['The Moscow Times']} |" in datasheet
    assert set(publishers) == {"Wikinews", "The Moscow Times"}
