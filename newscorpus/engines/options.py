"""What every ``newscorpus`` command shares: the --root option and how unusable input ends a command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

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
