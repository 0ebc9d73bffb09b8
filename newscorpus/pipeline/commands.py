"""The corpus-wide commands ``convert``, ``validate`` and ``build``: a thin shell over ``newscorpus.pipeline.corpus``.

Expected bad input is reported as one located line per problem and an exit
code (1 invalid, 2 unusable); a traceback means a bug.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newscorpus.engines import SERIAL_BELOW_RECORD_BYTES
from newscorpus.engines.options import engine_options, exit_unusable, root_option, running_engine, show_summary
from newscorpus.engines.progress import Progress, RunSummary
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.locations import escape_for_terminal
from newscorpus.record.layout import CorpusLayout

if TYPE_CHECKING:
    from newscorpus.convert.dates import Notice


def show_notices(notices: list[Notice]) -> None:
    """What convert reports without refusing a capture (a dateline that disagrees with the date): always shown."""
    for notice in notices:
        click.echo(notice.render(), err=True)


def _raw_inputs(layout: CorpusLayout) -> list[Path]:
    """The raw captures a convert or build works on: what the default number of jobs is chosen from."""
    return layout.raw_files() if layout.raw_dir.is_dir() else []


@click.command()
@root_option
@engine_options
def convert(root: Path, jobs: int | None, engine: str, address: str | None, quiet: bool) -> None:
    """Convert every raw capture in corpus/raw/ into a record in corpus/records/.

    Gold items are kept as they are (complete gold layers whole); automatic ones are made again around them.
    Nothing in corpus/records/ changes unless every capture converts.
    """
    from newscorpus.pipeline.corpus import convert_corpus

    layout = CorpusLayout(root)
    progress = Progress.for_terminal(quiet)
    started = time.perf_counter()
    try:
        with running_engine(engine, jobs, address, _raw_inputs(layout)) as runner:
            result, written = convert_corpus(layout, runner, progress)
    except UnusableInputError as error:
        exit_unusable(error)
    show_notices(result.notices)  # warnings, on stderr: shown even with -q
    if not quiet:
        click.echo(
            f"converted {result.documents} article(s): {result.sentences} sentences, "
            f"{result.tokens} tokens; {written} record file(s) written"
        )
    show_summary(progress, RunSummary(result.documents, result.tokens, 0, time.perf_counter() - started))


@click.command()
@root_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@engine_options
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate(
    root: Path,
    output_format: str,
    jobs: int | None,
    engine: str,
    address: str | None,
    quiet: bool,
    paths: tuple[Path, ...],
) -> None:
    """Validate record files (default: every record in corpus/records/).

    Exit code 0: valid; 1: problems found; 2: a file could not be read as a record.
    """
    from newscorpus.pipeline.corpus import validate_corpus
    from newscorpus.validate.listing import files_to_validate
    from newscorpus.validate.report import render_json, render_text

    layout = CorpusLayout(root)
    progress = Progress.for_terminal(quiet)
    started = time.perf_counter()
    files, missing = files_to_validate(paths or (layout.records_dir,), layout.records_dir, Path.cwd())
    try:
        with running_engine(engine, jobs, address, files, SERIAL_BELOW_RECORD_BYTES) as runner:
            report, tokens = validate_corpus(files, layout.root, Path.cwd(), runner, progress)
    except UnusableInputError as error:
        exit_unusable(error)
    report.problems[:0] = missing
    if output_format == "json":
        click.echo(render_json(report))  # asked for, so shown even with -q
    elif report.problems or not quiet:
        click.echo(render_text(report))
    show_summary(progress, RunSummary(report.records, tokens, len(report.problems), time.perf_counter() - started))
    sys.exit(report.exit_code)


@click.command()
@root_option
@click.option(
    "--check",
    is_flag=True,
    help="Build in a scratch folder and exit 1 if the committed records or release differ from it.",
)
@engine_options
def build(root: Path, check: bool, jobs: int | None, engine: str, address: str | None, quiet: bool) -> None:
    """Convert corpus/raw/, validate, and write corpus/records/ and the release corpus/release/.

    Output is byte for byte the same whatever the engine and the number of jobs.
    """
    from newscorpus.pipeline.corpus import build_corpus, check_corpus
    from newscorpus.validate import Report
    from newscorpus.validate.report import render_text

    layout = CorpusLayout(root)
    progress = Progress.for_terminal(quiet)
    started = time.perf_counter()
    try:
        with running_engine(engine, jobs, address, _raw_inputs(layout)) as runner:
            if check:
                differences = check_corpus(layout, runner, progress)
            else:
                result = build_corpus(layout, runner, progress)
    except UnusableInputError as error:
        exit_unusable(error)
    if check:
        for line in differences:
            click.echo(escape_for_terminal(line), err=True)
        if differences:
            click.echo(f"{len(differences)} difference(s): run `newscorpus build` and commit the result")
        elif not quiet:
            click.echo("release is up to date")
        sys.exit(1 if differences else 0)
    converted, summary = result.converted, result.release
    show_notices(converted.notices)
    show_summary(
        progress,
        RunSummary(converted.documents, converted.tokens, len(converted.problems), time.perf_counter() - started),
    )
    if summary is None:
        report = Report(converted.problems, converted.documents, converted.documents)
        click.echo(render_text(report), err=True)
        click.echo("build stopped: the release was not changed", err=True)
        sys.exit(1)
    if quiet:  # success says nothing; failures and notices above are shown whatever -q says
        return
    click.echo(
        f"built {layout.relative(layout.release_dir)}: {summary.documents} document(s), "
        f"{converted.sentences} sentences, {converted.tokens} tokens"
    )
    for config in summary.configs.values():
        splits = ", ".join(f"{split} {examples}" for split, (examples, _) in config.splits.items())
        click.echo(f"  {config.name}: {config.examples} row(s) ({splits})")
    click.echo(f"  {len(summary.files)} files, checksums in {layout.relative(layout.release_dir)}/SHA256SUMS")
