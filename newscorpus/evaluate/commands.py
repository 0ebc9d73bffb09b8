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
@click.option(
    "--documents",
    "documents_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Score only the gold documents whose ids this file lists, one a line.",
)
@click.option(
    "--gold-sentences",
    "sentences_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="A folder of gold sentence files (corpus/annotations/sentences): score the predicted sentences against them.",
)
def evaluate(
    gold: Path, pred: Path, output_format: str, documents_file: Path | None, sentences_dir: Path | None
) -> None:
    """Score PRED against GOLD, per layer and per type, with exact and overlap matching.

    GOLD and PRED are record files, folders of records, or release folders;
    documents are paired by id. Only layers complete gold in GOLD are scored.
    To score the automatic annotators, make PRED with `newscorpus annotate`.

    --documents narrows the gold documents scored (a release split: list its ids).
    --gold-sentences gives the gold documents the sentences of those files
    (the records' own sentences are automatic, so they are not scored).

    Exit code 0: scored; 2: an input could not be used.
    """
    from newscorpus.evaluate.gold_sentences import read_gold_sentences, with_sentences
    from newscorpus.evaluate.inputs import read_document_ids, read_records, select_documents
    from newscorpus.evaluate.report import render_json, render_table
    from newscorpus.evaluate.scoring import evaluate_records

    try:
        wanted = read_document_ids(documents_file) if documents_file else None
        gold_records = select_documents(read_records(gold), wanted, str(gold))
        if sentences_dir is not None:
            sentences = read_gold_sentences(sentences_dir, gold_records, strict=False)
            for document_id, annotation in sentences.items():
                gold_records[document_id] = with_sentences(gold_records[document_id], annotation.layer)
        evaluation = evaluate_records(gold_records, read_records(pred))
    except UnusableInputError as error:
        exit_unusable(error)
    click.echo(render_json(evaluation) if output_format == "json" else render_table(evaluation))
