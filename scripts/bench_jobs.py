"""Time `newscorpus convert` in one process and with every core, on corpora of growing size.

The measurement behind the default number of jobs (newscorpus.engines.SERIAL_BELOW_RAW_BYTES):
a corpus of the first N raw captures of one folder (default: the Wikinews articles), or of
K copies of all of them with the headline changed so that each copy is a new article, is
converted from scratch with --jobs 1 and --jobs C, alternately, R times each.

    python scripts/bench_jobs.py --sizes 8 32 128 293 --copies 3 --repeats 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _copy_captures(sources: list[Path], folder: Path, copies: int) -> int:
    """Write the captures (``copies`` times, headlines numbered after the first) into ``folder``; total bytes."""
    folder.mkdir(parents=True)
    total = 0
    for copy in range(copies):
        for source in sources:
            text = source.read_text(encoding="utf-8")
            if copy:
                header, _, rest = text.partition("\n\n")  # header capture: the headline follows the header
                headline, _, body = rest.partition("\n")
                text = f"{header}\n\n{headline} (copy {copy})\n{body}"
            target = folder / f"{copy}-{source.name}"
            target.write_text(text, encoding="utf-8")
            total += target.stat().st_size
    return total


def _time_convert(root: Path, jobs: int) -> float:
    shutil.rmtree(root / "corpus" / "records", ignore_errors=True)
    (root / "corpus" / "records").mkdir()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    started = time.perf_counter()
    command = [sys.executable, "-m", "newscorpus.cli", "convert", "--root", str(root), "--jobs", str(jobs), "-q"]
    subprocess.run(command, check=True, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", default="wikinews", help="folder of corpus/raw/ to take captures from")
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 32, 128, 293])
    parser.add_argument("--copies", type=int, nargs="*", default=[3], help="corpora of K copies of every capture")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--cores", type=int, default=len(os.sched_getaffinity(0)))
    arguments = parser.parse_args()
    captures = sorted((REPO / "corpus" / "raw" / arguments.folder).glob("*.txt"))
    corpora = [(size, 1) for size in arguments.sizes] + [(len(captures), copies) for copies in arguments.copies]
    print(f"| articles | input bytes | --jobs 1 (s) | --jobs {arguments.cores} (s) |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        for size, copies in corpora:
            root = Path(scratch) / f"{size}x{copies}"
            folder = root / "corpus" / "raw" / arguments.folder
            total = _copy_captures(captures[:size], folder, copies)
            times: dict[int, list[float]] = {1: [], arguments.cores: []}
            for _ in range(arguments.repeats):
                for jobs in times:
                    times[jobs].append(_time_convert(root, jobs))
            shown = {jobs: ", ".join(f"{t:.1f}" for t in found) for jobs, found in times.items()}
            print(f"| {size * copies} | {total:,} | {shown[1]} | {shown[arguments.cores]} |", flush=True)


if __name__ == "__main__":
    main()
