"""The registry of stable error codes: every code a command can report, with its meaning and fix.

Validation problems (``newscorpus.validate``) and unusable-input errors of
convert and build (``newscorpus.problems.errors``) both take their codes from here, so
that one table documents them all. The codes of unusable input are listed in
``newscorpus.problems.unusable_codes``; the codes of problems in records, here.
"""

from __future__ import annotations

from newscorpus.problems.entry import Code
from newscorpus.problems.gold_codes import GOLD_CODES
from newscorpus.problems.sentence_codes import SENTENCE_CODES
from newscorpus.problems.unusable_codes import UNUSABLE_CODES

CODES: dict[str, Code] = {
    **UNUSABLE_CODES,
    **GOLD_CODES,
    **SENTENCE_CODES,
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
        "Headline, credit, dateline or caption paragraph out of place",
        "A headline comes first; a credit directly after it; a dateline after the headline (and credit); "
        "a caption never first.",
        example="a headline paragraph in third position",
    ),
    "source.license-incomplete": Code(
        "An open licence without its URL, or a URL without a licence",
        "Set source.license_id and source.license_url together (both null when the text is not openly licensed).",
        example='"license_id": "CC-BY-2.5", "license_url": null',
    ),
    "source.attribution-missing": Code(
        "Openly licensed text without an attribution",
        "The licence asks for an attribution: give the profile's license_id and the article's title and URL.",
        example='"license_id": "CC-BY-2.5", "attribution": null (an article without a URL)',
    ),
    "source.attribution-mismatch": Code(
        "The attribution disagrees with the record",
        "Attribution title, URL, licence and licence URL are the record's headline, source.url, "
        "source.license_id and source.license_url; reconvert the record.",
        example="an attribution naming CC-BY-4.0 on a record licensed CC-BY-2.5",
    ),
    "metadata.paragraph-mismatch": Code(
        "Headline, credit or dateline metadata is not its paragraph's text",
        "metadata.headline, .credit and .dateline repeat the text of the paragraph of that role, or are null.",
        example='"dateline": "Friday, January 4, 2019" with no dateline paragraph',
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
    "mention.token-boundary": Code(
        "A coreference mention cuts a token",
        "Mention spans start and end on token boundaries; find the word as a token, not as a substring.",
        example='"he" as a mention inside the token "when"',
    ),
    "quote.token-boundary": Code(
        "A quotation's content, cue or source cuts a token",
        "Quotation spans start and end on token boundaries.",
        example='a cue "aid" inside the token "said"',
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
    "provenance.unknown-entry": Code(
        "An item names a provenance entry its layer does not list",
        "Point the item's provenance at an index of the layer's provenance list, or add the entry.",
        example='an entity with "provenance": 2 in a layer listing two entries',
    ),
    "provenance.gold-mismatch": Code(
        "An item's gold flag disagrees with its provenance entry",
        "gold is true exactly when the item's entry is of kind gold; fix one of them.",
        example='an entity with "gold": true whose entry is {"kind": "auto", ...}',
    ),
    "provenance.unused-entry": Code(
        "A layer lists a provenance entry no item names",
        "Remove the entry; only a complete layer may keep one (whoever declared it complete).",
        example="a layer listing an auto entry after every item was corrected",
    ),
    "provenance.complete-not-gold": Code(
        "A layer declared complete holds automatic items or names no gold annotator",
        "Correct or confirm the automatic items first (they become gold), or set complete to false.",
        example='an entities layer with "complete": true and an item with "gold": false',
    ),
    "provenance.gold-refers-to-auto": Code(
        "A gold item refers to an automatic item",
        "Convert makes automatic items again, so the reference would dangle: make the target gold "
        "(confirm it) or drop the reference.",
        example="a gold entity link whose entity is automatic",
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
