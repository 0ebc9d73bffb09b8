"""The canonical record text: ``dumps_record`` writes exactly what the original recursive encoder wrote.

The fast encoder hands whole containers of scalars to the C JSON encoder; the reference
below is the original pure-Python encoder, kept here (only here) as the oracle.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.record.writer import dumps_record
from newscorpus.synth.corpus import synthetic_record

# --- the reference: the encoder dumps_record replaced -----------------------------------------


def _is_flat(value: list[Any]) -> bool:
    return all(not isinstance(item, dict | list) for item in value)


def _reference_encode(value: Any, indent: int) -> str:
    if isinstance(value, dict) and value:
        inner = " " * (indent + 2)
        items = ",\n".join(
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {_reference_encode(v, indent + 2)}" for k, v in value.items()
        )
        return "{\n" + items + "\n" + " " * indent + "}"
    if isinstance(value, list) and value and not _is_flat(value):
        inner = " " * (indent + 2)
        items = ",\n".join(inner + _reference_encode(item, indent + 2) for item in value)
        return "[\n" + items + "\n" + " " * indent + "]"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def reference_dumps(record: dict[str, Any]) -> str:
    return _reference_encode(record, 0) + "\n"


# --- arbitrary JSON values, with the characters that could confuse a text-level rewrite --------

TRICKY = ["[", "]", "{", "}", ",", ", ", '"', "\\", "\n", ": ", "},\n  {", "[\n", "\u00e9", "\u201c", "\u2028", "\x00"]
TRICKY += ["\ud800", "\U0001f600", " ", "a", "0"]
strings = st.lists(st.sampled_from(TRICKY) | st.text(max_size=3), max_size=6).map("".join)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | strings
)
scalar_dicts = st.dictionaries(strings, scalars, min_size=1, max_size=5)
json_values = st.recursive(
    scalars | st.just([]) | st.just({}),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(strings, children, max_size=5)
        | st.lists(scalar_dicts, min_size=1, max_size=4)  # entity-like lists, encoded in one C call
    ),
    max_leaves=20,
)
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.dictionaries(strings, json_values, max_size=6))
def test_arbitrary_records_are_written_as_the_reference_writes_them(record):
    assert dumps_record(record) == reference_dumps(record)


@PROPERTY
@given(json_values)
def test_arbitrary_values_inside_a_record_are_written_as_the_reference_writes_them(value):
    record = {"layers": {"x": {"items": [value, {"value": value}], "value": value}}}
    assert dumps_record(record) == reference_dumps(record)


def test_empty_and_nested_empty_containers_match_the_reference():
    record = {"a": [], "b": {}, "c": [[]], "d": [{}], "e": {"f": {}}, "g": [[], {}, [[]]], "h": [{"i": []}]}
    assert dumps_record(record) == reference_dumps(record)
    assert '"c": [\n    []\n  ]' in dumps_record(record)


def test_list_of_dicts_of_scalars_is_laid_out_one_key_per_line():
    record = {"items": [{"id": "e1", "text": "a},\n    {b"}, {"id": "e2", "start": 0}]}
    expected = (
        '{\n  "items": [\n    {\n      "id": "e1",\n      "text": "a},\\n    {b"\n    },\n'
        '    {\n      "id": "e2",\n      "start": 0\n    }\n  ]\n}\n'
    )
    assert dumps_record(record) == expected == reference_dumps(record)


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize(
    "place",
    [
        lambda x: {"value": x},
        lambda x: {"flat": [1, x]},
        lambda x: {"items": [{"start": 0}, {"score": x}]},
        lambda x: {"nested": {"deeper": [{"id": "a", "inner": {"score": x}}]}},
    ],
    ids=["scalar", "flat-list", "list-of-scalar-dicts", "nested"],
)
def test_nan_and_infinity_are_refused_as_before(place, number):
    record = place(number)
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        reference_dumps(record)
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        dumps_record(record)


def test_committed_records_are_rewritten_byte_for_byte(repo_root: Path):
    paths = sorted((repo_root / "corpus" / "records").glob("*.json"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        record = json.loads(text)
        assert dumps_record(record) == reference_dumps(record) == text


@pytest.mark.parametrize("gold", [True, False], ids=["gold", "automatic"])
def test_synthetic_records_are_written_as_the_reference_writes_them(gold):
    for index in range(8):
        _, record = synthetic_record(seed=6, index=index, gold=gold)
        text = dumps_record(record)
        assert text == reference_dumps(record)
        assert json.loads(text) == record
