"""The ``newscorpus evaluate`` command: precision, recall and F1 of predictions against gold records."""

from __future__ import annotations

from pathlib import Path

import click

from newscorpus.engines.options import exit_unusable
from newscorpus.problems.errors import UnusableInputError


@click.command()
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("pred", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate(gold: Path, pred: Path, output_format: str) -> None:
    """Score PRED against GOLD, per layer and per type, with exact and overlap matching.

    GOLD and PRED are record files, folders of records, or release folders;
    documents are paired by id. Only layers complete gold in GOLD are scored.
    To score the automatic annotators, make PRED with `newscorpus annotate`.

    Exit code 0: scored; 2: an input could not be used.
    """
    from newscorpus.evaluate.inputs import read_records
    from newscorpus.evaluate.report import render_json, render_table
    from newscorpus.evaluate.scoring import evaluate_records

    try:
        evaluation = evaluate_records(read_records(gold), read_records(pred))
    except UnusableInputError as error:
        exit_unusable(error)
    click.echo(render_json(evaluation) if output_format == "json" else render_table(evaluation))
