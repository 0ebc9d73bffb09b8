"""The conversion cache: which records a change of each input re-makes, and that entries are safe."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import newscorpus
from newscorpus.annotate.knowledge_base import KB_ENV, SHIPPED_KB, kb_bytes
from newscorpus.convert import record as convert_record
from newscorpus.convert import segment
from newscorpus.engines.local import LocalEngine
from newscorpus.pipeline import cache_key
from newscorpus.pipeline.cache import (
    TEMPORARY_PREFIX,
    CachedConversion,
    cache_dir_of,
    entry_path,
    index_dir_of,
    prune_cache,
    read_entry,
    shard_store_dir_of,
    write_entry,
)
from newscorpus.pipeline.corpus import BuildResult, build_corpus, check_corpus
from newscorpus.record.layout import CorpusLayout, corpus_lock
from newscorpus.record.provenance import gold, layer_of, with_provenance
from newscorpus.record.writer import dumps_record
from newscorpus.synth import write_synthetic_corpus
from newscorpus.synth.corpus import raw_path

DOCUMENTS = 4


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(root: Path) -> BuildResult:
    result = build_corpus(CorpusLayout(root), LocalEngine(1))
    assert result.release is not None, result.converted.problems
    return result


def remade(result: BuildResult) -> set[str]:
    return set(result.converted.reconverted)


@pytest.fixture(scope="module")
def built_corpus(tmp_path_factory) -> Path:
    """A small corpus with automatic layers, built once (so its cache is full)."""
    root = tmp_path_factory.mktemp("cached")
    write_synthetic_corpus(root, DOCUMENTS, 11, LocalEngine(1), gold=False)
    build(root)
    return root


@pytest.fixture
def corpus(built_corpus, tmp_path) -> Path:
    shutil.copytree(built_corpus / "corpus", tmp_path / "corpus")
    return tmp_path


def ids(root: Path) -> list[str]:
    return sorted(path.stem for path in CorpusLayout(root).records_dir.glob("*.json"))


def edit_record(root: Path, document_id: str, change) -> None:
    path = CorpusLayout(root).record_path(document_id)
    record = json.loads(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(dumps_record(record), encoding="utf-8")


def mark_timex_gold(record: dict) -> None:
    record["layers"]["timex"] = with_provenance(record["layers"]["timex"], gold("tester", "2026-01-01"), complete=True)


def add_gold_entity(record: dict) -> None:
    """Make the entity layer gold with a new name: the gazetteer of gold names changes."""
    text = record["text"]
    start = text.index(" ") + 1
    end = text.index(" ", start)
    item = {"id": "e1", "start": start, "end": end, "label": "ORG", "text": text[start:end]}
    record["layers"]["entities"] = layer_of([item], gold("tester", "2026-01-01"), complete=True)
    record["layers"]["entity_links"] = layer_of([], gold("tester", "2026-01-01"), complete=True)


def test_a_rebuild_with_nothing_changed_converts_nothing_and_writes_the_same_bytes(corpus):
    before = _files(corpus / "corpus" / "release")
    result = build(corpus)
    assert remade(result) == set()
    assert result.converted.changed == []
    assert _files(corpus / "corpus" / "release") == before


def test_changed_raw_bytes_remake_that_article_only(corpus):
    first = ids(corpus)
    raw = corpus / raw_path(2)
    raw.write_text(raw.read_text(encoding="utf-8") + "\nOne more paragraph for the test.\n", encoding="utf-8")
    result = build(corpus)
    (new_id,) = set(ids(corpus)) - set(first)
    assert remade(result) == {new_id}


def test_a_kept_gold_layer_remakes_that_article_only(corpus):
    target = ids(corpus)[1]
    edit_record(corpus, target, mark_timex_gold)
    assert remade(build(corpus)) == {target}


def test_with_the_model_a_gold_entity_remakes_its_own_article_only(corpus):
    # The model's rules see its own training names, not the corpus's gold names.
    target = ids(corpus)[0]
    edit_record(corpus, target, add_gold_entity)
    assert remade(build(corpus)) == {target}


def test_with_the_rules_a_gold_entity_remakes_every_article_since_the_gazetteer_of_gold_names_changed(
    corpus, monkeypatch
):
    monkeypatch.setenv("NEWSCORPUS_NER_MODEL", "rules")
    build(corpus)
    edit_record(corpus, ids(corpus)[0], add_gold_entity)
    assert remade(build(corpus)) == set(ids(corpus))


def test_a_gazetteer_file_remakes_every_article(corpus):
    folder = corpus / "corpus" / "gazetteers"
    folder.mkdir()
    (folder / "extra.tsv").write_text("ORG\tAcme Widgets\n", encoding="utf-8")
    assert remade(build(corpus)) == set(ids(corpus))


def test_the_linker_knowledge_base_remakes_every_article(corpus, monkeypatch):
    shipped = json.loads(SHIPPED_KB.read_text(encoding="utf-8"))
    shipped["entries"] = shipped["entries"][1:]  # another knowledge base: one QID fewer
    other = corpus / "kb.json"
    other.write_bytes(kb_bytes(shipped))
    monkeypatch.setenv(KB_ENV, str(other))
    assert remade(build(corpus)) == set(ids(corpus))
    assert remade(build(corpus)) == set()


def test_a_profile_remakes_every_article(corpus):
    folder = corpus / "corpus" / "profiles"
    folder.mkdir(exist_ok=True)
    packaged = Path(newscorpus.__file__).parent / "data" / "profiles" / "generic.toml"
    text = packaged.read_text(encoding="utf-8").replace('id = "generic"', 'id = "example-test"', 1)
    assert text != packaged.read_text(encoding="utf-8")
    (folder / "example-test.toml").write_text(text, encoding="utf-8")
    assert remade(build(corpus)) == set(ids(corpus))


def test_a_tool_version_remakes_every_article(corpus, monkeypatch):
    versions = segment.tool_versions()
    bumped = {**versions, "sentencex": "99.0"}
    monkeypatch.setattr(segment, "tool_versions", lambda: bumped)  # what the key reads
    monkeypatch.setattr(convert_record, "tool_versions", lambda: bumped)  # what the provenance names
    result = build(corpus)
    assert remade(result) == set(ids(corpus))
    assert set(result.converted.changed) == set(ids(corpus))  # the provenance names the new version


def test_the_package_version_and_code_remake_every_article(corpus, monkeypatch):
    monkeypatch.setattr(newscorpus, "__version__", "99.0.0")
    assert remade(build(corpus)) == set(ids(corpus))
    monkeypatch.undo()
    monkeypatch.setattr(cache_key, "package_fingerprint", lambda: "edited code")
    assert remade(build(corpus)) == set(ids(corpus))


def test_a_corrupt_entry_is_detected_removed_and_rebuilt(corpus):
    before = _files(corpus / "corpus")
    entries = sorted(p for p in cache_dir_of(corpus).rglob("*") if p.is_file())
    assert len(entries) == DOCUMENTS
    damaged = entries[0]
    data = bytearray(damaged.read_bytes())
    data[-10] ^= 0x01  # one bit of the record text
    damaged.write_bytes(bytes(data))
    entries[1].write_bytes(entries[1].read_bytes()[:100])  # cut short, as a killed writer would leave it
    result = build(corpus)
    assert len(remade(result)) == 2
    after = _files(corpus / "corpus")
    outside_cache = {k for k in before if ".cache" not in k}
    assert {k: after[k] for k in outside_cache} == {k: before[k] for k in outside_cache}
    assert {k for k in after if ".cache" not in k} == outside_cache
    assert remade(build(corpus)) == set()


def test_entries_round_trip_and_a_wrong_checksum_is_never_served(tmp_path):
    entry = CachedConversion("doc-1", '{"id": "doc-1"}\n', 3, 30, (), ())
    write_entry(tmp_path, "ab" * 32, entry)
    assert read_entry(tmp_path, "ab" * 32) == entry
    path = entry_path(tmp_path, "ab" * 32)
    path.write_bytes(path.read_bytes().replace(b"doc-1", b"doc-2"))
    assert read_entry(tmp_path, "ab" * 32) is None
    assert not path.exists()
    assert read_entry(tmp_path, "cd" * 32) is None


def test_pruning_removes_leftovers_and_unused_entries_oldest_first_never_live_ones(tmp_path):
    entry = CachedConversion("doc", "x" * 1000, 1, 1)
    keys = [f"{n:02d}" * 32 for n in range(4)]
    for number, key in enumerate(keys):
        write_entry(tmp_path, key, entry)
        path = entry_path(tmp_path, key)
        stamp = 1_000_000 + number
        os.utime(path, (stamp, stamp))
    leftover = entry_path(tmp_path, keys[0]).parent / f"{TEMPORARY_PREFIX}killed"
    leftover.write_text("half", encoding="utf-8")
    size = entry_path(tmp_path, keys[0]).stat().st_size
    summary = prune_cache(tmp_path, live=[keys[0]], max_bytes=2 * size)
    assert not leftover.exists()
    assert summary.removed == 2 and summary.entries == 2
    assert entry_path(tmp_path, keys[0]).exists()  # live, though the oldest
    assert not entry_path(tmp_path, keys[1]).exists() and not entry_path(tmp_path, keys[2]).exists()
    assert entry_path(tmp_path, keys[3]).exists()
    assert prune_cache(tmp_path, live=[], max_bytes=0).entries == 0


def test_the_cache_lives_in_an_ignored_folder(repo_root):
    ignored = (repo_root / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "corpus/.cache/" in ignored
    assert cache_dir_of(repo_root).relative_to(repo_root).as_posix().startswith("corpus/.cache/")


def test_a_build_holding_the_lock_refuses_a_second_one(corpus):
    from newscorpus.problems.errors import UnusableInputError

    with corpus_lock(CorpusLayout(corpus)), pytest.raises(UnusableInputError) as refused:
        build_corpus(CorpusLayout(corpus), LocalEngine(1))
    assert refused.value.problem.code == "corpus.locked"


def test_check_uses_the_cache_and_the_full_check_neither_reads_nor_writes_it(corpus):
    layout = CorpusLayout(corpus)
    assert check_corpus(layout, LocalEngine(1)) == []
    shutil.rmtree(cache_dir_of(corpus))
    assert check_corpus(layout, LocalEngine(1), full=True) == []
    assert not cache_dir_of(corpus).exists()
    raw = corpus / raw_path(0)
    raw.write_text(raw.read_text(encoding="utf-8").replace(" the ", " a ", 1), encoding="utf-8")
    assert check_corpus(layout, LocalEngine(1), full=True) != []


def test_a_no_op_build_parses_no_record_and_writes_no_shard(corpus, monkeypatch):
    from newscorpus.pipeline import tasks
    from newscorpus.release import folder

    parsed, written = [], []
    real_read, real_writer = tasks.read_previous_record, folder.ParquetShardWriter
    monkeypatch.setattr(tasks, "read_previous_record", lambda *a: parsed.append(a) or real_read(*a))
    monkeypatch.setattr(folder, "ParquetShardWriter", lambda *a: written.append(a) or real_writer(*a))
    before = _files(corpus / "corpus" / "release")
    build(corpus)
    assert parsed == [] and written == []
    assert _files(corpus / "corpus" / "release") == before
    edit_record(corpus, ids(corpus)[0], mark_timex_gold)  # one record changes: its shard is written again
    build(corpus)
    assert len(parsed) == 2  # the changed record: indexed, then read by convert for what it keeps
    assert written  # the shard holding it, in every config
    parsed.clear()
    build(corpus)
    assert parsed == []  # the record the last build wrote was indexed as it was written


def test_a_damaged_stored_shard_is_written_again_never_served(corpus):
    before = _files(corpus / "corpus" / "release")
    stored = sorted(shard_store_dir_of(corpus).rglob("*.parquet"))
    assert stored
    for path in stored:  # hard links to the release's files: replace, never write through them
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.unlink()
        path.write_bytes(bytes(data))
    build(corpus)
    assert _files(corpus / "corpus" / "release") == before
    assert check_corpus(CorpusLayout(corpus), LocalEngine(1)) == []


def test_a_damaged_index_entry_is_read_again(corpus):
    entries = sorted(p for p in index_dir_of(corpus).rglob("*") if p.is_file())
    assert len(entries) == DOCUMENTS
    entries[0].write_bytes(entries[0].read_bytes()[:-3])
    before = _files(corpus / "corpus" / "release")
    result = build(corpus)
    assert remade(result) == set()
    assert _files(corpus / "corpus" / "release") == before
    assert len([p for p in index_dir_of(corpus).rglob("*") if p.is_file()]) == DOCUMENTS
