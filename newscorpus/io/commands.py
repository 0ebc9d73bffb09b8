"""The ``export`` and ``import`` commands: a thin shell over ``newscorpus.io.export`` and ``importing``.

Expected bad input gives one located line and exit code 2; an import whose
result would not be a valid record lists the problems and exits 1, writing
nothing.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import click

from newscorpus.engines.options import exit_unusable, root_option
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.locations import escape_for_terminal
from newscorpus.record.layout import CorpusLayout, find_record_files
from newscorpus.record.provenance import gold

# The choices of the options, written out here because the modules that define
# them import datasets and spaCy, which `--help` must not wait for; a test checks
# that they equal newscorpus.io.export.FORMATS, io.importing.FORMATS and io.conll2003.CONFIGS.
EXPORT_FORMATS = ("conll2003", "conllu", "docbin", "brat", "jsonl", "labelstudio")
IMPORT_FORMATS = ("brat", "labelstudio")
CONLL2003_CONFIGS = ("ner", "ner_conll2003")
DEFAULT_CONLL2003_CONFIG = "ner"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(_context: click.Context, _parameter: click.Parameter, value: str) -> str:
    try:
        if _ISO_DATE.match(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD")


@click.command("export")
@root_option
@click.option("--format", "output_format", type=click.Choice(EXPORT_FORMATS), required=True, help="Format to write.")
@click.option(
    "--config",
    type=click.Choice(CONLL2003_CONFIGS),
    default=None,
    help=f"Tag set of --format conll2003: ner (OntoNotes 5) or ner_conll2003 (PER/ORG/LOC/MISC). "
    f"Default: {DEFAULT_CONLL2003_CONFIG}.",
)
@click.option(
    "--gold-only",
    is_flag=True,
    help="--format conll2003: only gold sentences (the entity layer complete), as the ner config's sentence_gold.",
)
@click.argument("out", type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def export_command(
    root: Path, output_format: str, config: str | None, gold_only: bool, out: Path, paths: tuple[Path, ...]
) -> None:
    """Export records (default: every record in corpus/records/) to OUT.

    OUT is a file for conll2003, conllu, docbin (spaCy), jsonl and labelstudio
    (tasks to annotate), and a folder for brat. Records must be valid; OUT is
    replaced only when all were written. docs/formats.md describes each format.
    """
    from newscorpus.io.export import export_records  # loads datasets and spaCy: only to run

    if (config is not None or gold_only) and output_format != "conll2003":
        raise click.UsageError("--config and --gold-only apply to --format conll2003 only")
    layout = CorpusLayout(root)
    try:
        files = find_record_files(paths or (layout.records_dir,))
        count = export_records(output_format, files, out, config, gold_only)
    except UnusableInputError as error:
        exit_unusable(error)
    click.echo(f"exported {count} record(s) to {escape_for_terminal(str(out))} ({output_format})")


@click.command("import")
@root_option
@click.option("--format", "import_format", type=click.Choice(IMPORT_FORMATS), required=True, help="Format of IN.")
@click.option("--annotator", required=True, help="Who annotated; recorded in the provenance of every item made gold.")
@click.option(
    "--complete",
    is_flag=True,
    help="Declare every layer the import holds complete: each of its items becomes gold, and convert "
    "never re-annotates it. Without it, only the items created, changed or confirmed become gold.",
)
@click.option(
    "--date",
    "annotation_date",
    default=lambda: date.today().isoformat(),
    show_default="today",
    callback=_iso_date,
    help="When the annotation was made (YYYY-MM-DD).",
)
@click.argument("source", metavar="IN", type=click.Path(path_type=Path))
def import_command(
    root: Path, import_format: str, annotator: str, complete: bool, annotation_date: str, source: Path
) -> None:
    """Import annotations made in BRAT or exported from Label Studio into the matching records as gold items.

    IN is a BRAT .ann file (its .txt beside it) or a folder of them, or a Label
    Studio JSON export. The text must equal the record's text exactly. Items
    the annotator created, changed or confirmed (BRAT's Gold attribute) become
    gold with --annotator and --date; untouched items keep their provenance;
    --complete makes whole layers gold. Nothing is written unless every
    document imports into a valid record.
    """
    from newscorpus.io.importing import plan_import, read_documents, write_plans  # heavy: only to run
    from newscorpus.record.layout import corpus_lock
    from newscorpus.validate import Report
    from newscorpus.validate.report import render_text

    layout = CorpusLayout(root)
    try:
        if not layout.records_dir.is_dir():
            raise UnusableInputError(
                "corpus.missing",
                str(root),
                "no corpus/records/ folder here",
                "run from the repository root or pass --root",
            )
        documents = read_documents(import_format, source)
        with corpus_lock(layout):
            plans = plan_import(documents, layout, gold(annotator, annotation_date), complete=complete)
            written = write_plans(plans)
    except UnusableInputError as error:
        exit_unusable(error)
    problems = [
        problem.located(layout.relative(plan.record_path), plan.record["id"])
        for plan in plans
        for problem in plan.problems
    ]
    if problems:
        click.echo(render_text(Report(problems, len(plans), len(plans))), err=True)
        click.echo("import stopped: the annotations would make records invalid; no record was changed", err=True)
        sys.exit(1)
    for plan in plans:
        changed = ", ".join(plan.changed_layers) or "no change"
        click.echo(f"{escape_for_terminal(plan.source)} -> {layout.relative(plan.record_path)}: {changed}")
    click.echo(f"{written} record(s) written")
