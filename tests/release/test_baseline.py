"""The card's baseline section reads the shipped model's test-split scores."""

from __future__ import annotations

import json

from newscorpus.annotate.ner_model import META_FILE, SHIPPED_MODEL
from newscorpus.release import baseline
from newscorpus.release.baseline import SCORES_FILE, baseline_section


def test_the_baseline_names_the_model_and_its_test_scores():
    meta = json.loads((SHIPPED_MODEL / META_FILE).read_text(encoding="utf-8"))
    scores = json.loads((SHIPPED_MODEL / SCORES_FILE).read_text(encoding="utf-8"))
    section = baseline_section()
    assert f"`{meta['name']}`" in section
    assert f"{meta['documents']} openly licensed documents" in section
    assert f"On the {scores['documents']} gold documents of the **test** split" in section
    assert f"| {scores['model']['entities_head_f1']:.3f} |" in section


def test_without_measured_scores_the_card_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(baseline, "SHIPPED_MODEL", tmp_path)
    assert baseline_section() == "No NER baseline has been measured for this release."
