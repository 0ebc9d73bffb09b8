"""The ``newscorpus annotate`` command: automatic layers for records, written to a folder for scoring."""

from __future__ import annotations

from pathlib import Path

import click

from newscorpus.command_options import exit_unusable
from newscorpus.errors import UnusableInputError
from newscorpus.layout import CorpusLayout


@click.command()
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Folder that holds corpus/ (its gold records feed the gazetteer).",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the annotated records to (never corpus/records/).",
)
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A gazetteer file (LABEL<tab>name lines); repeat for several.",
)
@click.option(
    "--spacy-pipeline",
    envvar="NEWSCORPUS_SPACY_PIPELINE",
    default=None,
    help="A trained spaCy pipeline to use for entities: an installed name or a saved folder.",
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def annotate(
    root: Path, out: Path, gazetteers: tuple[Path, ...], spacy_pipeline: str | None, paths: tuple[Path, ...]
) -> None:
    """Annotate records (default: corpus/records/) automatically and write them to --out.

    Every entity, coreference, quotation and timex layer is made afresh, gold
    or not, so that `newscorpus evaluate GOLD OUT` measures the annotators.
    The gazetteer holds the shipped names, corpus/gazetteers/*.tsv, --gazetteer
    files and the gold entities of the corpus, except each record's own.

    Exit code 0: written; 2: an input could not be used.
    """
    from newscorpus.annotate.runner import AnnotateSettings, Annotators, settings_from_environment
    from newscorpus.evaluate.inputs import read_records
    from newscorpus.record_io import write_record

    layout = CorpusLayout(root)
    try:
        if out.resolve() == layout.records_dir.resolve():
            raise UnusableInputError("annotate.output", str(out), "this is the corpus's records folder")
        records: dict[str, dict] = {}
        for path in paths or (layout.records_dir,):
            records.update(read_records(path))
        corpus = read_records(layout.records_dir) if layout.records_dir.is_dir() else {}
        settings = AnnotateSettings(
            gazetteer_files=(*settings_from_environment(root).gazetteer_files, *gazetteers),
            spacy_pipeline=spacy_pipeline or None,
        )
        annotators = Annotators.for_corpus([*corpus.values(), *records.values()], settings)
        annotated = [annotators.annotate_record(record, keep_gold=False) for record in records.values()]
    except UnusableInputError as error:
        exit_unusable(error)
    for record in annotated:
        write_record(out / f"{record['id']}.json", record)
    counts = {
        layer: sum(len(record["layers"][layer]["items"]) for record in annotated)
        for layer in ("entities", "coreference", "quotations", "timex")
    }
    click.echo(
        f"annotated {len(annotated)} record(s) into {out}: {counts['entities']} entities, "
        f"{counts['coreference']} coreference clusters, {counts['quotations']} quotations, {counts['timex']} timex"
    )
