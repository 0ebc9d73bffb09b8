"""Writing adjudicated (or singly annotated) passes into records as gold layers.

Each layer a pass holds is complete, so it becomes a complete gold layer
(every item gold): the item-level honesty is the annotator's (every item
read), and the layer's one provenance entry lists the annotators of the
passes and the adjudicator, and gives the date.
Ids are assigned in text order (``e1``, ``e2``, ... by start, end, label), and
the pass's local references are mapped onto them. Layers the pass lacks are
made again by the automatic annotators around the gold ones, so that no
automatic reference points at a replaced item; entity links (which no
annotator makes) follow their entity by span or go. All documents are planned
and validated first; records are written only when every plan is clean.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newscorpus.gold.check import iter_record_problems, with_local_ids
from newscorpus.gold.passfile import PASS_LAYERS, GoldLayout, PassFile, read_pass_file, text_sha256
from newscorpus.gold.reanchor import reanchor
from newscorpus.problems.value import Problem
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.provenance import assemble_layer, gold, is_gold, layer_of
from newscorpus.record.reader import read_record_or_raise
from newscorpus.record.writer import write_record
from newscorpus.validate import validate_record


@dataclass(slots=True)
class ApplyPlan:
    """What applying one document's gold does: its source pass, the new record, and what stops it."""

    document_id: str
    source: str
    record_path: Path
    record: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)


def provenance_of(source: PassFile, passes: dict[str, PassFile]) -> dict[str, Any]:
    """Gold provenance naming every person involved: the annotator of each pass and the adjudicator."""
    if not source.is_adjudication:
        return gold([f"{source.data['annotator']} (pass {source.name})"], source.data["date"])
    names = [f"{passes[name].data['annotator']} (pass {name})" for name in source.data["from"] if name in passes]
    return gold([*names, f"adjudicated by {source.data['annotator']}"], source.data["date"])


def _sorted_with_ids(items: list[dict[str, Any]], prefix: str, key: Any) -> tuple[list[dict[str, Any]], dict[str, str]]:
    ordered = sorted(items, key=key)
    renamed = {item["id"]: f"{prefix}{number}" for number, item in enumerate(ordered, start=1)}
    return [{**item, "id": renamed[item["id"]]} for item in ordered], renamed


def gold_layers(annotation: PassFile) -> dict[str, list[dict[str, Any]]]:
    """The pass's layers with record ids in text order and every reference mapped onto them."""
    local = {name: with_local_ids(name, items) for name, items in annotation.layers.items()}
    result: dict[str, list[dict[str, Any]]] = {}
    entities, entity_ids = _sorted_with_ids(
        local.get("entities", []), "e", lambda e: (e["start"], e["end"], e["label"])
    )
    if "entities" in local:
        result["entities"] = [{k: e[k] for k in ("id", "start", "end", "text", "label")} for e in entities]
    if "timex" in local:
        result["timex"], _ = _sorted_with_ids(local["timex"], "t", lambda t: (t["start"], t["end"]))
    if "entity_links" in local:
        links = [{**link, "entity": entity_ids.get(link["entity"], link["entity"])} for link in local["entity_links"]]
        result["entity_links"], _ = _sorted_with_ids(links, "l", lambda link: int(link["entity"].lstrip("e") or 0))
    mention_ids: dict[str, str] = {}
    if "coreference" in local:
        clusters = sorted(local["coreference"], key=lambda c: min((m["start"], m["end"]) for m in c["mentions"]))
        numbered = []
        for cluster_number, cluster in enumerate(clusters, start=1):
            mentions = []
            for mention in sorted(cluster["mentions"], key=lambda m: (m["start"], m["end"])):
                mention_ids[mention["id"]] = f"m{len(mention_ids) + 1}"
                entity = entity_ids.get(mention["entity"], mention["entity"]) if mention["entity"] else None
                mentions.append({**mention, "id": mention_ids[mention["id"]], "entity": entity})
            numbered.append({"id": f"c{cluster_number}", "mentions": mentions})
        result["coreference"] = numbered
    if "quotations" in local:
        quotes = []
        for quote in local["quotations"]:
            source = quote["source"]
            if source is not None and source.get("mention"):
                source = {**source, "mention": mention_ids.get(source["mention"], source["mention"])}
            quotes.append({**quote, "source": source})
        result["quotations"], _ = _sorted_with_ids(quotes, "q", lambda q: (q["content"]["start"], q["content"]["end"]))
    return result


def _follow_links(record: dict[str, Any], previous: dict[str, Any]) -> None:
    """Links not made complete by the pass, moved to the new entity with the same span; links of removed entities go."""
    links = record["layers"]["entity_links"]
    if is_gold(links):
        return
    old_spans = {e["id"]: (e["start"], e["end"]) for e in previous["layers"]["entities"]["items"]}
    new_ids = {(e["start"], e["end"]): e["id"] for e in record["layers"]["entities"]["items"]}
    kept = []
    for link in links["items"]:
        new_id = new_ids.get(old_spans.get(link["entity"]))  # type: ignore[arg-type]
        if new_id is not None:
            kept.append({**link, "entity": new_id})
    record["layers"]["entity_links"] = assemble_layer((link, links["provenance"][link["provenance"]]) for link in kept)


def record_with_gold(
    record: dict[str, Any], source: PassFile, passes: dict[str, PassFile], annotators: Any
) -> dict[str, Any]:
    """A copy of ``record`` with the pass's layers as gold and the automatic layers made again around them."""
    result = copy.deepcopy(record)
    provenance = provenance_of(source, passes)
    for name, items in gold_layers(source).items():
        result["layers"][name] = layer_of(items, provenance, complete=True)
    metadata = result["metadata"]
    if "publication_date" in source.data:
        metadata["publication_date"] = {**source.data["publication_date"], "provenance": provenance}
    if "topics" in source.data:
        metadata["topics"] = source.data["topics"]
    _follow_links(result, record)
    return annotators.annotate_record(result) if annotators is not None else result


def choose_source(
    layout: GoldLayout, document_id: str, doubly_annotated: bool = False
) -> tuple[PassFile | None, dict[str, PassFile], list[Problem]]:
    """The pass to apply: the adjudication if there is one, else the only pass of a document the selection
    rule annotates once; None when it awaits a second pass or its adjudication."""
    passes: dict[str, PassFile] = {}
    problems: list[Problem] = []
    for name in layout.pass_names():
        path = layout.pass_path(name, document_id)
        if path.is_file():
            annotation, found = read_pass_file(path, CorpusLayout(layout.root).relative(path))
            problems += found
            if annotation is not None:
                passes[name] = annotation
    adjudicated = layout.pass_path("adjudicated", document_id)
    if adjudicated.is_file():
        annotation, found = read_pass_file(adjudicated, CorpusLayout(layout.root).relative(adjudicated))
        return annotation, passes, problems + found
    if len(passes) == 1 and not doubly_annotated:
        return next(iter(passes.values())), passes, problems
    return None, passes, problems


def plan_apply(
    layout: GoldLayout,
    document_id: str,
    annotators: Any,
    old_record: dict[str, Any] | None = None,
    *,
    doubly_annotated: bool = False,
) -> ApplyPlan:
    """The record of ``document_id`` with its gold applied, validated; ``old_record`` re-anchors a pass.

    No record when there is nothing to apply yet (``doubly_annotated``: the selection rule wants two
    passes and an adjudication)."""
    record_path = CorpusLayout(layout.root).record_path(document_id)
    source, passes, problems = choose_source(layout, document_id, doubly_annotated)
    plan = ApplyPlan(document_id, "" if source is None else source.shown, record_path, problems=problems)
    if source is None or problems:
        return plan
    record = read_record_or_raise(record_path, CorpusLayout(layout.root).relative(record_path))
    if old_record is not None and text_sha256(record["text"]) != source.data["text_sha256"]:
        moved, found = reanchor(source, old_record["text"], record["text"])
        if moved is None:
            plan.problems = [p.located(source.shown, document_id) for p in found]
            return plan
        source = moved
    found = iter_record_problems(source, record)
    if found:
        plan.problems = [p.located(source.shown, document_id) for p in found]
        return plan
    plan.record = record_with_gold(record, source, passes, annotators)
    shown = CorpusLayout(layout.root).relative(record_path)
    # Only what applying introduced stops it; the record's own problems are validate's to report.
    before = {(p.code, p.path) for p in validate_record(record)}
    plan.problems = [
        p.located(shown, document_id) for p in validate_record(plan.record) if (p.code, p.path) not in before
    ]
    return plan


def applied_layers(record: dict[str, Any]) -> list[str]:
    """Layers of ``record`` that are gold (what ``gold queue`` reports as applied)."""
    names = [name for name in PASS_LAYERS if is_gold(record["layers"].get(name))]
    if is_gold(record.get("metadata", {}).get("publication_date")):
        names.append("publication_date")
    return names


def write_applied(plans: list[ApplyPlan]) -> int:
    """Write every planned record, only when no plan has problems; how many records changed."""
    if any(plan.problems for plan in plans):
        return 0
    written = 0
    for plan in plans:
        if plan.record is not None:
            write_record(plan.record_path, plan.record)
            written += 1
    return written


__all__ = ["ApplyPlan", "applied_layers", "plan_apply", "write_applied"]
