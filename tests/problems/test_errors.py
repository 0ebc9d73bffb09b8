"""One problem value: the Problem a check yields is the one UnusableInputError raises and pickles."""

from __future__ import annotations

import pickle

import pytest

from newscorpus.problems.codes import CODES
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.reference import STAGE_TITLES, render_error_reference
from newscorpus.problems.value import Problem

# The step a code's prefix belongs to (each code's stage is where it arises, not one catch-all).
EXPECTED_STAGES = {
    "raw.missing": "validate",  # a record's raw reference, checked by validate
    "raw.hash-mismatch": "validate",
    "raw.path-outside": "validate",
    "raw": "convert",
    "profile": "convert",
    "capture": "capture",
    "date.dateline-disagrees": "notice",
    "date.header-invalid": "notice",
    "record.unreadable": "convert",
    "record.malformed-gold": "convert",
    "corpus": "build",
    "records": "build",
    "export": "io",
    "import": "io",
    "gazetteer": "annotate",
    "spacy-pipeline": "annotate",
    "ner-model": "annotate",
    "kb": "annotate",
    "annotate": "annotate",
    "evaluate": "evaluate",
    "gold-sentences": "evaluate",
    "stats": "stats",
    "output": "stats",
    "view": "view",
    "engine": "engine",
    "pass": "gold",
    "adjudication": "gold",
    "agree": "gold",
    "file": "file",
}


def _expected_stage(name: str) -> str:
    for prefix, stage in EXPECTED_STAGES.items():
        if name == prefix or name.startswith(prefix + "."):
            return stage
    return "validate"


@pytest.mark.parametrize("name", sorted(CODES))
def test_every_code_is_registered_under_the_stage_where_it_arises(name):
    assert CODES[name].stage in STAGE_TITLES
    assert CODES[name].stage == _expected_stage(name)


def test_the_reference_has_one_section_per_stage_in_pipeline_order():
    headings = [line for line in render_error_reference().splitlines() if line.startswith("## ")]
    assert headings == [
        f"## {title}" for stage, title in STAGE_TITLES.items() if stage in {c.stage for c in CODES.values()}
    ]


def test_the_error_wraps_its_problem():
    error = UnusableInputError("raw.encoding", "corpus/raw/x/a.txt", "not valid UTF-8 at byte 3")
    assert error.problem == Problem("raw.encoding", "not valid UTF-8 at byte 3", file="corpus/raw/x/a.txt")
    assert (error.code, error.location, error.message) == (
        "raw.encoding",
        "corpus/raw/x/a.txt",
        "not valid UTF-8 at byte 3",
    )
    assert error.hint == CODES["raw.encoding"].hint
    assert error.render() == f"corpus/raw/x/a.txt: error [raw.encoding] not valid UTF-8 at byte 3\n  hint: {error.hint}"
    assert str(error) == "corpus/raw/x/a.txt: not valid UTF-8 at byte 3"


def test_a_reported_problem_is_raised_as_the_same_value():
    problem = Problem("span.out-of-range", "end 90 is past the text", "/layers/entities/items/0", "r.json", "doc-1")
    error = UnusableInputError.of(problem)
    assert error.problem is problem
    assert error.location == "r.json#/layers/entities/items/0"
    assert str(error) == "r.json#/layers/entities/items/0: end 90 is past the text"


@pytest.mark.parametrize("hint", ["", "a hint of its own"])
def test_the_error_survives_pickling_with_its_problem(hint):
    error = UnusableInputError("record.unreadable", "corpus/records/a.json", "[input.json] line 1, column 2", hint)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is UnusableInputError
    assert copy.problem == error.problem
    assert (copy.render(), str(copy), copy.args) == (error.render(), str(error), error.args)


def test_an_unregistered_code_is_refused():
    with pytest.raises(ValueError, match=r"unregistered problem code 'no\.such-code'"):
        UnusableInputError("no.such-code", "x", "y")
