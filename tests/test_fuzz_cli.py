"""A bounded fuzz run through the command line: no input a contributor can bring gives a traceback.

Records (a value anywhere in the seed record replaced, or its text cut and
spliced), raw captures (arbitrary text and bytes) and Label Studio exports
(a result value replaced) go through ``convert``, ``validate``, ``build``,
``import`` and ``export`` as a user runs them; each must end with exit 0, 1
or 2 and a located message, never an exception. The default run is small
enough for the default test command; NEWSCORPUS_CLI_FUZZ_EXAMPLES=300 makes a
deep run.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import REPO, built_corpus, run_cli

CLI_FUZZ = settings(
    max_examples=int(os.environ.get("NEWSCORPUS_CLI_FUZZ_EXAMPLES", "6")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEED_FILE = next((REPO / "corpus" / "records").glob("themoscowtimes-*.json"))
SEED_TEXT = SEED_FILE.read_text(encoding="utf-8")
SEED = json.loads(SEED_TEXT)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["gold", "auto", "ORG", "corpus/raw/../x.txt", "1e400", "\u2029", "", "e1", "m1"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every dict key and list index of ``value``."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += [(*path, key), *_containers(item, (*path, key))]
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):  # the first few items: enough, and a small search space
            found += [(*path, index), *_containers(item, (*path, index))]
    return found


SEED_PATHS = _containers(SEED)


@st.composite
def mutated_records(draw: st.DrawFn) -> str:
    """The seed record's text with one value replaced or removed, or its text spliced."""
    how = draw(st.sampled_from(["replace", "remove", "splice"]))
    if how == "splice":
        cut = draw(st.integers(0, len(SEED_TEXT)))
        other = draw(st.integers(0, len(SEED_TEXT)))
        return SEED_TEXT[:cut] + draw(st.text(max_size=10)) + SEED_TEXT[other:]
    record = json.loads(SEED_TEXT)
    path = draw(st.sampled_from(SEED_PATHS))
    parent = record
    for part in path[:-1]:
        parent = parent[part]
    if how == "remove":
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(values)
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


raw_bytes = st.one_of(
    st.binary(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200).map(
        lambda text: text.encode("utf-8", "surrogatepass")
    ),
    st.lists(
        st.sampled_from(
            ["Headline", "\n", "\n\n", "\u2029", " said ", "\u201c", "Kremlin", ".", "\U0001f44d\U0001f3fd"]
        ),
        max_size=40,
    ).map(lambda parts: "".join(parts).encode("utf-8")),
)


def _scratch_corpus() -> Path:
    return built_corpus(Path(tempfile.mkdtemp(prefix="newscorpus-fuzz-")))


def _each_ends_cleanly(*commands: list[Any]) -> None:
    for command in commands:
        ran = run_cli(*command)  # raises on a traceback
        assert ran.exit_code in (0, 1, 2), (command, ran.exit_code)
        if ran.exit_code == 2:
            assert "error [" in ran.stdout + ran.stderr, (command, ran.stderr)


@CLI_FUZZ
@given(mutated_records())
def test_a_mutated_record_gives_no_traceback_in_any_command(text):
    root = _scratch_corpus()
    try:
        (root / "corpus/records" / SEED_FILE.name).write_text(text, encoding="utf-8", errors="surrogatepass")
        out = root / "export.jsonl"
        _each_ends_cleanly(
            ["validate", "--root", root, "-j", "1"],
            ["export", "--root", root, "--format", "conll2003", out],
            ["convert", "--root", root, "-j", "1", "-q"],
            ["build", "--root", root, "-j", "1", "-q"],
            ["build", "--check", "--root", root, "-j", "1", "-q"],
        )
    finally:
        shutil.rmtree(root)


@CLI_FUZZ
@given(raw_bytes, st.sampled_from(["themoscowtimes", "somewhere"]))
def test_an_arbitrary_raw_capture_gives_no_traceback_in_convert_or_build(data, folder):
    root = _scratch_corpus()
    try:
        (root / "corpus/raw" / folder).mkdir(exist_ok=True)
        (root / "corpus/raw" / folder / "fuzz.txt").write_bytes(data)
        _each_ends_cleanly(["convert", "--root", root, "-j", "1", "-q"], ["build", "--root", root, "-j", "1", "-q"])
        _each_ends_cleanly(
            ["validate", "--root", root, "-j", "1"], ["export", "--root", root, "--format", "jsonl", root / "out.jsonl"]
        )
    finally:
        shutil.rmtree(root)


def _accepted_tasks(root: Path) -> list[dict[str, Any]]:
    tasks = root / "tasks.json"
    run_cli("export", "--root", root, "--format", "labelstudio", tasks)
    exported = json.loads(tasks.read_text(encoding="utf-8"))
    for task in exported:
        task["annotations"] = [{"id": 1, "result": task.pop("predictions")[0]["result"], "was_cancelled": False}]
    return exported


@CLI_FUZZ
@given(st.data())
def test_a_mutated_label_studio_export_gives_no_traceback_and_writes_nothing_when_refused(data):
    root = _scratch_corpus()
    try:
        tasks = _accepted_tasks(root)
        paths = _containers(tasks)
        path = data.draw(st.sampled_from(paths))
        parent: Any = tasks
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = data.draw(values)
        export = root / "export.json"
        export.write_text(json.dumps(tasks), encoding="utf-8")
        before = (root / "corpus/records" / SEED_FILE.name).read_bytes()
        ran = run_cli("import", "--root", root, "--format", "labelstudio", "--annotator", "F", export)
        assert ran.exit_code in (0, 1, 2)
        if ran.exit_code != 0:
            assert (root / "corpus/records" / SEED_FILE.name).read_bytes() == before
    finally:
        shutil.rmtree(root)
