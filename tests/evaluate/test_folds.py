"""Cross-validation folds by document."""

from __future__ import annotations

import pytest

from newscorpus.evaluate.folds import document_folds

IDS = [f"doc-{n}" for n in range(23)]


def test_every_document_is_held_out_once_and_never_trained_on_in_its_fold():
    folds = document_folds(IDS, 5)
    held = [i for _, part in folds for i in part]
    assert sorted(held) == sorted(IDS)
    for training, part in folds:
        assert set(training).isdisjoint(part) and set(training) | set(part) == set(IDS)
    assert {len(part) for _, part in folds} == {4, 5}


def test_folds_depend_on_the_ids_only():
    assert document_folds(IDS, 5) == document_folds(list(reversed(IDS)), 5)


def test_too_many_folds_are_refused():
    with pytest.raises(ValueError, match="3 documents"):
        document_folds(IDS[:3], 5)
