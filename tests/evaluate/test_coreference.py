"""Coreference in `newscorpus evaluate`: mention alignment (exact, overlap, head) and MUC, B3, CEAF-e on records.

The cluster figures are checked against the published cases of the CoNLL
reference scorer (Pradhan et al. 2014; key {a} {b c} {d e f}), here written as
records whose mentions are one-letter tokens, so that the whole path from a
record's layer to the scores is tested, not only the metric functions.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from newscorpus.evaluate.coreference import head_align, score_coreference
from newscorpus.evaluate.scoring import evaluate_records

LETTERS = "a b c d e f x y z"


def letter_record(spelled: str, text: str = LETTERS) -> dict[str, Any]:
    """A record over ``text`` whose clusters are spelled as letters ("a bc def"), one token per word."""
    starts, ends, position = [], [], 0
    for word in text.split(" "):
        starts.append(position)
        ends.append(position + len(word))
        position += len(word) + 1
    offset = {word: (s, e) for word, s, e in zip(text.split(" "), starts, ends, strict=True)}
    clusters = [
        {"id": f"c{i}", "mentions": [{"start": offset[w][0], "end": offset[w][1], "kind": "name"} for w in group]}
        for i, group in enumerate(spelled.split())
    ]
    return {"text": text, "layers": {"tokens": {"starts": starts, "ends": ends}, "coreference": {"items": clusters}}}


def measures(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return dict(score_coreference(gold, predicted))


@pytest.mark.parametrize(
    ("response", "b3", "ceaf"),
    [
        ("a bcx defy z", (1, (4 + 7 / 12) / 9), (0.88571, 0.66429)),  # A3: twinless x, y, z score nothing
        ("a bcx dy z", ((3 + 1 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7), (0.73333, 0.55)),  # A4
    ],
)
def test_records_score_the_reference_scorers_published_cases(response, b3, ceaf):
    scored = measures(letter_record("a bc def"), letter_record(response))
    for mode in ("exact", "overlap", "head"):
        assert (scored["B3"][mode].recall, scored["B3"][mode].precision) == pytest.approx(b3, abs=1e-5)
        assert (scored["CEAF-e"][mode].recall, scored["CEAF-e"][mode].precision) == pytest.approx(ceaf, abs=1e-5)


def test_a_twinless_predicted_mention_lowers_b3_precision_instead_of_counting_as_right():
    gold = letter_record("bc")
    scored = measures(gold, letter_record("bcx"))
    assert scored["B3"]["exact"].recall == 1.0
    assert scored["B3"]["exact"].precision == pytest.approx(2 * (2 / 3) / 3)  # b and c: 2/3 each; x: 0


def test_head_alignment_forgives_a_determiner_and_a_post_modifier_but_not_another_head():
    text = "the chief executive of Acme met the chief"
    gold = letter_record("", text)

    def mention(phrase: str) -> dict[str, Any]:
        start = text.index(phrase)
        return {"start": start, "end": start + len(phrase), "kind": "nominal"}

    acme = mention("Acme")
    gold["layers"]["coreference"]["items"] = [{"mentions": [mention("the chief executive"), acme]}]
    predicted = copy.deepcopy(gold)
    predicted["layers"]["coreference"]["items"] = [{"mentions": [mention("chief executive of Acme"), acme]}]
    scored = measures(gold, predicted)
    assert scored["mentions"]["exact"].matched_gold == 1  # only Acme
    assert scored["mentions"]["head"].matched_gold == 2  # "executive" heads both
    assert scored["B3"]["head"].f1 == 1.0
    predicted["layers"]["coreference"]["items"] = [{"mentions": [mention("the chief"), acme]}]  # head "chief"
    assert measures(gold, predicted)["mentions"]["head"].matched_gold == 1


def test_head_alignment_is_one_to_one_and_prefers_the_identical_span():
    gold = [(0, 10), (4, 10)]
    heads = [(6, 10), (6, 10)]
    assert sorted(head_align(heads, [(4, 10)], [(6, 10)], gold)) == [(1, 0)]


def test_evaluate_reports_ceaf_e_after_b3_with_a_head_column(seed_record):
    evaluation = evaluate_records({seed_record["id"]: seed_record}, {seed_record["id"]: copy.deepcopy(seed_record)})
    measures_in_order = [row.measure for row in evaluation.rows if row.layer == "coreference"]
    assert measures_in_order[-3:] == ["MUC", "B3", "CEAF-e"]
    ceaf = next(row for row in evaluation.rows if row.measure == "CEAF-e")
    assert set(ceaf.scores) == {"exact", "overlap", "head"}
    assert ceaf.scores["head"].f1 == 1.0
