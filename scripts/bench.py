"""Benchmark convert, validate, build and load on synthetic corpora, against baselines and targets.

Not a test: it measures time and memory. Run, for example:

    python scripts/bench.py --docs 1000
    python scripts/bench.py --docs 1000 10000 --out bench.json

With --incremental it times incremental builds instead (clean, no-op, one
article changed or added, one gold layer changed, build --check): see
scripts/bench_incremental.py.

For each corpus size N it writes a synthetic corpus of N articles (gold-like
layers, median ~600 words) and runs, each stage in a fresh process so that
its memory is its own:

* all cores: convert, validate, build, load (cold: builds the Arrow cache;
  warm: a second load in a new process, import time excluded);
* one core, on the first --sample articles: convert, validate, build (the
  issue's targets are per core);
* baselines on the same sample: (a) spaCy blank("en") + sentencizer against
  our segmentation, (b) jsonschema Draft202012Validator alone against our
  validation, (c) datasets Dataset.from_list(...).to_parquet against our
  Parquet writer, for the documents config.

Memory is read from /proc while a stage runs: the peak resident set of the
largest process (main or worker) and the peak proportional set size of the
whole process tree (shared pages counted once).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = {
    "build_one_core": 1_500,  # convert + validate + write, articles/second on one core
    "validate_one_core": 2_000,  # records/second, every error reported, one core
    "peak_rss_mb": 500,
    "warm_load_seconds": 0.1,
}


# Stages, each run in its own process: python scripts/bench.py --stage NAME ...


def _engine(jobs: int):
    from newscorpus.engines import open_engine

    return open_engine("local", jobs)


def stage_synth(root: Path, docs: int, jobs: int, seed: int) -> dict:
    from newscorpus.synth import write_synthetic_corpus

    engine = _engine(jobs)
    started = time.perf_counter()
    stats = write_synthetic_corpus(root, docs, seed, engine)
    seconds = time.perf_counter() - started
    engine.close()
    return {"seconds": seconds, "documents": stats.documents, "words": stats.words, "tokens": stats.tokens}


def stage_convert(root: Path, jobs: int) -> dict:
    from newscorpus.pipeline.corpus import convert_corpus
    from newscorpus.record.layout import CorpusLayout

    engine = _engine(jobs)
    started = time.perf_counter()
    converted, _ = convert_corpus(CorpusLayout(root), engine)
    seconds = time.perf_counter() - started
    engine.close()
    return {"seconds": seconds, "documents": converted.documents}


def stage_validate(root: Path, jobs: int) -> dict:
    from newscorpus.pipeline.corpus import validate_corpus

    files = sorted((root / "corpus" / "records").glob("*.json"))
    engine = _engine(jobs)
    started = time.perf_counter()
    report, _ = validate_corpus(files, root, root, engine)
    seconds = time.perf_counter() - started
    engine.close()
    return {"seconds": seconds, "documents": report.records, "problems": len(report.problems)}


def stage_build(root: Path, jobs: int) -> dict:
    import newscorpus.release.folder as release
    from newscorpus.pipeline.corpus import build_corpus
    from newscorpus.record.layout import CorpusLayout

    card_seconds = []
    render_card = release.render_card

    def timed_card(*arguments):
        started = time.perf_counter()
        card = render_card(*arguments)
        card_seconds.append(time.perf_counter() - started)
        return card

    release.render_card = timed_card
    engine = _engine(jobs)
    started = time.perf_counter()
    result = build_corpus(CorpusLayout(root), engine)
    seconds = time.perf_counter() - started
    engine.close()
    return {"seconds": seconds, "documents": result.converted.documents, "card_seconds": sum(card_seconds)}


def stage_load(root: Path) -> dict:
    """``newscorpus.load()``: ``datasets`` imported first (timed apart), then the load, then the same load again."""
    started = time.perf_counter()
    import datasets  # noqa: F401  (newscorpus.load imports it on first use)

    import newscorpus

    imported = time.perf_counter() - started
    release, cache = root / "corpus" / "release", root / "hf-cache"
    started = time.perf_counter()
    dataset = newscorpus.load(release=release, cache_dir=str(cache))
    first = time.perf_counter() - started
    started = time.perf_counter()
    newscorpus.load(release=release, cache_dir=str(cache))
    again = time.perf_counter() - started
    rows = sum(d.num_rows for d in dataset.values())
    return {"seconds": first, "again_seconds": again, "import_seconds": imported, "documents": rows}


def _sample(root: Path, limit: int) -> list[dict]:
    files = sorted((root / "corpus" / "records").glob("*.json"))[:limit]
    return [json.loads(path.read_text(encoding="utf-8")) for path in files]


def stage_baselines(root: Path, limit: int) -> dict:
    """Our segmentation and validation against spaCy's sentencizer and jsonschema alone, one core."""
    import spacy
    from jsonschema import Draft202012Validator

    from newscorpus.convert.segment import segment_paragraph
    from newscorpus.schema import load_schema
    from newscorpus.validate import validate_record

    records = _sample(root, limit)
    texts = [record["text"] for record in records]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    validator = Draft202012Validator(load_schema())
    for warm_up in (  # load tokenizers, compile schemas: the first call is not what is measured
        lambda: segment_paragraph(texts[0], 0),
        lambda: list(nlp(texts[0]).sents),
        lambda: validate_record(records[0], root),
        lambda: list(validator.iter_errors(records[0])),
    ):
        warm_up()
    started = time.perf_counter()
    for record in records:
        for paragraph in record["layers"]["paragraphs"]["items"]:
            segment_paragraph(record["text"][paragraph["start"] : paragraph["end"]], paragraph["start"])
    ours_segment = time.perf_counter() - started
    started = time.perf_counter()
    for document in nlp.pipe(texts):
        list(document.sents)
    spacy_segment = time.perf_counter() - started
    started = time.perf_counter()
    for record in records:
        validate_record(record, root)
    ours_validate = time.perf_counter() - started
    started = time.perf_counter()
    for record in records:
        list(validator.iter_errors(record))
    jsonschema_validate = time.perf_counter() - started
    return {
        "documents": len(records),
        "seconds": ours_segment + spacy_segment + ours_validate + jsonschema_validate,
        "segment_ours_seconds": ours_segment,
        "segment_spacy_seconds": spacy_segment,
        "validate_ours_seconds": ours_validate,
        "validate_jsonschema_seconds": jsonschema_validate,
    }


def stage_write_ours(root: Path, limit: int) -> dict:
    """Our writer for the documents config (rows encoded, Arrow batches, zstd Parquet)."""
    from newscorpus.release.parquet import ParquetShardWriter
    from newscorpus.views import DOCUMENTS

    records = _sample(root, limit)
    out = Path(tempfile.mkdtemp()) / "documents.parquet"
    started = time.perf_counter()
    writer = ParquetShardWriter(out, DOCUMENTS.features(), DOCUMENTS.rows_per_group)
    for record in records:
        writer.add(DOCUMENTS.rows(record))
    writer.close()
    seconds = time.perf_counter() - started
    shutil.rmtree(out.parent)
    return {"seconds": seconds, "documents": len(records)}


def stage_write_datasets(root: Path, limit: int) -> dict:
    """The baseline: datasets.Dataset.from_list(rows, features).to_parquet for the same config."""
    from datasets import Dataset

    from newscorpus.views import DOCUMENTS

    records = _sample(root, limit)
    out = Path(tempfile.mkdtemp()) / "documents.parquet"
    started = time.perf_counter()
    Dataset.from_list(records, features=DOCUMENTS.features()).to_parquet(str(out))
    seconds = time.perf_counter() - started
    shutil.rmtree(out.parent)
    return {"seconds": seconds, "documents": len(records)}


STAGES = {
    "synth": lambda a: stage_synth(a.root, a.docs[0], a.jobs, a.seed),
    "convert": lambda a: stage_convert(a.root, a.jobs),
    "validate": lambda a: stage_validate(a.root, a.jobs),
    "build": lambda a: stage_build(a.root, a.jobs),
    "load": lambda a: stage_load(a.root),
    "baselines": lambda a: stage_baselines(a.root, a.sample),
    "write-ours": lambda a: stage_write_ours(a.root, a.sample),
    "write-datasets": lambda a: stage_write_datasets(a.root, a.sample),
}


# Memory of a running stage, from /proc


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _descendants(pid: int) -> list[int]:
    tree, found, queue = _children(), [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue += tree.get(current, [])
    return found


def _kilobytes(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_stage(name: str, root: Path, jobs: int, docs: int, seed: int, sample: int) -> dict:
    """Run a stage in a new process; add its peak memory (largest process, and the whole tree)."""
    command = [sys.executable, __file__, "--stage", name, "--root", str(root), "--jobs", str(jobs)]
    command += ["--docs", str(docs), "--seed", str(seed), "--sample", str(sample)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, text=True)
    peak_process = peak_tree = 0
    while process.poll() is None:
        pids = _descendants(process.pid)
        peak_process = max([peak_process, *(_kilobytes(f"/proc/{p}/status", "VmHWM:") for p in pids)])
        peak_tree = max(peak_tree, sum(_kilobytes(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids))
        time.sleep(0.1)
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"stage {name} failed with exit code {process.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result.update(peak_process_mb=peak_process / 1024, peak_tree_mb=peak_tree / 1024)
    return result


# One corpus size


def bench_size(docs: int, jobs: int, seed: int, sample: int, workdir: Path) -> dict:
    root, sample_root = workdir / f"corpus-{docs}", workdir / f"sample-{docs}"
    for folder in (root, sample_root):
        shutil.rmtree(folder, ignore_errors=True)
    sample = min(sample, docs)
    stages: dict[str, dict] = {}
    print(f"\n== {docs:,} documents ({jobs} jobs; one-core figures on {sample} of them) ==", flush=True)
    plan = [
        ("synth", root, jobs, docs),
        ("convert", root, jobs, docs),
        ("validate", root, jobs, docs),
        ("build", root, jobs, docs),
        ("load", root, jobs, docs),
        ("load-warm", root, jobs, docs),
        ("synth-sample", sample_root, jobs, sample),
        ("convert-1", sample_root, 1, sample),
        ("validate-1", sample_root, 1, sample),
        ("build-1", sample_root, 1, sample),
        ("baselines", sample_root, 1, sample),
        ("write-ours", sample_root, 1, sample),
        ("write-datasets", sample_root, 1, sample),
    ]
    for label, folder, stage_jobs, stage_docs in plan:
        name = label.split("-")[0] if label not in ("write-ours", "write-datasets") else label
        result = run_stage(name, folder, stage_jobs, stage_docs, seed, sample)
        stages[label] = result
        rate = result["documents"] / result["seconds"] if result.get("seconds") else 0
        print(
            f"  {label:15} {result.get('seconds', 0):9.2f} s {rate:10,.1f} docs/s   peak RSS "
            f"{result['peak_process_mb']:7.0f} MB (largest process), {result['peak_tree_mb']:7.0f} MB (tree)",
            flush=True,
        )
    return stages


def _rate(stage: dict) -> float:
    return stage["documents"] / stage["seconds"]


def summarize(results: dict[int, dict]) -> list[str]:
    """Figures, baseline ratios and pass/fail against the targets, as printable lines."""
    lines = []
    for docs, stages in results.items():
        base = stages["baselines"]
        lines.append(f"\n{docs:,} documents")
        for label in ("convert", "validate", "build", "convert-1", "validate-1", "build-1"):
            lines.append(f"  {label:12} {_rate(stages[label]):10,.1f} docs/s")
        warm = stages["load-warm"]
        lines.append(
            f"  load cold    {stages['load']['seconds']:10.3f} s; warm: new process {warm['seconds']:.3f} s "
            f"(+ {warm['import_seconds']:.2f} s to import datasets), same process {warm['again_seconds']:.3f} s"
        )
        lines.append(f"  card         {stages['build']['card_seconds']:10.2f} s of the build")
        ours_seg, spacy_seg = base["segment_ours_seconds"], base["segment_spacy_seconds"]
        ours_val, js_val = base["validate_ours_seconds"], base["validate_jsonschema_seconds"]
        ours_write, ds_write = stages["write-ours"]["seconds"], stages["write-datasets"]["seconds"]
        n = base["documents"]
        lines.append(
            f"  (a) segmentation: ours {n / ours_seg:,.0f} docs/s, spaCy sentencizer {n / spacy_seg:,.0f} "
            f"docs/s: ratio {spacy_seg / ours_seg:.2f}x"
        )
        lines.append(
            f"  (b) validation: ours {n / ours_val:,.1f} rec/s, jsonschema alone {n / js_val:,.1f} rec/s: "
            f"ratio {js_val / ours_val:.2f}x"
        )
        lines.append(
            f"  (c) documents config to Parquet: ours {n / ours_write:,.0f} docs/s "
            f"({stages['write-ours']['peak_process_mb']:.0f} MB), datasets {n / ds_write:,.0f} docs/s "
            f"({stages['write-datasets']['peak_process_mb']:.0f} MB): ratio {ds_write / ours_write:.2f}x"
        )
    largest = results[max(results)]
    ours = ("convert", "validate", "build", "load", "load-warm", "convert-1", "validate-1", "build-1", "write-ours")
    peaks = {docs: max(stages[k]["peak_process_mb"] for k in ours) for docs, stages in results.items()}
    checks = [
        ("convert+validate+write, one core", _rate(largest["build-1"]), TARGETS["build_one_core"], ">="),
        ("validation (all errors), one core", _rate(largest["validate-1"]), TARGETS["validate_one_core"], ">="),
        ("peak RSS (largest process), MB", max(peaks.values()), TARGETS["peak_rss_mb"], "<"),
        ("warm load of the largest release, s", largest["load-warm"]["seconds"], TARGETS["warm_load_seconds"], "<"),
    ]
    lines.append("\ntargets")
    for what, value, target, sense in checks:
        passed = value >= target if sense == ">=" else value < target
        lines.append(f"  {'PASS' if passed else 'FAIL'}  {what}: {value:,.3f} (target {sense} {target:,})")
    if len(results) > 1:
        smallest, biggest = peaks[min(peaks)], peaks[max(peaks)]
        flat = biggest <= smallest * 1.25
        lines.append(
            f"  {'PASS' if flat else 'FAIL'}  peak RSS flat from {min(peaks):,} to {max(peaks):,} documents: "
            f"{smallest:.0f} -> {biggest:.0f} MB (within 25%)"
        )
    return lines


def machine() -> str:
    memory = _kilobytes("/proc/meminfo", "MemTotal:") / 1024**2
    load = os.getloadavg()
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {memory:.1f} GB memory, "
        f"Python {platform.python_version()}, load average at start {load[0]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1_000], help="corpus sizes to run")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the all-core stages")
    parser.add_argument("--sample", type=int, default=200, help="articles for the one-core stages and baselines")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=None, help="where corpora go (default: a temporary folder)")
    parser.add_argument("--out", type=Path, default=None, help="write all figures as JSON here")
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="time incremental builds instead (scripts/bench_incremental.py; its options follow the sizes)",
    )
    arguments, rest = parser.parse_known_args()
    if arguments.incremental:
        from bench_incremental import main as bench_incremental

        sizes = ["--docs", *map(str, arguments.docs), "--jobs", str(arguments.jobs), "--seed", str(arguments.seed)]
        out = ["--out", str(arguments.out)] if arguments.out else []
        out += ["--workdir", str(arguments.workdir)] if arguments.workdir else []
        bench_incremental([*sizes, *out, *rest])
        return
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if arguments.stage:
        print(json.dumps(STAGES[arguments.stage](arguments)))
        return
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="newscorpus-bench-"))
    print(machine())
    results = {
        docs: bench_size(docs, arguments.jobs, arguments.seed, arguments.sample, workdir) for docs in arguments.docs
    }
    lines = summarize(results)
    print("\n".join(lines))
    if arguments.out:
        arguments.out.write_text(json.dumps({"machine": machine(), "results": results}, indent=2), encoding="utf-8")
    if arguments.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
