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
    example: str = ""  # what triggers it, for docs/errors.md


def _convert(title: str, hint: str, example: str = "") -> Code:
    return Code(title, hint, stage="convert", example=example)


CODES: dict[str, Code] = {
    # Raw captures and the corpus folder (convert, build)
    "raw.empty": _convert("The raw file is empty", "Add the article text.", example="a 0-byte file corpus/raw/x/a.txt"),
    "raw.too-large": _convert(
        "The raw file is larger than the limit",
        "A raw capture holds one article.",
        example="a 50 MB text dump saved as one capture",
    ),
    "raw.encoding": _convert(
        "The raw file is not UTF-8",
        "Re-save the file as UTF-8.",
        example='a file saved as Latin-1 ("Caf\\xe9") or UTF-16 with a BOM',
    ),
    "raw.binary": _convert(
        "The raw file is binary (holds NUL bytes)",
        "Raw captures are UTF-8 text files.",
        example="a PNG or a UTF-16 file without BOM (holds NUL bytes)",
    ),
    "raw.unreadable": _convert(
        "The raw file cannot be read",
        "Check the path and its permissions.",
        example="a capture without read permission",
    ),
    "raw.no-text": _convert(
        "The raw file holds no text",
        "Add the article text.",
        example="a file of spaces, blank lines and zero-width spaces",
    ),
    "raw.no-body": _convert(
        "No article body: only headline, credit or boilerplate",
        "Check the capture and profile.",
        example='a file holding only "Support The Moscow Times!" and "Read more"',
    ),
    "raw.outside-corpus": _convert(
        "A raw capture is a link or lies outside corpus/raw/",
        "Copy the file in instead.",
        example="corpus/raw/x.txt is a symbolic link to a file elsewhere",
    ),
    "raw.duplicate": _convert(
        "Two raw captures give the same document id",
        "Keep one copy of the article.",
        example="the same capture copied into two publisher folders",
    ),
    "profile.invalid": _convert(
        "A publisher profile is not valid",
        "Fix the TOML file or its regular expressions.",
        example='a profile pattern "(unclosed" that is not a valid regular expression',
    ),
    "corpus.missing": _convert(
        "There is no corpus/raw/ folder",
        "Run from the repository root or pass --root.",
        example="newscorpus build run outside the repository root",
    ),
    "corpus.locked": _convert(
        "Another convert or build is running",
        "Wait for it to finish.",
        example="a second newscorpus build started while one is running",
    ),
    "record.unreadable": _convert(
        "An existing record cannot be read",
        "Fix or remove it; convert keeps its gold layers.",
        example="convert finds a record file with a duplicate key",
    ),
    "corpus.lock-not-a-file": _convert(
        "The corpus lock path is not a regular file",
        "Remove corpus/.lock; newscorpus makes it again as a plain file.",
        example="corpus/.lock is a symbolic link or a folder",
    ),
    "raw.not-regular": _convert(
        "A raw capture is not a regular file",
        "Raw captures are regular files; remove the FIFO, device or socket.",
        example="a named pipe corpus/raw/x/a.txt",
    ),
    # The file system (newscorpus.file_errors: every OSError becomes one of these, exit 2)
    "file.read-only": _convert(
        "The file system is read-only",
        "Run build and convert on a writable copy of the corpus.",
        example="corpus/ mounted read-only (mount --bind -o ro)",
    ),
    "file.disk-full": _convert(
        "No space left on the device (or the quota is used up)",
        "Free space and run the command again; nothing committed was changed.",
        example="a build on a small tmpfs that fills while Parquet shards are written",
    ),
    "file.permission-denied": _convert(
        "Permission denied",
        "Give the user running newscorpus read and write permission on the path.",
        example="corpus/records/ owned by another user, without write permission",
    ),
    "file.not-regular": _convert(
        "A folder, link or special file where a regular file is expected",
        "Remove or rename what is in its place.",
        example="a folder corpus/.lock, or a FIFO where a record is written",
    ),
    "file.missing": _convert(
        "A file went away while the command ran",
        "Run the command again.",
        example="a record deleted by another program during a build",
    ),
    "file.io": _convert(
        "The file system reported an error",
        "Check the disk and run the command again.",
        example="an input/output error (EIO) from a failing disk",
    ),
    # Interchange: export to and import from external formats (newscorpus.io)
    "export.invalid-record": _convert(
        "A record to export is not valid",
        "Run `newscorpus validate` on it and fix the problems first.",
        "exporting a record whose entity ends past the end of its text",
    ),
    "export.unaligned-span": _convert(
        "A span does not start and end on token boundaries",
        "CoNLL-U and spaCy need spans on token boundaries; move the span's ends onto tokens.",
        "a quotation cue that ends inside a token",
    ),
    "export.token-whitespace": _convert(
        "A token holds whitespace, which CoNLL-2003 cannot write",
        "Tokens hold no whitespace; re-run `newscorpus convert`.",
        "a token 'New York' added by hand",
    ),
    "export.output": _convert(
        "The output cannot be written",
        "Give a file path for single-file formats and a folder for brat.",
        "exporting brat to a path that is an existing file",
    ),
    "import.malformed": _convert(
        "The import file is not in the expected format",
        "See docs/formats.md for what BRAT and Label Studio files hold.",
        "a T line without offsets in a .ann file",
    ),
    "import.unsupported": _convert(
        "The import file holds annotation the import does not read",
        "Remove it, or add it to the record by hand; see docs/formats.md.",
        "a discontinuous BRAT span, or a Label Studio choices result",
    ),
    "import.unknown-label": _convert(
        "A label the import mapping does not know",
        "Use an OntoNotes 5 type, Content, Cue or Source; see docs/formats.md.",
        "a BRAT entity typed Person instead of PERSON",
    ),
    "import.no-record": _convert(
        "No record matches the imported document",
        "Name BRAT files <document id>.ann; give Label Studio tasks data.document_id.",
        "importing notes.ann when no record has the id notes",
    ),
    "import.text-mismatch": _convert(
        "The imported document's text differs from the record's text",
        "Annotate the exact text the export wrote; the offset is the first character that differs.",
        "a .txt file in which an editor turned a straight quote into a curly one",
    ),
    "import.span-mismatch": _convert(
        "An annotated span's text differs from the document text at its offsets",
        "Offsets are code points into the text; fix the offsets or the span's text.",
        "T3 says 'Putin' but the text at its offsets reads 'Putni'",
    ),
    "import.quote-structure": _convert(
        "Quote parts are not connected as one content with at most one cue and one source",
        "Link each Content to at most one Cue and one Source; remove stray parts.",
        "a Source span linked to no Content",
    ),
    "import.ambiguous": _convert(
        "A Label Studio task has more than one annotation to import",
        "Mark one annotation as ground truth, or export one annotator's work.",
        "a task annotated by two people, neither marked ground truth",
    ),
    # Pre-annotation and evaluation (newscorpus.annotate, newscorpus.evaluate)
    "gazetteer.invalid": _convert(
        "A gazetteer file is not valid",
        "One entry a line: an OntoNotes 5 label, a tab, the name; lines starting with # are comments.",
        "a line 'Person<tab>Ana Ruiz' (labels are OntoNotes 5: PERSON)",
    ),
    "spacy-pipeline.unavailable": _convert(
        "The configured spaCy pipeline cannot be loaded",
        "Install it, or set NEWSCORPUS_SPACY_PIPELINE to a saved pipeline folder; unset it to annotate without one.",
        "NEWSCORPUS_SPACY_PIPELINE=en_core_web_sm on a machine without that package",
    ),
    "annotate.output": _convert(
        "`newscorpus annotate` would write into corpus/records/",
        "Write predictions to another folder; convert alone writes corpus/records/.",
        "`newscorpus annotate --out corpus/records`",
    ),
    "evaluate.no-shared-documents": _convert(
        "Gold and predictions share no document id",
        "Score predictions made for the same articles as the gold records.",
        "predictions for another article than the gold one",
    ),
    "evaluate.text-mismatch": _convert(
        "Gold and prediction hold different texts for the same document",
        "Annotate the gold record's own text (`newscorpus annotate`), so that offsets agree.",
        "a prediction made from a different conversion of the article",
    ),
    # Looking at the corpus (stats, view)
    "records.none": _convert(
        "There are no record files", "Run `newscorpus build` first, or pass --root.", "an empty corpus/records/"
    ),
    "records.invalid": _convert(
        "A record does not pass validation", "Run `newscorpus validate` and fix it.", "an entity span past the text"
    ),
    "view.unknown-document": _convert(
        "No record has this document id",
        "Pass a record's file name from corpus/records/ without .json.",
        "newscorpus view no-such-id",
    ),
    "output.not-a-folder": _convert(
        "The output path is not a folder", "Pass --out a folder or a new path.", "--out README.md"
    ),
    "stats.no-matplotlib": _convert(
        "matplotlib is not installed", "pip install 'newscorpus[stats]'", "stats without the stats extra"
    ),
    # Engines (build, convert, validate with --engine)
    "engine.unavailable": _convert(
        "The chosen engine cannot run",
        "For --engine ray: pip install 'newscorpus[ray]' and check --address.",
        "--engine ray without the ray extra, or an --address where no cluster answers",
    ),
    "engine.worker-lost": _convert(
        "A worker process died before it finished its task",
        "Check memory (the kernel's OOM killer) and run the command again, with fewer --jobs if memory is short.",
        "a worker killed by the out-of-memory killer during a build",
    ),
    # Reading the file
    "input.unreadable": Code(
        "The file cannot be read",
        "Check the path and its permissions.",
        example="newscorpus validate given a path that does not exist",
    ),
    "input.too-large": Code(
        "The file is larger than the limit",
        "A record holds one article; split the file.",
        example="a 30 MB file under corpus/records/",
    ),
    "input.encoding": Code(
        "The file is not UTF-8", "Save record files as UTF-8 JSON.", example="a record file saved as Latin-1"
    ),
    "input.json": Code(
        "The file is not valid JSON",
        "Fix the syntax at the given line and column.",
        example='{"id": "x",} (trailing comma)',
    ),
    "input.nan": Code(
        "NaN or Infinity in JSON", "JSON has no NaN/Infinity; use null or a number.", example='{"start": NaN}'
    ),
    "input.duplicate-key": Code(
        "An object has the same key twice", "Keep one of the keys.", example='{"id": "a", "id": "b"}'
    ),
    "input.too-deep": Code(
        "JSON nested too deeply",
        "Records are nested a few levels only; this is not a record.",
        example="[[[[...]]]] nested 10,000 levels",
    ),
    "input.integer-range": Code(
        "An integer outside the 64-bit range",
        "Offsets and counts fit in 64 bits.",
        example='{"start": 99999999999999999999}',
    ),
    "input.not-regular-file": Code(
        "The path is not a regular file",
        "Records are regular files; remove the link, folder, FIFO, device or socket named *.json.",
        example="a named pipe corpus/records/x.json (reading it would wait forever)",
    ),
    "input.float": Code(
        "A number with a fraction or an exponent where the schema says integer",
        "Every number in a record is an integer (offsets, counts): write 12, not 12.0 or 1.2e1.",
        example='{"start": 0.0} or {"end": 1e400}',
    ),
    "folder.stray-file": Code(
        "A file in corpus/records/ that is not a record file",
        "corpus/records/ holds <document id>.json files only; move notes and other files elsewhere.",
        example="corpus/records/notes.txt",
    ),
    "input.not-object": Code(
        "The top-level JSON value is not an object",
        "A record file holds one JSON object.",
        example="a file holding [1, 2, 3]",
    ),
    # Schema
    "schema.required": Code(
        "A required field is missing",
        "Add the field; see schema/record.schema.json.",
        example='an entity without "label"',
    ),
    "schema.type": Code(
        "A field has the wrong type",
        "Use the type the schema gives for this field.",
        example='"start": "12" (a string where an integer belongs)',
    ),
    "schema.additional": Code(
        "A field the schema does not know",
        "Remove it, or propose a schema change.",
        example='an entity with an extra field "confidence"',
    ),
    "schema.pattern": Code(
        "A string does not have the required form",
        "See the field's pattern in the schema.",
        example="a document id with capital letters",
    ),
    "schema.range": Code(
        "A number is out of its allowed range", "Offsets are non-negative and fit in 32 bits.", example='"start": -1'
    ),
    "schema.invalid": Code(
        "The value breaks a schema rule",
        "See the field's description in the schema.",
        example="a coreference cluster with no mentions",
    ),
    "label.unknown": Code(
        "A label is not in the declared label set",
        "Use one of the labels the schema lists.",
        example='an entity labelled "VILLAIN"',
    ),
    "link.qid-malformed": Code(
        "A Wikidata QID is malformed", "A QID is Q followed by digits (Q7747), or null.", example='"qid": "Q-12"'
    ),
    "record.unsupported-version": Code(
        "The record's schema version is not supported",
        "Re-run `newscorpus convert` to upgrade the record.",
        example='"schema_version": "0.9.0"',
    ),
    # Text and offsets
    "text.invalid-unicode": Code(
        "The text holds lone surrogates",
        "Text must be valid Unicode.",
        example='text holding the JSON escape "\\ud800" alone',
    ),
    "text.not-normalized": Code(
        "The text is not in normalized form",
        "Re-run `newscorpus convert`; do not edit text by hand.",
        example="text edited by hand to hold a non-breaking space",
    ),
    "offset-map.invalid": Code(
        "The offset map does not align text and raw file",
        "Re-run `newscorpus convert`; the map is generated.",
        example="raw_starts going backwards after a hand edit",
    ),
    "span.out-of-range": Code(
        "A span ends past the end of the text",
        "Offsets index the record's text, in code points.",
        example="an entity [2410, 2420) in a text of 2,415 characters",
    ),
    "span.empty": Code(
        "A span is empty or reversed (end <= start)",
        "Spans are half-open [start, end) with start < end.",
        example="an entity with start 30 and end 25",
    ),
    "span.text-mismatch": Code(
        "A span's stored text differs from text[start:end]",
        "Offsets are Python str indices (code points); recompute them or fix the text.",
        example='stored "Putin" at offsets that hold "Putin " (off by one)',
    ),
    "span.splits-character": Code(
        "A span boundary splits a combining sequence",
        "Move the boundary so that combining marks stay with their base character.",
        example='a span ending between "e" and a combining acute accent',
    ),
    "paragraphs.not-tiling": Code(
        "Paragraphs do not match the text's blank-line paragraphs",
        "Paragraphs are the text split at blank lines, in order.",
        example="a paragraph item removed from the layer",
    ),
    "paragraphs.role-order": Code(
        "Headline or credit paragraph out of place",
        "A headline comes first; a credit directly after it.",
        example="a headline paragraph in third position",
    ),
    "tokens.length-mismatch": Code(
        "starts and ends have different lengths", "The arrays are parallel.", example="one more start than ends"
    ),
    "tokens.overlap": Code(
        "Tokens overlap or are out of order", "Tokens are sorted and disjoint.", example="tokens [0, 7) and [5, 9)"
    ),
    "tokens.whitespace": Code(
        "A token starts or ends with whitespace",
        "Tokens hold no edge whitespace.",
        example="a token [6, 12) starting with a space",
    ),
    "tokens.uncovered": Code(
        "A non-whitespace character belongs to no token",
        "Tokens cover every non-space character.",
        example="a word whose token was deleted",
    ),
    "sentences.length-mismatch": Code(
        "starts and ends have different lengths", "The arrays are parallel.", example="one more start than ends"
    ),
    "sentences.overlap": Code(
        "Sentences overlap or are out of order",
        "Sentences are sorted and disjoint.",
        example="sentences [76, 264) and [200, 400)",
    ),
    "sentences.not-tiling": Code(
        "Text outside every sentence",
        "Sentences cover each paragraph up to the spaces between them.",
        example="a sentence deleted from a paragraph",
    ),
    "sentences.crosses-paragraph": Code(
        "A sentence crosses a paragraph break",
        "End the sentence at the paragraph end.",
        example="a sentence running over a blank line",
    ),
    "sentences.token-boundary": Code(
        "A sentence boundary cuts a token",
        "Sentence boundaries fall on token boundaries.",
        example='a sentence ending inside the token "resolved"',
    ),
    "entity.token-boundary": Code(
        "An entity boundary cuts a token",
        "Entity spans start and end on token boundaries.",
        example='"Luka" as an entity inside the token "Lukashenko"',
    ),
    "entity.duplicate": Code(
        "Two entities have the same span", "Keep one entity per span.", example='two entities on the same "Putin" span'
    ),
    "entity.overlap": Code(
        "Entities overlap",
        "Entities are flat (OntoNotes): no nesting or overlap.",
        example='"Vladimir Putin" and "Putin and" both as entities',
    ),
    "mention.duplicate": Code(
        "A mention span appears twice in coreference",
        "A span belongs to one cluster once.",
        example='the same "It" in two clusters',
    ),
    "mention.entity-mismatch": Code(
        "A mention's entity has a different span",
        "Link a mention only to the entity with its span.",
        example='a mention "President Putin" linked to the entity "Putin"',
    ),
    "id.duplicate": Code(
        "An id is used twice in the record", "Ids are unique within a record.", example='two entities both with id "e1"'
    ),
    "id.duplicate-document": Code(
        "Two records have the same document id",
        "Document ids are unique across the corpus.",
        example="a record copied to a second file",
    ),
    "id.filename-mismatch": Code(
        "The file name is not the document id",
        "Name record files <id>.json.",
        example='a record with id "a-b-1234abcd" saved as record.json',
    ),
    "ref.unresolved": Code(
        "A reference names an id that does not exist",
        "Point it at an existing id of the right layer.",
        example='a quote source with "mention": "m999"',
    ),
    "timex.value-invalid": Code(
        "A TIMEX3 value does not parse",
        "Use ISO 8601 (2020-08-15, 2020-W33, P26Y, T10:00) or null.",
        example='"value": "yesterday" or "2020-13-45"',
    ),
    "date.invalid": Code(
        "A date is not a valid ISO 8601 calendar date",
        "Write dates as YYYY-MM-DD.",
        example='"publication_date": {"value": "2020-02-30"}',
    ),
    "provenance.missing": Code(
        "A layer with annotation has no provenance",
        "Say gold (annotator, date) or auto (tool, version).",
        example='an entities layer with items and "provenance": null',
    ),
    "raw.missing": Code(
        "The record's raw file does not exist",
        "Keep raw captures under corpus/raw/ unchanged.",
        example="a record whose raw file was deleted or moved",
    ),
    "raw.hash-mismatch": Code(
        "The raw file's SHA-256 differs from the record's",
        "Raw captures are never edited; restore it, or convert it as a new capture.",
        example="a raw capture edited after conversion",
    ),
    "raw.path-outside": Code(
        "The raw path leaves corpus/raw/",
        "Raw paths are corpus/raw/... without '..'.",
        example='"path": "corpus/raw/../secrets.txt"',
    ),
}
