"""The corpus lock never follows a link, never truncates, and refuses a lock path that is not a regular file."""

from __future__ import annotations

import os

import pytest
from reliability_helpers import built_corpus, error_codes, run_cli, run_process, snapshot

from newscorpus.record.layout import CorpusLayout, corpus_lock


@pytest.fixture
def corpus(tmp_path):
    return built_corpus(tmp_path / "root")


def test_a_lock_that_is_a_link_to_a_file_outside_is_refused_and_the_file_kept(corpus, tmp_path):
    victim = tmp_path / "precious.txt"
    victim.write_text("not yours to truncate\n", encoding="utf-8")
    (corpus / "corpus/.lock").symlink_to(victim)
    before = snapshot(corpus)
    ran = run_cli("build", "--root", corpus, "-j", "1", "-q")
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["corpus.lock-not-a-file"])
    assert victim.read_text(encoding="utf-8") == "not yours to truncate\n"
    assert (corpus / "corpus/.lock").is_symlink()
    assert snapshot(corpus) == before


def test_a_lock_that_is_a_dangling_link_is_refused_and_nothing_is_created(corpus, tmp_path):
    target = tmp_path / "would-be-created"
    (corpus / "corpus/.lock").symlink_to(target)
    ran = run_cli("convert", "--root", corpus, "-j", "1", "-q")
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["corpus.lock-not-a-file"])
    assert not target.exists()


def test_a_lock_that_is_a_folder_is_refused(corpus):
    (corpus / "corpus/.lock").mkdir()
    before = snapshot(corpus)
    ran = run_cli("convert", "--root", corpus, "-j", "1", "-q")
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["corpus.lock-not-a-file"])
    assert snapshot(corpus) == before


def test_a_lock_that_is_a_fifo_is_refused_without_waiting(corpus):
    os.mkfifo(corpus / "corpus/.lock")
    ran = run_process("build", "-q", "-j", "1", "--root", corpus, timeout=90)
    assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["corpus.lock-not-a-file"])


def test_an_existing_lock_file_is_not_truncated(corpus):
    lock = corpus / "corpus/.lock"
    lock.write_text("left by an older version\n", encoding="utf-8")
    with corpus_lock(CorpusLayout(corpus)):
        assert lock.read_text(encoding="utf-8") == "left by an older version\n"
    assert lock.read_text(encoding="utf-8") == "left by an older version\n"


def test_the_lock_is_made_as_an_empty_regular_file_and_still_excludes_a_second_holder(corpus):
    layout = CorpusLayout(corpus)
    with corpus_lock(layout):
        assert (corpus / "corpus/.lock").is_file()
        ran = run_cli("convert", "--root", corpus, "-j", "1", "-q")
        assert (ran.exit_code, error_codes(ran.stderr)) == (2, ["corpus.locked"])
    assert (corpus / "corpus/.lock").stat().st_size == 0
