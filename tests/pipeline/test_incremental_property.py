"""An incremental build is byte-identical to a clean build of the same inputs, after any sequence of changes."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.convert import record as convert_record
from newscorpus.convert import segment
from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline.cache import cache_dir_of, index_dir_of, shard_store_dir_of
from newscorpus.pipeline.corpus import build_corpus
from newscorpus.record.layout import CorpusLayout
from newscorpus.record.provenance import gold, layer_of, with_provenance
from newscorpus.record.writer import dumps_record
from newscorpus.release.shards import ShardLimits
from newscorpus.synth import synthetic_record
from newscorpus.synth.corpus import raw_path

SEED = 23
POOL = 5  # articles that may be added; a corpus holds a few of them at a time
OPERATIONS = ("add", "edit", "remove", "gold timex", "gold entity", "version bump")
# A shard of about one document: a split has several buckets, and adds and removals double or halve their count.
LIMITS = ShardLimits(documents=2)


def _outputs(root: Path) -> dict[str, bytes]:
    """The records and the release, byte for byte: what a build makes."""
    corpus = root / "corpus"
    return {
        p.relative_to(corpus).as_posix(): p.read_bytes()
        for folder in ("records", "release")
        for p in sorted((corpus / folder).rglob("*"))
        if p.is_file()
    }


@contextmanager
def _tool_version(number: int) -> Iterator[None]:
    """The segmentation tools as if ``number`` versions newer (0: as installed)."""
    real = segment.tool_versions
    if number == 0:
        yield
        return
    bumped = {**real(), "sentencex": f"{real()['sentencex']}.post{number}"}
    segment.tool_versions = convert_record.tool_versions = lambda: bumped
    try:
        yield
    finally:
        segment.tool_versions = convert_record.tool_versions = real


def _present(root: Path) -> list[int]:
    return sorted(i for i in range(POOL) if (root / raw_path(i)).is_file())


def _record_of(root: Path, index: int) -> Path | None:
    for path in CorpusLayout(root).records_dir.glob("*.json"):
        if json.loads(path.read_text(encoding="utf-8"))["raw"]["path"] == raw_path(index):
            return path
    return None


def _edit_record(path: Path, change) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(dumps_record(record), encoding="utf-8")


def _gold_timex(record: dict) -> None:
    record["layers"]["timex"] = with_provenance(record["layers"]["timex"], gold("tester", "2026-01-01"), complete=True)


def _shared_name(root: Path, record: dict) -> tuple[int, int]:
    """A capitalised word of the record that most other articles also hold: as a gold name it changes their layers."""
    others = [p.read_text(encoding="utf-8") for i in _present(root) if (p := root / raw_path(i)).is_file()]
    words = {m.group(): m.span() for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", record["text"])}
    word = max(sorted(words), key=lambda w: sum(w in text for text in others))
    return words[word]


def _gold_entity(root: Path, record: dict) -> None:
    start, end = _shared_name(root, record)
    item = {"id": "e1", "start": start, "end": end, "label": "ORG", "text": record["text"][start:end]}
    record["layers"]["entities"] = layer_of([item], gold("tester", "2026-01-01"), complete=True)
    record["layers"]["entity_links"] = layer_of([], gold("tester", "2026-01-01"), complete=True)


def _apply(root: Path, operation: str, choice: int, version: int) -> int:
    """Change the corpus at ``root`` as ``operation`` says (on the article ``choice`` picks); returns the version."""
    present = _present(root)
    absent = [i for i in range(POOL) if i not in present]
    if operation == "add" and absent:
        index = absent[choice % len(absent)]
        raw, _ = synthetic_record(SEED, index, gold=False)
        (root / raw_path(index)).parent.mkdir(parents=True, exist_ok=True)
        (root / raw_path(index)).write_text(raw, encoding="utf-8")
    elif operation == "version bump":
        return version + 1
    elif present:
        index = present[choice % len(present)]
        raw = root / raw_path(index)
        record = _record_of(root, index)
        if operation == "edit":
            raw.write_text(raw.read_text(encoding="utf-8") + f"\nA line added in edit {choice}.\n", encoding="utf-8")
        elif operation == "remove":
            raw.unlink()
            if record is not None:
                record.unlink()
        elif record is not None:
            _edit_record(record, _gold_timex if operation == "gold timex" else lambda r: _gold_entity(root, r))
    return version


def _build(root: Path) -> None:
    result = build_corpus(CorpusLayout(root), LocalEngine(1), limits=LIMITS)
    assert result.release is not None, result.converted.problems


@settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, POOL - 1)), min_size=2, max_size=4),
)
def test_every_step_of_an_incremental_build_equals_a_clean_build(steps):
    with tempfile.TemporaryDirectory() as scratch:
        incremental, clean = Path(scratch) / "incremental", Path(scratch) / "clean"
        for index in (0, 1):
            _apply(incremental, "add", index, 0)
        version = 0
        with _tool_version(version):
            _build(incremental)
        for operation, choice in steps:
            version = _apply(incremental, operation, choice, version)
            shutil.rmtree(clean, ignore_errors=True)
            shutil.copytree(incremental, clean)  # the same inputs: raw captures, records (their gold), profiles
            for cache in (cache_dir_of(clean), index_dir_of(clean), shard_store_dir_of(clean)):
                shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(clean / "corpus" / "release", ignore_errors=True)
            with _tool_version(version):
                _build(incremental)
                _build(clean)
            assert _outputs(incremental) == _outputs(clean), (operation, choice)
