"""Errors of a task as values: what a worker process raises reaches the pipeline as the error itself.

A task that meets bad input raises ``UnusableInputError``; one that meets a
full disk or a read-only file system raises ``OSError``. Raised in a worker
process, either would come back wrapped in a remote traceback. The engines
run every task through ``ReportingErrors``, which returns such an error as a
``TaskFailure`` value (an OSError first turned into its located error by
``newscorpus.problems.file_errors``), and ``unwrap`` raises it again in the caller's
process, in task order, as the plain located error the CLI prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.file_errors import unusable_from_os_error

Task = TypeVar("Task")
Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class TaskFailure:
    """The located error a task ended with (it pickles: see ``UnusableInputError.__reduce__``)."""

    error: UnusableInputError


@dataclass(frozen=True, slots=True)
class ReportingErrors(Generic[Task, Result]):
    """``function`` with its expected errors returned as a ``TaskFailure`` instead of raised."""

    function: Callable[[Task], Result]

    def __call__(self, task: Task) -> Result | TaskFailure:
        return run_reporting_errors(self.function, task)


def run_reporting_errors(function: Callable[[Task], Result], task: Task) -> Result | TaskFailure:
    """``function(task)``, or the located error it ended with as a value (a plain function, as Ray wants)."""
    try:
        return function(task)
    except UnusableInputError as error:
        return TaskFailure(error)
    except OSError as error:
        return TaskFailure(unusable_from_os_error(error))


def unwrap(outcome: Result | TaskFailure) -> Result:
    """The task's result, or its error raised here."""
    if isinstance(outcome, TaskFailure):
        raise outcome.error
    return outcome
