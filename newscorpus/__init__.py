"""newscorpus: an open, richly annotated corpus of English news articles.

The package map (a test keeps it true)::

    newscorpus/
      __init__.py   load(): the public entry point; this map
      loader.py     release folder -> datasets (newscorpus.load)
      cli.py        the `newscorpus` command group; each command is imported from <package>/commands.py when it runs
      schema.py     the record's JSON Schema: loading, version, enums
      features.py   schema -> Hugging Face features of a record (below views, release, evaluate)
      labels.py     label sets (from the schema) and BIO tags
      licensing.py  what counts as openly licensed text (SPDX ids), and each licence's Hub id
      record/       record files: layout (where files are, finding them, the corpus lock), files (which
                    entries of a folder are read, by file type), reader (read, read-or-raise),
                    writer (canonical JSON), provenance (per layer and per
                    item), around_gold (automatic items merged around gold ones)
      text/         normalize (raw -> normalized text), offsets (the offset map back to raw)
      problems/     codes (the registry), value (the Problem value), errors (UnusableInputError),
                    file_errors (every OSError as a located error), locations (escaped for output),
                    reference (docs/errors.md)
      capture/      external sources -> raw captures in corpus/raw/ (newscorpus capture)
      convert/      raw capture -> record: decode, profiles, boilerplate, segment, record
      annotate/     automatic annotators, one per layer (run by convert and by `annotate`); the NER model;
                    knowledge_base, kb_from_gold and linker (entity links from a knowledge base of confirmed QIDs)
      validate/     record -> problems: schema check, semantic checks, report
      views/        record -> rows of the training configs (ner, quotes, coref)
      release/      records -> release folder: Parquet shards, dataset card, Croissant, checksums
      io/           one module per external format: export and import
      evaluate/     predictions scored against gold, per layer (links: precision and coverage of named mentions)
      gold/         gold annotation as pass files: check, agreement, adjudication, apply, the selection rule
      stats/        counts, plots and an HTML summary
      viewer/       static HTML pages of records
      synth/        synthetic corpora for benchmarks and scale tests
      engines/      where work runs (local, ray), progress, and the options every command shares
      data/         data files: annotator word lists, gazetteers, the NER model, the linker's knowledge base (kb/),
                    publisher profiles, synth vocabulary
      pipeline/     orchestration: convert, validate and build over the whole corpus, as batch tasks on an engine;
                    cache (conversion cache entries: atomic, checksummed, pruned), cache_key (what a key covers)

Data flows one way: convert (with annotate) -> validate -> release (with views) ->
loader; io, evaluate, stats and viewer read records. Imports follow it: the shared
core (the top-level modules, record, text, problems) imports no step; packages
import each other in one direction, with no cycle among modules or packages; no
step package imports pipeline, which runs the steps over the corpus; cli imports a
command only when it runs. tests/test_package.py checks all of this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from datasets import Dataset, DatasetDict


def load(config: str = "documents", split: str | None = None, **kwargs: Any) -> Dataset | DatasetDict:
    """Load a config of the release as ``datasets`` objects; see :func:`newscorpus.loader.load`."""
    from newscorpus.loader import load as _load

    return _load(config, split, **kwargs)


__all__ = ["__version__", "load"]
