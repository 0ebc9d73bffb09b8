"""spaCy DocBin: one ``Doc`` per record, with entities, sentences, quotations, coreference and TIMEX.

The Doc's text is the record's text exactly: the whitespace between tokens
that is not a single space becomes whitespace tokens, as spaCy's own
tokenizer makes them, so every character offset in a Doc is the record's.
What goes where:

- ``doc.ents``: named entities; ``label_`` the OntoNotes type, ``kb_id_`` the
  Wikidata QID ('' when none), ``id_`` the entity id.
- sentence starts from the sentences layer (``doc.sents``).
- ``doc.spans["quotes.content"]``, ``["quotes.cue"]``, ``["quotes.source"]``:
  the parts of each attribution; ``id_`` is the quote id shared by its parts,
  the content's ``label_`` the quote type (direct, indirect, mixed).
- ``doc.spans["coref_clusters_<n>"]`` (n from 1, the spacy-experimental
  coreference convention): the mentions of the n-th cluster, ``label_`` the
  mention kind, ``id_`` the mention id; the group's ``attrs["id"]`` is the
  cluster id.
- ``doc.spans["timex"]``: temporal expressions, ``label_`` the TIMEX3 type,
  ``kb_id_`` its normalized value, ``id_`` the expression id.
- ``doc.user_data["document_id"]``: the record id.
- ``doc.user_data["provenance"]``: per span layer, ``complete`` (gold
  annotators declared it done) and ``gold_ids``, the ids of its gold items
  (entities, links, clusters, quotations, expressions), so that training can
  keep gold only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, DocBin, Span, SpanGroup
from spacy.vocab import Vocab

from newscorpus.io.alignment import TokenAligner
from newscorpus.record.provenance import SPAN_LAYERS
from newscorpus.views.tokens import sentence_token_ranges, token_spans


def _words_and_spaces(record: dict[str, Any]) -> tuple[list[str], list[bool], list[int]]:
    """spaCy words and trailing-space flags for the text, and the Doc index of each record token."""
    text = record["text"]
    words: list[str] = []
    spaces: list[bool] = []
    doc_index: list[int] = []
    position = 0
    for start, end in token_spans(record):
        gap = text[position:start]
        if gap == " " and words:
            spaces[-1] = True
        elif gap:
            words.append(gap)
            spaces.append(False)
        doc_index.append(len(words))
        words.append(text[start:end])
        spaces.append(False)
        position = end
    if position < len(text):
        words.append(text[position:])
        spaces.append(False)
    return words, spaces, doc_index


class _DocSpans:
    """Makes Doc spans from character spans on record token boundaries."""

    def __init__(self, doc: Doc, record: dict[str, Any], doc_index: list[int]) -> None:
        self._doc = doc
        self._aligner = TokenAligner(record)
        self._doc_index = doc_index

    def span(self, item: dict[str, Any], what: str, label: str, span_id: str, kb_id: str = "") -> Span:
        first, stop = self._aligner.token_range(item["start"], item["end"], what)
        start, end = self._doc_index[first], self._doc_index[stop - 1] + 1
        return Span(self._doc, start, end, label=label, kb_id=kb_id, span_id=span_id)


def record_doc(record: dict[str, Any], vocab: Vocab) -> Doc:
    """The spaCy Doc of one record, with every annotation layer the Doc can hold."""
    words, spaces, doc_index = _words_and_spaces(record)
    doc = Doc(vocab, words=words, spaces=spaces)
    layers = record["layers"]
    sentence_starts = {doc_index[first] for first, _ in sentence_token_ranges(record)}
    for token in doc:
        token.is_sent_start = token.i in sentence_starts
    spans = _DocSpans(doc, record, doc_index)
    qid_of = {link["entity"]: link["qid"] for link in layers["entity_links"]["items"] if link["qid"]}
    doc.ents = [
        spans.span(e, f"entity {e['id']}", e["label"], e["id"], qid_of.get(e["id"], ""))
        for e in layers["entities"]["items"]
    ]
    quotes = layers["quotations"]["items"]
    doc.spans["quotes.content"] = [spans.span(q["content"], f"{q['id']} content", q["type"], q["id"]) for q in quotes]
    for part in ("cue", "source"):
        doc.spans[f"quotes.{part}"] = [
            spans.span(q[part], f"{q['id']} {part}", part, q["id"]) for q in quotes if q[part] is not None
        ]
    for number, cluster in enumerate(layers["coreference"]["items"], start=1):
        name = f"coref_clusters_{number}"
        mentions = [spans.span(m, f"mention {m['id']}", m["kind"], m["id"]) for m in cluster["mentions"]]
        doc.spans[name] = SpanGroup(doc, name=name, attrs={"id": cluster["id"]}, spans=mentions)
    doc.spans["timex"] = [
        spans.span(t, f"timex {t['id']}", t["type"], t["id"], t["value"] or "") for t in layers["timex"]["items"]
    ]
    doc.user_data["document_id"] = record["id"]
    doc.user_data["provenance"] = {
        name: {"complete": layers[name]["complete"], "gold_ids": [i["id"] for i in layers[name]["items"] if i["gold"]]}
        for name in SPAN_LAYERS
    }
    return doc


def docbin_bytes(records: Iterable[dict[str, Any]]) -> bytes:
    """A serialized DocBin holding one Doc per record, user data included."""
    vocab = Vocab()
    doc_bin = DocBin(store_user_data=True)
    for record in records:
        doc_bin.add(record_doc(record, vocab))
    return doc_bin.to_bytes()
