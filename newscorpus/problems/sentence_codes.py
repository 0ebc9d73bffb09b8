"""The codes of gold sentence files (``corpus/annotations/sentences/``, read by ``newscorpus evaluate``).

Part of the registry in ``newscorpus.problems.codes``. A file that cannot be
used stops the command that reads it (exit 2), located at the file and key.
"""

from __future__ import annotations

from newscorpus.problems.entry import Code


def _gold(title: str, hint: str, example: str) -> Code:
    return Code(title, hint, stage="evaluate", example=example)  # evaluation is what reads them


SENTENCE_CODES: dict[str, Code] = {
    "gold-sentences.unreadable": _gold(
        "A gold sentence file cannot be read as JSON",
        "Fix the file: it is one JSON object in UTF-8 (see docs/gold.md, Gold sentences).",
        example="a gold sentence file with a trailing comma",
    ),
    "gold-sentences.format": _gold(
        "A gold sentence file does not have the gold sentence format",
        "Keys, types and values are listed in docs/gold.md (Gold sentences); fix the key named.",
        example='a file with "format": "newscorpus-sentences/9", or a layer whose provenance is not gold',
    ),
    "gold-sentences.no-record": _gold(
        "No record has the gold sentence file's document id",
        "Check document_id, or score against the records the file was made for.",
        example='"document_id": "wikinews-nonexistent-00000000"',
    ),
    "gold-sentences.text-changed": _gold(
        "The record's text is not the text the gold sentences were made on",
        "The text changed since annotation: re-annotate the sentences on the new text.",
        example="a text_sha256 that is not the SHA-256 of the record's text",
    ),
    "gold-sentences.invalid": _gold(
        "The gold sentences do not segment the record's text",
        "Sentences lie inside one paragraph, in order, without edge whitespace, and cover every character.",
        example="a sentence that runs across a paragraph break",
    ),
}
