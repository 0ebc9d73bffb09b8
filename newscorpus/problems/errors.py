"""The exception for expected bad input that stops a command; it carries the problem as a value.

Validation reports problems as values (``newscorpus.problems.value``); this
exception is for input that cannot be processed at all, such as a raw file that
is not UTF-8. It wraps one ``Problem``, so that the same value is reported in a
list or raised, and it pickles through that value, so that it crosses from a
worker process or a Ray task unchanged. The CLI renders it as one located line
and exit code 2.
"""

from __future__ import annotations

from newscorpus.problems.locations import escape_for_terminal
from newscorpus.problems.value import Problem


class UnusableInputError(Exception):
    """Input that a command cannot work on: a ``Problem`` with a stable code, location and hint."""

    def __init__(self, code: str, location: str, message: str, hint: str = "") -> None:
        problem = Problem(code, message, file=location, hint=hint)  # refuses an unregistered code
        super().__init__(f"{location}: {message}")
        self.problem = problem

    @classmethod
    def of(cls, problem: Problem) -> UnusableInputError:
        """The error that raises ``problem``."""
        error = cls.__new__(cls)
        Exception.__init__(error, f"{problem.location}: {problem.message}")
        error.problem = problem
        return error

    def __reduce__(self) -> tuple[object, tuple[Problem]]:
        return type(self).of, (self.problem,)

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def location(self) -> str:
        return self.problem.location

    @property
    def message(self) -> str:
        return self.problem.message

    @property
    def hint(self) -> str:
        return self.problem.hint

    def render(self) -> str:
        """One located line (the location and message escaped: a file name cannot forge a line), then the hint."""
        hint = f"\n  hint: {self.hint}" if self.hint else ""
        return f"{escape_for_terminal(self.location)}: error [{self.code}] {escape_for_terminal(self.message)}{hint}"
