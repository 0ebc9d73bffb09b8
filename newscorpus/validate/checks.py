"""Semantic checks: what the schema cannot express. Each check yields problems.

Checks run after the schema check on records that may be partly malformed; a
check reads only the parts it needs and skips what the schema already
reported as malformed. The table ``CHECKS`` lists them all.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cached_property
from itertools import pairwise
from typing import Any

from newscorpus.problems.value import Problem, pointer
from newscorpus.text.normalize import PARAGRAPH_SEPARATOR
from newscorpus.validate.edge_checks import edge_problems
from newscorpus.validate.provenance_checks import item_provenance_problems
from newscorpus.validate.source_checks import licence_problems, metadata_paragraph_problems
from newscorpus.validate.spans import columns, first_uncovered, in_order, iter_item_spans, layer_items
from newscorpus.validate.value_checks import provenance_problems, value_problems


class Derived:
    """What several checks derive from one record, computed on first use and then kept.

    A value that trips over a malformed part raises again in each check that asks for
    it, so that check is skipped just as when it derived the value itself.
    """

    def __init__(self, record: dict[str, Any]) -> None:
        self._record = record

    @cached_property
    def tokens(self) -> tuple[list[int], list[int]] | None:
        """The token layer's (starts, ends), or None when malformed."""
        return columns(self._record, "tokens")

    @cached_property
    def token_boundaries(self) -> tuple[set[int], set[int]] | None:
        """Token start and end offsets, or None when the token layer is empty or malformed (reported elsewhere)."""
        data = self.tokens
        if data is None or not data[0] or len(data[0]) != len(data[1]):
            return None
        return set(data[0]), set(data[1])


Check = Callable[[dict[str, Any], str, Derived], Iterator[Problem]]

_ODD_SPACE = re.compile(r"[\u00a0\t\u2000-\u200b\u202f\ufeff]")


def _text_problems(record: dict[str, Any], text: str, derived: Derived) -> Iterator[Problem]:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        yield Problem("text.invalid-unicode", f"lone surrogate at offset {error.start}", pointer("text"))
        return
    if not unicodedata.is_normalized("NFC", text):
        yield Problem("text.not-normalized", "text is not in NFC", pointer("text"))
    for what, offset in (
        # str.find where it can: a regex tries a match at each line break or space of the text.
        ("three or more line breaks", text.find("\n\n\n")),
        ("trailing spaces", first_trailing_spaces(text)),
        ("a non-breaking or odd space", next((match.start() for match in _ODD_SPACE.finditer(text)), -1)),
    ):
        if offset >= 0:
            yield Problem("text.not-normalized", f"{what} at offset {offset}", pointer("text"))


def first_trailing_spaces(text: str) -> int:
    """Where r" +\n| +$" first matches, or -1: the start of the first run of spaces ending a line or the text."""
    last_space = text.find(" \n")
    if last_space < 0 and text.endswith(" "):
        last_space = len(text) - 1
    return len(text[: last_space + 1].rstrip(" ")) if last_space >= 0 else -1


def _span_problems(record: dict[str, Any], text: str, derived: Derived) -> Iterator[Problem]:
    length = len(text)
    # The JSON pointer is built only for a problem: most spans have none.
    for path, start, end, stored in iter_item_spans(record):
        if end > length:
            yield Problem("span.out-of-range", f"[{start}, {end}) ends past the text ({length})", pointer(*path))
            continue
        if end <= start:
            yield Problem("span.empty", f"[{start}, {end}) is empty or reversed", pointer(*path))
            continue
        if stored is not None and text[start:end] != stored:
            yield Problem(
                "span.text-mismatch",
                f"stored {stored!r} but text[{start}:{end}] is {text[start:end]!r}",
                pointer(*path) + "/text",
            )
        for edge in (start, end):
            # A mark right after a line break starts a cluster of its own (UAX #29 breaks after LF).
            if 0 < edge < length and unicodedata.combining(text[edge]) and text[edge - 1] != "\n":
                yield Problem("span.splits-character", f"offset {edge} is before a combining mark", pointer(*path))


def column_problems(text: str, layer: str, starts: list[int], ends: list[int]) -> Iterator[Problem]:
    """Spans of a columnar layer (as many starts as ends) out of range, empty, overlapping or with edge space."""
    where = pointer("layers", layer)
    previous_end = 0
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        item = f"{where}/starts/{index}"
        if end > len(text):
            yield Problem("span.out-of-range", f"{layer} {index} [{start}, {end}) ends past the text", item)
        elif end <= start:
            yield Problem("span.empty", f"{layer} {index} [{start}, {end}) is empty or reversed", item)
        elif start < previous_end:
            yield Problem(
                f"{layer}.overlap", f"{layer} {index} starts at {start}, before the previous end {previous_end}", item
            )
        elif text[start].isspace() or text[end - 1].isspace():
            code = "tokens.whitespace" if layer == "tokens" else "sentences.not-tiling"
            yield Problem(code, f"{layer} {index} {text[start:end]!r} has edge whitespace", item)
        previous_end = max(previous_end, end)


def _length_mismatch(layer: str, starts: list[int], ends: list[int]) -> Problem:
    return Problem(f"{layer}.length-mismatch", f"{len(starts)} starts but {len(ends)} ends", pointer("layers", layer))


def _token_problems(record: dict[str, Any], text: str, derived: Derived) -> Iterator[Problem]:
    if derived.tokens is None:
        return
    starts, ends = derived.tokens
    if len(starts) != len(ends):
        yield _length_mismatch("tokens", starts, ends)
        return
    # in_order holds exactly when column_problems would find nothing: the loop runs only for a bad layer.
    ordered = in_order(text, starts, ends)
    if not ordered:
        yield from column_problems(text, "tokens", starts, ends)
    offset = first_uncovered(text, starts, ends, ordered)
    if offset is not None:
        yield Problem(
            "tokens.uncovered", f"{text[offset]!r} at offset {offset} is in no token", pointer("layers", "tokens")
        )


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, position = [], 0
    for part in text.split(PARAGRAPH_SEPARATOR):
        bounds.append((position, position + len(part)))
        position += len(part) + len(PARAGRAPH_SEPARATOR)
    return bounds


def _paragraph_problems(record: dict[str, Any], text: str, derived: Derived) -> Iterator[Problem]:
    items = layer_items(record, "paragraphs")
    found = [(p.get("start"), p.get("end")) for p in items if isinstance(p, dict)]
    if text and found != _paragraph_bounds(text):
        yield Problem(
            "paragraphs.not-tiling",
            f"{len(found)} paragraphs do not match the text's {len(_paragraph_bounds(text))} blank-line paragraphs",
            pointer("layers", "paragraphs"),
        )
    roles = [p.get("role") for p in items if isinstance(p, dict)]
    for index, role in enumerate(roles):
        if (
            (role == "headline" and index != 0)
            or (role == "credit" and (index != 1 or roles[0] != "headline"))
            or (role == "dateline" and (roles[:index] not in (["headline"], ["headline", "credit"])))
            or (role == "caption" and index == 0)
        ):
            yield Problem(
                "paragraphs.role-order",
                f"paragraph {index} is a {role}",
                pointer("layers", "paragraphs", "items", index, "role"),
            )


def _sentence_problems(record: dict[str, Any], text: str, derived: Derived) -> Iterator[Problem]:
    data = columns(record, "sentences")
    if data is None:
        return
    starts, ends = data
    if len(starts) != len(ends):
        yield _length_mismatch("sentences", starts, ends)
        return
    ordered = in_order(text, starts, ends)
    if not ordered:
        yield from column_problems(text, "sentences", starts, ends)
    where = pointer("layers", "sentences")
    paragraphs = _paragraph_bounds(text)
    paragraph_starts = [start for start, _ in paragraphs]
    for index, (start, end) in enumerate(zip(*data, strict=True)):
        if not 0 <= start < end <= len(text):
            continue
        paragraph = paragraphs[bisect_left(paragraph_starts, start + 1) - 1]
        if end > paragraph[1]:
            yield Problem(
                "sentences.crosses-paragraph",
                f"sentence {index} [{start}, {end}) crosses a paragraph break",
                f"{where}/starts/{index}",
            )
    offset = first_uncovered(text, starts, ends, ordered)
    if offset is not None:
        yield Problem("sentences.not-tiling", f"{text[offset]!r} at offset {offset} is in no sentence", where)
    boundaries = derived.token_boundaries
    if boundaries is None:
        return
    token_starts, token_ends = boundaries
    for index, (start, end) in enumerate(zip(*data, strict=True)):
        if start not in token_starts or end not in token_ends:
            yield Problem(
                "sentences.token-boundary", f"sentence {index} [{start}, {end}) cuts a token", f"{where}/starts/{index}"
            )


def _entity_problems(record: dict[str, Any], text: str, derived: Derived) -> Iterator[Problem]:
    entities = [
        (i, e)
        for i, e in enumerate(layer_items(record, "entities"))
        if isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
    ]
    boundaries = derived.token_boundaries
    seen: dict[tuple[int, int], int] = {}
    last_end, last_index = -1, -1
    for index, entity in sorted(entities, key=lambda pair: (pair[1]["start"], -pair[1]["end"])):
        span = (entity["start"], entity["end"])
        if boundaries and (span[0] not in boundaries[0] or span[1] not in boundaries[1]):
            yield Problem(
                "entity.token-boundary",
                f"entity {entity.get('id')} [{span[0]}, {span[1]}) "
                f"{text[span[0] : span[1]]!r} does not start and end on token boundaries",
                _entity_pointer(index),
            )
        if span in seen:
            yield Problem(
                "entity.duplicate",
                f"entity {entity.get('id')} has the same span as item {seen[span]}",
                _entity_pointer(index),
            )
        elif span[0] < last_end:
            yield Problem(
                "entity.overlap", f"entity {entity.get('id')} overlaps item {last_index}", _entity_pointer(index)
            )
        seen.setdefault(span, index)
        if span[1] > last_end:
            last_end, last_index = span[1], index


def _entity_pointer(index: int) -> str:
    # Built only for a problem: most entities have none.
    return pointer("layers", "entities", "items", index)


def _iter_ids(record: dict[str, Any]) -> Iterator[tuple[str, tuple[str | int, ...], str]]:
    """(id, path, kind) for every id in the record; kind is the layer the id belongs to."""
    for layer in ("entities", "entity_links", "coreference", "quotations", "timex"):
        for index, item in enumerate(layer_items(record, layer)):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                yield item["id"], ("layers", layer, "items", index, "id"), layer
            if layer == "coreference" and isinstance(item, dict) and isinstance(item.get("mentions"), list):
                for mention_index, mention in enumerate(item["mentions"]):
                    if isinstance(mention, dict) and isinstance(mention.get("id"), str):
                        path = ("layers", layer, "items", index, "mentions", mention_index, "id")
                        yield mention["id"], path, "mention"


def _reference_problems(record: dict[str, Any], text: str, derived: Derived) -> Iterator[Problem]:
    ids: dict[str, str] = {}
    for identifier, path, kind in _iter_ids(record):
        if identifier in ids:
            yield Problem("id.duplicate", f"id {identifier!r} is used more than once", pointer(*path))
        ids.setdefault(identifier, kind)
    entities = {e["id"]: e for e in layer_items(record, "entities") if isinstance(e, dict) and "id" in e}

    def resolve(value: Any, kind: str, path: tuple[str | int, ...]) -> Iterator[Problem]:
        if isinstance(value, str) and ids.get(value) != kind:
            yield Problem("ref.unresolved", f"{value!r} is not the id of an item in {kind}", pointer(*path))

    for index, link in enumerate(layer_items(record, "entity_links")):
        if isinstance(link, dict):
            yield from resolve(link.get("entity"), "entities", ("layers", "entity_links", "items", index, "entity"))
    seen_mentions: set[tuple[Any, Any]] = set()
    for index, cluster in enumerate(layer_items(record, "coreference")):
        mentions = cluster.get("mentions") if isinstance(cluster, dict) else None
        for mention_index, mention in enumerate(mentions if isinstance(mentions, list) else []):
            if not isinstance(mention, dict):
                continue
            path = ("layers", "coreference", "items", index, "mentions", mention_index)
            span = (mention.get("start"), mention.get("end"))
            if span in seen_mentions:
                yield Problem("mention.duplicate", f"mention span {span} appears twice", pointer(*path))
            seen_mentions.add(span)
            entity_id = mention.get("entity")
            yield from resolve(entity_id, "entities", (*path, "entity"))
            entity = entities.get(entity_id) if isinstance(entity_id, str) else None
            if entity and (entity.get("start"), entity.get("end")) != span:
                yield Problem(
                    "mention.entity-mismatch",
                    f"mention {mention.get('id')} and entity {entity_id} have different spans",
                    pointer(*path, "entity"),
                )
    for index, quote in enumerate(layer_items(record, "quotations")):
        source = quote.get("source") if isinstance(quote, dict) else None
        if isinstance(source, dict):
            yield from resolve(
                source.get("mention"), "mention", ("layers", "quotations", "items", index, "source", "mention")
            )


def _offset_map_problems(record: dict[str, Any], text: str, derived: Derived) -> Iterator[Problem]:
    offset_map = record.get("offset_map")
    raw_length = (record.get("raw") or {}).get("length")
    if not isinstance(offset_map, dict) or not isinstance(raw_length, int):
        return
    arrays = [offset_map.get(key) for key in ("norm_starts", "raw_starts", "raw_ends")]
    if not all(isinstance(a, list) and all(isinstance(v, int) for v in a) for a in arrays):
        return
    norm_starts, raw_starts, raw_ends = arrays
    reason = None
    if not len(norm_starts) == len(raw_starts) == len(raw_ends):
        reason = "the three arrays differ in length"
    elif bool(text) != bool(norm_starts) or (norm_starts and norm_starts[0] != 0):
        reason = "the first segment must start at offset 0"
    elif any(b <= a for a, b in pairwise(norm_starts)) or (norm_starts and norm_starts[-1] >= len(text)):
        reason = "segment starts must increase and stay inside the text"
    elif any(not 0 <= s <= e <= raw_length for s, e in zip(raw_starts, raw_ends, strict=True)):
        reason = f"a raw range is reversed or outside the raw text ({raw_length})"
    elif any(b < a for a, b in zip(raw_ends[:-1], raw_starts[1:], strict=True)):
        reason = "raw ranges must not go backwards"
    if reason:
        yield Problem("offset-map.invalid", reason, pointer("offset_map"))


CHECKS: tuple[Check, ...] = (
    _text_problems,
    _offset_map_problems,
    _span_problems,
    _paragraph_problems,
    _token_problems,
    _sentence_problems,
    _entity_problems,
    _reference_problems,
    edge_problems,
    value_problems,
    provenance_problems,
    item_provenance_problems,
    licence_problems,
    metadata_paragraph_problems,
)


def iter_semantic_problems(record: dict[str, Any], *, schema_valid: bool = True) -> Iterator[Problem]:
    """Every semantic problem of a record (text-dependent checks need a string text).

    On a record the schema found malformed, a check that trips over the
    malformed part is skipped: the schema problem already says what is wrong.
    """
    text = record.get("text")
    if not isinstance(text, str):
        return
    derived = Derived(record)
    for check in CHECKS:
        try:
            problems = list(check(record, text, derived))
        except (TypeError, AttributeError, KeyError, IndexError, ValueError):
            if schema_valid:
                raise
            continue
        yield from problems
