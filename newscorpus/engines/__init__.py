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


def open_engine(name: str = "local", jobs: int | None = None, address: str | None = None) -> Engine:
    """An engine by name; ``jobs`` defaults to every available core, ``address`` is a Ray cluster's."""
    workers = jobs or available_cores()
    if name == "ray":
        from newscorpus.engines.ray_engine import RayEngine

        return RayEngine(workers, address)
    from newscorpus.engines.local import LocalEngine

    return LocalEngine(workers)


__all__ = ["ENGINES", "Engine", "available_cores", "open_engine"]
