"""``newscorpus synth``: write a synthetic corpus for benchmarks and scale tests."""

from __future__ import annotations

import time
from pathlib import Path

import click

from newscorpus.engines.options import engine_options, running_engine, show_summary
from newscorpus.engines.progress import Progress, RunSummary
from newscorpus.synth import write_synthetic_corpus
from newscorpus.synth.corpus import PUBLISHER_FOLDER


@click.command("synth")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to create the corpus in (it gets corpus/raw/ and corpus/records/).",
)
@click.option("--docs", type=click.IntRange(min=1), default=1_000, show_default=True, help="Articles to write.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same corpus, byte for byte.")
@click.option(
    "--gold/--no-gold",
    default=True,
    show_default=True,
    help="Gold-like entity, coreference, quotation and timex layers; without, the automatic annotators' layers.",
)
@engine_options
def synth(
    root: Path, docs: int, seed: int, gold: bool, jobs: int | None, engine: str, address: str | None, quiet: bool
) -> None:
    """Write DOCS synthetic news articles (raw captures and records) into the corpus at ROOT.

    Articles are 300 to 1,500 words long, with names, straight and curly quotes,
    about one entity per 12 tokens and a quotation in a third of the paragraphs.
    Build them like any corpus: newscorpus build --root ROOT.
    """
    folder = root / "corpus" / "raw" / PUBLISHER_FOLDER
    if folder.exists() and any(folder.iterdir()):
        raise click.UsageError(f"{folder} already holds a synthetic corpus; choose an empty --root")
    (root / "corpus" / "raw").mkdir(parents=True, exist_ok=True)
    progress = Progress.for_terminal(quiet)
    started = time.perf_counter()
    with running_engine(engine, jobs, address) as runner:
        stats = write_synthetic_corpus(root, docs, seed, runner, gold, progress)
    click.echo(
        f"wrote {stats.documents} article(s) to {root}: {stats.words} words, {stats.tokens} tokens, "
        f"{stats.entities} entities, {stats.quotations} quotations"
    )
    show_summary(progress, RunSummary(stats.documents, stats.tokens, 0, time.perf_counter() - started))
