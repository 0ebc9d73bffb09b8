"""The Ray engine: the same task functions as Ray tasks, on a local instance or a cluster.

With no address, a local Ray instance with ``jobs`` CPUs is started (and shut
down at the end); with ``--address`` (``auto``, ``ray://head:10001``, ...) the
engine joins that cluster. If Ray is already initialised in this process, it is
used as it is. Tasks read and write files by path, so on a cluster the corpus
root must be at the same path on every node (a shared file system) and
newscorpus must be installed there too.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar

from newscorpus.engines.outcomes import run_reporting_errors, unwrap
from newscorpus.problems.errors import UnusableInputError

Task = TypeVar("Task")
Result = TypeVar("Result")

# Tasks in flight per worker: enough to keep workers busy, few enough that
# results and arguments never pile up in the object store.
_IN_FLIGHT_PER_JOB = 2


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as error:
        raise UnusableInputError(
            "engine.unavailable", "--engine ray", "Ray is not installed", "pip install 'newscorpus[ray]'"
        ) from error
    return ray


class RayEngine:
    """Runs tasks as Ray remote functions, yielding results in task order."""

    def __init__(self, jobs: int, address: str | None = None) -> None:
        self._ray = _import_ray()
        self._owns_instance = not self._ray.is_initialized()
        if self._owns_instance:
            try:
                self._ray.init(
                    address=address,
                    num_cpus=jobs if address is None else None,
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.WARNING,
                )
            except (ConnectionError, RuntimeError, ValueError) as error:
                raise UnusableInputError(
                    "engine.unavailable",
                    f"--address {address}" if address else "--engine ray",
                    f"cannot start or reach Ray: {error}",
                    "check the address (e.g. ray://head-node:10001 or auto) and that the cluster is up",
                ) from error
        self.jobs = int(self._ray.cluster_resources().get("CPU", jobs)) or jobs
        self._remote: dict[Callable[..., Any], Any] = {}

    def map(self, function: Callable[[Task], Result], tasks: Sequence[Task]) -> Iterator[Result]:
        remote = self._remote.setdefault(run_reporting_errors, self._ray.remote(run_reporting_errors))
        queue = iter(tasks)
        pending = deque(remote.remote(function, task) for task in islice(queue, self.jobs * _IN_FLIGHT_PER_JOB))
        while pending:
            result = self._ray.get(pending.popleft())
            pending.extend(remote.remote(function, task) for task in islice(queue, 1))  # one out, one in
            yield unwrap(result)

    def close(self) -> None:
        if self._owns_instance and self._ray.is_initialized():
            self._ray.shutdown()
