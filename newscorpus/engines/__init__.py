"""Engines: where the pipeline's batch tasks run.

A task is a module-level function applied to one picklable argument; an engine
maps it over a list of arguments and yields the results in argument order, so
what the pipeline writes never depends on which engine ran it or on how many
workers it had. ``local`` runs the tasks in this process or in a pool of worker
processes on this machine; ``ray`` runs the same functions as Ray tasks on a
local Ray instance or a cluster.

Beside them: ``progress`` (the bars and the closing summary line) and
``options`` (the command-line options every command shares). Engines know
nothing of records.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")

ENGINES = ("local", "ray")


class Engine(Protocol):
    """Runs a task function over a list of arguments."""

    jobs: int

    def map(self, function: Callable[[Task], Result], tasks: Sequence[Task]) -> Iterator[Result]:
        """Yield ``function(task)`` for every task, in the order of ``tasks``."""
        ...

    def close(self) -> None:
        """Release workers (and a Ray instance this engine started)."""
        ...


def available_cores() -> int:
    """CPU cores this process may use (its affinity mask, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# Input below which the local engine's default is one process, per kind of input. Worker processes
# start from a fork server that imports spaCy, pyarrow and datasets, and each builds its own
# annotators: seconds of fixed cost that a small corpus never wins back. Converting costs about
# 50 ms per Wikinews article, validating 2 to 3 ms per record, so the break-even points lie far
# apart in bytes (BENCHMARKS.md, "Default number of jobs").
SERIAL_BELOW_RAW_BYTES = 4 * 2**20  # raw captures (convert, build)
SERIAL_BELOW_RECORD_BYTES = 96 * 2**20  # record files (validate)


def default_jobs(work_bytes: int | None, serial_below: int = SERIAL_BELOW_RAW_BYTES) -> int:
    """Processes for a local run over ``work_bytes`` of input: one below ``serial_below``, else every core.

    None (the amount of work is not known) means every core.
    """
    if work_bytes is not None and work_bytes < serial_below:
        return 1
    return available_cores()


def open_engine(
    name: str = "local",
    jobs: int | None = None,
    address: str | None = None,
    work_bytes: int | None = None,
    serial_below: int = SERIAL_BELOW_RAW_BYTES,
) -> Engine:
    """An engine by name; ``address`` is a Ray cluster's.

    ``jobs`` defaults to every available core, except that a local run over
    less than ``serial_below`` bytes of input (``work_bytes``) runs in one
    process, which is faster for so little work.
    """
    workers = jobs or (default_jobs(work_bytes, serial_below) if name == "local" else available_cores())
    if name == "ray":
        from newscorpus.engines.ray_engine import RayEngine

        return RayEngine(workers, address)
    from newscorpus.engines.local import LocalEngine

    return LocalEngine(workers)


__all__ = [
    "ENGINES",
    "SERIAL_BELOW_RAW_BYTES",
    "SERIAL_BELOW_RECORD_BYTES",
    "Engine",
    "available_cores",
    "default_jobs",
    "open_engine",
]
