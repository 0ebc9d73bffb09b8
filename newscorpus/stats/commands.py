"""The ``newscorpus stats`` command: counts printed, plots and an HTML summary written."""

from __future__ import annotations

from pathlib import Path

import click

from newscorpus.engines.options import exit_unusable, root_option
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import CorpusLayout


@click.command()
@root_option
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("stats"),
    show_default=True,
    help="Folder for the plots (PNG) and the summary (index.html).",
)
def stats(root: Path, out: Path) -> None:
    """Count the corpus per layer, type and split; write plots and an HTML summary.

    Exit code 0: written; 2: a record could not be read or is invalid, or --out is not a folder.
    """
    from newscorpus.stats.corpus import prepare_output_folder, read_valid_records
    from newscorpus.stats.counts import count_corpus, render_counts
    from newscorpus.stats.plots import write_plots
    from newscorpus.stats.report import write_report

    try:
        counted = count_corpus(read_valid_records(CorpusLayout(root)))
        click.echo(render_counts(counted))
        prepare_output_folder(out)
        plots = write_plots(counted, out)
        report = write_report(counted, plots, out)
    except UnusableInputError as error:
        exit_unusable(error)
    click.echo("")
    for path in (*plots, report):
        click.echo(f"wrote {path.as_posix()}")
