"""What commands print and how they start: -q is silent on success, small corpora run in one process,
`view` points at the index, and README states the release lookup as newscorpus.load does it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorpus import loader
from newscorpus.cli import main
from newscorpus.engines import (
    SERIAL_BELOW_RAW_BYTES,
    SERIAL_BELOW_RECORD_BYTES,
    available_cores,
    default_jobs,
    open_engine,
)
from newscorpus.engines.local import LocalEngine
from newscorpus.viewer.commands import view

REPO = Path(__file__).resolve().parent.parent.parent
SEED_RAW = REPO / "corpus" / "raw" / "themoscowtimes"


@pytest.fixture
def seed_corpus(tmp_path) -> Path:
    """A corpus of the seed alone (raw capture and record)."""
    shutil.copytree(SEED_RAW, tmp_path / "corpus" / "raw" / "themoscowtimes")
    (tmp_path / "corpus" / "records").mkdir()
    for record in (REPO / "corpus" / "records").glob("themoscowtimes-*.json"):
        shutil.copy(record, tmp_path / "corpus" / "records")
    return tmp_path


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    """Four short articles of an unknown publisher: several tasks, little work."""
    raw = tmp_path / "corpus" / "raw" / "examplepress"
    raw.mkdir(parents=True)
    for number in range(4):
        (raw / f"{number}.txt").write_text(
            f"Council meets for the {number + 1}th time\n\nThe council met on Monday, the mayor said.\n",
            encoding="utf-8",
        )
    return tmp_path


def test_quiet_build_prints_nothing_on_success_and_a_loud_one_its_summary(seed_corpus):
    quiet = CliRunner().invoke(main, ["build", "--root", str(seed_corpus), "-j", "1", "-q"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.output == ""
    loud = CliRunner().invoke(main, ["build", "--root", str(seed_corpus), "-j", "1"])
    assert loud.exit_code == 0 and loud.output.startswith("built corpus/release: 1 document(s)")


def test_quiet_check_is_silent_when_up_to_date_and_reports_a_difference(seed_corpus):
    assert CliRunner().invoke(main, ["build", "--root", str(seed_corpus), "-j", "1", "-q"]).exit_code == 0
    clean = CliRunner().invoke(main, ["build", "--check", "--root", str(seed_corpus), "-j", "1", "-q"])
    assert (clean.exit_code, clean.output) == (0, "")
    (seed_corpus / "corpus" / "release" / "ATTRIBUTION.md").write_text("edited\n", encoding="utf-8")
    differs = CliRunner().invoke(main, ["build", "--check", "--root", str(seed_corpus), "-j", "1", "-q"])
    assert differs.exit_code == 1 and "ATTRIBUTION.md: content differs" in differs.output


def test_quiet_convert_and_validate_print_nothing_on_success(seed_corpus):
    for command in (["convert"], ["validate"]):
        result = CliRunner().invoke(main, [*command, "--root", str(seed_corpus), "-j", "1", "-q"])
        assert (result.exit_code, result.output) == (0, ""), command


def test_default_jobs_is_one_process_below_the_threshold_and_every_core_above():
    assert default_jobs(0) == default_jobs(SERIAL_BELOW_RAW_BYTES - 1) == 1
    assert default_jobs(SERIAL_BELOW_RAW_BYTES) == default_jobs(None) == available_cores()
    assert default_jobs(SERIAL_BELOW_RAW_BYTES, SERIAL_BELOW_RECORD_BYTES) == 1
    assert open_engine("local", None, None, 10).jobs == 1
    assert open_engine("local", 2, None, 10).jobs == 2  # an explicit -j always wins


def test_a_small_corpus_converts_without_starting_worker_processes(small_corpus, monkeypatch):
    def no_pool(self):
        raise AssertionError(f"a worker pool of {self.jobs} was started for a small corpus")

    monkeypatch.setattr(LocalEngine, "_worker_pool", no_pool)
    result = CliRunner().invoke(main, ["convert", "--root", str(small_corpus)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("converted 4 article(s)")


def test_validating_the_committed_corpus_runs_in_one_process(monkeypatch):
    """294 records (12.5 MB) validate in about 5 s in one process and 9 to 10 s with two: no pool by default."""

    def no_pool(self):
        raise AssertionError(f"a worker pool of {self.jobs} was started to validate a small corpus")

    monkeypatch.setattr(LocalEngine, "_worker_pool", no_pool)
    result = CliRunner().invoke(main, ["validate", "--root", str(REPO), str(REPO / "corpus" / "records"), "-q"])
    assert (result.exit_code, result.output) == (0, ""), result.output


def test_view_of_every_article_ends_pointing_at_the_index(seed_corpus, tmp_path):
    out = tmp_path / "pages"
    every = CliRunner().invoke(view, ["--root", str(seed_corpus), "--out", str(out)])
    assert every.exit_code == 0, every.output
    assert every.output.splitlines()[-1] == f"open {(out / 'index.html').resolve().as_uri()}"
    record = next((seed_corpus / "corpus" / "records").glob("*.json"))
    one = CliRunner().invoke(view, [record.stem, "--root", str(seed_corpus), "--out", str(out)])
    assert one.output.splitlines()[-1] == f"open {(out / f'{record.stem}.html').resolve().as_uri()}"


def test_load_falls_back_to_the_release_of_its_own_checkout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no corpus/release here
    monkeypatch.delenv(loader.RELEASE_ENV, raising=False)
    assert loader.find_release().resolve() == (REPO / "corpus" / "release").resolve()
    monkeypatch.setenv(loader.RELEASE_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="nowhere"):
        loader.find_release()  # a set variable is the only place looked at


def test_readme_states_the_lookup_in_the_order_the_code_follows():
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    steps = [
        "the `release=` argument if given (and nothing else then)",
        "else `$NEWSCORPUS_RELEASE` if it is set (and nothing else then)",
        "else `corpus/release` under the current directory",
        "else the `corpus/release` folder of the checkout the package is installed from",
    ]
    positions = [readme.find(step) for step in steps]
    assert -1 not in positions and positions == sorted(positions), positions
