"""Progress bars for long commands, and the one-line summary they end with.

Bars go to stderr and only to a terminal: with ``--quiet``, in CI logs and in
pipes they stay silent, so output meant for machines is never interleaved with
bar redraws.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tqdm import tqdm


class Progress:
    """Shows a bar per pipeline stage when enabled; otherwise does nothing."""

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled

    @classmethod
    def for_terminal(cls, quiet: bool) -> Progress:
        """Bars unless ``quiet`` or stderr is not a terminal."""
        return cls(enabled=not quiet and sys.stderr.isatty())

    @contextmanager
    def stage(self, description: str, total: int) -> Iterator[Callable[[int], object]]:
        """A bar over ``total`` documents; the context gives the function that advances it."""
        bar = tqdm(total=total, desc=description, unit="doc", disable=not self.enabled, leave=False, file=sys.stderr)
        try:
            yield bar.update
        finally:
            bar.close()


SILENT = Progress(enabled=False)


@dataclass(frozen=True, slots=True)
class RunSummary:
    """Figures of a finished command: what it processed, how many errors, how fast."""

    documents: int
    tokens: int
    errors: int
    seconds: float

    def render(self) -> str:
        rate = self.documents / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.documents:,} document(s), {self.tokens:,} tokens, {self.errors:,} error(s) "
            f"in {self.seconds:.2f} s ({rate:,.1f} documents/s)"
        )
