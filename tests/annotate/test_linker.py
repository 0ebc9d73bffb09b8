"""The knowledge base (built from gold, loaded, checked) and the precision-first entity linker."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newscorpus.annotate.kb_from_gold import build_knowledge_base
from newscorpus.annotate.knowledge_base import (
    SHIPPED_KB,
    KnowledgeBase,
    kb_bytes,
    load_knowledge_base,
    normalise_name,
    version_of,
)
from newscorpus.annotate.linker import TOOL, EntityLinker
from newscorpus.annotate.ner_training import train_model
from newscorpus.annotate.runner import AnnotateSettings, Annotators
from newscorpus.licensing import is_open_license
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.provenance import gold
from newscorpus.release.splits import split_of
from newscorpus.validate import validate_record

GOLD = gold(["annotator A (pass A)"], "2026-12-01")


def gold_record(document_id: str, links: list[tuple[str, str, str | None]]) -> dict[str, Any]:
    """A record whose gold entities are ``(text, label, qid)`` and whose gold links give those QIDs."""
    entities, items = [], []
    for number, (text, label, qid) in enumerate(links, start=1):
        entities.append({"id": f"e{number}", "start": number, "end": number + 1, "text": text, "label": label})
        note = f"confirmed: a table pairing {qid} with {text}" if qid else "null: not confirmed"
        items.append(
            {"id": f"l{number}", "entity": f"e{number}", "qid": qid, "note": note, "provenance": 0, "gold": True}
        )
    return {
        "id": document_id,
        "layers": {
            "entities": {"provenance": [GOLD], "complete": True, "items": entities},
            "entity_links": {"provenance": [GOLD], "complete": True, "items": items},
        },
    }


def knowledge_base(records: list[dict[str, Any]]) -> KnowledgeBase:
    document = build_knowledge_base(records)
    return KnowledgeBase.from_document(document, version_of(kb_bytes(document)))


def entity(number: int, text: str, label: str) -> dict[str, Any]:
    return {"id": f"e{number}", "start": number * 10, "end": number * 10 + len(text), "text": text, "label": label}


def qids_of(links: list[dict[str, Any]]) -> dict[str, str]:
    return {link["entity"]: link["qid"] for link in links}


CORPUS = [
    gold_record(
        "doc-a", [("Vladimir Putin", "PERSON", "Q7747"), ("Russia", "GPE", "Q159"), ("Putin", "PERSON", "Q7747")]
    ),
    gold_record(
        "doc-b", [("Russia", "GPE", "Q159"), ("Georgia", "GPE", "Q230"), ("World Health Organization", "ORG", "Q7817")]
    ),
    gold_record("doc-c", [("Georgia", "GPE", "Q1428"), ("Wikinews", "ORG", None), ("Belarus", "GPE", None)]),
    gold_record("doc-d", [("Wikinews", "ORG", "Q964"), ("Congress", "ORG", "Q11268")]),
    gold_record("doc-e", [("Wikinews", "ORG", None), ("Johnson", "PERSON", "Q180589")]),
]


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("the United States", "united states"),
        ("The U.S.'s", "us"),
        ("US", "us"),
        ("Zürich", "zurich"),
        ("Putin\u2019s", "putin"),
        ("  New   York ", "new york"),
        ("Brothers'", "brothers"),
    ],
)
def test_names_are_compared_without_case_the_diacritics_possessive_or_full_stops(written, normalised):
    assert normalise_name(written) == normalised


def test_the_knowledge_base_keeps_confirmed_qids_with_labels_types_documents_and_evidence():
    document = build_knowledge_base(CORPUS, gazetteer=None)
    entries = {entry["qid"]: entry for entry in document["entries"]}
    assert sorted(entries, key=lambda q: int(q[1:])) == [e["qid"] for e in document["entries"]]
    russia = entries["Q159"]
    assert russia["documents"] == 2 and russia["types"] == ["GPE"]
    assert [e["record"] for e in russia["evidence"]] == ["doc-a", "doc-b"]
    assert russia["evidence"][0]["note"].startswith("confirmed:")
    assert russia["evidence"][0]["annotators"] == ["annotator A (pass A)"]
    putin = entries["Q7747"]
    assert {label["text"] for label in putin["labels"]} == {"Vladimir Putin", "Putin"}
    # Null links give no entry, but count against the same name where it has one.
    assert "Belarus" not in json.dumps(document["entries"])
    (wikinews,) = entries["Q964"]["labels"]
    assert (wikinews["documents"], wikinews["null_documents"]) == (1, 2)
    assert document["built_from"] == {"documents": 5, "records": ["doc-a", "doc-b", "doc-c", "doc-d", "doc-e"]}


def test_the_knowledge_base_is_the_same_bytes_whatever_the_order_of_records():
    assert kb_bytes(build_knowledge_base(CORPUS)) == kb_bytes(build_knowledge_base(list(reversed(CORPUS))))


def test_gazetteer_names_are_marked_only_where_gold_attests_them():
    document = build_knowledge_base(CORPUS)
    labels = {label["text"]: label["gazetteer"] for entry in document["entries"] for label in entry["labels"]}
    assert labels["Russia"] is True and labels["Vladimir Putin"] is False
    assert "Belarus" not in labels  # in the gazetteer, but gold confirmed no QID for it


def test_a_name_is_linked_when_its_name_and_type_point_at_one_qid():
    linker = EntityLinker(knowledge_base(CORPUS))
    links = linker.link([entity(1, "the Russia", "GPE"), entity(3, "World Health Organization", "ORG")])
    assert qids_of(links) == {"e1": "Q159", "e3": "Q7817"}
    assert links[0]["note"].startswith("auto: knowledge base;") and linker.knowledge_base.version in links[0]["note"]
    assert linker.link([entity(2, "Russia", "ORG")]) == []  # "Russia" as an ORG is another referent


def test_a_name_the_document_gives_two_types_is_linked_under_neither():
    linker = EntityLinker(knowledge_base(CORPUS))
    entities = [entity(1, "Russia", "GPE"), entity(2, "Russia's", "ORG"), entity(3, "Belarus", "GPE")]
    assert linker.link(entities) == []  # which type, and so which QID, is in doubt
    assert qids_of(linker.link(entities[:1])) == {"e1": "Q159"}


def test_an_ambiguous_name_a_name_gold_mostly_left_null_and_dates_stay_unlinked():
    linker = EntityLinker(knowledge_base(CORPUS))
    links = linker.link([entity(1, "Georgia", "GPE"), entity(2, "Wikinews", "ORG"), entity(3, "Russia", "DATE")])
    assert links == []


def test_a_surname_is_linked_only_through_a_full_name_in_the_same_document():
    linker = EntityLinker(knowledge_base(CORPUS))
    assert linker.link([entity(1, "Putin", "PERSON"), entity(2, "Johnson", "PERSON")]) == []
    links = linker.link(
        [entity(1, "Vladimir Putin", "PERSON"), entity(2, "Putin", "PERSON"), entity(3, "Putin's", "PERSON")]
    )
    assert qids_of(links) == {"e1": "Q7747", "e2": "Q7747", "e3": "Q7747"}
    assert links[1]["note"].startswith("auto: the same name in the document")


def test_a_generic_institution_name_is_linked_only_through_a_specific_name_of_the_document():
    records = [
        gold_record("x", [("Supreme Court", "ORG", "Q11201"), ("Supreme Court of the United States", "ORG", "Q11201")])
    ]
    linker = EntityLinker(knowledge_base(records))
    assert linker.link([entity(1, "the Supreme Court", "ORG")]) == []  # of which country?
    specific = entity(1, "Supreme Court of the United States", "ORG")
    cluster = {"mentions": [{"entity": "e1"}, {"entity": "e2"}]}
    links = linker.link([specific, entity(2, "Supreme Court", "ORG")], [cluster])
    assert qids_of(links) == {"e1": "Q11201", "e2": "Q11201"}


def test_a_surname_shared_by_two_linked_people_stays_unlinked():
    records = [gold_record("x", [("Ann Smith", "PERSON", "Q11"), ("Bob Smith", "PERSON", "Q12")])]
    links = EntityLinker(knowledge_base(records)).link(
        [entity(1, "Ann Smith", "PERSON"), entity(2, "Bob Smith", "PERSON"), entity(3, "Smith", "PERSON")]
    )
    assert qids_of(links) == {"e1": "Q11", "e2": "Q12"}


def test_an_acronym_takes_the_qid_of_the_linked_name_it_abbreviates():
    linker = EntityLinker(knowledge_base(CORPUS))
    links = linker.link([entity(1, "World Health Organization", "ORG"), entity(2, "WHO", "ORG")])
    assert qids_of(links) == {"e1": "Q7817", "e2": "Q7817"}
    assert linker.link([entity(2, "WHO", "ORG")]) == []


def test_coreference_gives_a_shorter_name_the_qid_of_its_cluster_never_a_longer_one():
    records = [gold_record("x", [("European Union", "ORG", "Q458")])]
    linker = EntityLinker(knowledge_base(records))
    entities = [
        entity(1, "European Union", "ORG"),
        entity(2, "Union", "ORG"),
        entity(3, "European Union Council", "ORG"),
    ]
    cluster = {"mentions": [{"entity": "e1"}, {"entity": "e2"}, {"entity": "e3"}, {"entity": None}]}
    links = linker.link(entities, [cluster])
    assert qids_of(links) == {"e1": "Q458", "e2": "Q458"}
    assert links[1]["note"].startswith("auto: coreference")


def entities_in(text: str, names: list[tuple[str, str, int]]) -> list[dict[str, Any]]:
    """Entity items for ``(phrase, label, occurrence)``: the phrase's occurrence-th place in ``text`` (from 0)."""
    items = []
    for number, (phrase, label, occurrence) in enumerate(names, start=1):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        items.append({"id": f"e{number}", "start": start, "end": start + len(phrase), "text": phrase, "label": label})
    return items


def test_a_mention_inside_a_larger_capitalised_run_is_not_linked():
    linker = EntityLinker(knowledge_base(CORPUS))
    text = (
        "Fans met at the Russia Congress Centre on Sunday. Sustainable Russia is a party. "
        "Trade at the Russia\u2013Belarus border fell. Officials in Russia said so."
    )
    entities = entities_in(text, [("Russia", "GPE", 0), ("Russia", "GPE", 1), ("Russia", "GPE", 2)])
    entities += entities_in(text, [("Belarus", "GPE", 0), ("Russia", "GPE", 3)])
    entities = [{**item, "id": f"e{number}"} for number, item in enumerate(entities, start=1)]
    # "Sustainable" opens its sentence and is still no title or function word: the party's name was cut.
    assert qids_of(linker.link(entities, text=text)) == {"e5": "Q159"}
    # Without the text (as before) every mention is linked.
    assert set(qids_of(linker.link(entities))) == {"e1", "e2", "e3", "e5"}


def test_titles_function_words_sentence_ends_possessives_and_a_modified_person_leave_a_mention_linked():
    linker = EntityLinker(knowledge_base(CORPUS))
    text = (
        "Russia President Vladimir Putin spoke. In Russia, it rained. Officials left Russia. Putin stayed. "
        "Russia's Vladimir Putin and Russian Vladimir Putin came."
    )
    names = [("Russia", "GPE", 0), ("Vladimir Putin", "PERSON", 0), ("Russia", "GPE", 1), ("Russia", "GPE", 2)]
    names += [("Putin", "PERSON", 1), ("Russia", "GPE", 3), ("Vladimir Putin", "PERSON", 1)]
    names += [("Russian", "NORP", 0), ("Vladimir Putin", "PERSON", 2)]
    entities = entities_in(text, names)
    links = qids_of(linker.link(entities, text=text))
    assert links == {f"e{n}": "Q7747" if n in (2, 5, 7, 9) else "Q159" for n in (1, 2, 3, 4, 5, 6, 7, 9)}


def test_a_capitalised_neighbour_in_a_title_case_headline_says_nothing():
    linker = EntityLinker(knowledge_base(CORPUS))
    text = "Russia Congress Centre Hosts Annual Fan Meeting\n\nFans gathered at the Russia Congress Centre."
    entities = entities_in(text, [("Russia", "GPE", 0), ("Russia", "GPE", 1)])
    assert qids_of(linker.link(entities, text=text)) == {"e1": "Q159"}


def test_the_layer_is_automatic_and_its_provenance_names_the_knowledge_base():
    linker = EntityLinker(knowledge_base(CORPUS))
    layer = linker.layer([entity(1, "Russia", "GPE")])
    (entry,) = layer["provenance"]
    assert entry["kind"] == "auto" and entry["tool"] == TOOL
    assert entry["version"].endswith("+" + linker.knowledge_base.version)
    assert layer["items"][0]["gold"] is False and layer["complete"] is False


def test_the_shipped_knowledge_base_loads_and_its_version_is_a_hash_of_its_bytes():
    shipped = load_knowledge_base()
    assert shipped.version == version_of(SHIPPED_KB.read_bytes())
    assert shipped.entries and all(entry["evidence"] for entry in shipped.entries.values())


def _write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), "not a knowledge base"),
        (lambda d: d["entries"][0].update(qid="q42"), "is not a QID"),
        (lambda d: d["entries"][0].update(evidence=[]), "has no evidence"),
        (lambda d: d["entries"][0]["labels"][0].update(type="DATE"), "not a linkable type"),
        (lambda d: d["entries"].append(dict(d["entries"][0])), "listed twice"),
    ],
)
def test_a_bad_knowledge_base_is_refused_with_kb_invalid(tmp_path, change, message):
    document = build_knowledge_base(CORPUS)
    change(document)
    with pytest.raises(UnusableInputError) as caught:
        load_knowledge_base(_write(tmp_path, document))
    assert caught.value.code == "kb.invalid" and message in caught.value.problem.message


def test_an_unreadable_knowledge_base_is_refused_with_kb_invalid(tmp_path):
    path = tmp_path / "kb.json"
    path.write_bytes(b"\xff\xfe not json")
    with pytest.raises(UnusableInputError) as caught:
        load_knowledge_base(path)
    assert caught.value.code == "kb.invalid"
    with pytest.raises(UnusableInputError):
        load_knowledge_base(tmp_path / "missing.json")


def test_annotating_a_record_links_its_entities_with_the_shipped_knowledge_base_and_it_validates(seed_record):
    annotators = Annotators.for_corpus([], AnnotateSettings(ner_model="rules"))
    predicted = annotators.annotate_record(seed_record, keep_gold=False)
    layer = predicted["layers"]["entity_links"]
    assert layer["items"] and layer["provenance"][0]["tool"] == TOOL
    entities = {e["id"]: e for e in predicted["layers"]["entities"]["items"]}
    types_of = {entry["qid"]: set(entry["types"]) for entry in SHIPPED_ENTRIES}
    for link in layer["items"]:
        assert entities[link["entity"]]["label"] in types_of[link["qid"]]  # a QID of the KB, for its type
    assert validate_record(predicted) == []


def test_convert_keeps_a_complete_gold_link_layer(seed_record):
    annotators = Annotators.for_corpus([], AnnotateSettings(ner_model="rules"))
    kept = annotators.annotate_record(seed_record)
    assert kept["layers"]["entity_links"] == seed_record["layers"]["entity_links"]


SHIPPED_ENTRIES = json.loads(SHIPPED_KB.read_text(encoding="utf-8"))["entries"]


def test_the_shipped_knowledge_base_is_what_the_development_gold_gives(repo_root):
    script = repo_root / "scripts" / "build_kb.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_shipped_knowledge_base_never_reads_the_test_split_or_closed_text(repo_root):
    built_from = json.loads(SHIPPED_KB.read_text(encoding="utf-8"))["built_from"]["records"]
    assert built_from and not [document_id for document_id in built_from if split_of(document_id) == "test"]
    for document_id in built_from:
        record = json.loads((repo_root / "corpus" / "records" / f"{document_id}.json").read_text(encoding="utf-8"))
        assert is_open_license(record["source"]["license_id"])


def test_bench_links_trains_a_fold_model_once_and_reuses_it(repo_root, tmp_path, monkeypatch, seed_record):
    monkeypatch.syspath_prepend(str(repo_root / "scripts"))
    bench_links = importlib.import_module("bench_links")
    trained: list[Path] = []

    def train_small(records: list[dict[str, Any]], folder: Path) -> Path:
        trained.append(folder)
        return train_model(records, folder, {"max_iterations": 5})

    monkeypatch.setattr(bench_links, "train_model", train_small)
    first = bench_links.cached_model([seed_record], tmp_path)
    again = bench_links.cached_model([seed_record], tmp_path)
    assert len(trained) == 1 and again.version == first.version
    assert not list(tmp_path.glob("*.partial"))
    changed = {**seed_record, "text": seed_record["text"] + " "}
    assert bench_links.fold_model_key([changed]) != bench_links.fold_model_key([seed_record])


def test_a_name_beside_another_entity_is_linked_unless_a_dash_joins_them():
    linker = EntityLinker(knowledge_base(CORPUS))
    text = "He joined the Russia Libertarian Party in May, then crossed the Russia-Belarus border."
    entities = entities_in(text, [("Russia", "GPE", 0), ("Libertarian Party", "ORG", 0), ("Russia", "GPE", 1)])
    entities += [{**entities_in(text, [("Belarus", "GPE", 0)])[0], "id": "e4"}]
    assert qids_of(linker.link(entities, text=text)) == {"e1": "Q159"}
