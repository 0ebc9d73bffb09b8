"""Pass files as data: where they live, format 1, and reading one with every key checked.

A pass holds complete layers of one document, made by one annotator who never
saw another pass of it. Ids inside a pass are local to it: a link names an
entity of the same pass, a quote source a mention of the same pass. The item
shapes are the record's (``schema/record.schema.json``), with ``id`` optional
where nothing refers to the item; ``check`` validates items on the record.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newscorpus.problems.value import Problem, pointer
from newscorpus.record.reader import read_record_file

FORMAT = "newscorpus-annotation-pass/1"
ADJUDICATED = "adjudicated"
PASS_LAYERS = ("entities", "entity_links", "coreference", "quotations", "timex")
_REQUIRED = {"format": str, "document_id": str, "text_sha256": str, "pass": str, "annotator": str, "date": str}
_OPTIONAL = {
    "method": str,
    "layers": dict,
    "publication_date": dict,
    "topics": list,
    "changes": dict,
    "notes": list,
    "from": list,
    "decisions": list,
}
_DOCUMENT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PASS_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DECISION_KEYS = {"layer", "A", "B", "chosen", "reason"}


@dataclass(frozen=True, slots=True)
class GoldLayout:
    """Where the passes and adjudications of a corpus rooted at ``root`` live."""

    root: Path

    @property
    def annotations_dir(self) -> Path:
        return self.root / "corpus" / "annotations"

    @property
    def passes_dir(self) -> Path:
        return self.annotations_dir / "passes"

    @property
    def adjudicated_dir(self) -> Path:
        return self.annotations_dir / ADJUDICATED

    @property
    def agreement_file(self) -> Path:
        return self.annotations_dir / "AGREEMENT.md"

    def pass_path(self, pass_name: str, document_id: str) -> Path:
        folder = self.adjudicated_dir if pass_name == ADJUDICATED else self.passes_dir / pass_name
        return folder / f"{document_id}.json"

    def pass_names(self) -> list[str]:
        """The pass folders, sorted (A, B, ...)."""
        return sorted(p.name for p in self.passes_dir.iterdir() if p.is_dir()) if self.passes_dir.is_dir() else []

    def all_files(self) -> list[Path]:
        """Every pass file and then every adjudication, sorted."""
        files = [f for name in self.pass_names() for f in sorted((self.passes_dir / name).glob("*.json"))]
        return files + (sorted(self.adjudicated_dir.glob("*.json")) if self.adjudicated_dir.is_dir() else [])


@dataclass(frozen=True, slots=True)
class PassFile:
    """One pass (or adjudication) of one document, as read: its shown path and its data."""

    shown: str
    data: dict[str, Any]

    @property
    def document_id(self) -> str:
        return str(self.data["document_id"])

    @property
    def name(self) -> str:
        return str(self.data["pass"])

    @property
    def layers(self) -> dict[str, list[dict[str, Any]]]:
        return self.data.get("layers") or {}

    @property
    def is_adjudication(self) -> bool:
        return self.name == ADJUDICATED


def text_sha256(text: str) -> str:
    """What a pass's ``text_sha256`` holds: the SHA-256 of the record's text in UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_pass_file(path: Path, shown: str | None = None) -> tuple[PassFile | None, list[Problem]]:
    """The pass in ``path`` if its shape is format 1, else None and the located problems (never raises)."""
    shown = shown or str(path)
    data, problems = read_record_file(path)  # the hardened reader: size, encoding, duplicate keys, NaN, depth
    if data is None:
        return None, [Problem("pass.unreadable", f"[{p.code}] {p.message}", file=shown) for p in problems]
    document_id = data.get("document_id") if isinstance(data.get("document_id"), str) else None
    found = [p.located(shown, document_id) for p in iter_format_problems(data)]
    if found:
        return None, found
    return PassFile(shown, data), _placement_problems(path, data, shown)


def iter_format_problems(data: dict[str, Any]) -> list[Problem]:
    """Every key of the pass checked: known, of its type, with its form; item shapes are left to ``check``."""
    problems = []

    def bad(message: str, *where: str | int) -> None:
        problems.append(Problem("pass.format", message, pointer(*where)))

    for key in data.keys() - _REQUIRED.keys() - _OPTIONAL.keys():
        bad(f"unknown key {key!r}", key)
    for key, kind in {**_REQUIRED, **_OPTIONAL}.items():
        if key in data and not isinstance(data[key], kind):
            bad(f"{key} is {type(data[key]).__name__}, not {kind.__name__}", key)
        elif key not in data and key in _REQUIRED:
            bad(f"missing key {key!r}")
    if problems:
        return problems
    if data["format"] != FORMAT:
        bad(f"format {data['format']!r} is not {FORMAT!r}", "format")
    for key, form in (("document_id", _DOCUMENT_ID), ("text_sha256", _SHA256)):
        if not form.fullmatch(data[key]):
            bad(f"{key} {data[key][:80]!r} does not have the form {form.pattern}", key)
    if data["pass"] != ADJUDICATED and not _PASS_NAME.fullmatch(data["pass"]):
        bad(f"pass {data['pass'][:40]!r} is neither a capital-letter name (A, B) nor {ADJUDICATED!r}", "pass")
    if not data["annotator"].strip():
        bad("annotator is empty", "annotator")
    if not _is_date(data["date"]):
        bad(f"date {data['date'][:40]!r} is not a calendar date YYYY-MM-DD", "date")
    for name, items in data.get("layers", {}).items():
        if name not in PASS_LAYERS:
            bad(f"unknown layer {name!r}; layers are {', '.join(PASS_LAYERS)}", "layers", name)
        elif not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            bad(f"layer {name} is not a list of objects", "layers", name)
    if "publication_date" in data and set(data["publication_date"]) != {"value", "evidence"}:
        bad("publication_date holds exactly value and evidence", "publication_date")
    if not all(isinstance(note, str) for note in data.get("notes", [])):
        bad("notes are strings", "notes")
    problems += _adjudication_format_problems(data)
    return problems


def _adjudication_format_problems(data: dict[str, Any]) -> list[Problem]:
    is_adjudication = data["pass"] == ADJUDICATED
    problems = []
    for key in ("from", "decisions"):
        if is_adjudication and key not in data:
            problems.append(Problem("pass.format", f"an adjudication has {key!r}", pointer()))
        elif not is_adjudication and key in data:
            problems.append(Problem("pass.format", f"only an adjudication has {key!r}", pointer(key)))
    sources = data.get("from", [])
    if is_adjudication and (
        len(sources) != 2 or not all(isinstance(s, str) and _PASS_NAME.fullmatch(s) for s in sources)
    ):
        problems.append(
            Problem("pass.format", 'from names the two passes adjudicated, e.g. ["A", "B"]', pointer("from"))
        )
    for index, decision in enumerate(data.get("decisions", [])):
        if not isinstance(decision, dict) or set(decision) != _DECISION_KEYS:
            keys = ", ".join(sorted(_DECISION_KEYS))
            problems.append(Problem("pass.format", f"a decision holds exactly {keys}", pointer("decisions", index)))
        elif not isinstance(decision["reason"], str) or not decision["reason"].strip():
            problems.append(Problem("pass.format", "a decision says why", pointer("decisions", index, "reason")))
    return problems


def _is_date(value: str) -> bool:
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and date.fromisoformat(value) is not None
    except ValueError:
        return False


def _placement_problems(path: Path, data: dict[str, Any], shown: str) -> list[Problem]:
    """A pass file is named for its document and sits in its pass's folder, so that passes match by path."""
    expected_folder = ADJUDICATED if data["pass"] == ADJUDICATED else data["pass"]
    problems = []
    if path.stem != data["document_id"]:
        problems.append(Problem("pass.misplaced", f"file name {path.name!r} is not {data['document_id']}.json"))
    in_layout = path.parent.name == ADJUDICATED or path.parent.parent.name == "passes"
    if in_layout and path.parent.name != expected_folder:
        problems.append(Problem("pass.misplaced", f"a {data['pass']!r} pass in folder {path.parent.name!r}"))
    return [p.located(shown, data["document_id"]) for p in problems]
