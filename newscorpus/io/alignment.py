"""Character spans to token ranges, for the formats that count in tokens (CoNLL-U, spaCy)."""

from __future__ import annotations

from typing import Any

from newscorpus.problems.errors import UnusableInputError
from newscorpus.views.tokens import token_index


class TokenAligner:
    """Finds the tokens a character span covers, refusing spans that cut a token.

    Token-based formats cannot hold a span that starts or ends inside a token;
    rather than widen it silently (which would change gold data), the export
    stops and says which span it is.
    """

    def __init__(self, record: dict[str, Any]) -> None:
        self._record_id = record["id"]
        self._first_of_start, self._last_of_end = token_index(record)

    def token_range(self, start: int, end: int, what: str) -> tuple[int, int]:
        """Half-open range ``[first, last + 1)`` of the tokens exactly covering ``[start, end)``."""
        first = self._first_of_start.get(start)
        last = self._last_of_end.get(end)
        if first is None or last is None or last < first:
            raise UnusableInputError(
                "export.unaligned-span",
                self._record_id,
                f"{what} [{start}, {end}) does not start and end on token boundaries",
            )
        return first, last + 1
