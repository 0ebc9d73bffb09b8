"""Worker processes end when the process that started them dies.

A ``kill -9`` of a build leaves its pool behind: the workers wait on their
task queue for ever, and the fork server and the resource tracker wait for
them. So every worker (its initializer calls ``end_with_parent``) is tied to
the pipeline's process in two ways: the kernel sends it SIGKILL when its own
parent (the fork server) dies (``PR_SET_PDEATHSIG``, Linux), and a daemon
thread waits on a pidfd of the pipeline's process (polling its pid where
pidfds are not available) and ends the worker when that process is gone.
The fork server itself imports ``newscorpus.engines.forkserver_preload``,
which ties it to the pipeline's process the same way (it would otherwise take
seconds to unload spaCy and pyarrow after its parent is gone). With workers
and fork server gone, the resource tracker sees its last client leave and
exits on its own.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux; elsewhere nothing)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # no libc to ask: the watchdog thread alone ends the worker


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _wait_for_exit(pid: int) -> None:
    try:
        descriptor = os.pidfd_open(pid)
    except (AttributeError, OSError):
        while _alive(pid):
            time.sleep(_POLL_SECONDS)
    else:
        select.select([descriptor], [], [])  # readable once the process has exited
    os._exit(1)  # the pipeline is gone: nobody will read this worker's results


def end_with_parent(pipeline_pid: int) -> None:
    """Make this worker end when ``pipeline_pid`` (the process that owns the pool) or its own parent dies."""
    die_with_parent()
    if not _alive(pipeline_pid):
        os._exit(1)
    threading.Thread(target=_wait_for_exit, args=(pipeline_pid,), daemon=True, name="end-with-parent").start()
