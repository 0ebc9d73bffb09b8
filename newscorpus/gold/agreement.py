"""How far two independent passes agree, per layer and type, micro-averaged over documents.

Pass B is scored against pass A: precision is over B's items, recall over A's.
Every figure is built from counts that add over documents (``Counter``), so
the corpus figure is a micro-average and each document's is available too.
A layer is compared in a document only when both passes hold it.

- entities: exact span and type; span only; type confusions on shared spans;
- timex: span exact, span overlap (one-to-one), span and type per type, and value and type
  agreement on exact spans;
- entity_links: same QID (or both null) on entities both passes have (same span and type);
- coreference: MUC, B-cubed, CEAF-e over the mention spans (``newscorpus.evaluate.coref_metrics``,
  which ``newscorpus evaluate`` uses too);
- quotations: content matched exactly or by overlap (at least half of the longer span),
  then cue and source (the same span, or both none) on matched content;
- publication_date: the same value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from newscorpus.evaluate.coref_metrics import Counts, b_cubed, ceaf_e, muc
from newscorpus.gold.canonical import canonical_items, link_key, span_of
from newscorpus.gold.passfile import PassFile

Span = tuple[int, int]
COREF_METRICS: dict[str, Callable[..., Counts]] = {"muc": muc, "b3": b_cubed, "ceaf_e": ceaf_e}
COUNT_FIELDS = ("recall_num", "recall_den", "precision_num", "precision_den")


def match_one_to_one(
    a: Sequence[Span], b: Sequence[Span], accept: Callable[[Span, Span], bool]
) -> list[tuple[int, int]]:
    """Pairs (index in a, index in b) matched one to one, greatest overlap first, among pairs ``accept`` admits."""
    candidates = sorted((-_overlap(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b) if accept(x, y))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _overlap(x: Span, y: Span) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def overlaps(x: Span, y: Span) -> bool:
    return _overlap(x, y) > 0


def half_overlaps(x: Span, y: Span) -> bool:
    """At least half of the longer span is shared (so also half of the shorter)."""
    return 2 * _overlap(x, y) >= max(x[1] - x[0], y[1] - y[0]) > 0


def _entity_counts(a: list[Any], b: list[Any], counts: Counter[str]) -> None:
    a_set, b_set = set(a), set(b)
    counts["entities.a"] += len(a_set)
    counts["entities.b"] += len(b_set)
    counts["entities.exact"] += len(a_set & b_set)
    a_spans = {(s, e): label for s, e, label in a_set}
    b_spans = {(s, e): label for s, e, label in b_set}
    counts["entities.span"] += len(a_spans.keys() & b_spans.keys())
    for label in {label for *_, label in a_set | b_set}:
        counts[f"entities.type.{label}.a"] += sum(1 for *_, x in a_set if x == label)
        counts[f"entities.type.{label}.b"] += sum(1 for *_, x in b_set if x == label)
        counts[f"entities.type.{label}.exact"] += sum(1 for *_, x in a_set & b_set if x == label)
    for span in a_spans.keys() & b_spans.keys():
        if a_spans[span] != b_spans[span]:
            counts[f"entities.confusion.{a_spans[span]} -> {b_spans[span]}"] += 1


def _timex_counts(a: list[Any], b: list[Any], counts: Counter[str]) -> None:
    counts["timex.a"] += len(a)
    counts["timex.b"] += len(b)
    a_at = {(s, e): (t, v) for s, e, t, v in a}
    b_at = {(s, e): (t, v) for s, e, t, v in b}
    shared = a_at.keys() & b_at.keys()
    counts["timex.exact"] += len(shared)
    counts["timex.overlap"] += len(match_one_to_one(list(a_at), list(b_at), overlaps))
    counts["timex.value.compared"] += len(shared)
    counts["timex.value.agreed"] += sum(a_at[s][1] == b_at[s][1] for s in shared)
    counts["timex.type.compared"] += len(shared)
    counts["timex.type.agreed"] += sum(a_at[s][0] == b_at[s][0] for s in shared)
    for kind in {t for t, _ in a_at.values()} | {t for t, _ in b_at.values()}:
        counts[f"timex.types.{kind}.a"] += sum(t == kind for t, _ in a_at.values())
        counts[f"timex.types.{kind}.b"] += sum(t == kind for t, _ in b_at.values())
        counts[f"timex.types.{kind}.exact"] += sum(a_at[s][0] == b_at[s][0] == kind for s in shared)


def _link_counts(a: PassFile, b: PassFile, counts: Counter[str]) -> None:
    shared = {
        (s, e) for s, e, _ in set(canonical_items(a.layers, "entities")) & set(canonical_items(b.layers, "entities"))
    }

    def qids(annotation: PassFile) -> dict[Span | None, str | None]:
        return dict(canonical_items(annotation.layers, "entity_links"))

    a_qids, b_qids = qids(a), qids(b)
    counts["entity_links.compared"] += len(shared)
    counts["entity_links.agreed"] += sum(a_qids.get(span) == b_qids.get(span) for span in shared)
    counts["entity_links.a_with_qid"] += sum(1 for span in shared if a_qids.get(span))


def _coref_counts(a: PassFile, b: PassFile, counts: Counter[str]) -> None:
    def partition(annotation: PassFile) -> list[frozenset[Span]]:
        return [frozenset((m["start"], m["end"]) for m in c["mentions"]) for c in annotation.layers["coreference"]]

    key, response = partition(a), partition(b)
    for name, metric in COREF_METRICS.items():
        scored = metric(key, response)
        for field in COUNT_FIELDS:
            counts[f"coreference.{name}.{field}"] += getattr(scored, field)


def _quote_counts(a: list[dict[str, Any]], b: list[dict[str, Any]], counts: Counter[str]) -> None:
    counts["quotations.a"] += len(a)
    counts["quotations.b"] += len(b)
    a_content = [span_of(q["content"]) for q in a]
    b_content = [span_of(q["content"]) for q in b]
    for mode, accept in (("exact", lambda x, y: x == y), ("overlap", half_overlaps)):
        pairs = match_one_to_one(a_content, b_content, accept)
        counts[f"quotations.content.{mode}"] += len(pairs)
        for part in ("cue", "source"):
            counts[f"quotations.{part}.{mode}"] += sum(span_of(a[i][part]) == span_of(b[j][part]) for i, j in pairs)


def document_counts(a: PassFile, b: PassFile) -> Counter[str]:
    """The counts of one document's two passes, for every layer both hold."""
    counts: Counter[str] = Counter()
    both = a.layers.keys() & b.layers.keys()
    for layer in sorted(both):
        counts[f"{layer}.documents"] += 1
    if "entities" in both:
        _entity_counts(canonical_items(a.layers, "entities"), canonical_items(b.layers, "entities"), counts)
    if "timex" in both:
        _timex_counts(canonical_items(a.layers, "timex"), canonical_items(b.layers, "timex"), counts)
    if "entity_links" in both and "entities" in both:
        _link_counts(a, b, counts)
    if "coreference" in both:
        _coref_counts(a, b, counts)
    if "quotations" in both:
        _quote_counts(a.layers["quotations"], b.layers["quotations"], counts)
    if "publication_date" in a.data and "publication_date" in b.data:
        counts["publication_date.documents"] += 1
        counts["publication_date.agreed"] += a.data["publication_date"]["value"] == b.data["publication_date"]["value"]
    return counts


def _prf(tp: float, a: float, b: float) -> dict[str, float]:
    precision = tp / b if b else 0.0
    recall = tp / a if a else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"matched": tp, "a": a, "b": b, "precision": precision, "recall": recall, "f1": f1}


def _ratio(agreed: float, compared: float) -> dict[str, float]:
    return {"agreed": agreed, "compared": compared, "agreement": agreed / compared if compared else 0.0}


def summarize(counts: Counter[str]) -> dict[str, Any]:
    """Figures from counts (of one document or summed over many): what the table and ``--format json`` show."""
    summary: dict[str, Any] = {}
    if counts["entities.documents"]:
        a, b = counts["entities.a"], counts["entities.b"]
        labels = sorted({key.split(".")[2] for key in counts if key.startswith("entities.type.")})
        summary["entities"] = {
            "documents": counts["entities.documents"],
            "exact": _prf(counts["entities.exact"], a, b),
            "span": _prf(counts["entities.span"], a, b),
            "types": {
                label: _prf(
                    counts[f"entities.type.{label}.exact"],
                    counts[f"entities.type.{label}.a"],
                    counts[f"entities.type.{label}.b"],
                )
                for label in labels
            },
            "confusion": {
                key.removeprefix("entities.confusion."): counts[key]
                for key in sorted(counts)
                if key.startswith("entities.confusion.")
            },
        }
    if counts["timex.documents"]:
        a, b = counts["timex.a"], counts["timex.b"]
        summary["timex"] = {
            "documents": counts["timex.documents"],
            "exact": _prf(counts["timex.exact"], a, b),
            "overlap": _prf(counts["timex.overlap"], a, b),
            "value": _ratio(counts["timex.value.agreed"], counts["timex.value.compared"]),
            "type": _ratio(counts["timex.type.agreed"], counts["timex.type.compared"]),
            "types": {
                kind: _prf(*(counts[f"timex.types.{kind}.{part}"] for part in ("exact", "a", "b")))
                for kind in sorted({key.split(".")[2] for key in counts if key.startswith("timex.types.")})
            },
        }
    if counts["entity_links.documents"]:
        summary["entity_links"] = {
            "documents": counts["entity_links.documents"],
            **_ratio(counts["entity_links.agreed"], counts["entity_links.compared"]),
        }
    if counts["coreference.documents"]:
        summary["coreference"] = {"documents": counts["coreference.documents"]}
        for name in COREF_METRICS:
            scored = Counts(*(counts[f"coreference.{name}.{field}"] for field in COUNT_FIELDS))
            summary["coreference"][name] = {"precision": scored.precision, "recall": scored.recall, "f1": scored.f1}
    if counts["quotations.documents"]:
        a, b = counts["quotations.a"], counts["quotations.b"]
        summary["quotations"] = {"documents": counts["quotations.documents"]} | {
            part: {mode: _prf(counts[f"quotations.{part}.{mode}"], a, b) for mode in ("exact", "overlap")}
            for part in ("content", "cue", "source")
        }
    if counts["publication_date.documents"]:
        summary["publication_date"] = _ratio(counts["publication_date.agreed"], counts["publication_date.documents"])
    return summary


def agreement(pairs: Sequence[tuple[PassFile, PassFile]]) -> dict[str, Any]:
    """The micro-averaged figures of matched passes (A, B), and each document's own."""
    total: Counter[str] = Counter()
    documents = {}
    for a, b in pairs:
        counts = document_counts(a, b)
        total += counts
        documents[a.document_id] = summarize(counts)
    return {"documents": len(pairs), "micro": summarize(total), "per_document": documents}


__all__ = ["agreement", "document_counts", "link_key", "match_one_to_one", "summarize"]
