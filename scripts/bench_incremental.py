"""Benchmark incremental builds: clean, no-op, one article changed or added, one gold layer changed, --check.

Not a test: it measures time and memory. Run on its own or through bench.py:

    python scripts/bench_incremental.py --docs 1000 10000
    python scripts/bench.py --incremental --docs 1000 10000

For each size N it writes a synthetic corpus of N articles (``newscorpus
synth``; for automatic layers its records are then removed, so the clean build
annotates every article from its raw capture) and times, each in a fresh process
(``newscorpus build`` with all cores unless --jobs says otherwise):

* clean: the conversion cache removed first, so every article is converted;
* no-op: nothing changed;
* one changed: one raw capture edited (its id changes: a record goes, one comes);
* one added: a new raw capture;
* gold timex: one record's timex layer marked gold (that record is re-made);
* gold entity (--gold-entity): one record gets a gold entity whose name other
  articles hold, which changes the gazetteer every article is annotated with;
* check: ``build --check`` (with the cache);
* check full (--check-full): ``build --check --full``, everything afresh.

Each figure is given with its ratio to the clean build, beside the targets of
issue 17, the CPU time of the whole process tree (every process's user and
system time, read from /proc while it runs: on a shared machine the CPU time
says more than the wall time, which other work stretches), the load average
when the command ended, and the peak memory (largest process / whole tree).

``--reuse`` keeps a corpus already written under ``--workdir`` by an earlier
run of the same size and seed (its raw captures and records, as synth wrote
them) instead of writing it again; the cache is removed before the clean build
either way, so the figures are the same.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import _descendants, _kilobytes, machine

TARGETS = {10_000: 0.05, 100_000: 0.02}  # no-op and one-article change, as a share of the clean build
NEWSCORPUS = [sys.executable, "-m", "newscorpus.cli"]


def _environment() -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}


def _cpu_seconds(pid: int) -> float | None:
    """User plus system time of one process so far (its own, not its reaped children's), or None if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(arguments: list[str], expect: tuple[int, ...] = (0,)) -> dict:
    """Run ``newscorpus ARGUMENTS`` in a new process: seconds, CPU seconds and peak memory of its tree.

    CPU time is each process's own user and system time at its last reading (every 50 ms), summed over
    every process seen in the tree: up to 50 ms of each process's end, and processes shorter than that,
    are missed, so it errs low.
    """
    started = time.perf_counter()
    process = subprocess.Popen([*NEWSCORPUS, *arguments], env=_environment(), stdout=subprocess.DEVNULL)
    peak_process = peak_tree = 0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        pids = _descendants(process.pid)
        peak_process = max([peak_process, *(_kilobytes(f"/proc/{p}/status", "VmHWM:") for p in pids)])
        peak_tree = max(peak_tree, sum(_kilobytes(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids))
        for pid in pids:
            if (seconds := _cpu_seconds(pid)) is not None:
                cpu[pid] = max(cpu.get(pid, 0.0), seconds)
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    if process.returncode not in expect:
        raise SystemExit(f"newscorpus {' '.join(arguments)} exited with {process.returncode}")
    return {
        "seconds": seconds,
        "cpu_seconds": sum(cpu.values()),
        "load_after": os.getloadavg()[0],
        "peak_process_mb": peak_process / 1024,
        "peak_tree_mb": peak_tree / 1024,
    }


def _edit_raw(root: Path) -> None:
    from newscorpus.synth.corpus import raw_path

    path = root / raw_path(0)
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line for the benchmark.\n", encoding="utf-8")


def _add_raw(root: Path, docs: int, seed: int) -> None:
    from newscorpus.synth import synthetic_record
    from newscorpus.synth.corpus import raw_path

    raw, _ = synthetic_record(seed, docs, gold=False)
    path = root / raw_path(docs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(raw, encoding="utf-8")


def _change_record(root: Path, change) -> None:
    from newscorpus.record.writer import dumps_record

    path = sorted((root / "corpus" / "records").glob("*.json"))[1]
    record = json.loads(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(dumps_record(record), encoding="utf-8")


def _gold_timex(record: dict) -> None:
    """Mark the timex layer gold, dropping its last item (a correction, whether the layer was gold or not)."""
    from newscorpus.record.provenance import gold, with_provenance

    layer = record["layers"]["timex"]
    layer["items"] = layer["items"][:-1]
    record["layers"]["timex"] = with_provenance(layer, gold("bench", "2026-01-01"), complete=True)


def _gold_entity(record: dict) -> None:
    from newscorpus.record.provenance import gold, layer_of

    start = record["text"].index("Minister") if "Minister" in record["text"] else 0
    end = start + len("Minister") if start else record["text"].index(" ")
    item = {"id": "e1", "start": start, "end": end, "label": "ORG", "text": record["text"][start:end]}
    record["layers"]["entities"] = layer_of([item], gold("bench", "2026-01-01"), complete=True)
    record["layers"]["entity_links"] = layer_of([], gold("bench", "2026-01-01"), complete=True)


def _synthesize(root: Path, docs: int, seed: int, jobs: int, gold: bool, reuse: bool) -> dict | None:
    """Write the synthetic corpus (timed), or keep the one an earlier run left (``reuse``): then None."""
    pristine = root.with_name(root.name + ".pristine")  # the corpus as synth wrote it, kept for --reuse
    marker = root.with_name(root.name + ".pristine.json")  # what it was written with
    wanted = {"docs": docs, "seed": seed, "gold": gold}
    shutil.rmtree(root, ignore_errors=True)
    if reuse and marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == wanted:
        shutil.copytree(pristine, root / "corpus")
        return None
    marker.unlink(missing_ok=True)
    shutil.rmtree(pristine, ignore_errors=True)
    synth = ["synth", "--root", str(root), "--docs", str(docs), "--seed", str(seed), "--jobs", str(jobs), "-q"]
    # synth writes the same raw captures either way; its gold-like records are cheap to write (no annotator
    # runs). For automatic layers they are removed, so the clean build converts and annotates every article
    # from its raw capture alone, as a corpus's first build does, without synth annotating it all once more.
    figure = timed([*synth, "--gold"])
    if not gold:
        shutil.rmtree(root / "corpus" / "records")
    if reuse:
        shutil.copytree(root / "corpus", pristine)
        marker.write_text(json.dumps(wanted), encoding="utf-8")
    return figure


def bench_size(
    docs: int,
    jobs: int,
    seed: int,
    workdir: Path,
    gold_entity: bool,
    check_full: bool,
    gold: bool = False,
    reuse: bool = False,
) -> dict:
    root = workdir / f"incremental-{docs}"
    build = ["build", "--root", str(root), "--jobs", str(jobs), "-q"]
    kind = "gold-like layers (no annotator runs)" if gold else "automatic layers"
    print(f"\n== {docs:,} documents, {kind}, {jobs} jobs ==", flush=True)
    figures: dict[str, dict] = {}
    synthesized = _synthesize(root, docs, seed, jobs, gold, reuse)
    if synthesized is None:
        print("  synth: the corpus of an earlier run reused", flush=True)
    else:
        print(f"  synth {synthesized['seconds']:.1f} s", flush=True)
    plan = [
        ("clean build", lambda: shutil.rmtree(root / "corpus" / ".cache", ignore_errors=True), build),
        ("no-op rebuild", lambda: None, build),
        ("one article changed", lambda: _edit_raw(root), build),
        ("one article added", lambda: _add_raw(root, docs, seed), build),
        ("one gold layer changed (timex)", lambda: _change_record(root, _gold_timex), build),
    ]
    if gold_entity:
        plan.append(("one gold entity added (all re-made)", lambda: _change_record(root, _gold_entity), build))
    plan.append(("build --check", lambda: None, ["build", "--check", "--root", str(root), "--jobs", str(jobs), "-q"]))
    if check_full:
        plan.append(("build --check --full", lambda: None, [*plan[-1][2], "--full"]))
    for label, prepare, arguments in plan:
        prepare()
        figures[label] = timed(arguments)
        print(f"  ({label}: {figures[label]['seconds']:.2f} s, CPU {figures[label]['cpu_seconds']:.2f} s)", flush=True)
    clean, clean_cpu = figures["clean build"]["seconds"], figures["clean build"]["cpu_seconds"]
    print(f"  {'':38} {'wall':>10} {'share':>7} {'CPU':>10} {'share':>7}  load  peak MB (process / tree)")
    for label, figure in figures.items():
        figure["ratio"] = figure["seconds"] / clean
        figure["cpu_ratio"] = figure["cpu_seconds"] / clean_cpu
        print(
            f"  {label:38} {figure['seconds']:8.2f} s {100 * figure['ratio']:6.1f}% "
            f"{figure['cpu_seconds']:8.2f} s {100 * figure['cpu_ratio']:6.1f}%  {figure['load_after']:4.1f}  "
            f"{figure['peak_process_mb']:6.0f} / {figure['peak_tree_mb']:6.0f}",
            flush=True,
        )
    if synthesized is not None:
        figures["synth"] = synthesized
    target = TARGETS.get(docs)
    if target is not None:
        for label in ("no-op rebuild", "one article changed"):
            for measure in ("ratio", "cpu_ratio"):
                verdict = "meets" if figures[label][measure] <= target else "misses"
                kind = "wall" if measure == "ratio" else "CPU"
                print(f"  target {label} <= {100 * target:.0f}% ({kind}): {verdict}", flush=True)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1_000], help="corpus sizes to run")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=None, help="where corpora go (default: a temporary folder)")
    parser.add_argument("--gold-entity", action="store_true", help="also time a gold entity change (a full re-make)")
    parser.add_argument("--check-full", action="store_true", help="also time build --check --full")
    parser.add_argument(
        "--gold",
        action="store_true",
        help="gold-like layers: a cheaper clean build (no annotator runs), so ratios are harder",
    )
    parser.add_argument("--out", type=Path, default=None, help="write all figures as JSON here")
    parser.add_argument("--reuse", action="store_true", help="reuse the corpus an earlier run left in --workdir")
    arguments = parser.parse_args(argv)
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="newscorpus-bench-incremental-"))
    print(machine())
    results = {
        docs: bench_size(
            docs,
            arguments.jobs,
            arguments.seed,
            workdir,
            arguments.gold_entity,
            arguments.check_full,
            arguments.gold,
            arguments.reuse,
        )
        for docs in arguments.docs
    }
    if arguments.out:
        arguments.out.write_text(json.dumps({"machine": machine(), "results": results}, indent=2), encoding="utf-8")
    if arguments.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
