"""MUC, B-cubed and CEAF-e against the published test cases of the CoNLL reference scorer.

Expected values are those of conll/reference-coreference-scorers,
test/CorefMetricTestConfig.pm (cases A1-A4, A10, A11 on key TC-A.key) and
test/TestCases.README, the examples of Pradhan et al. (2014), "Scoring
Coreference Partitions of Predicted Mentions: A Reference Implementation".
The key is {a} {b c} {d e f}; responses are spelled the same way.
"""

from __future__ import annotations

import itertools
import random

import pytest

from newscorpus.evaluate.coref_metrics import b_cubed, ceaf_e, max_weight_matching, muc


def clusters(spelled: str) -> list[frozenset[str]]:
    return [frozenset(word) for word in spelled.split()]


KEY = clusters("a bc def")
# case: response, MUC (recall, precision), B-cubed (recall, precision), CEAF-e (recall, precision) or None
CASES = {
    "A1": ("a bc def", (1, 1), (1, 1), (1, 1)),
    "A2": ("a de", (1 / 3, 1), ((7 / 3) / 6, 1), (0.6, 0.9)),
    "A3": ("a bcx defy z", (1, 3 / 5), (1, (4 + 7 / 12) / 9), (0.88571, 0.66429)),
    "A4": ("a bcx dy z", (1 / 3, 1 / 3), ((3 + 1 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7), (0.73333, 0.55)),
    "A10": ("a b c d e f", (0, 0), (3 / 6, 1), None),
    "A11": ("abcdef", (1, 3 / 5), (1, (1 / 6 + 2 * 2 / 6 + 3 * 3 / 6) / 6), None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_reference_scorers_published_cases(case: str):
    response, expected_muc, expected_b3, expected_ceaf = CASES[case]
    scored = {"muc": muc(KEY, clusters(response)), "b3": b_cubed(KEY, clusters(response))}
    for name, expected in (("muc", expected_muc), ("b3", expected_b3)):
        assert (scored[name].recall, scored[name].precision) == pytest.approx(expected, abs=1e-5), name
    if expected_ceaf is not None:
        ceaf = ceaf_e(KEY, clusters(response))
        assert (ceaf.recall, ceaf.precision) == pytest.approx(expected_ceaf, abs=1e-5)


def test_a4_f1_is_the_harmonic_mean_the_scorer_reports():
    scored = b_cubed(KEY, clusters("a bcx dy z"))
    recall, precision = 5 / 9, 17 / 42
    assert scored.f1 == pytest.approx(2 * recall * precision / (recall + precision))


def test_counts_add_up_over_documents_as_a_micro_average():
    total = muc(KEY, clusters("a de")) + muc(KEY, clusters("a bc def"))
    assert (total.recall_num, total.recall_den) == (1 + 3, 3 + 3)


def test_the_hungarian_matching_finds_the_best_assignment_by_brute_force():
    generator = random.Random(7)
    for rows, columns in ((3, 3), (2, 5), (5, 2), (4, 4)):
        weights = [[generator.random() for _ in range(columns)] for _ in range(rows)]
        smaller, larger = min(rows, columns), max(rows, columns)
        best = max(
            sum(weights[i][p[i]] if rows <= columns else weights[p[i]][i] for i in range(smaller))
            for p in itertools.permutations(range(larger), smaller)
        )
        assert max_weight_matching(weights) == pytest.approx(best)
