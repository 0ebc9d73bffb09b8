"""A malformed Label Studio annotation is refused, all or nothing: no record is written or changed."""

from __future__ import annotations

import json

import pytest
from reliability_helpers import error_codes, run_cli, snapshot


def _accepted_tasks(corpus, tmp_path):
    """The record exported as tasks and every pre-annotation accepted, as Label Studio exports it."""
    tasks = tmp_path / "tasks.json"
    ran = run_cli("export", "--root", corpus, "--format", "labelstudio", tasks)
    assert ran.exit_code == 0, ran.stderr
    exported = json.loads(tasks.read_text(encoding="utf-8"))
    for task in exported:
        task["annotations"] = [{"id": 1, "result": task.pop("predictions")[0]["result"], "was_cancelled": False}]
    return exported


def _first_entity_region(tasks):
    return next(item for item in tasks[0]["annotations"][0]["result"] if item["id"] == "e1")


def _labels(labels):
    def edit(region):
        region["value"]["labels"] = labels

    return edit


def _drop(key):
    def edit(region):
        region.pop(key) if key in region else region["value"].pop(key)

    return edit


def _emptied(region):
    region.clear()


MALFORMED = [
    ("no-label", _labels([]), "import.malformed"),
    ("two-entity-types", _labels(["ORG", "GPE"]), "import.malformed"),
    ("label-twice", _labels(["ORG", "ORG"]), "import.malformed"),
    ("two-quote-parts", _labels(["Cue", "Source"]), "import.malformed"),
    ("label-not-a-string", _labels([7]), "import.malformed"),
    ("labels-not-a-list", _labels("ORG"), "import.malformed"),
    ("unknown-label", _labels(["Organisation"]), "import.unknown-label"),
    ("missing-value", _drop("value"), "import.malformed"),
    ("missing-labels", _drop("labels"), "import.malformed"),
    ("missing-start", _drop("start"), "import.malformed"),
    ("empty-result", _emptied, "import.malformed"),
]


@pytest.mark.parametrize(("edit", "code"), [(edit, code) for _, edit, code in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_a_malformed_region_is_refused_and_nothing_is_written(corpus_copy, tmp_path, edit, code):
    tasks = _accepted_tasks(corpus_copy, tmp_path)
    edit(_first_entity_region(tasks))
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    before = snapshot(corpus_copy)
    ran = run_cli("import", "--root", corpus_copy, "--format", "labelstudio", "--annotator", "A", export)
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, [code])
    assert "task 1, result 0" in ran.stderr  # located at the region
    assert snapshot(corpus_copy) == before


def test_the_accepted_tasks_import_without_change(corpus_copy, tmp_path):
    # The base of the cases above imports cleanly: each refusal is the edit's doing.
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_accepted_tasks(corpus_copy, tmp_path)), encoding="utf-8")
    before = snapshot(corpus_copy)
    ran = run_cli("import", "--root", corpus_copy, "--format", "labelstudio", "--annotator", "A", export)
    assert ran.exit_code == 0, ran.stderr
    assert snapshot(corpus_copy) == before
