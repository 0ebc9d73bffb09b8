"""Validation's fast paths decide exactly what the exact, slower paths decide.

Valid records skip the per-span loops of the semantic checks (``in_order``, the gap test
of ``first_uncovered``), the text checks use ``str.find`` where they used regular
expressions, and the reader lets Python parse integers when no digit run is long enough
to leave 64 bits. Each is compared here with the path it replaces, on arbitrary input.
"""

from __future__ import annotations

import copy
import json
import re
from itertools import pairwise
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.record import reader
from newscorpus.record.reader import RefusedText, bounded_int, may_hold_long_integer, parse_record_text
from newscorpus.synth.corpus import synthetic_record
from newscorpus.validate import checks
from newscorpus.validate.checks import column_problems, first_trailing_spaces, iter_semantic_problems
from newscorpus.validate.spans import first_uncovered, in_order

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

texts = st.lists(st.sampled_from(["a", "b", ".", " ", "\n", "\u00a0", "\u3000", "\u0301", "\t"]), max_size=30).map(
    "".join
)


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[int], list[int]]:
    """A text with spans that are mostly in order (as in a valid layer), sometimes disturbed."""
    text = draw(texts)
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=12)))
    spans = [(start, end) for start, end in pairwise(cuts) if draw(st.booleans())]
    if spans and draw(st.booleans()):
        index = draw(st.integers(0, len(spans) - 1))
        start, end = spans[index]
        spans[index] = (start + draw(st.integers(-3, 3)), end + draw(st.integers(-3, 3)))
    if len(spans) > 1 and draw(st.booleans()):
        spans[0], spans[-1] = spans[-1], spans[0]
    return text, [start for start, _ in spans], [end for _, end in spans]


def naive_first_uncovered(text: str, starts: list[int], ends: list[int]) -> int | None:
    covered = {i for start, end in zip(starts, ends, strict=True) for i in range(max(0, start), min(end, len(text)))}
    return next((i for i, char in enumerate(text) if i not in covered and not char.isspace()), None)


@PROPERTY
@given(text_and_spans())
def test_in_order_holds_exactly_when_the_span_loop_finds_nothing(case):
    text, starts, ends = case
    assert in_order(text, starts, ends) == (list(column_problems(text, "tokens", starts, ends)) == [])


@PROPERTY
@given(text_and_spans())
def test_first_uncovered_agrees_with_a_character_by_character_search(case):
    text, starts, ends = case
    expected = naive_first_uncovered(text, starts, ends)
    assert first_uncovered(text, starts, ends, ordered=False) == expected
    if in_order(text, starts, ends):
        assert first_uncovered(text, starts, ends, ordered=True) == expected


@PROPERTY
@given(texts)
def test_text_finders_agree_with_the_regular_expressions(text):
    trailing = re.search(r" +\n| +$", text)
    assert first_trailing_spaces(text) == (trailing.start() if trailing else -1)
    blank_lines = re.search(r"\n{3,}", text)
    assert text.find("\n\n\n") == (blank_lines.start() if blank_lines else -1)


# --- whole records: the checks with and without their fast paths ---------------------------------

SYNTHETIC = synthetic_record(seed=6, index=3)[1]
PIECES = [" ", "\n", "\n\n\n", "  \n", "\u0301", "\u00a0", "x", "\t"]


def _problems(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(p.code, p.path, p.message) for p in iter_semantic_problems(record, schema_valid=False)]


def _corrupt(record: dict[str, Any], data: st.DataObject) -> None:
    layers = record["layers"]
    kind = data.draw(st.sampled_from(["text", "column", "swap", "drop", "entity"]))
    if kind == "text":
        text = record["text"]
        at = data.draw(st.integers(0, len(text)))
        record["text"] = text[:at] + data.draw(st.sampled_from(PIECES)) + text[at + data.draw(st.integers(0, 1)) :]
        return
    if kind == "entity":
        entity = data.draw(st.sampled_from(layers["entities"]["items"]))
        entity[data.draw(st.sampled_from(["start", "end"]))] += data.draw(st.sampled_from([-2, -1, 1, 2, 10**6]))
        return
    column = layers[data.draw(st.sampled_from(["tokens", "sentences"]))]
    index = data.draw(st.integers(0, len(column["starts"]) - 2))
    if kind == "column":
        column[data.draw(st.sampled_from(["starts", "ends"]))][index] += data.draw(st.sampled_from([-3, -1, 1, 3]))
    elif kind == "swap":
        for key in ("starts", "ends"):
            column[key][index], column[key][index + 1] = column[key][index + 1], column[key][index]
    else:
        del column["starts"][index]
        del column["ends"][index]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_corrupted_records_get_the_same_problems_from_the_exact_loops(data):
    record = copy.deepcopy(SYNTHETIC)
    for _ in range(data.draw(st.integers(1, 3))):
        _corrupt(record, data)
    fast = _problems(record)
    with patch.object(checks, "in_order", lambda text, starts, ends: False):
        exact = _problems(record)
    assert fast == exact


def test_a_valid_record_takes_the_fast_paths_and_has_no_problems():
    assert in_order(SYNTHETIC["text"], SYNTHETIC["layers"]["tokens"]["starts"], SYNTHETIC["layers"]["tokens"]["ends"])
    assert _problems(copy.deepcopy(SYNTHETIC)) == []


# --- the reader: Python's own int parser only where no integer can leave 64 bits --------------------


def _parse_strictly(text: str) -> tuple[dict[str, Any] | None, list[Any]]:
    with patch.object(reader, "may_hold_long_integer", lambda text: True):
        return parse_record_text(text)


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=-(10**40), max_value=10**40) | st.integers(-(2**64), 2**64))
def test_every_integer_the_strict_parser_refuses_has_a_long_digit_run(number):
    try:
        bounded_int(str(number))
    except RefusedText:
        assert may_hold_long_integer(str(number))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(alphabet='0123456789a"\\ ', max_size=25),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=4),
    max_leaves=15,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(max_size=3), json_values, max_size=5), st.sampled_from(["", "]", ',"k":1}', "x"]))
def test_parsing_with_or_without_the_integer_hook_gives_the_same_result(value, tail):
    text = json.dumps(value)
    text = text[:-1] + tail if tail and text.endswith("}") else text
    assert parse_record_text(text) == _parse_strictly(text)


@pytest.mark.parametrize(
    "literal",
    [
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "999999999999999999",
        "1000000000000000000",
        "9" * 5000,
        "1e400",
        "-0",
    ],
)
def test_integer_edge_cases_parse_as_the_strict_parser_parses_them(literal):
    for text in (f'{{"n": {literal}}}', f'{{"n": [1, {literal}], "n": 2}}', f'{{"s": "{literal}", "n": {literal}}}'):
        assert parse_record_text(text) == _parse_strictly(text)
