"""Only regular files are read: FIFOs, sockets, folders and links in the corpus folders are refused by rule.

Each test is one bad input of issue 14 (or its class), with the exact code and
exit status, and a check that nothing in the corpus changed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from reliability_helpers import built_corpus, error_codes, run_cli, run_process, snapshot

RAW = "corpus/raw/themoscowtimes"


@pytest.fixture
def corpus(tmp_path):
    return built_corpus(tmp_path)


@pytest.mark.parametrize("command", [["validate"], ["build"], ["convert"], ["build", "--check"]])
def test_a_fifo_named_like_a_record_is_refused_without_waiting(corpus, command):
    os.mkfifo(corpus / "corpus/records/fifo.json")
    before = snapshot(corpus)
    ran = run_process(*command, "-q", "-j", "1", "--root", corpus, timeout=90)  # a hang fails here
    assert ran.exit_code == 2
    assert error_codes(ran.stdout + ran.stderr) == ["input.not-regular-file"]
    assert "corpus/records/fifo.json" in ran.stdout + ran.stderr
    assert snapshot(corpus) == before


@pytest.mark.parametrize("kind", ["folder", "socket", "link"])
def test_a_folder_socket_or_link_named_like_a_record_is_refused(corpus, kind, tmp_path_factory):
    path = corpus / "corpus/records/odd.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "socket":
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(path))
    else:
        outside = tmp_path_factory.mktemp("outside") / "x.json"
        outside.write_text("{}", encoding="utf-8")
        path.symlink_to(outside)
    before = snapshot(corpus)
    validated = run_cli("validate", "--root", corpus, "-j", "1", corpus / "corpus/records")
    built = run_cli("build", "--root", corpus, "-j", "1", "-q")
    assert (validated.exit_code, error_codes(validated.stdout)) == (2, ["input.not-regular-file"])
    assert (built.exit_code, error_codes(built.stderr)) == (2, ["input.not-regular-file"])
    assert snapshot(corpus) == before


def test_a_fifo_named_like_a_raw_capture_is_refused(corpus):
    os.mkfifo(corpus / RAW / "pipe.txt")
    before = snapshot(corpus)
    ran = run_process("build", "-q", "-j", "1", "--root", corpus, timeout=90)
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["raw.not-regular"])
    assert snapshot(corpus) == before


def test_a_hard_link_to_a_file_outside_the_corpus_is_refused(corpus, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "article.txt"
    outside.write_text("Headline\n\nA body sentence that would become a record.\n", encoding="utf-8")
    os.link(outside, corpus / RAW / "linked.txt")
    before = snapshot(corpus)
    ran = run_cli("build", "--root", corpus, "-j", "1", "-q")
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["raw.outside-corpus"])
    assert f"{RAW}/linked.txt" in ran.stderr
    assert snapshot(corpus) == before


def test_a_linked_folder_under_raw_is_refused_not_skipped(corpus, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "article.txt").write_text("Headline\n\nA body sentence.\n", encoding="utf-8")
    (corpus / "corpus/raw/elsewhere").symlink_to(outside, target_is_directory=True)
    before = snapshot(corpus)
    ran = run_cli("convert", "--root", corpus, "-j", "1", "-q")
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["raw.outside-corpus"])
    assert "corpus/raw/elsewhere" in ran.stderr
    assert snapshot(corpus) == before


_READ_SPARSE = """
import resource, sys
from pathlib import Path
from newscorpus.convert.decode import read_raw
from newscorpus.problems.errors import UnusableInputError
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # after the imports (spaCy): the baseline
try:
    read_raw(Path(sys.argv[1]), "corpus/raw/x/big.txt")
except UnusableInputError as error:
    print(error.code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def test_a_huge_sparse_raw_file_is_refused_by_its_size_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(600_000_000)  # sparse: no disk used, but reading it would take 600 MB of memory
    done = subprocess.run([sys.executable, "-c", _READ_SPARSE, str(big)], capture_output=True, text=True, timeout=60)
    code, growth_kib = done.stdout.split()
    assert code == "raw.too-large"
    assert int(growth_kib) < 50_000, f"peak memory grew {int(growth_kib) // 1024} MB: the file was read"


def test_a_stray_file_in_records_is_refused_by_validate_and_build(corpus):
    (corpus / "corpus/records/notes.txt").write_text("to do\n", encoding="utf-8")
    before = snapshot(corpus)
    validated = run_cli("validate", "--root", corpus, "-j", "1", corpus / "corpus/records")
    built = run_cli("build", "--root", corpus, "-j", "1", "-q")
    assert (validated.exit_code, error_codes(validated.stdout)) == (1, ["folder.stray-file"])
    assert (built.exit_code, error_codes(built.stderr)) == (1, ["folder.stray-file"])
    assert "build stopped" in built.stderr
    assert snapshot(corpus) == before
