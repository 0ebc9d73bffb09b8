"""Croissant 1.1 metadata (``croissant.json``) for a written release folder.

Croissant (MLCommons) describes a dataset for tools that load it without
knowing it: every Parquet file is a FileObject with its SHA-256, each config's
files form a FileSet, and each config is a RecordSet whose fields follow the
config's ``datasets`` features, nested structs and lists included. The fields
are derived from the same features the card declares, so the two cannot drift.

Nested Parquet columns are reached with ``jsonPath`` transforms, one per list
of records on the way, because a reader applies each later transform to every
item the previous one returned. A list of records inside another list of
records (coreference mentions inside clusters in ``documents``) has no such
path in Croissant 1.1 readers, so it is left out of the record set and named in
its description; the ``datasets`` features in the card describe it.

Output is deterministic (no timestamps, fixed key order) so that the release
stays byte-identical on rebuild.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datasets import ClassLabel, List

from newscorpus import __version__
from newscorpus.release.card import CITATION_AUTHOR, CITATION_BIBTEX, ConfigSummary
from newscorpus.release.fields import field_descriptions
from newscorpus.release.splits import SPLITS
from newscorpus.views import DEFAULT_VIEW

CROISSANT_FILE = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
PARQUET_FORMAT = "application/x-parquet"
ANNOTATIONS_LICENSE = "https://creativecommons.org/licenses/by/4.0/"

# The full Croissant 1.1 context (the specification's Appendix 1 with the
# https schema.org vocabulary that mlcroissant resolves data types against),
# plus the RAI namespace used for the responsible-AI properties below.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/",
    "annotation": "cr:annotation",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "excludes": "cr:excludes",
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "readLines": "cr:readLines",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sdVersion": "cr:sdVersion",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
    "unArchive": "cr:unArchive",
    "value": "cr:value",
}

_DATA_TYPES = {
    "string": "sc:Text",
    "large_string": "sc:Text",
    "bool": "sc:Boolean",
    "int8": "cr:Int8",
    "int16": "cr:Int16",
    "int32": "cr:Int32",
    "int64": "cr:Int64",
    "float32": "cr:Float32",
    "float64": "cr:Float64",
}

FeatureType = Any
Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Reach:
    """How a reader gets from a Parquet row to one nested value: a column, then jsonPath steps.

    ``steps`` are finished transforms, each ending at a list of records;
    ``pending`` holds the struct keys since the last one.
    """

    column: str = ""
    steps: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    record_lists: int = 0

    def into(self, key: str) -> _Reach:
        if not self.column:
            return _Reach(column=key)
        return _Reach(self.column, self.steps, (*self.pending, key), self.record_lists)

    def through_list(self) -> _Reach:
        steps = self.transforms()
        return _Reach(self.column, tuple(steps), (), self.record_lists + 1)

    def transforms(self) -> list[str]:
        return [*self.steps, ".".join(self.pending)] if self.pending else list(self.steps)


def _leaf_type(feature: FeatureType) -> tuple[str, str]:
    """The Croissant data type of a scalar feature, and what to add to its description."""
    if isinstance(feature, ClassLabel):
        names = ", ".join(f"{index} {name}" for index, name in enumerate(feature.names))
        return "cr:Int64", f" ClassLabel id; names by id: {names}."
    return _DATA_TYPES[feature.dtype], ""


class _RecordSetBuilder:
    """The fields of one config's record set, walking its features."""

    def __init__(self, config: str, files_id: str) -> None:
        self.config = config
        self.files_id = files_id
        self.descriptions = field_descriptions(config)
        self.left_out: list[str] = []

    def field(self, feature: FeatureType, path: tuple[str, ...], reach: _Reach) -> Json | None:
        """The field for ``feature`` at ``path``, or None when readers cannot reach it."""
        inner, array_levels = feature, 0
        while isinstance(inner, List):
            inner, array_levels = inner.feature, array_levels + 1
        node: Json = {
            "@type": "cr:Field",
            "@id": "/".join((self.config, *path)),
            "name": path[-1],
            "description": self.descriptions.get(path, path[-1]),
        }
        if isinstance(inner, dict):
            if array_levels > 1 or (array_levels == 1 and reach.record_lists > 0):
                self.left_out.append(".".join(path))
                return None
            if array_levels:
                node["isArray"] = True
                reach = reach.through_list()
            sub_fields = [self.field(child, (*path, key), reach.into(key)) for key, child in inner.items()]
            node["subField"] = [sub for sub in sub_fields if sub is not None]
            return node
        data_type, names = _leaf_type(inner)
        node["description"] += names
        node["dataType"] = data_type
        if array_levels:
            node["isArray"] = True
            node["arrayShape"] = ",".join(["-1"] * array_levels)
        source: Json = {"fileSet": {"@id": self.files_id}, "extract": {"column": reach.column}}
        if transforms := reach.transforms():
            source["transform"] = [{"jsonPath": step} for step in transforms]
        node["source"] = source
        return node

    def split_field(self) -> Json:
        return {
            "@type": "cr:Field",
            "@id": f"{self.config}/split",
            "name": "split",
            "description": "The split of the row, from its file name (train, validation or test).",
            "dataType": "sc:Text",
            "source": {
                "fileSet": {"@id": self.files_id},
                "extract": {"fileProperty": "fullpath"},
                "transform": {"regex": rf"^{self.config}/({'|'.join(SPLITS)})-\d+-of-\d+\.parquet$"},
            },
            "references": {"field": {"@id": "splits/name"}},
        }


def _record_set(summary: ConfigSummary, files_id: str) -> Json:
    builder = _RecordSetBuilder(summary.name, files_id)
    columns = [builder.field(feature, (key,), _Reach().into(key)) for key, feature in summary.features.items()]
    description = summary.description
    if builder.left_out:
        description += (
            f" Not described here, being lists of records inside lists of records, which Croissant "
            f"readers cannot reach: {', '.join(builder.left_out)}; the card's features describe them."
        )
    return {
        "@type": "cr:RecordSet",
        "@id": summary.name,
        "name": summary.name,
        "description": description,
        "field": [builder.split_field(), *(column for column in columns if column is not None)],
    }


def _splits_record_set() -> Json:
    """The split names, tied to Croissant's split types so tools know which is for training."""
    kinds = {"train": "cr:TrainingSplit", "validation": "cr:ValidationSplit", "test": "cr:TestSplit"}
    return {
        "@type": "cr:RecordSet",
        "@id": "splits",
        "name": "splits",
        "description": "The splits: fixed by a hash of the document id (80/10/10).",
        "dataType": "cr:Split",
        "key": {"@id": "splits/name"},
        "field": [
            {"@type": "cr:Field", "@id": "splits/name", "name": "name", "dataType": "sc:Text"},
            {"@type": "cr:Field", "@id": "splits/url", "name": "url", "dataType": ["sc:URL", "cr:Split"]},
        ],
        "data": [{"splits/name": split, "splits/url": kinds[split]} for split in SPLITS],
    }


def _size_and_sha256(out_dir: Path, name: str, digests: Mapping[str, str]) -> tuple[int, str]:
    """A release file's bytes and SHA-256: the digest the writer already knows, else read from the file.

    The writer knows the digest of every Parquet file (computed as it wrote the
    shard, or kept with a stored one), so a build does not read the release back.
    """
    path = out_dir / name
    if name in digests:
        return path.stat().st_size, digests[name]
    content = path.read_bytes()
    return len(content), hashlib.sha256(content).hexdigest()


def _distribution(out_dir: Path, summary: ConfigSummary, files_id: str, digests: Mapping[str, str]) -> list[Json]:
    """A FileObject with SHA-256 for each Parquet file of a config, and the config's FileSet."""
    files: list[Json] = []
    for path in sorted((out_dir / summary.name).glob("*.parquet")):
        name = path.relative_to(out_dir).as_posix()
        size, sha256 = _size_and_sha256(out_dir, name, digests)
        files.append(
            {
                "@type": "cr:FileObject",
                "@id": name,
                "name": name,
                "description": f"Parquet shard of the {summary.name} config.",
                "contentUrl": name,
                "contentSize": f"{size} B",
                "encodingFormat": PARQUET_FORMAT,
                "sha256": sha256,
            }
        )
    file_set = {
        "@type": "cr:FileSet",
        "@id": files_id,
        "name": files_id,
        "description": f"All Parquet files of the {summary.name} config (one per split and shard).",
        "encodingFormat": PARQUET_FORMAT,
        "includes": f"{summary.name}/*.parquet",
    }
    return [*files, file_set]


def _document_file(out_dir: Path, name: str, digests: Mapping[str, str]) -> Json:
    """A FileObject for a text file of the release that is not data (the attribution list)."""
    size, sha256 = _size_and_sha256(out_dir, name, digests)
    return {
        "@type": "cr:FileObject",
        "@id": name,
        "name": name,
        "description": "Credit for every article whose licence requires it: title, author, URL, licence, changes.",
        "contentUrl": name,
        "contentSize": f"{size} B",
        "encodingFormat": "text/markdown",
        "sha256": sha256,
    }


def croissant_metadata(
    out_dir: Path,
    configs: dict[str, ConfigSummary],
    licenses: Sequence[str | Json] = (ANNOTATIONS_LICENSE,),
    documents: Sequence[str] = (),
    digests: Mapping[str, str] | None = None,
) -> Json:
    """The Croissant JSON-LD for the configs written in ``out_dir``, its ``licenses``, and its text files ``documents``.

    ``licenses`` come from ``newscorpus.release.composition.croissant_licenses``: every licence of the corpus's parts.
    ``digests`` (release file name -> SHA-256) are the files' known digests; a file not in it is read.
    """
    digests = digests or {}
    distribution: list[Json] = [_document_file(out_dir, name, digests) for name in documents]
    record_sets: list[Json] = [_splits_record_set()]
    for summary in configs.values():
        files_id = f"{summary.name}-parquet-files"
        distribution += _distribution(out_dir, summary, files_id, digests)
        record_sets.append(_record_set(summary, files_id))
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": "newscorpus",
        "description": (
            "An open, richly annotated corpus of English news articles: normalized text with an offset map "
            "back to each raw capture, and annotation layers with character offsets (entities, Wikidata "
            "links, coreference, quotations with their sources, temporal expressions), each with provenance. "
            f"Default config: {DEFAULT_VIEW}."
        ),
        "version": __version__,
        "citeAs": CITATION_BIBTEX,
        "license": list(licenses),
        "creator": {"@type": "sc:Organization", "name": CITATION_AUTHOR},
        "inLanguage": ["en"],
        "keywords": ["news", "named entities", "entity linking", "coreference", "quotation attribution", "TIMEX3"],
        "distribution": distribution,
        "recordSet": record_sets,
    }


def write_croissant(
    out_dir: Path,
    configs: dict[str, ConfigSummary],
    licenses: Sequence[str | Json] = (ANNOTATIONS_LICENSE,),
    documents: Sequence[str] = (),
    digests: Mapping[str, str] | None = None,
) -> str:
    """Write ``croissant.json`` into the release folder ``out_dir``; return its SHA-256 for SHA256SUMS."""
    metadata = croissant_metadata(out_dir, configs, licenses, documents, digests)
    content = (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode()
    (out_dir / CROISSANT_FILE).write_bytes(content)
    return hashlib.sha256(content).hexdigest()
