"""The registry of stable error codes: every code a command can report, with its meaning and fix.

Validation problems (``newscorpus.validate``) and unusable-input errors of
convert and build (``newscorpus.errors``) both take their codes from here, so
that one table documents them all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """A stable error code with what it means and how to fix it."""

    title: str
    hint: str
    stage: str = "validate"


def _convert(title: str, hint: str) -> Code:
    return Code(title, hint, stage="convert")


CODES: dict[str, Code] = {
    # Raw captures and the corpus folder (convert, build)
    "raw.empty": _convert("The raw file is empty", "Add the article text."),
    "raw.too-large": _convert("The raw file is larger than the limit", "A raw capture holds one article."),
    "raw.encoding": _convert("The raw file is not UTF-8", "Re-save the file as UTF-8."),
    "raw.binary": _convert("The raw file is binary (holds NUL bytes)", "Raw captures are UTF-8 text files."),
    "raw.unreadable": _convert("The raw file cannot be read", "Check the path and its permissions."),
    "raw.no-text": _convert("The raw file holds no text", "Add the article text."),
    "raw.no-body": _convert("No article body: only headline, credit or boilerplate", "Check the capture and profile."),
    "raw.outside-corpus": _convert("A raw capture is a link or lies outside corpus/raw/", "Copy the file in instead."),
    "raw.duplicate": _convert("Two raw captures give the same document id", "Keep one copy of the article."),
    "profile.invalid": _convert("A publisher profile is not valid", "Fix the TOML file or its regular expressions."),
    "corpus.missing": _convert("There is no corpus/raw/ folder", "Run from the repository root or pass --root."),
    "corpus.locked": _convert("Another convert or build is running", "Wait for it to finish."),
    "record.unreadable": _convert(
        "An existing record cannot be read", "Fix or remove it; convert keeps its gold layers."
    ),
    # Reading the file
    "input.unreadable": Code("The file cannot be read", "Check the path and its permissions."),
    "input.too-large": Code("The file is larger than the limit", "A record holds one article; split the file."),
    "input.encoding": Code("The file is not UTF-8", "Save record files as UTF-8 JSON."),
    "input.json": Code("The file is not valid JSON", "Fix the syntax at the given line and column."),
    "input.nan": Code("NaN or Infinity in JSON", "JSON has no NaN/Infinity; use null or a number."),
    "input.duplicate-key": Code("An object has the same key twice", "Keep one of the keys."),
    "input.too-deep": Code("JSON nested too deeply", "Records are nested a few levels only; this is not a record."),
    "input.integer-range": Code("An integer outside the 64-bit range", "Offsets and counts fit in 64 bits."),
    "input.not-object": Code("The top-level JSON value is not an object", "A record file holds one JSON object."),
    # Schema
    "schema.required": Code("A required field is missing", "Add the field; see schema/record.schema.json."),
    "schema.type": Code("A field has the wrong type", "Use the type the schema gives for this field."),
    "schema.additional": Code("A field the schema does not know", "Remove it, or propose a schema change."),
    "schema.pattern": Code("A string does not have the required form", "See the field's pattern in the schema."),
    "schema.range": Code("A number is out of its allowed range", "Offsets are non-negative and fit in 32 bits."),
    "schema.invalid": Code("The value breaks a schema rule", "See the field's description in the schema."),
    "label.unknown": Code("A label is not in the declared label set", "Use one of the labels the schema lists."),
    "link.qid-malformed": Code("A Wikidata QID is malformed", "A QID is Q followed by digits (Q7747), or null."),
    "record.unsupported-version": Code(
        "The record's schema version is not supported", "Re-run `newscorpus convert` to upgrade the record."
    ),
    # Text and offsets
    "text.invalid-unicode": Code("The text holds lone surrogates", "Text must be valid Unicode."),
    "text.not-normalized": Code(
        "The text is not in normalized form", "Re-run `newscorpus convert`; do not edit text by hand."
    ),
    "offset-map.invalid": Code(
        "The offset map does not align text and raw file", "Re-run `newscorpus convert`; the map is generated."
    ),
    "span.out-of-range": Code(
        "A span ends past the end of the text", "Offsets index the record's text, in code points."
    ),
    "span.empty": Code(
        "A span is empty or reversed (end <= start)", "Spans are half-open [start, end) with start < end."
    ),
    "span.text-mismatch": Code(
        "A span's stored text differs from text[start:end]",
        "Offsets are Python str indices (code points); recompute them or fix the text.",
    ),
    "span.splits-character": Code(
        "A span boundary splits a combining sequence",
        "Move the boundary so that combining marks stay with their base character.",
    ),
    "paragraphs.not-tiling": Code(
        "Paragraphs do not match the text's blank-line paragraphs",
        "Paragraphs are the text split at blank lines, in order.",
    ),
    "paragraphs.role-order": Code(
        "Headline or credit paragraph out of place", "A headline comes first; a credit directly after it."
    ),
    "tokens.length-mismatch": Code("starts and ends have different lengths", "The arrays are parallel."),
    "tokens.overlap": Code("Tokens overlap or are out of order", "Tokens are sorted and disjoint."),
    "tokens.whitespace": Code("A token starts or ends with whitespace", "Tokens hold no edge whitespace."),
    "tokens.uncovered": Code(
        "A non-whitespace character belongs to no token", "Tokens cover every non-space character."
    ),
    "sentences.length-mismatch": Code("starts and ends have different lengths", "The arrays are parallel."),
    "sentences.overlap": Code("Sentences overlap or are out of order", "Sentences are sorted and disjoint."),
    "sentences.not-tiling": Code(
        "Text outside every sentence", "Sentences cover each paragraph up to the spaces between them."
    ),
    "sentences.crosses-paragraph": Code(
        "A sentence crosses a paragraph break", "End the sentence at the paragraph end."
    ),
    "sentences.token-boundary": Code(
        "A sentence boundary cuts a token", "Sentence boundaries fall on token boundaries."
    ),
    "entity.token-boundary": Code("An entity boundary cuts a token", "Entity spans start and end on token boundaries."),
    "entity.duplicate": Code("Two entities have the same span", "Keep one entity per span."),
    "entity.overlap": Code("Entities overlap", "Entities are flat (OntoNotes): no nesting or overlap."),
    "mention.duplicate": Code("A mention span appears twice in coreference", "A span belongs to one cluster once."),
    "mention.entity-mismatch": Code(
        "A mention's entity has a different span", "Link a mention only to the entity with its span."
    ),
    "id.duplicate": Code("An id is used twice in the record", "Ids are unique within a record."),
    "id.duplicate-document": Code(
        "Two records have the same document id", "Document ids are unique across the corpus."
    ),
    "id.filename-mismatch": Code("The file name is not the document id", "Name record files <id>.json."),
    "ref.unresolved": Code(
        "A reference names an id that does not exist", "Point it at an existing id of the right layer."
    ),
    "timex.value-invalid": Code(
        "A TIMEX3 value does not parse", "Use ISO 8601 (2020-08-15, 2020-W33, P26Y, T10:00) or null."
    ),
    "date.invalid": Code("A date is not a valid ISO 8601 calendar date", "Write dates as YYYY-MM-DD."),
    "provenance.missing": Code(
        "A layer with annotation has no provenance", "Say gold (annotator, date) or auto (tool, version)."
    ),
    "raw.missing": Code("The record's raw file does not exist", "Keep raw captures under corpus/raw/ unchanged."),
    "raw.hash-mismatch": Code(
        "The raw file's SHA-256 differs from the record's",
        "Raw captures are never edited; restore it, or convert it as a new capture.",
    ),
    "raw.path-outside": Code("The raw path leaves corpus/raw/", "Raw paths are corpus/raw/... without '..'."),
}
