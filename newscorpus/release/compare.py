"""Comparing a freshly built release folder with the committed one, entry by entry, links not followed.

``build --check`` must see everything a release can hold that the build did
not make: a file replaced by a link (even to an identical file), an extra
folder (even an empty one), a stray file, a FIFO. So both trees are listed
with ``lstat`` and compared by relative path and file type first, and by
content only where both sides are regular files.
"""

from __future__ import annotations

import filecmp
import os
import stat
from pathlib import Path

from newscorpus.record.files import describe_file_type


def _entries(root: Path) -> dict[str, int]:
    """Every entry below ``root`` (files, folders, links, special files) by relative path: its ``st_mode``."""
    found: dict[str, int] = {}
    pending = [root]
    while pending:
        current = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                path = current / entry.name
                mode = entry.stat(follow_symlinks=False).st_mode
                found[path.relative_to(root).as_posix()] = mode
                if stat.S_ISDIR(mode):
                    pending.append(path)
    return found


def compare_trees(expected: Path, actual: Path, shown: str) -> list[str]:
    """One line per difference between the tree ``expected`` (built) and ``actual`` (committed), shown as ``shown``."""
    if actual.is_symlink() or (actual.exists() and not actual.is_dir()):
        return [f"{shown}: is {describe_file_type(os.lstat(actual).st_mode)}, not a folder"]
    made = _entries(expected)
    held = _entries(actual) if actual.is_dir() else {}
    differences = [f"{shown}/{name}: missing" for name in sorted(made.keys() - held.keys())]
    differences += [
        f"{shown}/{name}: not produced by the build ({describe_file_type(held[name])})"
        for name in sorted(held.keys() - made.keys())
    ]
    for name in sorted(made.keys() & held.keys()):
        if stat.S_IFMT(made[name]) != stat.S_IFMT(held[name]):
            differences.append(
                f"{shown}/{name}: is {describe_file_type(held[name])}, the build makes {describe_file_type(made[name])}"
            )
        elif stat.S_ISREG(made[name]) and not filecmp.cmp(expected / name, actual / name, shallow=False):
            differences.append(f"{shown}/{name}: content differs")
    return differences
