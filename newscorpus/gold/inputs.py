"""What the gold commands read: pass files of the corpus, pairs of passes, the queue, documents to apply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newscorpus.gold.apply import applied_layers, plan_apply, write_applied
from newscorpus.gold.check import check_pass
from newscorpus.gold.disagreements import iter_adjudication_problems
from newscorpus.gold.passfile import GoldLayout, PassFile, read_pass_file
from newscorpus.gold.selection import candidate_of, select
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.value import Problem
from newscorpus.record.layout import CorpusLayout, find_record_files
from newscorpus.record.reader import read_record_file, read_record_or_raise


def _shown(root: Path, path: Path) -> str:
    try:
        return CorpusLayout(root).relative(path)
    except ValueError:
        return str(path)


def check_files(root: Path, files: list[Path] | None) -> tuple[list[Problem], int]:
    """Every problem of the pass files (default: all of the corpus's), and how many files were checked."""
    layout = GoldLayout(root)
    files = layout.all_files() if files is None else files
    problems: list[Problem] = []
    for path in files:
        annotation, found = check_pass(path, CorpusLayout(root).records_dir, _shown(root, path))
        problems += found
        if annotation is not None and annotation.is_adjudication and not found:
            problems += _adjudication_problems(layout, annotation)
    return problems, len(files)


def _adjudication_problems(layout: GoldLayout, adjudication: PassFile) -> list[Problem]:
    passes = []
    for name in adjudication.data["from"]:
        path = layout.pass_path(name, adjudication.document_id)
        annotation, found = read_pass_file(path, _shown(layout.root, path)) if path.is_file() else (None, [])
        if annotation is None:
            message = f"pass {name} of this document is missing or unreadable ({_shown(layout.root, path)})"
            return [
                Problem("adjudication.inconsistent", message, "/from").located(
                    adjudication.shown, adjudication.document_id
                ),
                *found,
            ]
        passes.append(annotation)
    found = iter_adjudication_problems(adjudication, passes[0], passes[1])
    return [p.located(adjudication.shown, adjudication.document_id) for p in found]


def _read_all(path: Path) -> dict[str, PassFile]:
    passes: dict[str, PassFile] = {}
    for file in find_record_files([path]):
        annotation, problems = read_pass_file(file)
        if annotation is None:
            raise UnusableInputError.of(problems[0])
        if annotation.document_id in passes:
            raise UnusableInputError("pass.misplaced", str(file), f"a second pass of {annotation.document_id}")
        passes[annotation.document_id] = annotation
    return passes


def paired_passes(a: Path, b: Path, *, required: bool = True) -> list[tuple[PassFile, PassFile]]:
    """Passes of ``a`` and ``b`` (folders or files) matched by document id, in id order."""
    first = _read_all(a) if a.exists() or required else {}
    second = _read_all(b) if b.exists() or required else {}
    shared = sorted(first.keys() & second.keys())
    if required and not shared:
        raise UnusableInputError("agree.no-pairs", f"{a} {b}", "no document has a pass in both")
    return [(first[d], second[d]) for d in shared]


def read_named_pass(root: Path, name: str, document_id: str) -> PassFile:
    """Pass ``name`` (a pass name such as A, or a folder) of ``document_id``."""
    folder = Path(name)
    path = folder / f"{document_id}.json" if folder.is_dir() else GoldLayout(root).pass_path(name, document_id)
    if not path.is_file():
        raise UnusableInputError("input.unreadable", str(path), "no such pass file")
    annotation, problems = read_pass_file(path)
    if annotation is None:
        raise UnusableInputError.of(problems[0])
    return annotation


def _readable_records(root: Path) -> list[dict[str, Any]]:
    records = []
    for path in CorpusLayout(root).record_files():
        record, _ = read_record_file(path)
        if record is not None:
            records.append(record)
    return records


def queue_rows(root: Path) -> list[dict[str, Any]]:
    """The chosen documents in hash order: what each needs and what it has."""
    records = {record["id"]: record for record in _readable_records(root)}
    candidates = [c for record in records.values() if (c := candidate_of(record)) is not None]
    layout = GoldLayout(root)
    rows = []
    for assignment in select(candidates):
        passes = [n for n in layout.pass_names() if layout.pass_path(n, assignment.document_id).is_file()]
        rows.append(
            {
                "rank": assignment.rank,
                "document_id": assignment.document_id,
                "interview": assignment.interview,
                "layers": list(assignment.layers),
                "needs_passes": list(assignment.passes),
                "passes": passes,
                "adjudicated": layout.pass_path("adjudicated", assignment.document_id).is_file(),
                "applied": applied_layers(records[assignment.document_id]),
            }
        )
    return rows


def apply_documents(
    root: Path, document_ids: tuple[str, ...], old_record_path: Path | None
) -> tuple[list[Problem], int, list[str]]:
    """Apply the gold of ``document_ids`` (default: every document with a pass); problems, written, waiting."""
    from newscorpus.annotate.runner import corpus_annotators

    layout = GoldLayout(root)
    old_record = read_record_or_raise(old_record_path) if old_record_path is not None else None
    if old_record is not None and not document_ids:
        document_ids = (str(old_record.get("id")),)
    if not document_ids:
        found = {p.stem for p in layout.all_files()}
        document_ids = tuple(sorted(found))
    annotators = corpus_annotators(root)
    doubly = {row["document_id"] for row in queue_rows(root) if len(row["needs_passes"]) > 1}
    plans, waiting = [], []
    for document_id in document_ids:
        plan = plan_apply(layout, document_id, annotators, old_record, doubly_annotated=document_id in doubly)
        if plan.record is None and not plan.problems:
            waiting.append(document_id)
        plans.append(plan)
    problems = [p for plan in plans for p in plan.problems]
    return problems, write_applied(plans), waiting
