"""Worker processes end when the process that owns the pool dies (``kill -9`` of a build leaves no orphans)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# A parent that starts a pool of two workers busy with long tasks, then prints its pid and waits.
_PARENT = """
import os, sys, time
from newscorpus.engines.local import LocalEngine
engine = LocalEngine(2)
results = engine.map(time.sleep, [120, 120, 120, 120])
print(os.getpid(), flush=True)
next(results)
"""


def _children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _tree(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        children = _children_of(current)
        found += children
        queue += children
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left for its parent to read


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc (Linux)")
def test_killing_the_parent_ends_the_fork_server_the_resource_tracker_and_the_workers():
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True)
    helpers: list[int] = []
    try:
        assert int(parent.stdout.readline()) == parent.pid
        deadline = time.monotonic() + 60
        while len(_tree(parent.pid)) < 4 and time.monotonic() < deadline:  # tracker, fork server, 2 workers
            time.sleep(0.2)
        helpers = _tree(parent.pid)
        assert len(helpers) >= 4, f"the pool did not start: {helpers}"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 3  # "within a couple of seconds", on a loaded machine
        while any(map(_alive, helpers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [pid for pid in helpers if _alive(pid)] == []
    finally:  # whatever happened, leave no process of this test behind
        for pid in [*helpers, *_tree(parent.pid)]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        parent.kill()
        parent.wait()


def _die(_: int) -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would


def test_a_worker_that_dies_is_a_located_error_not_a_broken_pool_traceback():
    from newscorpus.engines.local import LocalEngine
    from newscorpus.problems.errors import UnusableInputError

    engine = LocalEngine(2)
    try:
        with pytest.raises(UnusableInputError) as raised:
            list(engine.map(_die, [1, 2, 3]))
    finally:
        engine.close()
    assert raised.value.code == "engine.worker-lost"
