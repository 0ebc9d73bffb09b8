"""The ``newscorpus annotate`` command: automatic layers for records, written to a folder for scoring."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

import click

from newscorpus.engines.options import exit_unusable
from newscorpus.problems.errors import UnusableInputError
from newscorpus.record.layout import CorpusLayout, find_record_files


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
@click.option(
    "--ner-model",
    envvar="NEWSCORPUS_NER_MODEL",
    default=None,
    help='The NER model folder (default: the shipped model), or "rules" for the rules without a model.',
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def annotate(
    root: Path,
    out: Path,
    gazetteers: tuple[Path, ...],
    spacy_pipeline: str | None,
    ner_model: str | None,
    paths: tuple[Path, ...],
) -> None:
    """Annotate records (default: corpus/records/) automatically and write them to --out.

    Every entity, coreference, quotation and timex layer is made afresh, gold
    or not, so that `newscorpus evaluate GOLD OUT` measures the annotators.
    Entities come from the shipped NER model (or --ner-model DIR), whose
    gazetteer holds the shipped names, corpus/gazetteers/*.tsv, --gazetteer
    files and its training documents' gold names, except each record's own;
    with --ner-model rules, the rules' gazetteer holds the gold entities of
    the corpus instead, except each record's own.

    Exit code 0: written; 2: an input could not be used.
    """
    from newscorpus.annotate.runner import AnnotateSettings, Annotators, settings_from_environment
    from newscorpus.record.writer import write_record

    layout = CorpusLayout(root)
    try:
        if out.resolve() == layout.records_dir.resolve():
            raise UnusableInputError("annotate.output", str(out), "this is the corpus's records folder")
        records: dict[str, dict] = {}
        for path in paths or (layout.records_dir,):
            records.update(_read_records(path))
        settings = AnnotateSettings(
            gazetteer_files=(*settings_from_environment(root).gazetteer_files, *gazetteers),
            spacy_pipeline=spacy_pipeline or None,
            ner_model=ner_model or None,
        )
        corpus = _corpus_records(layout.records_dir) if layout.records_dir.is_dir() else iter(())
        # A record given on the command line counts once, in the version given, even if the corpus holds it too.
        others = (record for record in corpus if record["id"] not in records)
        annotators = Annotators.for_corpus(chain(others, records.values()), settings)
    except UnusableInputError as error:
        exit_unusable(error)
    counts = dict.fromkeys(("entities", "coreference", "quotations", "timex"), 0)
    for record in records.values():  # one annotated record at a time: written, counted, dropped
        annotated = annotators.annotate_record(record, keep_gold=False)
        write_record(out / f"{annotated['id']}.json", annotated)
        for layer in counts:
            counts[layer] += len(annotated["layers"][layer]["items"])
    click.echo(
        f"annotated {len(records)} record(s) into {out}: {counts['entities']} entities, "
        f"{counts['coreference']} coreference clusters, {counts['quotations']} quotations, {counts['timex']} timex"
    )


def _read_records(path: Path) -> dict[str, dict[str, Any]]:
    # Imported here: reading a release loads pyarrow, which `annotate --help` must not wait for.
    from newscorpus.evaluate.inputs import read_records

    return read_records(path)


def _corpus_records(records_dir: Path) -> Iterator[dict[str, Any]]:
    """The corpus's records one at a time, checked as ``read_records`` checks a folder, for the gazetteer.

    A generator, so that the gazetteer of a corpus of any size holds the gold
    names it keeps, never the records.
    """
    seen: set[str] = set()
    for file in find_record_files([records_dir]):
        for document_id, record in _read_records(file).items():
            if document_id in seen:
                raise UnusableInputError(
                    "id.duplicate-document", str(file), f"document id {document_id!r} appears twice"
                )
            seen.add(document_id)
            yield record
    if not seen:
        raise UnusableInputError(
            "records.none",
            str(records_dir),
            "no records here",
            "pass record files, folders of records, or a release folder",
        )
