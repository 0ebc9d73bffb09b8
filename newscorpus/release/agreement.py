"""The card's agreement section: the table `newscorpus agree --write` keeps in corpus/annotations/AGREEMENT.md.

The table is generated from the committed passes (a test fails when it is out of
date), so the card repeats it rather than measuring again: the build reads only
records and this file, and the card shows the same figures as the repository.
"""

from __future__ import annotations

from pathlib import Path

AGREEMENT_FILE = Path("corpus") / "annotations" / "AGREEMENT.md"
_PREFACE = (
    "Inter-annotator agreement of the doubly annotated articles, measured by\n"
    "`newscorpus agree` on the committed passes A and B before adjudication\n"
    "(docs/gold.md in the repository says what each figure measures). Both passes\n"
    "are instances of one language model that started from the same automatic\n"
    "pre-annotation: read the figures as an upper bound on agreement between people."
)


def read_agreement(root: Path) -> str | None:
    """The agreement file of the corpus rooted at ``root``, or None when it has none."""
    path = root / AGREEMENT_FILE
    return path.read_text(encoding="utf-8") if path.is_file() else None


def agreement_section(agreement: str | None) -> str:
    """Markdown for the card: the preface, then the file's table from its first figure line on."""
    if agreement is None:
        return "No article of this release was annotated twice, so no agreement is measured."
    lines = agreement.splitlines()
    first = next((i for i, line in enumerate(lines) if line[:1].isdigit()), None)
    if first is None:
        return "No article of this release was annotated twice, so no agreement is measured."
    return _PREFACE + "\n\n" + "\n".join(lines[first:]).strip()
