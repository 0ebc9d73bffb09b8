"""The ``newscorpus`` command group: every command lives with its step, in ``<package>/commands.py``.

Commands are registered here by name and imported only when they run or show
their own --help, so listing them stays fast. Options they share are in
``newscorpus.engines.options``.
"""

from __future__ import annotations

import errno
import importlib
from dataclasses import dataclass
from pathlib import Path

import click

from newscorpus.engines.options import exit_unusable
from newscorpus.problems.errors import UnusableInputError
from newscorpus.problems.file_errors import unusable_from_os_error


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
    "agree": StepCommand(
        "newscorpus.gold.commands:agree",
        "Measure how far pass B agrees with pass A, per layer and type (default: corpus/annotations/passes/A and B).",
    ),
    "annotate": StepCommand(
        "newscorpus.annotate.commands:annotate",
        "Annotate records (default: corpus/records/) automatically and write them to --out.",
    ),
    "build": StepCommand(
        "newscorpus.pipeline.commands:build",
        "Convert corpus/raw/, validate, and write corpus/records/ and the release corpus/release/.",
    ),
    "capture": StepCommand(
        "newscorpus.capture.commands:capture",
        "Turn an external source into raw captures in corpus/raw/, one file per article.",
    ),
    "convert": StepCommand(
        "newscorpus.pipeline.commands:convert",
        "Convert every raw capture in corpus/raw/ into a record in corpus/records/.",
    ),
    "evaluate": StepCommand(
        "newscorpus.evaluate.commands:evaluate",
        "Score PRED against GOLD, per layer and per type, with exact and overlap matching.",
    ),
    "export": StepCommand(
        "newscorpus.io.commands:export_command",
        "Export records (default: every record in corpus/records/) to OUT.",
    ),
    "gold": StepCommand(
        "newscorpus.gold.commands:gold",
        "Gold annotation: check pass files, list the queue, list disagreements, apply gold to records.",
    ),
    "import": StepCommand(
        "newscorpus.io.commands:import_command",
        "Import annotations made in BRAT or exported from Label Studio into the matching records as gold items.",
    ),
    "stats": StepCommand(
        "newscorpus.stats.commands:stats",
        "Count the corpus per layer, type and split; write plots and an HTML summary.",
    ),
    "synth": StepCommand(
        "newscorpus.synth.commands:synth",
        "Write DOCS synthetic news articles (raw captures and records) into the corpus at ROOT.",
    ),
    "validate": StepCommand(
        "newscorpus.pipeline.commands:validate",
        "Validate record files (default: every record in corpus/records/).",
    ),
    "view": StepCommand(
        "newscorpus.viewer.commands:view",
        "Write static HTML pages of DOC_ID (default: every article) with their annotations.",
    ),
}


class CorpusCommands(click.Group):
    """The step commands of ``STEP_COMMANDS``, imported on demand (and any command added to the group)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *STEP_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in STEP_COMMANDS and cmd_name not in self.commands:
            return STEP_COMMANDS[cmd_name].load()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; what the file system refuses (and bad input no command caught) ends it with exit 2.

        The one place of the I/O error policy for commands (``newscorpus.problems.file_errors``).
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


if __name__ == "__main__":
    main()
