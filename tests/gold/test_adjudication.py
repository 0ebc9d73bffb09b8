"""Disagreements of two passes, and adjudications checked against them."""

from __future__ import annotations

import copy
import json

from click.testing import CliRunner

from newscorpus.cli import main
from newscorpus.gold.disagreements import disagreements, iter_adjudication_problems
from newscorpus.gold.passfile import PassFile


def two_passes(seed_record, make_pass):
    a = make_pass(seed_record, "A")
    b = copy.deepcopy(a) | {"pass": "B", "annotator": "annotator B"}
    relabelled = b["layers"]["entities"][0]
    relabelled["label"] = "GPE" if relabelled["label"] != "GPE" else "ORG"
    dropped = b["layers"]["entities"].pop(1)
    b["layers"]["timex"][0]["value"] = "2020"
    return a, b, relabelled, dropped


def adjudication_of(a, decisions):
    return copy.deepcopy(a) | {
        "pass": "adjudicated",
        "annotator": "adjudicator",
        "from": ["A", "B"],
        "decisions": decisions,
    }


def test_disagreements_pair_items_at_the_same_place_and_leave_the_rest_single(seed_record, make_pass):
    a, b, relabelled, dropped = two_passes(seed_record, make_pass)
    found = disagreements(PassFile("a", a), PassFile("b", b))
    assert [(d["layer"], d["A"] is not None, d["B"] is not None) for d in found] == [
        ("entities", True, True),
        ("entities", True, False),
        ("timex", True, True),
    ]
    assert found[0]["B"] == relabelled and found[1]["A"] == dropped


def test_an_adjudication_that_keeps_a_is_consistent(seed_record, make_pass):
    a, b, *_ = two_passes(seed_record, make_pass)
    decisions = [
        d | {"chosen": d["A"], "reason": "A follows §1"} for d in disagreements(PassFile("a", a), PassFile("b", b))
    ]
    adjudication = adjudication_of(a, decisions)
    assert iter_adjudication_problems(PassFile("x", adjudication), PassFile("a", a), PassFile("b", b)) == []


def test_an_undecided_disagreement_and_a_lost_agreed_item_are_reported(seed_record, make_pass):
    a, b, *_ = two_passes(seed_record, make_pass)
    decisions = [d | {"chosen": d["A"], "reason": "A"} for d in disagreements(PassFile("a", a), PassFile("b", b))]
    adjudication = adjudication_of(a, decisions[1:])
    del adjudication["layers"]["entities"][5]  # an item both passes have
    problems = iter_adjudication_problems(PassFile("x", adjudication), PassFile("a", a), PassFile("b", b))
    assert sorted((p.code, p.path) for p in problems) == [
        ("adjudication.inconsistent", "/layers/entities"),
        ("adjudication.undecided", "/decisions"),
    ]


def test_a_chosen_item_missing_from_the_layer_is_inconsistent(seed_record, make_pass):
    a, b, relabelled, _ = two_passes(seed_record, make_pass)
    decisions = [d | {"chosen": d["A"], "reason": "A"} for d in disagreements(PassFile("a", a), PassFile("b", b))]
    decisions[0]["chosen"] = relabelled  # chose B's label, but the layer keeps A's
    problems = iter_adjudication_problems(
        PassFile("x", adjudication_of(a, decisions)), PassFile("a", a), PassFile("b", b)
    )
    assert [(p.code, p.path) for p in problems] == [("adjudication.inconsistent", "/layers/entities")]


def test_the_commands_list_disagreements_and_check_the_adjudication(corpus_copy, seed_record, make_pass, put_pass):
    a, b, *_ = two_passes(seed_record, make_pass)
    put_pass(corpus_copy, a)
    put_pass(corpus_copy, b)
    runner = CliRunner()
    result = runner.invoke(main, ["gold", "disagreements", "A", "B", a["document_id"], "--root", str(corpus_copy)])
    assert result.exit_code == 0, result.output
    skeleton = json.loads(result.output)
    assert len(skeleton["decisions"]) == 3 and all(d["chosen"] is None for d in skeleton["decisions"])
    for decision in skeleton["decisions"]:
        decision.update(chosen=decision["A"], reason="A follows the guidelines")
    put_pass(corpus_copy, adjudication_of(a, skeleton["decisions"]))
    result = runner.invoke(main, ["gold", "check", "--root", str(corpus_copy)])
    assert result.exit_code == 0, result.output
    put_pass(corpus_copy, adjudication_of(a, skeleton["decisions"][:2]))
    result = runner.invoke(main, ["gold", "check", "--root", str(corpus_copy)])
    assert result.exit_code == 1 and "[adjudication.undecided] no decision on timex" in result.output
