"""Assemble a record from a raw capture, keeping the gold of the previous record.

Complete gold layers are kept whole; in other span layers the gold items are
kept as they are and the automatic annotators (``newscorpus.annotate``) make
the rest again around them, so that a new article starts pre-annotated and a
partial correction survives. ``kept_from`` is the one rule for what is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscorpus import __version__
from newscorpus.annotate.runner import Annotators, corpus_annotators, needs_annotation, shipped_annotators
from newscorpus.convert.attribution import attribution_of
from newscorpus.convert.boilerplate import ArticleParts, split_article
from newscorpus.convert.dates import NOT_ESTABLISHED, Notice, publication_date, publication_date_from_text
from newscorpus.convert.decode import RawCapture, read_raw
from newscorpus.convert.profiles import GENERIC, Profile, choose_profile
from newscorpus.convert.segment import segment_paragraph, tool_versions
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.around_gold import kept_gold, malformation
from newscorpus.record.provenance import SPAN_LAYERS, auto, empty_layer, is_gold, upgrade_entry, upgrade_span_layer
from newscorpus.schema import schema_version
from newscorpus.text.normalize import PARAGRAPH_SEPARATOR, join_paragraphs, normalize_paragraphs

HEADLINE_SLUG_WORDS = 8
SEGMENT_LAYERS = ("paragraphs", "sentences", "tokens")  # one provenance each; kept only when gold as a whole
SENTENCE_TOOL = "newscorpus.convert.sentence_rules+sentencex"


def _slug(text: str, max_words: int) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words])


def document_id(publisher_slug: str, headline: str | None, sha256: str) -> str:
    """``publisher-headline-words-sha8``: readable, and stable because raw files never change."""
    parts = [_slug(publisher_slug, 3) or "unknown", _slug(headline or "", HEADLINE_SLUG_WORDS), sha256[:8]]
    return "-".join(part for part in parts if part)


def publisher_folder(raw_path: str) -> str | None:
    """The folder under corpus/raw/ a capture sits in, which names its publisher."""
    parts = raw_path.split("/")
    return parts[2] if len(parts) > 3 else None


def _segment_layers(parts: ArticleParts, text: str) -> dict[str, Any]:
    versions = tool_versions()
    paragraphs, sentence_starts, sentence_ends, token_starts, token_ends = [], [], [], [], []
    offset = 0
    for paragraph, role in zip(parts.paragraphs, parts.roles, strict=True):
        end = offset + len(paragraph.text)
        paragraphs.append({"start": offset, "end": end, "role": role})
        segmentation = segment_paragraph(text[offset:end], offset)
        sentence_starts += segmentation.sentence_starts
        sentence_ends += segmentation.sentence_ends
        token_starts += segmentation.token_starts
        token_ends += segmentation.token_ends
        offset = end + len(PARAGRAPH_SEPARATOR)
    return {
        "paragraphs": {"provenance": auto("newscorpus.convert", __version__), "items": paragraphs},
        "sentences": {
            "provenance": auto(SENTENCE_TOOL, f"{__version__}+sentencex-{versions['sentencex']}"),
            "starts": sentence_starts,
            "ends": sentence_ends,
        },
        "tokens": {
            "provenance": auto("spacy.lang.en.English.tokenizer", versions["spacy"]),
            "starts": token_starts,
            "ends": token_ends,
        },
    }


def _split(capture: RawCapture, root: Path | None) -> tuple[Profile, ArticleParts]:
    paragraphs = normalize_paragraphs(capture.text)
    if not paragraphs:
        raise UnusableInputError(
            "raw.no-text",
            capture.path,
            "the file holds no text (only whitespace or invisible characters)",
            "add the article text",
        )
    profile = choose_profile(publisher_folder(capture.path), paragraphs, root)
    parts = split_article(paragraphs, profile, capture.text)
    if "body" not in parts.roles:
        raise UnusableInputError(
            "raw.no-body",
            capture.path,
            "no article body: the file holds only a headline, a credit or boilerplate",
            f"check the capture; profile {profile.id!r} recognised {len(parts.boilerplate)} boilerplate block(s)",
        )
    return profile, parts


def build_record(
    capture: RawCapture,
    previous: dict[str, Any] | None = None,
    annotators: Annotators | None = None,
    root: Path | None = None,
) -> dict[str, Any]:
    """Convert a capture into a record; the gold of ``previous`` (``kept_from``) is kept as it is.

    The other entity, coreference, quotation and timex layers are annotated
    automatically by ``annotators`` (default: the shipped gazetteer only, as
    no corpus is known here). Profiles are the packaged ones and, with
    ``root``, those of its corpus/profiles/.
    """
    return _assemble(capture, previous, lambda: annotators or shipped_annotators(), root)


@dataclass(frozen=True, slots=True)
class Kept:
    """What convert carries over from a previous record into the new one."""

    layers: dict[str, Any]  # span layers by name: complete gold layers whole, else their gold items only
    publication_date: dict[str, Any] | None  # the gold publication date, if any
    topics: list[Any]
    url: Any

    def __bool__(self) -> bool:
        return bool(self.layers or self.publication_date is not None or self.topics or self.url is not None)


def kept_from(previous: dict[str, Any] | None) -> Kept:
    """What ``_assemble`` keeps of ``previous``: the one rule, so that ``keeps_anything`` (and a cache key) agree.

    Per span layer, a complete gold layer whole, else the layer of its gold
    items only (with their provenance entries); the gold publication date;
    topics and URL. A schema 1 or 2 record is read in the schema 3 shape: a
    gold layer of it is complete, and its joined annotator string a list.
    """
    if not previous:
        return Kept({}, None, [], None)
    previous_layers = previous.get("layers") or {}
    layers = {
        name: {**layer, "provenance": upgrade_entry(layer["provenance"])}
        for name in SEGMENT_LAYERS
        if is_gold(layer := previous_layers.get(name))
    }
    for name in SPAN_LAYERS:
        layer = upgrade_span_layer(previous_layers.get(name))
        reason = malformation(name, layer)
        if reason is not None:
            where = f"corpus/records/{previous.get('id')}.json#/layers/{name}"  # where records of an id live
            raise UnusableInputError("record.malformed-gold", where, f"the gold cannot be kept: {reason}")
        kept = kept_gold(layer)
        if kept is not None:
            layers[name] = kept
    previous_metadata = previous.get("metadata") or {}
    date = None
    if is_gold(previous_metadata.get("publication_date")):
        published = previous_metadata["publication_date"]
        date = {**published, "provenance": upgrade_entry(published["provenance"])}
    return Kept(layers, date, previous_metadata.get("topics") or [], previous.get("source", {}).get("url"))


def keeps_anything(previous: dict[str, Any] | None) -> bool:
    """Whether converting with ``previous`` differs from converting without it.

    The index pass reads every record anyway; when this is false, convert
    need not read the record a second time.
    """
    try:
        return bool(kept_from(previous))
    except (AttributeError, TypeError, UnusableInputError):
        return True  # malformed: convert reads it again and fails on it with its located error


def _metadata_from_source(
    profile: Profile, parts: ArticleParts, location: str
) -> tuple[str | None, dict[str, Any], list[Notice]]:
    """URL, publication date and notices from the capture header and the dateline, as the profile says."""
    slot = profile.header
    url = slot.url_of(parts.header) if slot else None
    date_key = slot.date_key if slot else None
    header_date = parts.header.get(date_key) if date_key else None
    dateline_text = parts.text_of("dateline")
    dateline = profile.dateline.pattern.fullmatch(dateline_text) if profile.dateline and dateline_text else None
    if header_date is None and dateline is None:
        return url, dict(NOT_ESTABLISHED), []
    date, notices = publication_date(date_key, header_date, dateline, location)
    return url, date, notices


def source_publication_date(root: Path, raw_path: str | None, text: str) -> dict[str, Any]:
    """``metadata.publication_date`` as convert establishes it, with no gold date to keep.

    From the capture at ``raw_path`` (under ``root``) as the source gives it;
    ``raw_path`` None stands for a capture with no header and no dateline.
    Benchmarks use it to score the annotators without a hand-set date.
    """
    established = dict(NOT_ESTABLISHED)
    if raw_path is not None:
        capture = read_raw(root / raw_path, raw_path)
        profile, parts = _split(capture, root)
        established = _metadata_from_source(profile, parts, raw_path)[1]
    if established["value"] is None:
        return publication_date_from_text(text) or established
    return established


def _assemble(
    capture: RawCapture,
    previous: dict[str, Any] | None,
    make_annotators: Callable[[], Annotators],
    root: Path | None,
    notices: list[Notice] | None = None,
) -> dict[str, Any]:
    """The record; annotators are made only when some layer is not gold (the seed needs none)."""
    profile, parts = _split(capture, root)
    url, source_date, source_notices = _metadata_from_source(profile, parts, capture.path)
    text, offset_map = join_paragraphs(list(parts.paragraphs))
    if source_date["value"] is None:
        source_date = publication_date_from_text(text) or source_date
    headline = parts.text_of("headline")
    folder = publisher_folder(capture.path)
    publisher_slug = profile.id if profile.id != GENERIC else (folder or "unknown")
    layers: dict[str, Any] = _segment_layers(parts, text)
    layers.update({name: empty_layer() for name in SPAN_LAYERS})
    metadata: dict[str, Any] = {
        "headline": headline,
        "credit": parts.text_of("credit"),
        "dateline": parts.text_of("dateline"),
        "publication_date": source_date,
        "topics": [],
    }
    kept = kept_from(previous)
    layers.update(kept.layers)
    if kept.publication_date is not None:
        metadata["publication_date"] = kept.publication_date  # a gold date outranks what the source says
    elif notices is not None:
        notices += source_notices
    metadata["topics"] = kept.topics
    url = url if url is not None else kept.url
    record = {
        "schema_version": schema_version(),
        "id": document_id(publisher_slug, headline, capture.sha256),
        "source": {
            "publisher": profile.publisher,
            "url": url,
            "language": profile.language,
            "license": profile.license,
            "license_id": profile.license_id,
            "license_url": profile.license_url,
            "attribution": attribution_of(profile, headline, url),
            "profile": profile.id,
        },
        "raw": {"path": capture.path, "sha256": capture.sha256, "length": len(capture.text)},
        "text": text,
        "offset_map": offset_map.to_dict(),
        "boilerplate": [block.to_dict() for block in parts.boilerplate],
        "metadata": metadata,
        "layers": layers,
    }
    if needs_annotation(record):
        record = make_annotators().annotate_record(record)
    return record


def corpus_root_of(path: Path, relative_path: str) -> Path:
    """The folder holding corpus/: ``path`` minus its ``relative_path`` (corpus/raw/...)."""
    return path.parents[len(relative_path.split("/")) - 1]


def convert_raw_file(
    path: Path,
    relative_path: str,
    previous: dict[str, Any] | None = None,
    annotators: Annotators | None = None,
    *,
    make_annotators: Callable[[], Annotators] | None = None,
    notices: list[Notice] | None = None,
) -> dict[str, Any]:
    """Read a raw file and convert it; see :func:`build_record`.

    Without ``annotators``, those ``make_annotators`` returns (called only
    when some layer needs annotating; the pipeline passes annotators built
    once per process) or else those of the file's corpus are used: their
    gazetteer holds the gold entities of its records (never those of the
    record being converted), the gazetteer files in corpus/gazetteers/ and
    the spaCy pipeline named by $NEWSCORPUS_SPACY_PIPELINE, if any.

    Profiles are the packaged ones and those in the file's corpus/profiles/.
    What convert reports without refusing the file (a dateline that
    disagrees with the published date) is appended to ``notices``.
    """
    capture = read_raw(path, relative_path)
    try:
        root: Path | None = corpus_root_of(path, relative_path)
    except IndexError:  # a file outside any corpus: packaged profiles only
        root = None
    if annotators is not None:
        return _assemble(capture, previous, lambda: annotators, root, notices)
    return _assemble(
        capture,
        previous,
        make_annotators or (lambda: corpus_annotators(corpus_root_of(path, relative_path))),
        root,
        notices,
    )
