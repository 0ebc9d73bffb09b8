"""Fuzzing: arbitrary input to convert and validate gives a valid record or located errors, never a crash."""

from __future__ import annotations

import copy
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.convert.decode import RawCapture, decode_raw
from newscorpus.convert.record import build_record
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.value import CODES, Problem
from newscorpus.record.reader import parse_record_text
from newscorpus.validate import validate_record

# 150 examples per property in the default run; NEWSCORPUS_FUZZ_EXAMPLES=5000 for a deep run.
FUZZ = settings(
    max_examples=int(os.environ.get("NEWSCORPUS_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

_news_alphabet = st.sampled_from(
    [
        *"abcXYZ .,;:!?'\"-0123456789",
        "\n",
        "\n\n",
        "\r\n",
        "\u00a0",
        "\u201c",
        "\u201d",
        "\u2019",
        "\u200b",
        "\ufeff",
        "\u0301",
        "\u2028",
        "Mr. ",
        "U.S. ",
        "Read more",
        "Support The Moscow Times!",
        " said ",
        "\t",
        "\u202e",
        "\U0001f600",
    ]
)
raw_articles = st.lists(_news_alphabet, max_size=120).map("".join)


def _outcome_of_conversion(raw_text: str, folder: str) -> str:
    capture = RawCapture(f"corpus/raw/{folder}/fuzz.txt", raw_text, "0" * 64)
    try:
        record = build_record(capture)
    except UnusableInputError as error:
        assert error.code.startswith("raw."), error.code
        assert error.location == capture.path
        return "refused"
    problems = [p for p in validate_record(record) if p.code != "raw.missing"]
    assert problems == [], problems
    return "record"


@FUZZ
@given(raw_articles, st.sampled_from(["themoscowtimes", "unknownpublisher"]))
def test_arbitrary_text_converts_to_a_valid_record_or_a_located_refusal(raw_text, folder):
    assert _outcome_of_conversion(raw_text, folder) in {"record", "refused"}


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_are_refused_with_a_raw_code(data):
    try:
        text = decode_raw(data, "corpus/raw/x/fuzz.txt")
    except UnusableInputError as error:
        assert error.code in {"raw.empty", "raw.binary", "raw.encoding"}
        return
    assert isinstance(text, str)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


def _assert_located_problems(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.code in CODES
        assert problem.message
        assert problem.path == "" or problem.path.startswith("/")


@FUZZ
@given(st.dictionaries(st.text(max_size=12), json_values, max_size=8))
def test_arbitrary_json_objects_give_located_problems(value):
    _assert_located_problems(validate_record(value))


@FUZZ
@given(st.data())
def test_compiled_and_reference_schema_validators_agree(_seed_record, data):
    """The fast path may only skip the reference validator when it finds nothing either."""
    from newscorpus.validate.schema_check import is_schema_valid, reference_validator

    record = copy.deepcopy(_seed_record)
    paths = [p for p in _leaf_paths(record) if p]
    path = data.draw(st.sampled_from(paths))
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(json_values)
    assert is_schema_valid(record) == (next(reference_validator().iter_errors(record), None) is None)


def _leaf_paths(value, prefix=()):
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaf_paths(child, (*prefix, key))
    elif isinstance(value, list) and value:
        for index in {0, len(value) - 1}:
            yield from _leaf_paths(value[index], (*prefix, index))
    yield prefix


@FUZZ
@given(st.data())
def test_seed_record_with_any_part_replaced_gives_located_problems(_seed_record, data):
    record = copy.deepcopy(_seed_record)
    paths = [p for p in _leaf_paths(record) if p]
    path = data.draw(st.sampled_from(paths))
    replacement = data.draw(json_values)
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = replacement
    _assert_located_problems(validate_record(record))


@FUZZ
@given(st.text(max_size=200))
def test_arbitrary_text_as_a_record_file_parses_or_gives_an_input_problem(text):
    record, problems = parse_record_text(text)
    if record is None:
        assert len(problems) == 1 and problems[0].code.startswith("input.")
    else:
        assert isinstance(record, dict) and problems == []
        json.dumps(record)
