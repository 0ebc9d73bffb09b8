"""The dataset card (the release README.md), generated from what the build wrote.

The card is never written by hand: every figure, example row and field list
below is computed from the records (through the tally the shard tasks fill in
as they write, ``newscorpus.release.tally``) and the written configs, so it
cannot drift from the data. Its sections are the ones Hugging Face Hub users look for
(summary, languages, structure, fields, splits, creation, considerations,
licensing, citation).

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
from datasets import ClassLabel, DatasetInfo, Features, List, Value

from newscorpus import __version__
from newscorpus.release.agreement import agreement_section
from newscorpus.release.annotator_scores import annotator_section
from newscorpus.release.baseline import baseline_section
from newscorpus.release.card_examples import example_json, example_row, truncate_example
from newscorpus.release.composition import (
    PUBLISHER_LICENSE_NAME,
    card_licenses,
    composition_rows,
    license_details,
    licensing_section,
    limitations_paragraph,
    sources_paragraph,
)
from newscorpus.release.fields import FieldPath, field_descriptions
from newscorpus.release.tally import CardTally, most_common
from newscorpus.schema import schema_version
from newscorpus.views import DEFAULT_VIEW

FeatureType = Any

# One citation for the card, croissant.json and CITATION.cff (a test keeps the file in step).
CITATION_TITLE = "newscorpus: an open, richly annotated corpus of English news articles"
CITATION_AUTHOR = "newscorpus contributors"
CITATION_YEAR = 2026
CITATION_BIBTEX = f"""@misc{{newscorpus,
  title        = {{{{{CITATION_TITLE}}}}},
  author       = {{{{{CITATION_AUTHOR}}}}},
  year         = {{{CITATION_YEAR}}},
  version      = {{{__version__}}},
  note         = {{Dataset. Annotations CC BY 4.0; article text under each article's own licence (see the card)}}
}}"""

_LANGUAGE_NAMES = {"en": "English"}


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


def card_metadata(configs: dict[str, ConfigSummary], tally: CardTally) -> dict[str, object]:
    """The YAML header of the card as a dict.

    ``license`` lists every licence of the corpus's parts, as the Hub's card
    metadata allows (a list of its licence identifiers): each text licence,
    the annotations' CC BY 4.0, and ``other`` (named ``publisher-copyright``)
    when some text belongs to its publisher.
    """
    documents = tally.documents
    licenses = card_licenses(tally)
    return {
        "pretty_name": "newscorpus",
        "language": ["en"],
        "license": licenses,
        **({"license_name": PUBLISHER_LICENSE_NAME} if "other" in licenses else {}),
        "license_details": license_details(tally),
        "annotations_creators": ["expert-generated", "machine-generated"],
        "language_creators": ["found"],
        "multilinguality": ["monolingual"],
        "source_datasets": ["original"],
        "task_categories": ["token-classification", "text-classification"],
        "task_ids": ["named-entity-recognition"],
        "tags": ["news", "coreference", "quotation-attribution", "entity-linking", "timex3", "standoff"],
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


def feature_type_name(feature: FeatureType) -> str:
    """A short human name for a feature's type: ``list of int32``, ``ClassLabel (37 names)``."""
    if isinstance(feature, ClassLabel):
        return f"ClassLabel ({feature.num_classes} names)"
    if isinstance(feature, List):
        return f"list of {feature_type_name(feature.feature)}"
    if isinstance(feature, dict):
        return "struct"
    return feature.dtype if isinstance(feature, Value) else type(feature).__name__


def _field_rows(feature: FeatureType, descriptions: dict[FieldPath, str], path: FieldPath = ()) -> list[str]:
    rows = []
    inner = feature
    while isinstance(inner, List):
        inner = inner.feature
    if path:
        meaning = descriptions.get(path, "")
        if isinstance(inner, ClassLabel):
            meaning += f" Names, by id: {', '.join(f'{i} {name}' for i, name in enumerate(inner.names))}."
        cell = meaning.strip().replace("|", "\\|")  # a pipe would end the Markdown cell
        rows.append(f"| `{'.'.join(path)}` | {feature_type_name(feature)} | {cell} |")
    if isinstance(inner, dict):
        for key, child in inner.items():
            rows += _field_rows(child, descriptions, (*path, key))
    return rows


def _structure_section(configs: dict[str, ConfigSummary], tally: CardTally) -> str:
    parts = []
    for summary in configs.values():
        row = example_row(summary.name, summary.features, tally)
        example = example_json(truncate_example(row))
        fields = "\n".join(_field_rows(dict(summary.features), field_descriptions(summary.name)))
        parts.append(
            f"### `{summary.name}`\n\n{summary.description}\n\n"
            f"An example row (the first of the release; long texts and lists cut, as marked):\n\n"
            f"```json\n{example}\n```\n\n"
            f"| field | type | meaning |\n|---|---|---|\n{fields}\n"
        )
    return "\n".join(parts)


def annotation_table(tally: CardTally) -> str:
    """Markdown rows: per layer, gold and auto items (and the documents each kind is in), and who made them."""
    rows = []
    for name in tally.layer_order:
        layer = tally.layers[name]
        counts, documents = layer.items_by_kind, layer.documents_by_kind
        makers = "<br>".join(sorted(layer.makers)) or "-"  # names may hold "; " and commas
        rows.append(
            f"| {name} | {counts['gold']} ({documents['gold']} docs) | {counts['auto']} ({documents['auto']} docs) "
            f"| {makers} |"
        )
    return "\n".join(rows)


def annotation_type_table(tally: CardTally) -> str:
    """Markdown rows: per layer and type (entity label, quotation type, timex type), gold and auto items."""
    rows = []
    for key in sorted(tally.labels_by_kind):
        layer, field = key.split(".")
        by_kind = tally.labels_by_kind[key]
        for label, _ in most_common(tally.labels.get(key, Counter())):
            rows.append(f"| {layer} | {field} {label} | {by_kind[label, 'gold']} | {by_kind[label, 'auto']} |")
    return "\n".join(rows)


def _label_counts(tally: CardTally, layer: str, key: str) -> str:
    counts = most_common(tally.labels.get(f"{layer}.{key}", Counter()))
    return ", ".join(f"{label} {count}" for label, count in counts) or "none"


def _summary_figures(tally: CardTally) -> str:
    def total(layer: str) -> int:
        return tally.layers[layer].items if layer in tally.layers else 0

    return (
        f"| documents | {tally.documents} ({tally.open_documents} openly licensed) |\n{composition_rows(tally)}\n"
        f"| words | {tally.words} |\n"
        f"| sentences | {total('sentences')} |\n| tokens | {total('tokens')} |\n"
        f"| entities | {total('entities')} ({_label_counts(tally, 'entities', 'label')}) |\n"
        f"| entity links | {total('entity_links')} ({tally.linked} with a QID) |\n"
        f"| coreference | {total('coreference')} clusters, {tally.mentions} mentions |\n"
        f"| quotations | {total('quotations')} ({_label_counts(tally, 'quotations', 'type')}) |\n"
        f"| temporal expressions | {total('timex')} ({_label_counts(tally, 'timex', 'type')}) |"
    )


def _splits_table(configs: dict[str, ConfigSummary]) -> str:
    return "\n".join(
        f"| `{summary.name}` | {split} | {examples} | {num_bytes} |"
        for summary in configs.values()
        for split, (examples, num_bytes) in summary.splits.items()
    )


def render_card(configs: dict[str, ConfigSummary], tally: CardTally, agreement: str | None = None) -> str:
    """The release README: YAML header for ``datasets`` and the Hub, then the card's sections."""
    header = yaml.safe_dump(card_metadata(configs, tally), sort_keys=False, allow_unicode=True, width=100)
    languages = sorted(tally.languages)
    config_table = "\n".join(
        f"| `{summary.name}` | {summary.description} | "
        + ", ".join(f"{split}: {examples}" for split, (examples, _) in summary.splits.items())
        + " |"
        for summary in configs.values()
    )
    return f"""---
{header}---

# newscorpus

## Dataset summary

An open, richly annotated corpus of English news articles: normalized text with
an offset map back to each raw capture, boilerplate kept out of the body, and
annotation layers with character offsets (paragraphs, sentences, tokens,
entities, entity links, coreference, quotations, temporal expressions), each
with its provenance. Release {__version__}, built by newscorpus {__version__},
record schema {schema_version()}. This card is generated by the build from the
data it describes.

| what | count |
|---|---|
{_summary_figures(tally)}

Supported tasks: named entity recognition (OntoNotes 5 and CoNLL-2003 types),
entity linking to Wikidata, coreference resolution, quotation attribution
(source, cue, content) and temporal expression normalization.

## Languages

{", ".join(f"{_LANGUAGE_NAMES.get(code, code)} (`{code}`)" for code in languages) or "none"}: news prose as
published, with the publisher's spelling and punctuation.

## Dataset structure

| config | rows | splits |
|---|---|---|
{config_table}

Load with `datasets.load_dataset("<this folder>", "<config>")` or
`newscorpus.load("<config>")`. ClassLabel fields hold integer ids; their names
are in the features (`dataset.features[...]`) and in the tables below.

**Offsets.** All `start`/`end` offsets are Python `str` indices (Unicode code
points) into the row's `text`, half-open `[start, end)`. `offset_map` and
boilerplate `raw_start` / `raw_end` index the raw capture decoded as UTF-8.

{_structure_section(configs, tally)}
## Data splits

Each document's split is fixed by a hash of its id (80% train, 10% validation,
10% test), so adding documents never moves an existing one, and every row of a
document lands in the same split in every config. A split with no rows is left out.

| config | split | rows | bytes (Arrow) |
|---|---|---|---|
{_splits_table(configs)}

## Dataset creation

**Curation rationale.** Many annotation layers over the same English news
articles, character-exact against the raw capture, so that models for NER,
linking, coreference, quotation attribution and temporal tagging can be trained
and compared on the same documents, and contributions can be checked by machine.

**Source data.** {sources_paragraph(tally)} Each article's raw capture is kept byte
for byte; the text is normalized (NFC, odd spaces folded, paragraphs separated
by one blank line) with a map back to raw offsets, and publisher boilerplate is
recognised by data-file rules and recorded, not deleted silently.

**Annotations.** Items per layer by provenance: `gold` was made, corrected or
confirmed by hand following the annotation guidelines (docs/guidelines.md in the
repository), `auto` by the named tool. Provenance is kept per item (each item's
`gold` flag; a layer is `complete` when gold annotators declared it done), so a
layer can mix both; the training configs carry the flags. The guidelines' change
log records each gold pass, its independent review and the agreement between
annotators.

| layer | gold items | auto items | made by |
|---|---|---|---|
{annotation_table(tally)}

Per type:

| layer | type | gold items | auto items |
|---|---|---|---|
{annotation_type_table(tally)}

**Personal and sensitive information.** Articles name public figures and
journalists, and may report violence, detention or allegations against named
people. The annotations add nothing about them beyond what the publisher printed,
except Wikidata identifiers for named entities.

## Annotator agreement

{agreement_section(agreement)}

## Baseline

{baseline_section()}

### Automatic annotators

{annotator_section()}

## Considerations for using the data

**Social impact.** Annotations of who said what, and of who is who, can feed
systems that monitor people in the news; use them for research on language, not
for profiling individuals.

**Biases.** The corpus reflects the publishers and events it holds (see Source
data): their topics, framing and choice of whom to quote. Entity links exist
only where a Wikidata item was confirmed, which favours well-documented people
and places.

{limitations_paragraph(tally)}

## Licensing

{licensing_section(tally)}

## Citation

```bibtex
{CITATION_BIBTEX}
```
"""
