"""Record files: found from the paths a command is given, and read or refused with one code."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import find_record_files, split_record_paths
from newscorpus.record.reader import read_record_or_raise
from newscorpus.record.writer import write_record


def test_folders_give_their_json_files_at_any_depth_sorted_and_files_stay_as_given(tmp_path: Path):
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    for name in ("b/z.json", "b/a.json", "b/deeper/m.json", "b/notes.txt", "given.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    files, missing = split_record_paths([tmp_path / "given.txt", tmp_path / "b", tmp_path / "gone"])
    assert files == [tmp_path / "given.txt", tmp_path / "b/a.json", tmp_path / "b/deeper/m.json", tmp_path / "b/z.json"]
    assert missing == [tmp_path / "gone"]


def test_a_missing_path_is_unusable_input_named_by_its_path(tmp_path: Path):
    with pytest.raises(UnusableInputError) as raised:
        find_record_files([tmp_path, tmp_path / "gone"])
    assert raised.value.code == "input.unreadable" and raised.value.location == str(tmp_path / "gone")


def test_a_readable_record_is_returned(tmp_path: Path, seed_record):
    write_record(tmp_path / "r.json", seed_record)
    assert read_record_or_raise(tmp_path / "r.json") == seed_record


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b'{"a": 1, "a": 2}', "input.duplicate-key"), (b"{not json", "input.json"), (b"\xff\xfe", "input.encoding")],
)
def test_an_unreadable_record_raises_record_unreadable_naming_its_reason(tmp_path: Path, content, reason):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(UnusableInputError) as raised:
        read_record_or_raise(path, "shown/bad.json")
    error = raised.value
    assert (error.code, error.location) == ("record.unreadable", "shown/bad.json")
    assert error.message.startswith(f"[{reason}] ")
    assert error.render().startswith(f"shown/bad.json: error [record.unreadable] [{reason}] ")


def test_the_error_crosses_a_process_boundary_intact(tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_bytes(b"[]")
    with pytest.raises(UnusableInputError) as raised:
        read_record_or_raise(path)
    copy = pickle.loads(pickle.dumps(raised.value))
    assert (copy.code, copy.location, copy.message, copy.hint, copy.render()) == (
        raised.value.code,
        raised.value.location,
        raised.value.message,
        raised.value.hint,
        raised.value.render(),
    )
