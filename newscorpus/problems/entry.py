"""One entry of the code registry: what a stable error code means, where it arises, and its fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """A stable error code with what it means and how to fix it."""

    title: str
    hint: str
    stage: str = "validate"
    example: str = ""  # what triggers it, for docs/errors.md
