"""Engines: results in task order, in this process or in workers, and a Ray build identical to a local one."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorpus.cli import main
from newscorpus.engines import available_cores, open_engine
from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline.corpus import build_corpus
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import CorpusLayout
from newscorpus.release.shards import ShardLimits
from newscorpus.synth import write_synthetic_corpus

SMALL = ShardLimits(documents=2, record_bytes=100_000)


def _process_and_square(number: int) -> tuple[int, int]:
    return os.getpid(), number * number


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_one_job_runs_tasks_in_this_process_in_order():
    results = list(LocalEngine(1).map(_process_and_square, range(20)))
    assert results == [(os.getpid(), n * n) for n in range(20)]


def test_worker_processes_return_results_in_task_order():
    engine = LocalEngine(2)
    try:
        results = list(engine.map(_process_and_square, list(range(40))))
    finally:
        engine.close()
    assert [square for _, square in results] == [n * n for n in range(40)]
    assert os.getpid() not in {pid for pid, _ in results}


def test_a_single_task_needs_no_worker_process():
    engine = LocalEngine(4)
    assert list(engine.map(_process_and_square, [3])) == [(os.getpid(), 9)]
    engine.close()


def test_jobs_default_to_every_available_core():
    engine = open_engine("local")
    assert engine.jobs == available_cores() >= 1
    engine.close()


def test_without_ray_the_ray_engine_is_refused_with_a_code(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails, as without the extra
    with pytest.raises(UnusableInputError) as raised:
        open_engine("ray")
    assert raised.value.code == "engine.unavailable"
    (tmp_path / "corpus" / "raw").mkdir(parents=True)
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path), "--engine", "ray"])
    assert result.exit_code == 2
    assert "[engine.unavailable]" in result.output and "Traceback" not in result.output


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray instance with two CPUs, shut down after this module's tests."""
    import ray  # the ray extra is part of the test extras

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_a_ray_build_is_byte_identical_to_a_local_build(local_ray, tmp_path):
    local, distributed = tmp_path / "local", tmp_path / "ray"
    write_synthetic_corpus(local, 6, 11, LocalEngine(1))
    shutil.copytree(local / "corpus", distributed / "corpus")
    build_corpus(CorpusLayout(local), LocalEngine(1), limits=SMALL)
    engine = open_engine("ray")
    try:
        assert engine.jobs == 2
        result = build_corpus(CorpusLayout(distributed), engine, limits=SMALL)
    finally:
        engine.close()
    assert local_ray.is_initialized()  # the engine used the running instance and left it running
    assert result.release is not None and len(result.release.files) > 8
    assert _files(distributed / "corpus") == _files(local / "corpus")
    shutil.rmtree(distributed / "corpus" / "release")
    built = CliRunner().invoke(main, ["build", "--root", str(distributed), "--engine", "ray", "--quiet"])
    assert built.exit_code == 0, built.output
    checked = CliRunner().invoke(main, ["build", "--check", "--root", str(distributed), "--engine", "ray"])
    assert checked.exit_code == 0, checked.output
