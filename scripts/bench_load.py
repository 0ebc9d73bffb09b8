"""Benchmark the warm ``newscorpus.load()`` with its freshness check, on a synthetic release of N documents.

Not a test: it measures time. Run, for example:

    python scripts/bench_load.py --docs 100000 --workdir /tmp/bench-load

Writes N synthetic records (``newscorpus synth``), writes the release from
them directly (no convert: the load is what is measured), loads every config
once (cold: builds the Arrow cache), then, each in a new process with
``datasets`` imported first, loads the default config again --repeat times and
reports the median and slowest warm load and the share of it spent checking
the release files against SHA256SUMS (a stat per file).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

_WARM = r"""
import json, sys, time
import datasets  # imported first, as in scripts/bench.py: the load is timed, not the import
import newscorpus
import newscorpus.loader as loader
release, cache = sys.argv[1], sys.argv[2]
checked = []
real = loader.verified_stamps
def timed(*args):
    started = time.perf_counter()
    try:
        return real(*args)
    finally:
        checked.append(time.perf_counter() - started)
loader.verified_stamps = timed
started = time.perf_counter()
newscorpus.load(release=release, cache_dir=cache)
print(json.dumps({"seconds": time.perf_counter() - started, "check_seconds": sum(checked)}))
"""


def _write(root: Path, docs: int, jobs: int) -> dict:
    from newscorpus.engines import open_engine
    from newscorpus.record.layout import CorpusLayout
    from newscorpus.release.folder import write_release_from
    from newscorpus.release.sources import RecordFiles
    from newscorpus.synth import write_synthetic_corpus

    layout = CorpusLayout(root)
    engine = open_engine("local", jobs)
    started = time.perf_counter()
    write_synthetic_corpus(root, docs, 0, engine)
    synth_seconds = time.perf_counter() - started
    files = sorted(layout.records_dir.glob("*.json"))
    sizes = [(path.stem, path.stat().st_size) for path in files]
    started = time.perf_counter()
    summary = write_release_from(RecordFiles((layout.records_dir,)), sizes, layout.release_dir, engine)
    engine.close()
    return {"synth_seconds": synth_seconds, "write_seconds": time.perf_counter() - started, "files": len(summary.files)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, required=True)
    arguments = parser.parse_args()
    root = arguments.workdir / f"corpus-{arguments.docs}"
    release, cache = root / "corpus" / "release", root / "hf-cache"
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    result: dict = {"docs": arguments.docs}
    if not (release / "SHA256SUMS").is_file():
        result.update(_write(root, arguments.docs, arguments.jobs))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", _WARM, str(release), str(cache)], check=True, env=environment)
    result["cold_seconds"] = time.perf_counter() - started
    warm = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _WARM, str(release), str(cache)],
                check=True,
                env=environment,
                capture_output=True,
                text=True,
            ).stdout
        )
        for _ in range(arguments.repeat)
    ]
    result["release_files"] = len((release / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    result["warm_median_seconds"] = statistics.median(w["seconds"] for w in warm)
    result["warm_max_seconds"] = max(w["seconds"] for w in warm)
    result["check_median_seconds"] = statistics.median(w["check_seconds"] for w in warm)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
