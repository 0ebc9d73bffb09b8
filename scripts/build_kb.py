"""Build the shipped knowledge base of the entity linker from the development gold links.

    python scripts/build_kb.py           # writes newscorpus/data/kb/entities.json
    python scripts/build_kb.py --check   # exit 1 if the shipped file is not what the gold gives

Reads every record with a complete gold ``entity_links`` layer that is openly
licensed and not in the release's test split (so the seed, whose text is the
publisher's, and the fixed test set never feed it), and keeps the links whose
QID a person confirmed. Afterwards run `newscorpus convert` and
`newscorpus build`: the automatic link layers change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscorpus.annotate.kb_from_gold import build_knowledge_base  # noqa: E402
from newscorpus.annotate.knowledge_base import SHIPPED_KB, kb_bytes  # noqa: E402
from newscorpus.licensing import is_open_license  # noqa: E402
from newscorpus.record.provenance import is_gold  # noqa: E402
from newscorpus.release.splits import split_of  # noqa: E402

RECORDS = ROOT / "corpus" / "records"


def link_gold_records(records_dir: Path = RECORDS) -> list[dict[str, Any]]:
    """Openly licensed records with a complete gold link layer, in id order (test split included)."""
    found = []
    for path in sorted(records_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if is_gold(record["layers"]["entity_links"]) and is_open_license(record["source"]["license_id"]):
            found.append(record)
    return found


def development(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The records outside the release's test split: the only ones a knowledge base may be built from."""
    return (record for record in records if split_of(record["id"]) != "test")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    arguments = parser.parse_args()
    document = build_knowledge_base(development(link_gold_records()))
    content = kb_bytes(document)
    if arguments.check:
        same = SHIPPED_KB.is_file() and SHIPPED_KB.read_bytes() == content
        print("the shipped knowledge base is up to date" if same else "the shipped knowledge base is out of date")
        return 0 if same else 1
    SHIPPED_KB.parent.mkdir(parents=True, exist_ok=True)
    temporary = SHIPPED_KB.with_suffix(".json.tmp")
    temporary.write_bytes(content)
    temporary.replace(SHIPPED_KB)
    labels = sum(len(entry["labels"]) for entry in document["entries"])
    print(
        f"{len(document['entries'])} QIDs, {labels} labels, from {document['built_from']['documents']} "
        f"development documents -> {SHIPPED_KB.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
