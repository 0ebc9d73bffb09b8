"""Sentence boundaries scored against gold: the measure on hand-made examples, and through evaluate."""

from __future__ import annotations

import copy

from newscorpus.evaluate import evaluate_records
from newscorpus.evaluate.gold_sentences import with_sentences
from newscorpus.evaluate.sentences import boundary_scores
from newscorpus.record.provenance import gold


def prf(score):
    return round(score.precision, 4), round(score.recall, 4), round(score.f1, 4)


def test_a_split_and_a_merge_on_a_hand_made_paragraph():
    # "A b. C d. E f." + paragraph "G h." : gold has 4 sentences, ends 4, 9, 14 and 20 (the paragraph ends at 14 and 20)
    gold_spans = [(0, 4), (5, 9), (10, 14), (16, 20)]
    # the prediction merges the first two (loses end 4) and splits the last paragraph (adds end 18)
    predicted = [(0, 9), (10, 14), (16, 18), (19, 20)]
    scores = boundary_scores(gold_spans, predicted, {14, 20})
    assert prf(scores["boundaries"]) == (0.75, 0.75, 0.75)  # 3 of 4 ends right on each side
    assert prf(scores["inner"]) == (0.5, 0.5, 0.5)  # inner gold ends 4, 9; predicted 9, 18
    assert prf(scores["sentences"]) == (0.25, 0.25, 0.25)  # only (10, 14) is a whole sentence found


def _gold_layer(record, starts, ends):
    return {"provenance": gold(["tester"], "2026-12-01"), "starts": starts, "ends": ends}


def test_evaluate_scores_sentences_only_where_the_gold_layer_is_gold(seed_record):
    layer = seed_record["layers"]["sentences"]
    result = evaluate_records({seed_record["id"]: seed_record}, {seed_record["id"]: copy.deepcopy(seed_record)})
    assert "sentences" not in {row.layer for row in result.rows}  # the record's own sentences are automatic
    # gold joins the first two sentences: the prediction has one boundary more
    merged = _gold_layer(seed_record, [layer["starts"][0], *layer["starts"][2:]], layer["ends"][1:])
    reference = with_sentences(seed_record, merged)
    result = evaluate_records({seed_record["id"]: reference}, {seed_record["id"]: copy.deepcopy(seed_record)})
    rows = {row.measure: row.scores["exact"] for row in result.rows if row.layer == "sentences"}
    found = len(layer["ends"])
    boundaries = rows["boundaries"]
    assert (boundaries.predicted, boundaries.gold, boundaries.matched_gold) == (found, found - 1, found - 1)
    assert rows["sentences"].matched_gold == found - 2


def test_a_document_nobody_segmented_finds_no_sentence(seed_record):
    layer = seed_record["layers"]["sentences"]
    reference = with_sentences(seed_record, _gold_layer(seed_record, layer["starts"], layer["ends"]))
    other = {**copy.deepcopy(seed_record), "id": "another-document"}
    result = evaluate_records({seed_record["id"]: reference, "another-document": other}, {"another-document": other})
    rows = {row.measure: row.scores["exact"] for row in result.rows if row.layer == "sentences"}
    assert rows["boundaries"].predicted == 0
    assert rows["boundaries"].gold == len(layer["ends"]) and rows["boundaries"].recall == 0.0
