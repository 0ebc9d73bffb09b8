"""The card's "Automatic annotators" section prints the stored test-split scores, misses included."""

from __future__ import annotations

import json

from newscorpus.release.annotator_scores import NOT_MEASURED, SCORES_PATH, annotator_section


def _write(path, layers):
    path.write_text(json.dumps({"layers": layers}), encoding="utf-8")
    return path


def test_every_stored_measure_is_on_the_card():
    layers = json.loads(SCORES_PATH.read_text(encoding="utf-8"))["layers"]
    section = annotator_section()
    assert {layer["layer"] for layer in layers} >= {"timex", "quotations", "coreference", "entity_links"}
    for layer in layers:
        for row in layer["measures"]:
            assert f"| {layer['layer']} | {row['measure']} | {layer['documents']} | {row['value']:.3f} |" in section


def test_a_score_below_its_target_is_marked_missed_and_one_at_it_met(tmp_path):
    path = _write(
        tmp_path / "scores.json",
        [
            {
                "layer": "coreference",
                "documents": 4,
                "measures": [
                    {"measure": "B3", "value": 0.5612, "target": 0.65},
                    {"measure": "MUC", "value": 0.7, "target": None},
                    {"measure": "speaker", "value": 0.8, "target": 0.8},
                ],
            }
        ],
    )
    section = annotator_section(path)
    assert "| coreference | B3 | 4 | 0.561 | 0.65 | missed |" in section
    assert "| coreference | MUC | 4 | 0.700 |  |  |" in section
    assert "| coreference | speaker | 4 | 0.800 | 0.80 | met |" in section


def test_without_stored_scores_the_card_says_so(tmp_path):
    assert annotator_section(tmp_path / "absent.json") == NOT_MEASURED
