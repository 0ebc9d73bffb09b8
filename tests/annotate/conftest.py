"""Fixtures of the annotator tests: one set of annotators with the shipped resources."""

from __future__ import annotations

import pytest

from newscorpus.annotate.runner import AnnotateSettings, Annotators


@pytest.fixture(scope="module")
def annotators() -> Annotators:
    return Annotators.for_corpus([], AnnotateSettings())
