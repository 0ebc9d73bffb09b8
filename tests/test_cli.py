"""The ``newscorpus`` command group: step commands are imported only when they run, never to list them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import newscorpus
from newscorpus.cli import STEP_COMMANDS, main

HEAVY_MODULES = ("datasets", "spacy", "pyarrow")

# Imports the CLI, lists its commands and renders --help, then names the heavy modules that got imported.
_LIST_IN_FRESH_INTERPRETER = f"""
import json, sys
import click
from click.testing import CliRunner
from newscorpus.cli import main
names = main.list_commands(click.Context(main))
result = CliRunner().invoke(main, ["--help"])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY_MODULES!r})
print(json.dumps({{"names": names, "exit_code": result.exit_code, "help": result.output, "heavy": heavy}}))
"""


def _command_names() -> list[str]:
    return main.list_commands(click.Context(main))


def _listed_names(help_text: str) -> list[str]:
    """Command names in the Commands section of a --help page."""
    section = help_text.split("Commands:\n", 1)[1]
    return [line.split()[0] for line in section.splitlines() if line.startswith("  ") and not line.startswith("   ")]


def test_listing_commands_and_help_import_no_heavy_module():
    completed = subprocess.run(
        [sys.executable, "-c", _LIST_IN_FRESH_INTERPRETER], capture_output=True, text=True, check=True, timeout=60
    )
    outcome = json.loads(completed.stdout)
    assert outcome["heavy"] == []
    assert outcome["exit_code"] == 0
    assert _listed_names(outcome["help"]) == outcome["names"]


def test_help_lists_every_command_of_the_group():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    names = _command_names()
    assert set(names) == {*main.commands, *STEP_COMMANDS}
    assert {"convert", "validate", "build"} <= set(names)
    assert _listed_names(result.output) == names


@pytest.mark.parametrize("name", sorted(STEP_COMMANDS))
def test_step_command_loads_under_its_name_with_the_summary_listed(name):
    command = main.get_command(click.Context(main), name)
    assert isinstance(command, click.Command)
    assert command.name == name
    # The listing uses the table's summary instead of importing: it must be the command's own first paragraph.
    assert STEP_COMMANDS[name].summary == command.help.split("\n\n")[0].replace("\n", " ")


@pytest.mark.parametrize("width", [40, 80, 200])
def test_commands_section_is_what_click_writes_for_the_loaded_commands(width):
    context = click.Context(main, terminal_width=width)
    loaded = click.Group("newscorpus", commands=[main.get_command(context, name) for name in _command_names()])
    expected, lazy = click.HelpFormatter(width=width), click.HelpFormatter(width=width)
    loaded.format_commands(click.Context(loaded, terminal_width=width), expected)
    main.format_commands(context, lazy)
    assert lazy.getvalue() == expected.getvalue()
    assert "Commands:" in lazy.getvalue()


@pytest.mark.parametrize("name", ["convert", "validate", "build", *sorted(STEP_COMMANDS)])
def test_each_command_shows_its_own_help(name):
    result = CliRunner().invoke(main, [name, "--help"], prog_name="newscorpus", terminal_width=80)
    assert result.exit_code == 0, result.output
    command = main.get_command(click.Context(main), name)
    parent = click.Context(main, info_name="newscorpus", terminal_width=80)
    assert result.output == command.get_help(click.Context(command, info_name=name, parent=parent)) + "\n"
    assert result.output.startswith(f"Usage: newscorpus {name} [OPTIONS]")


def test_unknown_command_is_refused_as_before():
    result = CliRunner().invoke(main, ["no-such-command"])
    assert result.exit_code == 2
    assert "No such command 'no-such-command'" in result.output


_HELP_IN_FRESH_INTERPRETER = f"""
import json, sys
from click.testing import CliRunner
from newscorpus.cli import main
result = CliRunner().invoke(main, [sys.argv[1], "--help"])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY_MODULES!r})
print(json.dumps({{"exit_code": result.exit_code, "help": result.output, "heavy": heavy}}))
"""


@pytest.mark.parametrize("name", ["export", "import", "synth", "annotate"])
def test_step_help_imports_no_heavy_module(name):
    completed = subprocess.run(
        [sys.executable, "-c", _HELP_IN_FRESH_INTERPRETER, name], capture_output=True, text=True, check=True, timeout=60
    )
    outcome = json.loads(completed.stdout)
    assert outcome["exit_code"] == 0, outcome["help"]
    assert f" {name} [OPTIONS]" in outcome["help"]
    assert outcome["heavy"] == []


def test_io_command_choices_equal_those_of_the_modules_that_define_them():
    from newscorpus.io import commands, conll2003, export, importing

    assert commands.EXPORT_FORMATS == export.FORMATS
    assert commands.IMPORT_FORMATS == importing.FORMATS
    assert set(commands.CONLL2003_CONFIGS) == set(conll2003.CONFIGS)
    assert commands.DEFAULT_CONLL2003_CONFIG == conll2003.DEFAULT_CONFIG


def test_every_command_lives_in_its_package_commands_module():
    assert all(re.fullmatch(r"newscorpus\.\w+\.commands:\w+", command.target) for command in STEP_COMMANDS.values())
    package = Path(newscorpus.__file__).parent
    defining = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "click.command(" in path.read_text(encoding="utf-8")
    }
    assert defining and all(name.endswith("/commands.py") for name in defining), defining


def test_the_shared_options_are_declared_once():
    package = Path(newscorpus.__file__).parent
    for option in ('"--jobs"', '"--engine"', '"--quiet"', '"--address"'):
        declaring = [p.relative_to(package).as_posix() for p in package.rglob("*.py") if option in p.read_text()]
        assert declaring == ["engines/options.py"], option
