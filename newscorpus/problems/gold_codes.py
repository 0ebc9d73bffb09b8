"""The codes of gold annotation: pass files, adjudications and applying them (``newscorpus gold``, ``agree``).

Part of the registry in ``newscorpus.problems.codes``. A pass that cannot be
read at all is refused (exit 2); a pass that can be read but is wrong is
reported with every problem located (exit 1).
"""

from __future__ import annotations

from newscorpus.problems.entry import Code


def _gold(title: str, hint: str, example: str) -> Code:
    return Code(title, hint, stage="gold", example=example)


GOLD_CODES: dict[str, Code] = {
    "pass.unreadable": _gold(
        "A pass file cannot be read as JSON",
        "Fix the file: it is one JSON object in UTF-8 (see docs/gold.md).",
        example="a pass file with a trailing comma",
    ),
    "pass.format": _gold(
        "A pass file does not have the pass format",
        "Keys, types and values are listed in docs/gold.md; fix the key named.",
        example='a pass without "annotator", or "format": "newscorpus-annotation-pass/9"',
    ),
    "pass.no-record": _gold(
        "No record has the pass's document id",
        "Check document_id, or convert the article first.",
        example='"document_id": "wikinews-no-such-article-00000000"',
    ),
    "pass.misplaced": _gold(
        "A pass file is not where its content says it belongs",
        "Name it corpus/annotations/passes/<pass>/<document_id>.json.",
        example="passes/A/x.json holding document_id y or pass B",
    ),
    "pass.text-changed": _gold(
        "The record's text is not the text the pass was made on",
        "Re-anchor the pass with `newscorpus gold apply --reanchor OLD_RECORD`, or annotate again.",
        example="text_sha256 of the pass differs from the SHA-256 of the record's text",
    ),
    "pass.invalid": _gold(
        "A pass item is not valid on its record",
        "Fix the item at the pointer; the record check that failed is named in the message.",
        example="an entity whose text differs from the record's text at its offsets",
    ),
    "pass.reanchor-refused": _gold(
        "An item falls in text that changed and cannot be re-anchored",
        "Annotate the item again on the new text.",
        example="an entity on a word the new text spells differently",
    ),
    "adjudication.undecided": _gold(
        "A disagreement of the two passes has no decision",
        "Add a decision for it (run `newscorpus gold disagreements A B DOC`).",
        example="B tags 'Thursday' DATE, A does not, and no decision names it",
    ),
    "adjudication.inconsistent": _gold(
        "The adjudicated layers do not follow from the passes and the decisions",
        "Keep every item the passes agree on, and exactly the chosen items of the decisions.",
        example="an entity both passes have is missing from the adjudicated layer",
    ),
    "agree.no-pairs": _gold(
        "The two sets of passes share no document",
        "Give two pass folders (or files) annotated on the same documents.",
        example="newscorpus agree passes/A passes/C where C is empty",
    ),
}
