"""What every ``newscorpus`` command shares: --root, where long work runs, and how unusable input ends a command.

``engine_options`` adds --jobs, --engine, --address and --quiet; ``running_engine``
opens the engine they name and closes it when the command is done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from newscorpus.engines import ENGINES, SERIAL_BELOW_RAW_BYTES, Engine, open_engine
from newscorpus.engines.progress import Progress, RunSummary
from newscorpus.problems.errors import UnusableInputError

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Folder that holds corpus/ (the repository root).",
)


def exit_unusable(error: UnusableInputError) -> NoReturn:
    """Print the located error (no traceback) and exit with code 2."""
    click.echo(error.render(), err=True)
    sys.exit(2)


def engine_options(command: Callable[..., None]) -> Callable[..., None]:
    """--jobs, --engine, --address and --quiet: where a long command runs and what it shows."""
    for option in reversed(
        (
            click.option(
                "--jobs",
                "-j",
                type=click.IntRange(min=1),
                default=None,
                help="Worker processes (local) or CPUs (Ray).  [default: all cores; one process for a small "
                "corpus: under 4 MiB of raw captures, or 96 MiB of records for validate]",
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
                help="Nothing on success: no progress bars, no summary, no report of what was written "
                "(bars and the summary line never show when stderr is not a terminal). Errors and notices "
                "always show.",
            ),
        )
    ):
        command = option(command)
    return command


@contextmanager
def running_engine(
    name: str,
    jobs: int | None,
    address: str | None,
    inputs: Iterable[Path] = (),
    serial_below: int = SERIAL_BELOW_RAW_BYTES,
) -> Iterator[Engine]:
    """The engine a command runs on, closed (workers stopped) when it is done.

    The default number of jobs depends on the bytes of ``inputs`` (see ``newscorpus.engines.default_jobs``).
    """
    work_bytes = None
    if jobs is None and name == "local":
        work_bytes = sum(path.stat().st_size for path in inputs if path.is_file())
    engine = open_engine(name, jobs, address, work_bytes, serial_below)
    try:
        yield engine
    finally:
        engine.close()


def show_summary(progress: Progress, summary: RunSummary) -> None:
    """The closing summary line, shown with the progress bars (never into a pipe or a log)."""
    if progress.enabled:
        click.echo(summary.render(), err=True)
