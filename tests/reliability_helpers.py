"""What the reliability tests share: running a command as a user does, and proving nothing changed."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from newscorpus.cli import main

REPO = Path(__file__).resolve().parent.parent
NEWSCORPUS = [sys.executable, "-m", "newscorpus.cli"]


@dataclass(frozen=True, slots=True)
class Ran:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path) -> Ran:
    """A command run in this process; a traceback (any exception but SystemExit) fails the test."""
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback from {args}: {result.exception!r}") from result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str | Path, timeout: float = 120, cwd: Path | None = None) -> Ran:
    """A command in its own process, killed after ``timeout`` seconds (a hang fails the test, never stalls it)."""
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    done = subprocess.run(
        [*NEWSCORPUS, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=environment, cwd=cwd
    )
    assert "Traceback" not in done.stderr, done.stderr
    return Ran(done.returncode, done.stdout, done.stderr)


def snapshot(root: Path) -> dict[str, tuple[str, bytes]]:
    """Every entry under ``root`` (links not followed) with its type and, for files and links, content."""
    found: dict[str, tuple[str, bytes]] = {}
    for path in sorted(root.rglob("*")):
        mode = path.lstat().st_mode
        name = path.relative_to(root).as_posix()
        if name == "corpus/.lock":
            continue  # the lock is made (empty) by every command that takes it
        if name == "corpus/.cache" or name.startswith("corpus/.cache/"):
            continue  # the conversion cache: entries a refused build made are right for their inputs, and reused
        if stat.S_ISLNK(mode):
            found[name] = ("link", str(path.readlink()).encode())
        elif stat.S_ISREG(mode):
            found[name] = ("file", path.read_bytes())
        else:
            found[name] = (oct(stat.S_IFMT(mode)), b"")
    return found


_TEMPLATE: list[Path] = []  # the seed corpus, built once per test session


def _seed_corpus_template() -> Path:
    """A corpus of the seed article alone (raw capture, record, and the release built from them), made once.

    The whole committed corpus is hundreds of articles: building it in every
    test that needs a corpus would take minutes. The seed is one article,
    fully gold, so its record is the committed one.
    """
    if not _TEMPLATE:
        root = Path(tempfile.mkdtemp(prefix="newscorpus-seed-corpus-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        seed_record = next(path for path in (REPO / "corpus" / "records").glob("themoscowtimes-*.json"))
        seed_raw = REPO / json.loads(seed_record.read_text(encoding="utf-8"))["raw"]["path"]
        (root / seed_raw.relative_to(REPO)).parent.mkdir(parents=True)
        shutil.copy2(seed_raw, root / seed_raw.relative_to(REPO))
        (root / "corpus" / "records").mkdir()
        shutil.copy2(seed_record, root / "corpus" / "records" / seed_record.name)
        built = run_cli("build", "--root", root, "-j", "1", "-q")
        assert built.exit_code == 0, built.stderr
        assert (root / "corpus" / "records" / seed_record.name).read_bytes() == seed_record.read_bytes()
        (root / "corpus" / ".lock").unlink(missing_ok=True)
        _TEMPLATE.append(root)
    return _TEMPLATE[0]


def built_corpus(tmp_path: Path) -> Path:
    """A scratch corpus at ``tmp_path``: the seed's raw file, record and release (a copy of the session's)."""
    shutil.copytree(_seed_corpus_template() / "corpus", tmp_path / "corpus")
    return tmp_path


def error_codes(text: str) -> list[str]:
    """The codes of the ``... error [code] ...`` lines of a command's output."""
    return [line.split("error [", 1)[1].split("]", 1)[0] for line in text.splitlines() if "error [" in line]
