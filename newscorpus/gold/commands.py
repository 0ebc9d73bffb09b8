"""The ``newscorpus gold`` commands (check, queue, disagreements, apply) and ``newscorpus agree``.

Exit codes as everywhere: 0 clean, 1 problems found (each located), 2 input that cannot be used.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newscorpus.engines.options import exit_unusable, root_option
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.value import Problem


def _report(problems: list[Problem], files: int, output_format: str = "text") -> None:
    """Print the problems as validate does, and exit 2 (unreadable pass), 1 (problems) or return."""
    from newscorpus.validate import Report
    from newscorpus.validate.report import render_json, render_text

    report = Report(problems=problems, files=files, records=files)
    click.echo(render_json(report) if output_format == "json" else render_text(report))
    if any(p.code == "pass.unreadable" for p in problems):
        sys.exit(2)
    if problems:
        sys.exit(1)


@click.group()
def gold() -> None:
    """Gold annotation: check pass files, list the queue, list disagreements, apply gold to records."""


@gold.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@root_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check_command(paths: tuple[Path, ...], root: Path, output_format: str) -> None:
    """Check pass files and adjudications (default: every one under corpus/annotations/).

    Each pass is read as data, every key checked, its text_sha256 compared with
    its record's text and its layers validated on the record; an adjudication is
    also checked against the two passes it names.
    """
    from newscorpus.gold.inputs import check_files
    from newscorpus.record.layout import find_record_files

    try:
        files = find_record_files(paths) if paths else None
        problems, count = check_files(Path(root), files)
    except UnusableInputError as error:
        exit_unusable(error)
    _report(problems, count, output_format)


@gold.command("queue")
@root_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def queue_command(root: Path, output_format: str) -> None:
    """List the documents chosen for gold in hash order, with what each needs and what it has."""
    from newscorpus.gold.inputs import queue_rows

    rows = queue_rows(Path(root))
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        has = ", ".join(row["passes"] + (["adjudicated"] if row["adjudicated"] else [])) or "-"
        applied = ", ".join(row["applied"]) or "-"
        interview = " interview" if row["interview"] else ""
        click.echo(
            f"{row['rank']:4d} {row['document_id']}{interview}\n"
            f"     needs: {', '.join(row['layers'])}; passes {', '.join(row['needs_passes'])}"
            f"{' + adjudication' if len(row['needs_passes']) > 1 else ''}\n"
            f"     has: {has}; applied: {applied}"
        )
    click.echo(f"{len(rows)} document(s) chosen")


@gold.command("disagreements")
@click.argument("a")
@click.argument("b")
@click.argument("document_id")
@root_option
def disagreements_command(a: str, b: str, document_id: str, root: Path) -> None:
    """Print, as JSON, the disagreements of passes A and B (names or folders) on DOCUMENT_ID, to adjudicate.

    The output is the skeleton of corpus/annotations/adjudicated/DOCUMENT_ID.json's
    decisions: fill in each "chosen" (the item kept, or null) and "reason".
    """
    from newscorpus.gold.disagreements import disagreements
    from newscorpus.gold.inputs import read_named_pass

    try:
        first, second = read_named_pass(Path(root), a, document_id), read_named_pass(Path(root), b, document_id)
    except UnusableInputError as error:
        exit_unusable(error)
    found = disagreements(first, second)
    skeleton = {
        "document_id": document_id,
        "from": [first.name, second.name],
        "text_sha256": first.data["text_sha256"],
        "decisions": [{**d, "chosen": None, "reason": ""} for d in found],
    }
    click.echo(json.dumps(skeleton, indent=2, ensure_ascii=False))


@gold.command("apply")
@click.argument("document_ids", nargs=-1)
@root_option
@click.option(
    "--reanchor",
    "old_record",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The record the pass was made on, if the text changed since: offsets move to the new text.",
)
def apply_command(document_ids: tuple[str, ...], root: Path, old_record: Path | None) -> None:
    """Write adjudicated (or singly annotated) passes into their records as gold layers.

    Default: every document with a pass. All documents are checked first;
    records are written only when none has a problem.
    """
    from newscorpus.gold.inputs import apply_documents

    try:
        problems, written, waiting = apply_documents(Path(root), document_ids, old_record)
    except UnusableInputError as error:
        exit_unusable(error)
    if problems:
        _report(problems, len(document_ids) or written)
    for document_id in waiting:
        click.echo(f"{document_id}: awaits its second pass or its adjudication; not applied")
    click.echo(f"{written} record(s) written")


@click.command()
@click.argument("a", required=False, type=click.Path(path_type=Path))
@click.argument("b", required=False, type=click.Path(path_type=Path))
@root_option
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Also write corpus/annotations/AGREEMENT.md (from passes A and B).")
def agree(a: Path | None, b: Path | None, root: Path, output_format: str, write: bool) -> None:
    """Measure how far pass B agrees with pass A, per layer and type (default: corpus/annotations/passes/A and B).

    A and B are pass folders or files, matched by document id. Figures are
    micro-averaged over documents; --format json adds each document's own.
    """
    from newscorpus.gold.agreement import agreement
    from newscorpus.gold.inputs import paired_passes
    from newscorpus.gold.passfile import GoldLayout
    from newscorpus.gold.table import render_agreement_file, render_json, render_table
    from newscorpus.record.writer import write_text_atomic

    layout = GoldLayout(Path(root))
    a_path, b_path = a or layout.passes_dir / "A", b or layout.passes_dir / "B"
    try:
        pairs = paired_passes(a_path, b_path, required=not write)
    except UnusableInputError as error:
        exit_unusable(error)
    result = agreement(pairs)
    a_name, b_name = a_path.stem if a_path.is_file() else a_path.name, b_path.stem if b_path.is_file() else b_path.name
    if write:
        layout.annotations_dir.mkdir(parents=True, exist_ok=True)
        write_text_atomic(layout.agreement_file, render_agreement_file(result, a_name, b_name))
    click.echo(render_json(result) if output_format == "json" else render_table(result, a_name, b_name))
