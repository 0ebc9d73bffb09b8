"""CoNLL-U with named entities and coreference in MISC, in the CorefUD/GUM ``Entity=`` style.

Each record is one document (``# newdoc id``), each paragraph opens with
``# newpar id``, each sentence has ``# sent_id``, ``# text`` and
``# sentence_gold`` (true when the entity layer is complete gold, as in the
``ner`` config; the document's ``# complete_gold_layers`` names every complete
layer). Tokens carry
their character offsets in the record's text as ``TokenRange=start:end`` (the
UDPipe convention) and the whitespace after them as ``SpaceAfter=No`` or
``SpacesAfter=`` (``\\n`` for a newline, ``\\s`` for a space), so the text can
be rebuilt exactly. The corpus has no lemmas, POS tags or syntax: those
columns hold ``_``.

Markables follow CorefUD: ``Entity=(eid-etype-wikidata`` opens a span,
``eid)`` closes it, ``(eid-etype-wikidata)`` is a one-token span; the field
order is declared by ``# global.Entity``. A coreference mention has its
cluster id as eid; a named entity that is no coreference mention is a
singleton with its entity id as eid. etype is the OntoNotes label when the
span is a named entity (empty for pronouns and nominals), wikidata the QID
linked to it, if any.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newscorpus.io.alignment import TokenAligner
from newscorpus.record.provenance import SPAN_LAYERS
from newscorpus.views.tokens import sentence_token_ranges, token_spans

GLOBAL_ENTITY = "eid-etype-wikidata"
# The gap between tokens is whitespace only; UDPipe writes it with these escapes.
_ESCAPES = {" ": "\\s", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


@dataclass(frozen=True, slots=True)
class _Markable:
    first: int  # first token index
    last: int  # last token index (inclusive)
    eid: str
    etype: str
    wikidata: str

    def opening(self) -> str:
        return "(" + "-".join((self.eid, self.etype, self.wikidata)).rstrip("-")


def _markables(record: dict[str, Any], aligner: TokenAligner) -> list[_Markable]:
    layers = record["layers"]
    qid_of = {}
    for link in layers["entity_links"]["items"]:
        if link["qid"] is not None:
            qid_of.setdefault(link["entity"], link["qid"])
    entity_at = {(e["start"], e["end"]): e for e in layers["entities"]["items"]}
    spans: dict[tuple[int, int], str] = {}  # span -> eid
    for cluster in layers["coreference"]["items"]:
        for mention in cluster["mentions"]:
            spans[mention["start"], mention["end"]] = cluster["id"]
    for span, entity in entity_at.items():
        spans.setdefault(span, entity["id"])
    markables = []
    for (start, end), eid in spans.items():
        first, stop = aligner.token_range(start, end, f"markable {eid}")
        entity = entity_at.get((start, end))
        etype = entity["label"] if entity else ""
        wikidata = qid_of.get(entity["id"], "") if entity else ""
        markables.append(_Markable(first, stop - 1, eid, etype, wikidata))
    return markables


def _entity_values(markables: list[_Markable], token_count: int) -> list[str]:
    """The ``Entity`` MISC value of every token ('' where none).

    On one token, one-token markables nest inside markables that open or close
    there; mentions that cross (one closes where another opens) are written
    closing first, so that an opening bracket is never followed by a closing
    one, which a reader could not split.
    """
    opens: list[list[_Markable]] = [[] for _ in range(token_count)]
    singles: list[list[_Markable]] = [[] for _ in range(token_count)]
    closes: list[list[_Markable]] = [[] for _ in range(token_count)]
    for markable in markables:
        if markable.first == markable.last:
            singles[markable.first].append(markable)
        else:
            opens[markable.first].append(markable)
            closes[markable.last].append(markable)
    values = []
    for index in range(token_count):
        opening = [m.opening() for m in sorted(opens[index], key=lambda m: -m.last)]
        single = [m.opening() + ")" for m in sorted(singles[index], key=lambda m: m.eid)]
        closing = [m.eid + ")" for m in sorted(closes[index], key=lambda m: -m.first)]
        parts = closing + opening + single if opening else opening + single + closing
        values.append("".join(parts))
    return values


def _space_after(gap: str, is_last: bool) -> str:
    if gap == " " or (gap == "" and is_last):
        return ""
    if gap == "":
        return "SpaceAfter=No"
    return "SpacesAfter=" + "".join(_ESCAPES.get(char, char) for char in gap)


def conllu_document(record: dict[str, Any]) -> str:
    """The CoNLL-U text of one record: every sentence, tokens with offsets, entities and coreference."""
    text = record["text"]
    document_id = record["id"]
    spans = token_spans(record)
    entity_values = _entity_values(_markables(record, TokenAligner(record)), len(spans))
    paragraph_starts = {p["start"] for p in record["layers"]["paragraphs"]["items"]}
    complete = [name for name in SPAN_LAYERS if record["layers"][name]["complete"]]
    lines = [
        f"# newdoc id = {document_id}",
        f"# global.Entity = {GLOBAL_ENTITY}",
        f"# complete_gold_layers = {', '.join(complete) or 'none'}",
    ]
    sentence_gold = "true" if record["layers"]["entities"]["complete"] else "false"
    sentences = record["layers"]["sentences"]
    paragraph_number = 0
    for sentence_number, (first, stop), sentence_start, sentence_end in zip(
        range(1, len(sentences["starts"]) + 1),
        sentence_token_ranges(record),
        sentences["starts"],
        sentences["ends"],
        strict=True,
    ):
        if sentence_start in paragraph_starts:
            paragraph_number += 1
            lines.append(f"# newpar id = {document_id}-p{paragraph_number}")
        sentence_text = text[sentence_start:sentence_end].replace("\n", " ")
        lines += [
            f"# sent_id = {document_id}-s{sentence_number}",
            f"# text = {sentence_text}",
            f"# sentence_gold = {sentence_gold}",  # as the ner config's column: the entity layer is complete
        ]
        for index in range(first, stop):
            start, end = spans[index]
            next_start = spans[index + 1][0] if index + 1 < len(spans) else len(text)
            misc = [
                f"Entity={entity_values[index]}" if entity_values[index] else "",
                _space_after(text[end:next_start], index + 1 == len(spans)),
                f"TokenRange={start}:{end}",
            ]
            columns = [str(index - first + 1), text[start:end], *["_"] * 7, "|".join(m for m in misc if m)]
            lines.append("\t".join(columns))
        lines.append("")
    return "\n".join(lines) + "\n"
