"""The package's shape: small modules, a short top level, and imports that flow one way."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import newscorpus

PACKAGE = Path(newscorpus.__file__).parent
MAX_LINES = 400
MAX_TOP_LEVEL_MODULES = 8
# Step packages: each does one step's work and knows nothing of the orchestration over it.
STEP_PACKAGES = (
    "annotate",
    "convert",
    "evaluate",
    "gold",
    "io",
    "release",
    "stats",
    "synth",
    "validate",
    "viewer",
    "views",
)
ORCHESTRATOR = "newscorpus.pipeline"


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """The dotted name of the module in ``path`` (a package's ``__init__.py`` is the package)."""
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, known: set[str], package: Path = PACKAGE) -> set[str]:
    """Modules of the package that ``path`` imports anywhere: at the top, inside functions, under TYPE_CHECKING.

    ``from a.b import c`` imports ``a.b``, and ``a.b.c`` too when that is a module.
    Relative imports are resolved against the importing module.
    """
    name = module_name(path, package)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {target for target in targets if target in known}
    found.discard(name)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module name -> the package's modules it imports, read from the source (nothing is imported)."""
    paths = {module_name(path, package): path for path in sorted(package.rglob("*.py"))}
    return {name: imported_modules(path, set(paths), package) for name, path in paths.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first repeated at the end), or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_module_is_longer_than_the_limit():
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_top_level_holds_at_most_eight_modules():
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert "__init__.py" in modules
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, modules


def test_the_package_has_no_import_cycle():
    assert find_cycle(import_graph()) is None


def test_the_subpackages_import_each_other_in_one_direction():
    """Modules collapsed to their subpackage (``newscorpus.release.card`` to ``newscorpus.release``): still no cycle."""

    def subpackage(name: str) -> str:
        return ".".join(name.split(".")[:2])

    collapsed: dict[str, set[str]] = {}
    for name, targets in import_graph().items():
        collapsed.setdefault(subpackage(name), set()).update(subpackage(t) for t in targets)
    for name, targets in collapsed.items():
        targets.discard(name)
    assert find_cycle(collapsed) is None


def test_no_step_package_imports_the_orchestrator():
    offending = {
        (name, target)
        for name, targets in import_graph().items()
        if name.split(".")[1:2] and name.split(".")[1] in STEP_PACKAGES
        for target in targets
        if target == ORCHESTRATOR or target.startswith(ORCHESTRATOR + ".")
    }
    assert offending == set()


CORE = ("newscorpus", "newscorpus.record", "newscorpus.text", "newscorpus.problems")


def _entries_in_map(text: str) -> set[str]:
    """Names the package map lists (``record/``, ``cli.py``, ...)."""
    return {match for match in re.findall(r"^\s+([\w]+/|[\w]+\.py)\s", text, flags=re.M)}


def _package_entries() -> set[str]:
    folders = {f"{p.name}/" for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    return folders | {p.name for p in PACKAGE.glob("*.py")}


def test_the_package_docstring_maps_every_module_and_folder():
    package_map = (newscorpus.__doc__ or "").split("newscorpus/\n", 1)[1].split("\n\n", 1)[0]
    assert _entries_in_map(package_map) == _package_entries()


def test_the_readme_layout_has_the_same_map(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    package_map = layout.split("newscorpus/\n", 1)[1].split("```", 1)[0]
    assert _entries_in_map(package_map) == _package_entries()
    assert package_map.strip() in (newscorpus.__doc__ or "").replace("\n    ", "\n")


def test_the_shared_core_imports_no_step():
    """The top-level modules, record, text and problems import only each other."""

    def is_core(name: str) -> bool:
        return (name.count(".") == 1 and not (PACKAGE / name.split(".")[1]).is_dir()) or name.startswith(CORE)

    outward = {(n, t) for n, targets in import_graph().items() if is_core(n) for t in targets if not is_core(t)}
    assert outward == set()


def test_every_step_package_exists():
    assert all((PACKAGE / step / "__init__.py").is_file() for step in STEP_PACKAGES)


@pytest.fixture
def tiny_package(tmp_path: Path) -> Path:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from . import b\n")
    (package / "a.py").write_text("def f():\n    from pkg.sub.b import g\n    return g\n")
    (package / "sub" / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n")
    return package


def test_the_graph_sees_imports_inside_functions_relative_and_type_checking_ones(tiny_package):
    graph = import_graph(tiny_package)
    assert graph == {"pkg": set(), "pkg.sub": {"pkg.sub.b"}, "pkg.a": {"pkg.sub.b"}, "pkg.sub.b": {"pkg.a"}}
    assert find_cycle(graph) == ["pkg.a", "pkg.sub.b", "pkg.a"]


def test_a_graph_without_a_cycle_has_none():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
