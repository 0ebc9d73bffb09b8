"""The exception for expected bad input that stops a command.

Validation reports problems as values (see ``newscorpus.validate.problems``);
this exception is for input that cannot be processed at all, such as a raw file
that is not UTF-8. The CLI renders it as one located line and exit code 2.
"""

from __future__ import annotations

from newscorpus.codes import CODES
from newscorpus.locations import escape_for_terminal


class UnusableInputError(Exception):
    """Input that a command cannot work on, with a stable code, location and hint."""

    def __init__(self, code: str, location: str, message: str, hint: str = "") -> None:
        super().__init__(f"{location}: {message}")
        if code not in CODES:
            raise ValueError(f"unregistered error code {code!r}")
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint or CODES[code].hint

    def __reduce__(self) -> tuple[type[UnusableInputError], tuple[str, str, str, str]]:
        # The error crosses from worker processes to the pipeline as it is (see newscorpus.engines.outcomes).
        return (type(self), (self.code, self.location, self.message, self.hint))

    def render(self) -> str:
        """One located line (the location and message escaped: a file name cannot forge a line), then the hint."""
        hint = f"\n  hint: {self.hint}" if self.hint else ""
        return f"{escape_for_terminal(self.location)}: error [{self.code}] {escape_for_terminal(self.message)}{hint}"
