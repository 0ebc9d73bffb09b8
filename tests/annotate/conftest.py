"""Fixtures of the annotator tests: one set of annotators with the shipped resources."""

from __future__ import annotations

import pytest

from newscorpus.annotate.runner import AnnotateSettings, Annotators


@pytest.fixture(scope="module")
def annotators() -> Annotators:
    # The rules alone: their tests describe what the rules do, whatever the shipped model learns.
    return Annotators.for_corpus([], AnnotateSettings(ner_model="rules"))
