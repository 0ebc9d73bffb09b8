"""Export replaces only what it writes: a regular file (or, for brat, a folder). Anything else is refused and kept.

Devices are made in the test's own folder (a copy of /dev/full's and /dev/null's
numbers), so that a failure here can never replace the machine's /dev entries.
"""

from __future__ import annotations

import os
import socket
import stat

import pytest
from reliability_helpers import error_codes, run_cli


def _device(path, minor):
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device node needs root")  # the FIFO, socket and link cases still run
    return path


def _make(kind, path, tmp_path):
    if kind == "full-device":
        _device(path, 7)
    elif kind == "null-device":
        _device(path, 3)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        socket.socket(socket.AF_UNIX).bind(str(path))
    elif kind == "link":
        target = tmp_path / "elsewhere.jsonl"
        target.write_text("kept\n", encoding="utf-8")
        path.symlink_to(target)
    return os.lstat(path)


@pytest.mark.parametrize("kind", ["full-device", "null-device", "fifo", "socket", "link"])
@pytest.mark.parametrize("output_format", ["jsonl", "conll2003", "docbin"])
def test_an_existing_target_that_is_not_a_regular_file_is_refused_and_kept(tmp_path, corpus_copy, kind, output_format):
    out = tmp_path / "out"
    before = _make(kind, out, tmp_path)
    ran = run_cli("export", "--root", corpus_copy, "--format", output_format, out)
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["export.output"])
    after = os.lstat(out)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []  # no temporary left
    if kind == "link":
        assert (tmp_path / "elsewhere.jsonl").read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize("kind", ["fifo", "link"])
def test_brat_refuses_a_target_that_is_not_a_folder(tmp_path, corpus_copy, kind):
    out = tmp_path / "out"
    if kind == "fifo":
        os.mkfifo(out)
    else:
        (tmp_path / "real").mkdir()
        out.symlink_to(tmp_path / "real", target_is_directory=True)
    before = os.lstat(out)
    ran = run_cli("export", "--root", corpus_copy, "--format", "brat", out)
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["export.output"])
    assert os.lstat(out).st_mode == before.st_mode
    if kind == "link":
        assert list((tmp_path / "real").iterdir()) == []  # nothing written through the link


def test_an_existing_regular_file_is_replaced(tmp_path, corpus_copy):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    ran = run_cli("export", "--root", corpus_copy, "--format", "jsonl", out)
    assert ran.exit_code == 0, ran.stderr
    assert out.read_text(encoding="utf-8").startswith('{"')
