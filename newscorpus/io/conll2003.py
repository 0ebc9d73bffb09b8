"""CoNLL-2003: one token per line with its IOB2 tag, a blank line after each sentence.

Rows come from the ``ner`` or ``ner_conll2003`` training view, so the file and
the view agree token for token by construction. Columns are the four of the
shared task (word, POS, chunk, NER); the corpus has no POS or chunk tags, so
those columns hold ``_``. Documents start with the ``-DOCSTART- -X- O O`` line
that spaCy's ``conll_ner_to_docs`` converter splits documents on. The format
has no place for provenance, so ``gold_only`` keeps only the sentences whose
row says ``sentence_gold`` (and a document without any is left out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from newscorpus.problems.errors import UnusableInputError
from newscorpus.views.ner import conll2003_rows, ontonotes_rows

DOCSTART = "-DOCSTART- -X- O O"
CONFIGS: dict[str, Callable[[dict[str, Any]], Iterator[dict[str, Any]]]] = {
    "ner": ontonotes_rows,
    "ner_conll2003": conll2003_rows,
}
DEFAULT_CONFIG = "ner"


def conll2003_document(record: dict[str, Any], config: str = DEFAULT_CONFIG, gold_only: bool = False) -> str:
    """The CoNLL-2003 block of one record: DOCSTART line, then its sentences.

    ``config`` picks the tag set: ``ner`` (OntoNotes 5 types) or
    ``ner_conll2003`` (PER/ORG/LOC/MISC, numeric and temporal types as O).
    With ``gold_only``, only gold sentences; "" when the record has none.
    """
    rows = [row for row in CONFIGS[config](record) if row["sentence_gold"] or not gold_only]
    if not rows:
        return ""
    lines = [DOCSTART, ""]
    for row in rows:
        for token, tag in zip(row["tokens"], row["ner_tags"], strict=True):
            if token.split() != [token]:
                raise UnusableInputError(
                    "export.token-whitespace",
                    record["id"],
                    f"token {token!r} in sentence {row['sentence_index']} holds whitespace",
                )
            lines.append(f"{token} _ _ {tag}")
        lines.append("")
    return "\n".join(lines) + "\n"
