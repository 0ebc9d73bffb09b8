"""The ``newscorpus`` command: a thin shell over the pipeline functions.

Expected bad input is reported as one located line per problem and an exit
code (1 invalid, 2 unusable); a traceback means a bug.
"""

from __future__ import annotations

import errno
import importlib
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from newscorpus.command_options import exit_unusable, root_option
from newscorpus.engines import ENGINES, Engine, open_engine
from newscorpus.errors import UnusableInputError
from newscorpus.file_errors import unusable_from_os_error
from newscorpus.layout import CorpusLayout
from newscorpus.locations import escape_for_terminal
from newscorpus.progress import Progress, RunSummary


def engine_options(command: Callable[..., None]) -> Callable[..., None]:
    """--jobs, --engine, --address and --quiet: where a long command runs and what it shows."""
    for option in reversed(
        (
            click.option(
                "--jobs",
                "-j",
                type=click.IntRange(min=1),
                default=None,
                help="Worker processes (local) or CPUs (Ray).  [default: all cores]",
            ),
            click.option(
                "--engine",
                type=click.Choice(ENGINES),
                default="local",
                show_default=True,
                help="local: processes on this machine; ray: Ray tasks (pip install 'newscorpus[ray]').",
            ),
            click.option("--address", default=None, help="Ray cluster to join (e.g. auto, ray://head:10001)."),
            click.option(
                "--quiet",
                "-q",
                is_flag=True,
                help="No progress bars and no summary line (neither is shown when stderr is not a terminal).",
            ),
        )
    ):
        command = option(command)
    return command


@contextmanager
def _engine(name: str, jobs: int | None, address: str | None) -> Iterator[Engine]:
    """The engine a command runs on, closed (workers stopped) when it is done."""
    engine = open_engine(name, jobs, address)
    try:
        yield engine
    finally:
        engine.close()


def _summarize(progress: Progress, summary: RunSummary) -> None:
    """The closing summary line, shown with the progress bars (never into a pipe or a log)."""
    if progress.enabled:
        click.echo(summary.render(), err=True)


@dataclass(frozen=True, slots=True)
class StepCommand:
    """A command that lives with its step: where to import it from, and the summary ``--help`` lists."""

    target: str  # "module:attribute"
    summary: str  # the first paragraph of the command's help (a test keeps the two equal)

    def load(self) -> click.Command:
        module, _, attribute = self.target.partition(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command


# Their modules import datasets, spaCy and pyarrow (seconds), so a command is
# imported only when it runs or shows its own --help, never to list it.
STEP_COMMANDS = {
    "annotate": StepCommand(
        "newscorpus.annotate.commands:annotate",
        "Annotate records (default: corpus/records/) automatically and write them to --out.",
    ),
    "evaluate": StepCommand(
        "newscorpus.evaluate.commands:evaluate",
        "Score PRED against GOLD, per layer and per type, with exact and overlap matching.",
    ),
    "export": StepCommand(
        "newscorpus.io.commands:export_command",
        "Export records (default: every record in corpus/records/) to OUT.",
    ),
    "import": StepCommand(
        "newscorpus.io.commands:import_command",
        "Import annotations made in BRAT or exported from Label Studio into the matching records as gold layers.",
    ),
    "stats": StepCommand(
        "newscorpus.stats.commands:stats",
        "Count the corpus per layer, type and split; write plots and an HTML summary.",
    ),
    "synth": StepCommand(
        "newscorpus.synth.commands:synth",
        "Write DOCS synthetic news articles (raw captures and records) into the corpus at ROOT.",
    ),
    "view": StepCommand(
        "newscorpus.viewer.commands:view",
        "Write static HTML pages of DOC_ID (default: every article) with their annotations.",
    ),
}


class CorpusCommands(click.Group):
    """The commands defined here plus the step commands of ``STEP_COMMANDS``, imported on demand."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *STEP_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in STEP_COMMANDS and cmd_name not in self.commands:
            return STEP_COMMANDS[cmd_name].load()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; what the file system refuses (and bad input no command caught) ends it with exit 2.

        The one place of the I/O error policy for commands (``newscorpus.file_errors``).
        """
        try:
            return super().invoke(ctx)
        except UnusableInputError as error:
            exit_unusable(error)
        except OSError as error:
            if error.errno == errno.EPIPE:  # stdout closed by the reader (| head): click's own handling
                raise
            exit_unusable(unusable_from_os_error(error, Path.cwd()))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The Commands section as click writes it, with step commands shortened from their summaries."""
        listed = [
            (name, self.commands.get(name) or click.Command(name, help=STEP_COMMANDS[name].summary))
            for name in self.list_commands(ctx)
        ]
        listed = [(name, command) for name, command in listed if not command.hidden]
        if not listed:
            return
        # The width click leaves for a summary, so that it is cut where click would cut it.
        limit = formatter.width - 6 - max(len(name) for name, _ in listed)
        with formatter.section("Commands"):
            formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in listed])


@click.group(cls=CorpusCommands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newscorpus")
def main() -> None:
    """Build, validate and load the newscorpus corpus of annotated news articles."""


@main.command()
@root_option
@engine_options
def convert(root: Path, jobs: int | None, engine: str, address: str | None, quiet: bool) -> None:
    """Convert every raw capture in corpus/raw/ into a record in corpus/records/.

    Automatic layers are regenerated; layers marked gold are kept as they are.
    Nothing in corpus/records/ changes unless every capture converts.
    """
    from newscorpus.pipeline import convert_corpus

    layout = CorpusLayout(root)
    progress = Progress.for_terminal(quiet)
    started = time.perf_counter()
    try:
        with _engine(engine, jobs, address) as runner:
            result, written = convert_corpus(layout, runner, progress)
    except UnusableInputError as error:
        exit_unusable(error)
    click.echo(
        f"converted {result.documents} article(s): {result.sentences} sentences, "
        f"{result.tokens} tokens; {written} record file(s) written"
    )
    _summarize(progress, RunSummary(result.documents, result.tokens, 0, time.perf_counter() - started))


@main.command()
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
    from newscorpus.pipeline import validate_corpus
    from newscorpus.validate.listing import files_to_validate
    from newscorpus.validate.report import render_json, render_text

    layout = CorpusLayout(root)
    progress = Progress.for_terminal(quiet)
    started = time.perf_counter()
    files, missing = files_to_validate(paths or (layout.records_dir,), layout.records_dir, Path.cwd())
    try:
        with _engine(engine, jobs, address) as runner:
            report, tokens = validate_corpus(files, layout.root, Path.cwd(), runner, progress)
    except UnusableInputError as error:
        exit_unusable(error)
    report.problems[:0] = missing
    click.echo(render_json(report) if output_format == "json" else render_text(report))
    _summarize(progress, RunSummary(report.records, tokens, len(report.problems), time.perf_counter() - started))
    sys.exit(report.exit_code)


@main.command()
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
    from newscorpus.pipeline import build_corpus, check_corpus
    from newscorpus.validate import Report
    from newscorpus.validate.report import render_text

    layout = CorpusLayout(root)
    progress = Progress.for_terminal(quiet)
    started = time.perf_counter()
    try:
        with _engine(engine, jobs, address) as runner:
            if check:
                differences = check_corpus(layout, runner, progress)
            else:
                result = build_corpus(layout, runner, progress)
    except UnusableInputError as error:
        exit_unusable(error)
    if check:
        for line in differences:
            click.echo(escape_for_terminal(line), err=True)
        click.echo(
            "release is up to date"
            if not differences
            else f"{len(differences)} difference(s): run `newscorpus build` and commit the result"
        )
        sys.exit(1 if differences else 0)
    converted, summary = result.converted, result.release
    _summarize(
        progress,
        RunSummary(converted.documents, converted.tokens, len(converted.problems), time.perf_counter() - started),
    )
    if summary is None:
        report = Report(converted.problems, converted.documents, converted.documents)
        click.echo(render_text(report), err=True)
        click.echo("build stopped: the release was not changed", err=True)
        sys.exit(1)
    click.echo(
        f"built {layout.relative(layout.release_dir)}: {summary.documents} document(s), "
        f"{converted.sentences} sentences, {converted.tokens} tokens"
    )
    for config in summary.configs.values():
        splits = ", ".join(f"{split} {examples}" for split, (examples, _) in config.splits.items())
        click.echo(f"  {config.name}: {config.examples} row(s) ({splits})")
    click.echo(f"  {len(summary.files)} files, checksums in {layout.relative(layout.release_dir)}/SHA256SUMS")


if __name__ == "__main__":
    main()
