"""The problem value: one thing wrong with an input, with a registered code (see ``newscorpus.problems.codes``).

Validation reports a list of them; ``UnusableInputError`` raises one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from newscorpus.problems.codes import CODES as ALL_CODES
from newscorpus.problems.entry import Code

# The validation codes of the registry: the problems validate reports in records.
CODES: dict[str, Code] = {name: code for name, code in ALL_CODES.items() if code.stage == "validate"}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, located by file, record id and JSON pointer."""

    code: str
    message: str
    path: str = ""
    file: str = ""
    record_id: str | None = None
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in ALL_CODES:
            raise ValueError(f"unregistered problem code {self.code!r}")
        if not self.hint:
            object.__setattr__(self, "hint", ALL_CODES[self.code].hint)

    def located(self, file: str, record_id: str | None) -> Problem:
        return Problem(self.code, self.message, self.path, file, record_id, self.hint)

    @property
    def location(self) -> str:
        """Where the problem is: the file, and the JSON pointer inside it when there is one."""
        return f"{self.file}#{self.path}" if self.path else self.file

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def pointer(*parts: str | int) -> str:
    """A JSON pointer (RFC 6901) from path parts."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)
