"""Counting a corpus: items per layer (gold and auto), labels per type, figures per split.

The counts are a plain value so that the printed table, the plots and the HTML
summary all show the same numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newscorpus.licensing import license_label
from newscorpus.release.splits import SPLITS, split_of

# Label-bearing items: (title, layer, key of the label in each item).
LABELLED = (
    ("entity types", "entities", "label"),
    ("quotation types", "quotations", "type"),
    ("temporal expression types", "timex", "type"),
    ("paragraph roles", "paragraphs", "role"),
)
MENTION_KINDS = "coreference mention kinds"
SPLIT_COLUMNS = ("documents", "sentences", "tokens", "entities", "mentions", "quotations", "timex")


@dataclass(slots=True)
class LayerCount:
    """Items of one layer over the corpus, split by provenance kind."""

    items: int = 0
    gold: int = 0
    auto: int = 0


@dataclass(slots=True)
class CorpusStats:
    """What a corpus holds, as counts."""

    documents: int = 0
    layers: dict[str, LayerCount] = field(default_factory=dict)
    types: dict[str, Counter[str]] = field(default_factory=dict)
    splits: dict[str, Counter[str]] = field(default_factory=dict)
    tokens_per_document: list[int] = field(default_factory=list)
    quotes_per_source: Counter[str] = field(default_factory=Counter)
    words: int = 0  # whitespace-separated words of the normalized text, as the dataset card counts them
    publishers: Counter[str] = field(default_factory=Counter)
    licences: Counter[str] = field(default_factory=Counter)  # documents per text licence
    dates: Counter[str] = field(default_factory=Counter)  # documents per publication year, "undated" included
    first_date: str | None = None
    last_date: str | None = None

    @property
    def date_range(self) -> tuple[str, str] | None:
        """The first and last publication date, or None when no document is dated."""
        return (self.first_date, self.last_date) if self.first_date and self.last_date else None


def layer_size(layer: dict[str, Any]) -> int:
    """Items in a layer: objects for sparse layers, offsets for columnar ones (tokens, sentences)."""
    return len(layer.get("items") or layer.get("starts") or [])


def _mentions(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [mention for cluster in record["layers"]["coreference"]["items"] for mention in cluster["mentions"]]


def cluster_name(cluster: dict[str, Any]) -> str:
    """What a coreference chain is called: its first name mention, else its first mention."""
    names = [mention["text"] for mention in cluster["mentions"] if mention["kind"] == "name"]
    return names[0] if names else cluster["mentions"][0]["text"]


def source_name(record: dict[str, Any], quote: dict[str, Any]) -> str:
    """Who a quotation is attributed to, as a name a reader recognises.

    A source linked to a coreference mention is named by its chain ("It" and
    "the Kremlin" both count for "Kremlin"); otherwise by the source span's own
    text. Unattributed quotations count as "(none)".
    """
    source = quote["source"]
    if source is None:
        return "(none)"
    for cluster in record["layers"]["coreference"]["items"]:
        if any(mention["id"] == source.get("mention") for mention in cluster["mentions"]):
            return cluster_name(cluster)
    return source["text"]


def _split_figures(record: dict[str, Any]) -> Counter[str]:
    layers = record["layers"]
    return Counter(
        {
            "documents": 1,
            "sentences": layer_size(layers["sentences"]),
            "tokens": layer_size(layers["tokens"]),
            "entities": layer_size(layers["entities"]),
            "mentions": len(_mentions(record)),
            "quotations": layer_size(layers["quotations"]),
            "timex": layer_size(layers["timex"]),
        }
    )


def count_corpus(records: list[dict[str, Any]]) -> CorpusStats:
    """Count every layer, label and split of the records."""
    stats = CorpusStats(documents=len(records))
    stats.types = {title: Counter() for title, _, _ in LABELLED} | {MENTION_KINDS: Counter()}
    stats.splits = {split: Counter({column: 0 for column in SPLIT_COLUMNS}) for split in SPLITS}
    for record in records:
        for name, layer in record["layers"].items():
            count = stats.layers.setdefault(name, LayerCount())
            size = layer_size(layer)
            count.items += size
            if isinstance(layer["provenance"], list):  # a span layer: provenance per item
                gold = sum(1 for item in layer["items"] if item["gold"])
                count.gold += gold
                count.auto += size - gold
                continue
            kind = (layer["provenance"] or {}).get("kind")
            count.gold += size if kind == "gold" else 0
            count.auto += size if kind == "auto" else 0
        for title, layer, key in LABELLED:
            stats.types[title].update(item[key] for item in record["layers"][layer]["items"])
        stats.types[MENTION_KINDS].update(mention["kind"] for mention in _mentions(record))
        stats.splits[split_of(record["id"])].update(_split_figures(record))
        stats.tokens_per_document.append(layer_size(record["layers"]["tokens"]))
        stats.quotes_per_source.update(source_name(record, q) for q in record["layers"]["quotations"]["items"])
        _count_source(stats, record)
    return stats


def _count_source(stats: CorpusStats, record: dict[str, Any]) -> None:
    """Who published the record, under which licence, when, and how many words it has."""
    source = record["source"]
    stats.words += len(record["text"].split())
    stats.publishers[source["publisher"] or "unknown publisher"] += 1
    stats.licences[license_label(source["license_id"])] += 1
    date = record["metadata"]["publication_date"]["value"]
    stats.dates[date[:4] if date else "undated"] += 1
    if date:
        stats.first_date = min(stats.first_date or date, date)
        stats.last_date = max(stats.last_date or date, date)


def _table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
    lines = []
    for row in (header, *rows):
        first, *rest = (str(cell) for cell in row)
        cells = [first.ljust(widths[0]), *(cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True))]
        lines.append("  ".join(cells).rstrip())
    return lines


def source_lines(stats: CorpusStats) -> list[str]:
    """Publishers, text licences and publication dates, one line each, with counts."""

    def listed(counts: Counter[str]) -> str:
        return ", ".join(f"{name} {count}" for name, count in sorted(counts.items(), key=lambda i: (-i[1], i[0])))

    span = f"{stats.date_range[0]} to {stats.date_range[1]}" if stats.date_range else "none established"
    return [
        f"publishers: {listed(stats.publishers)}",
        f"text licences: {listed(stats.licences)}",
        f"publication dates: {span}; by year: {', '.join(f'{y} {n}' for y, n in sorted(stats.dates.items()))}",
    ]


def render_counts(stats: CorpusStats) -> str:
    """The counts as plain-text tables: per layer, per type, per split."""
    lines = [f"{stats.documents} document(s), {stats.words} words", "", *source_lines(stats), ""]
    lines += _table(
        ("layer", "items", "gold", "auto"),
        [(name, c.items, c.gold, c.auto) for name, c in stats.layers.items()],
    )
    for title, counts in stats.types.items():
        listed = ", ".join(f"{label} {count}" for label, count in counts.most_common()) or "none"
        lines += ["", f"{title}: {listed}"]
    lines.append("")
    lines += _table(
        ("split", *SPLIT_COLUMNS),
        [(split, *(figures[column] for column in SPLIT_COLUMNS)) for split, figures in stats.splits.items()],
    )
    return "\n".join(lines)
