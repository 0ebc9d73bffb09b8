"""Agreement of two passes: each figure moves with exactly the disagreement made, and sums over documents."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from newscorpus.cli import main
from newscorpus.gold.agreement import agreement, document_counts, half_overlaps, summarize
from newscorpus.gold.passfile import GoldLayout, PassFile
from newscorpus.gold.table import render_agreement_file

ALL = ("entities", "entity_links", "coreference", "quotations", "timex")


def passes(data_a, data_b):
    return PassFile("a", data_a), PassFile("b", copy.deepcopy(data_b) if data_b is data_a else data_b)


def test_identical_passes_agree_on_everything(seed_record, make_pass):
    a = make_pass(seed_record, "A", ALL)
    micro = summarize(document_counts(*passes(a, a)))
    assert micro["entities"]["exact"]["f1"] == micro["timex"]["exact"]["f1"] == 1.0
    assert micro["entity_links"]["agreement"] == 1.0
    assert all(micro["coreference"][m]["f1"] == 1.0 for m in ("muc", "b3", "ceaf_e"))
    assert all(micro["quotations"][part]["exact"]["f1"] == 1.0 for part in ("content", "cue", "source"))
    assert micro["publication_date"]["agreement"] == 1.0


def test_a_relabel_costs_exact_match_not_span_match_and_shows_as_a_confusion(seed_record, make_pass):
    a = make_pass(seed_record, "A")
    b = copy.deepcopy(a)
    original = b["layers"]["entities"][0]["label"]
    b["layers"]["entities"][0]["label"] = "GPE" if original != "GPE" else "ORG"
    del b["layers"]["entities"][1]
    entities = summarize(document_counts(*passes(a, b)))["entities"]
    n = len(a["layers"]["entities"])
    assert entities["exact"]["matched"] == n - 2
    assert entities["span"]["matched"] == n - 1
    assert (entities["exact"]["precision"], entities["exact"]["recall"]) == pytest.approx(
        ((n - 2) / (n - 1), (n - 2) / n)
    )
    assert entities["confusion"] == {f"{original} -> {b['layers']['entities'][0]['label']}": 1}


def test_timex_value_agreement_is_over_exactly_matched_spans(seed_record, make_pass):
    a = make_pass(seed_record, "A")
    b = copy.deepcopy(a)
    b["layers"]["timex"][0]["value"] = "2020"
    b["layers"]["timex"][1]["end"] -= 1
    b["layers"]["timex"][1]["text"] = b["layers"]["timex"][1]["text"][:-1]
    timex = summarize(document_counts(*passes(a, b)))["timex"]
    n = len(a["layers"]["timex"])
    assert timex["exact"]["matched"] == n - 1
    assert timex["overlap"]["matched"] == n
    assert (timex["value"]["agreed"], timex["value"]["compared"]) == (n - 2, n - 1)
    kind = a["layers"]["timex"][1]["type"]
    assert timex["types"][kind]["matched"] == sum(t["type"] == kind for t in a["layers"]["timex"]) - 1


def test_link_agreement_compares_qids_of_shared_entities(seed_record, make_pass):
    a = make_pass(seed_record, "A", ("entities", "entity_links"))
    b = copy.deepcopy(a)
    with_qid = next(link for link in b["layers"]["entity_links"] if link["qid"])
    with_qid["qid"] = None
    links = summarize(document_counts(*passes(a, b)))["entity_links"]
    assert links["compared"] == len(a["layers"]["entities"])
    assert links["agreed"] == links["compared"] - 1


def test_coreference_split_lowers_muc_recall_only(seed_record, make_pass):
    a = make_pass(seed_record, "A", ("entities", "coreference"))
    b = copy.deepcopy(a)
    big = max(b["layers"]["coreference"], key=lambda c: len(c["mentions"]))
    b["layers"]["coreference"].append({"id": "c999", "mentions": [big["mentions"].pop()]})
    coref = summarize(document_counts(*passes(a, b)))["coreference"]
    assert coref["muc"]["precision"] == 1.0 and coref["muc"]["recall"] < 1.0
    assert coref["b3"]["precision"] == 1.0 and coref["b3"]["recall"] < 1.0


def test_quotation_content_overlap_of_half_matches_where_exact_does_not(seed_record, make_pass):
    a = make_pass(seed_record, "A", ("entities", "coreference", "quotations"))
    b = copy.deepcopy(a)
    content = b["layers"]["quotations"][0]["content"]
    content["end"] -= 2
    content["text"] = content["text"][:-2]
    b["layers"]["quotations"][1]["cue"] = None
    quotes = summarize(document_counts(*passes(a, b)))["quotations"]
    n = len(a["layers"]["quotations"])
    assert quotes["content"]["exact"]["matched"] == n - 1
    assert quotes["content"]["overlap"]["matched"] == n
    assert quotes["cue"]["overlap"]["matched"] == n - 1


def test_half_overlap_is_half_of_the_longer_span():
    assert half_overlaps((0, 10), (0, 5)) and not half_overlaps((0, 10), (0, 4)) and not half_overlaps((0, 4), (6, 9))


def test_the_corpus_figure_is_the_micro_average(seed_record, make_pass):
    a = make_pass(seed_record, "A")
    b = copy.deepcopy(a)
    del b["layers"]["entities"][0]
    same = passes(a, a)
    other = passes(copy.deepcopy(a) | {"document_id": "other-doc"}, b | {"document_id": "other-doc"})
    result = agreement([same, other])
    n = len(a["layers"]["entities"])
    assert result["micro"]["entities"]["exact"]["recall"] == pytest.approx((2 * n - 1) / (2 * n))
    assert result["per_document"]["other-doc"]["entities"]["exact"]["recall"] == pytest.approx((n - 1) / n)


def test_agree_command_pairs_by_document_and_exits_2_without_pairs(corpus_copy, seed_pass, put_pass):
    put_pass(corpus_copy, seed_pass)
    b = copy.deepcopy(seed_pass) | {"pass": "B"}
    del b["layers"]["timex"][0]
    put_pass(corpus_copy, b)
    runner = CliRunner()
    result = runner.invoke(main, ["agree", "--root", str(corpus_copy), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 1 and figures["micro"]["timex"]["exact"]["b"] == len(b["layers"]["timex"])
    assert list(figures["per_document"]) == [seed_pass["document_id"]]
    empty = corpus_copy / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["agree", str(corpus_copy / "corpus/annotations/passes/A"), str(empty)])
    assert result.exit_code == 2 and "[agree.no-pairs]" in result.output
    result = runner.invoke(main, ["agree", "--root", str(corpus_copy), "--write"])
    written = GoldLayout(corpus_copy).agreement_file.read_text(encoding="utf-8")
    assert "| timex | span, exact |" in written and "1 document(s)" in written


def test_the_committed_agreement_file_is_what_agree_writes(repo_root):
    """AGREEMENT.md comes from the committed passes: regenerate with `newscorpus agree --write`."""
    from newscorpus.gold.inputs import paired_passes

    layout = GoldLayout(repo_root)
    pairs = paired_passes(layout.passes_dir / "A", layout.passes_dir / "B", required=False)
    expected = render_agreement_file(agreement(pairs), "A", "B")
    assert layout.agreement_file.read_text(encoding="utf-8") == expected
