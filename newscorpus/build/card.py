"""The dataset card (the release README.md), generated from what the build wrote.

The YAML header carries ``configs`` and ``dataset_info`` (typed features and
split sizes) so that ``datasets.load_dataset(folder)`` loads offline with full
typing. Each config's description ends with a fingerprint of its Parquet
content: ``datasets`` keys its cache on this YAML only, so without it a rebuilt
release with the same YAML would be served from a stale cache.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml
from datasets import DatasetInfo, Features

from newscorpus import __version__
from newscorpus.schema import schema_version
from newscorpus.views import DEFAULT_VIEW


@dataclass(slots=True)
class ConfigSummary:
    """A written config: its features, split sizes (examples, bytes) and content fingerprint."""

    name: str
    description: str
    features: Features
    splits: dict[str, tuple[int, int]] = field(default_factory=dict)
    fingerprint: str = ""

    @property
    def examples(self) -> int:
        return sum(examples for examples, _ in self.splits.values())


def _size_category(documents: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if documents < limit:
            return name
    return "1M<n<10M"


def card_metadata(configs: dict[str, ConfigSummary], documents: int) -> dict[str, object]:
    """The YAML header of the card as a dict."""
    return {
        "pretty_name": "newscorpus",
        "language": ["en"],
        "license": "other",
        "license_name": "mixed-publisher-text",
        "license_details": "Article text belongs to its publishers and is not licensed by newscorpus; "
        "annotations are CC BY 4.0 and code Apache-2.0. See DATASHEET.md.",
        "task_categories": ["token-classification", "text-classification"],
        "task_ids": ["named-entity-recognition"],
        "size_categories": [_size_category(documents)],
        "configs": [
            {
                "config_name": summary.name,
                "description": f"{summary.description} (content {summary.fingerprint})",
                "data_files": [
                    {"split": split, "path": f"{summary.name}/{split}-*.parquet"} for split in summary.splits
                ],
                **({"default": True} if summary.name == DEFAULT_VIEW else {}),
            }
            for summary in configs.values()
        ],
        "dataset_info": [
            {
                "config_name": summary.name,
                **DatasetInfo(features=summary.features)._to_yaml_dict(),
                "splits": [
                    {"name": split, "num_bytes": num_bytes, "num_examples": examples}
                    for split, (examples, num_bytes) in summary.splits.items()
                ],
            }
            for summary in configs.values()
        ],
    }


def _layer_size(layer: dict[str, Any]) -> int:
    return len(layer.get("items") or layer.get("starts") or [])


def annotation_table(records: list[dict[str, Any]]) -> str:
    """Markdown rows: per layer, how many items are gold and how many auto, and who made them."""
    rows = []
    for name in records[0]["layers"] if records else []:
        counts: Counter[str] = Counter()
        makers: set[str] = set()
        for record in records:
            layer = record["layers"][name]
            provenance = layer.get("provenance")
            if provenance:
                counts[provenance["kind"]] += _layer_size(layer)
                makers.add(provenance["annotator"] or f"{provenance['tool']} {provenance['version']}")
        rows.append(f"| {name} | {counts['gold']} | {counts['auto']} | {'; '.join(sorted(makers)) or '-'} |")
    return "\n".join(rows)


def render_card(configs: dict[str, ConfigSummary], records: list[dict[str, Any]]) -> str:
    documents = len(records)
    header = yaml.safe_dump(card_metadata(configs, documents), sort_keys=False, allow_unicode=True, width=100)
    table = "\n".join(
        f"| `{summary.name}` | {summary.description} | "
        + ", ".join(f"{split}: {examples}" for split, (examples, _) in summary.splits.items())
        + " |"
        for summary in configs.values()
    )
    return f"""---
{header}---

# newscorpus

An open, richly annotated corpus of English news articles: normalized text with
an offset map back to each raw capture, boilerplate kept out of the body, and
annotation layers with character offsets (paragraphs, sentences, tokens,
entities, entity links, coreference, quotations, temporal expressions), each
with its provenance. Built by newscorpus {__version__}, record schema {schema_version()};
{documents} document(s).

## Configs

| config | rows | splits |
|---|---|---|
{table}

Load with `datasets.load_dataset("<this folder>", "<config>")` or `newscorpus.load("<config>")`.

## Annotation

Items per layer by provenance: `gold` was made or corrected by hand following the
annotation guidelines (docs/guidelines.md in the repository), `auto` by the named
tool. The seed article's gold layers were annotated twice independently and
adjudicated; see the guidelines' change log for agreement figures.

| layer | gold items | auto items | made by |
|---|---|---|---|
{annotation_table(records)}

## Offsets

All `start`/`end` offsets are Python `str` indices (Unicode code points) into the
row's `text`, half-open `[start, end)`. `offset_map` and boilerplate `raw_start`
/ `raw_end` index the raw capture decoded as UTF-8.

## Splits

Each document's split is fixed by a hash of its id (80% train, 10% validation,
10% test), so adding documents never moves an existing one. A split with no
documents is left out.

## Licensing

Article text belongs to its publishers and is not licensed by newscorpus;
annotations are CC BY 4.0 and code Apache-2.0. See DATASHEET.md in the repository.
"""
