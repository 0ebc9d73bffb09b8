"""The local engine: tasks in this process, or in a pool of worker processes.

Worker processes start from a fork server that has already imported the task
modules (spaCy, pyarrow, datasets), so a worker is ready in milliseconds and
never inherits the parent's threads. A single task, or ``jobs=1``, runs in this
process: no pool is started for work that cannot be shared.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from newscorpus.engines.lifetime import end_with_parent
from newscorpus.engines.outcomes import ReportingErrors, unwrap
from newscorpus.problems.errors import UnusableInputError

Task = TypeVar("Task")
Result = TypeVar("Result")

# Modules the fork server imports once, so that each worker does not.
# forkserver_preload ties the fork server's life to this process (see newscorpus.engines.lifetime).
_PRELOAD = ["newscorpus.pipeline.tasks", "newscorpus.release.folder", "newscorpus.engines.forkserver_preload"]


def _unwrapped_from_pool(outcomes: Iterator[object]) -> Iterator[Result]:
    """The pool's results in order; a worker that died (killed, out of memory) is a located error."""
    try:
        for outcome in outcomes:
            yield unwrap(outcome)  # type: ignore[misc]
    except BrokenProcessPool as error:
        raise UnusableInputError(
            "engine.worker-lost",
            "--engine local",
            "a worker process ended without finishing its task (killed, or out of memory)",
        ) from error


class LocalEngine:
    """Runs tasks on this machine with up to ``jobs`` processes."""

    def __init__(self, jobs: int = 1) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def map(self, function: Callable[[Task], Result], tasks: Sequence[Task]) -> Iterator[Result]:
        """Yield results in task order; in this process when only one worker could be busy."""
        guarded = ReportingErrors(function)
        if self.jobs == 1 or len(tasks) <= 1:
            return (unwrap(guarded(task)) for task in tasks)
        return _unwrapped_from_pool(self._worker_pool().map(guarded, tasks))

    def _worker_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_PRELOAD)
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=context, initializer=end_with_parent, initargs=(os.getpid(),)
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
