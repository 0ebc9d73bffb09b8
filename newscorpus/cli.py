"""The ``newscorpus`` command: a thin shell over the pipeline functions.

Expected bad input is reported as one located line per problem and an exit
code (1 invalid, 2 unusable); a traceback means a bug.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newscorpus.errors import UnusableInputError
from newscorpus.layout import CorpusLayout

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Folder that holds corpus/ (the repository root).",
)


def _fail(error: UnusableInputError) -> None:
    click.echo(error.render(), err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newscorpus")
def main() -> None:
    """Build, validate and load the newscorpus corpus of annotated news articles."""


@main.command()
@root_option
def convert(root: Path) -> None:
    """Convert every raw capture in corpus/raw/ into a record in corpus/records/.

    Automatic layers are regenerated; layers marked gold are kept as they are.
    """
    from newscorpus.pipeline import convert_corpus, corpus_lock, write_records

    layout = CorpusLayout(root)
    try:
        with corpus_lock(layout):
            result = convert_corpus(layout)
            written = write_records(result)
    except UnusableInputError as error:
        _fail(error)
    click.echo(
        f"converted {len(result.records)} article(s): {result.sentences} sentences, "
        f"{result.tokens} tokens; {written} record file(s) written"
    )


@main.command()
@root_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate(root: Path, output_format: str, paths: tuple[Path, ...]) -> None:
    """Validate record files (default: every record in corpus/records/).

    Exit code 0: valid; 1: problems found; 2: a file could not be read as a record.
    """
    from newscorpus.validate import Problem, validate_files
    from newscorpus.validate.report import render_json, render_text

    layout = CorpusLayout(root)
    files: list[Path] = []
    missing: list[Problem] = []
    for path in paths or (layout.records_dir,):
        if path.is_dir():
            files += sorted(path.rglob("*.json"))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Problem("input.unreadable", "no such file or folder", file=str(path)))
    report = validate_files(files, layout.root, Path.cwd())
    report.problems[:0] = missing
    click.echo(render_json(report) if output_format == "json" else render_text(report))
    sys.exit(report.exit_code)


@main.command()
@root_option
@click.option(
    "--check",
    is_flag=True,
    help="Build in a scratch folder and exit 1 if the committed records or release differ from it.",
)
def build(root: Path, check: bool) -> None:
    """Convert corpus/raw/, validate, and write corpus/records/ and the release corpus/release/."""
    from newscorpus.pipeline import build_corpus, check_corpus
    from newscorpus.validate import Report
    from newscorpus.validate.report import render_text

    layout = CorpusLayout(root)
    try:
        if check:
            differences = check_corpus(layout)
            for line in differences:
                click.echo(line, err=True)
            click.echo(
                "release is up to date"
                if not differences
                else f"{len(differences)} difference(s): run `newscorpus build` and commit the result"
            )
            sys.exit(1 if differences else 0)
        result, summary, problems = build_corpus(layout)
    except UnusableInputError as error:
        _fail(error)
    if summary is None:
        click.echo(render_text(Report(problems, len(result.records), len(result.records))), err=True)
        click.echo("build stopped: the release was not changed", err=True)
        sys.exit(1)
    click.echo(
        f"built {layout.relative(layout.release_dir)}: {summary.documents} document(s), "
        f"{result.sentences} sentences, {result.tokens} tokens"
    )
    for config in summary.configs.values():
        splits = ", ".join(f"{split} {examples}" for split, (examples, _) in config.splits.items())
        click.echo(f"  {config.name}: {config.examples} row(s) ({splits})")
    click.echo(f"  {len(summary.files)} files, checksums in {layout.relative(layout.release_dir)}/SHA256SUMS")


if __name__ == "__main__":
    main()
