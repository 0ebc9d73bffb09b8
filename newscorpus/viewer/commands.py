"""The ``newscorpus view`` command: static HTML pages of annotated articles."""

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
    default=Path("view"),
    show_default=True,
    help="Folder for the pages: index.html and <DOC_ID>.html.",
)
@click.argument("doc_id", required=False)
def view(root: Path, out: Path, doc_id: str | None) -> None:
    """Write static HTML pages of DOC_ID (default: every article) with their annotations.

    Open OUT/index.html in a browser; the pages need no server and fetch nothing.
    Exit code 0: written; 2: unknown DOC_ID, an unreadable or invalid record, or --out is not a folder.
    """
    from newscorpus.stats.corpus import prepare_output_folder, read_valid_record, read_valid_records
    from newscorpus.viewer.page import write_pages

    layout = CorpusLayout(root)
    try:
        if doc_id is None:
            records = read_valid_records(layout)
        else:
            path = layout.record_path(doc_id)
            # Ids are file names: anything else (a path, a typo) names no record.
            if Path(doc_id).name != doc_id or not path.is_file():
                raise UnusableInputError("view.unknown-document", doc_id, "no record with this id in corpus/records/")
            records = [read_valid_record(layout, path)]
        prepare_output_folder(out)
        written = write_pages(records, out)
    except UnusableInputError as error:
        exit_unusable(error)
    for path in written:
        click.echo(f"wrote {path.as_posix()}")
    # One article: its page. Every article: the index that lists them (written first), not the last page written.
    start = written[-1] if doc_id is not None else written[0]
    click.echo(f"open {start.resolve().as_uri()}")
