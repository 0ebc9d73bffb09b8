"""Annotations read from an annotation tool, before they become layers of a record.

Readers of the import formats (BRAT, Label Studio) produce an
``ImportedDocument``: the document's text and its annotations as character
spans, without record ids. ``newscorpus.io.merge`` then gives them ids and
puts them into the record. Each span keeps the text the tool says it covers,
so that a shifted offset is caught and located at the line that made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.problems.errors import UnusableInputError
from newscorpus.text.offsets import Span

# An import file holds a few articles' annotation; anything far larger is not one.
MAX_IMPORT_BYTES = 200_000_000


@dataclass(frozen=True, slots=True)
class ImportedEntity:
    span: Span
    label: str
    confirmed: bool = False  # the annotator marked it checked (gold) without changing it


@dataclass(frozen=True, slots=True)
class ImportedLink:
    """A Wikidata link of the entity at ``entity`` (its span); qid None when not confirmed."""

    entity: Span
    qid: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class ImportedQuote:
    type: str
    content: Span
    cue: Span | None
    source: Span | None
    confirmed: bool = False  # the annotator marked it checked (gold) without changing it


@dataclass(frozen=True, slots=True)
class _SpanClaim:
    span: Span
    stated: str
    where: str


@dataclass(slots=True)
class ImportedDocument:
    """One document's text and annotations as read from a tool's file.

    ``document_id`` is None when the file does not name the record (then the
    record is found by its text). An empty list means the file holds no
    annotation of that layer, and the record's layer is left as it is.
    """

    location: str
    text: str
    document_id: str | None
    entities: list[ImportedEntity] = field(default_factory=list)
    links: list[ImportedLink] = field(default_factory=list)
    quotes: list[ImportedQuote] = field(default_factory=list)
    _claims: list[_SpanClaim] = field(default_factory=list)

    def span(self, start: object, end: object, stated: object, where: str) -> Span:
        """The span ``[start, end)`` a tool says holds ``stated``; its text is checked by ``check_spans``.

        The check waits until the document's text has been compared with the
        record's, so that a changed text is reported as such, at its first
        differing offset, rather than as the first span it shifted.
        """
        if not (type(start) is int and type(end) is int and isinstance(stated, str)):  # bool is no offset
            raise UnusableInputError("import.malformed", where, "a span needs integer start and end and its text")
        span = Span(start, end)
        self._claims.append(_SpanClaim(span, stated, where))
        return span

    def check_spans(self) -> None:
        """Refuse the first span outside the text or whose stated text differs, naming the offset.

        Tools write a newline inside a span as a space (BRAT does), so
        newlines count as spaces in the comparison.
        """
        for claim in self._claims:
            start, end = claim.span.start, claim.span.end
            if not 0 <= start < end <= len(self.text):
                raise UnusableInputError(
                    "import.span-mismatch",
                    claim.where,
                    f"span [{start}, {end}) is not inside the text ({len(self.text)})",
                )
            actual = self.text[start:end]
            difference = first_difference(actual.replace("\n", " "), claim.stated.replace("\n", " "))
            if difference is not None:
                raise UnusableInputError(
                    "import.span-mismatch",
                    claim.where,
                    f"span text {claim.stated!r} differs from the text {actual!r} at offset {start + difference}",
                )


def first_difference(expected: str, actual: str) -> int | None:
    """The first offset at which two texts differ, or None when they are equal."""
    if expected == actual:
        return None
    for offset, (a, b) in enumerate(zip(expected, actual, strict=False)):
        if a != b:
            return offset
    return min(len(expected), len(actual))


def read_import_text(path: Path) -> str:
    """A file's text as UTF-8, exactly (no newline or BOM changes: offsets count every character)."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise UnusableInputError("input.too-large", str(path), f"{size:,} bytes; the limit is {MAX_IMPORT_BYTES:,}")
        data = path.read_bytes()
    except OSError as error:
        raise UnusableInputError("input.unreadable", str(path), f"cannot read: {error.strerror}") from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnusableInputError(
            "input.encoding", str(path), f"not valid UTF-8 at byte {error.start}", "Save the file as UTF-8."
        ) from error


@dataclass(frozen=True, slots=True)
class QuotePart:
    """A span annotated as a quotation's Content, Cue or Source, and where it was read."""

    role: str
    span: Span
    where: str


@dataclass(frozen=True, slots=True)
class PartRelation:
    """A link between a Content and its Cue or Source; ``role`` is the one the tool states, if any."""

    first: str
    second: str
    role: str | None
    where: str


def assemble_quotes(
    parts: dict[str, QuotePart],
    quote_types: dict[str, str],
    relations: list[PartRelation],
    confirmed: frozenset[str] | set[str] = frozenset(),
) -> list[ImportedQuote]:
    """Quotations from parts (by the tool's annotation id) joined by relations, in the order of the contents.

    ``confirmed`` holds the ids of Contents the annotator marked checked.
    Each relation joins a Content with a Cue or Source, in either direction;
    a Content has at most one of each, and every Cue and Source belongs to
    some Content (it may be shared, as when one speaker says two things).
    """
    found: dict[str, dict[str, Span]] = {key: {} for key, part in parts.items() if part.role == "Content"}
    attached: set[str] = set()
    for relation in relations:
        ends = [parts.get(relation.first), parts.get(relation.second)]
        if None in ends:
            raise UnusableInputError("import.quote-structure", relation.where, "a relation joins no quotation parts")
        content_key, part_key = (
            (relation.first, relation.second) if ends[0].role == "Content" else (relation.second, relation.first)
        )
        part = parts[part_key]
        if parts[content_key].role != "Content" or part.role not in ("Cue", "Source"):
            raise UnusableInputError("import.quote-structure", relation.where, "a relation joins a Content to a part")
        if relation.role is not None and relation.role.lower() != part.role.lower():
            raise UnusableInputError(
                "import.quote-structure", relation.where, f"a {relation.role} relation ends at a {part.role}"
            )
        if part.role in found[content_key]:
            raise UnusableInputError("import.quote-structure", relation.where, f"a Content with two {part.role}s")
        found[content_key][part.role] = part.span
        attached.add(part_key)
    for key in quote_types.keys() - found.keys():
        raise UnusableInputError("import.quote-structure", key, "a quote type is given to no Content")
    for key, part in parts.items():
        if part.role != "Content" and key not in attached:
            raise UnusableInputError("import.quote-structure", part.where, f"{part.role} {key} belongs to no Content")
        if part.role == "Content" and key not in quote_types:
            raise UnusableInputError("import.quote-structure", part.where, f"Content {key} has no quote type")
    return [
        ImportedQuote(quote_types[key], parts[key].span, spans.get("Cue"), spans.get("Source"), key in confirmed)
        for key, spans in found.items()
    ]
