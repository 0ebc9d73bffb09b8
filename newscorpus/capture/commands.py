"""``newscorpus capture``: turn an external source into raw captures in corpus/raw/."""

from __future__ import annotations

from pathlib import Path

import click

from newscorpus.capture.writing import PROVENANCE_FILE, capture_wikinews_csv
from newscorpus.engines.options import exit_unusable, root_option
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import CorpusLayout


@click.group("capture")
def capture() -> None:
    """Turn an external source into raw captures in corpus/raw/, one file per article."""


@capture.command("wikinews-csv")
@root_option
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def wikinews_csv(root: Path, files: tuple[Path, ...]) -> None:
    """Capture the rows of Wikinews CSV FILES (url, date, title, text) into corpus/raw/wikinews/.

    One file per article, named date-slug-hash.txt; url and date in a header,
    title and text exactly as in the row. Rows that are not articles are
    skipped with the reason printed and recorded in PROVENANCE.json.
    """
    layout = CorpusLayout(root)
    try:
        run = capture_wikinews_csv(list(files), layout)
    except UnusableInputError as error:
        exit_unusable(error)
    for skip in run.skipped:
        click.echo(f"{skip.row.location}: skipped {skip.row.title!r}: {skip.reason}")
    folder = layout.relative(run.folder)
    click.echo(
        f"captured {run.captured} article(s) into {folder}: {len(run.written)} written, "
        f"{len(run.unchanged)} unchanged; {len(run.skipped)} row(s) skipped; provenance in {folder}/{PROVENANCE_FILE}"
    )
